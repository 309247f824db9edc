//! The files a reader has fetched, and the ask–fetch–ask-again protocol
//! between the engine (which does no I/O) and whoever fetches: the browser
//! concurrently over HTTP, the CLI from disk, tests from memory.

use crate::data::DataError;
use std::collections::HashMap;

/// Files fetched so far, by path relative to the build folder.
pub trait Source {
    fn get(&self, rel: &str) -> Option<&[u8]>;
}

impl Source for crate::search::build::MemFiles {
    fn get(&self, rel: &str) -> Option<&[u8]> {
        self.0.get(rel).map(Vec::as_slice)
    }
}

/// A cache of fetched files: what a reader keeps between queries.
#[derive(Debug, Default, Clone)]
pub struct Store {
    files: HashMap<String, Vec<u8>>,
}

impl Store {
    pub fn insert(&mut self, rel: String, bytes: Vec<u8>) {
        self.files.insert(rel, bytes);
    }
}

impl Source for Store {
    fn get(&self, rel: &str) -> Option<&[u8]> {
        self.files.get(rel).map(Vec::as_slice)
    }
}

/// Either the answer, or the files (paths relative to the build folder)
/// that must be fetched before asking again.
#[derive(Debug, Clone, PartialEq)]
pub enum Step<T> {
    Done(T),
    Need(Vec<String>),
}

impl<T> Step<T> {
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Step<U> {
        match self {
            Step::Done(t) => Step::Done(f(t)),
            Step::Need(n) => Step::Need(n),
        }
    }
}

/// Ask, fetch what is missing with `fetch`, ask again, until done. For
/// readers whose files are at hand (the CLI, tests).
pub fn run_sync<T, E: From<DataError>>(
    store: &mut Store,
    mut ask: impl FnMut(&Store) -> Result<Step<T>, DataError>,
    mut fetch: impl FnMut(&str) -> Result<Vec<u8>, E>,
) -> Result<T, E> {
    // Each round fetches everything a stage needs: a search has at most
    // three stages (doc lists, positions, fragments); the bound guards
    // against a crafted index that keeps asking.
    for _ in 0..16 {
        match ask(store)? {
            Step::Done(t) => return Ok(t),
            Step::Need(paths) => {
                for p in paths {
                    let b = fetch(&p)?;
                    store.insert(p, b);
                }
            }
        }
    }
    Err(DataError::Malformed {
        what: "index".into(),
        detail: "a search kept asking for more files".into(),
    }
    .into())
}
