//! Sidebars interleaved with their article. Layout rule owned here: when a
//! sidebar (记者感言, 短评, 链接…) interrupts an article mid-sentence, a
//! block after the sidebar's label that comes while both were left
//! mid-sentence continues the one it joins best across the break (the
//! article on a tie); other blocks go on with the sidebar.

use super::account::CharHasher;
use super::drafts::{Draft, HeadingSlot};
use super::headings::is_sidebar_label;
use super::lines::Line;
use super::paragraphs::ends_block;
use crate::text::is_han;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

pub(super) type Bigrams = HashMap<(char, char), usize, BuildHasherDefault<CharHasher>>;

/// Re-thread the blocks of each sidebar draft that interrupts an article.
pub(super) fn rethread_sidebars(drafts: &mut [Draft], slots: &[HeadingSlot]) {
    let mut counts: Option<Bigrams> = None;
    for s in slots {
        let (Some(a), Some(b)) = (s.prev, s.next) else {
            continue;
        };
        if b != a + 1 || !is_sidebar_label(&s.lines) || !open_end(&drafts[a].lines) {
            continue;
        }
        let counts = counts.get_or_insert_with(|| page_bigrams(drafts));
        let blocks = split_blocks(std::mem::take(&mut drafts[b].lines));
        let mut side: Vec<Option<Line>> = Vec::new();
        for (k, block) in blocks.into_iter().enumerate() {
            let to_article = k > 0 && {
                let a_open = open_end(&drafts[a].lines);
                let s_open = open_end(&side);
                let first = block
                    .first()
                    .and_then(|l| l.text.chars().find(|c| is_han(*c)));
                let score = |lines: &[Option<Line>]| {
                    let last = last_han(lines);
                    match (last, first) {
                        (Some(x), Some(y)) => counts.get(&(x, y)).copied().unwrap_or(0),
                        _ => 0,
                    }
                };
                a_open && s_open && score(&drafts[a].lines) >= score(&side)
            };
            let target = if to_article {
                &mut drafts[a].lines
            } else {
                &mut side
            };
            if !target.is_empty() {
                target.push(None);
            }
            target.extend(block.into_iter().map(Some));
        }
        drafts[b].lines = side;
    }
}

/// Does the text end mid-sentence?
fn open_end(lines: &[Option<Line>]) -> bool {
    lines
        .iter()
        .rev()
        .flatten()
        .next()
        .is_some_and(|l| !ends_block(&l.text) && !l.text.ends_with(['：', ':']))
}

fn last_han(lines: &[Option<Line>]) -> Option<char> {
    lines
        .iter()
        .rev()
        .flatten()
        .next()
        .and_then(|l| l.text.chars().rev().find(|c| is_han(*c)))
}

fn split_blocks(lines: Vec<Option<Line>>) -> Vec<Vec<Line>> {
    let mut out: Vec<Vec<Line>> = Vec::new();
    let mut cur: Vec<Line> = Vec::new();
    for l in lines {
        match l {
            Some(l) => cur.push(l),
            None if !cur.is_empty() => out.push(std::mem::take(&mut cur)),
            None => {}
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Character bigrams within lines of the page's text, counted.
pub(super) fn page_bigrams(drafts: &[Draft]) -> Bigrams {
    let mut m = Bigrams::default();
    for l in drafts.iter().flat_map(|d| d.lines.iter().flatten()) {
        let mut prev: Option<char> = None;
        for c in l.text.chars().filter(|c| is_han(*c)) {
            if let Some(p) = prev {
                *m.entry((p, c)).or_default() += 1;
            }
            prev = Some(c);
        }
    }
    m
}
