//! Baoku widget entry point. Standalone pages mount on `#baoku`; host pages
//! that load `baoku-embed.js` set `__baokuEmbed` first and call `mount`.

mod app;
mod components;
mod hooks;
mod i18n;
mod loader;
mod pages;
mod state;
mod url;

use app::{App, AppProps, Config};
use i18n::Lang;
use wasm_bindgen::prelude::*;

fn attr(el: &web_sys::Element, name: &str) -> Option<String> {
    el.get_attribute(name).filter(|s| !s.is_empty())
}

/// `timeout` in whole seconds (1 to 600), else the default.
fn stall_ms(v: Option<String>) -> u32 {
    v.and_then(|s| s.trim().parse::<u32>().ok())
        .filter(|s| (1..=600).contains(s))
        .map_or(loader::STALL_MS, |s| s * 1000)
}

fn main() {
    let embedded = js_sys::Reflect::get(&gloo::utils::window(), &"__baokuEmbed".into())
        .map(|v| v.is_truthy())
        .unwrap_or(false);
    if embedded {
        return;
    }
    let doc = gloo::utils::document();
    let root = doc
        .get_element_by_id("baoku")
        .or_else(|| doc.body().map(Into::into));
    if let Some(root) = root {
        let config = Config {
            data_src: attr(&root, "data-src").unwrap_or_else(|| "data/".into()),
            query: attr(&root, "data-query"),
            lang: attr(&root, "data-lang").map(|l| Lang::parse(&l)),
            theme: attr(&root, "data-theme"),
            url_state: attr(&root, "data-url-state").as_deref() != Some("off"),
            host: Some(root.clone()),
            standalone: true,
            stall_ms: stall_ms(attr(&root, "data-timeout")),
        };
        yew::Renderer::<App>::with_root_and_props(root, AppProps { config }).render();
    }
}

/// A mounted widget; `unmount()` removes it and its page-wide listeners
/// and gives up its roles (the element left the page).
#[wasm_bindgen]
pub struct Mounted(Option<yew::AppHandle<App>>);

#[wasm_bindgen]
impl Mounted {
    pub fn unmount(&mut self) {
        if let Some(h) = self.0.take() {
            h.destroy();
        }
    }
}

/// Mount the widget inside `el` (used by the `<baoku-archive>` element).
#[wasm_bindgen]
pub fn mount(
    el: web_sys::Element,
    host: web_sys::Element,
    data_src: String,
    query: Option<String>,
    lang: Option<String>,
    theme: Option<String>,
    url_state: bool,
    timeout: Option<String>,
) -> Mounted {
    let config = Config {
        data_src,
        query: query.filter(|q| !q.is_empty()),
        lang: lang.map(|l| Lang::parse(&l)),
        theme: theme.filter(|t| !t.is_empty()),
        url_state,
        host: Some(host),
        standalone: false,
        stall_ms: stall_ms(timeout),
    };
    Mounted(Some(
        yew::Renderer::<App>::with_root_and_props(el, AppProps { config }).render(),
    ))
}
