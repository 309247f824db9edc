//! The ranked result list: headline, kicker, date, kind, place, snippet.

use crate::components::export::hash_of;
use crate::components::highlighted::Highlighted;
use crate::i18n::{Lang, Msg};
use crate::loader::Reader;
use baoku_core::search::{highlight_parts, SearchResults};
use baoku_core::Kind;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties)]
pub struct ResultListProps {
    pub reader: Rc<Reader>,
    pub results: Rc<SearchResults>,
    pub lang: Lang,
    pub on_open: Callback<String>,
    pub on_more: Callback<()>,
}

impl PartialEq for ResultListProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.reader, &o.reader)
            && Rc::ptr_eq(&self.results, &o.results)
            && self.lang == o.lang
    }
}

#[component]
pub fn ResultList(props: &ResultListProps) -> Html {
    let lang = props.lang;
    let list_ref = use_node_ref();
    // Up/down arrows move between results (Home/End to the ends); up from
    // the first goes back to the search box.
    let onkeydown = {
        let list_ref = list_ref.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(list) = list_ref.cast::<web_sys::Element>() else {
                return;
            };
            let Ok(links) = list.query_selector_all(".bk-hit-link") else {
                return;
            };
            let n = links.length();
            let active = gloo::utils::document().active_element();
            let shadow_active = list
                .get_root_node()
                .dyn_into::<web_sys::ShadowRoot>()
                .ok()
                .and_then(|r| r.active_element());
            let active = shadow_active.or(active);
            let cur = (0..n).find(|&i| {
                links
                    .item(i)
                    .and_then(|l| l.dyn_into::<web_sys::Element>().ok())
                    .as_ref()
                    == active.as_ref()
            });
            let to = match (e.key().as_str(), cur) {
                ("ArrowDown", Some(c)) => Some((c + 1).min(n.saturating_sub(1))),
                ("ArrowUp", Some(0)) => {
                    e.prevent_default();
                    let q = list
                        .closest(".bk-app")
                        .ok()
                        .flatten()
                        .and_then(|app| app.query_selector("#bk-q").ok().flatten());
                    if let Some(q) = q.and_then(|q| q.dyn_into::<web_sys::HtmlElement>().ok()) {
                        let _ = q.focus();
                    }
                    None
                }
                ("ArrowUp", Some(c)) => Some(c - 1),
                ("Home", Some(_)) => Some(0),
                ("End", Some(_)) => Some(n.saturating_sub(1)),
                _ => None,
            };
            if let Some(t) = to {
                e.prevent_default();
                if let Some(l) = links
                    .item(t)
                    .and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = l.focus();
                }
            }
        })
    };
    let hits = &props.results.hits;
    // A teaser whose article is also listed goes under that article.
    let listed = |id: &str| hits.iter().any(|h| h.article.id == id);
    let nested = |h: &&baoku_core::search::Hit| {
        h.article.kind == Kind::Teaser && h.article.teases.as_deref().is_some_and(listed)
    };
    let items = hits.iter().filter(|h| !nested(h)).enumerate().map(|(i, h)| {
        let a = &h.article;
        let teasers: Vec<String> = hits
            .iter()
            .filter(|t| t.article.kind == Kind::Teaser && t.article.teases.as_deref() == Some(a.id.as_str()))
            .map(|t| t.article.display_title())
            .collect();
        let id = a.id.clone();
        let onclick = {
            let on_open = props.on_open.clone();
            let id = id.clone();
            Callback::from(move |e: MouseEvent| {
                e.prevent_default();
                on_open.emit(id.clone());
            })
        };
        let title_ranges = highlight_parts(props.reader.archive.folder(), &[&a.display_title()], &props.results.terms).remove(0);
        let kind = if lang == Lang::Zh { a.kind.label_zh() } else { a.kind.as_str() };
        if a.kind == Kind::Teaser {
            // A teaser has no body: one line, with the page it points to.
            return html! {
                <li class="bk-hit bk-teaser" id={format!("bk-hit-{i}")} data-id={id.clone()}>
                    <span class="bk-kind">{ kind }</span>{ " " }
                    <a href={hash_of(&id)} {onclick} class="bk-hit-link" lang="zh-CN">
                        <Highlighted text={a.display_title()} ranges={title_ranges} />
                    </a>
                    <span class="bk-meta" lang="zh-CN">{ " " }{ a.date.clone().unwrap_or_default() }{ a.continued_on.as_ref().map(|c| format!(" → {c}")).unwrap_or_default() }</span>
                </li>
            };
        }
        html! {
            <li class="bk-hit" id={format!("bk-hit-{i}")} data-id={id.clone()}>
                <a href={hash_of(&id)} {onclick} class="bk-hit-link" lang="zh-CN">
                    if let Some(k) = &a.kicker { <span class="bk-kicker">{ k.clone() }</span> }
                    <span class="bk-headline"><Highlighted text={a.display_title()} ranges={title_ranges} /></span>
                </a>
                <div class="bk-meta">
                    <span class="bk-date">{ a.date.clone().unwrap_or_default() }</span>
                    <span class="bk-kind">{ kind }</span>
                    { for a.places.iter().take(2).map(|p| html! { <span class="bk-place" lang="zh-CN">{ p.clone() }</span> }) }
                    { for a.reporters.iter().chain(&a.authors).take(3).map(|r| html! { <span class="bk-name" lang="zh-CN">{ r.clone() }</span> }) }
                </div>
                <p class="bk-snippet" lang="zh-CN"><Highlighted text={h.snippet.clone()} ranges={h.highlights.clone()} /></p>
                if !teasers.is_empty() {
                    <ul class="bk-teasers">{ for teasers.into_iter().map(|t| html! {
                        <li>{ lang.t(Msg::TeasedOnFront) }{ " " }<span lang="zh-CN">{ t }</span></li>
                    }) }</ul>
                }
            </li>
        }
    });
    let more = props.results.total > props.results.hits.len();
    let on_more = props.on_more.reform(|_: MouseEvent| ());
    html! {
        <>
            <ol ref={list_ref} id="bk-results" class="bk-results" tabindex="-1" {onkeydown}
                aria-label={format!("{} {}", props.results.total, lang.t(Msg::Results))}>{ for items }</ol>
            if more { <button class="bk-more" onclick={on_more}>{ lang.t(Msg::More) }</button> }
        </>
    }
}
