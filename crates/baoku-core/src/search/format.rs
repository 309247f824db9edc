//! The static index's files, defined once for the builder, the CLI and the
//! browser. Everything but `manifest.json` lives in one build folder
//! (`idx-<hash of its content>/`), so a CDN or cache can keep it forever:
//!
//! | file | format | fetched |
//! |---|---|---|
//! | `manifest.json` | JSON [`Manifest`] | first, always |
//! | `idx-…/meta.bin` | binary [`Meta`]: dates, facet columns, chunk directory | at start |
//! | `idx-…/g/<n>.bin` | binary gram chunk: doc lists of a key range of unigrams/bigrams | per query, the chunks its grams fall in |
//! | `idx-…/p/<n>.bin` | binary position pieces of bigrams, by doc range | per query with a term of ≥ 3 chars, for candidate docs only |
//! | `idx-…/a/<doc>.json` | JSON [`Article`] | for the results on screen and the article read |
//! | `idx-…/id/<n>.json` | JSON `{id: doc}` bucket | to open an article by id (deep links) |
//!
//! Documents are numbered in browse order: issue date ascending, then page,
//! then position on the page, so "oldest" is doc order and "newest" is the
//! date runs reversed, page order kept.

use super::codec::{put_str, put_u64, Corrupt, Reader};
use crate::data::DataError;
use crate::model::Article;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Version of the data files the build writes (not of `pages.json`).
pub const FORMAT_VERSION: u32 = 2;

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

fn malformed(what: &str, detail: impl std::fmt::Display) -> DataError {
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

/// Documents sharing an issue date (`None`: undated), consecutive in doc order.
#[derive(Debug, Clone, PartialEq)]
pub struct DateRun {
    pub date: Option<String>,
    pub start: u32,
    pub len: u32,
}

/// A multi-valued column: the value ids of doc `d` are
/// `ids[starts[d]..starts[d + 1]]`, indexes into `values`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Column {
    pub values: Vec<String>,
    pub starts: Vec<u32>,
    pub ids: Vec<u32>,
}

impl Column {
    pub fn of(&self, d: u32) -> &[u32] {
        let d = d as usize;
        match (self.starts.get(d), self.starts.get(d + 1)) {
            (Some(&a), Some(&b)) => self.ids.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Values, then all counts, then all ids (columnar compresses better).
    pub fn encode(&self, out: &mut Vec<u8>) {
        put_u64(out, self.values.len() as u64);
        for v in &self.values {
            put_str(out, v);
        }
        for w in self.starts.windows(2) {
            put_u64(out, (w[1] - w[0]) as u64);
        }
        for &id in &self.ids {
            put_u64(out, id as u64);
        }
    }

    /// Decode a column of `docs` documents; ids checked against the values.
    pub fn decode(r: &mut Reader, docs: u32) -> Result<Column, Corrupt> {
        let nv = r.count(1)?;
        let mut values = Vec::with_capacity(nv);
        for _ in 0..nv {
            values.push(r.str()?.to_string());
        }
        if (docs as usize) > r.remaining() {
            return Err(Corrupt("facet column shorter than the documents"));
        }
        let mut starts = Vec::with_capacity(docs as usize + 1);
        starts.push(0u32);
        let mut total = 0u32;
        for _ in 0..docs {
            total = total
                .checked_add(r.u32()?)
                .ok_or(Corrupt("facet counts overflow"))?;
            starts.push(total);
        }
        if total as usize > r.remaining() {
            return Err(Corrupt("facet ids shorter than their counts"));
        }
        let mut ids = Vec::with_capacity(total as usize);
        for _ in 0..total {
            let id = r.u32()?;
            if id as usize >= nv {
                return Err(Corrupt("facet value id out of range"));
            }
            ids.push(id);
        }
        Ok(Column {
            values,
            starts,
            ids,
        })
    }

    pub fn push_doc(&mut self, ids: impl IntoIterator<Item = u32>) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        self.ids.extend(ids);
        self.starts.push(self.ids.len() as u32);
    }
}

/// The facet columns of `x.bin`, fetched after the first results (they are
/// larger than the rest of the meta and no first screen needs them).
pub const EXTRA_FACETS: [super::Facet; 3] = [
    super::Facet::Organization,
    super::Facet::Document,
    super::Facet::Amount,
];

/// The stored facet columns, in this order (year and month come from dates).
pub const STORED_FACETS: [super::Facet; 4] = [
    super::Facet::Kind,
    super::Facet::Place,
    super::Facet::Reporter,
    super::Facet::Publication,
];

/// `meta.bin`: what every query needs about every document, a few bytes
/// per document, plus the directory of gram chunks.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    pub docs: u32,
    pub dates: Vec<DateRun>,
    /// One per [`STORED_FACETS`] entry.
    pub columns: Vec<Column>,
    /// First key of each gram chunk, ascending.
    pub chunk_keys: Vec<u64>,
}

const META_MAGIC: &[u8; 4] = b"BKM2";

impl Meta {
    pub fn encode(&self) -> Vec<u8> {
        let mut out = META_MAGIC.to_vec();
        put_u64(&mut out, self.docs as u64);
        put_u64(&mut out, self.dates.len() as u64);
        for r in &self.dates {
            put_str(&mut out, r.date.as_deref().unwrap_or(""));
            put_u64(&mut out, r.len as u64);
        }
        for c in &self.columns {
            c.encode(&mut out);
        }
        put_u64(&mut out, self.chunk_keys.len() as u64);
        let mut prev = 0u64;
        for &k in &self.chunk_keys {
            put_u64(&mut out, k - prev);
            prev = k;
        }
        out
    }

    /// Decode and check against the manifest: counts agree, ids in range,
    /// keys ascending. Any failure is a clear error, never a panic.
    pub fn decode(bytes: &[u8], m: &Manifest) -> Result<Meta, DataError> {
        Self::decode_inner(bytes, m).map_err(|e| malformed("meta.bin", e))
    }

    fn decode_inner(bytes: &[u8], m: &Manifest) -> Result<Meta, Corrupt> {
        if bytes.get(..4) != Some(&META_MAGIC[..]) {
            return Err(Corrupt("not a Baoku meta file"));
        }
        let mut r = Reader::new(&bytes[4..]);
        let docs = r.u32()?;
        if docs != m.article_count {
            return Err(Corrupt("document count differs from the manifest"));
        }
        let nruns = r.count(2)?;
        let mut dates = Vec::with_capacity(nruns);
        let mut start = 0u32;
        for _ in 0..nruns {
            let d = r.str()?;
            let len = r.u32()?;
            let date = if d.is_empty() {
                None
            } else {
                Some(d.to_string())
            };
            if date
                .as_deref()
                .is_some_and(|d| crate::dates::Ymd::parse(d).is_none())
            {
                return Err(Corrupt("a date is not YYYY-MM-DD"));
            }
            dates.push(DateRun { date, start, len });
            start = start
                .checked_add(len)
                .ok_or(Corrupt("date runs overflow"))?;
        }
        if start != docs {
            return Err(Corrupt("date runs do not cover the documents"));
        }
        let mut columns = Vec::new();
        for _ in STORED_FACETS {
            columns.push(Column::decode(&mut r, docs)?);
        }
        let nk = r.count(1)?;
        if nk != m.gram_chunks as usize {
            return Err(Corrupt("chunk directory differs from the manifest"));
        }
        let mut chunk_keys = Vec::with_capacity(nk);
        let mut prev = 0u64;
        for i in 0..nk {
            let delta = r.u64()?;
            if i > 0 && delta == 0 {
                return Err(Corrupt("chunk keys not ascending"));
            }
            prev = prev
                .checked_add(delta)
                .ok_or(Corrupt("chunk key overflow"))?;
            chunk_keys.push(prev);
        }
        if !r.is_empty() {
            return Err(Corrupt("trailing bytes"));
        }
        Ok(Meta {
            docs,
            dates,
            columns,
            chunk_keys,
        })
    }

    /// The gram chunk that would hold `key`.
    pub fn chunk_of(&self, key: u64) -> Option<u32> {
        let i = self.chunk_keys.partition_point(|&k| k <= key);
        i.checked_sub(1).map(|i| i as u32)
    }
}

const EXTRA_MAGIC: &[u8; 4] = b"BKX2";

/// `x.bin`: the [`EXTRA_FACETS`] columns.
pub fn encode_extra(columns: &[Column]) -> Vec<u8> {
    let mut out = EXTRA_MAGIC.to_vec();
    for c in columns {
        c.encode(&mut out);
    }
    out
}

pub fn decode_extra(bytes: &[u8], docs: u32) -> Result<Vec<Column>, DataError> {
    let inner = || -> Result<Vec<Column>, Corrupt> {
        if bytes.get(..4) != Some(&EXTRA_MAGIC[..]) {
            return Err(Corrupt("not a Baoku extra-facets file"));
        }
        let mut r = Reader::new(&bytes[4..]);
        let cols = EXTRA_FACETS
            .iter()
            .map(|_| Column::decode(&mut r, docs))
            .collect::<Result<Vec<_>, _>>()?;
        if !r.is_empty() {
            return Err(Corrupt("trailing bytes"));
        }
        Ok(cols)
    };
    inner().map_err(|e| malformed(paths::EXTRA, e))
}

/// Where a run of a bigram's positions is stored: docs from `first` (an
/// index into the bigram's doc list) up to the next piece's `first`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Piece {
    pub first: u32,
    pub chunk: u32,
    pub offset: u32,
    pub len: u32,
}

/// One gram's postings, decoded.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Postings {
    pub docs: Vec<u32>,
    /// Per doc: bits 0–6 the BM25 term-frequency component quantized to
    /// 1..=127 ([`impact`]), bit 7 set when the gram is in the heading.
    pub impacts: Vec<u8>,
    /// Bigrams only.
    pub pieces: Vec<Piece>,
}

pub const K1: f64 = 1.2;
pub const B: f64 = 0.75;
pub const HEAD: u8 = 0x80;

/// BM25's length normalisation for a doc of `len` chars.
pub fn bm25_k(len: f64, avg: f64) -> f64 {
    K1 * (1.0 - B + B * len / avg.max(1.0))
}

/// The saturated tf part of BM25, `tf(k1+1)/(tf+K)`, as 1..=127.
pub fn impact(tf: u32, k: f64) -> u8 {
    let tf = tf as f64;
    let norm = tf / (tf + k); // = tf(k1+1)/(tf+K) / (k1+1)
    (norm * 127.0).round().clamp(1.0, 127.0) as u8
}

/// Back from a stored impact to the tf component, in BM25 units.
pub fn impact_norm(i: u8) -> f64 {
    (i & 0x7f) as f64 / 127.0 * (K1 + 1.0)
}

/// Recover BM25's `K` for a doc from one gram's impact and its tf there,
/// so a longer term's own tf can be normalised without doc lengths.
pub fn k_from_impact(i: u8, tf: u32) -> f64 {
    let x = ((i & 0x7f) as f64 / 127.0).clamp(1.0 / 254.0, 1.0 - 1.0 / 254.0);
    tf as f64 * (1.0 / x - 1.0)
}

impl Postings {
    pub fn encode(&self, key: u64, out: &mut Vec<u8>) {
        put_u64(out, self.docs.len() as u64);
        let mut prev = 0u32;
        for (i, &d) in self.docs.iter().enumerate() {
            put_u64(out, if i == 0 { d } else { d - prev } as u64);
            prev = d;
        }
        out.extend_from_slice(&self.impacts);
        if is_bigram(key) {
            put_u64(out, self.pieces.len() as u64);
            let mut prev = 0u32;
            for p in &self.pieces {
                put_u64(out, (p.first - prev) as u64);
                prev = p.first;
                put_u64(out, p.chunk as u64);
                put_u64(out, p.offset as u64);
                put_u64(out, p.len as u64);
            }
        }
    }

    fn decode(
        key: u64,
        r: &mut Reader,
        docs_total: u32,
        pos_chunks: u32,
    ) -> Result<Postings, Corrupt> {
        let n = r.count(2)?;
        let mut docs = Vec::with_capacity(n);
        let mut prev = 0u32;
        for i in 0..n {
            let delta = r.u32()?;
            if i > 0 && delta == 0 {
                return Err(Corrupt("doc list not ascending"));
            }
            prev = prev
                .checked_add(delta)
                .ok_or(Corrupt("doc number overflow"))?;
            if prev >= docs_total {
                return Err(Corrupt("doc number out of range"));
            }
            docs.push(prev);
        }
        let impacts = r.bytes(n)?.to_vec();
        let mut pieces = Vec::new();
        if is_bigram(key) {
            let np = r.count(4)?;
            let mut prev = 0u32;
            for i in 0..np {
                let delta = r.u32()?;
                let first = prev.checked_add(delta).ok_or(Corrupt("piece overflow"))?;
                if (i > 0 && delta == 0) || first as usize >= n.max(1) {
                    return Err(Corrupt("piece table out of order"));
                }
                prev = first;
                let p = Piece {
                    first,
                    chunk: r.u32()?,
                    offset: r.u32()?,
                    len: r.u32()?,
                };
                if p.chunk >= pos_chunks {
                    return Err(Corrupt("position chunk out of range"));
                }
                pieces.push(p);
            }
            if n > 0 && pieces.first().map(|p| p.first) != Some(0) {
                return Err(Corrupt("piece table does not start at the first doc"));
            }
        }
        Ok(Postings {
            docs,
            impacts,
            pieces,
        })
    }
}

/// A gram chunk: a header of (key, entry length) pairs, then the entries.
pub fn encode_gram_chunk(entries: &[(u64, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    put_u64(&mut out, entries.len() as u64);
    let mut prev = 0u64;
    for (k, e) in entries {
        put_u64(&mut out, k - prev);
        prev = *k;
        put_u64(&mut out, e.len() as u64);
    }
    for (_, e) in entries {
        out.extend_from_slice(e);
    }
    out
}

/// The postings of `key` in a gram chunk, or `None` when the chunk does not
/// hold the key (the gram never occurs).
pub fn find_in_gram_chunk(
    bytes: &[u8],
    key: u64,
    docs_total: u32,
    pos_chunks: u32,
) -> Result<Option<Postings>, Corrupt> {
    let mut r = Reader::new(bytes);
    let n = r.count(2)?;
    let mut prev = 0u64;
    let mut offset = 0usize;
    let mut found = None;
    for i in 0..n {
        let delta = r.u64()?;
        if i > 0 && delta == 0 {
            return Err(Corrupt("gram keys not ascending"));
        }
        prev = prev
            .checked_add(delta)
            .ok_or(Corrupt("gram key overflow"))?;
        let len = r.count(0)?;
        if prev == key {
            found = Some((offset, len));
        }
        offset = offset
            .checked_add(len)
            .ok_or(Corrupt("entry length overflow"))?;
    }
    let Some((off, len)) = found else {
        return Ok(None);
    };
    let mut body = Reader::new(&bytes[r.pos()..]);
    body.skip(off)?;
    let entry = body.bytes(len)?;
    let mut er = Reader::new(entry);
    let p = Postings::decode(key, &mut er, docs_total, pos_chunks)?;
    if !er.is_empty() {
        return Err(Corrupt("trailing bytes in a gram entry"));
    }
    Ok(Some(p))
}

/// Positions (char offsets in the folded searchable text) of each doc of a
/// piece, in doc-list order: per doc a count, then ascending deltas.
pub fn encode_positions(pos: &[u32], out: &mut Vec<u8>) {
    put_u64(out, pos.len() as u64);
    let mut prev = 0u32;
    for (i, &p) in pos.iter().enumerate() {
        put_u64(out, if i == 0 { p } else { p - prev } as u64);
        prev = p;
    }
}

/// Decode a piece into one position list per doc (`docs` of them).
pub fn decode_piece(bytes: &[u8], docs: usize) -> Result<Vec<Vec<u32>>, Corrupt> {
    let mut r = Reader::new(bytes);
    let mut out = Vec::with_capacity(docs.min(bytes.len()));
    for _ in 0..docs {
        let n = r.count(1)?;
        let mut v = Vec::with_capacity(n);
        let mut prev = 0u32;
        for i in 0..n {
            let d = r.u32()?;
            if i > 0 && d == 0 {
                return Err(Corrupt("positions not ascending"));
            }
            prev = prev.checked_add(d).ok_or(Corrupt("position overflow"))?;
            v.push(prev);
        }
        out.push(v);
    }
    if !r.is_empty() {
        return Err(Corrupt("trailing bytes in a position piece"));
    }
    Ok(out)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest() -> Manifest {
        Manifest {
            format_version: FORMAT_VERSION,
            article_count: 3,
            dir: "idx-0123456789abcdef".into(),
            boot: vec!["idx-0123456789abcdef/meta.bin".into()],
            gram_chunks: 2,
            pos_chunks: 1,
            id_buckets: 1,
            total_bytes: 0,
            fold: BTreeMap::new(),
        }
    }

    #[test]
    fn manifest_validation() {
        let m = manifest();
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(Manifest::from_json(&json).unwrap(), m);
        for (field, value) in [
            ("dir", serde_json::json!("../../etc")),
            ("dir", serde_json::json!("/etc/passwd")),
            ("article_count", serde_json::json!(4_000_000_000u64)),
            ("boot", serde_json::json!(["../../../etc/passwd"])),
            ("boot", serde_json::json!(["/abs"])),
            ("id_buckets", serde_json::json!(0)),
            ("format_version", serde_json::json!(1)),
        ] {
            let mut v = serde_json::to_value(&m).unwrap();
            v[field] = value;
            assert!(
                Manifest::from_json(&v.to_string()).is_err(),
                "{field} accepted"
            );
        }
        assert!(is_safe_path("idx-1/g/0.bin"));
        for p in ["", "..", "a/../b", "/a", "a//b", "a\\b", "c:x", "a?b"] {
            assert!(!is_safe_path(p), "{p}");
        }
    }

    #[test]
    fn meta_round_trip_and_corruption() {
        let m = manifest();
        let mut col = Column::default();
        col.values = vec!["news".into()];
        for _ in 0..3 {
            col.push_doc([0]);
        }
        let meta = Meta {
            docs: 3,
            dates: vec![
                DateRun {
                    date: None,
                    start: 0,
                    len: 1,
                },
                DateRun {
                    date: Some("2025-03-26".into()),
                    start: 1,
                    len: 2,
                },
            ],
            columns: vec![col.clone(), col.clone(), col.clone(), col],
            chunk_keys: vec![0x4e00, 0x4e00_0000_4e01],
        };
        let bytes = meta.encode();
        assert_eq!(Meta::decode(&bytes, &m).unwrap(), meta);
        assert_eq!(meta.chunk_of(0x10), None);
        assert_eq!(meta.chunk_of(0x4e00), Some(0));
        assert_eq!(meta.chunk_of(u64::MAX), Some(1));
        // Every truncation and every single-byte change decodes or errs, never panics.
        for cut in 0..bytes.len() {
            assert!(Meta::decode(&bytes[..cut], &m).is_err());
        }
        for i in 0..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 0xff;
            let _ = Meta::decode(&b, &m);
        }
    }

    #[test]
    fn gram_chunk_round_trip() {
        let p = Postings {
            docs: vec![0, 2],
            impacts: vec![5, 0x80 | 9],
            pieces: vec![Piece {
                first: 0,
                chunk: 0,
                offset: 0,
                len: 4,
            }],
        };
        let (k1, k2) = (unigram_key('专'), bigram_key('专', '精'));
        let mut e1 = Vec::new();
        let mut e2 = Vec::new();
        let u = Postings {
            pieces: vec![],
            ..p.clone()
        };
        u.encode(k1, &mut e1);
        p.encode(k2, &mut e2);
        let chunk = encode_gram_chunk(&[(k1, e1), (k2, e2)]);
        assert_eq!(find_in_gram_chunk(&chunk, k1, 3, 1).unwrap(), Some(u));
        assert_eq!(find_in_gram_chunk(&chunk, k2, 3, 1).unwrap(), Some(p));
        assert_eq!(
            find_in_gram_chunk(&chunk, bigram_key('a', 'b'), 3, 1).unwrap(),
            None
        );
        // Doc numbers beyond the archive are refused.
        assert!(find_in_gram_chunk(&chunk, k1, 2, 1).is_err());
        for cut in 0..chunk.len() {
            let _ = find_in_gram_chunk(&chunk[..cut], k2, 3, 1);
        }
        let mut pos = Vec::new();
        encode_positions(&[3, 10], &mut pos);
        encode_positions(&[7], &mut pos);
        assert_eq!(decode_piece(&pos, 2).unwrap(), vec![vec![3, 10], vec![7]]);
        assert!(decode_piece(&pos, 3).is_err());
    }

    #[test]
    fn impacts_invert() {
        for len in [50.0, 400.0, 3000.0] {
            let k = bm25_k(len, 400.0);
            for tf in [1u32, 2, 5, 30] {
                let i = impact(tf, k);
                let k2 = k_from_impact(i, tf);
                assert!((k2 - k).abs() / k < 0.25, "tf {tf} len {len}: {k} vs {k2}");
            }
        }
    }
}
