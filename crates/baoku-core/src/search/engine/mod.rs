//! Searching the static index: exact substring semantics over folded text,
//! answered from the chunks a query needs and nothing else.
//!
//! A term matches an article iff `fold(term)` is a substring of
//! `fold(searchable text)`. One- and two-character terms are answered from
//! the doc lists of their unigram or bigram alone (a two-character substring
//! *is* a bigram). A longer term intersects the doc lists of a set of its
//! bigrams that covers every character (offsets 0, 2, 4, …, and L−2), then
//! checks the positions of those bigrams in the candidate documents only:
//! the term starts at `p` iff each covering bigram at offset `k` occurs at
//! `p + k`. So there are no false positives and no misses, and no
//! dictionary segmentation anywhere.
//!
//! The engine is synchronous and does no I/O: every function takes a
//! [`Source`] of files already fetched and answers [`Step::Need`] with the
//! paths it lacks. The browser fetches those (concurrently) and asks again;
//! the CLI reads them from disk. One code path for both.
//!
//! `facets` filters and counts in one pass over the query's matches;
//! `suggest` proposes nearby requests when a search finds nothing.

mod facets;

/// Whether `s` is a date bound the engine applies (`YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD`, a real month and day); others are ignored by a search.
pub fn is_date_bound(s: &str) -> bool {
    s.trim() == s && facets::date_bound(s, false).is_some()
}
mod suggest;
mod terms;

use super::format::{self, paths, Column, Manifest, Meta};
use super::query::{Facet, Hit, Query, SearchRequest, SearchResults, Sort};
use super::snippet::snippet;
pub use super::store::{run_sync, Source, Step, Store};
use crate::data::DataError;
use crate::fold::Folder;
use crate::model::Article;
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap, VecDeque};
use std::rc::Rc;
use terms::TermDocs;

/// An opened archive: manifest and meta, a few bytes per document.
pub struct Archive {
    manifest: Manifest,
    folder: Folder,
    meta: Meta,
    /// Position of each doc when sorted newest first (page order kept).
    newest_rank: Vec<u32>,
    /// One column per [`Facet::ALL`] entry; the [`format::EXTRA_FACETS`]
    /// ones are empty until `x.bin` is fetched (see [`Archive::extras`]).
    facets: Vec<Column>,
    extra: RefCell<Option<Rc<Vec<Column>>>>,
    /// The match sets of the last few queries: a search asks again after
    /// each fetch, and readers go back to queries they typed.
    memo: RefCell<VecDeque<(Query, Matches)>>,
}

/// A query's matching docs with scores, in doc order.
type Matches = Rc<Vec<(u32, f64)>>;

const MEMO: usize = 24;

const EXCLUDED: u16 = u16::MAX;

pub(super) fn corrupt(path: &str, e: super::codec::Corrupt) -> DataError {
    DataError::Malformed {
        what: path.to_string(),
        detail: e.to_string(),
    }
}

impl Archive {
    /// Open from the manifest and its `meta.bin` (both checked).
    pub fn open(manifest: Manifest, meta_bytes: &[u8]) -> Result<Archive, DataError> {
        manifest.validate()?;
        let mut meta = Meta::decode(meta_bytes, &manifest)?;
        let n = meta.docs;
        let mut newest_rank = vec![0u32; n as usize];
        let mut r = 0u32;
        for run in meta.dates.iter().rev() {
            for d in run.start..run.start + run.len {
                newest_rank[d as usize] = r;
                r += 1;
            }
        }
        let facets = derived_and_stored(&mut meta);
        Ok(Archive {
            folder: Folder::with_table(&manifest.fold),
            manifest,
            meta,
            newest_rank,
            facets,
            memo: RefCell::default(),
            extra: RefCell::default(),
        })
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    pub fn folder(&self) -> &Folder {
        &self.folder
    }

    pub fn len(&self) -> usize {
        self.meta.docs as usize
    }

    pub fn is_empty(&self) -> bool {
        self.meta.docs == 0
    }

    fn idf(&self, df: usize) -> f64 {
        let n = self.meta.docs as f64;
        let df = df as f64;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// Documents matching the query (before filters) with BM25 scores;
    /// terms found in the kicker/headline/subheadline count extra.
    pub fn matching(
        &self,
        src: &impl Source,
        q: &Query,
    ) -> Result<Step<Vec<(u32, f64)>>, DataError> {
        let mut need = BTreeSet::new();
        let mut resolved: HashMap<&str, TermDocs> = HashMap::new();
        for t in q.groups.iter().flatten().chain(&q.exclude) {
            if resolved.contains_key(t.as_str()) {
                continue;
            }
            if let Some(td) = self.term(src, t, &mut need)? {
                resolved.insert(t, td);
            }
        }
        if !need.is_empty() {
            return Ok(Step::Need(need.into_iter().collect()));
        }
        let n = self.meta.docs as usize;
        let mut level = vec![0u16; n];
        let mut score = vec![0f64; n];
        for (gi, g) in q.groups.iter().enumerate() {
            let gi = gi as u16;
            for t in g {
                let td = &resolved[t.as_str()];
                let idf = self.idf(td.docs.len());
                for ((&d, &norm), &head) in td.docs.iter().zip(&td.norm).zip(&td.head) {
                    let d = d as usize;
                    if level[d] == gi || level[d] == gi + 1 {
                        level[d] = gi + 1;
                        score[d] += idf * (norm + if head { 2.0 } else { 0.0 });
                    }
                }
            }
        }
        let want = q.groups.len() as u16;
        for t in &q.exclude {
            for &d in &resolved[t.as_str()].docs {
                level[d as usize] = EXCLUDED;
            }
        }
        Ok(Step::Done(
            (0..n as u32)
                .filter(|&d| level[d as usize] == want)
                .map(|d| (d, score[d as usize]))
                .collect(),
        ))
    }

    /// The organisation, document and amount columns (`x.bin`): fetched
    /// after the first results; facet counts include them once they are
    /// here, and a filter on them asks for them.
    pub fn extras(&self, src: &impl Source) -> Result<Step<Rc<Vec<Column>>>, DataError> {
        if let Some(x) = self.extra.borrow().as_ref() {
            return Ok(Step::Done(x.clone()));
        }
        let Some(bytes) = src.get(paths::EXTRA) else {
            return Ok(Step::Need(vec![paths::EXTRA.to_string()]));
        };
        let cols = Rc::new(format::decode_extra(bytes, self.meta.docs)?);
        *self.extra.borrow_mut() = Some(cols.clone());
        Ok(Step::Done(cols))
    }

    /// The column of facet `fi` (an index into [`Facet::ALL`]), if loaded.
    pub(super) fn column<'a>(
        &'a self,
        fi: usize,
        extra: Option<&'a Rc<Vec<Column>>>,
    ) -> &'a Column {
        let f = Facet::ALL[fi];
        match format::EXTRA_FACETS.iter().position(|x| *x == f) {
            Some(xi) => extra.and_then(|x| x.get(xi)).unwrap_or(&self.facets[fi]),
            None => &self.facets[fi],
        }
    }

    /// The query's match set, from the memo or computed (and memoised).
    fn query_matches(&self, src: &impl Source, q: &Query) -> Result<Step<Matches>, DataError> {
        let memo = self
            .memo
            .borrow()
            .iter()
            .find(|m| m.0 == *q)
            .map(|m| m.1.clone());
        if let Some(m) = memo {
            return Ok(Step::Done(m));
        }
        Ok(self.matching(src, q)?.map(|m| {
            let m = Rc::new(m);
            let mut memo = self.memo.borrow_mut();
            if memo.len() >= MEMO {
                memo.pop_back();
            }
            memo.push_front((q.clone(), m.clone()));
            m
        }))
    }

    /// The extra columns: required by a filter on them, used when present
    /// (counts for those facets wait until `x.bin` is here otherwise).
    fn extras_for(
        &self,
        src: &impl Source,
        filters: &[(Facet, String)],
    ) -> Result<Step<Option<Rc<Vec<Column>>>>, DataError> {
        let needed = filters
            .iter()
            .any(|(f, _)| format::EXTRA_FACETS.contains(f));
        match self.extras(src) {
            Ok(Step::Done(x)) => Ok(Step::Done(Some(x))),
            Ok(Step::Need(n)) if needed => Ok(Step::Need(n)),
            Err(e) if needed => Err(e),
            _ => Ok(Step::Done(None)),
        }
    }

    /// The article of doc `d`, from its fragment.
    pub fn article(&self, src: &impl Source, d: u32) -> Result<Step<Article>, DataError> {
        if d >= self.meta.docs {
            return Err(DataError::Malformed {
                what: "request".into(),
                detail: format!("no document {d}"),
            });
        }
        let path = paths::article(d);
        match src.get(&path) {
            Some(b) => format::decode_article(b, d).map(Step::Done),
            None => Ok(Step::Need(vec![path])),
        }
    }

    /// The doc number of an article id, `None` when the archive lacks it.
    pub fn locate(&self, src: &impl Source, id: &str) -> Result<Step<Option<u32>>, DataError> {
        let b = format::id_bucket_of(id, self.manifest.id_buckets);
        let path = paths::id_bucket(b);
        match src.get(&path) {
            Some(bytes) => Ok(Step::Done(
                format::decode_id_bucket(bytes, b, self.meta.docs)?
                    .get(id)
                    .copied(),
            )),
            None => Ok(Step::Need(vec![path])),
        }
    }

    /// Run a search: the exact total over the query, the date range and
    /// every filter; facet counts that leave out each facet's own filter;
    /// the timeline without the range and the date filters (see
    /// `facets`); then the requested page of hits with snippets.
    pub fn search(
        &self,
        src: &impl Source,
        req: &SearchRequest,
    ) -> Result<Step<SearchResults>, DataError> {
        let q = Query::parse(&req.query, &self.folder);
        let all = match self.query_matches(src, &q)? {
            Step::Done(m) => m,
            Step::Need(n) => return Ok(Step::Need(n)),
        };
        let extra = match self.extras_for(src, &req.filters)? {
            Step::Done(x) => x,
            Step::Need(n) => return Ok(Step::Need(n)),
        };
        let extra = extra.as_ref();
        let plan = self.plan(req, extra);
        let facets::Selection {
            mut matched,
            facets,
            timeline,
        } = self.select(&all, &plan, extra, true);

        let relevance = req.sort == Sort::Relevance && !q.groups.is_empty();
        let rank = &self.newest_rank;
        let cmp = |a: &(u32, f64), b: &(u32, f64)| -> std::cmp::Ordering {
            if relevance {
                b.1.partial_cmp(&a.1)
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then(rank[a.0 as usize].cmp(&rank[b.0 as usize]))
            } else if req.sort == Sort::Oldest {
                a.0.cmp(&b.0)
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
        let shown: Vec<(u32, f64)> = matched
            .iter()
            .skip(req.offset)
            .take(limit)
            .copied()
            .collect();
        let need: Vec<String> = shown
            .iter()
            .map(|&(d, _)| paths::article(d))
            .filter(|p| src.get(p).is_none())
            .collect();
        if !need.is_empty() {
            return Ok(Step::Need(need));
        }
        let terms = q.positive_terms();
        let mut hits = Vec::with_capacity(shown.len());
        for (d, score) in shown {
            let article = match self.article(src, d)? {
                Step::Done(a) => a,
                Step::Need(n) => return Ok(Step::Need(n)),
            };
            let (snippet, highlights) = snippet(&self.folder, &article, &terms);
            hits.push(Hit {
                doc: d,
                article,
                score,
                snippet,
                highlights,
            });
        }
        Ok(Step::Done(SearchResults {
            total,
            hits,
            facets,
            timeline,
            terms,
        }))
    }
}

/// One column per [`Facet::ALL`] entry: year, month and day from the date
/// runs, the stored ones moved out of `meta`, the extra ones empty.
fn derived_and_stored(meta: &mut Meta) -> Vec<Column> {
    let mut derived: Vec<(Column, HashMap<String, u32>)> = format::DATE_FACETS
        .iter()
        .map(|_| Default::default())
        .collect();
    for run in &meta.dates {
        for (i, (col, ids)) in derived.iter_mut().enumerate() {
            // Year and month are prefixes, the day is the whole date.
            let v = run.date.as_deref().and_then(|d| match i {
                0 => d.get(0..4),
                1 => d.get(0..7),
                _ => Some(d),
            });
            let id = v.map(|v| {
                *ids.entry(v.to_string()).or_insert_with(|| {
                    col.values.push(v.to_string());
                    col.values.len() as u32 - 1
                })
            });
            for _ in 0..run.len {
                col.push_doc(id);
            }
        }
    }
    let mut stored: Vec<Option<Column>> = std::mem::take(&mut meta.columns)
        .into_iter()
        .map(Some)
        .collect();
    Facet::ALL
        .iter()
        .map(|f| {
            let mut col = if let Some(i) = format::DATE_FACETS.iter().position(|x| x == f) {
                std::mem::take(&mut derived[i].0)
            } else if let Some(i) = format::STORED_FACETS.iter().position(|x| x == f) {
                stored.get_mut(i).and_then(Option::take).unwrap_or_default()
            } else {
                Column::default()
            };
            if col.starts.is_empty() {
                col.starts.push(0);
            }
            col
        })
        .collect()
}
