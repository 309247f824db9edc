//! The root component: owns the state, loads the data, keeps the URL and
//! the state in step, and routes between the result list and the reader.

use crate::components::search_box::SearchBox;
use crate::i18n::Lang;
use crate::loader;
use crate::pages::article_page::ArticlePage;
use crate::pages::search_page::SearchPage;
use crate::state::{Action, AppState, Load};
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

    // Load (and reload on Retry).
    {
        let dispatcher = state.dispatcher();
        let base = data_base(&config.data_src);
        use_effect_with(state.attempt, move |_| {
            let d = dispatcher.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let t0 = now_ms();
                let p = d.clone();
                match loader::load(&base, move |done, total| {
                    p.dispatch(Action::Progress { done, total })
                })
                .await
                {
                    Ok(ix) => {
                        if let Some(perf) = gloo::utils::window().performance() {
                            let _ = perf.mark("baoku-ready");
                        }
                        web_sys::console::debug_1(
                            &format!("baoku: loaded in {:.0} ms", now_ms() - t0).into(),
                        );
                        d.dispatch(Action::Loaded(Rc::new(ix)))
                    }
                    Err(e) => d.dispatch(Action::Failed(e)),
                }
            });
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
        let open = state.open.clone();
        let ix = state.index().cloned();
        use_effect_with(
            (open, ix.as_ref().map(|i| Rc::as_ptr(i) as usize)),
            move |(open, _)| {
                if let (Some(h), Some(id), Some(ix)) = (host, open, ix) {
                    if let Some(d) = ix.position(id) {
                        let a = &ix.articles()[d];
                        let detail = js_sys::Object::new();
                        let _ = js_sys::Reflect::set(&detail, &"id".into(), &a.id.clone().into());
                        let _ = js_sys::Reflect::set(
                            &detail,
                            &"headline".into(),
                            &a.display_title().into(),
                        );
                        let _ = js_sys::Reflect::set(
                            &detail,
                            &"date".into(),
                            &a.date.clone().unwrap_or_default().into(),
                        );
                        let init = web_sys::CustomEventInit::new();
                        init.set_detail(&detail);
                        init.set_bubbles(true);
                        init.set_composed(true);
                        if let Ok(ev) =
                            web_sys::CustomEvent::new_with_event_init_dict("baoku-open", &init)
                        {
                            let _ = h.dispatch_event(&ev);
                        }
                    }
                }
            },
        );
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

    let ix_key = state.index().map(|i| Rc::as_ptr(i) as usize);
    let results: Rc<SearchResults> = {
        let ix = state.index().cloned();
        use_memo(
            (
                ix_key,
                state.query.clone(),
                state.filters.clone(),
                state.sort,
                state.shown,
            ),
            move |(_, q, f, s, shown)| {
                let Some(ix) = ix else {
                    return SearchResults::default();
                };
                let sort = if q.trim().is_empty() && *s == Sort::Relevance {
                    Sort::Newest
                } else {
                    *s
                };
                let t0 = now_ms();
                let r = ix.search(&SearchRequest {
                    query: q.clone(),
                    filters: f.clone(),
                    sort,
                    offset: 0,
                    limit: *shown,
                });
                if let Some(perf) = gloo::utils::window().performance() {
                    let _ = perf.mark("baoku-searched");
                }
                web_sys::console::debug_1(&format!("baoku: search {:.2} ms", now_ms() - t0).into());
                r
            },
        )
    };

    // After a render with new results, mark it so tests can time keystroke → paint.
    {
        let r = results.clone();
        let host_for_marks = config.host.clone();
        // Only results from loaded data count (the loading screen renders an empty set).
        let loaded = ix_key.is_some();
        use_effect_with((Rc::as_ptr(&r) as usize, loaded), move |&(_, loaded)| {
            if !loaded {
                return;
            }
            if let Some(perf) = gloo::utils::window().performance() {
                let _ = perf.mark("baoku-rendered");
            }
            if let Some(h) = &host_for_marks {
                let _ = h.set_attribute("data-rendered", &r.total.to_string());
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
        let ix = state.index().cloned();
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
                    if let (Some(h), Some(ix)) = (results.hits.get(cursor.unwrap_or(0)), &ix) {
                        save_scroll();
                        d.dispatch(Action::Open(ix.articles()[h.doc].id.clone()));
                    }
                }
                _ => {}
            }
        })
    };

    let body = match &state.load {
        Load::Loading { done, total } => html! {
            <div class="bk-loading" role="progressbar" aria-valuemin="0" aria-valuemax={total.to_string()} aria-valuenow={done.to_string()}>
                <div class="bk-spinner" aria-hidden="true"></div>
                <p>{ lang.t("loading") }{ if *total > 0 { format!(" {done}/{total}") } else { String::new() } }</p>
            </div>
        },
        Load::Failed(e) => {
            let retry = {
                let d = d.clone();
                Callback::from(move |_: MouseEvent| d.dispatch(Action::Retry))
            };
            html! {
                <div class="bk-error" role="alert">
                    <p><strong>{ lang.t("load_error") }</strong></p>
                    <p class="bk-error-detail">{ e.clone() }</p>
                    <button onclick={retry}>{ lang.t("retry") }</button>
                </div>
            }
        }
        Load::Ready(ix) => {
            let open_doc = state.open.as_ref().and_then(|id| ix.position(id));
            match open_doc {
                Some(doc) => {
                    let pos = results.hits.iter().position(|h| h.doc == doc);
                    let id_at = |p: Option<usize>| {
                        p.and_then(|p| results.hits.get(p))
                            .map(|h| ix.articles()[h.doc].id.clone())
                    };
                    let prev = id_at(pos.and_then(|p| p.checked_sub(1)));
                    let next = id_at(pos.map(|p| p + 1));
                    html! { <ArticlePage index={ix.clone()} doc={doc} terms={results.terms.clone()} prev={prev} next={next} lang={lang} on_open={on_open.clone()} on_close={on_close.clone()} /> }
                }
                None => html! {
                    <SearchPage index={ix.clone()} results={results.clone()} query={state.query.clone()} filters={state.filters.clone()}
                        sort={state.sort} cursor={state.cursor} lang={lang} on_open={on_open.clone()} on_more={on_more}
                        on_toggle={on_toggle} on_clear={on_clear} on_sort={on_sort} />
                },
            }
        }
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
