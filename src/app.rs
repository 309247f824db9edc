//! The root component: owns the state, loads the data, keeps the URL and
//! the state in step, and routes between the result list and the reader.

use crate::components::search_box::SearchBox;
use crate::hooks::{
    use_document_title, use_focus_follow, use_focus_heading, use_host_query, use_keys, use_roles,
};
use crate::i18n::{Lang, Msg};
use crate::loader::{LoadError, Reader};
use crate::pages::article_page::ArticlePage;
use crate::pages::search_page::SearchPage;
use crate::state::{Action, AppState, Load, Range, Reading, View};
use crate::url::UrlState;
use baoku_core::search::{Facet, SearchResults, Sort};
use gloo::events::EventListener;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// How the host page configured this widget.
#[derive(Clone, PartialEq)]
pub struct Config {
    /// The data folder URL, relative to the page (works under any sub-path).
    pub data_src: String,
    /// Initial query when the URL carries none.
    pub query: Option<String>,
    pub lang: Option<Lang>,
    /// `dark` or a host-defined theme class suffix.
    pub theme: Option<String>,
    /// Keep the view state in the location hash (off for hosts that use it).
    pub url_state: bool,
    /// Element that receives `baoku-open` events and `baoku-set-query` commands.
    pub host: Option<web_sys::Element>,
    /// The widget is the page (not embedded in a host page): it may set the
    /// document title.
    pub standalone: bool,
    /// Give up on a data request after this long (milliseconds).
    pub stall_ms: u32,
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub config: Config,
}

fn data_base(src: &str) -> String {
    if src.ends_with('/') {
        src.to_string()
    } else {
        format!("{src}/")
    }
}

/// Milliseconds as text with three decimals, without float formatting
/// (which would add kilobytes to the wasm for two debug lines).
fn ms(v: f64) -> String {
    let us = (v.max(0.0) * 1000.0) as u64;
    format!("{}.{:03}", us / 1000, us % 1000)
}

fn now_ms() -> f64 {
    gloo::utils::window()
        .performance()
        .map(|p| p.now())
        .unwrap_or(0.0)
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let config = props.config.clone();
    let roles = use_roles(config.url_state);
    let state = {
        let c = config.clone();
        use_reducer(move || {
            let mut u = if roles.url {
                UrlState::current()
            } else {
                UrlState::default()
            };
            if u == UrlState::default() {
                u.query = c.query.clone().unwrap_or_default();
                u.lang = c.lang.unwrap_or_default();
            }
            AppState::from_url(u)
        })
    };
    let input_ref = use_node_ref();
    let root_ref = use_node_ref();
    // The result list's scroll position, saved when an article opens.
    let list_scroll = use_mut_ref(|| 0.0f64);
    let save_scroll = {
        let list_scroll = list_scroll.clone();
        let reading = state.open.is_some();
        move || {
            if !reading {
                *list_scroll.borrow_mut() = gloo::utils::window().scroll_y().unwrap_or(0.0);
            }
        }
    };

    // Open the archive (and again on Retry): manifest and meta only.
    {
        let dispatcher = state.dispatcher();
        let base = data_base(&config.data_src);
        let stall_ms = config.stall_ms;
        use_effect_with(state.attempt, move |_| {
            let d = dispatcher.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let t0 = now_ms();
                match Reader::open(&base, stall_ms).await {
                    Ok(r) => {
                        if let Some(perf) = gloo::utils::window().performance() {
                            let _ = perf.mark("baoku-ready");
                        }
                        web_sys::console::debug_1(
                            &format!(
                                "baoku: opened {} articles in {} ms",
                                r.archive.len(),
                                ms(now_ms() - t0)
                            )
                            .into(),
                        );
                        d.dispatch(Action::Loaded(Rc::new(r)))
                    }
                    Err(e) => d.dispatch(Action::Failed(e)),
                }
            });
        });
    }

    let reader_key = state.reader().map(|r| Rc::as_ptr(r) as usize);

    // Search whenever what the list shows changes; stale answers are dropped
    // by the reducer (they carry the key they answer).
    {
        let dispatcher = state.dispatcher();
        let reader = state.reader().cloned();
        let key = state.key();
        use_effect_with((reader_key, key), move |(_, key)| {
            if let Some(reader) = reader {
                let key = key.clone();
                dispatcher.dispatch(Action::Searching);
                wasm_bindgen_futures::spawn_local(async move {
                    let t0 = now_ms();
                    let req = key.request();
                    let r = reader.search(&req).await;
                    if let Some(perf) = gloo::utils::window().performance() {
                        let _ = perf.mark("baoku-searched");
                    }
                    web_sys::console::debug_1(
                        &format!("baoku: search {} ms", ms(now_ms() - t0)).into(),
                    );
                    match r {
                        Ok(r) => dispatcher.dispatch(Action::Results(key, Rc::new(r))),
                        Err(e) => dispatcher.dispatch(Action::SearchFailed(key, e)),
                    }
                });
            }
        });
    }

    // Nothing found: look for close requests that find something.
    {
        let dispatcher = state.dispatcher();
        let reader = state.reader().cloned();
        let empty = state
            .results
            .as_ref()
            .filter(|(k, r)| r.total == 0 && *k == state.key())
            .map(|(k, _)| k.clone());
        use_effect_with(empty, move |empty| {
            if let (Some(reader), Some(key)) = (reader, empty.clone()) {
                wasm_bindgen_futures::spawn_local(async move {
                    let req = key.request();
                    if let Ok(v) = reader.suggest(&req).await {
                        dispatcher.dispatch(Action::Suggested(key, Rc::new(v)));
                    }
                });
            }
        });
    }

    // The organisation, document and amount columns, after the first results.
    {
        let dispatcher = state.dispatcher();
        let reader = state.reader().cloned();
        let first_results = state.results.is_some();
        use_effect_with((reader_key, first_results), move |(_, first)| {
            if let (Some(reader), true) = (reader, *first) {
                // A moment later, so it never competes with the first screen
                // (a filter on these facets asks for the file at once).
                gloo::timers::callback::Timeout::new(1000, move || {
                    wasm_bindgen_futures::spawn_local(async move {
                        if reader.extras().await.is_ok() {
                            dispatcher.dispatch(Action::ExtrasLoaded(reader));
                        }
                    });
                })
                .forget();
            }
        });
    }

    // The article being read: from the results when it is there, else by id.
    {
        let dispatcher = state.dispatcher();
        let reader = state.reader().cloned();
        let open = state.open.clone();
        let from_hits = state.results.as_ref().and_then(|(_, r)| {
            let id = state.open.as_ref()?;
            r.hits
                .iter()
                .find(|h| &h.article.id == id)
                .map(|h| Rc::new(h.article.clone()))
        });
        use_effect_with((reader_key, open), move |(_, open)| {
            match (open.clone(), reader, from_hits) {
                (None, _, _) => dispatcher.dispatch(Action::Reading(Reading::None)),
                (Some(_), _, Some(a)) => dispatcher.dispatch(Action::Reading(Reading::Ready(a))),
                (Some(_), None, None) => {}
                (Some(id), Some(reader), None) => {
                    dispatcher.dispatch(Action::Reading(Reading::Loading));
                    wasm_bindgen_futures::spawn_local(async move {
                        let doc = reader.locate(&id).await;
                        let r = match doc {
                            Ok(Some(d)) => match reader.article(d).await {
                                Ok(a) => Reading::Ready(Rc::new(a)),
                                Err(e) => Reading::Failed(id, e),
                            },
                            Ok(None) => Reading::Missing(id),
                            Err(e) => Reading::Failed(id, e),
                        };
                        dispatcher.dispatch(Action::Reading(r));
                    });
                }
            }
        });
    }

    // Back/forward restore the state from the URL.
    {
        let dispatcher = state.dispatcher();
        let on = roles.url;
        use_effect_with((), move |_| {
            let l = on.then(|| {
                EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                    dispatcher.dispatch(Action::Restore(UrlState::current()));
                })
            });
            move || drop(l)
        });
    }

    // Write the state to the URL: opening/closing an article and moving
    // between issue views are history steps; remember the list's scroll
    // position to restore it on return. Nothing is written on load.
    {
        let step_of = |u: &UrlState| {
            let day = u
                .filters
                .iter()
                .find(|f| f.0 == Facet::Day)
                .map(|f| f.1.clone());
            (u.open.clone(), u.view, day)
        };
        let last = use_mut_ref(|| None::<(Option<String>, View, Option<String>)>);
        let list_scroll = list_scroll.clone();
        let url = state.url();
        let on = roles.url;
        let standalone = config.standalone;
        let root_ref = root_ref.clone();
        use_effect_with(url, move |u| {
            let step = step_of(u);
            let Some(prev) = last.borrow_mut().replace(step.clone()) else {
                return;
            };
            let win = gloo::utils::window();
            let push = prev != step;
            if prev.0 != step.0 {
                if u.open.is_none() {
                    win.scroll_to_with_x_and_y(0.0, *list_scroll.borrow());
                } else if standalone {
                    win.scroll_to_with_x_and_y(0.0, 0.0);
                } else if let Some(r) = root_ref.cast::<web_sys::Element>() {
                    // Embedded: bring the widget's top into view, never
                    // the host page's top.
                    if r.get_bounding_client_rect().top() < 0.0 {
                        r.scroll_into_view();
                    }
                }
            }
            if on && UrlState::current() != *u {
                u.write(push);
            }
        });
    }

    // The host page's API: `setQuery()` and the `query` attribute.
    use_host_query(config.host.clone(), state.clone(), config.query.clone());

    // Tell the host page which article is open.
    {
        let host = config.host.clone();
        let article = match &state.reading {
            Reading::Ready(a) if state.open.as_ref() == Some(&a.id) => Some(a.clone()),
            _ => None,
        };
        use_effect_with(article.as_ref().map(|a| a.id.clone()), move |_| {
            if let (Some(h), Some(a)) = (host, article) {
                let detail = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&detail, &"id".into(), &a.id.clone().into());
                let _ =
                    js_sys::Reflect::set(&detail, &"headline".into(), &a.display_title().into());
                let _ = js_sys::Reflect::set(
                    &detail,
                    &"date".into(),
                    &a.date.clone().unwrap_or_default().into(),
                );
                let init = web_sys::CustomEventInit::new();
                init.set_detail(&detail);
                init.set_bubbles(true);
                init.set_composed(true);
                if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict("baoku-open", &init)
                {
                    let _ = h.dispatch_event(&ev);
                }
            }
        });
    }

    // "/" focuses the search box, Escape closes the reader.
    {
        let d = state.dispatcher();
        use_keys(
            root_ref.clone(),
            input_ref.clone(),
            roles.keys,
            Callback::from(move |_| d.dispatch(Action::Close)),
        );
    }

    let results: Rc<SearchResults> = state
        .results
        .as_ref()
        .map(|r| r.1.clone())
        .unwrap_or_default();

    // After a render with new results, mark it so tests can time keystroke → paint.
    {
        let r = results.clone();
        let host_for_marks = config.host.clone();
        // Only results from loaded data count (the loading screen renders an empty set).
        let loaded = state.results.is_some();
        let shown_query = state
            .results
            .as_ref()
            .map(|r| r.0.query.clone())
            .unwrap_or_default();
        let shown_sort = state
            .results
            .as_ref()
            .map(|r| r.0.sort.as_str())
            .unwrap_or_default();
        use_effect_with((Rc::as_ptr(&r) as usize, loaded), move |&(_, loaded)| {
            if !loaded {
                return;
            }
            if let Some(perf) = gloo::utils::window().performance() {
                let _ = perf.mark("baoku-rendered");
            }
            if let Some(h) = &host_for_marks {
                let _ = h.set_attribute("data-rendered", &r.total.to_string());
                // Which query the shown results answer (tests wait for it).
                let _ = h.set_attribute("data-query", &shown_query);
                let _ = h.set_attribute("data-sort", shown_sort);
            }
        });
    }

    let lang = state.lang;
    // Focus follows the view; the title follows the open article.
    {
        let shown = match (&state.open, &state.reading) {
            (Some(id), Reading::Ready(a)) if &a.id == id => Some(a.display_title()),
            _ => None,
        };
        use_focus_follow(
            root_ref.clone(),
            state.open.clone(),
            shown.is_some(),
            state.results.is_some(),
        );
        use_document_title(config.standalone, shown, lang.t(Msg::Title));
        // Moving between the issue list and issues: focus the new heading.
        use_focus_heading(
            root_ref.clone(),
            (state.view, state.issue_day().map(str::to_string)),
            "#bk-issues-title, #bk-issue-title",
        );
    }
    let d = state.dispatcher();
    let on_query = {
        let d = d.clone();
        Callback::from(move |q: String| {
            // Start of the keystroke → rendered-results measurement (after the debounce).
            if let Some(perf) = gloo::utils::window().performance() {
                let _ = perf.mark("baoku-query");
            }
            d.dispatch(Action::SetQuery(q))
        })
    };
    let on_open = {
        let d = d.clone();
        let save = save_scroll.clone();
        Callback::from(move |id: String| {
            save();
            d.dispatch(Action::Open(id))
        })
    };
    let on_close = {
        let d = d.clone();
        Callback::from(move |_| d.dispatch(Action::Close))
    };
    let on_more = {
        let d = d.clone();
        Callback::from(move |_| d.dispatch(Action::ShowMore))
    };
    let on_toggle = {
        let d = d.clone();
        Callback::from(move |(f, v): (Facet, String)| d.dispatch(Action::ToggleFilter(f, v)))
    };
    let on_clear = {
        let d = d.clone();
        Callback::from(move |_| d.dispatch(Action::ClearFilters))
    };
    let on_sort = {
        let d = d.clone();
        Callback::from(move |s: Sort| d.dispatch(Action::SetSort(s)))
    };
    let on_range = {
        let d = d.clone();
        Callback::from(move |r: Range| d.dispatch(Action::SetRange(r)))
    };
    let on_issue = {
        let d = d.clone();
        Callback::from(move |day: String| d.dispatch(Action::OpenIssue(day)))
    };
    let on_issues = {
        let d = d.clone();
        Callback::from(move |_| d.dispatch(Action::ShowIssues))
    };
    let on_apply = {
        let d = d.clone();
        Callback::from(move |r| d.dispatch(Action::Apply(r)))
    };
    let on_lang = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::ToggleLang))
    };
    // Down arrow or Enter in the box moves to the first result (the list
    // then moves with the arrows; Enter on a result opens it).
    let on_key = {
        let root_ref = root_ref.clone();
        Callback::from(move |e: KeyboardEvent| {
            // Enter that confirms an input method's text is not for us.
            if e.is_composing() || e.key_code() == 229 {
                return;
            }
            if matches!(e.key().as_str(), "ArrowDown" | "Enter") {
                let first = root_ref
                    .cast::<web_sys::Element>()
                    .and_then(|r| r.query_selector(".bk-hit a").ok().flatten())
                    .and_then(|a| a.dyn_into::<HtmlElement>().ok());
                if let Some(a) = first {
                    e.prevent_default();
                    let _ = a.focus();
                }
            }
        })
    };

    let retry = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Retry))
    };
    let failed = |e: &LoadError| {
        html! {
            <div class="bk-error" role="alert" tabindex="-1">
                <p><strong>{ lang.t(Msg::LoadError) }</strong></p>
                <p>{ e.message(lang) }</p>
                <p class="bk-error-detail" lang="en">{ e.detail() }</p>
                <button onclick={retry.clone()}>{ lang.t(Msg::Retry) }</button>
            </div>
        }
    };
    let loading = html! {
        <div class="bk-loading" role="progressbar" aria-busy="true" aria-label={lang.t(Msg::Loading)}>
            <div class="bk-spinner" aria-hidden="true"></div>
            <p>{ lang.t(Msg::Loading) }</p>
        </div>
    };
    let body = match &state.load {
        Load::Loading => loading.clone(),
        Load::Failed(e) => failed(e),
        Load::Ready(reader) => match (&state.open, &state.reading) {
            (Some(id), Reading::Ready(a)) if &a.id == id => {
                // Previous/next among the listed articles (teasers have no body).
                let readable: Vec<&str> = results
                    .hits
                    .iter()
                    .filter(|h| h.article.kind != baoku_core::Kind::Teaser || &h.article.id == id)
                    .map(|h| h.article.id.as_str())
                    .collect();
                let pos = readable.iter().position(|h| *h == id);
                let id_at =
                    |p: Option<usize>| p.and_then(|p| readable.get(p)).map(|h| h.to_string());
                let prev = id_at(pos.and_then(|p| p.checked_sub(1)));
                let next = id_at(pos.map(|p| p + 1));
                html! { <ArticlePage key={a.id.clone()} reader={reader.clone()} article={a.clone()} terms={results.terms.clone()} prev={prev} next={next} lang={lang} on_open={on_open.clone()} on_close={on_close.clone()} links={roles.url} /> }
            }
            (Some(id), Reading::Missing(m)) if m == id => html! {
                <div class="bk-error" role="alert" tabindex="-1">
                    <p><strong>{ lang.t(Msg::NotFound) }</strong></p>
                    <button onclick={on_close.reform(|_: MouseEvent| ())}>{ lang.t(Msg::SearchArchive) }</button>
                </div>
            },
            (Some(id), Reading::Failed(m, e)) if m == id => failed(e),
            (Some(_), _) => loading.clone(),
            (None, _) if state.results.is_none() => match &state.search_error {
                Some(e) => failed(e),
                None => loading.clone(),
            },
            (None, _) => html! {
                <SearchPage reader={reader.clone()} results={results.clone()} request={state.results.as_ref().map(|r| r.0.request()).unwrap_or_default()} query={state.query.clone()} filters={state.filters.clone()}
                    range={state.range.clone()} sort={state.sort} lang={lang} busy={state.searching} error={state.search_error.clone()} on_open={on_open.clone()} on_more={on_more}
                    on_toggle={on_toggle} on_clear={on_clear} on_sort={on_sort} on_range={on_range}
                    view={state.view} issue={state.issue_day().map(AttrValue::from)} suggestions={state.suggestions.as_ref().filter(|s| s.0 == state.key()).map(|s| s.1.clone())}
                    on_issue={on_issue} on_issues={on_issues} on_apply={on_apply} links={roles.url} />
            },
        },
    };

    let skip = {
        let root_ref = root_ref.clone();
        Callback::from(move |_: MouseEvent| {
            let target = root_ref.cast::<web_sys::Element>().and_then(|r| {
                r.query_selector("#bk-results, .bk-article h2, #bk-issue-title, #bk-issues-title, .bk-empty, .bk-error")
                    .ok()
                    .flatten()
            });
            if let Some(t) = target.and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
                let _ = t.focus();
            }
        })
    };

    html! {
        <div ref={root_ref} class={classes!("bk-app", config.theme.as_ref().map(|t| format!("bk-theme-{t}")))} lang={lang.tag()}>
            <button class="bk-skip" onclick={skip}>{ lang.t(Msg::SkipToResults) }</button>
            <header class="bk-header">
                <h1 class="bk-title">{ lang.t(Msg::Title) }</h1>
                <button class="bk-lang" onclick={on_lang} lang={lang.other().tag()}>{ lang.t(Msg::Lang) }</button>
            </header>
            <SearchBox value={state.query.clone()} lang={lang} on_change={on_query} on_key={on_key} input_ref={input_ref} />
            { body }
        </div>
    }
}
