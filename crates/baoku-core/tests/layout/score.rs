//! Scoring segmented articles against the articles a page should yield:
//! boundary F1 (a match shares ≥ 90% of body bigrams, as the gold scorer),
//! headline, kicker, subheadline and byline names exact.

use super::Gold;
use baoku_core::segment::segment_page;
use baoku_core::{Article, PageMeta};
use std::collections::HashMap;

pub fn strip(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect()
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

#[derive(Debug, Default, Clone)]
pub struct Score {
    pub predicted: usize,
    pub gold: usize,
    pub matched: usize,
    pub headline_ok: usize,
    pub names_ok: usize,
    pub kicker_ok: usize,
    pub sub_ok: usize,
    pub failures: Vec<String>,
}

impl Score {
    pub fn f1(&self) -> f64 {
        let p = self.matched as f64 / self.predicted.max(1) as f64;
        let r = self.matched as f64 / self.gold.max(1) as f64;
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
    pub fn headlines(&self) -> f64 {
        self.headline_ok as f64 / self.matched.max(1) as f64
    }
    pub fn names(&self) -> f64 {
        self.names_ok as f64 / self.matched.max(1) as f64
    }
    pub fn kickers(&self) -> f64 {
        self.kicker_ok as f64 / self.matched.max(1) as f64
    }
    pub fn subheadlines(&self) -> f64 {
        self.sub_ok as f64 / self.matched.max(1) as f64
    }
    pub fn add(&mut self, o: Score) {
        self.predicted += o.predicted;
        self.gold += o.gold;
        self.matched += o.matched;
        self.headline_ok += o.headline_ok;
        self.names_ok += o.names_ok;
        self.kicker_ok += o.kicker_ok;
        self.sub_ok += o.sub_ok;
        self.failures.extend(o.failures);
    }
    pub fn report(&self, what: &str) -> String {
        format!(
            "{what}: {} predicted, {} gold, {} matched; F1 {:.3}; headline exact {:.3}; names exact {:.3}; kicker {:.3}; subheadline {:.3}",
            self.predicted,
            self.gold,
            self.matched,
            self.f1(),
            self.headlines(),
            self.names(),
            self.kickers(),
            self.subheadlines()
        )
    }
}

fn norm(o: &Option<String>) -> String {
    o.as_deref().map(strip).unwrap_or_default()
}

/// Score predicted articles of one page against the expected ones: a match
/// shares ≥ 90% of body bigrams (as the gold scorer); headings compare with
/// whitespace removed (layout decides where a headline breaks).
pub fn score_articles(tag: &str, predicted: &[Article], expected: &[Gold]) -> Score {
    let mut s = Score {
        predicted: predicted.len(),
        gold: expected.len(),
        ..Default::default()
    };
    let mut cands: Vec<&Article> = predicted.iter().collect();
    for g in expected {
        let gb = strip(&g.body);
        let best = cands
            .iter()
            .enumerate()
            .map(|(i, p)| (i, bigram_overlap(&strip(&p.paragraphs.concat()), &gb)))
            .max_by(|a, b| a.1.partial_cmp(&b.1).unwrap_or(std::cmp::Ordering::Equal));
        let gh = g.headline.clone().unwrap_or_default();
        match best {
            Some((i, ov)) if ov >= 0.9 => {
                let p = cands.remove(i);
                s.matched += 1;
                let h_ok = norm(&p.headline) == norm(&g.headline);
                let n_ok = p.reporters == g.reporters
                    && p.correspondents == g.correspondents
                    && p.authors == g.authors;
                let k_ok = norm(&p.kicker) == norm(&g.kicker);
                let s_ok = norm(&p.subheadline) == norm(&g.subheadline);
                s.headline_ok += h_ok as usize;
                s.names_ok += n_ok as usize;
                s.kicker_ok += k_ok as usize;
                s.sub_ok += s_ok as usize;
                if !h_ok || !n_ok {
                    s.failures.push(format!(
                        "{tag} {gh}: got headline {:?} kicker {:?} names {:?} {:?} {:?}; want kicker {:?} names {:?} {:?} {:?}",
                        p.headline, p.kicker, p.reporters, p.correspondents, p.authors,
                        g.kicker, g.reporters, g.correspondents, g.authors
                    ));
                }
            }
            other => s.failures.push(format!(
                "{tag} MISSED {gh} (best overlap {:.2})",
                other.map(|o| o.1).unwrap_or(0.0)
            )),
        }
    }
    for p in cands {
        s.failures.push(format!(
            "{tag} EXTRA {:?} {:?}",
            p.headline,
            p.paragraphs
                .first()
                .map(|x| x.chars().take(20).collect::<String>())
        ));
    }
    s
}

pub fn segment(name: &str, text: &str) -> Vec<Article> {
    segment_page(name, text, &PageMeta::default())
}
