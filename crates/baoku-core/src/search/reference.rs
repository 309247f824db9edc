//! The reference semantics, written as plainly as possible: fold the
//! article text and the terms, then `contains`; filters, date range, facet
//! counts (each facet without its own filter) and timeline by direct
//! enumeration, per article. Tests and benchmarks compare the static index with
//! it. Not part of the public API (feature `oracle`, on only for tests and
//! benchmarks).

use super::build::searchable_text;
use super::query::{Facet, Query, SearchRequest};
use crate::fold::Folder;
use crate::model::Article;
use std::collections::BTreeMap;

/// Indexes of the articles matching `query`.
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

/// What the reference answers for a request.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Answer {
    /// Ids of the articles matching everything, sorted.
    pub ids: Vec<String>,
    /// Per (facet, value): articles matching the query, the date range and
    /// the filters of every other facet; selected values at least 0.
    pub counts: BTreeMap<(Facet, String), usize>,
    /// Per month, articles matching the query and the filters on facets
    /// other than year, month and day (no date range), oldest first.
    pub timeline: Vec<(String, usize)>,
}

/// A bound as typed, if valid: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn bound(s: Option<&str>) -> Option<String> {
    let s = s?.trim();
    let ok = match s.len() {
        4 => s.parse::<u32>().is_ok() && s.bytes().all(|b| b.is_ascii_digit()),
        7 => {
            bound(s.get(..4)).is_some() && {
                let full = format!("{s}-01");
                crate::dates::Ymd::parse(&full).is_some_and(|d| d.to_string() == full)
            }
        }
        10 => crate::dates::Ymd::parse(s).is_some_and(|d| d.to_string() == s),
        _ => false,
    };
    ok.then(|| s.to_string())
}

/// The articles of `articles` that `req` finds, its facet counts and timeline.
pub fn search(articles: &[Article], folder: &Folder, req: &SearchRequest) -> Answer {
    let (from, to) = (bound(req.from.as_deref()), bound(req.to.as_deref()));
    let in_range = |a: &Article| {
        if from.is_none() && to.is_none() {
            return true;
        }
        let Some(d) = a.date.as_deref() else {
            return false;
        };
        from.as_ref().is_none_or(|f| d >= f.as_str())
            && to
                .as_ref()
                .is_none_or(|t| d.get(..t.len()).is_some_and(|p| p <= t.as_str()))
    };
    // Every filter on a facet `keep` accepts holds.
    let passes = |a: &Article, keep: &dyn Fn(Facet) -> bool| {
        Facet::ALL.iter().filter(|f| keep(**f)).all(|f| {
            let want: Vec<&String> = req
                .filters
                .iter()
                .filter(|x| x.0 == *f)
                .map(|x| &x.1)
                .collect();
            want.is_empty() || f.values(a).iter().any(|v| want.contains(&v))
        })
    };
    let mut out = Answer::default();
    let mut months: BTreeMap<String, usize> = BTreeMap::new();
    for (f, v) in &req.filters {
        out.counts.insert((*f, v.clone()), 0);
    }
    for i in matches(articles, folder, &req.query) {
        let a = &articles[i];
        if passes(a, &|f| !f.is_date()) {
            if let Some(m) = a.month() {
                *months.entry(m.to_string()).or_insert(0) += 1;
            }
        }
        if !in_range(a) {
            continue;
        }
        if passes(a, &|_| true) {
            out.ids.push(a.id.clone());
        }
        for f in Facet::ALL {
            if !passes(a, &|g| g != f) {
                continue;
            }
            let mut vs = f.values(a);
            vs.sort();
            vs.dedup();
            for v in vs {
                *out.counts.entry((f, v)).or_insert(0) += 1;
            }
        }
    }
    out.ids.sort();
    out.timeline = months.into_iter().collect();
    out
}

/// The naive scan over pre-folded texts: the baseline for benchmarks.
pub fn scan(folded: &[String], terms: &[String]) -> usize {
    folded
        .iter()
        .filter(|t| terms.iter().all(|q| t.contains(q.as_str())))
        .count()
}
