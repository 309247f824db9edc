//! Reading a folder of page files: decoding (with pages.json and
//! `--encoding`), segmentation per file in parallel, the per-file summary,
//! build-time enrichment, and the fold table computed for the corpus.

use crate::{decode, foldtable, DEFAULT_ENCODING};
use anyhow::{bail, Context, Result};
use baoku_core::data::PagesMeta;
use baoku_core::{segment, Article};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Amounts, documents, organisations, people, related articles and
/// continuation links (build time only; the browser reads the results).
pub(crate) fn enrich(articles: &mut [Article]) {
    baoku_core::enrich::enrich_all(articles);
}

/// Page files in `dir`, sorted by name, with the metadata for each.
pub(crate) fn load_pages(dir: &Path, infer_dates: bool) -> Result<Vec<Article>> {
    let mut articles: Vec<Article> = load_page_reports(dir, infer_dates)?
        .into_iter()
        .flat_map(|(_, r)| r.articles)
        .collect();
    enrich(&mut articles);
    Ok(articles)
}

/// One line per page file on stderr: articles, characters kept, characters
/// dropped as furniture; a warning for a file that yields no article.
pub(crate) fn print_page_summary(reports: &[(String, segment::PageReport)]) {
    for (name, r) in reports {
        eprintln!(
            "{name}: {} articles, {} characters kept, {} dropped as furniture",
            r.articles.len(),
            r.kept_chars(),
            r.dropped_chars()
        );
        if r.articles.is_empty() {
            eprintln!("baoku: warning: {name} yields no article");
        }
    }
}

/// Like `load_pages`, keeping each file's segmentation report.
pub(crate) fn load_page_reports(
    dir: &Path,
    infer_dates: bool,
) -> Result<Vec<(String, segment::PageReport)>> {
    let mut meta = read_pages_meta(dir)?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read pages folder {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x.eq_ignore_ascii_case("txt")))
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("no page files (*.txt) in {}", dir.display());
    }
    check_id_collisions(&files)?;
    // Pages are independent: segment them on every core, keep file order.
    let jobs: Vec<(PathBuf, String, baoku_core::PageMeta)> = files
        .iter()
        .map(|f| {
            let name = f
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let mut m = meta.pages.remove(&name).unwrap_or_default();
            if infer_dates {
                m.date = None;
            }
            (f.clone(), name, m)
        })
        .collect();
    let encodings = &page_encodings(dir, &jobs)?;
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(jobs.len().max(1));
    let chunk = jobs.len().div_ceil(threads);
    let results: Vec<Result<(String, segment::PageReport), String>> = std::thread::scope(|sc| {
        let handles: Vec<_> = jobs
            .chunks(chunk.max(1))
            .map(|part| {
                sc.spawn(move || {
                    part.iter()
                        .map(|(f, name, m)| {
                            decode::read_page(f, encodings.get(name.as_str()).copied())
                                .map(|text| {
                                    (name.clone(), segment::segment_page_report(name, &text, m))
                                })
                                .map_err(|e| format!("{e:#}"))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|_| vec![Err("a worker thread panicked".into())])
            })
            .collect()
    });
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(a) => out.push(a),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        // Refuse the whole build: a partial archive would silently lose pages.
        bail!(
            "{} page file(s) could not be read:\n  {}",
            errors.len(),
            errors.join("\n  ")
        );
    }
    Ok(out)
}

/// The fold table for this corpus: its characters, and the variant classes
/// its adjacent Han pairs reveal.
pub(crate) fn fold_table(articles: &[Article]) -> std::collections::BTreeMap<char, String> {
    let mut pairs = BTreeSet::new();
    let mut each = |s: &str| {
        let mut prev: Option<char> = None;
        for c in s.chars() {
            let han = baoku_core::text::is_han(c);
            if let (Some(p), true) = (prev, han) {
                pairs.insert((p, c));
            }
            prev = han.then_some(c);
        }
    };
    for a in articles {
        for s in [&a.kicker, &a.headline, &a.subheadline]
            .into_iter()
            .flatten()
        {
            each(s);
        }
        for p in &a.paragraphs {
            each(p);
        }
    }
    foldtable::FullFold::new(&pairs).table_for(&corpus_chars(articles))
}

/// `pages.json` in `dir`, if there is one (a dangling symlink is an error,
/// not a missing file).
pub(crate) fn read_pages_meta(dir: &Path) -> Result<PagesMeta> {
    let meta_path = dir.join("pages.json");
    if std::fs::symlink_metadata(&meta_path).is_err() {
        return Ok(PagesMeta::default());
    }
    let s = std::fs::read_to_string(&meta_path)
        .with_context(|| format!("cannot read {}", meta_path.display()))?;
    PagesMeta::from_json(&s).with_context(|| format!("{}", meta_path.display()))
}

/// The explicit encoding of each page file: its pages.json entry, else `--encoding`.
pub(crate) fn page_encodings<'a>(
    dir: &Path,
    jobs: &'a [(PathBuf, String, baoku_core::PageMeta)],
) -> Result<BTreeMap<&'a str, &'static encoding_rs::Encoding>> {
    let mut out = BTreeMap::new();
    for (_, name, m) in jobs {
        let enc = match &m.encoding {
            Some(label) => decode::encoding_for_label(label).with_context(|| {
                format!(
                    "{}: \"encoding\" for {name}",
                    dir.join("pages.json").display()
                )
            })?,
            None => match DEFAULT_ENCODING.get() {
                Some(e) => e,
                None => continue,
            },
        };
        out.insert(name.as_str(), enc);
    }
    Ok(out)
}

/// Article ids start with the page file's stem: two files whose names give
/// the same stem (`x.txt` and `x.TXT`, or two non-UTF-8 names that read the
/// same) would give the same ids. Refuse that, naming both files.
pub(crate) fn check_id_collisions(files: &[PathBuf]) -> Result<()> {
    let mut seen: BTreeMap<String, &Path> = BTreeMap::new();
    let mut clashes = Vec::new();
    for f in files {
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stem = name
            .rsplit_once('.')
            .map_or(name.as_str(), |(s, _)| s)
            .to_string();
        if let Some(other) = seen.get(&stem) {
            clashes.push(format!(
                "{:?} and {:?} would give the same article ids ({stem}-…)",
                other.file_name().unwrap_or_default(),
                f.file_name().unwrap_or_default()
            ));
        } else {
            seen.insert(stem, f);
        }
    }
    if !clashes.is_empty() {
        bail!(
            "page file names collide; rename one of each pair:\n  {}",
            clashes.join("\n  ")
        );
    }
    Ok(())
}

pub(crate) fn corpus_chars(articles: &[Article]) -> BTreeSet<char> {
    let mut set = BTreeSet::new();
    for a in articles {
        for s in [&a.kicker, &a.headline, &a.subheadline]
            .into_iter()
            .flatten()
        {
            set.extend(s.chars());
        }
        for n in a.names() {
            set.extend(n.chars());
        }
        for p in &a.paragraphs {
            set.extend(p.chars());
        }
    }
    set
}
