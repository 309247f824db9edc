//! The static index must return exactly what the naive reference (fold,
//! then `contains`; filters and facet counts by enumeration) returns, for
//! random corpora, random chunk sizes and random queries.

use baoku_core::search::build::{build, Options};
use baoku_core::search::{reference, Archive, Facet, MemFiles, SearchRequest, Sort, Step};
use baoku_core::{Article, Folder, Kind};
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

fn table() -> BTreeMap<char, String> {
    let mut t = BTreeMap::new();
    t.insert('專', "专".to_string());
    t.insert('體', "体".to_string());
    t.insert('㎡', "m2".to_string());
    t
}

fn folder() -> Folder {
    Folder::with_table(&table())
}

/// Build with `opts` into memory and open it.
fn open(corpus: &[Article], opts: Options) -> (Archive, MemFiles) {
    let mut files = MemFiles::default();
    let (m, _) = build(corpus.to_vec(), &folder(), table(), opts, &mut files).unwrap();
    let meta = files.0.get("meta.bin").unwrap().clone();
    (Archive::open(m, &meta).unwrap(), files)
}

fn done<T>(s: Step<T>) -> T {
    match s {
        Step::Done(t) => t,
        Step::Need(n) => panic!("in-memory files missing: {n:?}"),
    }
}

fn tiny_options() -> impl Strategy<Value = Options> {
    (1usize..200, 1usize..200, 1usize..40, 1usize..6).prop_map(|(g, p, pc, i)| Options {
        gram_chunk_bytes: g,
        pos_chunk_bytes: p,
        piece_bytes: pc,
        ids_per_bucket: i,
    })
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
        prop::option::of((2020i32..2024, 1u32..4)),
        prop::sample::select(vec![Kind::News, Kind::Photo, Kind::Feature]),
        prop::sample::subsequence(vec!["王五", "李四", "赵六"], 0..3),
        prop::sample::subsequence(vec!["临清市", "东阿县"], 0..2),
        (0u8..3, 1u8..4),
        (
            prop::sample::subsequence(vec!["邮储银行", "市工业和信息化局"], 0..2),
            prop::collection::vec(
                prop::sample::select(vec![5_000u64, 2_000_000, 30_000_000, 130_000_000]),
                0..3,
            ),
        ),
    )
        .prop_map(
            |(
                kicker,
                headline,
                paragraphs,
                date,
                kind,
                reporters,
                places,
                (pub_, page),
                (orgs, yuan),
            )| Article {
                organizations: orgs.into_iter().map(String::from).collect(),
                documents: if yuan.len() > 1 {
                    vec!["行动方案".into()]
                } else {
                    vec![]
                },
                amounts: yuan
                    .into_iter()
                    .map(|y| baoku_core::model::Amount {
                        text: format!("{y}元"),
                        yuan: y,
                        approx: false,
                        paragraph: 0,
                        offset: 0,
                    })
                    .collect(),
                date: date.map(|(y, m)| format!("{y}-0{m}-01")),
                kicker,
                headline,
                reporters: reporters.into_iter().map(String::from).collect(),
                places: places.into_iter().map(String::from).collect(),
                publication: (pub_ > 0).then(|| format!("报{pub_}")),
                page: Some(page.to_string()),
                paragraphs,
                ..Article::new(String::new(), "p.txt", kind)
            },
        )
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

fn engine_ids(
    ix: &Archive,
    files: &MemFiles,
    q: &str,
    filters: &[(Facet, String)],
) -> (Vec<String>, usize) {
    let r = done(
        ix.search(
            files,
            &SearchRequest {
                query: q.to_string(),
                filters: filters.to_vec(),
                limit: usize::MAX,
                ..Default::default()
            },
        )
        .unwrap(),
    );
    let mut v: Vec<String> = r.hits.iter().map(|h| h.article.id.clone()).collect();
    v.sort();
    (v, r.total)
}

fn filters() -> impl Strategy<Value = Vec<(Facet, String)>> {
    prop::collection::vec(
        prop_oneof![
            (2020i32..2024).prop_map(|y| (Facet::Year, y.to_string())),
            prop::sample::select(vec!["王五", "赵六"])
                .prop_map(|v| (Facet::Reporter, v.to_string())),
            Just((Facet::Kind, "photo".to_string())),
            Just((Facet::Place, "临清市".to_string())),
            Just((Facet::Publication, "报1".to_string())),
            Just((Facet::Organization, "邮储银行".to_string())),
            Just((Facet::Document, "行动方案".to_string())),
            prop::sample::select(vec!["≥1亿元", "100万–1000万元", "<100万元"])
                .prop_map(|v| (Facet::Amount, v.to_string())),
        ],
        0..3,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn static_index_equals_reference((corpus, queries, fs, opts) in corpus().prop_flat_map(|c| {
        let q = prop::collection::vec(query(&c), 1..6);
        (Just(c), q, filters(), tiny_options())
    })) {
        let (ix, files) = open(&corpus, opts);
        for q in &queries {
            let (want, want_counts) = reference::search(&corpus, &folder(), q, &fs);
            let (got, total) = engine_ids(&ix, &files, q, &fs);
            // An empty query browses everything; the reference agrees (no groups).
            prop_assert_eq!(&got, &want, "query {:?} filters {:?}", q, fs);
            prop_assert_eq!(total, want.len());
            let r = done(ix.search(&files, &SearchRequest { query: q.clone(), filters: fs.clone(), limit: 3, ..Default::default() }).unwrap());
            prop_assert_eq!(r.total, want.len());
            let mut counts = BTreeMap::new();
            for (f, vs) in &r.facets {
                for (v, c) in vs {
                    counts.insert((*f, v.clone()), *c);
                }
            }
            prop_assert_eq!(counts, want_counts, "facet counts for {:?}", q);
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
        let (ix, files) = open(&corpus, Options::default());
        let q = c.to_string();
        let want: Vec<String> = {
            let mut v: Vec<String> = reference::matches(&corpus, &folder(), &q).into_iter().map(|i| corpus[i].id.clone()).collect();
            v.sort();
            v
        };
        prop_assert_eq!(engine_ids(&ix, &files, &q, &[]).0, want);
    }

    #[test]
    fn ids_locate_their_articles(corpus in corpus(), opts in tiny_options()) {
        let (ix, files) = open(&corpus, opts);
        for a in &corpus {
            let d = done(ix.locate(&files, &a.id).unwrap()).expect("every id is found");
            prop_assert_eq!(&done(ix.article(&files, d).unwrap()), a);
        }
        prop_assert_eq!(done(ix.locate(&files, "no-such-id").unwrap()), None);
    }
}

#[test]
fn traditional_and_full_width_queries_find_simplified_text() {
    let a = Article {
        headline: Some("专精特新".into()),
        paragraphs: vec!["签发首张RCEP原产地\n证书，面积10 ㎡".into()],
        ..Article::new("x", "p.txt", Kind::News)
    };
    let (ix, files) = open(&[a], Options::default());
    for q in [
        "專精特新",
        "ＲＣＥＰ",
        "rcep",
        "原产地证书",
        "10m2",
        "专 精",
    ] {
        assert_eq!(engine_ids(&ix, &files, q, &[]).0, vec!["x"], "{q}");
    }
    assert!(engine_ids(&ix, &files, "专精特新 -rcep", &[]).0.is_empty());
}

#[test]
fn browse_order_newest_issue_first_in_page_order() {
    let mk = |id: &str, date: &str, page: &str| Article {
        date: Some(date.into()),
        page: Some(page.into()),
        paragraphs: vec!["正文".into()],
        ..Article::new(id, format!("{date}-{page}.txt"), Kind::News)
    };
    let corpus = vec![
        mk("old-1", "2024-01-01", "1"),
        mk("new-10", "2025-01-01", "10"),
        mk("new-2a", "2025-01-01", "2"),
        mk("new-2b", "2025-01-01", "2"),
        mk("new-1", "2025-01-01", "1"),
    ];
    let (ix, files) = open(&corpus, Options::default());
    let order = |sort| -> Vec<String> {
        let r = done(
            ix.search(
                &files,
                &SearchRequest {
                    sort,
                    limit: 10,
                    ..Default::default()
                },
            )
            .unwrap(),
        );
        r.hits.iter().map(|h| h.article.id.clone()).collect()
    };
    assert_eq!(
        order(Sort::Newest),
        ["new-1", "new-2a", "new-2b", "new-10", "old-1"]
    );
    assert_eq!(
        order(Sort::Oldest),
        ["old-1", "new-1", "new-2a", "new-2b", "new-10"]
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Crafted or damaged index files (any file, any bytes flipped, cut
    /// short or grown) give an answer or a clear error, never a panic.
    #[test]
    fn damaged_index_files_never_panic(
        (corpus, queries) in corpus().prop_flat_map(|c| {
            let q = prop::collection::vec(query(&c), 1..4);
            (Just(c), q)
        }),
        opts in tiny_options(),
        pick in any::<prop::sample::Index>(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..6),
        cut in prop::option::of(any::<prop::sample::Index>()),
        extra in prop::collection::vec(any::<u8>(), 0..4),
    ) {
        let mut files = MemFiles::default();
        let (m, _) = build(corpus.clone(), &folder(), table(), opts, &mut files).unwrap();
        let mut names: Vec<String> = files.0.keys().cloned().collect();
        names.sort();
        let name = pick.get(&names).clone();
        let bytes = files.0.get_mut(&name).unwrap();
        for (at, x) in &flips {
            if !bytes.is_empty() {
                let i = at.index(bytes.len());
                bytes[i] ^= x | 1;
            }
        }
        if let Some(c) = cut {
            let n = c.index(bytes.len() + 1);
            bytes.truncate(n);
        }
        bytes.extend_from_slice(&extra);
        let meta = files.0.get("meta.bin").cloned().unwrap_or_default();
        let Ok(ix) = Archive::open(m, &meta) else {
            return Ok(());
        };
        for q in &queries {
            let req = SearchRequest { query: q.clone(), limit: 5, ..Default::default() };
            let _ = ix.search(&files, &req);
            let _ = ix.locate(&files, "a0");
            if !ix.is_empty() {
                let _ = ix.article(&files, 0);
            }
        }
    }
}
