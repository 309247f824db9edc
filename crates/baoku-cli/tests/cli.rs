//! The `baoku` command as a newsroom uses it: builds are deterministic and
//! all-or-nothing, encodings are detected, search agrees with export.

use serde_json::Value;
use std::path::{Path, PathBuf};

mod support;

use support::{baoku, corpus, s};

fn tmp(name: &str) -> PathBuf {
    support::tmp("cli", name)
}

/// Every file below `dir`, by relative path, with its bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(root: &Path, d: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
                out.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    let mut v = Vec::new();
    walk(dir, dir, &mut v);
    v.sort();
    v
}

#[test]
fn build_is_deterministic() {
    let (a, b) = (tmp("det-a"), tmp("det-b"));
    assert!(baoku(&["build", s(&corpus()), "--out", s(&a)])
        .status
        .success());
    assert!(baoku(&["build", s(&corpus()), "--out", s(&b)])
        .status
        .success());
    let (fa, fb) = (files(&a), files(&b));
    assert!(fa.iter().any(|f| f.0 == "manifest.json"));
    let dirs: std::collections::BTreeSet<&str> = fa
        .iter()
        .filter_map(|f| f.0.split_once('/').map(|x| x.0))
        .collect();
    assert_eq!(dirs.len(), 1, "one build folder: {dirs:?}");
    assert_eq!(fa, fb);
}

#[test]
fn a_bad_page_stops_the_build_and_keeps_the_previous_data() {
    let pages = tmp("bad-pages");
    let out = tmp("bad-out");
    std::fs::copy(
        corpus().join("000_64dd52c4ab335358.txt"),
        pages.join("a.txt"),
    )
    .unwrap();
    assert!(baoku(&["build", s(&pages), "--out", s(&out)])
        .status
        .success());
    let before = files(&out);
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("binary.txt", &b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..]),
        ("latin1.txt", &b"caf\xe9 \xff\xfe\xfd\xfc"[..]),
    ] {
        std::fs::write(pages.join(name), bytes).unwrap();
        let r = baoku(&["build", s(&pages), "--out", s(&out)]);
        let err = String::from_utf8_lossy(&r.stderr);
        assert!(!r.status.success(), "{name} was accepted");
        assert!(err.contains(name), "error does not name {name}: {err}");
        assert_eq!(files(&out), before, "{name}: the previous data changed");
        std::fs::remove_file(pages.join(name)).unwrap();
    }
    let r = baoku(&["build", s(&pages), "--out", s(&out)]);
    assert!(r.status.success());
}

#[test]
fn gbk_crlf_and_bom_pages_read_like_utf8() {
    let text = std::fs::read_to_string(corpus().join("002_6772ab316b97875f.txt")).unwrap();
    let utf8 = tmp("enc-utf8");
    std::fs::write(utf8.join("p.txt"), &text).unwrap();
    let gbk = tmp("enc-gbk");
    let crlf = text.replace('\n', "\r\n");
    let (bytes, _, bad) = encoding_rs::GBK.encode(&crlf);
    assert!(!bad);
    std::fs::write(gbk.join("p.txt"), &bytes).unwrap();
    let bom = tmp("enc-bom");
    std::fs::write(bom.join("p.txt"), format!("\u{FEFF}{text}")).unwrap();
    let export = |d: &Path| String::from_utf8(baoku(&["export", s(d)]).stdout).unwrap();
    let want = export(&utf8);
    assert!(want.lines().count() > 5);
    assert_eq!(export(&gbk), want);
    assert_eq!(export(&bom), want);
}

#[test]
fn search_json_uses_export_ids_and_data_equals_pages() {
    let out = tmp("search-data");
    assert!(baoku(&["build", s(&corpus()), "--out", s(&out)])
        .status
        .success());
    let ids: Vec<String> = String::from_utf8(baoku(&["export", s(&corpus())]).stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    for q in [
        "专精特新",
        "小巨人 奖励",
        "1.3亿元",
        "專精特新",
        "ＲＣＥＰ",
        "轴",
        "不存在的词",
    ] {
        let a = baoku(&[
            "search",
            q,
            "--pages",
            s(&corpus()),
            "--json",
            "--limit",
            "50",
        ]);
        let b = baoku(&["search", q, "--data", s(&out), "--json", "--limit", "50"]);
        assert!(a.status.success());
        assert_eq!(a.stdout, b.stdout, "{q}: --pages and --data disagree");
        let v: Value = serde_json::from_slice(&a.stdout).unwrap();
        let hits = v["hits"].as_array().unwrap();
        assert_eq!(v["total"].as_u64().unwrap() as usize, hits.len());
        for h in hits {
            assert!(ids.contains(&h["id"].as_str().unwrap().to_string()));
            let snip: Vec<char> = h["snippet"].as_str().unwrap().chars().collect();
            for r in h["highlights"].as_array().unwrap() {
                let (s0, e0) = (
                    r[0].as_u64().unwrap() as usize,
                    r[1].as_u64().unwrap() as usize,
                );
                assert!(s0 < e0 && e0 <= snip.len());
            }
        }
    }
    let v: Value =
        serde_json::from_slice(&baoku(&["search", "專精特新", "--data", s(&out), "--json"]).stdout)
            .unwrap();
    assert!(
        v["total"].as_u64().unwrap() >= 3,
        "traditional query finds simplified text"
    );
}

#[test]
fn traditional_queries_from_opencc_find_their_articles() {
    // Made by scripts/make-trad-queries.py with OpenCC (s2t, s2tw, s2hk).
    let fixture = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/trad-queries.json"),
    )
    .unwrap();
    let cases: Vec<Value> = serde_json::from_str(&fixture).unwrap();
    assert!(cases.len() >= 60);
    let out = tmp("trad");
    assert!(baoku(&["build", s(&corpus()), "--out", s(&out)])
        .status
        .success());
    let ids = |q: &str| -> Vec<String> {
        let r = baoku(&["search", q, "--data", s(&out), "--json", "--limit", "1000"]);
        assert!(r.status.success());
        let v: Value = serde_json::from_slice(&r.stdout).unwrap();
        let mut ids: Vec<String> = v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        ids
    };
    // Each traditional query finds exactly what its simplified original
    // finds, and that is not nothing (the pieces were cut from the corpus;
    // ids are not compared, so a segmenter change does not stale the fixture).
    let mut missed = Vec::new();
    for c in &cases {
        let (q, simp) = (
            c["query"].as_str().unwrap(),
            c["simplified"].as_str().unwrap(),
        );
        let want = ids(simp);
        assert!(!want.is_empty(), "{simp} is cut from the corpus");
        if ids(q) != want {
            missed.push(format!("{q} ({})", c["config"]));
        }
    }
    assert!(missed.is_empty(), "not found: {missed:?}");
    // Characters one traditional form writes for two simplified ones.
    for (t, simp) in [("隨著", "随着"), ("貸款餘額", "贷款余额"), ("餘額", "余额")]
    {
        let n = |q: &str| {
            let r = baoku(&["search", q, "--data", s(&out), "--json", "--limit", "0"]);
            serde_json::from_slice::<Value>(&r.stdout).unwrap()["total"]
                .as_u64()
                .unwrap()
        };
        assert!(n(simp) > 0, "{simp} is in the corpus");
        assert_eq!(n(t), n(simp), "{t} finds what {simp} finds");
    }
}

#[test]
fn search_date_range_new_facets_and_suggestions() {
    let out = tmp("range");
    assert!(baoku(&["build", s(&corpus()), "--out", s(&out)])
        .status
        .success());
    let run = |args: &[&str]| -> Value {
        let mut a = vec!["search", "--data", s(&out), "--json", "--limit", "1000"];
        a.extend_from_slice(args);
        let r = baoku(&a);
        assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
        serde_json::from_slice(&r.stdout).unwrap()
    };
    let total = |v: &Value| v["total"].as_u64().unwrap();
    let dates = |v: &Value| -> Vec<String> {
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["date"].as_str().unwrap_or("").to_string())
            .collect()
    };
    let all = run(&[""]);
    let day = run(&["", "--filter", "day:2026-04-01"]);
    assert!(total(&day) > 0 && total(&day) < total(&all));
    assert!(dates(&day).iter().all(|d| d == "2026-04-01"));
    // A range of one day is that day's filter; `--to` a month includes all of it.
    let range = run(&["", "--from", "2026-04-01", "--to", "2026-04-01"]);
    assert_eq!(dates(&range), dates(&day));
    let month = run(&["", "--from", "2026-04", "--to", "2026-04"]);
    assert!(dates(&month).iter().all(|d| d.starts_with("2026-04")));
    assert!(total(&month) >= total(&day));
    let page = run(&["", "--filter", "page:1", "--filter", "day=2026-04-01"]);
    assert!(total(&page) > 0 && total(&page) <= total(&day));
    // Nothing found: the split query and the dropped range are offered.
    let v = run(&["小巨人奖励"]);
    assert_eq!(total(&v), 0);
    let sug = &v["suggestions"][0];
    assert_eq!(sug["why"], "split_terms");
    assert_eq!(sug["query"], "小巨人 奖励");
    assert_eq!(sug["total"], run(&["小巨人 奖励"])["total"]);
    let v = run(&["奖励", "--from", "2099"]);
    assert_eq!(v["suggestions"][0]["why"], "drop_date_range");
    assert_eq!(v["suggestions"][0]["total"], run(&["奖励"])["total"]);
    let text = baoku(&["search", "小巨人奖励", "--data", s(&out)]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("小巨人 奖励"));
}
