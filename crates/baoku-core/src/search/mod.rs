//! Search, split by concern the way tantivy separates postings, query,
//! collector and snippet:
//!
//! - [`query`]: the query language, facets, sort orders, requests, results;
//! - [`format`]: the static index's files, defined once (manifest, meta,
//!   gram and position chunks, fragments, id buckets) with their version;
//! - [`codec`]: the bounds-checked varint codec under the binary files;
//! - [`build`]: articles → the files of one build folder, streamed;
//! - [`engine`]: answering a query from the chunks it needs, asking for
//!   the ones not fetched yet (the browser and the CLI share it);
//! - [`snippet`]: passages and highlights mapped back through folding;
//! - `reference`: the plain oracle the tests compare against (feature
//!   `oracle`, not in the public API otherwise).

pub mod build;
pub mod codec;
pub mod engine;
pub mod format;
pub mod query;
#[cfg(any(test, feature = "oracle"))]
pub mod reference;
pub mod snippet;
pub mod store;

pub use build::{searchable_text, MemFiles, Sink};
pub use engine::{is_date_bound, Archive};
pub use format::{Manifest, FORMAT_VERSION};
pub use query::{
    kind_from_str, natural_cmp, Facet, Hit, Query, SearchRequest, SearchResults, Sort, Suggestion,
    Why,
};
pub use snippet::{highlight_parts, snippet};
pub use store::{run_sync, Source, Step, Store};
