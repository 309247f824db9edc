//! The ranked result list: headline, kicker, date, kind, place, snippet.

use crate::components::highlighted::Highlighted;
use crate::i18n::Lang;
use crate::loader::Reader;
use baoku_core::search::{highlight_parts, SearchResults};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct ResultListProps {
    pub reader: Rc<Reader>,
    pub results: Rc<SearchResults>,
    pub cursor: Option<usize>,
    pub lang: Lang,
    pub on_open: Callback<String>,
    pub on_more: Callback<()>,
}

impl PartialEq for ResultListProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.reader, &o.reader)
            && Rc::ptr_eq(&self.results, &o.results)
            && self.cursor == o.cursor
            && self.lang == o.lang
    }
}

#[component]
pub fn ResultList(props: &ResultListProps) -> Html {
    let lang = props.lang;
    let list_ref = use_node_ref();
    {
        // Keep the keyboard cursor visible.
        let list_ref = list_ref.clone();
        use_effect_with(props.cursor, move |c| {
            if let (Some(c), Some(list)) = (c, list_ref.cast::<web_sys::Element>()) {
                if let Ok(Some(el)) = list.query_selector(&format!("#bk-hit-{c}")) {
                    el.scroll_into_view_with_bool(false);
                }
            }
        });
    }
    let items = props.results.hits.iter().enumerate().map(|(i, h)| {
        let a = &h.article;
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
        let selected = props.cursor == Some(i);
        let kind = if lang == Lang::Zh { a.kind.label_zh() } else { a.kind.as_str() };
        html! {
            <li class={classes!("bk-hit", selected.then_some("bk-selected"))} role="option" aria-selected={selected.to_string()} id={format!("bk-hit-{i}")} data-id={id.clone()}>
                <a href={format!("#a={}", id)} {onclick} class="bk-hit-link">
                    if let Some(k) = &a.kicker { <span class="bk-kicker">{ k.clone() }</span> }
                    <span class="bk-headline"><Highlighted text={a.display_title()} ranges={title_ranges} /></span>
                </a>
                <div class="bk-meta">
                    <span class="bk-date">{ a.date.clone().unwrap_or_default() }</span>
                    <span class="bk-kind">{ kind }</span>
                    { for a.places.iter().take(2).map(|p| html! { <span class="bk-place">{ p.clone() }</span> }) }
                    { for a.reporters.iter().chain(&a.authors).take(3).map(|r| html! { <span class="bk-name">{ r.clone() }</span> }) }
                </div>
                <p class="bk-snippet"><Highlighted text={h.snippet.clone()} ranges={h.highlights.clone()} /></p>
            </li>
        }
    });
    let more = props.results.total > props.results.hits.len();
    let on_more = props.on_more.reform(|_: MouseEvent| ());
    html! {
        <>
            <ol ref={list_ref} id="bk-results" class="bk-results" role="listbox" aria-label={lang.t("results")}>{ for items }</ol>
            if more { <button class="bk-more" onclick={on_more}>{ lang.t("more") }</button> }
        </>
    }
}
