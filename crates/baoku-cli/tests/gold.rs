//! The segmentation scorer: runs `baoku export --infer-dates` on the bundled
//! pages and compares with the hand-checked gold records.
//!
//! An article matches a gold record when their bodies (whitespace removed)
//! share ≥ 90% of their character bigrams, counted against the longer of
//! the two, so both splitting and merging articles cost a match. Run with
//! `cargo test -p baoku-cli --test gold -- --nocapture` for the report.

use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn strip(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn bigram_overlap(a: &str, b: &str) -> f64 {
    let grams = |s: &str| {
        let cs: Vec<char> = s.chars().collect();
        let mut m: HashMap<(char, char), usize> = HashMap::new();
        for w in cs.windows(2) {
            *m.entry((w[0], w[1])).or_default() += 1;
        }
        (m, cs.len().saturating_sub(1))
    };
    let (ga, na) = grams(a);
    let (gb, nb) = grams(b);
    let denom = na.max(nb);
    if denom == 0 {
        return if a == b { 1.0 } else { 0.0 };
    }
    let common: usize = ga
        .iter()
        .map(|(k, v)| (*v).min(*gb.get(k).unwrap_or(&0)))
        .sum();
    common as f64 / denom as f64
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

struct Score {
    predicted: usize,
    gold: usize,
    matched: usize,
    headline_ok: usize,
    names_ok: usize,
    dates_ok: usize,
    dates: usize,
}

fn score() -> Score {
    let out = Command::new(env!("CARGO_BIN_EXE_baoku"))
        .args(["export", "--infer-dates"])
        .arg(root().join("corpus"))
        .output()
        .expect("run baoku export");
    assert!(
        out.status.success(),
        "export failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let predicted: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("export prints JSON lines"))
        .collect();
    let gold: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/gold/articles.dev.json")).unwrap(),
    )
    .unwrap();
    let pages: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/gold/pages.dev.json")).unwrap(),
    )
    .unwrap();
    let files: Vec<&str> = pages.iter().filter_map(|p| p["file"].as_str()).collect();

    let mut s = Score {
        predicted: 0,
        gold: gold.len(),
        matched: 0,
        headline_ok: 0,
        names_ok: 0,
        dates_ok: 0,
        dates: 0,
    };
    let mut by_file: BTreeMap<&str, Vec<&Value>> = BTreeMap::new();
    for p in &predicted {
        let f = p["source"].as_str().unwrap_or("");
        if files.contains(&f) {
            by_file.entry(f).or_default().push(p);
            s.predicted += 1;
        }
    }
    for g in &gold {
        let file = g["file"].as_str().unwrap();
        let gb = strip(g["body_text"].as_str().unwrap_or(""));
        let cands = by_file.entry(file).or_default();
        let best = cands
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let pb: String = strs(&p["paragraphs"]).iter().map(|x| strip(x)).collect();
                (i, bigram_overlap(&pb, &gb))
            })
            .max_by(|a, b| a.1.partial_cmp(&b.1).unwrap());
        let head = g["headline"].as_str().unwrap_or("-");
        match best {
            Some((i, ov)) if ov >= 0.9 => {
                let p = cands.remove(i);
                s.matched += 1;
                let h_ok = p["headline"] == g["headline"];
                s.headline_ok += h_ok as usize;
                let n_ok = ["reporters", "correspondents", "authors"]
                    .iter()
                    .all(|k| strs(&p[*k]) == strs(&g[*k]));
                s.names_ok += n_ok as usize;
                if !h_ok || !n_ok {
                    println!(
                        "  {file} {head}: headline {:?} names {} {} {}",
                        p["headline"], p["reporters"], p["correspondents"], p["authors"]
                    );
                }
            }
            other => println!(
                "  MISSED {file} {head} (best overlap {:.2})",
                other.map(|o| o.1).unwrap_or(0.0)
            ),
        }
    }
    for (f, rest) in &by_file {
        for p in rest {
            println!(
                "  EXTRA {f} {:?} {:?}",
                p["headline"],
                strs(&p["paragraphs"])
                    .first()
                    .map(|x| x.chars().take(20).collect::<String>())
            );
        }
    }
    for pg in &pages {
        let file = pg["file"].as_str().unwrap();
        let want = pg["date_estimate"].as_str().unwrap_or("");
        let conf = pg["date_confidence"].as_str().unwrap_or("day");
        let got = predicted
            .iter()
            .find(|p| p["source"] == file)
            .and_then(|p| p["date"].as_str())
            .unwrap_or("");
        let ok = if conf == "month" {
            got.get(..7) == want.get(..7)
        } else {
            got == want
        };
        s.dates += 1;
        s.dates_ok += ok as usize;
        println!(
            "  date {file}: {got} (gold {want}, {conf}) {}",
            if ok { "ok" } else { "WRONG" }
        );
    }
    s
}

#[test]
fn segmentation_meets_gold_targets() {
    let s = score();
    let precision = s.matched as f64 / s.predicted.max(1) as f64;
    let recall = s.matched as f64 / s.gold.max(1) as f64;
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let headlines = s.headline_ok as f64 / s.matched.max(1) as f64;
    let names = s.names_ok as f64 / s.matched.max(1) as f64;
    println!(
        "gold: {} predicted, {} gold, {} matched; precision {precision:.3} recall {recall:.3} F1 {f1:.3}; \
         headlines {headlines:.3}; names {names:.3}; dates {}/{}",
        s.predicted, s.gold, s.matched, s.dates_ok, s.dates
    );
    assert!(f1 >= 0.95, "boundary F1 {f1:.3} < 0.95");
    assert!(
        headlines >= 0.90,
        "headline exact-match {headlines:.3} < 0.90"
    );
    assert!(names >= 0.95, "byline names exact-match {names:.3} < 0.95");
    assert_eq!(s.dates_ok, s.dates, "issue dates");
}
