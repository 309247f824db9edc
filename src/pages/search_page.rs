//! Results with facets, timeline and sort; browse mode when the query is empty.

use crate::components::facets::FacetPanel;
use crate::components::offline::OfflineSave;
use crate::components::result_list::ResultList;
use crate::components::timeline::Timeline;
use crate::i18n::Lang;
use crate::loader::Reader;
use baoku_core::search::{Facet, SearchResults, Sort};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties)]
pub struct SearchPageProps {
    pub reader: Rc<Reader>,
    pub results: Rc<SearchResults>,
    /// A newer search is under way (the results shown are the previous ones).
    pub busy: bool,
    pub error: Option<String>,
    pub query: AttrValue,
    pub filters: Vec<(Facet, String)>,
    pub sort: Sort,
    pub cursor: Option<usize>,
    pub lang: Lang,
    pub on_open: Callback<String>,
    pub on_more: Callback<()>,
    pub on_toggle: Callback<(Facet, String)>,
    pub on_clear: Callback<()>,
    pub on_sort: Callback<Sort>,
}

impl PartialEq for SearchPageProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.reader, &o.reader)
            && Rc::ptr_eq(&self.results, &o.results)
            && self.busy == o.busy
            && self.error == o.error
            && self.query == o.query
            && self.filters == o.filters
            && self.sort == o.sort
            && self.cursor == o.cursor
            && self.lang == o.lang
    }
}

#[component]
pub fn SearchPage(props: &SearchPageProps) -> Html {
    let lang = props.lang;
    let r = &props.results;
    let onchange = {
        let cb = props.on_sort.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            cb.emit(Sort::parse(&s.value()));
        })
    };
    let months = r.timeline.clone();
    let count_label = if props.query.is_empty() && props.filters.is_empty() {
        lang.t("articles")
    } else {
        lang.t("results")
    };
    let active_chips = props.filters.iter().map(|(f, v)| {
        let cb = props.on_toggle.clone();
        let (f, v) = (*f, v.clone());
        let label = format!("{}: {} ✕", lang.t(f.key()), v);
        html! { <button class="bk-chip" onclick={Callback::from(move |_: MouseEvent| cb.emit((f, v.clone())))}>{ label }</button> }
    });
    let on_clear = props.on_clear.reform(|_: MouseEvent| ());
    html! {
        <div class="bk-layout">
            <FacetPanel facets={r.facets.clone()} active={props.filters.clone()} lang={lang} on_toggle={props.on_toggle.clone()} />
            <main class="bk-main" aria-busy={props.busy.to_string()}>
                if let Some(e) = &props.error {
                    <div class="bk-error" role="alert"><p><strong>{ lang.t("search_error") }</strong></p><p class="bk-error-detail">{ e.clone() }</p></div>
                }
                <div class="bk-toolbar">
                    <p class="bk-total" role="status" aria-live="polite"><strong>{ r.total }</strong>{ " " }{ count_label }</p>
                    <label class="bk-sort">{ lang.t("sort") }{ " " }
                        <select {onchange} aria-label={lang.t("sort")}>
                            { for [Sort::Relevance, Sort::Newest, Sort::Oldest].into_iter().map(|s| html! {
                                <option value={s.as_str()} selected={s == props.sort}>{ lang.t(s.as_str()) }</option>
                            }) }
                        </select>
                    </label>
                </div>
                if !props.filters.is_empty() { <div class="bk-chips">{ for active_chips }</div> }
                <OfflineSave reader={props.reader.clone()} lang={lang} />
                <Timeline months={months} active={props.filters.clone()} lang={lang} on_toggle={props.on_toggle.clone()} />
                if r.total == 0 {
                    <div class="bk-empty">
                        <p>{ lang.t("no_results") }{ " “" }{ props.query.to_string() }{ "”" }</p>
                        if !props.filters.is_empty() { <button class="bk-clear" onclick={on_clear}>{ lang.t("drop_filters") }</button> }
                    </div>
                } else {
                    <ResultList reader={props.reader.clone()} results={r.clone()} cursor={props.cursor} lang={lang}
                        on_open={props.on_open.clone()} on_more={props.on_more.clone()} />
                }
            </main>
        </div>
    }
}
