//! The entity scorer: runs `baoku_core::enrich` on the hand-checked gold
//! articles (their text from `articles.dev.json`) and compares with the
//! expected amounts, documents, organisations and people in
//! `entities.dev.json`. Prints precision and recall per field with
//! `cargo test -p baoku-cli --test enrich_gold -- --nocapture` and asserts
//! the targets.
//!
//! Matching: amounts by normalised yuan value (a multiset per article: two
//! 50万元 are two amounts); documents and people's names exactly;
//! organisations exactly against any accepted form of a gold entry, and a
//! prediction matching an `organizations_optional` entry (a borderline
//! case: a market, a park, a brand) counts neither way.

use baoku_core::{Article, Kind};
use serde_json::Value;
use std::collections::HashMap;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn load(name: &str) -> Vec<Value> {
    let p = root().join("tests/fixtures/gold").join(name);
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

#[derive(Default)]
struct Tally {
    predicted: usize,
    correct_predicted: usize,
    gold: usize,
    found: usize,
}

impl Tally {
    fn p(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.correct_predicted as f64 / self.predicted as f64
        }
    }
    fn r(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.found as f64 / self.gold as f64
        }
    }
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

/// Gold entries that accept several forms: "X" or ["X", "Y"].
fn alts(v: &Value) -> Vec<Vec<String>> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|x| match x.as_str() {
                    Some(s) => vec![s.to_string()],
                    None => strs(x),
                })
                .collect()
        })
        .unwrap_or_default()
}

fn set_tally(
    t: &mut Tally,
    pred: &[String],
    gold: &[Vec<String>],
    optional: &[Vec<String>],
    what: &str,
    misses: &mut Vec<String>,
) {
    for p in pred {
        if gold.iter().any(|g| g.contains(p)) {
            t.predicted += 1;
            t.correct_predicted += 1;
        } else if !optional.iter().any(|g| g.contains(p)) {
            t.predicted += 1;
            misses.push(format!("  {what} extra: {p}"));
        }
    }
    for g in gold {
        t.gold += 1;
        if pred.iter().any(|p| g.contains(p)) {
            t.found += 1;
        } else {
            misses.push(format!("  {what} missed: {}", g.join(" | ")));
        }
    }
}

fn gold_article(g: &Value) -> Article {
    Article {
        headline: g["headline"].as_str().map(String::from),
        subheadline: g["subheadline"].as_str().map(String::from),
        reporters: strs(&g["reporters"]),
        correspondents: strs(&g["correspondents"]),
        authors: strs(&g["authors"]),
        paragraphs: vec![g["body_text"].as_str().unwrap_or("").to_string()],
        ..Article::new("gold", g["file"].as_str().unwrap_or(""), Kind::News)
    }
}

#[test]
fn entity_precision_and_recall_on_the_gold_articles() {
    let arts = load("articles.dev.json");
    let ents = load("entities.dev.json");
    assert_eq!(
        arts.len(),
        ents.len(),
        "one entities record per gold article"
    );
    let (mut am, mut ap, mut doc, mut org, mut ppl) = (
        Tally::default(),
        (0usize, 0usize),
        Tally::default(),
        Tally::default(),
        Tally::default(),
    );
    let mut titles = (0usize, 0usize);
    let mut misses = Vec::new();
    for (g, e) in arts.iter().zip(&ents) {
        assert_eq!(g["file"], e["file"]);
        assert_eq!(g["headline"], e["headline"]);
        let mut a = gold_article(g);
        baoku_core::enrich::enrich_article(&mut a);
        misses.push(format!(
            "{} {}",
            e["file"].as_str().unwrap_or(""),
            a.display_title()
        ));

        // Amounts: multiset of yuan values.
        let mut want: HashMap<u64, (usize, bool)> = HashMap::new();
        for x in e["amounts"].as_array().into_iter().flatten() {
            let y = x["yuan"].as_u64().unwrap();
            let en = want.entry(y).or_insert((0, false));
            en.0 += 1;
            en.1 = x["approx"].as_bool().unwrap_or(false);
            am.gold += 1;
        }
        for p in &a.amounts {
            am.predicted += 1;
            match want.get_mut(&p.yuan) {
                Some((n, approx)) if *n > 0 => {
                    *n -= 1;
                    am.correct_predicted += 1;
                    am.found += 1;
                    ap.1 += 1;
                    if *approx == p.approx {
                        ap.0 += 1;
                    } else {
                        misses.push(format!("  amount approx wrong: {}", p.text));
                    }
                }
                _ => misses.push(format!("  amount extra: {} = {}", p.text, p.yuan)),
            }
        }
        for (y, (n, _)) in &want {
            if *n > 0 {
                misses.push(format!("  amount missed: {y} ×{n}"));
            }
        }

        let one = |v: Vec<String>| v.into_iter().map(|s| vec![s]).collect::<Vec<_>>();
        set_tally(
            &mut doc,
            &a.documents,
            &one(strs(&e["documents"])),
            &[],
            "document",
            &mut misses,
        );
        set_tally(
            &mut org,
            &a.organizations,
            &alts(&e["organizations"]),
            &alts(&e["organizations_optional"]),
            "organization",
            &mut misses,
        );
        let names: Vec<String> = a.people.iter().map(|p| p.name.clone()).collect();
        let gold_people = e["people"].as_array().cloned().unwrap_or_default();
        let gold_names: Vec<String> = gold_people
            .iter()
            .filter_map(|p| p["name"].as_str().map(String::from))
            .collect();
        set_tally(
            &mut ppl,
            &names,
            &one(gold_names),
            &[],
            "person",
            &mut misses,
        );
        for p in &a.people {
            if let Some(gp) = gold_people.iter().find(|g| g["name"] == p.name.as_str()) {
                let gt = gp["title"].as_str().unwrap_or("");
                titles.1 += 1;
                if gt == p.title || gt.ends_with(&p.title) || p.title.ends_with(gt) {
                    titles.0 += 1;
                } else {
                    misses.push(format!("  title of {}: {} (gold {gt})", p.name, p.title));
                }
            }
        }
    }
    println!("{}", misses.join("\n"));
    println!("\nfield          precision  recall   (predicted / gold)");
    for (name, t) in [
        ("amounts", &am),
        ("documents", &doc),
        ("organizations", &org),
        ("people", &ppl),
    ] {
        println!(
            "{name:<14} {:>8.3}  {:>7.3}   ({} / {})",
            t.p(),
            t.r(),
            t.predicted,
            t.gold
        );
    }
    println!(
        "amount approx flag right: {}/{}; person title right: {}/{}",
        ap.0, ap.1, titles.0, titles.1
    );
    assert!(am.p() >= 0.98 && am.r() >= 0.98, "amounts below 0.98/0.98");
    assert!(
        doc.p() >= 0.95 && doc.r() >= 0.95,
        "documents below 0.95/0.95"
    );
    assert!(
        org.p() >= 0.85 && org.r() >= 0.80,
        "organizations below 0.85/0.80"
    );
}
