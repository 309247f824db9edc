//! What a search is asked and what it answers: the query language, sort
//! orders, facets, the request and the results. Shared by every engine
//! (the static index and the reference oracle) and by the app.

use crate::fold::Folder;
use crate::model::{Article, Kind};

/// One parsed query: AND over groups, each group an OR of terms.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub groups: Vec<Vec<String>>,
    pub exclude: Vec<String>,
}

impl Query {
    /// Parse what a reader typed. Spaces mean AND, `"…"` keeps a phrase
    /// together, `-term` excludes, `a|b` (or `a OR b`, `a 或 b`) means either. Terms are folded;
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
        // A bare `OR` or `或` between two terms means either, like `a|b`.
        let is_or = |t: &(String, bool)| !t.1 && matches!(t.0.as_str(), "OR" | "或");
        let mut join_next = false;
        let n = tokens.len();
        for (i, tok) in tokens.iter().enumerate() {
            let (raw, quoted) = (&tok.0, tok.1);
            if is_or(tok) && i > 0 && i + 1 < n && !q.groups.is_empty() {
                join_next = true;
                continue;
            }
            let join = std::mem::take(&mut join_next);
            let push = |q: &mut Query, alts: Vec<String>| match q.groups.last_mut() {
                Some(last) if join => last.extend(alts),
                _ => q.groups.push(alts),
            };
            if quoted {
                let t = folder.fold(raw);
                if !t.is_empty() {
                    push(&mut q, vec![t]);
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
                push(&mut q, alts);
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
    /// Parse a sort name; unknown names are `None`, so callers can refuse them.
    pub fn from_key(s: &str) -> Option<Sort> {
        match s {
            "relevance" => Some(Sort::Relevance),
            "newest" => Some(Sort::Newest),
            "oldest" => Some(Sort::Oldest),
            _ => None,
        }
    }

    /// Parse a sort name, falling back to relevance (for URLs).
    pub fn parse(s: &str) -> Sort {
        Sort::from_key(s).unwrap_or_default()
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
    /// Organisations named in the text (build-time extraction).
    Organization,
    /// Policy documents cited in 《》.
    Document,
    /// Money amounts, by range ([`AMOUNT_RANGES`]).
    Amount,
}

/// The amount filter's ranges, largest first: (label, lowest yuan).
pub const AMOUNT_RANGES: [(&str, u64); 4] = [
    ("≥1亿元", 100_000_000),
    ("1000万–1亿元", 10_000_000),
    ("100万–1000万元", 1_000_000),
    ("<100万元", 0),
];

/// The range label of an amount in yuan.
pub fn amount_range(yuan: u64) -> &'static str {
    AMOUNT_RANGES
        .iter()
        .find(|r| yuan >= r.1)
        .map_or(AMOUNT_RANGES[3].0, |r| r.0)
}

impl Facet {
    pub const ALL: [Facet; 9] = [
        Facet::Year,
        Facet::Month,
        Facet::Kind,
        Facet::Place,
        Facet::Reporter,
        Facet::Publication,
        Facet::Organization,
        Facet::Document,
        Facet::Amount,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Facet::Year => "year",
            Facet::Month => "month",
            Facet::Kind => "kind",
            Facet::Place => "place",
            Facet::Reporter => "reporter",
            Facet::Publication => "publication",
            Facet::Organization => "org",
            Facet::Document => "doc",
            Facet::Amount => "amount",
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
            Facet::Organization => a.organizations.clone(),
            Facet::Document => a.documents.clone(),
            Facet::Amount => a
                .amounts
                .iter()
                .map(|m| amount_range(m.yuan).to_string())
                .collect(),
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
    /// Document number in the index (browse order).
    pub doc: u32,
    /// The article, from its fragment file.
    pub article: Article,
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

/// Kinds by their export name.
pub fn kind_from_str(s: &str) -> Option<Kind> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(q: &str) -> Vec<Vec<String>> {
        Query::parse(q, &Folder::builtin()).groups
    }

    #[test]
    fn or_and_huo_between_terms_mean_either() {
        let either = vec![vec!["专精特新".to_string(), "小巨人".to_string()]];
        assert_eq!(groups("专精特新 OR 小巨人"), either);
        assert_eq!(groups("专精特新 或 小巨人"), either);
        assert_eq!(groups("专精特新|小巨人"), either);
        assert_eq!(
            groups("a OR b c"),
            vec![
                vec!["a".to_string(), "b".to_string()],
                vec!["c".to_string()]
            ]
        );
        // Alone or at an end they are search terms.
        assert_eq!(groups("或"), vec![vec!["或".to_string()]]);
        assert_eq!(groups("OR"), vec![vec!["or".to_string()]]);
        assert_eq!(
            groups("企业 或"),
            vec![vec!["企业".to_string()], vec!["或".to_string()]]
        );
        assert_eq!(groups("或者"), vec![vec!["或者".to_string()]]);
        // Quoted, it is a phrase to find.
        assert_eq!(
            groups("a \"或\" b"),
            vec![
                vec!["a".to_string()],
                vec!["或".to_string()],
                vec!["b".to_string()]
            ]
        );
    }
}
