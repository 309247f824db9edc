//! Facet lists with live counts; clicking a value toggles it as a filter.

use crate::i18n::{Lang, Msg};
use baoku_core::search::Facet;
use baoku_core::Kind;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FacetPanelProps {
    pub facets: Vec<(Facet, Vec<(String, usize)>)>,
    pub active: Vec<(Facet, String)>,
    pub lang: Lang,
    pub on_toggle: Callback<(Facet, String)>,
    /// Shown as a drawer (narrow screens).
    #[prop_or_default]
    pub drawer: bool,
    #[prop_or_default]
    pub on_close: Callback<()>,
}

fn value_label(f: Facet, v: &str, lang: Lang) -> String {
    if f == Facet::Kind && lang == Lang::Zh {
        if let Some(k) = baoku_core::search::kind_from_str(v) {
            return Kind::label_zh(k).to_string();
        }
    }
    v.to_string()
}

/// Values shown before "show all".
const SHORT: usize = 12;

#[derive(Properties, PartialEq)]
struct GroupProps {
    facet: Facet,
    values: Vec<(String, usize)>,
    active: Vec<(Facet, String)>,
    lang: Lang,
    on_toggle: Callback<(Facet, String)>,
}

/// One facet: its values with counts; a long list shows the first ones,
/// with "show all" and a filter box for the rest.
#[component]
fn FacetGroup(props: &GroupProps) -> Html {
    let (f, lang) = (props.facet, props.lang);
    let expanded = use_state(|| false);
    let filter = use_state(String::new);
    let long = props.values.len() > SHORT;
    let needle = filter.to_lowercase();
    let shown: Vec<&(String, usize)> = props
        .values
        .iter()
        .filter(|(v, _)| needle.is_empty() || v.to_lowercase().contains(&needle))
        .take(if *expanded || !needle.is_empty() {
            usize::MAX
        } else {
            SHORT
        })
        .collect();
    let items = shown.into_iter().map(|(v, n)| {
        let on = props.active.iter().any(|(af, av)| *af == f && av == v);
        let onclick = {
            let cb = props.on_toggle.clone();
            let v = v.clone();
            Callback::from(move |_: MouseEvent| cb.emit((f, v.clone())))
        };
        html! {
            <li key={v.clone()}>
                <button class={classes!("bk-facet", on.then_some("bk-on"))} aria-pressed={on.to_string()} {onclick}
                    data-facet={f.key()} data-value={v.clone()}>
                    <span>{ value_label(f, v, lang) }</span><span class="bk-count">{ *n }</span>
                </button>
            </li>
        }
    });
    let toggle = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    let oninput = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            filter.set(el.value());
        })
    };
    html! {
        <section class="bk-facet-group" aria-label={lang.t(Msg::facet(f))}>
            <h3>{ lang.t(Msg::facet(f)) }</h3>
            if long && *expanded {
                <input class="bk-facet-filter" type="search" aria-label={format!("{} {}", lang.t(Msg::FilterValues), lang.t(Msg::facet(f)))}
                    placeholder={lang.t(Msg::FilterValues)} value={(*filter).clone()} {oninput} />
            }
            <ul>{ for items }</ul>
            if long {
                <button class="bk-facet-more" aria-expanded={expanded.to_string()} onclick={toggle}>
                    { if *expanded { lang.t(Msg::ShowFewer).to_string() } else { format!("{} ({})", lang.t(Msg::ShowAll), props.values.len()) } }
                </button>
            }
        </section>
    }
}

#[component]
pub fn FacetPanel(props: &FacetPanelProps) -> Html {
    let lang = props.lang;
    let groups = props.facets.iter().filter(|(f, v)| !v.is_empty() && !matches!(f, Facet::Month | Facet::Day | Facet::Page)).map(|(f, vals)| {
        html! {
            <FacetGroup key={f.key()} facet={*f} values={vals.clone()} active={props.active.clone()} lang={lang} on_toggle={props.on_toggle.clone()} />
        }
    });
    let aside = use_node_ref();
    let app_of = |aside: &NodeRef| {
        aside
            .cast::<web_sys::Element>()
            .and_then(|a| a.closest(".bk-app").ok().flatten())
    };
    let focus = |root: Option<web_sys::Element>, selector: &str| {
        if let Some(b) = root
            .and_then(|a| a.query_selector(selector).ok().flatten())
            .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = b.focus();
        }
    };
    // The drawer takes focus when it opens and gives it back to its
    // button when it closes.
    {
        let aside = aside.clone();
        let was_open = use_mut_ref(|| false);
        use_effect_with(props.drawer, move |open| {
            let before = std::mem::replace(&mut *was_open.borrow_mut(), *open);
            if *open {
                focus(aside.cast(), ".bk-drawer-close");
            } else if before {
                focus(app_of(&aside), ".bk-filter-toggle");
            }
        });
    }
    // Escape pressed in this widget closes the open drawer, wherever focus
    // is in it (a facet value that went away leaves it on the page).
    {
        let cb = props.on_close.clone();
        let aside = aside.clone();
        use_effect_with(props.drawer, move |open| {
            let l = open.then(|| {
                gloo::events::EventListener::new(&gloo::utils::document(), "keydown", move |e| {
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    let mine = app_of(&aside).is_some_and(|app| {
                        e.composed_path().includes(&app, 0) || crate::hooks::focus_is_ours(&app)
                    });
                    if e.key() == "Escape" && mine {
                        cb.emit(());
                    }
                })
            });
            move || drop(l)
        });
    }
    // Tab stays inside the open drawer (it is modal).
    let onkeydown = {
        let aside = aside.clone();
        let open = props.drawer;
        Callback::from(move |e: KeyboardEvent| {
            if !open || e.key() != "Tab" {
                return;
            }
            let Some(list) = aside
                .cast::<web_sys::Element>()
                .and_then(|a| a.query_selector_all("button, input").ok())
            else {
                return;
            };
            let n = list.length();
            if n == 0 {
                return;
            }
            let target = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let at = |i: u32| {
                list.item(i)
                    .and_then(|x| x.dyn_into::<web_sys::HtmlElement>().ok())
            };
            let is = |i: u32| {
                at(i).map(|x| {
                    let el: &web_sys::Element = x.as_ref();
                    Some(el) == target.as_ref()
                }) == Some(true)
            };
            let wrap = if e.shift_key() && is(0) {
                at(n - 1)
            } else if !e.shift_key() && is(n - 1) {
                at(0)
            } else {
                None
            };
            if let Some(x) = wrap {
                e.prevent_default();
                let _ = x.focus();
            }
        })
    };
    let close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <aside id="bk-facets" ref={aside} class={classes!("bk-facets", props.drawer.then_some("bk-drawer-open"))} aria-label={lang.t(Msg::Filters)}
            role={props.drawer.then_some("dialog")} aria-modal={props.drawer.then_some("true")} {onkeydown}>
            <button class="bk-drawer-close" onclick={close}>{ "✕ " }{ lang.t(Msg::FiltersClose) }</button>
            // Keyed groups in a list of their own, so a group that comes or
            // goes never re-creates the others (focus stays on its value).
            <div class="bk-facet-groups">{ for groups }</div>
        </aside>
    }
}
