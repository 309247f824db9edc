//! The browser side of the static index: opens an archive (manifest and
//! `meta.bin`, a few bytes per article) and answers the engine's
//! [`Step::Need`] by fetching the missing chunks concurrently. Fetched
//! files stay in memory for later queries; the service worker keeps them
//! for offline use. Every failure becomes a message for the Retry screen.

use baoku_core::search::{Archive, Step, Store};
use baoku_core::{DataError, Manifest};
use futures::future::join_all;
use gloo::net::http::Request;
use std::cell::RefCell;
use std::rc::Rc;

async fn fetch(url: &str, revalidate: bool) -> Result<Vec<u8>, String> {
    let mut req = Request::get(url);
    if revalidate {
        // The manifest is the one file whose name does not change per build.
        req = req.cache(web_sys::RequestCache::NoCache);
    }
    let resp = req.send().await.map_err(|e| format!("{url}: {e}"))?;
    if !resp.ok() {
        return Err(format!("{url}: HTTP {}", resp.status()));
    }
    resp.binary().await.map_err(|e| format!("{url}: {e}"))
}

/// An opened archive and the files fetched for it so far.
pub struct Reader {
    pub archive: Archive,
    /// The build folder's URL, ending in `/`.
    root: String,
    store: RefCell<Store>,
}

impl Reader {
    /// Open the archive whose `manifest.json` is in `base` (ending in `/`).
    pub async fn open(base: &str) -> Result<Reader, String> {
        let url = format!("{base}manifest.json");
        let bytes = fetch(&url, true).await?;
        let text = String::from_utf8(bytes).map_err(|_| format!("{url}: not UTF-8"))?;
        let m = Manifest::from_json(&text).map_err(|e| e.to_string())?;
        let root = format!("{base}{}/", m.dir);
        let meta = fetch(
            &format!("{root}{}", baoku_core::search::format::paths::META),
            false,
        )
        .await?;
        let archive = Archive::open(m, &meta).map_err(|e| e.to_string())?;
        Ok(Reader {
            archive,
            root,
            store: RefCell::new(Store::default()),
        })
    }

    /// Fetch one file of the build folder (the service worker keeps it).
    pub async fn fetch_file(&self, rel: &str) -> Result<usize, String> {
        fetch(&format!("{}{rel}", self.root), false)
            .await
            .map(|b| b.len())
    }

    /// Ask the engine, fetch what it needs, ask again, until it answers.
    pub async fn run<T>(
        self: &Rc<Self>,
        ask: impl Fn(&Archive, &Store) -> Result<Step<T>, DataError>,
    ) -> Result<T, String> {
        for _ in 0..16 {
            let step = ask(&self.archive, &self.store.borrow()).map_err(|e| e.to_string())?;
            match step {
                Step::Done(t) => return Ok(t),
                Step::Need(paths) => {
                    let got = join_all(paths.iter().map(|p| {
                        let url = format!("{}{}", self.root, p);
                        async move { fetch(&url, false).await }
                    }))
                    .await;
                    let mut store = self.store.borrow_mut();
                    for (p, b) in paths.into_iter().zip(got) {
                        store.insert(p, b?);
                    }
                }
            }
        }
        Err("the archive index keeps asking for more files".into())
    }
}
