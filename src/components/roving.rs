//! Arrow-key movement between the items of a group (one tab stop for the
//! group, as in the WAI-ARIA toolbar pattern): used by the timeline's bars
//! and the issue view's page list.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

/// Move focus among the `selector` items of `group` on `prev`/`next`
/// (and Home/End). The group's tab stop is left to the view (the chosen
/// item), so a later click never leaves two. Returns whether the key was
/// handled.
pub fn arrow_focus(
    e: &KeyboardEvent,
    group: &Element,
    selector: &str,
    prev: &str,
    next: &str,
) -> bool {
    let Ok(items) = group.query_selector_all(selector) else {
        return false;
    };
    let items: Vec<HtmlElement> = (0..items.length())
        .filter_map(|i| items.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect();
    let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return false;
    };
    let Some(cur) = items.iter().position(|i| {
        let el: &Element = i.as_ref();
        el == &target || el.contains(Some(&target))
    }) else {
        return false;
    };
    let last = items.len() - 1;
    let to = match e.key().as_str() {
        k if k == next => (cur + 1).min(last),
        k if k == prev => cur.saturating_sub(1),
        "Home" => 0,
        "End" => last,
        _ => return false,
    };
    e.prevent_default();
    let _ = items[to].focus();
    true
}
