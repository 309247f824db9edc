//! A one-shot report for the issue tracker: query latency median/p95 for
//! the engine and the naive scan at 1k/10k/100k synthetic articles, index
//! build time and memory, data size against the plain text, and
//! segmentation throughput. Ratios are against baselines measured in the
//! same run. `BAOKU_BENCH_QUICK=1` skips the 100k corpus and the 40 MB pages.

mod common;

use baoku_core::data::Shard;
use baoku_core::search::{reference, Query, SearchRequest};
use baoku_core::{segment, synth, Folder, Index, PageMeta, FORMAT_VERSION};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::hint::black_box;
use std::io::Write;
use std::time::Instant;

fn gz(bytes: &[u8]) -> usize {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap().len()
}

fn pct(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let quick = std::env::var("BAOKU_BENCH_QUICK").is_ok();
    let seed = common::seed_articles();
    let sizes: &[usize] = if quick {
        &[1_000, 10_000]
    } else {
        &[1_000, 10_000, 100_000]
    };
    println!("Matching = the result set (engine postings vs naive `contains` scan over pre-folded text).");
    println!("Search = matching + BM25 ranking + facets + top-k + snippets, which the naive scan does not do.\n");
    println!("| articles | build ms | index heap MB | data gz KB | text gz KB | overhead | match p50 ms | match p95 ms | naive p50 ms | naive p95 ms | p50 / p95 speed-up | search p50 ms | search p95 ms |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    let mut references = Vec::new();
    for &n in sizes {
        let arts = synth::articles(&seed, n, 42);
        let shard = serde_json::to_vec(&Shard {
            format_version: FORMAT_VERSION,
            articles: arts.clone(),
        })
        .unwrap();
        let mut text = String::new();
        for a in &arts {
            for s in [&a.kicker, &a.headline, &a.subheadline]
                .into_iter()
                .flatten()
            {
                text.push_str(s);
                text.push('\n');
            }
            for p in &a.paragraphs {
                text.push_str(p);
                text.push('\n');
            }
        }
        let (data_gz, text_gz) = (gz(&shard), gz(text.as_bytes()));
        let t = Instant::now();
        let ix = Index::new(arts, Folder::builtin());
        let build_ms = t.elapsed().as_secs_f64() * 1e3;
        let folded = ix.folded_texts();
        let reps = if n >= 100_000 { 5 } else { 25 };
        let (mut eng, mut nai, mut full) = (Vec::new(), Vec::new(), Vec::new());
        let mut by_len: std::collections::BTreeMap<&str, (Vec<f64>, Vec<f64>, Vec<f64>)> =
            Default::default();
        for (len, q) in common::QUERIES {
            let terms = Query::parse(q, ix.folder()).positive_terms();
            let req = SearchRequest {
                query: q.to_string(),
                limit: 20,
                ..Default::default()
            };
            let parsed = Query::parse(q, ix.folder());
            for _ in 0..reps {
                let t = Instant::now();
                black_box(ix.matching(black_box(&parsed)).len());
                let e = t.elapsed().as_secs_f64() * 1e3;
                let t = Instant::now();
                black_box(ix.search(black_box(&req)).total);
                let f = t.elapsed().as_secs_f64() * 1e3;
                let t = Instant::now();
                black_box(reference::scan(black_box(&folded), black_box(&terms)));
                let nv = t.elapsed().as_secs_f64() * 1e3;
                eng.push(e);
                nai.push(nv);
                full.push(f);
                let slot = by_len.entry(len).or_default();
                slot.0.push(e);
                slot.1.push(nv);
                slot.2.push(f);
            }
        }
        let (e50, e95) = (pct(&mut eng, 0.5), pct(&mut eng, 0.95));
        let (n50, n95) = (pct(&mut nai, 0.5), pct(&mut nai, 0.95));
        let (f50, f95) = (pct(&mut full, 0.5), pct(&mut full, 0.95));
        println!(
            "| {n} | {build_ms:.0} | {:.1} | {:.0} | {:.0} | {:.2} | {e50:.3} | {e95:.3} | {n50:.3} | {n95:.3} | {:.1}× / {:.1}× | {f50:.3} | {f95:.3} |",
            ix.heap_bytes() as f64 / 1e6,
            data_gz as f64 / 1e3,
            text_gz as f64 / 1e3,
            (data_gz as f64 - text_gz as f64) / text_gz as f64,
            n50 / e50,
            n95 / e95
        );
        if n <= 10_000 {
            // The reference kept in the tests folds every article per query.
            let mut refr = Vec::new();
            for (_, q) in common::QUERIES {
                for _ in 0..3 {
                    let t = Instant::now();
                    black_box(reference::matches(ix.articles(), ix.folder(), q).len());
                    refr.push(t.elapsed().as_secs_f64() * 1e3);
                }
            }
            let (r50, r95) = (pct(&mut refr, 0.5), pct(&mut refr, 0.95));
            references.push(format!(
                "{n} articles: reference p50 {r50:.2} ms, p95 {r95:.2} ms; engine matching is {:.0}× / {:.0}× faster, full search {:.0}× / {:.0}×",
                r50 / e50,
                r95 / e95,
                r50 / f50,
                r95 / f95
            ));
        }
        for (len, (mut e, mut nv, mut f)) in by_len {
            let (e50, e95) = (pct(&mut e, 0.5), pct(&mut e, 0.95));
            let (n50, n95) = (pct(&mut nv, 0.5), pct(&mut nv, 0.95));
            let (f50, f95) = (pct(&mut f, 0.5), pct(&mut f, 0.95));
            println!(
                "| ↳ {len}-char | | | | | | {e50:.3} | {e95:.3} | {n50:.3} | {n95:.3} | {:.1}× / {:.1}× | {f50:.3} | {f95:.3} |",
                n50 / e50,
                n95 / e95
            );
        }
    }

    println!("\nAgainst the naive reference (fold + `contains` per query, `search::reference::matches`):");
    for r in &references {
        println!("  {r}");
    }

    // Segmentation throughput against a plain line scan of the same bytes.
    let mb = if quick { 4 } else { 40 };
    let pages = synth::pages(&common::seed_pages(), mb << 20, 7);
    let bytes: usize = pages.iter().map(String::len).sum();
    let t = Instant::now();
    let lines: usize = pages
        .iter()
        .map(|p| p.lines().filter(|l| !l.trim().is_empty()).count())
        .sum();
    let base_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let n: usize = pages
        .iter()
        .enumerate()
        .map(|(i, p)| segment::segment_page(&format!("p{i}.txt"), p, &PageMeta::default()).len())
        .sum();
    let seg_s = t.elapsed().as_secs_f64();
    println!(
        "\nsegment: {:.1} MB in {seg_s:.2} s = {:.1} MB/s ({n} articles); a bare line scan ({lines} lines) took {base_s:.3} s, ratio {:.0}×",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / seg_s,
        seg_s / base_s
    );
}
