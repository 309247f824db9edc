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
    Version {
        what: String,
        found: u32,
        wanted: u32,
    },
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_json_versions_and_garbage() {
        assert!(PagesMeta::from_json(r#"{"format_version": 99, "pages": {}}"#).is_err());
        assert!(matches!(
            PagesMeta::from_json("{not json"),
            Err(DataError::Malformed { .. })
        ));
        assert!(matches!(
            PagesMeta::from_json("{}"),
            Err(DataError::Malformed { .. })
        ));
        let ok = PagesMeta::from_json(r#"{"format_version": 1}"#).unwrap();
        assert!(ok.pages.is_empty());
        assert!(PagesMeta::from_json(
            r#"{"format_version": 1, "pages": {"a.txt": {"date": "2025-02-30"}}}"#
        )
        .is_err());
    }
}
