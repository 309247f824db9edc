//! Accounting: nothing on a page is lost silently. Layout rule owned here:
//! every Chinese character of the page text ends up in an article's fields
//! or in the page's list of discarded furniture (running heads, page
//! pointers, continuation markers, byline role words, banners).

use crate::model::Article;
use crate::text::is_han;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A cheap hasher for `char` keys (std's SipHash is slow for them).
#[derive(Default)]
pub(super) struct CharHasher(u64);

impl Hasher for CharHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(8) ^ *b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0.rotate_left(21) ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type CharMap<V> = HashMap<char, V, BuildHasherDefault<CharHasher>>;

/// One page's articles and the text discarded from it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageReport {
    pub articles: Vec<Article>,
    /// Discarded text, in page order: running heads, pointers to other
    /// pages, continuation markers, role words of bylines, banners.
    pub furniture: Vec<String>,
}

impl PageReport {
    /// Chinese characters kept in the articles' fields.
    pub fn kept_chars(&self) -> usize {
        self.articles
            .iter()
            .map(|a| {
                article_fields(a)
                    .iter()
                    .map(|s| han_count(s))
                    .sum::<usize>()
            })
            .sum()
    }
    /// Chinese characters dropped as furniture.
    pub fn dropped_chars(&self) -> usize {
        self.furniture.iter().map(|s| han_count(s)).sum()
    }
}

pub fn han_count(s: &str) -> usize {
    s.chars().filter(|c| is_han(*c)).count()
}

/// The text fields of an article that carry page text.
pub fn article_fields(a: &Article) -> Vec<&str> {
    let mut v: Vec<&str> = [&a.kicker, &a.headline, &a.subheadline]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    for list in [&a.reporters, &a.correspondents, &a.authors, &a.paragraphs] {
        v.extend(list.iter().map(String::as_str));
    }
    v
}

/// The Chinese characters of `sources` that `kept` does not account for,
/// in source order.
pub(super) fn leftover<'a>(
    sources: impl IntoIterator<Item = &'a str>,
    kept: impl IntoIterator<Item = &'a str>,
) -> String {
    let mut have: CharMap<usize> = CharMap::default();
    for s in kept {
        for c in s.chars().filter(|c| is_han(*c)) {
            *have.entry(c).or_default() += 1;
        }
    }
    let mut out = String::new();
    for s in sources {
        for c in s.chars().filter(|c| is_han(*c)) {
            match have.get_mut(&c) {
                Some(n) if *n > 0 => *n -= 1,
                _ => out.push(c),
            }
        }
    }
    out
}
