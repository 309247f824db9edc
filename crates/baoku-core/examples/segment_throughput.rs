//! Segmentation throughput on a folder of UTF-8 page files, next to the time
//! it takes to read the same files: `cargo run --profile native -p baoku-core
//! --example segment_throughput -- DIR` (`./x bench` runs it on 40 MB).

use baoku_core::segment::segment_page_report;
use baoku_core::PageMeta;
use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "corpus".into());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("pages folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let t0 = Instant::now();
    let pages: Vec<String> = files
        .iter()
        .map(|f| String::from_utf8_lossy(&std::fs::read(f).expect("read page")).into_owned())
        .collect();
    let read = t0.elapsed().as_secs_f64();
    let mb = pages.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let t1 = Instant::now();
    let chunk = pages.len().div_ceil(threads).max(1);
    let articles: usize = std::thread::scope(|s| {
        let hs: Vec<_> = pages
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|p| {
                            segment_page_report("p.txt", p, &PageMeta::default())
                                .articles
                                .len()
                        })
                        .sum::<usize>()
                })
            })
            .collect();
        hs.into_iter().map(|h| h.join().unwrap_or(0)).sum()
    });
    let seg = t1.elapsed().as_secs_f64();
    let t2 = Instant::now();
    let one: usize = pages
        .iter()
        .take(pages.len().min(200))
        .map(|p| {
            segment_page_report("p.txt", p, &PageMeta::default())
                .articles
                .len()
        })
        .sum();
    let seg1 = t2.elapsed().as_secs_f64();
    let mb1 = pages.iter().take(200).map(String::len).sum::<usize>() as f64 / 1e6;
    println!(
        "segmentation: {mb:.1} MB, {} files, {articles} articles in {seg:.2} s on {threads} threads = {:.1} MB/s \
         (one thread: {:.1} MB/s, {one} articles); reading the files: {read:.3} s = {:.0} MB/s",
        files.len(),
        mb / seg,
        mb1 / seg1,
        mb / read.max(1e-9)
    );
}
