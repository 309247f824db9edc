//! Building the static index: articles in, the files of one build folder
//! out (see [`super::format`]), streamed to a [`Sink`] so that a 100k-article
//! archive builds in bounded memory: postings are kept as encoded bytes
//! while documents are added, and each gram is freed as it is written.

use super::codec::put_u64;
use super::format::{
    self, bigram_key, bm25_k, encode_gram_chunk, encode_positions, impact, paths, unigram_key,
    Column, DateRun, Manifest, Meta, Piece, Postings, EXTRA_FACETS, FORMAT_VERSION, HEAD,
    STORED_FACETS,
};
use crate::fold::Folder;
use crate::model::Article;
use std::collections::{BTreeMap, HashMap};

/// Articles of the first browse page, listed in the manifest's `boot`.
pub const BOOT_ARTICLES: usize = 20;

/// Where the build folder's files go (a directory, or memory in tests).
pub trait Sink {
    fn put(&mut self, rel: &str, bytes: &[u8]) -> std::io::Result<()>;
}

/// Files in memory, by path relative to the build folder.
#[derive(Debug, Default, Clone)]
pub struct MemFiles(pub HashMap<String, Vec<u8>>);

impl Sink for MemFiles {
    fn put(&mut self, rel: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.0.insert(rel.to_string(), bytes.to_vec());
        Ok(())
    }
}

/// Sizes that shape the chunking; the defaults suit 1k–100k articles.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// A gram chunk is closed once it holds this many bytes.
    pub gram_chunk_bytes: usize,
    /// A position chunk is closed once it holds this many bytes.
    pub pos_chunk_bytes: usize,
    /// A bigram's positions start a new piece after this many bytes, so a
    /// query fetches positions only for the doc ranges of its candidates.
    pub piece_bytes: usize,
    /// Ids per id bucket, about.
    pub ids_per_bucket: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            gram_chunk_bytes: 16 << 10,
            pos_chunk_bytes: 32 << 10,
            piece_bytes: 12 << 10,
            ids_per_bucket: 512,
        }
    }
}

#[derive(Debug)]
pub enum BuildError {
    Io {
        path: String,
        source: std::io::Error,
    },
    /// Two articles share an id (the segmenter's ids must be unique).
    DuplicateId(String),
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Io { path, .. } => write!(f, "cannot write {path}"),
            BuildError::DuplicateId(id) => write!(f, "two articles have the id {id}"),
        }
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BuildError::Io { source, .. } => Some(source),
            BuildError::DuplicateId(_) => None,
        }
    }
}

/// The text a query is matched against, in order: kicker, headline,
/// subheadline, byline names, body. Returns (text, byte end of the heading).
pub fn searchable_text(a: &Article, folder: &Folder) -> (String, usize) {
    let mut s = String::new();
    for h in [&a.kicker, &a.headline, &a.subheadline]
        .into_iter()
        .flatten()
    {
        folder.fold_into(h, &mut s);
    }
    let head_end = s.len();
    for n in a.names() {
        folder.fold_into(n, &mut s);
    }
    for p in &a.paragraphs {
        folder.fold_into(p, &mut s);
    }
    (s, head_end)
}

/// Page labels in reading order: `2` before `10`, `A3` after `A2`.
fn page_key(p: Option<&str>) -> (String, u64, String) {
    let p = p.unwrap_or("");
    let letters: String = p.chars().take_while(|c| !c.is_ascii_digit()).collect();
    let digits: String = p[letters.len()..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    (letters, digits.parse().unwrap_or(u64::MAX), p.to_string())
}

/// Browse order: date, page, source file, then the segmenter's order.
pub fn sort_for_browse(articles: &mut [Article]) {
    // The sort is stable, so articles of one page keep their order.
    articles.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then_with(|| page_key(a.page.as_deref()).cmp(&page_key(b.page.as_deref())))
            .then_with(|| a.source.cmp(&b.source))
    });
}

/// One gram's postings while documents are added.
#[derive(Default)]
struct Acc {
    df: u32,
    last: u32,
    docs: Vec<u8>,
    impacts: Vec<u8>,
    pos: Vec<u8>,
    /// (doc-list index, byte offset in `pos`) where each piece starts.
    pieces: Vec<(u32, u32)>,
}

impl Acc {
    fn add(&mut self, d: u32, imp: u8) {
        put_u64(
            &mut self.docs,
            if self.df == 0 { d } else { d - self.last } as u64,
        );
        self.impacts.push(imp);
        self.last = d;
        self.df += 1;
    }
}

struct Writer<'a, S: Sink> {
    sink: &'a mut S,
    hash: u64,
    bytes: u64,
}

impl<S: Sink> Writer<'_, S> {
    fn put(&mut self, rel: &str, data: &[u8]) -> Result<(), BuildError> {
        // Order-dependent content hash of the whole build folder.
        self.hash = crate::text::fnv1a(
            &[
                &self.hash.to_le_bytes()[..],
                rel.as_bytes(),
                &crate::text::fnv1a(data).to_le_bytes(),
            ]
            .concat(),
        );
        self.bytes += data.len() as u64;
        self.sink.put(rel, data).map_err(|source| BuildError::Io {
            path: rel.to_string(),
            source,
        })
    }
}

/// Build the index of `articles` (any order; they are put in browse order)
/// into `sink`. Returns the manifest, whose `dir` names the build folder by
/// the hash of everything written, and the articles in doc order.
pub fn build<S: Sink>(
    mut articles: Vec<Article>,
    folder: &Folder,
    fold: BTreeMap<char, String>,
    opts: Options,
    sink: &mut S,
) -> Result<(Manifest, Vec<Article>), BuildError> {
    sort_for_browse(&mut articles);
    let n = articles.len() as u32;
    let mut w = Writer {
        sink,
        hash: 0xcbf2_9ce4_8422_2325,
        bytes: 0,
    };

    // Pass 1: lengths for BM25's normalisation.
    let lens: Vec<u32> = articles
        .iter()
        .map(|a| searchable_text(a, folder).0.chars().count() as u32)
        .collect();
    let avg = if n == 0 {
        1.0
    } else {
        lens.iter().map(|&l| l as f64).sum::<f64>() / n as f64
    };

    // Pass 2: postings, fragments, ids, facet columns.
    let mut grams: HashMap<u64, Acc> = HashMap::new();
    let mut local_u: HashMap<char, (u32, bool)> = HashMap::new();
    let mut local_b: Vec<(u64, u32, bool)> = Vec::new();
    let mut ids: HashMap<String, u32> = HashMap::with_capacity(articles.len());
    // Stored facets (meta.bin), then the extra ones (x.bin).
    let all_facets: Vec<super::Facet> =
        STORED_FACETS.iter().chain(&EXTRA_FACETS).copied().collect();
    let mut columns: Vec<Column> = all_facets.iter().map(|_| Column::default()).collect();
    let mut interned: Vec<HashMap<String, u32>> =
        all_facets.iter().map(|_| HashMap::new()).collect();
    let mut dates: Vec<DateRun> = Vec::new();
    for (d, a) in articles.iter().enumerate() {
        let d = d as u32;
        if ids.insert(a.id.clone(), d).is_some() {
            return Err(BuildError::DuplicateId(a.id.clone()));
        }
        match dates.last_mut() {
            Some(r) if r.date == a.date => r.len += 1,
            _ => dates.push(DateRun {
                date: a.date.clone(),
                start: d,
                len: 1,
            }),
        }
        for (fi, f) in all_facets.iter().enumerate() {
            let mut v: Vec<u32> = f
                .values(a)
                .into_iter()
                .map(|s| {
                    let col = &mut columns[fi];
                    *interned[fi].entry(s.clone()).or_insert_with(|| {
                        col.values.push(s);
                        col.values.len() as u32 - 1
                    })
                })
                .collect();
            v.sort_unstable();
            v.dedup();
            columns[fi].push_doc(v);
        }
        let json = serde_json::to_vec(a).expect("an Article always serializes");
        w.put(&paths::article(d), &json)?;

        let (text, head_end) = searchable_text(a, folder);
        let k = bm25_k(lens[d as usize] as f64, avg);
        local_u.clear();
        local_b.clear();
        let mut prev: Option<char> = None;
        for (ci, (at, c)) in text.char_indices().enumerate() {
            let head = at < head_end;
            let e = local_u.entry(c).or_insert((0, false));
            e.0 += 1;
            e.1 |= head;
            if let Some(p) = prev {
                // The bigram starts at the previous char; in the heading if it ends there.
                local_b.push((bigram_key(p, c), ci as u32 - 1, head));
            }
            prev = Some(c);
        }
        for (&c, &(tf, head)) in &local_u {
            let imp = impact(tf, k) | if head { HEAD } else { 0 };
            grams.entry(unigram_key(c)).or_default().add(d, imp);
        }
        local_b.sort_unstable();
        let mut i = 0;
        let mut pos: Vec<u32> = Vec::new();
        while i < local_b.len() {
            let key = local_b[i].0;
            let mut head = false;
            pos.clear();
            while i < local_b.len() && local_b[i].0 == key {
                pos.push(local_b[i].1);
                head |= local_b[i].2;
                i += 1;
            }
            let acc = grams.entry(key).or_default();
            let piece_start = acc.pieces.last().map_or(0, |p| p.1) as usize;
            if acc.pieces.is_empty() || acc.pos.len() - piece_start >= opts.piece_bytes {
                acc.pieces.push((acc.df, acc.pos.len() as u32));
            }
            let imp = impact(pos.len() as u32, k) | if head { HEAD } else { 0 };
            acc.add(d, imp);
            encode_positions(&pos, &mut acc.pos);
        }
    }
    drop(local_u);
    drop(local_b);

    // Gram chunks and position chunks, in key order, freeing as we go.
    let mut keys: Vec<u64> = grams.keys().copied().collect();
    keys.sort_unstable();
    let mut chunk_keys = Vec::new();
    let mut chunk: Vec<(u64, Vec<u8>)> = Vec::new();
    let mut chunk_len = 0usize;
    let mut gram_chunks = 0u32;
    let mut pos_chunk: Vec<u8> = Vec::new();
    let mut pos_chunks = 0u32;
    for key in keys {
        let acc = grams.remove(&key).expect("key listed from the map");
        let mut pieces = Vec::with_capacity(acc.pieces.len());
        for (pi, &(first, off)) in acc.pieces.iter().enumerate() {
            let end = acc
                .pieces
                .get(pi + 1)
                .map_or(acc.pos.len(), |p| p.1 as usize);
            let bytes = &acc.pos[off as usize..end];
            if !pos_chunk.is_empty() && pos_chunk.len() + bytes.len() > opts.pos_chunk_bytes {
                w.put(&paths::pos_chunk(pos_chunks), &pos_chunk)?;
                pos_chunks += 1;
                pos_chunk.clear();
            }
            pieces.push(Piece {
                first,
                chunk: pos_chunks,
                offset: pos_chunk.len() as u32,
                len: bytes.len() as u32,
            });
            pos_chunk.extend_from_slice(bytes);
        }
        let mut entry = Vec::new();
        // Re-encode through the one encoder so the format has one definition.
        let postings = Postings {
            docs: decode_deltas(&acc.docs, acc.df),
            impacts: acc.impacts,
            pieces,
        };
        postings.encode(key, &mut entry);
        if !chunk.is_empty() && chunk_len + entry.len() > opts.gram_chunk_bytes {
            w.put(&paths::gram_chunk(gram_chunks), &encode_gram_chunk(&chunk))?;
            gram_chunks += 1;
            chunk.clear();
            chunk_len = 0;
        }
        if chunk.is_empty() {
            chunk_keys.push(key);
        }
        chunk_len += entry.len();
        chunk.push((key, entry));
    }
    if !chunk.is_empty() {
        w.put(&paths::gram_chunk(gram_chunks), &encode_gram_chunk(&chunk))?;
        gram_chunks += 1;
    }
    if !pos_chunk.is_empty() {
        w.put(&paths::pos_chunk(pos_chunks), &pos_chunk)?;
        pos_chunks += 1;
    }

    // Id buckets.
    let id_buckets = (ids.len() / opts.ids_per_bucket.max(1) + 1) as u32;
    let mut buckets: Vec<BTreeMap<&str, u32>> = vec![BTreeMap::new(); id_buckets as usize];
    for (id, &d) in &ids {
        buckets[format::id_bucket_of(id, id_buckets) as usize].insert(id, d);
    }
    for (b, m) in buckets.iter().enumerate() {
        let json = serde_json::to_vec(m).expect("a map of ids serializes");
        w.put(&paths::id_bucket(b as u32), &json)?;
    }

    // What the first screen needs: meta, and the articles the empty query
    // lists first (newest issue, page order), so it also works offline.
    let first_page: Vec<u32> = dates
        .iter()
        .rev()
        .flat_map(|r| r.start..r.start + r.len)
        .take(BOOT_ARTICLES)
        .collect();
    let extra = columns.split_off(STORED_FACETS.len());
    w.put(paths::EXTRA, &format::encode_extra(&extra))?;
    let meta = Meta {
        docs: n,
        dates,
        columns,
        chunk_keys,
    };
    w.put(paths::META, &meta.encode())?;
    let dir = format!("idx-{:016x}", w.hash);
    let boot = std::iter::once(paths::META.to_string())
        .chain(first_page.into_iter().map(paths::article))
        .map(|p| format!("{dir}/{p}"))
        .collect();
    let manifest = Manifest {
        format_version: FORMAT_VERSION,
        article_count: n,
        boot,
        dir,
        gram_chunks,
        pos_chunks,
        id_buckets,
        total_bytes: w.bytes,
        fold,
    };
    Ok((manifest, articles))
}

fn decode_deltas(bytes: &[u8], n: u32) -> Vec<u32> {
    let mut r = super::codec::Reader::new(bytes);
    let mut out = Vec::with_capacity(n as usize);
    let mut prev = 0u32;
    for i in 0..n {
        let v = r.u32().expect("written by this builder");
        prev = if i == 0 { v } else { prev + v };
        out.push(prev);
    }
    out
}
