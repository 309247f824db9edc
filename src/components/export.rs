//! Getting results out: the result list as CSV or NDJSON, an article's
//! reference as RIS or BibTeX, and copying a link. Files are built in the
//! browser by `baoku_core::export` and handed over as a download.

use crate::i18n::{Lang, Msg};
use crate::loader::Reader;
use baoku_core::export;
use baoku_core::search::SearchRequest;
use baoku_core::Article;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// At most this many results go into one export file (their article
/// fragments are fetched first).
pub const EXPORT_MAX: usize = 2000;

/// `#a=<id>`, encoded.
pub fn hash_of(id: &str) -> String {
    match web_sys::UrlSearchParams::new() {
        Ok(p) => {
            p.append("a", id);
            format!("#{}", String::from(p.to_string()))
        }
        Err(_) => String::new(),
    }
}

/// The link to an article: this page with the article's id in the hash.
/// Only meaningful for the widget that owns the address bar.
pub fn article_link(id: &str) -> String {
    let href = gloo::utils::window().location().href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or("").to_string();
    format!("{base}{}", hash_of(id))
}

/// Offer `text` as a file download (inside the widget's own tree).
pub fn download(anchor_parent: &web_sys::Element, name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = gloo::utils::document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        let _ = a.set_attribute("hidden", "");
        let _ = anchor_parent.append_child(&a);
        a.click();
        a.remove();
    }
    // Revoke after the download has started.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}

/// Copy `text`; `done(true)` once the clipboard has it, `done(false)` when
/// there is no clipboard or it refused.
pub fn copy_to_clipboard(text: &str, done: impl FnOnce(bool) + 'static) {
    let nav = gloo::utils::window().navigator();
    let promise = js_sys::Reflect::get(&nav, &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined())
        .and_then(|cb| {
            let f = js_sys::Reflect::get(&cb, &"writeText".into()).ok()?;
            let f = f.dyn_ref::<js_sys::Function>()?;
            f.call1(&cb, &text.into())
                .ok()?
                .dyn_into::<js_sys::Promise>()
                .ok()
        });
    match promise {
        Some(p) => wasm_bindgen_futures::spawn_local(async move {
            done(wasm_bindgen_futures::JsFuture::from(p).await.is_ok());
        }),
        None => done(false),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Table {
    Csv,
    Ndjson,
}

#[derive(Properties)]
pub struct ExportProps {
    pub reader: Rc<Reader>,
    /// The search whose results are exported (all pages of it).
    pub request: SearchRequest,
    pub total: usize,
    pub lang: Lang,
    /// Links to articles can be given (this widget owns the address bar).
    pub links: bool,
}

impl PartialEq for ExportProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.reader, &o.reader)
            && self.request == o.request
            && self.total == o.total
            && self.lang == o.lang
            && self.links == o.links
    }
}

/// "Export CSV / NDJSON" for the current result list.
#[component]
pub fn ExportResults(props: &ExportProps) -> Html {
    let lang = props.lang;
    let status = use_state(|| None::<String>);
    let root = use_node_ref();
    let run = |kind: Table| {
        let reader = props.reader.clone();
        let mut req = props.request.clone();
        req.offset = 0;
        req.limit = props.total.min(EXPORT_MAX);
        let status = status.clone();
        let root = root.clone();
        let links = props.links;
        Callback::from(move |_: MouseEvent| {
            let reader = reader.clone();
            let req = req.clone();
            let status = status.clone();
            let root = root.clone();
            status.set(Some(lang.t(Msg::ExportPreparing).to_string()));
            wasm_bindgen_futures::spawn_local(async move {
                match reader.search(&req).await {
                    Ok(r) => {
                        let links: Vec<String> = r
                            .hits
                            .iter()
                            .map(|h| {
                                if links {
                                    article_link(&h.article.id)
                                } else {
                                    String::new()
                                }
                            })
                            .collect();
                        let rows: Vec<(&Article, &str)> = r
                            .hits
                            .iter()
                            .zip(&links)
                            .map(|(h, l)| (&h.article, l.as_str()))
                            .collect();
                        let (text, name, mime) = match kind {
                            Table::Csv => (
                                export::csv(&rows),
                                "baoku-results.csv",
                                "text/csv;charset=utf-8",
                            ),
                            Table::Ndjson => (
                                export::ndjson(&rows),
                                "baoku-results.ndjson",
                                "application/x-ndjson",
                            ),
                        };
                        if let Some(el) = root.cast::<web_sys::Element>() {
                            download(&el, name, mime, &text);
                        }
                        status.set(Some(format!("{} {}", rows.len(), lang.t(Msg::ExportDone))));
                    }
                    Err(e) => status.set(Some(format!("{} {}", e.message(lang), e.detail()))),
                }
            });
        })
    };
    html! {
        <div class="bk-export" ref={root.clone()}>
            <span>{ lang.t(Msg::Export) }</span>
            <button class="bk-export-csv" onclick={run(Table::Csv)}>{ "CSV" }</button>
            <button class="bk-export-ndjson" onclick={run(Table::Ndjson)}>{ "NDJSON" }</button>
            if props.total > EXPORT_MAX { <span class="bk-note">{ format!("{} {EXPORT_MAX}", lang.t(Msg::ExportCap)) }</span> }
            <span class="bk-status" role="status" aria-live="polite">{ (*status).clone().unwrap_or_default() }</span>
        </div>
    }
}

#[derive(Properties)]
pub struct CiteProps {
    pub article: Rc<Article>,
    pub lang: Lang,
    /// Links to articles can be given (this widget owns the address bar).
    pub links: bool,
}

impl PartialEq for CiteProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.article, &o.article) && self.lang == o.lang && self.links == o.links
    }
}

/// The reader's reference block: GB/T 7714 text to copy, RIS and BibTeX
/// downloads, and the article's link.
#[component]
pub fn CiteTools(props: &CiteProps) -> Html {
    let lang = props.lang;
    let a = props.article.clone();
    let said = use_state(|| None::<Msg>);
    let root = use_node_ref();
    let citation = export::gbt7714(&a);
    let copy = |text: String, msg: Msg| {
        let said = said.clone();
        Callback::from(move |_: MouseEvent| {
            let said = said.clone();
            copy_to_clipboard(&text, move |ok| {
                said.set(Some(if ok { msg } else { Msg::CopyFailed }))
            });
        })
    };
    let links = props.links;
    let file = |ris: bool| {
        let a = a.clone();
        let root = root.clone();
        let said = said.clone();
        Callback::from(move |_: MouseEvent| {
            let link = article_link(&a.id);
            let key = export::bibtex_key(&a.id);
            let (text, name, mime) = if ris {
                (
                    export::ris(&a, Some(&link)),
                    format!("{key}.ris"),
                    "application/x-research-info-systems",
                )
            } else {
                (
                    export::bibtex(&a, Some(&link)),
                    format!("{key}.bib"),
                    "application/x-bibtex",
                )
            };
            if let Some(el) = root.cast::<web_sys::Element>() {
                download(&el, &name, mime, &text);
            }
            said.set(Some(Msg::Downloaded));
        })
    };
    html! {
        <footer class="bk-cite" ref={root.clone()}>
            <code class="bk-citation" lang="zh-CN">{ citation.clone() }</code>
            <div class="bk-cite-actions">
                <button class="bk-copy-cite" onclick={copy(citation, Msg::Copied)}>{ lang.t(Msg::Cite) }</button>
                if links {
                    <button class="bk-copy-link" onclick={copy(article_link(&a.id), Msg::LinkCopied)}>{ lang.t(Msg::CopyLink) }</button>
                }
                <button class="bk-ris" onclick={file(true)}>{ "RIS" }</button>
                <button class="bk-bibtex" onclick={file(false)}>{ "BibTeX" }</button>
                <span class="bk-status" role="status" aria-live="polite">{ said.map(|m| lang.t(m)).unwrap_or_default() }</span>
            </div>
        </footer>
    }
}
