//! Behaviour the root component needs from the page around it, as hooks:
//! who owns the address bar, the host page's API, keys, focus and the
//! document title. Each keeps to what the widget owns: an embedded widget
//! never changes the host's title and only answers keys aimed at it.

use crate::state::Action;
use crate::state::AppState;
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

/// Claim a page-wide role (`__baoku…` on `window`) for this widget; the
/// first widget to ask gets it. Returns whether this one has it.
fn claim(role: &str, token: &JsValue) -> bool {
    let w: JsValue = gloo::utils::window().into();
    let key: JsValue = role.into();
    match js_sys::Reflect::get(&w, &key) {
        Ok(v) if !v.is_undefined() && !v.is_null() => false,
        _ => js_sys::Reflect::set(&w, &key, token).unwrap_or(false),
    }
}

fn release(role: &str, token: &JsValue) {
    let w: JsValue = gloo::utils::window().into();
    let key: JsValue = role.into();
    if js_sys::Reflect::get(&w, &key).ok().as_ref() == Some(token) {
        let _ = js_sys::Reflect::delete_property(&w.into(), &key);
    }
}

const URL_OWNER: &str = "__baokuUrlOwner";
const KEY_OWNER: &str = "__baokuKeyOwner";

/// Page-wide roles of this widget: several widgets on one page keep
/// separate state, and only the first that wants it owns the address bar;
/// the first mounted answers `/` when focus is on no widget.
#[derive(Clone, Copy, PartialEq)]
pub struct Roles {
    pub url: bool,
    pub keys: bool,
}

#[hook]
pub fn use_roles(wants_url: bool) -> Roles {
    let token = use_memo((), |_| JsValue::from(js_sys::Object::new()));
    let roles = use_memo((), {
        let token = token.clone();
        move |_| {
            let url = wants_url && claim(URL_OWNER, &token);
            if wants_url && !url {
                web_sys::console::warn_1(
                    &"baoku: another widget on this page keeps its state in the address bar; this one keeps its state to itself".into(),
                );
            }
            Roles {
                url,
                keys: claim(KEY_OWNER, &token),
            }
        }
    });
    {
        let token = token.clone();
        let r = *roles;
        use_effect_with((), move |_| {
            move || {
                if r.url {
                    release(URL_OWNER, &token);
                }
                if r.keys {
                    release(KEY_OWNER, &token);
                }
            }
        });
    }
    *roles
}

/// The host page's commands: `baoku-set-query` events on the host element.
/// A query set before the widget listened (`el.setQuery()` right after
/// insertion, or the first `query` attribute) is kept by the embed loader
/// in `host.__baokuQuery` and picked up here.
#[hook]
pub fn use_host_query(
    host: Option<Element>,
    state: UseReducerHandle<AppState>,
    mounted_with: Option<String>,
) {
    let dispatcher = state.dispatcher();
    // Only a query asked for after mounting counts (the one mounted with
    // yields to the URL's state).
    let initial = mounted_with.unwrap_or_default();
    use_effect_with((), move |_| {
        let l = host.map(|h| {
            if let Ok(q) = js_sys::Reflect::get(&h, &"__baokuQuery".into()) {
                if let Some(q) = q.as_string() {
                    if q != initial {
                        dispatcher.dispatch(Action::SetQuery(q));
                    }
                }
            }
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

/// Whether the event started inside `root` (through shadow roots too).
fn inside(e: &KeyboardEvent, root: &NodeRef) -> bool {
    let Some(root) = root.get() else {
        return false;
    };
    e.composed_path().includes(&root, 0)
}

/// `/` focuses the search box, Escape closes the reader: for keys pressed
/// inside this widget, or (for the first widget) on nothing focusable.
#[hook]
pub fn use_keys(root: NodeRef, input: NodeRef, keys_owner: bool, on_escape: Callback<()>) {
    use_effect_with((), move |_| {
        let l = EventListener::new_with_options(
            &gloo::utils::document(),
            "keydown",
            EventListenerOptions::enable_prevent_default(),
            move |e| {
                let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let target = e.composed_path().get(0).dyn_into::<Element>().ok();
                let typing = target.as_ref().is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                        || el.has_attribute("contenteditable")
                });
                let on_page = target
                    .as_ref()
                    .is_none_or(|el| matches!(el.tag_name().as_str(), "BODY" | "HTML"));
                let mine = inside(e, &root) || (keys_owner && on_page);
                if !mine || e.ctrl_key() || e.meta_key() || e.alt_key() {
                    return;
                }
                if e.key() == "/" && !typing {
                    e.prevent_default();
                    if let Some(i) = input.cast::<HtmlElement>() {
                        let _ = i.focus();
                    }
                } else if e.key() == "Escape" {
                    on_escape.emit(());
                }
            },
        );
        move || drop(l)
    });
}

/// Whether focus is in the widget, or nowhere (it was on an element that
/// the last render removed). Focus on the host page is the host's.
pub fn focus_is_ours(root: &Element) -> bool {
    let doc = gloo::utils::document();
    let shadow = root
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()
        .and_then(|r| r.active_element());
    let active = shadow.or_else(|| doc.active_element());
    match active {
        None => true,
        Some(a) => {
            matches!(a.tag_name().as_str(), "BODY" | "HTML") || root.contains(Some(a.as_ref()))
        }
    }
}

/// Move focus with the view: to the article's heading when one opens, and
/// back to its entry in the list when it closes. Not on the first render,
/// and never when focus is on the host page (a host's `setQuery()` closing
/// an article leaves the host's input focused).
#[hook]
pub fn use_focus_follow(
    root: NodeRef,
    open: Option<String>,
    article_shown: bool,
    list_shown: bool,
) {
    let last = use_mut_ref({
        let open = open.clone();
        move || open
    });
    use_effect_with(
        (open, article_shown, list_shown),
        move |(open, article_shown, list_shown)| {
            let Some(root) = root.cast::<Element>() else {
                return;
            };
            let prev = last.borrow().clone();
            if *open == prev {
                return;
            }
            if !focus_is_ours(&root) {
                *last.borrow_mut() = open.clone();
                return;
            }
            match (open, prev) {
                (Some(_), _) if *article_shown => {
                    if let Ok(Some(h)) = root.query_selector("#bk-article-title") {
                        if let Ok(h) = h.dyn_into::<HtmlElement>() {
                            let _ = h.focus();
                        }
                    }
                    *last.borrow_mut() = open.clone();
                }
                (None, Some(id)) if *list_shown => {
                    let links = root.query_selector_all(".bk-hit").ok();
                    let mut target: Option<HtmlElement> = None;
                    for i in 0..links.as_ref().map_or(0, |l| l.length()) {
                        let li = links
                            .as_ref()
                            .and_then(|l| l.item(i))
                            .and_then(|n| n.dyn_into::<Element>().ok());
                        if let Some(li) = li {
                            if li.get_attribute("data-id").as_deref() == Some(id.as_str()) {
                                target = li
                                    .query_selector("a")
                                    .ok()
                                    .flatten()
                                    .and_then(|a| a.dyn_into().ok());
                                break;
                            }
                        }
                    }
                    // Not in the list (opened by link): the search box.
                    let target = target.or_else(|| {
                        root.query_selector("#bk-q")
                            .ok()
                            .flatten()
                            .and_then(|a| a.dyn_into().ok())
                    });
                    if let Some(t) = target {
                        let _ = t.focus();
                    }
                    *last.borrow_mut() = None;
                }
                _ => {}
            }
        },
    );
}

/// The document title follows the open article, on a page the widget owns
/// (never on a host page that embeds it); the page's own title comes back
/// when the article closes.
#[hook]
pub fn use_document_title(owns_page: bool, title: Option<String>, app_title: &'static str) {
    let original = use_mut_ref(|| gloo::utils::document().title());
    use_effect_with(
        (owns_page, title, app_title),
        move |(owns, title, app_title)| {
            if *owns {
                let doc = gloo::utils::document();
                match title {
                    Some(t) => doc.set_title(&format!("{t} · {app_title}")),
                    None => doc.set_title(&original.borrow()),
                }
            }
        },
    );
}

/// Focus `selector` (a view's heading) when `key` changes after the first
/// render and focus is the widget's: switching issue views keeps the
/// keyboard user in place instead of on `<body>`.
#[hook]
pub fn use_focus_heading<K: PartialEq + Clone + 'static>(
    root: NodeRef,
    key: K,
    selector: &'static str,
) {
    let first = use_mut_ref(|| true);
    use_effect_with(key, move |_| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        let Some(r) = root.cast::<Element>() else {
            return;
        };
        let app = r.closest(".bk-app").ok().flatten().unwrap_or(r);
        if !focus_is_ours(&app) {
            return;
        }
        if let Some(h) = app
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|h| h.dyn_into::<HtmlElement>().ok())
        {
            let _ = h.focus();
        }
    });
}
