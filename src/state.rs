//! The app's single state and the actions that change it.

use crate::i18n::Lang;
use crate::url::UrlState;
use baoku_core::search::{Facet, Sort};
use baoku_core::Index;
use std::rc::Rc;
use yew::Reducible;

pub const PAGE: usize = 20;

#[derive(Clone)]
pub enum Load {
    Loading { done: usize, total: usize },
    Ready(Rc<Index>),
    Failed(String),
}

#[derive(Clone)]
pub struct AppState {
    pub load: Load,
    /// Bumped by Retry: the loader effect depends on it.
    pub attempt: u32,
    pub query: String,
    pub filters: Vec<(Facet, String)>,
    pub sort: Sort,
    pub shown: usize,
    pub open: Option<String>,
    pub lang: Lang,
    /// Keyboard cursor in the result list.
    pub cursor: Option<usize>,
}

pub enum Action {
    Progress {
        done: usize,
        total: usize,
    },
    Loaded(Rc<Index>),
    Failed(String),
    Retry,
    SetQuery(String),
    ToggleFilter(Facet, String),
    ClearFilters,
    SetSort(Sort),
    ShowMore,
    Open(String),
    Close,
    ToggleLang,
    /// Move the keyboard cursor by this many results, within `0..len`.
    MoveCursor(i32, usize),
    /// Back/forward navigation restored this state.
    Restore(UrlState),
}

impl AppState {
    pub fn from_url(u: UrlState) -> AppState {
        AppState {
            load: Load::Loading { done: 0, total: 0 },
            attempt: 0,
            query: u.query,
            filters: u.filters,
            sort: u.sort,
            shown: PAGE,
            open: u.open,
            lang: u.lang,
            cursor: None,
        }
    }

    pub fn url(&self) -> UrlState {
        UrlState {
            query: self.query.clone(),
            filters: self.filters.clone(),
            sort: self.sort,
            open: self.open.clone(),
            lang: self.lang,
        }
    }

    pub fn index(&self) -> Option<&Rc<Index>> {
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
            Action::Progress { done, total } => s.load = Load::Loading { done, total },
            Action::Loaded(ix) => s.load = Load::Ready(ix),
            Action::Failed(e) => s.load = Load::Failed(e),
            Action::Retry => {
                s.load = Load::Loading { done: 0, total: 0 };
                s.attempt += 1;
            }
            Action::SetQuery(q) => {
                if q == s.query {
                    return self;
                }
                s.query = q;
                s.shown = PAGE;
                s.cursor = None;
            }
            Action::ToggleFilter(f, v) => {
                if let Some(i) = s.filters.iter().position(|x| x.0 == f && x.1 == v) {
                    s.filters.remove(i);
                } else {
                    s.filters.push((f, v));
                }
                s.shown = PAGE;
                s.cursor = None;
            }
            Action::ClearFilters => {
                s.filters.clear();
                s.shown = PAGE;
            }
            Action::SetSort(o) => {
                s.sort = o;
                s.shown = PAGE;
            }
            Action::ShowMore => s.shown += PAGE,
            Action::Open(id) => s.open = Some(id),
            Action::Close => s.open = None,
            Action::ToggleLang => s.lang = s.lang.other(),
            Action::MoveCursor(d, len) => {
                if len == 0 {
                    return self;
                }
                let cur = s.cursor.map(|c| c as i32).unwrap_or(-1);
                s.cursor = Some((cur + d).clamp(0, len as i32 - 1) as usize);
            }
            Action::Restore(u) => {
                s.query = u.query;
                s.filters = u.filters;
                s.sort = u.sort;
                s.open = u.open;
                s.lang = u.lang;
            }
        }
        Rc::new(s)
    }
}
