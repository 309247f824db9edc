//! The index must return exactly what the naive reference (fold, then
//! `contains`) returns, for random corpora and random queries.

use baoku_core::search::{reference, SearchRequest};
use baoku_core::{Article, Folder, Index, Kind};
use proptest::prelude::*;
use std::collections::BTreeMap;

// A small alphabet so random queries often hit: simplified and traditional
// pairs, Latin in both widths and cases, digits, layout spaces and breaks,
// quotes and dashes, an emoji and a compatibility character.
const ALPHABET: &[char] = &[
    '专', '專', '精', '特', '新', '小', '巨', '人', '亿', '元', '轴', '承', '体', '體', '的', 'R',
    'c', 'E', 'p', 'Ｒ', 'ｃ', '1', '3', '.', '１', ' ', '\n', '　', '“', '”', '"', '—', '-', '，',
    '。', '😀', '㎡', 'm', '2',
];

fn folder() -> Folder {
    let mut t = BTreeMap::new();
    t.insert('專', "专".to_string());
    t.insert('體', "体".to_string());
    t.insert('㎡', "m2".to_string());
    Folder::with_table(&t)
}

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..max)
        .prop_map(|v| v.into_iter().collect())
}

fn article() -> impl Strategy<Value = Article> {
    (
        prop::option::of(text(8)),
        prop::option::of(text(12)),
        prop::collection::vec(text(40), 0..4),
        2000i32..2030,
    )
        .prop_map(|(kicker, headline, paragraphs, y)| Article {
            date: Some(format!("{y}-01-01")),
            kicker,
            headline,
            reporters: vec!["王五".into()],
            paragraphs,
            ..Article::new(String::new(), "p.txt", Kind::News)
        })
}

fn corpus() -> impl Strategy<Value = Vec<Article>> {
    prop::collection::vec(article(), 0..25).prop_map(|mut v| {
        for (i, a) in v.iter_mut().enumerate() {
            a.id = format!("a{i}");
        }
        v
    })
}

/// Queries: pieces cut from the corpus (often across paragraph breaks),
/// random strings, and the query operators around them.
fn query(corpus: &[Article]) -> impl Strategy<Value = String> {
    let joined: Vec<char> = corpus
        .iter()
        .flat_map(|a| a.paragraphs.join("\n").chars().collect::<Vec<_>>())
        .collect();
    let cut = if joined.is_empty() {
        Just(String::new()).boxed()
    } else {
        let n = joined.len();
        (0..n, 1usize..9)
            .prop_map(move |(s, l)| joined[s..(s + l).min(n)].iter().collect::<String>())
            .boxed()
    };
    prop_oneof![
        4 => cut.clone(),
        2 => text(4),
        1 => (cut.clone(), text(3)).prop_map(|(a, b)| format!("{a} {b}")),
        1 => (cut.clone(), text(3)).prop_map(|(a, b)| format!("{a} -{b}")),
        1 => (cut.clone(), text(3)).prop_map(|(a, b)| format!("{a}|{b}")),
        1 => cut.prop_map(|a| format!("\"{a}\"")),
    ]
}

fn engine_ids(ix: &Index, q: &str) -> Vec<usize> {
    let r = ix.search(&SearchRequest {
        query: q.to_string(),
        limit: usize::MAX,
        ..Default::default()
    });
    let mut v: Vec<usize> = r.hits.iter().map(|h| h.doc).collect();
    v.sort_unstable();
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn index_equals_reference((corpus, queries) in corpus().prop_flat_map(|c| {
        let q = prop::collection::vec(query(&c), 1..6);
        (Just(c), q)
    })) {
        let f = folder();
        let ix = Index::new(corpus.clone(), f.clone());
        for q in &queries {
            let want = reference::matches(&corpus, &f, q);
            let got = engine_ids(&ix, q);
            // An empty query browses everything; the reference agrees (no groups).
            prop_assert_eq!(&got, &want, "query {:?}", q);
            let r = ix.search(&SearchRequest { query: q.clone(), limit: 3, ..Default::default() });
            prop_assert_eq!(r.total, want.len());
            for h in &r.hits {
                let n = h.snippet.chars().count();
                for &(s, e) in &h.highlights {
                    prop_assert!(s < e && e <= n, "highlight {:?} outside snippet of {} chars", (s, e), n);
                }
            }
        }
    }

    #[test]
    fn single_characters_match_like_contains(corpus in corpus(), c in prop::sample::select(ALPHABET)) {
        let f = folder();
        let ix = Index::new(corpus.clone(), f.clone());
        let q = c.to_string();
        prop_assert_eq!(engine_ids(&ix, &q), reference::matches(&corpus, &f, &q));
    }
}

#[test]
fn traditional_and_full_width_queries_find_simplified_text() {
    let f = folder();
    let a = Article {
        headline: Some("专精特新".into()),
        paragraphs: vec!["签发首张RCEP原产地\n证书，面积10 ㎡".into()],
        ..Article::new("x", "p.txt", Kind::News)
    };
    let ix = Index::new(vec![a], f);
    for q in [
        "專精特新",
        "ＲＣＥＰ",
        "rcep",
        "原产地证书",
        "10m2",
        "专 精",
    ] {
        assert_eq!(engine_ids(&ix, q), vec![0], "{q}");
    }
    assert!(engine_ids(&ix, "专精特新 -rcep").is_empty());
}
