//! The root component: owns the state, loads the data, keeps the URL and
//! the state in step, and routes between the result list and the reader.

use crate::components::search_box::SearchBox;
use crate::i18n::Lang;
use crate::loader::Reader;
use crate::pages::article_page::ArticlePage;
use crate::pages::search_page::SearchPage;
use crate::state::{Action, AppState, Load, Reading};
use crate::url::UrlState;
use baoku_core::search::{Facet, SearchRequest, SearchResults, Sort};
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

fn now_ms() -> f64 {
    gloo::utils::window()
        .performance()
        .map(|p| p.now())
        .unwrap_or(0.0)
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let config = props.config.clone();
    let state = {
        let c = config.clone();
        use_reducer(move || {
            let mut u = if c.url_state {
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
        use_effect_with(state.attempt, move |_| {
            let d = dispatcher.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let t0 = now_ms();
                match Reader::open(&base).await {
                    Ok(r) => {
                        if let Some(perf) = gloo::utils::window().performance() {
                            let _ = perf.mark("baoku-ready");
                        }
                        web_sys::console::debug_1(
                            &format!(
                                "baoku: opened {} articles in {:.0} ms",
                                r.archive.len(),
                                now_ms() - t0
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
                    let req = SearchRequest {
                        query: key.query.clone(),
                        filters: key.filters.clone(),
                        sort: key.sort,
                        offset: 0,
                        limit: key.shown,
                        ..Default::default()
                    };
                    let r = reader.run(|ix, files| ix.search(files, &req)).await;
                    if let Some(perf) = gloo::utils::window().performance() {
                        let _ = perf.mark("baoku-searched");
                    }
                    web_sys::console::debug_1(
                        &format!("baoku: search {:.2} ms", now_ms() - t0).into(),
                    );
                    match r {
                        Ok(r) => dispatcher.dispatch(Action::Results(key, Rc::new(r))),
                        Err(e) => dispatcher.dispatch(Action::SearchFailed(key, e)),
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
                        if reader
                            .run(|ix, f| ix.extras(f).map(|s| s.map(|_| ())))
                            .await
                            .is_ok()
                        {
                            dispatcher.dispatch(Action::ExtrasLoaded);
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
                        let doc = reader.run(|ix, files| ix.locate(files, &id)).await;
                        let r = match doc {
                            Ok(Some(d)) => match reader.run(|ix, files| ix.article(files, d)).await
                            {
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
        let on = config.url_state;
        use_effect_with((), move |_| {
            let l = on.then(|| {
                EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                    dispatcher.dispatch(Action::Restore(UrlState::current()));
                })
            });
            move || drop(l)
        });
    }

    // Write the state to the URL: opening/closing an article is a history
    // step; remember the list's scroll position to restore it on return.
    {
        let last_open = use_mut_ref(|| state.open.clone());
        let list_scroll = list_scroll.clone();
        let url = state.url();
        let on = config.url_state;
        use_effect_with(url, move |u| {
            let win = gloo::utils::window();
            let push = *last_open.borrow() != u.open;
            if push {
                if u.open.is_some() {
                    win.scroll_to_with_x_and_y(0.0, 0.0);
                } else {
                    win.scroll_to_with_x_and_y(0.0, *list_scroll.borrow());
                }
            }
            *last_open.borrow_mut() = u.open.clone();
            if on && UrlState::current() != *u {
                u.write(push);
            }
        });
    }

    // The host page's API: `baoku-set-query` events on the host element.
    {
        let dispatcher = state.dispatcher();
        let host = config.host.clone();
        use_effect_with((), move |_| {
            let l = host.map(|h| {
                EventListener::new(&h, "baoku-set-query", move |e| {
                    if let Some(ce) = e.dyn_ref::<web_sys::CustomEvent>() {
                        if let Some(q) = ce.detail().as_string() {
                            dispatcher.dispatch(Action::SetQuery(q));
                        }
                    }
                })
            });
            move || drop(l)
        });
    }

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

    // Global keys: "/" focuses the search box, Escape closes the reader.
    {
        let dispatcher = state.dispatcher();
        let input_ref = input_ref.clone();
        use_effect_with((), move |_| {
            let l = EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                gloo::events::EventListenerOptions::enable_prevent_default(),
                move |e| {
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    // The real target, even inside a shadow root (embedding).
                    let typing = e
                        .composed_path()
                        .get(0)
                        .dyn_into::<web_sys::Element>()
                        .map(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
                        .unwrap_or(false);
                    if e.key() == "/" && !typing {
                        e.prevent_default();
                        if let Some(i) = input_ref.cast::<HtmlElement>() {
                            let _ = i.focus();
                        }
                    } else if e.key() == "Escape" {
                        dispatcher.dispatch(Action::Close);
                    }
                },
            );
            move || drop(l)
        });
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
    let on_lang = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::ToggleLang))
    };
    let on_key = {
        let d = d.clone();
        let results = results.clone();
        let cursor = state.cursor;
        let save_scroll = save_scroll.clone();
        Callback::from(move |e: KeyboardEvent| {
            let n = results.hits.len();
            match e.key().as_str() {
                "ArrowDown" => {
                    e.prevent_default();
                    d.dispatch(Action::MoveCursor(1, n))
                }
                "ArrowUp" => {
                    e.prevent_default();
                    d.dispatch(Action::MoveCursor(-1, n))
                }
                "Enter" => {
                    if let Some(h) = results.hits.get(cursor.unwrap_or(0)) {
                        save_scroll();
                        d.dispatch(Action::Open(h.article.id.clone()));
                    }
                }
                _ => {}
            }
        })
    };

    let retry = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Retry))
    };
    let failed = |detail: String| {
        html! {
            <div class="bk-error" role="alert">
                <p><strong>{ lang.t("load_error") }</strong></p>
                <p class="bk-error-detail">{ detail }</p>
                <button onclick={retry.clone()}>{ lang.t("retry") }</button>
            </div>
        }
    };
    let loading = html! {
        <div class="bk-loading" role="progressbar" aria-busy="true">
            <div class="bk-spinner" aria-hidden="true"></div>
            <p>{ lang.t("loading") }</p>
        </div>
    };
    let body = match &state.load {
        Load::Loading => loading.clone(),
        Load::Failed(e) => failed(e.clone()),
        Load::Ready(reader) => match (&state.open, &state.reading) {
            (Some(id), Reading::Ready(a)) if &a.id == id => {
                let pos = results.hits.iter().position(|h| &h.article.id == id);
                let id_at = |p: Option<usize>| {
                    p.and_then(|p| results.hits.get(p))
                        .map(|h| h.article.id.clone())
                };
                let prev = id_at(pos.and_then(|p| p.checked_sub(1)));
                let next = id_at(pos.map(|p| p + 1));
                html! { <ArticlePage reader={reader.clone()} article={a.clone()} terms={results.terms.clone()} prev={prev} next={next} lang={lang} on_open={on_open.clone()} on_close={on_close.clone()} /> }
            }
            (Some(id), Reading::Missing(m)) if m == id => html! {
                <div class="bk-error" role="alert">
                    <p><strong>{ lang.t("not_found") }</strong></p>
                    <button onclick={on_close.reform(|_: MouseEvent| ())}>{ lang.t("back") }</button>
                </div>
            },
            (Some(id), Reading::Failed(m, e)) if m == id => failed(e.clone()),
            (Some(_), _) => loading.clone(),
            (None, _) if state.results.is_none() => match &state.search_error {
                Some(e) => failed(e.clone()),
                None => loading.clone(),
            },
            (None, _) => html! {
                <SearchPage reader={reader.clone()} results={results.clone()} query={state.query.clone()} filters={state.filters.clone()}
                    sort={state.sort} cursor={state.cursor} lang={lang} busy={state.searching} error={state.search_error.clone()} on_open={on_open.clone()} on_more={on_more}
                    on_toggle={on_toggle} on_clear={on_clear} on_sort={on_sort} />
            },
        },
    };

    html! {
        <div class={classes!("bk-app", config.theme.as_ref().map(|t| format!("bk-theme-{t}")))} lang={if lang == Lang::Zh { "zh-CN" } else { "en" }}>
            <header class="bk-header">
                <h1 class="bk-title">{ lang.t("title") }</h1>
                <button class="bk-lang" onclick={on_lang}>{ lang.t("lang") }</button>
            </header>
            <SearchBox active={state.cursor.map(|c| AttrValue::from(format!("bk-hit-{c}")))} value={state.query.clone()} lang={lang} on_change={on_query} on_key={on_key} input_ref={input_ref} />
            { body }
        </div>
    }
}
