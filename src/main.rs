//! Baoku widget entry point: mounts the app on `#baoku` (or `body`).

mod app;
mod components;
mod i18n;
mod loader;
mod pages;
mod state;
mod url;

fn main() {
    let doc = gloo::utils::document();
    match doc.get_element_by_id("baoku") {
        Some(root) => {
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
