//! `baoku`: turns a folder of newspaper page files into the widget's data,
//! exports articles as NDJSON, and searches from the shell with the same
//! engine the browser runs.

mod decode;
mod foldtable;
#[cfg(test)]
mod fuzz_tests;

use anyhow::{bail, Context, Result};
use baoku_core::data::{PagesMeta, ShardRef};
use baoku_core::search::{Facet, SearchRequest, Sort};
use baoku_core::{segment, Article, Folder, Index, Manifest, Shard, FORMAT_VERSION};
use clap::{Parser, Subcommand, ValueEnum};
use std::collections::{BTreeMap, BTreeSet};
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
    /// Segment every page file in PAGES and write the widget's JSON data to OUT.
    Build {
        pages: PathBuf,
        #[arg(long)]
        out: PathBuf,
        /// Articles per shard file.
        #[arg(long, default_value_t = 2000)]
        shard_size: usize,
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
    quiet_broken_pipe();
    let cli = Cli::parse();
    let r = match cli.cmd {
        Cmd::Build {
            pages,
            out,
            shard_size,
            encoding,
        } => {
            set_default_encoding(encoding);
            build(&pages, &out, shard_size)
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
        } => {
            set_default_encoding(encoding);
            read_query(query, query_file.as_deref()).and_then(|query| {
                search(
                    &query,
                    pages.as_deref(),
                    data.as_deref(),
                    json,
                    limit,
                    sort.as_str(),
                    &filters,
                )
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

/// Page files in `dir`, sorted by name, with the metadata for each.
fn load_pages(dir: &Path, infer_dates: bool) -> Result<Vec<Article>> {
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
    let results: Vec<Result<Vec<Article>, String>> = std::thread::scope(|sc| {
        let handles: Vec<_> = jobs
            .chunks(chunk.max(1))
            .map(|part| {
                sc.spawn(move || {
                    part.iter()
                        .map(|(f, name, m)| {
                            decode::read_page(f, encodings.get(name.as_str()).copied())
                                .map(|text| segment::segment_page(name, &text, m))
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
            Ok(a) => out.extend(a),
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

/// `pages.json` in `dir`, if there is one (a dangling symlink is an error,
/// not a missing file).
fn read_pages_meta(dir: &Path) -> Result<PagesMeta> {
    let meta_path = dir.join("pages.json");
    if std::fs::symlink_metadata(&meta_path).is_err() {
        return Ok(PagesMeta::default());
    }
    let s = std::fs::read_to_string(&meta_path)
        .with_context(|| format!("cannot read {}", meta_path.display()))?;
    PagesMeta::from_json(&s).with_context(|| format!("{}", meta_path.display()))
}

/// The explicit encoding of each page file: its pages.json entry, else `--encoding`.
fn page_encodings<'a>(
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
fn check_id_collisions(files: &[PathBuf]) -> Result<()> {
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
    let articles = load_pages(pages, false)?;
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
    remove_stale_tmp(out)?;
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
