//! The reference semantics, written as plainly as possible: fold the
//! article text and the terms, then `contains`; filters and facet counts by
//! direct enumeration. Tests and benchmarks compare the static index with
//! it. Not part of the public API (feature `oracle`, on only for tests and
//! benchmarks).

use super::build::searchable_text;
use super::query::{Facet, Query};
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

/// Ids of the articles matching `query` and `filters` (OR within a facet,
/// AND across facets), and the facet counts over them.
pub fn search(
    articles: &[Article],
    folder: &Folder,
    query: &str,
    filters: &[(Facet, String)],
) -> (Vec<String>, BTreeMap<(Facet, String), usize>) {
    let mut ids = Vec::new();
    let mut counts = BTreeMap::new();
    for i in matches(articles, folder, query) {
        let a = &articles[i];
        let ok = Facet::ALL.iter().all(|f| {
            let want: Vec<&String> = filters.iter().filter(|x| x.0 == *f).map(|x| &x.1).collect();
            want.is_empty() || f.values(a).iter().any(|v| want.contains(&v))
        });
        if !ok {
            continue;
        }
        ids.push(a.id.clone());
        for f in Facet::ALL {
            let mut vs = f.values(a);
            vs.sort();
            vs.dedup();
            for v in vs {
                *counts.entry((f, v)).or_insert(0) += 1;
            }
        }
    }
    ids.sort();
    (ids, counts)
}

/// The naive scan over pre-folded texts: the baseline for benchmarks.
pub fn scan(folded: &[String], terms: &[String]) -> usize {
    folded
        .iter()
        .filter(|t| terms.iter().all(|q| t.contains(q.as_str())))
        .count()
}
