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

/// `variant` conversion of single characters (those that change).
fn char_map(variant: zhconv::Variant) -> HashMap<char, String> {
    let chars: Vec<char> = han_ranges().collect();
    let mut input = String::with_capacity(chars.len() * 5);
    for c in &chars {
        input.push(*c);
        input.push('\n');
    }
    let out = zhconv::zhconv(&input, variant);
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

/// Characters that one traditional form writes for several simplified
/// ones (著 for 着 and 著, 餘 for 余 and 馀, 乾 for 干 and 乾) fall into
/// one class, canonicalised to its smallest code point, on both sides:
/// then 隨著 finds 随着 and 貸款餘額 finds 贷款余额. Classes are the
/// connected components of "converts to" in both directions
/// (traditional → simplified, simplified → traditional, Taiwan and Hong
/// Kong standards), so no hand-made list is needed.
/// Word-level conversions add what single characters cannot show: 余 is
/// written 餘 in 余额 → 餘額, 着 is 著 in 随着 → 隨著. So the corpus's own
/// adjacent Han pairs are converted too, and aligned char by char.
fn classes(t2s: &HashMap<char, String>, pairs: &BTreeSet<(char, char)>) -> HashMap<char, char> {
    let mut parent: HashMap<char, char> = HashMap::new();
    fn find(p: &mut HashMap<char, char>, c: char) -> char {
        let mut r = c;
        while let Some(&n) = p.get(&r) {
            if n == r {
                break;
            }
            r = n;
        }
        p.insert(c, r);
        r
    }
    let mut union = |a: char, b: char| {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra != rb {
            // The smaller code point is the root: the canonical member.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            parent.insert(hi, lo);
            parent.insert(lo, lo);
        }
    };
    let single = |s: &String| {
        let mut it = s.chars();
        match (it.next(), it.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        }
    };
    for (&c, s) in t2s {
        if let Some(o) = single(s) {
            union(c, o);
        }
    }
    for v in [
        zhconv::Variant::ZhHant,
        zhconv::Variant::ZhTW,
        zhconv::Variant::ZhHK,
    ] {
        for (c, s) in char_map(v) {
            if let Some(o) = single(&s) {
                union(c, o);
            }
        }
    }
    if !pairs.is_empty() {
        let mut input = String::with_capacity(pairs.len() * 7);
        for &(a, b) in pairs {
            input.push(a);
            input.push(b);
            input.push('\n');
        }
        for v in [
            zhconv::Variant::ZhHant,
            zhconv::Variant::ZhTW,
            zhconv::Variant::ZhHK,
        ] {
            let out = zhconv::zhconv(&input, v);
            for (&(a, b), line) in pairs.iter().zip(out.split('\n')) {
                let t: Vec<char> = line.chars().collect();
                if let [x, y] = t[..] {
                    union(a, x);
                    union(b, y);
                }
            }
        }
    }
    let keys: Vec<char> = parent.keys().copied().collect();
    let mut out = HashMap::new();
    for c in keys {
        let r = find(&mut parent, c);
        if r != c {
            out.insert(c, r);
        }
    }
    out
}

pub struct FullFold {
    t2s: HashMap<char, String>,
    class: HashMap<char, char>,
    builtin: Folder,
}

impl FullFold {
    /// `pairs`: the corpus's adjacent Han character pairs (for word-level
    /// variant classes; may be empty).
    pub fn new(pairs: &BTreeSet<(char, char)>) -> Self {
        let t2s = char_map(zhconv::Variant::ZhHans);
        FullFold {
            class: classes(&t2s, pairs),
            t2s,
            builtin: Folder::builtin(),
        }
    }

    fn once(&self, s: &str) -> String {
        let mut out = String::new();
        for c in s.nfkc() {
            let t = self.t2s.get(&c).cloned().unwrap_or_else(|| c.to_string());
            for c2 in t.chars() {
                let c2 = self.class.get(&c2).copied().unwrap_or(c2);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_traditional_form_for_two_simplified_ones_is_one_class() {
        let pairs: BTreeSet<(char, char)> = [('余', '额'), ('随', '着')].into_iter().collect();
        let f = FullFold::new(&pairs);
        assert_eq!(f.fold_char('餘'), f.fold_char('余'));
        assert_eq!(f.fold_char('馀'), f.fold_char('余'));
        assert_eq!(f.fold_char('著'), f.fold_char('着'));
        assert_eq!(f.fold_char('專'), "专");
        // Distinct simplified characters stay distinct.
        assert_ne!(f.fold_char('余'), f.fold_char('额'));
        assert_ne!(f.fold_char('着'), f.fold_char('看'));
    }
}
