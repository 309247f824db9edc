//! The browser side of the static index: opens an archive (manifest and
//! `meta.bin`, a few bytes per article) and answers the engine's
//! [`Step::Need`] by fetching the missing chunks concurrently. Fetched
//! files stay in memory for later queries; the service worker keeps them
//! for offline use. Every failure becomes a message for the Retry screen.

use crate::i18n::{Lang, Msg};
use baoku_core::search::{Archive, SearchRequest, SearchResults, Step, Store, Suggestion};
use baoku_core::Article;
use baoku_core::{DataError, Manifest};
use futures::future::join_all;
use gloo::net::http::Request;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;

/// A request that has not finished after this long is abandoned, so a data
/// folder that never answers ends in the Retry screen, not a spinner
/// (hosts may change it: `data-timeout` / `timeout`, in seconds).
pub const STALL_MS: u32 = 20_000;

/// Why the archive could not be read; shown in the UI's language, with the
/// technical detail (URL, status, decoder message) underneath.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// No answer in time (see [`STALL_MS`]).
    Stalled(String),
    /// The server answered with an error status.
    Http(String, u16),
    /// The network failed (offline, refused, blocked).
    Network(String, String),
    /// The files are there but unreadable: corrupt, or another version.
    Data(String),
    /// The engine kept asking for files (a broken build folder).
    Loop,
}

impl LoadError {
    /// The sentence for the reader.
    pub fn message(&self, lang: Lang) -> &'static str {
        lang.t(match self {
            LoadError::Stalled(_) => Msg::ErrStalled,
            LoadError::Http(_, 404) => Msg::ErrMissing,
            LoadError::Http(..) => Msg::ErrServer,
            LoadError::Network(..) => Msg::ErrNetwork,
            LoadError::Data(_) | LoadError::Loop => Msg::ErrData,
        })
    }

    /// The detail under it, for whoever maintains the site.
    pub fn detail(&self) -> String {
        match self {
            LoadError::Stalled(u) => u.clone(),
            LoadError::Http(u, s) => format!("{u}: HTTP {s}"),
            LoadError::Network(u, e) => format!("{u}: {e}"),
            LoadError::Data(e) => e.clone(),
            LoadError::Loop => "index requests do not converge".into(),
        }
    }
}

impl From<DataError> for LoadError {
    fn from(e: DataError) -> LoadError {
        LoadError::Data(e.to_string())
    }
}

async fn fetch(url: &str, revalidate: bool, stall_ms: u32) -> Result<Vec<u8>, LoadError> {
    let abort = web_sys::AbortController::new().ok();
    let mut req = Request::get(url);
    if let Some(a) = &abort {
        req = req.abort_signal(Some(&a.signal()));
    }
    if revalidate {
        // The manifest is the one file whose name does not change per build.
        req = req.cache(web_sys::RequestCache::NoCache);
    }
    let stalled = Rc::new(std::cell::Cell::new(false));
    let _timer = abort.map(|a| {
        let stalled = stalled.clone();
        Timeout::new(stall_ms, move || {
            stalled.set(true);
            a.abort();
        })
    });
    let fail = |e: gloo::net::Error| {
        if stalled.get() {
            LoadError::Stalled(url.to_string())
        } else {
            LoadError::Network(url.to_string(), e.to_string())
        }
    };
    let resp = req.send().await.map_err(fail)?;
    if !resp.ok() {
        return Err(LoadError::Http(url.to_string(), resp.status()));
    }
    resp.binary().await.map_err(fail)
}

/// An opened archive and the files fetched for it so far.
pub struct Reader {
    pub archive: Archive,
    /// The build folder's URL, ending in `/`.
    root: String,
    store: RefCell<Store>,
    stall_ms: u32,
}

impl Reader {
    /// Open the archive whose `manifest.json` is in `base` (ending in `/`).
    pub async fn open(base: &str, stall_ms: u32) -> Result<Reader, LoadError> {
        let url = format!("{base}manifest.json");
        let bytes = fetch(&url, true, stall_ms).await?;
        let text =
            String::from_utf8(bytes).map_err(|_| LoadError::Data(format!("{url}: not UTF-8")))?;
        let m = Manifest::from_json(&text)?;
        let root = format!("{base}{}/", m.dir);
        let meta = fetch(
            &format!("{root}{}", baoku_core::search::format::paths::META),
            false,
            stall_ms,
        )
        .await?;
        let archive = Archive::open(m, &meta)?;
        Ok(Reader {
            archive,
            root,
            store: RefCell::new(Store::default()),
            stall_ms,
        })
    }

    /// Fetch one file of the build folder (the service worker keeps it).
    pub async fn fetch_file(&self, rel: &str) -> Result<usize, LoadError> {
        fetch(&format!("{}{rel}", self.root), false, self.stall_ms)
            .await
            .map(|b| b.len())
    }

    /// One method per question, so each engine path is compiled once
    /// however many components ask it (a smaller wasm).
    pub async fn search(self: &Rc<Self>, req: &SearchRequest) -> Result<SearchResults, LoadError> {
        self.run(|ix, f| ix.search(f, req)).await
    }

    pub async fn suggest(
        self: &Rc<Self>,
        req: &SearchRequest,
    ) -> Result<Vec<Suggestion>, LoadError> {
        self.run(|ix, f| ix.suggest(f, req)).await
    }

    pub async fn locate(self: &Rc<Self>, id: &str) -> Result<Option<u32>, LoadError> {
        self.run(|ix, f| ix.locate(f, id)).await
    }

    pub async fn article(self: &Rc<Self>, doc: u32) -> Result<Article, LoadError> {
        self.run(|ix, f| ix.article(f, doc)).await
    }

    /// The extra facet columns (`x.bin`).
    pub async fn extras(self: &Rc<Self>) -> Result<(), LoadError> {
        self.run(|ix, f| ix.extras(f).map(|s| s.map(|_| ()))).await
    }

    /// Ask the engine, fetch what it needs, ask again, until it answers.
    async fn run<T>(
        self: &Rc<Self>,
        ask: impl Fn(&Archive, &Store) -> Result<Step<T>, DataError>,
    ) -> Result<T, LoadError> {
        for _ in 0..16 {
            let step = ask(&self.archive, &self.store.borrow())?;
            match step {
                Step::Done(t) => return Ok(t),
                Step::Need(paths) => {
                    let got = join_all(paths.iter().map(|p| {
                        let url = format!("{}{}", self.root, p);
                        let ms = self.stall_ms;
                        async move { fetch(&url, false, ms).await }
                    }))
                    .await;
                    let mut store = self.store.borrow_mut();
                    for (p, b) in paths.into_iter().zip(got) {
                        store.insert(p, b?);
                    }
                }
            }
        }
        Err(LoadError::Loop)
    }
}
