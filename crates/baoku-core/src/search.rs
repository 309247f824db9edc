//! The search engine: exact substring semantics over folded text, found
//! through character unigram and bigram postings.
//!
//! A term matches an article iff `fold(term)` is a substring of
//! `fold(searchable text)`. One- and two-character terms are answered from
//! the postings alone (a two-character substring *is* a bigram); longer
//! terms intersect the postings of their bigrams and then verify the few
//! candidates with a substring scan, so there are no false positives and,
//! since every occurrence contains all its bigrams, no misses. No
//! dictionary segmentation is involved anywhere.

use crate::fold::Folder;
use crate::model::{Article, Kind};
use std::collections::HashMap;

/// One parsed query: AND over groups, each group an OR of terms.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub groups: Vec<Vec<String>>,
    pub exclude: Vec<String>,
}

impl Query {
    /// Parse what a reader typed. Spaces mean AND, `"…"` keeps a phrase
    /// together, `-term` excludes, `a|b` means either. Terms are folded;
    /// anything that folds to nothing is dropped, so any input parses.
    pub fn parse(input: &str, folder: &Folder) -> Query {
        let mut q = Query::default();
        let mut tokens: Vec<(String, bool)> = Vec::new(); // (raw, quoted)
        let mut cur = String::new();
        let mut in_quote = false;
        for c in input.chars() {
            let is_quote = matches!(c, '"' | '“' | '”' | '＂' | '「' | '」');
            if is_quote {
                if in_quote {
                    tokens.push((std::mem::take(&mut cur), true));
                } else if !cur.is_empty() {
                    tokens.push((std::mem::take(&mut cur), false));
                }
                in_quote = !in_quote;
            } else if !in_quote && crate::text::is_space(c) {
                if !cur.is_empty() {
                    tokens.push((std::mem::take(&mut cur), false));
                }
            } else {
                cur.push(c);
            }
        }
        if !cur.is_empty() {
            tokens.push((cur, in_quote));
        }
        for (raw, quoted) in tokens {
            if quoted {
                let t = folder.fold(&raw);
                if !t.is_empty() {
                    q.groups.push(vec![t]);
                }
                continue;
            }
            if let Some(rest) = raw.strip_prefix(['-', '－']) {
                let t = folder.fold(rest);
                if !t.is_empty() && !t.chars().all(|c| c == '-') {
                    q.exclude.push(t);
                }
                continue;
            }
            let alts: Vec<String> = raw
                .split(['|', '｜'])
                .map(|a| folder.fold(a))
                .filter(|a| !a.is_empty())
                .collect();
            if !alts.is_empty() {
                q.groups.push(alts);
            }
        }
        q
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty() && self.exclude.is_empty()
    }

    /// Terms to highlight.
    pub fn positive_terms(&self) -> Vec<String> {
        let mut v: Vec<String> = self.groups.iter().flatten().cloned().collect();
        v.sort();
        v.dedup();
        v
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Relevance,
    Newest,
    Oldest,
}

impl Sort {
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
        }
    }
    pub fn parse(s: &str) -> Sort {
        match s {
            "newest" => Sort::Newest,
            "oldest" => Sort::Oldest,
            _ => Sort::Relevance,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Year,
    Month,
    Kind,
    Place,
    Reporter,
    Publication,
}

impl Facet {
    pub const ALL: [Facet; 6] = [
        Facet::Year,
        Facet::Month,
        Facet::Kind,
        Facet::Place,
        Facet::Reporter,
        Facet::Publication,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Facet::Year => "year",
            Facet::Month => "month",
            Facet::Kind => "kind",
            Facet::Place => "place",
            Facet::Reporter => "reporter",
            Facet::Publication => "publication",
        }
    }

    pub fn from_key(k: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == k)
    }

    /// The values an article has for this facet.
    pub fn values(self, a: &Article) -> Vec<String> {
        match self {
            Facet::Year => a.year().map(str::to_string).into_iter().collect(),
            Facet::Month => a.month().map(str::to_string).into_iter().collect(),
            Facet::Kind => vec![a.kind.as_str().to_string()],
            Facet::Place => a.places.clone(),
            Facet::Reporter => a.reporters.iter().chain(&a.authors).cloned().collect(),
            Facet::Publication => a.publication.clone().into_iter().collect(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchRequest {
    pub query: String,
    /// Filters: values within one facet are OR'ed, facets are AND'ed.
    pub filters: Vec<(Facet, String)>,
    pub sort: Sort,
    pub offset: usize,
    pub limit: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub doc: usize,
    pub score: f64,
    pub snippet: String,
    /// Char ranges `[start, end)` within `snippet`.
    pub highlights: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchResults {
    pub total: usize,
    pub hits: Vec<Hit>,
    /// Per facet, (value, count) by descending count.
    pub facets: Vec<(Facet, Vec<(String, usize)>)>,
    /// Matching documents per month (`YYYY-MM`), oldest first.
    pub timeline: Vec<(String, usize)>,
    /// Folded terms to highlight in the reader view.
    pub terms: Vec<String>,
}

struct Doc {
    /// Folded searchable text.
    text: String,
    /// Byte end of the folded kicker + headline + subheadline.
    head_end: usize,
    chars: u32,
}

/// Multiply-rotate hasher for the postings maps: keys are chars and char
/// pairs, so SipHash's DoS resistance buys nothing and costs build time.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(*b as u64);
        }
    }
    fn write_u32(&mut self, x: u32) {
        self.write_u64(x as u64);
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    pub tf: u32,
    /// For bigrams: where this document's occurrence offsets start in
    /// `Index::positions` (`tf` of them, byte offsets into the folded text).
    pub start: u32,
}

fn bigram_key(a: char, b: char) -> u64 {
    ((a as u64) << 32) | b as u64
}

/// Interned facet values: `per_doc[d]` lists value ids of document `d`.
struct FacetTable {
    values: Vec<String>,
    /// Value ids of doc `d` are `ids[starts[d]..starts[d + 1]]`.
    starts: Vec<u32>,
    ids: Vec<u32>,
}

impl FacetTable {
    fn build(f: Facet, articles: &[Article]) -> FacetTable {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut values = Vec::new();
        let mut starts = vec![0u32];
        let mut flat = Vec::new();
        for a in articles {
            let v: Vec<u32> = {
                let mut v: Vec<u32> = f
                    .values(a)
                    .into_iter()
                    .map(|s| {
                        *ids.entry(s.clone()).or_insert_with(|| {
                            values.push(s);
                            values.len() as u32 - 1
                        })
                    })
                    .collect();
                v.sort_unstable();
                v.dedup();
                v
            };
            flat.extend(v);
            starts.push(flat.len() as u32);
        }
        FacetTable {
            values,
            starts,
            ids: flat,
        }
    }

    fn of(&self, d: u32) -> &[u32] {
        &self.ids[self.starts[d as usize] as usize..self.starts[d as usize + 1] as usize]
    }
}

/// The in-memory index over a set of articles.
pub struct Index {
    folder: Folder,
    articles: Vec<Article>,
    docs: Vec<Doc>,
    uni: FastMap<char, Vec<Posting>>,
    bi: FastMap<u64, Vec<Posting>>,
    avg_chars: f64,
    /// `date_rank[d]`: position of doc `d` when sorted newest first.
    date_rank: Vec<u32>,
    facets: Vec<FacetTable>,
    /// Postings of the heading text alone (kicker, headline, subheadline),
    /// so the headline boost needs no per-document string search.
    head_uni: FastMap<char, Vec<u32>>,
    head_bi: FastMap<u64, Vec<u32>>,
    /// Bigram occurrence offsets, sliced by `Posting::start`/`tf`: longer
    /// terms are verified at these offsets instead of by scanning text.
    positions: Vec<u32>,
}

/// The text a query is matched against, in order: kicker, headline,
/// subheadline, byline names, body. Returns (text, end of the heading part).
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

/// Marks an excluded document in the per-query `level` array.
const EXCLUDED: u16 = u16::MAX;

impl Index {
    pub fn new(articles: Vec<Article>, folder: Folder) -> Index {
        let mut docs = Vec::with_capacity(articles.len());
        let mut uni: FastMap<char, Vec<Posting>> = FastMap::default();
        let mut bi: FastMap<u64, Vec<Posting>> = FastMap::default();
        let mut local_u: FastMap<char, u32> = FastMap::default();
        // (bigram, byte offset) pairs of one document, sorted to group them.
        let mut local_b: Vec<(u64, u32)> = Vec::new();
        let mut positions: Vec<u32> = Vec::new();
        let mut head_uni: FastMap<char, Vec<u32>> = FastMap::default();
        let mut head_bi: FastMap<u64, Vec<u32>> = FastMap::default();
        let mut total = 0u64;
        for (d, a) in articles.iter().enumerate() {
            let (text, head_end) = searchable_text(a, &folder);
            local_u.clear();
            local_b.clear();
            let mut prev: Option<char> = None;
            let mut chars = 0u32;
            let mut prev_at = 0u32;
            for (at, c) in text.char_indices() {
                chars += 1;
                *local_u.entry(c).or_default() += 1;
                if let Some(p) = prev {
                    local_b.push((bigram_key(p, c), prev_at));
                }
                prev = Some(c);
                prev_at = at as u32;
            }
            total += chars as u64;
            for (&c, &tf) in &local_u {
                uni.entry(c).or_default().push(Posting {
                    doc: d as u32,
                    tf,
                    start: 0,
                });
            }
            local_b.sort_unstable();
            let mut k = 0;
            while k < local_b.len() {
                let key = local_b[k].0;
                let start = positions.len() as u32;
                while k < local_b.len() && local_b[k].0 == key {
                    positions.push(local_b[k].1);
                    k += 1;
                }
                let tf = positions.len() as u32 - start;
                bi.entry(key).or_default().push(Posting {
                    doc: d as u32,
                    tf,
                    start,
                });
            }
            let mut prev = None;
            let mut seen_u: Vec<char> = Vec::new();
            let mut seen_b: Vec<u64> = Vec::new();
            for c in text[..head_end].chars() {
                if !seen_u.contains(&c) {
                    seen_u.push(c);
                    head_uni.entry(c).or_default().push(d as u32);
                }
                if let Some(p) = prev {
                    let k = bigram_key(p, c);
                    if !seen_b.contains(&k) {
                        seen_b.push(k);
                        head_bi.entry(k).or_default().push(d as u32);
                    }
                }
                prev = Some(c);
            }
            docs.push(Doc {
                text,
                head_end,
                chars,
            });
        }
        for v in uni.values_mut().chain(bi.values_mut()) {
            v.shrink_to_fit();
        }
        let mut by_date: Vec<u32> = (0..articles.len() as u32).collect();
        by_date.sort_by(|&x, &y| {
            let (a, b) = (&articles[x as usize], &articles[y as usize]);
            b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id))
        });
        let mut date_rank = vec![0u32; articles.len()];
        for (r, &d) in by_date.iter().enumerate() {
            date_rank[d as usize] = r as u32;
        }
        let facets = Facet::ALL
            .iter()
            .map(|&f| FacetTable::build(f, &articles))
            .collect();
        let avg_chars = if docs.is_empty() {
            1.0
        } else {
            (total as f64 / docs.len() as f64).max(1.0)
        };
        Index {
            folder,
            articles,
            docs,
            uni,
            bi,
            avg_chars,
            date_rank,
            facets,
            head_uni,
            head_bi,
            positions,
        }
    }

    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    pub fn folder(&self) -> &Folder {
        &self.folder
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Approximate heap bytes held by the index (texts and postings), for benchmarks.
    pub fn heap_bytes(&self) -> usize {
        let texts: usize = self
            .docs
            .iter()
            .map(|d| d.text.capacity() + std::mem::size_of::<Doc>())
            .sum();
        let posting = |n: usize| n * std::mem::size_of::<Posting>() + 48;
        let positions = self.positions.capacity() * 4;
        let uni: usize = self.uni.values().map(|v| posting(v.capacity())).sum();
        let bi: usize = self.bi.values().map(|v| posting(v.capacity())).sum();
        texts + uni + bi + positions + self.date_rank.capacity() * 4
    }

    /// The folded searchable text of every document (the naive scan's input).
    pub fn folded_texts(&self) -> Vec<String> {
        self.docs.iter().map(|d| d.text.clone()).collect()
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.id == id)
    }

    /// Documents containing `term` (folded) among those `keep` accepts,
    /// with occurrence counts, by doc number.
    pub fn term_docs_where(&self, term: &str, keep: impl Fn(u32) -> bool) -> Vec<Posting> {
        let cs: Vec<char> = term.chars().collect();
        let from = |l: Option<&Vec<Posting>>| {
            l.map(|l| l.iter().copied().filter(|p| keep(p.doc)).collect())
                .unwrap_or_default()
        };
        match cs.len() {
            0 => vec![],
            1 => from(self.uni.get(&cs[0])),
            2 => from(self.bi.get(&bigram_key(cs[0], cs[1]))),
            _ => {
                // (byte offset of the bigram within the term, its postings)
                let mut lists: Vec<(usize, &Vec<Posting>)> = Vec::new();
                let mut seen: Vec<u64> = Vec::new();
                let mut off = 0;
                for w in cs.windows(2) {
                    let k = bigram_key(w[0], w[1]);
                    let here = off;
                    off += w[0].len_utf8();
                    if seen.contains(&k) {
                        continue;
                    }
                    seen.push(k);
                    match self.bi.get(&k) {
                        Some(l) => lists.push((here, l)),
                        None => return vec![],
                    }
                    if seen.len() >= 64 {
                        // Enough bigrams to narrow the candidates; verification checks the rest.
                        break;
                    }
                }
                lists.sort_by_key(|l| l.1.len());
                // Candidates keep the rarest bigram's posting: its offsets
                // are where the term can start.
                let (anchor, first) = lists[0];
                let mut cand: Vec<Posting> =
                    first.iter().copied().filter(|p| keep(p.doc)).collect();
                // Verification below is exact, so intersecting the two next
                // rarest lists is enough: the common bigrams (发展, 企业) would
                // cost more to merge than the few candidates they remove.
                for (_, l) in lists.iter().skip(1).take(2) {
                    if cand.is_empty() {
                        break;
                    }
                    let mut out = Vec::with_capacity(cand.len());
                    let (mut i, mut j) = (0, 0);
                    while i < cand.len() && j < l.len() {
                        match cand[i].doc.cmp(&l[j].doc) {
                            std::cmp::Ordering::Less => i += 1,
                            std::cmp::Ordering::Greater => j += 1,
                            std::cmp::Ordering::Equal => {
                                out.push(cand[i]);
                                i += 1;
                                j += 1;
                            }
                        }
                    }
                    cand = out;
                }
                // Verify at the anchor's offsets: every bigram present does
                // not mean the term is. Byte comparison is exact here because
                // the term starts with a UTF-8 lead byte.
                let t = term.as_bytes();
                cand.into_iter()
                    .filter_map(|p| {
                        let text = self.docs[p.doc as usize].text.as_bytes();
                        let at = &self.positions[p.start as usize..(p.start + p.tf) as usize];
                        let tf = at
                            .iter()
                            .filter(|&&pos| {
                                let s = pos as usize;
                                s >= anchor && text[s - anchor..].starts_with(t)
                            })
                            .count() as u32;
                        (tf > 0).then_some(Posting {
                            doc: p.doc,
                            tf,
                            start: 0,
                        })
                    })
                    .collect()
            }
        }
    }

    pub fn term_docs(&self, term: &str) -> Vec<Posting> {
        self.term_docs_where(term, |_| true)
    }

    /// Documents whose heading contains `term`, as a membership table.
    fn head_set(&self, term: &str) -> Vec<bool> {
        let mut set = vec![false; self.docs.len()];
        let cs: Vec<char> = term.chars().collect();
        let lists: Vec<&Vec<u32>> = match cs.len() {
            0 => return set,
            1 => self.head_uni.get(&cs[0]).into_iter().collect(),
            _ => {
                let l: Option<Vec<&Vec<u32>>> = cs
                    .windows(2)
                    .map(|w| self.head_bi.get(&bigram_key(w[0], w[1])))
                    .collect();
                match l {
                    Some(l) => l,
                    None => return set,
                }
            }
        };
        let Some(shortest) = lists.iter().min_by_key(|l| l.len()) else {
            return set;
        };
        for &d in shortest.iter() {
            let doc = &self.docs[d as usize];
            if cs.len() <= 2 || doc.text[..doc.head_end].contains(term) {
                set[d as usize] = true;
            }
        }
        set
    }

    fn idf(&self, df: usize) -> f64 {
        let n = self.docs.len() as f64;
        let df = df as f64;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// Documents matching the query (before filters), with BM25 scores;
    /// terms found in the kicker/headline/subheadline count extra.
    pub fn matching(&self, q: &Query) -> Vec<(u32, f64)> {
        const K1: f64 = 1.2;
        const B: f64 = 0.75;
        let n = self.docs.len();
        let mut level = vec![0u16; n];
        let mut score = vec![0f64; n];
        // Rare groups first: later groups only touch documents still in.
        let mut order: Vec<(usize, usize)> = q
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| (g.iter().map(|t| self.df_estimate(t)).sum(), i))
            .collect();
        order.sort_unstable();
        for (gi, &(_, g)) in order.iter().enumerate() {
            let gi = gi as u16;
            let mut any = false;
            for term in &q.groups[g] {
                let list = self.term_docs_where(term, |d| {
                    let l = level[d as usize];
                    l == gi || l == gi + 1
                });
                let idf = self.idf(list.len());
                let in_head = self.head_set(term);
                for p in list {
                    let d = p.doc as usize;
                    let doc = &self.docs[d];
                    let tf = p.tf as f64;
                    let norm = tf * (K1 + 1.0)
                        / (tf + K1 * (1.0 - B + B * doc.chars as f64 / self.avg_chars));
                    let head = if in_head[d] { 2.0 } else { 0.0 };
                    level[d] = gi + 1;
                    score[d] += idf * (norm + head);
                    any = true;
                }
            }
            if !any {
                return Vec::new();
            }
        }
        let need = order.len() as u16;
        for t in &q.exclude {
            for p in self.term_docs_where(t, |d| level[d as usize] == need) {
                level[p.doc as usize] = EXCLUDED;
            }
        }
        (0..n as u32)
            .filter(|&d| level[d as usize] == need)
            .map(|d| (d, score[d as usize]))
            .collect()
    }

    /// Cheap upper bound on a term's document frequency, to order groups.
    fn df_estimate(&self, term: &str) -> usize {
        let cs: Vec<char> = term.chars().collect();
        match cs.len() {
            0 => 0,
            1 => self.uni.get(&cs[0]).map_or(0, Vec::len),
            _ => cs
                .windows(2)
                .map(|w| self.bi.get(&bigram_key(w[0], w[1])).map_or(0, Vec::len))
                .min()
                .unwrap_or(0),
        }
    }

    pub fn search(&self, req: &SearchRequest) -> SearchResults {
        let q = Query::parse(&req.query, &self.folder);
        let mut matched = self.matching(&q);
        // Filters: values OR'ed within a facet, facets AND'ed.
        let mut wanted: Vec<(usize, Vec<u32>)> = Vec::new();
        for (f, v) in &req.filters {
            let fi = Facet::ALL.iter().position(|x| x == f).unwrap_or(0);
            let id = self.facets[fi]
                .values
                .iter()
                .position(|x| x == v)
                .map(|i| i as u32)
                .unwrap_or(u32::MAX);
            match wanted.iter_mut().find(|w| w.0 == fi) {
                Some(w) => w.1.push(id),
                None => wanted.push((fi, vec![id])),
            }
        }
        if !wanted.is_empty() {
            matched.retain(|(d, _)| {
                wanted
                    .iter()
                    .all(|(fi, ids)| self.facets[*fi].of(*d).iter().any(|v| ids.contains(v)))
            });
        }
        let facets: Vec<(Facet, Vec<(String, usize)>)> = Facet::ALL
            .iter()
            .enumerate()
            .map(|(fi, &f)| {
                let t = &self.facets[fi];
                let mut counts = vec![0usize; t.values.len()];
                for (d, _) in &matched {
                    for &v in t.of(*d) {
                        counts[v as usize] += 1;
                    }
                }
                let mut v: Vec<(String, usize)> = counts
                    .iter()
                    .enumerate()
                    .filter(|(_, &c)| c > 0)
                    .map(|(i, &c)| (t.values[i].clone(), c))
                    .collect();
                if matches!(f, Facet::Year | Facet::Month) {
                    v.sort_by(|a, b| b.0.cmp(&a.0));
                } else {
                    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                }
                (f, v)
            })
            .collect();
        let mut timeline = facets
            .iter()
            .find(|f| f.0 == Facet::Month)
            .map(|f| f.1.clone())
            .unwrap_or_default();
        timeline.sort();

        let relevance = req.sort == Sort::Relevance && !q.groups.is_empty();
        let rank = &self.date_rank;
        let cmp = |a: &(u32, f64), b: &(u32, f64)| -> std::cmp::Ordering {
            if relevance {
                b.1.partial_cmp(&a.1)
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then(rank[a.0 as usize].cmp(&rank[b.0 as usize]))
                    .then(a.0.cmp(&b.0))
            } else if req.sort == Sort::Oldest {
                rank[b.0 as usize].cmp(&rank[a.0 as usize])
            } else {
                rank[a.0 as usize].cmp(&rank[b.0 as usize])
            }
        };
        let total = matched.len();
        let limit = if req.limit == 0 { 20 } else { req.limit };
        let want = req.offset.saturating_add(limit).min(total);
        // Only the shown page needs ordering: select it, then sort it.
        if want > 0 && want < total {
            matched.select_nth_unstable_by(want - 1, cmp);
            matched.truncate(want);
        }
        matched.sort_unstable_by(cmp);
        let terms = q.positive_terms();
        let hits = matched
            .iter()
            .skip(req.offset)
            .take(limit)
            .map(|&(d, score)| {
                let (snippet, highlights) = self.snippet(&self.articles[d as usize], &terms);
                Hit {
                    doc: d as usize,
                    score,
                    snippet,
                    highlights,
                }
            })
            .collect();
        SearchResults {
            total,
            hits,
            facets,
            timeline,
            terms,
        }
    }

    /// Highlight ranges (chars) of `terms` in each of `parts`, found in the
    /// parts' joined folded text so a hit across a paragraph break shows too.
    pub fn highlight_parts(&self, parts: &[&str], terms: &[String]) -> Vec<Vec<(usize, usize)>> {
        highlight_parts(&self.folder, parts, terms)
    }

    /// A passage of the body around the first hit, with highlight ranges.
    pub fn snippet(&self, a: &Article, terms: &[String]) -> (String, Vec<(usize, usize)>) {
        const BEFORE: usize = 24;
        const LEN: usize = 96;
        // Paragraph by paragraph: the first one with a hit is usually early.
        let mut found: Option<(usize, Vec<(usize, usize)>)> = None;
        for (p, para) in a.paragraphs.iter().enumerate() {
            let hl = highlight_parts(&self.folder, &[para.as_str()], terms).remove(0);
            if !hl.is_empty() {
                found = Some((p, hl));
                break;
            }
        }
        let (p, hl) = found.unwrap_or((0, Vec::new()));
        let Some(para) = a.paragraphs.get(p) else {
            return (String::new(), vec![]);
        };
        let at = hl.first().map_or(0, |r| r.0);
        let chars: Vec<char> = para.chars().collect();
        let start = at.saturating_sub(BEFORE);
        let end = (start + LEN).min(chars.len());
        let mut s = String::new();
        let shift = if start > 0 {
            s.push('…');
            1
        } else {
            0
        };
        s.extend(&chars[start..end]);
        if end < chars.len() {
            s.push('…');
        }
        let ranges = hl
            .iter()
            .filter(|r| r.1 > start && r.0 < end)
            .map(|r| (r.0.max(start) - start + shift, r.1.min(end) - start + shift))
            .collect();
        (s, ranges)
    }
}

/// See [`Index::highlight_parts`].
pub fn highlight_parts(
    folder: &Folder,
    parts: &[&str],
    terms: &[String],
) -> Vec<Vec<(usize, usize)>> {
    let mut folded: Vec<char> = Vec::new();
    let mut origin: Vec<(usize, usize)> = Vec::new();
    for (pi, p) in parts.iter().enumerate() {
        folder.fold_each(p, |c, i| {
            folded.push(c);
            origin.push((pi, i));
        });
    }
    let mut out: Vec<Vec<(usize, usize)>> = vec![Vec::new(); parts.len()];
    for t in terms {
        let tc: Vec<char> = t.chars().collect();
        if tc.is_empty() || tc.len() > folded.len() {
            continue;
        }
        for s in 0..=folded.len() - tc.len() {
            if folded[s..s + tc.len()] != tc[..] {
                continue;
            }
            // Split the folded range by part, mapping back to source chars.
            let mut k = s;
            while k < s + tc.len() {
                let (pi, first) = origin[k];
                let mut last = first;
                while k < s + tc.len() && origin[k].0 == pi {
                    last = origin[k].1;
                    k += 1;
                }
                out[pi].push((first, last + 1));
            }
        }
    }
    for r in out.iter_mut() {
        r.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(r.len());
        for &(a, b) in r.iter() {
            match merged.last_mut() {
                Some(m) if a <= m.1 => m.1 = m.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        *r = merged;
    }
    out
}

/// The reference semantics, written as plainly as possible: fold the
/// article text and the terms, then `contains`. Tests and benchmarks
/// compare the index against it.
pub mod reference {
    use super::*;

    pub fn matches(articles: &[Article], folder: &Folder, query: &str) -> Vec<usize> {
        let q = Query::parse(query, folder);
        articles
            .iter()
            .enumerate()
            .filter(|(_, a)| {
                let (text, _) = searchable_text(a, folder);
                q.groups
                    .iter()
                    .all(|g| g.iter().any(|t| text.contains(t.as_str())))
                    && !q.exclude.iter().any(|t| text.contains(t.as_str()))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The naive scan over pre-folded texts: the baseline for benchmarks.
    pub fn scan(folded: &[String], terms: &[String]) -> usize {
        folded
            .iter()
            .filter(|t| terms.iter().all(|q| t.contains(q.as_str())))
            .count()
    }
}

/// Kinds in display order for facet lists.
pub fn kind_from_str(s: &str) -> Option<Kind> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(id: &str, head: &str, body: &[&str], date: &str) -> Article {
        Article {
            publication: Some("聊城日报".into()),
            date: Some(date.into()),
            headline: Some(head.into()),
            reporters: vec!["王五".into()],
            places: vec!["临清市".into()],
            paragraphs: body.iter().map(|s| s.to_string()).collect(),
            ..Article::new(id, "t.txt", Kind::News)
        }
    }

    fn index() -> Index {
        Index::new(
            vec![
                art(
                    "a",
                    "专精特新企业",
                    &["专精特新“小巨人”企业获奖励50万元。", "轴承产业发展。"],
                    "2025-03-26",
                ),
                art(
                    "b",
                    "贷款发放",
                    &["累计发放贷款1.3亿元，RCEP 证书。"],
                    "2022-01-05",
                ),
                art("c", "水环境", &["2024 年，治理水\n环境。"], "2024-05-01"),
            ],
            Folder::builtin(),
        )
    }

    fn ids(ix: &Index, q: &str) -> Vec<String> {
        let r = ix.search(&SearchRequest {
            query: q.into(),
            limit: 50,
            ..Default::default()
        });
        let mut v: Vec<String> = r
            .hits
            .iter()
            .map(|h| ix.articles()[h.doc].id.clone())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn substring_semantics() {
        let ix = index();
        assert_eq!(ids(&ix, "小巨人"), vec!["a"]);
        assert_eq!(ids(&ix, "轴"), vec!["a"]);
        assert_eq!(ids(&ix, "1.3亿元"), vec!["b"]);
        assert_eq!(ids(&ix, "ＲＣＥＰ"), vec!["b"]);
        assert_eq!(ids(&ix, "治理水环境"), vec!["c"]);
        assert_eq!(ids(&ix, "2024年"), vec!["c"]);
        assert_eq!(ids(&ix, "专精 -奖励"), Vec::<String>::new());
        assert_eq!(ids(&ix, "奖励|贷款"), vec!["a", "b"]);
        assert_eq!(ids(&ix, "\"RCEP 证书\""), vec!["b"]);
        assert_eq!(ids(&ix, "王五 临清"), Vec::<String>::new());
        assert_eq!(ids(&ix, "王五"), vec!["a", "b", "c"]);
    }

    #[test]
    fn hostile_queries_do_not_panic() {
        let ix = index();
        for q in [
            "",
            "\"",
            "-",
            "- -",
            "|||",
            "\"unterminated",
            "😀",
            "<script>alert(1)</script>",
            "，。！",
            &"专".repeat(10_000),
        ] {
            let r = ix.search(&SearchRequest {
                query: q.into(),
                limit: 5,
                ..Default::default()
            });
            assert!(r.total <= 3);
        }
    }

    #[test]
    fn ranking_prefers_headline_and_sorts_by_date() {
        let ix = index();
        let r = ix.search(&SearchRequest {
            query: "".into(),
            sort: Sort::Newest,
            limit: 10,
            ..Default::default()
        });
        let order: Vec<&str> = r
            .hits
            .iter()
            .map(|h| ix.articles()[h.doc].id.as_str())
            .collect();
        assert_eq!(order, vec!["a", "c", "b"]);
        let r = ix.search(&SearchRequest {
            query: "".into(),
            sort: Sort::Oldest,
            limit: 10,
            ..Default::default()
        });
        assert_eq!(ix.articles()[r.hits[0].doc].id, "b");
        let r = ix.search(&SearchRequest {
            query: "贷款".into(),
            limit: 10,
            ..Default::default()
        });
        assert_eq!(r.hits[0].highlights.len(), 1);
        let (s, e) = r.hits[0].highlights[0];
        let snip: Vec<char> = r.hits[0].snippet.chars().collect();
        assert_eq!(snip[s..e].iter().collect::<String>(), "贷款");
    }

    #[test]
    fn highlights_cross_paragraphs_and_layout_spaces() {
        let f = Folder::builtin();
        let h = highlight_parts(
            &f,
            &["治理水", "环境。", "1 .3亿"],
            &["水环境".into(), "1.3".into()],
        );
        assert_eq!(h, vec![vec![(2, 3)], vec![(0, 2)], vec![(0, 4)]]);
    }

    #[test]
    fn facets_and_filters() {
        let ix = index();
        let r = ix.search(&SearchRequest {
            query: "".into(),
            filters: vec![(Facet::Year, "2025".into())],
            limit: 10,
            ..Default::default()
        });
        assert_eq!(r.total, 1);
        let years = &r.facets.iter().find(|f| f.0 == Facet::Year).unwrap().1;
        assert_eq!(years, &vec![("2025".to_string(), 1)]);
    }
}
