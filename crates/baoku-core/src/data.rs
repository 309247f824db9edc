//! The JSON the widget loads: a manifest naming the shards, and shards of
//! articles. Every file carries `format_version`; the manifest also carries
//! the fold table so the browser folds exactly as the build did.

use crate::model::Article;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Bump when a change would make an older app misread the data.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShardRef {
    /// File name relative to the manifest, content-hashed.
    pub file: String,
    pub articles: usize,
    pub bytes: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format_version: u32,
    pub article_count: usize,
    pub shards: Vec<ShardRef>,
    /// Characters that fold to something else (traditional → simplified,
    /// compatibility forms), restricted to what can match this corpus.
    #[serde(default)]
    pub fold: BTreeMap<char, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shard {
    pub format_version: u32,
    pub articles: Vec<Article>,
}

#[derive(Debug)]
pub enum DataError {
    /// Not JSON, or JSON of the wrong shape.
    Malformed { what: String, detail: String },
    /// Written by a different version of Baoku.
    Version { what: String, found: u32 },
}

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DataError::Malformed { what, detail } => write!(f, "{what} is not valid Baoku data: {detail}"),
            DataError::Version { what, found } => write!(
                f,
                "{what} has data format version {found}, but this version of Baoku reads version {FORMAT_VERSION}; rebuild the data"
            ),
        }
    }
}

impl std::error::Error for DataError {}

#[derive(Deserialize)]
struct VersionProbe {
    format_version: Option<u32>,
}

fn parse_versioned<T: serde::de::DeserializeOwned>(what: &str, json: &str) -> Result<T, DataError> {
    // Check the version first so an old file says "rebuild", not "bad field".
    let probe: VersionProbe = serde_json::from_str(json).map_err(|e| DataError::Malformed {
        what: what.to_string(),
        detail: e.to_string(),
    })?;
    match probe.format_version {
        Some(FORMAT_VERSION) => {}
        Some(found) => {
            return Err(DataError::Version {
                what: what.to_string(),
                found,
            })
        }
        None => {
            return Err(DataError::Malformed {
                what: what.to_string(),
                detail: "no format_version field".into(),
            })
        }
    }
    serde_json::from_str(json).map_err(|e| DataError::Malformed {
        what: what.to_string(),
        detail: e.to_string(),
    })
}

impl Manifest {
    pub fn from_json(json: &str) -> Result<Manifest, DataError> {
        parse_versioned("manifest.json", json)
    }
}

impl Shard {
    pub fn from_json(name: &str, json: &str) -> Result<Shard, DataError> {
        parse_versioned(name, json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_other_versions_and_garbage() {
        let e = Manifest::from_json(r#"{"format_version": 99, "article_count": 0, "shards": []}"#)
            .unwrap_err();
        assert!(matches!(e, DataError::Version { found: 99, .. }));
        assert!(e.to_string().contains("rebuild"));
        assert!(matches!(
            Manifest::from_json("{not json"),
            Err(DataError::Malformed { .. })
        ));
        assert!(matches!(
            Manifest::from_json("{}"),
            Err(DataError::Malformed { .. })
        ));
        let ok = Manifest::from_json(r#"{"format_version": 1, "article_count": 0, "shards": []}"#)
            .unwrap();
        assert!(ok.fold.is_empty());
    }
}

/// `pages.json` beside the page files: what the newsroom knows per file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PagesMeta {
    pub format_version: u32,
    #[serde(default)]
    pub pages: BTreeMap<String, crate::model::PageMeta>,
}

impl PagesMeta {
    pub fn from_json(json: &str) -> Result<PagesMeta, DataError> {
        let m: PagesMeta = parse_versioned("pages.json", json)?;
        for (file, meta) in &m.pages {
            if let Some(d) = &meta.date {
                if crate::dates::Ymd::parse(d).is_none() {
                    return Err(DataError::Malformed {
                        what: "pages.json".into(),
                        detail: format!("date {d:?} for {file} is not a YYYY-MM-DD calendar date"),
                    });
                }
            }
        }
        Ok(m)
    }
}
