//! `baoku`: turns a folder of newspaper page files into the widget's data,
//! exports articles as NDJSON, and searches from the shell with the same
//! engine the browser runs.

mod decode;
mod foldtable;
mod pages;
mod search;

use pages::{enrich, fold_table, load_page_reports, load_pages, print_page_summary};
#[cfg(test)]
use search::open_data;
use search::{search, search_request};
#[cfg(test)]
mod fuzz_tests;

use anyhow::{bail, Context, Result};
use baoku_core::search::build::Options;
use baoku_core::{Article, Folder, Manifest};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// `--encoding`: the encoding of page files that pages.json gives none for
/// (set once in `main`, read by `load_pages`).
static DEFAULT_ENCODING: OnceLock<&'static encoding_rs::Encoding> = OnceLock::new();

fn parse_encoding(label: &str) -> Result<&'static encoding_rs::Encoding, String> {
    decode::encoding_for_label(label).map_err(|e| e.to_string())
}

#[derive(Clone, Copy, ValueEnum)]
enum SortArg {
    Relevance,
    Newest,
    Oldest,
}

impl SortArg {
    fn as_str(self) -> &'static str {
        match self {
            SortArg::Relevance => "relevance",
            SortArg::Newest => "newest",
            SortArg::Oldest => "oldest",
        }
    }
}

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
    /// Segment every page file in PAGES and write the widget's static index to OUT.
    Build {
        pages: PathBuf,
        #[arg(long)]
        out: PathBuf,
        /// Encoding of the page files (default: detected), e.g. big5, gbk, utf-8.
        #[arg(long, value_parser = parse_encoding)]
        encoding: Option<&'static encoding_rs::Encoding>,
    },
    /// Print one JSON object per article (NDJSON) on stdout.
    Export {
        pages: PathBuf,
        /// Ignore dates in pages.json and infer them from the text.
        #[arg(long)]
        infer_dates: bool,
        /// Encoding of the page files (default: detected), e.g. big5, gbk, utf-8.
        #[arg(long, value_parser = parse_encoding)]
        encoding: Option<&'static encoding_rs::Encoding>,
    },
    /// Search the archive with the browser's engine.
    Search {
        /// The query (`-exclusion` works as is; `-` reads it from stdin).
        #[arg(allow_hyphen_values = true, required_unless_present = "query_file")]
        query: Option<String>,
        /// Read the query from a file (UTF-8).
        #[arg(long, conflicts_with = "query")]
        query_file: Option<PathBuf>,
        /// Encoding of the page files with --pages (default: detected).
        #[arg(long, value_parser = parse_encoding)]
        encoding: Option<&'static encoding_rs::Encoding>,
        #[arg(long, conflicts_with = "data", required_unless_present = "data")]
        pages: Option<PathBuf>,
        #[arg(long)]
        data: Option<PathBuf>,
        #[arg(long)]
        json: bool,
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[arg(long, value_enum, default_value = "relevance")]
        sort: SortArg,
        /// Facet filter, e.g. year=2025, place:临清市, day:2026-04-01, page:1,
        /// correspondent:X (repeatable; values of one facet are OR'ed).
        #[arg(long = "filter")]
        filters: Vec<String>,
        /// First issue date included: YYYY, YYYY-MM or YYYY-MM-DD.
        #[arg(long)]
        from: Option<String>,
        /// Last issue date included: YYYY, YYYY-MM (the whole month) or YYYY-MM-DD.
        #[arg(long)]
        to: Option<String>,
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
    quiet_broken_pipe();
    let cli = Cli::parse();
    let r = match cli.cmd {
        Cmd::Build {
            pages,
            out,
            encoding,
        } => {
            set_default_encoding(encoding);
            build(&pages, &out)
        }
        Cmd::Export {
            pages,
            infer_dates,
            encoding,
        } => {
            set_default_encoding(encoding);
            export(&pages, infer_dates)
        }
        Cmd::Search {
            query,
            query_file,
            encoding,
            pages,
            data,
            json,
            limit,
            sort,
            filters,
            from,
            to,
        } => {
            set_default_encoding(encoding);
            read_query(query, query_file.as_deref()).and_then(|query| {
                let req = search_request(query, limit, sort.as_str(), &filters, from, to)?;
                search(&req, pages.as_deref(), data.as_deref(), json)
            })
        }
        Cmd::SynthPages { pages, out, mb } => synth_pages(&pages, &out, mb),
    };
    if let Err(e) = r {
        if is_broken_pipe(&e) {
            // The reader went away (`baoku export | head -1`): end quietly, as grep does.
            std::process::exit(0);
        }
        eprintln!("baoku: error: {e:#}");
        std::process::exit(1);
    }
}

fn set_default_encoding(encoding: Option<&'static encoding_rs::Encoding>) {
    if let Some(e) = encoding {
        let _ = DEFAULT_ENCODING.set(e);
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind())
                .is_some_and(|k| k == std::io::ErrorKind::BrokenPipe)
    })
}

/// `println!` panics when stdout is a closed pipe; that is the reader's
/// choice, not an error: exit 0 without a message.
fn quiet_broken_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let msg = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if msg.contains("failed printing to stdout") && msg.contains("Broken pipe") {
            std::process::exit(0);
        }
        default(info);
    }));
}

/// The query argument, `-` for stdin, or the contents of `--query-file`.
fn read_query(query: Option<String>, file: Option<&Path>) -> Result<String> {
    let text = match (query.as_deref(), file) {
        (_, Some(f)) => std::fs::read_to_string(f)
            .with_context(|| format!("cannot read query file {}", f.display()))?,
        (Some("-"), None) => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .context("cannot read the query from stdin (UTF-8 expected)")?;
            s
        }
        (Some(q), None) => return Ok(q.to_string()),
        (None, None) => bail!("give a query, `-` to read it from stdin, or --query-file"),
    };
    // A trailing newline or BOM from a file is not part of the query.
    let q = text
        .trim_start_matches('\u{feff}')
        .trim_end_matches(['\n', '\r']);
    Ok(q.to_string())
}

/// Removes `*.tmp` files that killed or failed builds left in `out`.
fn remove_stale_tmp(out: &Path) -> Result<usize> {
    let mut removed = 0;
    for e in std::fs::read_dir(out)
        .with_context(|| format!("cannot read {}", out.display()))?
        .flatten()
    {
        let is_tmp = e.path().extension().is_some_and(|x| x == "tmp");
        if is_tmp && e.file_type().is_ok_and(|t| t.is_file()) {
            std::fs::remove_file(e.path())
                .with_context(|| format!("cannot remove stale {}", e.path().display()))?;
            removed += 1;
        }
    }
    Ok(removed)
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

/// Writes a build folder's files under `root` (parents created as needed).
struct DirSink {
    root: PathBuf,
}

impl baoku_core::search::Sink for DirSink {
    fn put(&mut self, rel: &str, bytes: &[u8]) -> std::io::Result<()> {
        let p = self.root.join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(p, bytes)
    }
}

/// The build folder the current manifest in `out` points to, if any.
fn current_dir(out: &Path) -> Option<String> {
    let s = std::fs::read_to_string(out.join("manifest.json")).ok()?;
    Manifest::from_json(&s).ok().map(|m| m.dir)
}

fn build(pages: &Path, out: &Path) -> Result<()> {
    let reports = load_page_reports(pages, false)?;
    print_page_summary(&reports);
    let mut articles: Vec<Article> = reports.into_iter().flat_map(|(_, r)| r.articles).collect();
    enrich(&mut articles);
    let table = fold_table(&articles);
    let folder = Folder::with_table(&table);
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let previous = current_dir(out);
    // Everything goes into a staging folder, renamed into place whole; the
    // manifest is switched last, so readers see the old data or the new.
    let staging = out.join(format!(".building-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&staging);
    let mut sink = DirSink {
        root: staging.clone(),
    };
    let built =
        baoku_core::search::build::build(articles, &folder, table, Options::default(), &mut sink);
    let (manifest, _) = match built {
        Ok(b) => b,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(anyhow::Error::new(e)
                .context(format!("building the index in {}", staging.display())));
        }
    };
    let dir = out.join(&manifest.dir);
    if dir.exists() {
        // The same content was built before: keep it.
        std::fs::remove_dir_all(&staging)?;
    } else {
        std::fs::rename(&staging, &dir)
            .with_context(|| format!("cannot move {} into place", dir.display()))?;
    }
    let json = serde_json::to_string(&manifest)?;
    write_atomic(&out.join("manifest.json"), json.as_bytes())?;
    remove_stale_tmp(out)?;
    // Keep this build and the previous one (pages still loading it may ask
    // for its files); remove older builds, old-format shards and leftovers.
    for e in std::fs::read_dir(out)?.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let stale_build =
            name.starts_with("idx-") && name != manifest.dir && Some(&name) != previous.as_ref();
        let leftover = name.starts_with(".building-") || name.ends_with(".tmp");
        let old_shard = name.starts_with("articles-") && name.ends_with(".json");
        if stale_build || leftover {
            let _ = std::fs::remove_dir_all(e.path()).or_else(|_| std::fs::remove_file(e.path()));
        } else if old_shard {
            let _ = std::fs::remove_file(e.path());
        }
    }
    eprintln!(
        "baoku: {} articles from {} into {}/{} ({} gram chunks, {} position chunks, {:.1} MB, fold table {} entries)",
        manifest.article_count,
        pages.display(),
        out.display(),
        manifest.dir,
        manifest.gram_chunks,
        manifest.pos_chunks,
        manifest.total_bytes as f64 / 1e6,
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
        seeds.push(decode::read_page(f, None)?);
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
