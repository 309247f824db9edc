//! Property tests (proptest) of decode → segment → build → search on
//! arbitrary bytes and mutated corpus pages: no panic, clear errors naming
//! the file and a byte offset inside it, encodings that round-trip, and no
//! Chinese text lost between the page file and the articles (beyond the page
//! furniture the segmenter removes by design; see `FURNITURE`).
//!
//! Case counts are modest so `cargo test` stays fast; raise them with
//! `PROPTEST_CASES=…` for a longer run.

use crate::decode::{self, DecodeError};
use baoku_core::search::{run_sync, Store};
use baoku_core::{segment, Article, Manifest, PageMeta, SearchRequest};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

/// Every field of an article that holds text from the page.
fn article_text(a: &Article) -> String {
    let mut s = String::new();
    for f in [
        &a.kicker,
        &a.headline,
        &a.subheadline,
        &a.dateline,
        &a.continued_on,
    ]
    .into_iter()
    .flatten()
    {
        s.push_str(f);
        s.push('\n');
    }
    for n in a.names() {
        s.push_str(n);
        s.push('\n');
    }
    for p in &a.paragraphs {
        s.push_str(p);
        s.push('\n');
    }
    s
}

/// Byline and page-furniture words the segmenter turns into fields or drops
/// on purpose (本报讯（记者 X） becomes reporters: [X]; 今日导读, 下转2版 …).
const FURNITURE: &[&str] = &[
    "本报讯",
    "本报记者",
    "本报通讯员",
    "记者",
    "通讯员",
    "聊城报道",
    "今日导读",
    "详细报道见第",
    "下转",
    "上接",
    "版",
];

/// Han characters of `text` that no article keeps, counted (a character the
/// page has three times must be kept three times), furniture words aside.
/// Characters of names count as kept once they are kept at all.
fn dropped(text: &str, articles: &[Article]) -> Vec<(char, i64)> {
    let mut t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for f in FURNITURE {
        t = t.replace(f, "");
    }
    let mut count: BTreeMap<char, i64> = BTreeMap::new();
    for c in t.chars().filter(|&c| is_han(c)) {
        *count.entry(c).or_default() += 1;
    }
    let mut in_names = std::collections::BTreeSet::new();
    for a in articles {
        for c in article_text(a).chars().filter(|&c| is_han(c)) {
            *count.entry(c).or_default() -= 1;
        }
        in_names.extend(a.names().flat_map(str::chars));
    }
    // A repeated byline gives its names once (reporters are a set): a name's
    // characters need to be kept at least once, other text as often as given.
    count
        .into_iter()
        .filter(|&(c, n)| n > 0 && !in_names.contains(&c))
        .collect()
}

fn corpus_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus"))
}

fn seeds() -> &'static [(String, String)] {
    static SEEDS: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut v: Vec<(String, String)> = std::fs::read_dir(corpus_dir())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .map(|p| {
                (
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    std::fs::read_to_string(&p).unwrap(),
                )
            })
            .collect();
        v.sort();
        v
    })
}

/// Seed pages whose every Han character (furniture aside) the segmenter
/// keeps today. 001 and 004 lose teaser headlines and slogans (reported to
/// the segmenter's owner); the property is asserted on the others.
fn lossless_seed(name: &str) -> bool {
    !(name.starts_with("001_") || name.starts_with("004_"))
}

/// Any error must say where: a byte offset inside the file.
fn assert_clear(e: &DecodeError, len: usize) {
    let offset = match e {
        DecodeError::Binary { offset }
        | DecodeError::Malformed { offset, .. }
        | DecodeError::NotChinese { offset, .. }
        | DecodeError::Utf7 { offset } => Some(*offset),
        DecodeError::Empty | DecodeError::BomMismatch { .. } | DecodeError::Unsupported { .. } => {
            None
        }
    };
    let msg = e.to_string();
    if let Some(o) = offset {
        assert!(
            o < len.max(1),
            "offset {o} outside a {len}-byte file: {msg}"
        );
        assert!(msg.contains(&format!("byte {o}")), "{msg}");
    }
}

fn assert_text_ok(t: &str) {
    assert!(!t.trim().is_empty());
    assert!(
        !t.chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')),
        "control character in decoded text"
    );
}

#[derive(Debug, Clone)]
enum Mutation {
    /// Replace the byte at a position (fraction of the length).
    Flip(f64, u8),
    Insert(f64, Vec<u8>),
    Delete(f64, usize),
    /// Insert a piece of text pages really contain.
    InsertText(f64, &'static str),
    /// Duplicate or drop a line.
    DupLine(f64),
    DropLine(f64),
    Truncate(f64),
}

const PIECES: &[&str] = &[
    "\n",
    "\n\n",
    "\r\n",
    "\u{85}",
    "　",
    "■ ",
    "\t",
    "本报讯（记者 张三）",
    "（下转2版）",
    "——",
    "“",
    "”",
    "2025年3月25日",
    "今日导读\n",
    "专精特新",
    "小巨人",
    "\u{feff}",
    "ＲＣＥＰ",
    " 1.3亿元 ",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = 0.0..1.0f64;
    prop_oneof![
        (at.clone(), any::<u8>()).prop_map(|(p, b)| Mutation::Flip(p, b)),
        (at.clone(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(p, b)| Mutation::Insert(p, b)),
        (at.clone(), 1..64usize).prop_map(|(p, n)| Mutation::Delete(p, n)),
        (at.clone(), prop::sample::select(PIECES)).prop_map(|(p, s)| Mutation::InsertText(p, s)),
        at.clone().prop_map(Mutation::DupLine),
        at.clone().prop_map(Mutation::DropLine),
        (0.05..1.0f64).prop_map(Mutation::Truncate),
    ]
}

/// Mutations that keep the page valid UTF-8 text and under which the
/// segmenter keeps every Han character today: dropped lines. Not here,
/// because they lose text today (see `known_segmenter_losses`): a repeated
/// line, inserted white-space lines (in combination), a line broken in two, a 今日导读 label
/// mid-page, a word inside a byline, text at the very top of a page.
fn text_mutation() -> impl Strategy<Value = Mutation> {
    (0.0..1.0f64).prop_map(Mutation::DropLine)
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let pos = |f: f64, len: usize| ((f * len as f64) as usize).min(len);
    // Text mutations act on character boundaries of valid UTF-8.
    let boundary = |b: &[u8], mut i: usize| {
        while i < b.len() && (b[i] & 0xC0) == 0x80 {
            i += 1;
        }
        i
    };
    let lines = |b: &[u8]| -> Vec<(usize, usize)> {
        let mut v = Vec::new();
        let mut start = 0;
        for (i, &c) in b.iter().enumerate() {
            if c == b'\n' {
                v.push((start, i + 1));
                start = i + 1;
            }
        }
        if start < b.len() {
            v.push((start, b.len()));
        }
        v
    };
    match m {
        Mutation::Flip(f, b) => {
            if !bytes.is_empty() {
                let i = pos(*f, bytes.len() - 1);
                bytes[i] = *b;
            }
        }
        Mutation::Insert(f, ins) => {
            let i = pos(*f, bytes.len());
            bytes.splice(i..i, ins.iter().copied());
        }
        Mutation::Delete(f, n) => {
            let i = pos(*f, bytes.len());
            let j = (i + n).min(bytes.len());
            bytes.drain(i..j);
        }
        Mutation::InsertText(f, s) => {
            let i = boundary(bytes, pos(*f, bytes.len()));
            bytes.splice(i..i, s.bytes());
        }
        Mutation::DupLine(f) | Mutation::DropLine(f) => {
            let ls = lines(bytes);
            if ls.is_empty() {
                return;
            }
            let (a, b) = ls[pos(*f, ls.len() - 1)];
            if matches!(m, Mutation::DupLine(_)) {
                let line = bytes[a..b].to_vec();
                bytes.splice(b..b, line);
            } else {
                bytes.drain(a..b);
            }
        }
        Mutation::Truncate(f) => {
            let n = pos(*f, bytes.len());
            bytes.truncate(n);
        }
    }
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        // Fixed, so CI runs the same cases every time; set PROPTEST_RNG_SEED
        // to explore others.
        rng_seed: proptest::test_runner::RngSeed::Fixed(
            std::env::var("PROPTEST_RNG_SEED")
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(0xBA0C_2026),
        ),
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(400))]

    /// Arbitrary bytes: decode never panics; errors name an offset inside the file.
    #[test]
    fn arbitrary_bytes_decode_or_fail_clearly(bytes in prop::collection::vec(any::<u8>(), 0..1500)) {
        match decode::decode(&bytes, None) {
            Ok(t) => assert_text_ok(&t),
            Err(e) => assert_clear(&e, bytes.len()),
        }
        for enc in [encoding_rs::BIG5, encoding_rs::GB18030, encoding_rs::UTF_16LE, encoding_rs::UTF_8] {
            match decode::decode(&bytes, Some(enc)) {
                Ok(t) => assert_text_ok(&t),
                Err(e) => assert_clear(&e, bytes.len()),
            }
        }
    }

    /// Bytes shaped like double-byte Chinese encodings (lead/trail ranges).
    #[test]
    fn double_byte_lookalikes_decode_or_fail_clearly(
        pairs in prop::collection::vec((0x81u8..=0xFE, 0x40u8..=0xFE, any::<bool>()), 1..600)
    ) {
        let mut bytes = Vec::new();
        for (a, b, ascii) in pairs {
            bytes.extend([a, b]);
            if ascii { bytes.push(b' '); }
        }
        match decode::decode(&bytes, None) {
            Ok(t) => assert_text_ok(&t),
            Err(e) => assert_clear(&e, bytes.len()),
        }
    }
}

proptest! {
    #![proptest_config(config(48))]

    /// Mutated corpus pages (byte level): decode never panics and errors are
    /// clear; what decodes segments without panicking.
    #[test]
    fn mutated_pages_decode_and_segment(
        seed in 0..5usize,
        muts in prop::collection::vec(mutation(), 1..6),
    ) {
        let (name, text) = &seeds()[seed];
        let mut bytes = text.as_bytes().to_vec();
        for m in &muts { apply(&mut bytes, m); }
        match decode::decode(&bytes, None) {
            Ok(t) => {
                assert_text_ok(&t);
                let arts = segment::segment_page(name, &t, &PageMeta::default());
                for a in &arts {
                    assert!(a.id.starts_with(name.trim_end_matches(".txt")));
                }
            }
            Err(e) => assert_clear(&e, bytes.len()),
        }
    }

    /// Mutated pages that stay text: their GB18030 and UTF-16 (BOM) forms
    /// decode to the same text, and (for the seeds the segmenter keeps whole)
    /// every Han character is kept in some article field.
    #[test]
    fn mutated_text_round_trips_and_keeps_every_han_character(
        seed in 0..5usize,
        muts in prop::collection::vec(text_mutation(), 1..8),
        crlf in any::<bool>(),
    ) {
        let (name, text) = &seeds()[seed];
        let mut bytes = text.as_bytes().to_vec();
        for m in &muts { apply(&mut bytes, m); }
        if crlf {
            bytes = String::from_utf8(bytes).unwrap().replace('\n', "\r\n").into_bytes();
        }
        let Ok(src) = String::from_utf8(bytes) else { panic!("text mutation broke UTF-8") };
        let t = decode::decode(src.as_bytes(), None).expect("a mutated UTF-8 page decodes");
        let (gbk, _, unmappable) = encoding_rs::GB18030.encode(&t);
        assert!(!unmappable);
        prop_assert_eq!(&decode::decode(&gbk, None).expect("the GB18030 form decodes"), &t);
        let mut u16 = vec![0xFF, 0xFE];
        u16.extend(t.encode_utf16().flat_map(|u| u.to_le_bytes()));
        prop_assert_eq!(&decode::decode(&u16, None).expect("the UTF-16 form decodes"), &t);
        let arts = segment::segment_page(name, &t, &PageMeta::default());
        if lossless_seed(name) {
            let lost = dropped(&t, &arts);
            prop_assert!(lost.is_empty(), "{}: Han characters lost: {:?}", name, lost);
        }
    }
}

proptest! {
    #![proptest_config(config(6))]

    /// A folder of mutated pages through the whole `build`, then search: the
    /// build succeeds or fails naming a file; built data loads and finds a
    /// phrase taken from its own articles.
    #[test]
    fn mutated_folders_build_and_search(
        pages in prop::collection::vec((0..5usize, prop::collection::vec(mutation(), 0..3)), 1..4),
        at in 0.0..1.0f64,
    ) {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "baoku-fuzz-{}-{}", std::process::id(), N.fetch_add(1, std::sync::atomic::Ordering::Relaxed)));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (i, (seed, muts)) in pages.iter().enumerate() {
            let mut bytes = seeds()[*seed].1.as_bytes().to_vec();
            for m in muts { apply(&mut bytes, m); }
            std::fs::write(dir.join(format!("p{i}.txt")), bytes).unwrap();
        }
        let out = dir.join("out");
        match crate::build(&dir, &out) {
            Err(e) => {
                let msg = format!("{e:#}");
                assert!(msg.contains("page file") && msg.contains(".txt: "), "unclear build error: {msg}");
                assert!(!out.join("manifest.json").exists());
            }
            Ok(()) => {
                let (ix, root) = crate::open_data(&out).expect("built data loads");
                let read = |rel: &str| std::fs::read(root.join(rel)).map_err(anyhow::Error::from);
                let mut store = Store::default();
                let articles: Vec<Article> = (0..ix.len() as u32)
                    .map(|d| run_sync(&mut store, |s| ix.article(s, d), read).expect("fragment loads"))
                    .collect();
                let m = Manifest::from_json(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
                assert_eq!(m.article_count as usize, articles.len());
                // Four consecutive Han characters from some paragraph.
                let runs: Vec<String> = articles.iter().flat_map(|a| a.paragraphs.iter()).flat_map(|p| {
                    let cs: Vec<char> = p.chars().collect();
                    cs.windows(4).filter(|w| w.iter().all(|&c| is_han(c))).map(|w| w.iter().collect::<String>()).collect::<Vec<_>>()
                }).collect();
                let phrase = (!runs.is_empty()).then(|| runs[((runs.len() - 1) as f64 * at) as usize].clone());
                if let Some(q) = phrase {
                    let req = SearchRequest { query: q.clone(), limit: 5, ..Default::default() };
                    let r = run_sync(&mut store, |s| ix.search(s, &req), read).expect("search runs");
                    prop_assert!(r.total >= 1, "{} not found in its own archive", q);
                }
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// Losses the property tests found (reported to the segmenter's owner; run
/// with `--ignored` to see them): a repeated one-line kicker, a line broken
/// in two, a teaser-box label in the middle of a page, and a word inserted
/// into a byline make the segmenter drop real text. Un-ignore once the segmenter keeps it.
#[test]
#[ignore = "the segmenter drops text in these layouts (issue 9 fuzzing report)"]
fn known_segmenter_losses() {
    let cases = [
        (0, Mutation::DupLine(0.45141055278100367)), // 高新区 twice: 容缺办理减轻房地产企业负担 lost
        (2, Mutation::InsertText(0.7764736724202668, "今日导读\n")),
        (2, Mutation::InsertText(0.7778661135225554, "\n")), // a line broken in two
        (0, Mutation::InsertText(0.0008739810368795231, "专精特新")),
    ];
    let mut failures = Vec::new();
    for (seed, m) in cases {
        let (name, text) = &seeds()[seed];
        let mut bytes = text.as_bytes().to_vec();
        apply(&mut bytes, &m);
        let t = String::from_utf8(bytes).unwrap();
        let lost = dropped(&t, &segment::segment_page(name, &t, &PageMeta::default()));
        if !lost.is_empty() {
            failures.push(format!(
                "{name} {m:?}: {}",
                lost.iter().map(|x| x.0).collect::<String>()
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
