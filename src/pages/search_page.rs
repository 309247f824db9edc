//! Results with facets, timeline and sort; browse mode when the query is empty.

use crate::components::export::ExportResults;
use crate::components::facets::FacetPanel;
use crate::components::offline::OfflineSave;
use crate::components::result_list::ResultList;
use crate::components::timeline::{RangeInputs, Timeline};
use crate::i18n::{Lang, Msg};
use crate::loader::{LoadError, Reader};
use crate::pages::issue_page::{IssueList, IssuePage};
use crate::state::{Range, View};
use baoku_core::search::{Facet, SearchRequest, SearchResults, Sort, Suggestion, Why};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties)]
pub struct SearchPageProps {
    pub reader: Rc<Reader>,
    pub results: Rc<SearchResults>,
    /// The request the list answers (for exports).
    pub request: SearchRequest,
    /// A newer search is under way (the results shown are the previous ones).
    pub busy: bool,
    pub error: Option<LoadError>,
    pub query: AttrValue,
    pub filters: Vec<(Facet, String)>,
    pub range: Range,
    pub sort: Sort,
    pub lang: Lang,
    pub on_open: Callback<String>,
    pub on_more: Callback<()>,
    pub on_toggle: Callback<(Facet, String)>,
    pub on_clear: Callback<()>,
    pub on_sort: Callback<Sort>,
    pub on_range: Callback<Range>,
    pub view: View,
    /// The issue being browsed (`YYYY-MM-DD`).
    pub issue: Option<AttrValue>,
    /// For a search that found nothing: requests that would find something.
    pub suggestions: Option<Rc<Vec<Suggestion>>>,
    pub on_issue: Callback<String>,
    pub on_issues: Callback<()>,
    pub on_apply: Callback<SearchRequest>,
    /// This widget owns the address bar, so article links can be given.
    pub links: bool,
}

impl PartialEq for SearchPageProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.reader, &o.reader)
            && Rc::ptr_eq(&self.results, &o.results)
            && self.request == o.request
            && self.busy == o.busy
            && self.error == o.error
            && self.query == o.query
            && self.filters == o.filters
            && self.range == o.range
            && self.view == o.view
            && self.issue == o.issue
            && self.suggestions == o.suggestions
            && self.links == o.links
            && self.sort == o.sort
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
    let count_label =
        if props.query.is_empty() && props.filters.is_empty() && props.range.is_empty() {
            lang.t(Msg::Articles)
        } else {
            lang.t(Msg::Results)
        };
    let active_chips = props.filters.iter().map(|(f, v)| {
        let cb = props.on_toggle.clone();
        let (f, v) = (*f, v.clone());
        let label = format!("{}: {} ✕", lang.t(Msg::facet(f)), v);
        html! { <button class="bk-chip" onclick={Callback::from(move |_: MouseEvent| cb.emit((f, v.clone())))}>{ label }</button> }
    });
    let on_clear = props.on_clear.reform(|_: MouseEvent| ());
    let days: Vec<(String, usize)> = r
        .facets
        .iter()
        .find(|f| f.0 == Facet::Day)
        .map(|f| f.1.clone())
        .unwrap_or_default();
    let suggestion = |sg: &Suggestion| {
        let label = match &sg.why {
            Why::SplitTerms => format!("{} ({})", sg.request.query, lang.t(Msg::SuggestSplit)),
            Why::DropFilter(f, v) => format!(
                "{} {}: {v}",
                lang.t(Msg::SuggestDrop),
                lang.t(Msg::facet(*f))
            ),
            Why::DropDateRange => lang.t(Msg::SuggestDropRange).to_string(),
            Why::DropTerm(t) => format!("{} {t}", lang.t(Msg::SuggestDropTerm)),
        };
        let cb = props.on_apply.clone();
        let req = sg.request.clone();
        html! {
            <li><button class="bk-suggestion" onclick={Callback::from(move |_: MouseEvent| cb.emit(req.clone()))}>
                { label }{ format!(" · {} {}", sg.total, lang.t(Msg::Results)) }
            </button></li>
        }
    };
    let dated = html! {
        <>
            <Timeline months={months.clone()} range={props.range.clone()} lang={lang} on_range={props.on_range.clone()} />
            <RangeInputs range={props.range.clone()} lang={lang} on_range={props.on_range.clone()} />
        </>
    };
    let content = if props.view == View::Issues {
        html! { <IssueList days={days.clone()} lang={lang} on_issue={props.on_issue.clone()} /> }
    } else if let Some(day) = &props.issue {
        let all: Vec<String> = days.iter().map(|d| d.0.clone()).collect();
        html! { <IssuePage day={day.clone()} results={r.clone()} days={all} lang={lang} on_open={props.on_open.clone()}
        on_issue={props.on_issue.clone()} on_issues={props.on_issues.clone()} /> }
    } else if r.total == 0 {
        html! {
            <>
                { dated.clone() }
                <div class="bk-empty" tabindex="-1">
                    <p>{ lang.t(Msg::NoResults) }if !props.query.is_empty() { { " “" }{ props.query.to_string() }{ "”" } }</p>
                    if let Some(v) = props.suggestions.as_ref().filter(|v| !v.is_empty()) {
                        <p>{ lang.t(Msg::Suggestions) }</p>
                        <ul class="bk-suggest">{ for v.iter().map(suggestion) }</ul>
                    }
                    if !props.filters.is_empty() || !props.range.is_empty() { <button class="bk-clear" onclick={on_clear}>{ lang.t(Msg::DropFilters) }</button> }
                </div>
            </>
        }
    } else {
        html! {
            <>
                { dated }
                <ExportResults reader={props.reader.clone()} request={props.request.clone()} total={r.total} lang={lang} links={props.links} />
                <ResultList reader={props.reader.clone()} results={r.clone()} lang={lang}
                    on_open={props.on_open.clone()} on_more={props.on_more.clone()} />
            </>
        }
    };
    let to_issues = props.on_issues.reform(|_: MouseEvent| ());
    // At narrow widths the facets are a drawer behind a "Filters" button.
    let drawer = use_state(|| false);
    let open_drawer = {
        let drawer = drawer.clone();
        Callback::from(move |_: MouseEvent| drawer.set(true))
    };
    let close_drawer = {
        let drawer = drawer.clone();
        Callback::from(move |()| drawer.set(false))
    };
    html! {
        <div class="bk-layout">
            <FacetPanel facets={r.facets.clone()} active={props.filters.clone()} lang={lang} on_toggle={props.on_toggle.clone()}
                drawer={*drawer} on_close={close_drawer} />
            <main class="bk-main" aria-busy={props.busy.to_string()}>
                if let Some(e) = &props.error {
                    <div class="bk-error" role="alert"><p><strong>{ lang.t(Msg::SearchError) }</strong></p><p>{ e.message(lang) }</p><p class="bk-error-detail" lang="en">{ e.detail() }</p></div>
                }
                <div class="bk-toolbar">
                    <button class="bk-filter-toggle" aria-expanded={drawer.to_string()} aria-controls="bk-facets" onclick={open_drawer}>
                        { lang.t(Msg::FiltersOpen) }
                        if !props.filters.is_empty() { { format!(" ({})", props.filters.len()) } }
                    </button>
                    <p class="bk-total" role="status" aria-live="polite"><strong>{ r.total }</strong>{ " " }{ count_label }</p>
                    <button class="bk-issues-btn" onclick={to_issues} aria-current={(props.view == View::Issues).then_some("page")}>{ lang.t(Msg::IssueList) }</button>
                    if props.issue.is_none() && props.view == View::Results {
                    <label class="bk-sort">{ lang.t(Msg::Sort) }{ " " }
                        <select {onchange} aria-label={lang.t(Msg::Sort)}>
                            { for [Sort::Relevance, Sort::Newest, Sort::Oldest].into_iter().map(|s| html! {
                                <option value={s.as_str()} selected={s == props.sort}>{ lang.t(Msg::sort(s)) }</option>
                            }) }
                        </select>
                    </label>
                    }
                </div>
                if !props.filters.is_empty() { <div class="bk-chips">{ for active_chips }</div> }
                <OfflineSave reader={props.reader.clone()} lang={lang} />
                { content }
            </main>
        </div>
    }
}
