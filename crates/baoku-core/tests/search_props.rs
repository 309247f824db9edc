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

fn find(q: &str) -> SearchRequest {
    SearchRequest {
        query: q.to_string(),
        limit: usize::MAX,
        ..Default::default()
    }
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
        prop::option::of((2020i32..2024, 1u32..4, 1u32..3)),
        prop::sample::select(vec![Kind::News, Kind::Photo, Kind::Feature]),
        prop::sample::subsequence(vec!["王五", "李四", "赵六"], 0..3),
        prop::sample::subsequence(vec!["临清市", "东阿县"], 0..2),
        (0u8..3, prop::sample::select(vec!["1", "2", "10", "A1"])),
        (
            prop::sample::subsequence(vec!["邮储银行", "市工业和信息化局"], 0..2),
            prop::collection::vec(
                prop::sample::select(vec![5_000u64, 2_000_000, 30_000_000, 130_000_000]),
                0..3,
            ),
            prop::sample::subsequence(vec!["孙七", "王五"], 0..2),
            prop::sample::subsequence(vec!["周八"], 0..1),
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
                (orgs, yuan, correspondents, authors),
            )| Article {
                correspondents: correspondents.into_iter().map(String::from).collect(),
                authors: authors.into_iter().map(String::from).collect(),
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
                date: date.map(|(y, m, d)| format!("{y}-0{m}-0{d}")),
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

fn engine_ids(ix: &Archive, files: &MemFiles, req: &SearchRequest) -> (Vec<String>, usize) {
    let r = done(ix.search(files, req).unwrap());
    let mut v: Vec<String> = r.hits.iter().map(|h| h.article.id.clone()).collect();
    v.sort();
    (v, r.total)
}

/// Filters, often several values of one facet (OR'ed).
fn filters() -> impl Strategy<Value = Vec<(Facet, String)>> {
    prop::collection::vec(
        prop_oneof![
            (2020i32..2024).prop_map(|y| (Facet::Year, y.to_string())),
            (2020i32..2024, 1u32..4).prop_map(|(y, m)| (Facet::Month, format!("{y}-0{m}"))),
            (2020i32..2024, 1u32..4, 1u32..3)
                .prop_map(|(y, m, d)| (Facet::Day, format!("{y}-0{m}-0{d}"))),
            prop::sample::select(vec!["王五", "赵六", "李四"])
                .prop_map(|v| (Facet::Reporter, v.to_string())),
            prop::sample::select(vec!["孙七", "王五"])
                .prop_map(|v| (Facet::Correspondent, v.to_string())),
            Just((Facet::Author, "周八".to_string())),
            prop::sample::select(vec!["1", "10", "A1", "3"])
                .prop_map(|v| (Facet::Page, v.to_string())),
            prop::sample::select(vec!["photo", "news"]).prop_map(|v| (Facet::Kind, v.to_string())),
            prop::sample::select(vec!["临清市", "东阿县"])
                .prop_map(|v| (Facet::Place, v.to_string())),
            Just((Facet::Publication, "报1".to_string())),
            Just((Facet::Organization, "邮储银行".to_string())),
            Just((Facet::Document, "行动方案".to_string())),
            prop::sample::select(vec!["≥1亿元", "100万–1000万元", "<100万元"])
                .prop_map(|v| (Facet::Amount, v.to_string())),
        ],
        0..5,
    )
}

/// A date bound: often a corpus date cut to a year, month or day; any
/// valid bound; or not valid at all.
fn bound(corpus: &[Article]) -> impl Strategy<Value = Option<String>> {
    let mut dates: Vec<String> = corpus.iter().filter_map(|a| a.date.clone()).collect();
    if dates.is_empty() {
        dates.push("2021-02-01".into());
    }
    let cut = (
        prop::sample::select(dates),
        prop::sample::select(vec![4usize, 7, 10]),
    )
        .prop_map(|(d, n)| d[..n].to_string());
    prop::option::of(prop_oneof![
        3 => cut,
        1 => (2020i32..2025).prop_map(|y| y.to_string()),
        1 => (2020i32..2024, 1u32..5).prop_map(|(y, m)| format!("{y}-0{m}")),
        1 => (2020i32..2024, 1u32..4, 1u32..3).prop_map(|(y, m, d)| format!("{y}-0{m}-0{d}")),
        1 => prop::sample::select(vec!["2021-13", "2021-2", "2021-02-30", "昨天", ""])
            .prop_map(String::from),
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn static_index_equals_reference((corpus, queries, fs, (from, to), opts) in corpus().prop_flat_map(|c| {
        let q = prop::collection::vec(query(&c), 1..6);
        let range = (bound(&c), bound(&c));
        (Just(c), q, filters(), range, tiny_options())
    })) {
        let (ix, files) = open(&corpus, opts);
        for q in &queries {
            let req = SearchRequest {
                query: q.clone(),
                filters: fs.clone(),
                from: from.clone(),
                to: to.clone(),
                limit: usize::MAX,
                ..Default::default()
            };
            let want = reference::search(&corpus, &folder(), &req);
            let (got, total) = engine_ids(&ix, &files, &req);
            // An empty query browses everything; the reference agrees (no groups).
            prop_assert_eq!(&got, &want.ids, "query {:?} filters {:?} range {:?}", q, fs, (&from, &to));
            prop_assert_eq!(total, want.ids.len());
            let r = done(ix.search(&files, &SearchRequest { limit: 3, ..req.clone() }).unwrap());
            prop_assert_eq!(r.total, want.ids.len());
            let mut counts = BTreeMap::new();
            for (f, vs) in &r.facets {
                let mut sorted = vs.clone();
                f.sort_values(&mut sorted);
                prop_assert_eq!(&sorted, vs, "{:?} values out of order", f);
                for (v, c) in vs {
                    counts.insert((*f, v.clone()), *c);
                }
            }
            prop_assert_eq!(counts, want.counts, "facet counts for {:?} filters {:?} range {:?}", q, fs, (&from, &to));
            prop_assert_eq!(&r.timeline, &want.timeline, "timeline for {:?}", q);
            // Suggestions when nothing is found: each exactly as many as it says.
            if want.ids.is_empty() {
                let sug = done(ix.suggest(&files, &req).unwrap());
                prop_assert!(sug.len() <= 4);
                for sg in &sug {
                    let n = reference::search(&corpus, &folder(), &sg.request).ids.len();
                    prop_assert!(n > 0 && n == sg.total, "{:?}: {} found", sg, n);
                }
                prop_assert!(sug.windows(2).all(|w| w[0].total >= w[1].total));
            }
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
        prop_assert_eq!(engine_ids(&ix, &files, &find(&q)).0, want);
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
        assert_eq!(engine_ids(&ix, &files, &find(q)).0, vec!["x"], "{q}");
    }
    assert!(engine_ids(&ix, &files, &find("专精特新 -rcep"))
        .0
        .is_empty());
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
        (corpus, queries, fs, (from, to)) in corpus().prop_flat_map(|c| {
            let q = prop::collection::vec(query(&c), 1..4);
            let range = (bound(&c), bound(&c));
            (Just(c), q, filters(), range)
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
            let req = SearchRequest {
                query: q.clone(),
                filters: fs.clone(),
                from: from.clone(),
                to: to.clone(),
                limit: 5,
                ..Default::default()
            };
            let _ = ix.search(&files, &req);
            let _ = ix.suggest(&files, &req);
            let _ = ix.locate(&files, "a0");
            if !ix.is_empty() {
                let _ = ix.article(&files, 0);
            }
        }
    }
}

#[test]
fn suggestions_split_terms_and_drop_filters() {
    use baoku_core::search::Why;
    let mk = |id: &str, date: &str, place: &str, text: &str| Article {
        date: Some(date.into()),
        places: vec![place.into()],
        paragraphs: vec![text.into()],
        ..Article::new(id, "p.txt", Kind::News)
    };
    let corpus = vec![
        mk("a", "2024-01-02", "临清市", "小巨人企业获得奖励"),
        mk("b", "2024-02-03", "临清市", "奖励小巨人"),
        mk("c", "2025-03-04", "东阿县", "专精特新小巨人"),
    ];
    let (ix, files) = open(&corpus, Options::default());
    let suggest = |req: &SearchRequest| done(ix.suggest(&files, req).unwrap());
    // A run-together query that matches nothing is split where both pieces occur.
    let s = suggest(&find("小巨人奖励"));
    assert_eq!(s[0].why, Why::SplitTerms);
    assert_eq!(s[0].request.query, "小巨人 奖励");
    assert_eq!(s[0].total, 2);
    // A filter that empties the results is offered for removal.
    let req = SearchRequest {
        filters: vec![(Facet::Place, "东阿县".into())],
        ..find("奖励")
    };
    assert_eq!(done(ix.search(&files, &req).unwrap()).total, 0);
    let s = suggest(&req);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].why, Why::DropFilter(Facet::Place, "东阿县".into()));
    assert_eq!(s[0].total, 2);
    assert!(s[0].request.filters.is_empty());
    // The date range, and one of several terms; most results first.
    let req = SearchRequest {
        to: Some("2024-12".into()),
        ..find("小巨人 专精")
    };
    let s = suggest(&req);
    let whys: Vec<(Why, usize)> = s.iter().map(|s| (s.why.clone(), s.total)).collect();
    assert_eq!(
        whys,
        [(Why::DropTerm("专精".into()), 2), (Why::DropDateRange, 1)]
    );
    // A search with results needs no suggestion.
    assert!(suggest(&find("奖励")).is_empty());
}
