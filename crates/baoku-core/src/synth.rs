//! Deterministic synthetic archives grown from real seed text, for
//! benchmarks: the same seed always gives the same corpus.

use crate::model::Article;

/// xorshift64*: small, fast, reproducible everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545F4914F6CDD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
}

/// Rotate a paragraph at a sentence boundary so repeated paragraphs differ.
fn rotate(p: &str, rng: &mut Rng) -> String {
    let cuts: Vec<usize> = p
        .match_indices('。')
        .map(|(i, s)| i + s.len())
        .filter(|&i| i < p.len())
        .collect();
    if cuts.is_empty() {
        return p.to_string();
    }
    let c = cuts[rng.below(cuts.len())];
    format!("{}{}", &p[c..], &p[..c])
}

/// `n` articles built from the paragraphs, headlines and names of `seed`,
/// dated across 2016–2025.
pub fn articles(seed: &[Article], n: usize, seed_value: u64) -> Vec<Article> {
    let mut rng = Rng::new(seed_value);
    let paras: Vec<&String> = seed.iter().flat_map(|a| &a.paragraphs).collect();
    let with_head: Vec<&Article> = seed.iter().filter(|a| a.headline.is_some()).collect();
    if paras.is_empty() || with_head.is_empty() {
        return Vec::new();
    }
    (0..n)
        .map(|i| {
            let base = with_head[rng.below(with_head.len())];
            let k = 2 + rng.below(6);
            let paragraphs = (0..k)
                .map(|_| rotate(paras[rng.below(paras.len())], &mut rng))
                .collect();
            let y = 2016 + rng.below(10);
            let m = 1 + rng.below(12);
            let d = 1 + rng.below(28);
            let mut a = base.clone();
            a.id = format!("syn-{i:06}");
            a.source = format!("syn-{:04}.txt", i / 8);
            a.date = Some(format!("{y:04}-{m:02}-{d:02}"));
            a.paragraphs = paragraphs;
            a
        })
        .collect()
}

/// Page texts totalling about `bytes`, made by reshuffling the seed pages'
/// blank-line-separated blocks (keeps the layout quirks the segmenter meets).
pub fn pages(seed_pages: &[String], bytes: usize, seed_value: u64) -> Vec<String> {
    let mut rng = Rng::new(seed_value);
    let blocks: Vec<&str> = seed_pages
        .iter()
        .flat_map(|p| p.split("\n\n"))
        .filter(|b| !b.trim().is_empty())
        .collect();
    let mut out = Vec::new();
    let mut total = 0;
    if blocks.is_empty() {
        return out;
    }
    while total < bytes {
        let mut page = String::new();
        // Keep runs of consecutive blocks so articles stay mostly whole.
        while page.len() < 16_000 {
            let start = rng.below(blocks.len());
            let run = 4 + rng.below(24);
            for b in blocks.iter().skip(start).take(run) {
                page.push_str(b);
                page.push_str("\n\n");
            }
        }
        total += page.len();
        out.push(page);
    }
    out
}
