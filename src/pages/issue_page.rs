//! Browsing the paper as it was printed: the list of issues (往期) by year
//! and month, and one issue's pages (版面) with their articles in page
//! order. Front-page teasers sit under the article they point to.
//!
//! Both views are plain searches: the issue list is the `day` facet of the
//! current search, an issue is the empty query filtered on one `day`, in
//! browse order (date, page, position on the page).

use crate::components::export::hash_of;
use crate::components::roving::arrow_focus;
use crate::i18n::{Lang, Msg};
use baoku_core::search::{Hit, SearchResults};
use baoku_core::Kind;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IssueListProps {
    /// Issue dates with their article counts (the `day` facet), newest first.
    pub days: Vec<(String, usize)>,
    pub lang: Lang,
    pub on_issue: Callback<String>,
}

/// All issues, by year (newest open) and month.
#[component]
pub fn IssueList(props: &IssueListProps) -> Html {
    let lang = props.lang;
    let mut years: BTreeMap<String, BTreeMap<String, Vec<(String, usize)>>> = BTreeMap::new();
    for (d, n) in &props.days {
        let (Some(y), Some(m)) = (d.get(0..4), d.get(0..7)) else {
            continue;
        };
        years
            .entry(y.to_string())
            .or_default()
            .entry(m.to_string())
            .or_default()
            .push((d.clone(), *n));
    }
    let newest = years.keys().next_back().cloned();
    let sections = years.iter().rev().map(|(y, months)| {
        let total: usize = months.values().flatten().map(|d| d.1).sum();
        let issues: usize = months.values().map(Vec::len).sum();
        let month_rows = months.iter().rev().map(|(m, days)| {
            let buttons = days.iter().map(|(d, n)| {
                let cb = props.on_issue.clone();
                let day = d.clone();
                let label = d.get(8..10).unwrap_or(d).trim_start_matches('0').to_string();
                let name = format!("{d}: {n} {}", lang.t(Msg::Articles));
                html! {
                    <li><button class="bk-day" data-day={d.clone()} title={name.clone()}
                        onclick={Callback::from(move |_: MouseEvent| cb.emit(day.clone()))}>
                        <span class="bk-visually-hidden">{ name }</span><span aria-hidden="true">{ label }</span>
                    </button></li>
                }
            });
            html! {
                <div class="bk-month">
                    <h4>{ m.clone() }</h4>
                    <ul class="bk-days">{ for buttons }</ul>
                </div>
            }
        });
        html! {
            <details class="bk-year" open={Some(y) == newest.as_ref()}>
                <summary>{ format!("{y} · {issues} {} · {total} {}", lang.t(Msg::Issues), lang.t(Msg::Articles)) }</summary>
                { for month_rows }
            </details>
        }
    });
    html! {
        <section class="bk-issues" aria-labelledby="bk-issues-title">
            <h2 id="bk-issues-title" tabindex="-1">{ lang.t(Msg::IssueList) }</h2>
            if props.days.is_empty() { <p>{ lang.t(Msg::NoIssues) }</p> }
            { for sections }
        </section>
    }
}

#[derive(Properties)]
pub struct IssuePageProps {
    pub day: AttrValue,
    pub results: Rc<SearchResults>,
    /// All issue dates, newest first (for previous/next issue).
    pub days: Vec<String>,
    pub lang: Lang,
    pub on_open: Callback<String>,
    pub on_issue: Callback<String>,
    pub on_issues: Callback<()>,
}

impl PartialEq for IssuePageProps {
    fn eq(&self, o: &Self) -> bool {
        self.day == o.day
            && Rc::ptr_eq(&self.results, &o.results)
            && self.days == o.days
            && self.lang == o.lang
    }
}

fn page_label(p: &Option<String>, lang: Lang) -> String {
    match p {
        Some(p) if lang == Lang::Zh => format!("第{p}版"),
        Some(p) => format!("Page {p}"),
        None => lang.t(Msg::PageUnknown).to_string(),
    }
}

/// One issue: its pages, each with its articles in page order.
#[component]
pub fn IssuePage(props: &IssuePageProps) -> Html {
    let lang = props.lang;
    let hits = &props.results.hits;
    let ids: Vec<&str> = hits.iter().map(|h| h.article.id.as_str()).collect();
    // Teasers whose article is in this issue are shown under it.
    let nested = |h: &Hit| {
        h.article.kind == Kind::Teaser
            && h.article
                .teases
                .as_deref()
                .is_some_and(|t| ids.contains(&t))
    };
    let mut pages: Vec<(Option<String>, Vec<&Hit>)> = Vec::new();
    for h in hits.iter().filter(|h| !nested(h)) {
        match pages.last_mut() {
            Some((p, v)) if *p == h.article.page => v.push(h),
            _ => pages.push((h.article.page.clone(), vec![h])),
        }
    }
    let teasers_of = |id: &str| -> Vec<&Hit> {
        hits.iter()
            .filter(|t| t.article.teases.as_deref() == Some(id))
            .collect()
    };
    let open = |id: String| {
        let cb = props.on_open.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            cb.emit(id.clone());
        })
    };
    let card = |h: &Hit| {
        let a = &h.article;
        if a.kind == Kind::Teaser {
            let target = a.continued_on.clone().unwrap_or_default();
            return html! {
                <li class="bk-hit bk-teaser" data-id={a.id.clone()} key={a.id.clone()}>
                    <span class="bk-kind">{ lang.t(Msg::Teaser) }</span>{ " " }
                    <a class="bk-hit-link" href={hash_of(&a.id)} onclick={open(a.id.clone())} lang="zh-CN">{ a.display_title() }</a>
                    if !target.is_empty() { <span class="bk-meta" lang="zh-CN">{ " → " }{ target }</span> }
                </li>
            };
        }
        let teasers = teasers_of(&a.id);
        html! {
            <li class="bk-hit" data-id={a.id.clone()} key={a.id.clone()}>
                <a class="bk-hit-link" href={hash_of(&a.id)} onclick={open(a.id.clone())} lang="zh-CN">
                    if let Some(k) = &a.kicker { <span class="bk-kicker">{ k.clone() }</span> }
                    <span class="bk-headline">{ a.display_title() }</span>
                </a>
                <div class="bk-meta">
                    <span class="bk-kind">{ if lang == Lang::Zh { a.kind.label_zh() } else { a.kind.as_str() } }</span>
                    { for a.names().take(3).map(|n| html! { <span class="bk-name" lang="zh-CN">{ n.to_string() }</span> }) }
                </div>
                if !h.snippet.is_empty() { <p class="bk-snippet" lang="zh-CN">{ h.snippet.clone() }</p> }
                if !teasers.is_empty() {
                    <ul class="bk-teasers">{ for teasers.iter().map(|t| html! {
                        <li>{ lang.t(Msg::TeasedOnFront) }{ " " }<span lang="zh-CN">{ t.article.display_title() }</span></li>
                    }) }</ul>
                }
            </li>
        }
    };
    let section_id = |i: usize| format!("bk-page-{i}");
    let jump = |i: usize| {
        let id = section_id(i);
        Callback::from(move |e: MouseEvent| {
            // Within the widget's own tree (it may be in a shadow root).
            let target = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                .and_then(|el| el.closest(".bk-app").ok().flatten())
                .and_then(|app| app.query_selector(&format!("#{id} h3")).ok().flatten())
                .and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok());
            if let Some(h) = target {
                h.scroll_into_view();
                let _ = h.focus();
            }
        })
    };
    let nav_ref = use_node_ref();
    let onkeydown = {
        let nav_ref = nav_ref.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(n) = nav_ref.cast::<web_sys::Element>() {
                arrow_focus(&e, &n, "button", "ArrowLeft", "ArrowRight");
            }
        })
    };
    let pos = props
        .days
        .iter()
        .position(|d| d.as_str() == props.day.as_str());
    let step = |older: bool, label: Msg| {
        let to = pos.and_then(|p| {
            if older {
                props.days.get(p + 1)
            } else {
                p.checked_sub(1).and_then(|p| props.days.get(p))
            }
        });
        match to.cloned() {
            Some(d) => {
                let cb = props.on_issue.clone();
                html! { <button class="bk-nav" data-day={d.clone()} onclick={Callback::from(move |_: MouseEvent| cb.emit(d.clone()))}>{ lang.t(label) }</button> }
            }
            None => html! { <button class="bk-nav" disabled=true>{ lang.t(label) }</button> },
        }
    };
    let publication = hits.iter().find_map(|h| h.article.publication.clone());
    let to_list = props.on_issues.reform(|_: MouseEvent| ());
    html! {
        <section class="bk-issue" aria-labelledby="bk-issue-title">
            <nav class="bk-article-nav" aria-label={lang.t(Msg::IssueNav)}>
                <button class="bk-back" onclick={to_list}>{ "← " }{ lang.t(Msg::IssueList) }</button>
                { step(true, Msg::OlderIssue) }
                { step(false, Msg::NewerIssue) }
            </nav>
            <h2 id="bk-issue-title" tabindex="-1">
                { props.day.to_string() }
                if let Some(p) = publication { { " · " }<span lang="zh-CN">{ p }</span> }
            </h2>
            <nav class="bk-pages" aria-label={lang.t(Msg::PagesOfIssue)} ref={nav_ref} {onkeydown}>
                { for pages.iter().enumerate().map(|(i, (p, v))| html! {
                    <button class="bk-page-jump" onclick={jump(i)}>{ format!("{} ({})", page_label(p, lang), v.len()) }</button>
                }) }
            </nav>
            { for pages.iter().enumerate().map(|(i, (p, v))| html! {
                <section class="bk-page" id={section_id(i)} aria-labelledby={format!("{}-h", section_id(i))}>
                    <h3 id={format!("{}-h", section_id(i))} tabindex="-1">{ page_label(p, lang) }</h3>
                    <ol class="bk-results">{ for v.iter().map(|h| card(h)) }</ol>
                </section>
            }) }
        </section>
    }
}
