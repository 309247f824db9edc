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

/// Version of `pages.json`, the newsroom's input file; independent of the
/// output data's [`FORMAT_VERSION`].
pub const PAGES_FORMAT_VERSION: u32 = 1;

/// Issue dates Baoku accepts in pages.json (years, inclusive).
pub const PAGE_YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

/// `pages.json` beside the page files: what the newsroom knows per file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PagesMeta {
    pub format_version: u32,
    #[serde(default)]
    pub pages: BTreeMap<String, crate::model::PageMeta>,
}

impl PagesMeta {
    /// Parses pages.json (a leading byte order mark is fine).
    pub fn from_json(json: &str) -> Result<PagesMeta, DataError> {
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        let malformed = |detail: String| DataError::Malformed {
            what: "pages.json".into(),
            detail,
        };
        let probe: VersionProbe =
            serde_json::from_str(json).map_err(|e| malformed(e.to_string()))?;
        match probe.format_version {
            Some(PAGES_FORMAT_VERSION) => {}
            Some(found) => {
                return Err(malformed(format!(
                    "format_version {found} is not supported (this version of Baoku reads pages.json version {PAGES_FORMAT_VERSION})"
                )))
            }
            None => return Err(malformed("no format_version field".into())),
        }
        let m: PagesMeta = serde_json::from_str(json).map_err(|e| malformed(e.to_string()))?;
        for (file, meta) in &m.pages {
            if let Some(d) = &meta.date {
                match crate::dates::Ymd::parse(d) {
                    None => {
                        return Err(malformed(format!(
                            "date {d:?} for {file} is not a YYYY-MM-DD calendar date"
                        )))
                    }
                    Some(ymd) if !PAGE_YEARS.contains(&ymd.y) => {
                        return Err(malformed(format!(
                            "date {d:?} for {file} is outside the years {}–{}",
                            PAGE_YEARS.start(),
                            PAGE_YEARS.end()
                        )))
                    }
                    Some(_) => {}
                }
            }
        }
        Ok(m)
    }
}

#[cfg(test)]
mod pages_tests {
    use super::*;

    #[test]
    fn pages_json_bom_version_and_date_range() {
        let ok = "\u{feff}{\"format_version\": 1, \"pages\": {\"a.txt\": {\"date\": \"1800-01-01\", \"encoding\": \"big5\"}}}";
        let m = PagesMeta::from_json(ok).unwrap();
        assert_eq!(m.pages["a.txt"].encoding.as_deref(), Some("big5"));
        for (date, ok) in [
            ("2200-12-31", true),
            ("1799-12-31", false),
            ("2201-01-01", false),
            ("99999-01-01", false),
        ] {
            let j = format!(
                "{{\"format_version\": 1, \"pages\": {{\"a.txt\": {{\"date\": \"{date}\"}}}}}}"
            );
            let r = PagesMeta::from_json(&j);
            assert_eq!(r.is_ok(), ok, "{date}: {r:?}");
            if let Err(e) = r {
                assert!(
                    e.to_string().contains(date) && e.to_string().contains("1800"),
                    "{e}"
                );
            }
        }
        let e = PagesMeta::from_json("{\"format_version\": 7}").unwrap_err();
        assert!(e.to_string().contains("pages.json version 1"), "{e}");
    }
}
