//! Versioned JSON shared by the build and its readers: the error type for
//! data that does not load, and `pages.json`, the newsroom's input
//! metadata, which has its own format version ([`PAGES_FORMAT_VERSION`]),
//! separate from the index files' ([`crate::search::format::FORMAT_VERSION`]).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Version of `pages.json` (input), independent of the output data's.
pub const PAGES_FORMAT_VERSION: u32 = 1;

#[derive(Debug)]
pub enum DataError {
    /// Not JSON, or JSON of the wrong shape.
    Malformed { what: String, detail: String },
    /// Written by a different version of Baoku.
    Version { what: String, found: u32, wanted: u32 },
}

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DataError::Malformed { what, detail } => write!(f, "{what} is not valid Baoku data: {detail}"),
            DataError::Version { what, found, wanted } => write!(
                f,
                "{what} has format version {found}, but this version of Baoku reads version {wanted}; rebuild the data"
            ),
        }
    }
}

impl std::error::Error for DataError {}

#[derive(Deserialize)]
struct VersionProbe {
    format_version: Option<u32>,
}

pub(crate) fn parse_versioned<T: serde::de::DeserializeOwned>(
    what: &str,
    json: &str,
    version: u32,
) -> Result<T, DataError> {
    // Check the version first so an old file says "rebuild", not "bad field".
    let probe: VersionProbe = serde_json::from_str(json).map_err(|e| DataError::Malformed {
        what: what.to_string(),
        detail: e.to_string(),
    })?;
    match probe.format_version {
        Some(v) if v == version => {}
        Some(found) => {
            return Err(DataError::Version {
                what: what.to_string(),
                found,
                wanted: version,
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

/// `pages.json` beside the page files: what the newsroom knows per file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PagesMeta {
    pub format_version: u32,
    #[serde(default)]
    pub pages: BTreeMap<String, crate::model::PageMeta>,
}

impl PagesMeta {
    pub fn from_json(json: &str) -> Result<PagesMeta, DataError> {
        let m: PagesMeta = parse_versioned("pages.json", json, PAGES_FORMAT_VERSION)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_json_versions_and_garbage() {
        let e = PagesMeta::from_json(r#"{"format_version": 99, "pages": {}}"#).unwrap_err();
        assert!(matches!(e, DataError::Version { found: 99, wanted: 1, .. }));
        assert!(e.to_string().contains("rebuild"));
        assert!(matches!(PagesMeta::from_json("{not json"), Err(DataError::Malformed { .. })));
        assert!(matches!(PagesMeta::from_json("{}"), Err(DataError::Malformed { .. })));
        let ok = PagesMeta::from_json(r#"{"format_version": 1}"#).unwrap();
        assert!(ok.pages.is_empty());
        assert!(PagesMeta::from_json(
            r#"{"format_version": 1, "pages": {"a.txt": {"date": "2025-02-30"}}}"#
        )
        .is_err());
    }
}
