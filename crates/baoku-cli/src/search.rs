//! `baoku search`: the request its flags describe, answered by the
//! browser's engine from a data folder (or an in-memory build of pages),
//! with suggestions when nothing is found.

use crate::pages::{fold_table, load_pages};
use anyhow::{bail, Context, Result};
use baoku_core::search::build::Options;
use baoku_core::search::{
    run_sync, Archive, Facet, MemFiles, SearchRequest, SearchResults, Sort, Store, Suggestion, Why,
};
use baoku_core::{Folder, Manifest};
use std::path::{Path, PathBuf};

/// Open a built data folder: only the manifest and meta are read now;
/// a search reads the chunks it needs, as the browser fetches them.
pub(crate) fn open_data(dir: &Path) -> Result<(Archive, PathBuf)> {
    let mp = dir.join("manifest.json");
    let s =
        std::fs::read_to_string(&mp).with_context(|| format!("cannot read {}", mp.display()))?;
    let m = Manifest::from_json(&s).with_context(|| format!("{} is not usable", mp.display()))?;
    let root = dir.join(&m.dir);
    let meta_path = root.join(baoku_core::search::format::paths::META);
    let meta = std::fs::read(&meta_path)
        .with_context(|| format!("cannot read {}", meta_path.display()))?;
    let ix = Archive::open(m, &meta)
        .with_context(|| format!("{} is not usable", meta_path.display()))?;
    Ok((ix, root))
}

/// The request the `search` flags describe; filters are `key=value` or
/// `key:value`.
pub(crate) fn search_request(
    query: String,
    limit: usize,
    sort: &str,
    filters: &[String],
    from: Option<String>,
    to: Option<String>,
) -> Result<SearchRequest> {
    let sort = Sort::from_key(sort)
        .with_context(|| format!("unknown sort {sort:?} (relevance, newest or oldest)"))?;
    let mut fs = Vec::new();
    for f in filters {
        let (k, v) = f
            .split_once(['=', ':'])
            .with_context(|| format!("filter {f:?} is not key=value or key:value"))?;
        let facet = Facet::from_key(k).with_context(|| {
            let keys: Vec<&str> = Facet::ALL.iter().map(|f| f.key()).collect();
            format!("unknown facet {k:?} ({})", keys.join(", "))
        })?;
        fs.push((facet, v.to_string()));
    }
    Ok(SearchRequest {
        query,
        filters: fs,
        from,
        to,
        sort,
        offset: 0,
        limit,
    })
}

pub(crate) fn search(
    req: &SearchRequest,
    pages: Option<&Path>,
    data: Option<&Path>,
    json: bool,
) -> Result<()> {
    // Both ways read through a store: the in-memory build is put in it
    // whole; a data folder's files are read as the engine asks for them.
    let (ix, mut store, root) = match (pages, data) {
        (Some(p), _) => {
            let a = load_pages(p, false)?;
            let table = fold_table(&a);
            let folder = Folder::with_table(&table);
            let mut files = MemFiles::default();
            let (m, _) = baoku_core::search::build::build(
                a,
                &folder,
                table,
                Options::default(),
                &mut files,
            )?;
            let meta = files
                .0
                .get(baoku_core::search::format::paths::META)
                .cloned()
                .unwrap_or_default();
            let ix = Archive::open(m, &meta)?;
            let mut store = Store::default();
            for (rel, bytes) in files.0 {
                store.insert(rel, bytes);
            }
            (ix, store, None)
        }
        (None, Some(d)) => {
            let (ix, root) = open_data(d)?;
            (ix, Store::default(), Some(root))
        }
        (None, None) => bail!("give --pages <dir> or --data <dir>"),
    };
    let fetch = |rel: &str| -> Result<Vec<u8>> {
        let Some(root) = &root else {
            bail!("the in-memory index lacks {rel}")
        };
        let p = root.join(rel);
        std::fs::read(&p).with_context(|| format!("cannot read {}", p.display()))
    };
    let res: SearchResults = run_sync(&mut store, |s| ix.search(s, req), &fetch)?;
    let suggestions = if res.total == 0 {
        run_sync(&mut store, |s| ix.suggest(s, req), &fetch)?
    } else {
        vec![]
    };
    let query = &req.query;
    if json {
        let hits: Vec<serde_json::Value> = res
            .hits
            .iter()
            .map(|h| {
                let a = &h.article;
                serde_json::json!({
                    "id": a.id,
                    "headline": a.headline,
                    "date": a.date,
                    "snippet": h.snippet,
                    "highlights": h.highlights.iter().map(|r| [r.0, r.1]).collect::<Vec<_>>(),
                })
            })
            .collect();
        let mut out = serde_json::json!({ "total": res.total, "hits": hits });
        if !suggestions.is_empty() {
            out["suggestions"] = suggestions.iter().map(suggestion_json).collect();
        }
        println!("{out}");
    } else {
        println!("{} result(s) for {query:?}", res.total);
        for s in &suggestions {
            println!("  try: {}  ({} result(s))", describe(s), s.total);
        }
        for h in &res.hits {
            let a = &h.article;
            println!(
                "\n{}  {}  [{}]",
                a.date.as_deref().unwrap_or("????-??-??"),
                a.display_title(),
                a.id
            );
            println!("    {}", h.snippet);
        }
    }
    Ok(())
}

/// A suggestion in words, with the flags that run it.
fn describe(s: &Suggestion) -> String {
    let r = &s.request;
    match &s.why {
        Why::SplitTerms => format!("{:?} (terms split)", r.query),
        Why::DropFilter(f, v) => format!("without --filter {}:{v}", f.key()),
        Why::DropDateRange => "without the date range".to_string(),
        Why::DropTerm(t) => format!("{:?} (without {t})", r.query),
    }
}

fn suggestion_json(s: &Suggestion) -> serde_json::Value {
    let (why, what) = match &s.why {
        Why::SplitTerms => ("split_terms", None),
        Why::DropFilter(f, v) => ("drop_filter", Some(format!("{}:{v}", f.key()))),
        Why::DropDateRange => ("drop_date_range", None),
        Why::DropTerm(t) => ("drop_term", Some(t.clone())),
    };
    let r = &s.request;
    serde_json::json!({
        "why": why,
        "what": what,
        "total": s.total,
        "query": r.query,
        "filters": r.filters.iter().map(|(f, v)| format!("{}:{v}", f.key())).collect::<Vec<_>>(),
        "from": r.from,
        "to": r.to,
    })
}
