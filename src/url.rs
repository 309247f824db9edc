//! The whole view state lives in the location hash, so reload, back/forward
//! and shared links restore it. The hash (not the query string) is used so
//! the widget never clashes with its host page's own parameters.

use crate::i18n::Lang;
use crate::state::{Range, View};
use baoku_core::search::{is_date_bound, Facet, Sort};
use web_sys::UrlSearchParams;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct UrlState {
    pub query: String,
    pub filters: Vec<(Facet, String)>,
    pub range: Range,
    pub sort: Sort,
    pub view: View,
    pub open: Option<String>,
    pub lang: Lang,
}

impl UrlState {
    pub fn from_hash(hash: &str) -> UrlState {
        let h = hash.strip_prefix('#').unwrap_or(hash);
        let Ok(p) = UrlSearchParams::new_with_str(h) else {
            return UrlState::default();
        };
        let mut filters = Vec::new();
        let all = p.get_all("f");
        for v in all.iter() {
            if let Some(s) = v.as_string() {
                if let Some((k, val)) = s.split_once(':') {
                    if let Some(f) = Facet::from_key(k) {
                        let v = (f, val.to_string());
                        if !filters.contains(&v) {
                            filters.push(v);
                        }
                    }
                }
            }
        }
        UrlState {
            query: p.get("q").unwrap_or_default(),
            filters,
            range: Range {
                from: p.get("from").filter(|s| is_date_bound(s)),
                to: p.get("to").filter(|s| is_date_bound(s)),
            },
            view: if p.get("v").as_deref() == Some("issues") {
                View::Issues
            } else {
                View::Results
            },
            sort: Sort::parse(&p.get("sort").unwrap_or_default()),
            open: p.get("a").filter(|s| !s.is_empty()),
            lang: Lang::parse(&p.get("lang").unwrap_or_default()),
        }
    }

    pub fn to_hash(&self) -> String {
        let Ok(p) = UrlSearchParams::new() else {
            return String::new();
        };
        if !self.query.is_empty() {
            p.append("q", &self.query);
        }
        for (f, v) in &self.filters {
            p.append("f", &format!("{}:{}", f.key(), v));
        }
        if let Some(f) = &self.range.from {
            p.append("from", f);
        }
        if let Some(t) = &self.range.to {
            p.append("to", t);
        }
        if self.sort != Sort::Relevance {
            p.append("sort", self.sort.as_str());
        }
        if self.view == View::Issues {
            p.append("v", "issues");
        }
        if let Some(a) = &self.open {
            p.append("a", a);
        }
        if self.lang != Lang::Zh {
            p.append("lang", self.lang.code());
        }
        let s: String = p.to_string().into();
        if s.is_empty() {
            String::new()
        } else {
            format!("#{s}")
        }
    }

    pub fn current() -> UrlState {
        let hash = gloo::utils::window().location().hash().unwrap_or_default();
        UrlState::from_hash(&hash)
    }

    /// Write to the address bar; `push` adds a history entry (opening an
    /// article), otherwise the entry is replaced (typing).
    pub fn write(&self, push: bool) {
        let win = gloo::utils::window();
        let loc = win.location();
        let new = self.to_hash();
        if loc.hash().unwrap_or_default() == new {
            return;
        }
        let base = loc.href().unwrap_or_default();
        let base = base.split('#').next().unwrap_or("").to_string();
        let url = format!("{base}{new}");
        if let Ok(h) = win.history() {
            let _ = if push {
                h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            } else {
                h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            };
        }
    }
}
