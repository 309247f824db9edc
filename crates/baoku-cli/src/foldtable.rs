//! Computes the fold table shipped in the manifest.
//!
//! The full folding F(c) is NFKC, then traditional → simplified (zhconv's
//! MediaWiki tables, character by character), then lower case, then the core
//! crate's built-in rules. The browser cannot afford those tables (~150 kB
//! gzip), but it does not need them: a query character whose folding never
//! occurs in the folded corpus matches nothing either way. So the table
//! keeps F(c) only for characters of the corpus and for characters whose
//! folding lands entirely inside the folded corpus.

use baoku_core::Folder;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use unicode_normalization::UnicodeNormalization;

fn han_ranges() -> impl Iterator<Item = char> {
    [
        (0x3400u32, 0x4DBFu32),
        (0x4E00, 0x9FFF),
        (0xF900, 0xFAFF),
        (0x20000, 0x2A6DF),
    ]
    .into_iter()
    .flat_map(|(a, b)| (a..=b).filter_map(char::from_u32))
}

/// Traditional → simplified for single characters.
fn t2s_map() -> HashMap<char, String> {
    let chars: Vec<char> = han_ranges().collect();
    let mut input = String::with_capacity(chars.len() * 5);
    for c in &chars {
        input.push(*c);
        input.push('\n');
    }
    let out = zhconv::zhconv(&input, zhconv::Variant::ZhHans);
    let lines: Vec<&str> = out.split('\n').collect();
    let mut m = HashMap::new();
    if lines.len() >= chars.len() {
        for (c, l) in chars.iter().zip(lines) {
            let mut it = l.chars();
            if let (Some(o), None) = (it.next(), it.next()) {
                if o != *c {
                    m.insert(*c, o.to_string());
                }
            }
        }
    }
    m
}

pub struct FullFold {
    t2s: HashMap<char, String>,
    builtin: Folder,
}

impl FullFold {
    pub fn new() -> Self {
        FullFold {
            t2s: t2s_map(),
            builtin: Folder::builtin(),
        }
    }

    fn once(&self, s: &str) -> String {
        let mut out = String::new();
        for c in s.nfkc() {
            let t = self.t2s.get(&c).cloned().unwrap_or_else(|| c.to_string());
            for c2 in t.chars() {
                for l in c2.to_lowercase() {
                    out.push(l);
                }
            }
        }
        self.builtin.fold(&out)
    }

    /// F(c), iterated to a fixed point so the table is idempotent.
    pub fn fold_char(&self, c: char) -> String {
        let mut cur = self.once(&c.to_string());
        for _ in 0..3 {
            let next = self.once(&cur);
            if next == cur {
                break;
            }
            cur = next;
        }
        cur
    }

    /// The table for a corpus whose raw characters are `corpus_chars`.
    pub fn table_for(&self, corpus_chars: &BTreeSet<char>) -> BTreeMap<char, String> {
        let builtin = &self.builtin;
        let mut table = BTreeMap::new();
        let mut folded_corpus: BTreeSet<char> = BTreeSet::new();
        for &c in corpus_chars {
            let f = self.fold_char(c);
            folded_corpus.extend(f.chars());
            if f != builtin.fold(&c.to_string()) {
                table.insert(c, f);
            }
        }
        let candidates = (0x80u32..0x2FFFF).filter_map(char::from_u32);
        for c in candidates {
            if corpus_chars.contains(&c) {
                continue;
            }
            let f = self.fold_char(c);
            if f.is_empty() || f == builtin.fold(&c.to_string()) {
                continue;
            }
            if f.chars().all(|x| folded_corpus.contains(&x)) {
                table.insert(c, f);
            }
        }
        table
    }
}
