//! "Save for offline": downloads every file of the archive's build folder
//! so the service worker keeps it (it caches what the page fetches under
//! `data/`). Shows the size before, progress while saving; can be paused
//! and resumed, where it stopped (kept in localStorage per build).

use crate::i18n::{Lang, Msg};
use crate::loader::Reader;
use baoku_core::search::format::paths;
use futures::future::join_all;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct OfflineProps {
    pub reader: Rc<Reader>,
    pub lang: Lang,
}

impl PartialEq for OfflineProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.reader, &o.reader) && self.lang == o.lang
    }
}

/// Every file of the build folder, in a fixed order.
fn all_files(r: &Reader) -> Vec<String> {
    let m = r.archive.manifest();
    let mut v = vec![paths::META.to_string()];
    v.extend((0..m.gram_chunks).map(paths::gram_chunk));
    v.extend((0..m.pos_chunks).map(paths::pos_chunk));
    v.extend((0..m.id_buckets).map(paths::id_bucket));
    v.extend((0..m.article_count).map(paths::article));
    v
}

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// `SMALL_DATA_BYTES` in scripts/sw.mjs.
const SMALL_DATA_BYTES: u64 = 8 * 1024 * 1024;

#[derive(Clone, PartialEq)]
enum Saving {
    Idle,
    Running,
    Failed,
}

#[component]
pub fn OfflineSave(props: &OfflineProps) -> Html {
    let lang = props.lang;
    let reader = props.reader.clone();
    let key = format!("baoku-offline:{}", reader.archive.manifest().dir);
    let total = all_files(&reader).len();
    let done = use_state(|| {
        storage()
            .and_then(|s| s.get_item(&key).ok().flatten())
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or(0)
            .min(total)
    });
    let state = use_state(|| Saving::Idle);
    let stop = use_mut_ref(|| Rc::new(Cell::new(false)));
    let supported =
        js_sys::Reflect::has(&gloo::utils::window().navigator(), &"serviceWorker".into())
            .unwrap_or(false);
    if !supported {
        return html! {};
    }
    let start = {
        let (done, state, stop, key) = (done.clone(), state.clone(), stop.clone(), key.clone());
        let reader = reader.clone();
        Callback::from(move |_: MouseEvent| {
            let flag = Rc::new(Cell::new(false));
            *stop.borrow_mut() = flag.clone();
            state.set(Saving::Running);
            let (done, state, key, reader) =
                (done.clone(), state.clone(), key.clone(), reader.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let files = all_files(&reader);
                let mut at = *done;
                while at < files.len() && !flag.get() {
                    let batch = &files[at..(at + 6).min(files.len())];
                    let got = join_all(batch.iter().map(|f| reader.fetch_file(f))).await;
                    if got.iter().any(Result::is_err) {
                        state.set(Saving::Failed);
                        return;
                    }
                    at += batch.len();
                    if let Some(s) = storage() {
                        let _ = s.set_item(&key, &at.to_string());
                    }
                    done.set(at);
                }
                state.set(Saving::Idle);
            });
        })
    };
    let pause = {
        let stop = stop.clone();
        Callback::from(move |_: MouseEvent| stop.borrow().set(true))
    };
    let bytes = reader.archive.manifest().total_bytes;
    // The service worker precaches a data folder this small whole.
    if bytes <= SMALL_DATA_BYTES {
        return html! {};
    }
    let tenths = bytes / 100_000;
    let pct = if total == 0 { 100 } else { *done * 100 / total };
    html! {
        <div class="bk-offline">
            if *done >= total {
                <span role="status">{ lang.t(Msg::OfflineDone) }</span>
            } else if *state == Saving::Running {
                <span role="status">{ format!("{} {pct}% ({}/{})", lang.t(Msg::OfflineSaving), *done, total) }</span>
                <progress max={total.to_string()} value={done.to_string()}></progress>
                <button onclick={pause}>{ lang.t(Msg::OfflinePause) }</button>
            } else {
                if *state == Saving::Failed { <span role="alert">{ lang.t(Msg::OfflineFailed) }</span> }
                <button onclick={start}>
                    { if *done > 0 { lang.t(Msg::OfflineResume) } else { lang.t(Msg::OfflineSave) } }
                    { format!(" ({}.{} MB)", tenths / 10, tenths % 10) }
                </button>
            }
        </div>
    }
}
