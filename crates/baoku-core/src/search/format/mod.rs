//! The static index's files, defined once for the builder, the CLI and the
//! browser. Everything but `manifest.json` lives in one build folder
//! (`idx-<hash of its content>/`), so a CDN or cache can keep it forever:
//!
//! | file | format | fetched |
//! |---|---|---|
//! | `manifest.json` | JSON [`Manifest`] | first, always |
//! | `idx-…/meta.bin` | binary [`Meta`]: date runs, [`STORED_FACETS`] columns, chunk directory | at start |
//! | `idx-…/x.bin` | binary [`EXTRA_FACETS`] columns | after the first results |
//! | `idx-…/g/<n>.bin` | binary gram chunk: doc lists of a key range of unigrams/bigrams | per query, the chunks its grams fall in |
//! | `idx-…/p/<n>.bin` | binary position pieces of bigrams, by doc range | per query with a term of ≥ 3 chars, for candidate docs only |
//! | `idx-…/a/<doc>.json` | JSON [`Article`] | for the results on screen and the article read |
//! | `idx-…/id/<n>.json` | JSON `{id: doc}` bucket | to open an article by id (deep links) |
//!
//! Documents are numbered in browse order: issue date ascending, then page,
//! then position on the page, so "oldest" is doc order and "newest" is the
//! date runs reversed, page order kept.

mod meta;
mod postings;
#[cfg(test)]
mod tests;

pub use meta::*;
pub use postings::*;

use crate::data::DataError;
use crate::model::Article;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Version of the data files the build writes (not of `pages.json`).
/// 3: page, correspondent and author columns; reporters only in `reporter`.
pub const FORMAT_VERSION: u32 = 3;

/// Limits that keep a crafted manifest from making a reader allocate or
/// loop without bound. Generous: 50 million articles.
pub const MAX_DOCS: u32 = 50_000_000;
pub const MAX_CHUNKS: u32 = 50_000_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format_version: u32,
    pub article_count: u32,
    /// The build folder, relative to the manifest: `idx-` and 16 hex digits.
    pub dir: String,
    /// Files (relative to the manifest) needed before the first result;
    /// a service worker precaches these and no more for a large archive.
    pub boot: Vec<String>,
    /// Number of gram chunk files (`g/0.bin` … ).
    pub gram_chunks: u32,
    /// Number of position chunk files (`p/0.bin` … ).
    pub pos_chunks: u32,
    /// Number of id buckets (`id/0.json` … ).
    pub id_buckets: u32,
    /// Bytes of every file of the build (what "save for offline" downloads).
    pub total_bytes: u64,
    /// Characters that fold to something else (traditional → simplified,
    /// compatibility forms), restricted to what can match this corpus.
    #[serde(default)]
    pub fold: BTreeMap<char, String>,
}

pub(crate) fn malformed(what: &str, detail: impl std::fmt::Display) -> DataError {
    DataError::Malformed {
        what: what.to_string(),
        detail: detail.to_string(),
    }
}

impl Manifest {
    pub fn from_json(json: &str) -> Result<Manifest, DataError> {
        let m: Manifest = crate::data::parse_versioned("manifest.json", json, FORMAT_VERSION)?;
        m.validate()?;
        Ok(m)
    }

    /// Every field a reader uses to name or size something, checked.
    pub fn validate(&self) -> Result<(), DataError> {
        let bad = |d: &str| Err(malformed("manifest.json", d));
        let d = self.dir.as_bytes();
        if d.len() != 20
            || !self.dir.starts_with("idx-")
            || !d[4..].iter().all(u8::is_ascii_hexdigit)
        {
            return bad("dir is not a build folder name (idx- and 16 hex digits)");
        }
        if self.article_count > MAX_DOCS {
            return bad("article_count is too large");
        }
        if self.gram_chunks > MAX_CHUNKS || self.pos_chunks > MAX_CHUNKS {
            return bad("chunk count is too large");
        }
        if self.id_buckets == 0 || self.id_buckets > MAX_CHUNKS {
            return bad("id_buckets is out of range");
        }
        for b in &self.boot {
            if !is_safe_path(b) {
                return bad("boot names a path outside the data folder");
            }
        }
        for v in self.fold.values() {
            if v.chars().count() > 8 {
                return bad("a fold table entry is too long");
            }
        }
        Ok(())
    }
}

/// A relative path of plain names (`a/b.bin`): no `..`, no absolute path,
/// no backslash, drive or query; what may be joined onto the data folder.
pub fn is_safe_path(p: &str) -> bool {
    !p.is_empty()
        && p.len() < 256
        && p.split('/').all(|seg| {
            !seg.is_empty()
                && seg != "."
                && seg != ".."
                && seg
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        })
}

/// Paths of the build folder's files, relative to the build folder.
pub mod paths {
    pub const META: &str = "meta.bin";
    pub const EXTRA: &str = "x.bin";
    pub fn gram_chunk(n: u32) -> String {
        format!("g/{n}.bin")
    }
    pub fn pos_chunk(n: u32) -> String {
        format!("p/{n}.bin")
    }
    pub fn article(doc: u32) -> String {
        format!("a/{doc}.json")
    }
    pub fn id_bucket(n: u32) -> String {
        format!("id/{n}.json")
    }
}

/// The id bucket an article id lives in.
pub fn id_bucket_of(id: &str, buckets: u32) -> u32 {
    (crate::text::fnv1a(id.as_bytes()) % buckets.max(1) as u64) as u32
}

/// Gram keys: a unigram is its char; a bigram has its first char in the
/// high 32 bits (never zero: folding drops NUL).
pub fn unigram_key(c: char) -> u64 {
    c as u64
}
pub fn bigram_key(a: char, b: char) -> u64 {
    ((a as u64) << 32) | b as u64
}
pub fn is_bigram(key: u64) -> bool {
    key >> 32 != 0
}

/// An article fragment file.
pub fn decode_article(bytes: &[u8], doc: u32) -> Result<Article, DataError> {
    serde_json::from_slice(bytes).map_err(|e| malformed(&paths::article(doc), e))
}

/// An id bucket file.
pub fn decode_id_bucket(
    bytes: &[u8],
    n: u32,
    docs: u32,
) -> Result<BTreeMap<String, u32>, DataError> {
    let m: BTreeMap<String, u32> =
        serde_json::from_slice(bytes).map_err(|e| malformed(&paths::id_bucket(n), e))?;
    if m.values().any(|&d| d >= docs) {
        return Err(malformed(&paths::id_bucket(n), "doc number out of range"));
    }
    Ok(m)
}
