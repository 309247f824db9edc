pub mod extras;
pub mod facets;
pub mod highlighted;
pub mod offline;
pub mod result_list;
pub mod roving;
pub mod search_box;
pub mod timeline;
