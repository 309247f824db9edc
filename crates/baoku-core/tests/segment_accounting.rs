//! Nothing is lost silently: every Chinese character of a page is in an
//! article's fields or in the page's reported furniture, on the seed pages,
//! on relayouts of the gold articles and on pages without sentences.

mod layout;

use baoku_core::segment::{han_count, segment_page_report, PageReport};
use baoku_core::text::is_han;
use baoku_core::PageMeta;
use layout::{gold_pages, relayout, root};
use std::collections::BTreeMap;

fn han_multiset<'a>(texts: impl IntoIterator<Item = &'a str>) -> BTreeMap<char, usize> {
    let mut m = BTreeMap::new();
    for t in texts {
        for c in t.chars().filter(|c| is_han(*c)) {
            *m.entry(c).or_default() += 1;
        }
    }
    m
}

fn assert_accounted(name: &str, text: &str) -> PageReport {
    let r = segment_page_report(name, text, &PageMeta::default());
    let mut out: Vec<&str> = r.furniture.iter().map(String::as_str).collect();
    for a in &r.articles {
        out.extend(
            [&a.kicker, &a.headline, &a.subheadline]
                .into_iter()
                .flatten()
                .map(String::as_str),
        );
        for l in [&a.reporters, &a.correspondents, &a.authors, &a.paragraphs] {
            out.extend(l.iter().map(String::as_str));
        }
    }
    let want = han_multiset([text]);
    let got = han_multiset(out);
    let missing: String = want
        .iter()
        .filter_map(|(c, n)| (got.get(c).copied().unwrap_or(0) < *n).then_some(*c))
        .collect();
    let extra: String = got
        .iter()
        .filter_map(|(c, n)| (want.get(c).copied().unwrap_or(0) < *n).then_some(*c))
        .collect();
    assert!(missing.is_empty(), "{name}: characters lost: {missing}");
    assert!(
        extra.is_empty(),
        "{name}: characters counted twice: {extra}"
    );
    assert_eq!(
        r.kept_chars() + r.dropped_chars(),
        han_count(text),
        "{name}"
    );
    r
}

#[test]
fn segment_seed_pages_lose_nothing() {
    let mut files: Vec<_> = std::fs::read_dir(root().join("corpus"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 5);
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let r = assert_accounted(&f.display().to_string(), &text);
        assert!(!r.articles.is_empty());
    }
}

#[test]
fn segment_relayouts_lose_nothing() {
    for (pi, arts) in gold_pages().iter().enumerate() {
        for seed in 0..60 {
            let (text, _) = relayout(arts, seed * 7 + pi as u64);
            assert_accounted(&format!("page {pi} seed {seed}"), &text);
        }
    }
}

#[test]
fn segment_pages_without_sentences_still_yield_their_text() {
    let headlines = "我市召开全市经济工作会议\n\n高新区发放科技贷款\n\n冠县打造红色教育圈\n";
    let names = "张三 李四 王五 赵六\n钱七 孙八 周九\n";
    let figures = "项目 金额 增长\n工业 114.89亿元 8.16%\n农业 891.75亿元 18.58%\n";
    for page in [headlines, names, figures] {
        let r = assert_accounted("p.txt", page);
        assert!(!r.articles.is_empty(), "{page}");
        assert_eq!(r.dropped_chars(), 0, "{page}: {:?}", r.furniture);
    }
}

#[test]
fn segment_running_heads_are_reported_as_furniture() {
    let page = "本报讯（记者 王五）3月25日，全市新增企业120家。\n\n2025年3月26日 星期三 · 第7版 要闻 · 责任编辑 李明 校对 王芳\n\n企业数量稳步增长\n";
    let r = assert_accounted("p.txt", page);
    assert_eq!(r.articles.len(), 1);
    assert_eq!(r.articles[0].headline.as_deref(), Some("企业数量稳步增长"));
    assert!(
        r.furniture.iter().any(|f| f.contains("责任编辑")),
        "{:?}",
        r.furniture
    );
    assert!(
        r.furniture.iter().any(|f| f.contains("本报讯")),
        "{:?}",
        r.furniture
    );
}
