//! Criterion benchmarks: query latency of the static index with every chunk
//! at hand (the warm path; fetching is measured by `./x bench scale` in
//! Chromium) against the naive scan over pre-folded text, index build, and
//! segmentation throughput.

mod common;

use baoku_core::search::build::{build as build_index, searchable_text, Options};
use baoku_core::search::{reference, Archive, MemFiles, Query, SearchRequest, Step};
use baoku_core::{segment, synth, Article, Folder, PageMeta};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

fn open(arts: Vec<Article>) -> (Archive, MemFiles) {
    let mut files = MemFiles::default();
    let (m, _) = build_index(
        arts,
        &Folder::builtin(),
        Default::default(),
        Options::default(),
        &mut files,
    )
    .expect("in-memory build");
    let meta = files.0["meta.bin"].clone();
    (Archive::open(m, &meta).expect("fresh index"), files)
}

fn queries(c: &mut Criterion) {
    let seed = common::seed_articles();
    for n in [1_000usize, 10_000] {
        let arts = synth::articles(&seed, n, 42);
        let folded: Vec<String> = arts
            .iter()
            .map(|a| searchable_text(a, &Folder::builtin()).0)
            .collect();
        let (ix, files) = open(arts);
        let mut g = c.benchmark_group(format!("query/{n}"));
        for (len, q) in common::QUERIES
            .iter()
            .filter(|(l, _)| *l != "multi")
            .step_by(2)
        {
            g.bench_with_input(BenchmarkId::new(format!("engine-{len}"), q), q, |b, q| {
                b.iter(|| {
                    let r = ix.search(
                        &files,
                        black_box(&SearchRequest {
                            query: q.to_string(),
                            limit: 20,
                            ..Default::default()
                        }),
                    );
                    match r {
                        Ok(Step::Done(r)) => r.total,
                        _ => unreachable!("every file is in memory"),
                    }
                })
            });
            let terms = Query::parse(q, ix.folder()).positive_terms();
            g.bench_with_input(BenchmarkId::new(format!("naive-{len}"), q), q, |b, _| {
                b.iter(|| reference::scan(black_box(&folded), black_box(&terms)))
            });
        }
        g.finish();
    }
}

fn build(c: &mut Criterion) {
    let seed = common::seed_articles();
    let mut g = c.benchmark_group("index-build");
    g.sample_size(10);
    for n in [1_000usize, 10_000] {
        let arts = synth::articles(&seed, n, 42);
        g.bench_with_input(BenchmarkId::from_parameter(n), &arts, |b, arts| {
            b.iter(|| open(arts.clone()).0.len())
        });
    }
    g.finish();
}

fn segmentation(c: &mut Criterion) {
    let pages = synth::pages(&common::seed_pages(), 4 << 20, 7);
    let bytes: usize = pages.iter().map(String::len).sum();
    let mut g = c.benchmark_group("segment");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("4MB", |b| {
        b.iter(|| {
            pages
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    segment::segment_page(&format!("p{i}.txt"), p, &PageMeta::default()).len()
                })
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, queries, build, segmentation);
criterion_main!(benches);
