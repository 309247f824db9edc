//! The app's single state and the actions that change it.

use crate::i18n::Lang;
use crate::loader::{LoadError, Reader};
use crate::url::UrlState;
use baoku_core::search::{Facet, SearchRequest, SearchResults, Sort, Suggestion};
use baoku_core::Article;
use std::rc::Rc;
use yew::Reducible;

pub const PAGE: usize = 20;

/// A date range as the URL and the engine take it: `YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD` bounds, inclusive.
#[derive(Clone, PartialEq, Default, Debug)]
pub struct Range {
    pub from: Option<String>,
    pub to: Option<String>,
}

impl Range {
    pub fn is_empty(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }
    pub fn exactly(p: &str) -> Range {
        Range {
            from: Some(p.to_string()),
            to: Some(p.to_string()),
        }
    }
}

#[derive(Clone)]
pub enum Load {
    Loading,
    Ready(Rc<Reader>),
    Failed(LoadError),
}

/// What a search is for: results for any other key are stale and dropped,
/// so results for a prefix never replace those of a longer query.
#[derive(Clone, PartialEq, Debug)]
pub struct SearchKey {
    /// Whether the extra facet columns (organisations, documents, amounts)
    /// were here: their arrival refreshes the counts.
    pub extras: bool,
    pub query: String,
    pub filters: Vec<(Facet, String)>,
    pub range: Range,
    pub sort: Sort,
    pub shown: usize,
}

impl SearchKey {
    /// The engine request for this key (the first `shown` results).
    pub fn request(&self) -> SearchRequest {
        SearchRequest {
            query: self.query.clone(),
            filters: self.filters.clone(),
            from: self.range.from.clone(),
            to: self.range.to.clone(),
            sort: self.sort,
            offset: 0,
            limit: self.shown,
        }
    }
}

/// What the main area shows besides results: the list of issues (往期).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum View {
    #[default]
    Results,
    Issues,
}

/// One issue's articles are shown all at once (an issue has far fewer).
pub const ISSUE_MAX: usize = 400;

/// The article being read.
#[derive(Clone)]
pub enum Reading {
    None,
    Loading,
    Ready(Rc<Article>),
    /// The archive has no article with this id.
    Missing(String),
    Failed(String, LoadError),
}

#[derive(Clone)]
pub struct AppState {
    pub load: Load,
    /// Bumped by Retry: the loader effect depends on it.
    pub attempt: u32,
    pub query: String,
    pub filters: Vec<(Facet, String)>,
    pub range: Range,
    pub sort: Sort,
    pub shown: usize,
    pub view: View,
    pub open: Option<String>,
    pub lang: Lang,
    /// The latest results, and the key they answer.
    pub results: Option<(SearchKey, Rc<SearchResults>)>,
    /// A search for the current key is under way.
    pub searching: bool,
    pub search_error: Option<LoadError>,
    /// Requests that would find something, for a key that found nothing.
    pub suggestions: Option<(SearchKey, Rc<Vec<Suggestion>>)>,
    pub reading: Reading,
    /// The extra facet columns (`x.bin`) have been fetched.
    pub extras: bool,
}

pub enum Action {
    /// The extra columns arrived for this reader (a Retry may have replaced it).
    ExtrasLoaded(Rc<Reader>),
    Loaded(Rc<Reader>),
    Searching,
    Results(SearchKey, Rc<SearchResults>),
    SearchFailed(SearchKey, LoadError),
    Reading(Reading),
    Failed(LoadError),
    Retry,
    SetQuery(String),
    ToggleFilter(Facet, String),
    ClearFilters,
    SetRange(Range),
    Suggested(SearchKey, Rc<Vec<Suggestion>>),
    /// Take a suggested request (query, filters and range).
    Apply(SearchRequest),
    /// Show the list of issues.
    ShowIssues,
    /// Browse one issue (`YYYY-MM-DD`) page by page.
    OpenIssue(String),
    SetSort(Sort),
    ShowMore,
    Open(String),
    Close,
    ToggleLang,
    /// Back/forward navigation restored this state.
    Restore(UrlState),
}

impl AppState {
    pub fn from_url(u: UrlState) -> AppState {
        AppState {
            load: Load::Loading,
            attempt: 0,
            query: u.query,
            filters: u.filters,
            range: u.range,
            sort: u.sort,
            shown: PAGE,
            view: u.view,
            open: u.open,
            lang: u.lang,
            results: None,
            searching: false,
            search_error: None,
            suggestions: None,
            reading: Reading::None,
            extras: false,
        }
    }

    /// What the result list should show now.
    /// The issue being browsed: the empty query filtered on one day.
    pub fn issue_day(&self) -> Option<&str> {
        match self.filters.as_slice() {
            [(Facet::Day, d)] if self.query.trim().is_empty() && self.range.is_empty() => {
                Some(d.as_str())
            }
            _ => None,
        }
    }

    pub fn key(&self) -> SearchKey {
        if self.issue_day().is_some() {
            // Page order, the whole issue.
            return SearchKey {
                extras: self.extras,
                query: String::new(),
                filters: self.filters.clone(),
                range: Range::default(),
                sort: Sort::Oldest,
                shown: ISSUE_MAX,
            };
        }
        SearchKey {
            extras: self.extras,
            query: self.query.clone(),
            filters: self.filters.clone(),
            range: self.range.clone(),
            sort: if self.query.trim().is_empty() && self.sort == Sort::Relevance {
                Sort::Newest
            } else {
                self.sort
            },
            shown: self.shown,
        }
    }

    pub fn url(&self) -> UrlState {
        UrlState {
            query: self.query.clone(),
            filters: self.filters.clone(),
            range: self.range.clone(),
            sort: self.sort,
            view: self.view,
            open: self.open.clone(),
            lang: self.lang,
        }
    }

    pub fn reader(&self) -> Option<&Rc<Reader>> {
        match &self.load {
            Load::Ready(ix) => Some(ix),
            _ => None,
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Loaded(r) => s.load = Load::Ready(r),
            Action::Failed(e) => s.load = Load::Failed(e),
            Action::Retry => {
                s.load = Load::Loading;
                s.extras = false;
                s.search_error = None;
                s.attempt += 1;
            }
            Action::Searching => s.searching = true,
            Action::ExtrasLoaded(r) => {
                if !matches!(&s.load, Load::Ready(cur) if Rc::ptr_eq(cur, &r)) {
                    return self;
                }
                s.extras = true;
            }
            Action::Results(key, r) => {
                if key != s.key() {
                    return self;
                }
                s.results = Some((key, r));
                s.searching = false;
                s.search_error = None;
            }
            Action::SearchFailed(key, e) => {
                if key != s.key() {
                    return self;
                }
                s.searching = false;
                s.search_error = Some(e);
            }
            Action::Reading(r) => {
                // An answer for an article no longer open is stale.
                let for_id = match &r {
                    Reading::Ready(a) => Some(a.id.as_str()),
                    Reading::Missing(id) | Reading::Failed(id, _) => Some(id.as_str()),
                    Reading::None | Reading::Loading => None,
                };
                if for_id.is_some_and(|id| s.open.as_deref() != Some(id)) {
                    return self;
                }
                s.reading = r;
            }
            Action::SetQuery(q) => {
                if q == s.query {
                    return self;
                }
                s.query = q;
                s.shown = PAGE;
                // A new query (typed, or from the host page) shows its results.
                s.open = None;
                s.view = View::Results;
            }
            Action::ToggleFilter(f, v) => {
                if let Some(i) = s.filters.iter().position(|x| x.0 == f && x.1 == v) {
                    s.filters.remove(i);
                } else {
                    s.filters.push((f, v));
                }
                s.shown = PAGE;
            }
            Action::ClearFilters => {
                s.filters.clear();
                s.range = Range::default();
                s.shown = PAGE;
            }
            Action::SetRange(r) => {
                s.range = r;
                s.shown = PAGE;
            }
            Action::Suggested(key, v) => {
                if key == s.key() {
                    s.suggestions = Some((key, v));
                }
            }
            Action::Apply(r) => {
                s.query = r.query;
                s.filters = r.filters;
                s.range = Range {
                    from: r.from,
                    to: r.to,
                };
                s.shown = PAGE;
                s.view = View::Results;
                s.open = None;
            }
            Action::ShowIssues => {
                s.view = View::Issues;
                s.open = None;
            }
            Action::OpenIssue(day) => {
                s.query.clear();
                s.filters = vec![(Facet::Day, day)];
                s.range = Range::default();
                s.view = View::Results;
                s.open = None;
            }
            Action::SetSort(o) => {
                s.sort = o;
                s.shown = PAGE;
            }
            Action::ShowMore => s.shown += PAGE,
            Action::Open(id) => s.open = Some(id),
            Action::Close => s.open = None,
            Action::ToggleLang => s.lang = s.lang.other(),
            Action::Restore(u) => {
                if (&u.query, &u.filters, &u.range, u.sort)
                    != (&s.query, &s.filters, &s.range, s.sort)
                {
                    s.shown = PAGE;
                }
                s.query = u.query;
                s.filters = u.filters;
                s.range = u.range;
                s.sort = u.sort;
                s.view = u.view;
                s.open = u.open;
                s.lang = u.lang;
            }
        }
        Rc::new(s)
    }
}
