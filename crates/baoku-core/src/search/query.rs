//! What a search is asked and what it answers: the query language, sort
//! orders, facets, the request and the results. Shared by every engine
//! (the static index and the reference oracle) and by the app.

use crate::fold::Folder;
use crate::model::{Article, Kind};
use std::cmp::Ordering;

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
        let tokens = tokens(input);
        // A bare `OR` or `或` between two terms means either, like `a|b`.
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

/// The query's tokens as typed: (text, quoted). Spaces separate tokens
/// outside quotes; `"…"` (or `“…”`, `「…」`) keeps a phrase in one.
pub(crate) fn tokens(input: &str) -> Vec<(String, bool)> {
    let mut tokens: Vec<(String, bool)> = Vec::new();
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
    tokens
}

/// A bare `OR` or `或` token: between two terms it means either, like `a|b`.
pub(crate) fn is_or(t: &(String, bool)) -> bool {
    !t.1 && matches!(t.0.as_str(), "OR" | "或")
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
    /// The issue date, `YYYY-MM-DD` (from the date runs, like year and month).
    Day,
    /// The page label as printed (`1`, `A3`).
    Page,
    /// Correspondents (通讯员) of the byline.
    Correspondent,
    /// Authors named without a role word.
    Author,
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
    /// Every facet; new ones are appended, so indexes stay stable.
    pub const ALL: [Facet; 13] = [
        Facet::Year,
        Facet::Month,
        Facet::Kind,
        Facet::Place,
        Facet::Reporter,
        Facet::Publication,
        Facet::Organization,
        Facet::Document,
        Facet::Amount,
        Facet::Day,
        Facet::Page,
        Facet::Correspondent,
        Facet::Author,
    ];

    /// Facets whose values come from the issue date.
    pub fn is_date(self) -> bool {
        matches!(self, Facet::Year | Facet::Month | Facet::Day)
    }

    /// Index in [`Facet::ALL`].
    pub fn index(self) -> usize {
        Facet::ALL.iter().position(|f| *f == self).unwrap_or(0)
    }

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
            Facet::Day => "day",
            Facet::Page => "page",
            Facet::Correspondent => "correspondent",
            Facet::Author => "author",
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
            Facet::Reporter => a.reporters.clone(),
            Facet::Correspondent => a.correspondents.clone(),
            Facet::Author => a.authors.clone(),
            Facet::Day => a.date.clone().into_iter().collect(),
            Facet::Page => a.page.clone().into_iter().collect(),
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

    /// Put a facet's (value, count) list in display order: dates newest
    /// first, amounts by range, pages in page order, the rest by count.
    pub fn sort_values(self, v: &mut [(String, usize)]) {
        match self {
            Facet::Year | Facet::Month | Facet::Day => v.sort_by(|a, b| b.0.cmp(&a.0)),
            Facet::Amount => {
                let rank = |s: &str| AMOUNT_RANGES.iter().position(|r| r.0 == s);
                v.sort_by(|a, b| rank(&a.0).cmp(&rank(&b.0)).then(a.0.cmp(&b.0)));
            }
            Facet::Page => v.sort_by(|a, b| natural_cmp(&a.0, &b.0)),
            _ => v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0))),
        }
    }
}

/// Numeric-aware order of labels: `1 < 2 < 10 < A1 < A3 < B2`. Runs of
/// ASCII digits compare as numbers and come before other text.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    fn pieces(s: &str) -> impl Iterator<Item = (bool, &str)> {
        let mut rest = s;
        std::iter::from_fn(move || {
            let first = rest.chars().next()?;
            let digit = first.is_ascii_digit();
            let end = rest
                .find(|c: char| c.is_ascii_digit() != digit)
                .unwrap_or(rest.len());
            let (p, r) = rest.split_at(end);
            rest = r;
            Some((digit, p))
        })
    }
    let (mut x, mut y) = (pieces(a), pieces(b));
    loop {
        let o = match (x.next(), y.next()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => Ordering::Less,
            (Some(_), None) => Ordering::Greater,
            (Some((true, p)), Some((true, q))) => {
                let (p0, q0) = (p.trim_start_matches('0'), q.trim_start_matches('0'));
                p0.len().cmp(&q0.len()).then(p0.cmp(q0))
            }
            (Some((true, _)), Some((false, _))) => Ordering::Less,
            (Some((false, _)), Some((true, _))) => Ordering::Greater,
            (Some((false, p)), Some((false, q))) => p.cmp(q),
        };
        if o != Ordering::Equal {
            return o;
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchRequest {
    pub query: String,
    /// Filters: values within one facet are OR'ed, facets are AND'ed.
    pub filters: Vec<(Facet, String)>,
    /// First issue date included: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
    /// (an invalid bound is ignored; undated articles are left out when
    /// either bound is set).
    pub from: Option<String>,
    /// Last issue date included, same forms: `2025-03` includes all of March.
    pub to: Option<String>,
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
    /// Per facet, (value, count) in display order ([`Facet::sort_values`]).
    /// A facet's counts ignore its own filter (the query, the date range
    /// and the other facets' filters apply), so its other values stay
    /// visible; a selected value is listed even with count 0.
    pub facets: Vec<(Facet, Vec<(String, usize)>)>,
    /// Matching documents per month (`YYYY-MM`), oldest first, ignoring
    /// the date range and the year, month and day filters; months without
    /// matches are left out.
    pub timeline: Vec<(String, usize)>,
    /// Folded terms to highlight in the reader view.
    pub terms: Vec<String>,
}

/// A changed request that finds something, offered when a search finds nothing.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub request: SearchRequest,
    /// Its exact number of results.
    pub total: usize,
    pub why: Why,
}

/// What a [`Suggestion`] changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// Terms that match nothing split into pieces that do (`小巨人奖励` → `小巨人 奖励`).
    SplitTerms,
    /// One filter value removed.
    DropFilter(Facet, String),
    /// The date range removed.
    DropDateRange,
    /// One term (as typed) removed.
    DropTerm(String),
}

/// Kinds by their export name.
pub fn kind_from_str(s: &str) -> Option<Kind> {
    [
        Kind::News,
        Kind::Feature,
        Kind::Photo,
        Kind::Notice,
        Kind::Commentary,
        Kind::Sidebar,
        Kind::Teaser,
    ]
    .into_iter()
    .find(|k| k.as_str() == s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_sort_in_page_order() {
        let mut v: Vec<&str> = vec!["B2", "10", "A3", "2", "A1", "1", "A10", "02"];
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(v, ["1", "02", "2", "10", "A1", "A3", "A10", "B2"]);
    }

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
