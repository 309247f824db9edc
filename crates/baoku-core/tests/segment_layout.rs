//! Layout invariance: the gold articles laid out again (column widths,
//! heading position and breaks, byline styles, running heads, spacing) must
//! segment into the same articles, headlines and names. The scores print with
//! `cargo test -p baoku-core --test segment_layout -- --nocapture`.

mod layout;

use layout::{gold_pages, relayout, score_articles, segment, Score};

/// Seeds per gold page file (`LAYOUT_SEEDS` overrides).
const SEEDS: u64 = 100;

/// `LAYOUT_FIRST_SEED` starts later, to score seeds never looked at while
/// the rules were written.
fn first_seed() -> u64 {
    std::env::var("LAYOUT_FIRST_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

fn seeds() -> u64 {
    std::env::var("LAYOUT_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(SEEDS)
}

#[test]
fn segment_relayouts_keep_articles_headlines_and_names() {
    let mut total = Score::default();
    let pages = gold_pages();
    for (pi, arts) in pages.iter().enumerate() {
        for seed in first_seed()..seeds() {
            let (text, expected) = relayout(arts, seed * 31 + pi as u64);
            let got = segment("relayout.txt", &text);
            let s = score_articles(&format!("p{pi} seed {seed}"), &got, &expected);
            total.add(s);
        }
    }
    let verbose = std::env::var("LAYOUT_VERBOSE").is_ok();
    for f in total.failures.iter().take(if verbose { 400 } else { 30 }) {
        println!("  {f}");
    }
    println!(
        "{}",
        total.report(&format!(
            "relayouts ({} pages, seeds {}..{})",
            (seeds() - first_seed()) as usize * pages.len(),
            first_seed(),
            seeds()
        ))
    );
    assert!(total.f1() >= 0.97, "F1 {:.3}", total.f1());
    assert!(
        total.headlines() >= 0.93,
        "headlines {:.3}",
        total.headlines()
    );
    assert!(total.names() >= 0.98, "names {:.3}", total.names());
}

/// `LAYOUT_PAGE=0 LAYOUT_SEED=4 cargo test -p baoku-core --test segment_layout show -- --ignored --nocapture`
#[test]
#[ignore]
fn show_one_relayout() {
    let pi: usize = std::env::var("LAYOUT_PAGE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let seed: u64 = std::env::var("LAYOUT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let pages = gold_pages();
    let (text, expected) = relayout(&pages[pi], seed * 31 + pi as u64);
    println!("{text}\n=====");
    for a in segment("relayout.txt", &text) {
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
                .map(|p| p.chars().take(30).collect::<String>())
                .collect::<Vec<_>>()
        );
    }
    println!("=====");
    let s = score_articles("show", &segment("relayout.txt", &text), &expected);
    for f in s.failures {
        println!("{f}");
    }
}
