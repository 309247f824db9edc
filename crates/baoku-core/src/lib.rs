//! Baoku's core: the article model, text folding, the page segmenter and the
//! substring search engine.
//!
//! It has no web or OS dependencies so that the native `baoku` CLI and the
//! WebAssembly widget run exactly the same normalization and search code:
//! a query typed in the browser finds what `baoku search` finds.

pub mod data;
pub mod dates;
pub mod enrich;
pub mod export;
pub mod fold;
pub mod gazetteer;
pub mod model;
pub mod search;
pub mod segment;
pub mod synth;
pub mod text;

pub use data::{DataError, PagesMeta};
pub use fold::Folder;
pub use model::{Article, Kind, PageMeta};
pub use search::{Archive, Manifest, Query, SearchRequest, SearchResults, Sort, FORMAT_VERSION};
