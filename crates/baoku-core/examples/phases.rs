use baoku_core::search::{Query, SearchRequest};
use baoku_core::{segment, synth, Folder, Index, PageMeta};
use std::time::Instant;
fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut seed = vec![];
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().map_or(false, |x| x == "txt") {
            seed.extend(segment::segment_page(
                "s.txt",
                &std::fs::read_to_string(&p).unwrap(),
                &PageMeta::default(),
            ));
        }
    }
    let ix = Index::new(synth::articles(&seed, 10000, 42), Folder::builtin());
    for q in [
        "的",
        "企业",
        "专精特新",
        "制造业高质量发展",
        "不存在的八个字符",
    ] {
        let qq = Query::parse(q, ix.folder());
        let t = Instant::now();
        for _ in 0..20 {
            std::hint::black_box(ix.matching(&qq));
        }
        let m = t.elapsed().as_secs_f64() * 1e3 / 20.0;
        let t = Instant::now();
        for _ in 0..20 {
            std::hint::black_box(ix.search(&SearchRequest {
                query: q.into(),
                limit: 20,
                ..Default::default()
            }));
        }
        let s = t.elapsed().as_secs_f64() * 1e3 / 20.0;
        let r = ix.search(&SearchRequest {
            query: q.into(),
            limit: 20,
            ..Default::default()
        });
        let t = Instant::now();
        for _ in 0..20 {
            for h in &r.hits {
                std::hint::black_box(ix.snippet(&ix.articles()[h.doc], &r.terms));
            }
        }
        let sn = t.elapsed().as_secs_f64() * 1e3 / 20.0;
        println!(
            "{q}: total {} matching {m:.3} ms, search {s:.3} ms, snippets {sn:.3} ms",
            r.total
        );
    }
}
