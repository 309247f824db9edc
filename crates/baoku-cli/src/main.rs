//! `baoku`: turns a folder of newspaper page files into the widget's data,
//! exports articles as NDJSON, and searches from the shell with the same
//! engine the browser runs.

mod decode;
mod foldtable;

use anyhow::{bail, Context, Result};
use baoku_core::data::{PagesMeta, ShardRef};
use baoku_core::search::{Facet, SearchRequest, Sort};
use baoku_core::{segment, Article, Folder, Index, Manifest, Shard, FORMAT_VERSION};
use clap::{Parser, Subcommand};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Parser)]
#[command(
    name = "baoku",
    version,
    about = "Baoku newspaper archive: build, export and search"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Segment every page file in PAGES and write the widget's JSON data to OUT.
    Build {
        pages: PathBuf,
        #[arg(long)]
        out: PathBuf,
        /// Articles per shard file.
        #[arg(long, default_value_t = 2000)]
        shard_size: usize,
    },
    /// Print one JSON object per article (NDJSON) on stdout.
    Export {
        pages: PathBuf,
        /// Ignore dates in pages.json and infer them from the text.
        #[arg(long)]
        infer_dates: bool,
    },
    /// Search the archive with the browser's engine.
    Search {
        query: String,
        #[arg(long, conflicts_with = "data", required_unless_present = "data")]
        pages: Option<PathBuf>,
        #[arg(long)]
        data: Option<PathBuf>,
        #[arg(long)]
        json: bool,
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// relevance, newest or oldest.
        #[arg(long, default_value = "relevance")]
        sort: String,
        /// Facet filter, e.g. year=2025 or place=临清市 (repeatable).
        #[arg(long = "filter")]
        filters: Vec<String>,
    },
    /// Write synthetic page files grown from PAGES (for scale tests and benchmarks).
    SynthPages {
        pages: PathBuf,
        #[arg(long)]
        out: PathBuf,
        /// Megabytes of page text to write.
        #[arg(long, default_value_t = 40)]
        mb: usize,
    },
}

fn main() {
    let cli = Cli::parse();
    let r = match cli.cmd {
        Cmd::Build {
            pages,
            out,
            shard_size,
        } => build(&pages, &out, shard_size),
        Cmd::Export { pages, infer_dates } => export(&pages, infer_dates),
        Cmd::Search {
            query,
            pages,
            data,
            json,
            limit,
            sort,
            filters,
        } => search(
            &query,
            pages.as_deref(),
            data.as_deref(),
            json,
            limit,
            &sort,
            &filters,
        ),
        Cmd::SynthPages { pages, out, mb } => synth_pages(&pages, &out, mb),
    };
    if let Err(e) = r {
        eprintln!("baoku: error: {e:#}");
        std::process::exit(1);
    }
}

/// Page files in `dir`, sorted by name, with the metadata for each.
fn load_pages(dir: &Path, infer_dates: bool) -> Result<Vec<Article>> {
    Ok(load_page_reports(dir, infer_dates)?
        .into_iter()
        .flat_map(|(_, r)| r.articles)
        .collect())
}

/// One line per page file on stderr: articles, characters kept, characters
/// dropped as furniture; a warning for a file that yields no article.
fn print_page_summary(reports: &[(String, segment::PageReport)]) {
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
fn load_page_reports(dir: &Path, infer_dates: bool) -> Result<Vec<(String, segment::PageReport)>> {
    let meta_path = dir.join("pages.json");
    let mut meta = if meta_path.exists() {
        let s = std::fs::read_to_string(&meta_path)
            .with_context(|| format!("cannot read {}", meta_path.display()))?;
        PagesMeta::from_json(&s).map_err(|e| anyhow::anyhow!("{}: {e}", meta_path.display()))?
    } else {
        PagesMeta::default()
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read pages folder {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x.eq_ignore_ascii_case("txt")))
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("no page files (*.txt) in {}", dir.display());
    }
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
                            decode::read_page(f)
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

fn corpus_chars(articles: &[Article]) -> BTreeSet<char> {
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

fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_extension("tmp");
    {
        let mut f = std::fs::File::create(&tmp)
            .with_context(|| format!("cannot create {}", tmp.display()))?;
        f.write_all(bytes)?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, path)
        .with_context(|| format!("cannot move {} into place", path.display()))?;
    Ok(())
}

fn build(pages: &Path, out: &Path, shard_size: usize) -> Result<()> {
    let reports = load_page_reports(pages, false)?;
    print_page_summary(&reports);
    let articles: Vec<Article> = reports.into_iter().flat_map(|(_, r)| r.articles).collect();
    let table = foldtable::FullFold::new().table_for(&corpus_chars(&articles));
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let mut shards = Vec::new();
    for chunk in articles.chunks(shard_size.max(1)) {
        let shard = Shard {
            format_version: FORMAT_VERSION,
            articles: chunk.to_vec(),
        };
        let json = serde_json::to_string(&shard)?;
        let hash = baoku_core::text::fnv1a(json.as_bytes());
        let file = format!("articles-{hash:016x}.json");
        write_atomic(&out.join(&file), json.as_bytes())?;
        shards.push(ShardRef {
            file,
            articles: chunk.len(),
            bytes: json.len(),
        });
    }
    let manifest = Manifest {
        format_version: FORMAT_VERSION,
        article_count: articles.len(),
        shards,
        fold: table,
    };
    let json = serde_json::to_string(&manifest)?;
    // The manifest goes last: until it is renamed into place, readers see the old data.
    write_atomic(&out.join("manifest.json"), json.as_bytes())?;
    let keep: BTreeSet<&str> = manifest.shards.iter().map(|s| s.file.as_str()).collect();
    for e in std::fs::read_dir(out)?.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with("articles-") && name.ends_with(".json") && !keep.contains(name.as_str())
        {
            let _ = std::fs::remove_file(e.path());
        }
    }
    eprintln!(
        "baoku: {} articles from {} into {} ({} shard(s), fold table {} entries)",
        manifest.article_count,
        pages.display(),
        out.display(),
        manifest.shards.len(),
        manifest.fold.len()
    );
    Ok(())
}

fn synth_pages(pages: &Path, out: &Path, mb: usize) -> Result<()> {
    let mut seeds = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(pages)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for f in &files {
        seeds.push(decode::read_page(f)?);
    }
    std::fs::create_dir_all(out)?;
    let pages = baoku_core::synth::pages(&seeds, mb << 20, 7);
    for (i, p) in pages.iter().enumerate() {
        write_atomic(&out.join(format!("synth-{i:05}.txt")), p.as_bytes())?;
    }
    eprintln!(
        "baoku: wrote {} synthetic pages ({mb} MB) to {}",
        pages.len(),
        out.display()
    );
    Ok(())
}

fn export(pages: &Path, infer_dates: bool) -> Result<()> {
    let articles = load_pages(pages, infer_dates)?;
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    for a in &articles {
        serde_json::to_writer(&mut w, a)?;
        w.write_all(b"\n")?;
    }
    w.flush()?;
    Ok(())
}

fn load_data(dir: &Path) -> Result<(Vec<Article>, Folder)> {
    let mp = dir.join("manifest.json");
    let s =
        std::fs::read_to_string(&mp).with_context(|| format!("cannot read {}", mp.display()))?;
    let m = Manifest::from_json(&s).map_err(|e| anyhow::anyhow!("{}: {e}", mp.display()))?;
    let mut arts = Vec::with_capacity(m.article_count);
    for r in &m.shards {
        let p = dir.join(&r.file);
        let s =
            std::fs::read_to_string(&p).with_context(|| format!("cannot read {}", p.display()))?;
        let sh = Shard::from_json(&r.file, &s).map_err(|e| anyhow::anyhow!("{e}"))?;
        arts.extend(sh.articles);
    }
    Ok((arts, Folder::with_table(&m.fold)))
}

fn search(
    query: &str,
    pages: Option<&Path>,
    data: Option<&Path>,
    json: bool,
    limit: usize,
    sort: &str,
    filters: &[String],
) -> Result<()> {
    let (articles, folder) = match (pages, data) {
        (Some(p), _) => {
            let a = load_pages(p, false)?;
            let t = foldtable::FullFold::new().table_for(&corpus_chars(&a));
            (a, Folder::with_table(&t))
        }
        (None, Some(d)) => load_data(d)?,
        (None, None) => bail!("give --pages <dir> or --data <dir>"),
    };
    let mut fs = Vec::new();
    for f in filters {
        let (k, v) = f
            .split_once('=')
            .with_context(|| format!("filter {f:?} is not key=value"))?;
        let facet = Facet::from_key(k).with_context(|| {
            format!("unknown facet {k:?} (year, month, kind, place, reporter, publication)")
        })?;
        fs.push((facet, v.to_string()));
    }
    let index = Index::new(articles, folder);
    let res = index.search(&SearchRequest {
        query: query.to_string(),
        filters: fs,
        sort: Sort::parse(sort),
        offset: 0,
        limit,
    });
    if json {
        let hits: Vec<serde_json::Value> = res
            .hits
            .iter()
            .map(|h| {
                let a = &index.articles()[h.doc];
                serde_json::json!({
                    "id": a.id,
                    "headline": a.headline,
                    "date": a.date,
                    "snippet": h.snippet,
                    "highlights": h.highlights.iter().map(|r| [r.0, r.1]).collect::<Vec<_>>(),
                })
            })
            .collect();
        println!(
            "{}",
            serde_json::json!({ "total": res.total, "hits": hits })
        );
    } else {
        println!("{} result(s) for {query:?}", res.total);
        for h in &res.hits {
            let a = &index.articles()[h.doc];
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
