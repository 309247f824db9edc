//! Layout invariance under a second, independent typesetter
//! (`layout::alt`): articles from any gold page, in any order, with widths,
//! heading sides, byline placements, kickers and subheadlines varied per
//! article. Scores print with
//! `cargo test -p baoku-core --test segment_layout_alt -- --nocapture`
//! (`LAYOUT_VERBOSE=1` lists every failure).

mod layout;

use layout::alt::alt_page;
use layout::{load_gold, score_articles, segment, Score};

/// Pages scored (`LAYOUT_SEEDS` overrides; `LAYOUT_FIRST_SEED` starts later).
const PAGES: u64 = 400;

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

#[test]
fn segment_alt_relayouts_keep_articles_headlines_and_names() {
    let pool = load_gold("tests/fixtures/gold/articles.dev.json");
    let (first, last) = (env("LAYOUT_FIRST_SEED", 0), env("LAYOUT_SEEDS", PAGES));
    let mut total = Score::default();
    let mut mixed = Score::default();
    for seed in first..last {
        let (text, expected, per_article) = alt_page(&pool, seed);
        let got = segment("alt.txt", &text);
        let tag = format!("seed {seed}{}", if per_article { " (mixed)" } else { "" });
        let s = score_articles(&tag, &got, &expected);
        if per_article {
            mixed.add(s.clone());
        }
        total.add(s);
    }
    let verbose = std::env::var("LAYOUT_VERBOSE").is_ok();
    for f in total.failures.iter().take(if verbose { 1000 } else { 20 }) {
        println!("  {f}");
    }
    println!("{}", mixed.report("  of which headings on either side"));
    println!(
        "{}",
        total.report(&format!("alt relayouts (seeds {first}..{last})"))
    );
    // Floors at the figures reached (seeds 0..400: F1 0.975, headlines
    // 0.982, names 0.997; held-out seeds 400..1400 score 0.972 / 0.966 /
    // 0.998). Pages whose headings change side per article score lower
    // (F1 0.90), as the line printed above shows.
    if first == 0 && last == PAGES {
        assert!(total.f1() >= 0.97, "F1 {:.3}", total.f1());
        assert!(
            total.headlines() >= 0.98,
            "headlines {:.3}",
            total.headlines()
        );
        assert!(total.names() >= 0.99, "names {:.3}", total.names());
    }
}

/// `LAYOUT_SEED=4 cargo test -p baoku-core --test segment_layout_alt show -- --ignored --nocapture`
#[test]
#[ignore]
fn show_one_alt_relayout() {
    let pool = load_gold("tests/fixtures/gold/articles.dev.json");
    let (text, expected, _) = alt_page(&pool, env("LAYOUT_SEED", 0));
    println!("{text}\n=====");
    let got = segment("alt.txt", &text);
    for a in &got {
        println!(
            "[{:?}] k={:?} h={:?} s={:?} r={:?} c={:?} a={:?}\n   {:?}",
            a.kind,
            a.kicker,
            a.headline,
            a.subheadline,
            a.reporters,
            a.correspondents,
            a.authors,
            a.paragraphs
                .iter()
                .map(|p| p.chars().take(24).collect::<String>())
                .collect::<Vec<_>>()
        );
    }
    println!("=====");
    for f in score_articles("show", &got, &expected).failures {
        println!("{f}");
    }
}
