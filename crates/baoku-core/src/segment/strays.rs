//! Strays: a column no rule gave to its article. Layout rule owned here:
//! every story on a page has a headline, a lead or a byline, so text left
//! with none of them (no heading took it, nothing marks its start or end)
//! is a column of a story read elsewhere on the page, and an article's
//! columns repeat its own words. A stray that clearly shares its wording
//! with one article, and only with that one, joins it; failing that, a
//! story broken off mid-sentence (its next column must be somewhere) takes
//! the stray whose wording it shares most, on less evidence.

use super::blocks::{grams, similarity};
use super::drafts::{lines_text, opens_dateline, Anchor, Draft, HeadingSlot};
use super::lines::Line;
use super::owners::heading_overlap;
use super::paragraphs::ends_block;
use super::threads::broken;
use crate::text::visible_len;
use std::collections::HashSet;

/// At most this many articles on a page are compared (each stray costs a
/// comparison with each).
const ARTICLES_MAX: usize = 200;
/// Characters of a stray read for its wording.
const CONTEXT: usize = 400;
/// The least share of wording a stray must have with its article, and how
/// many times the next best article's share.
const MIN_SIMILARITY: f64 = 0.18;
const MARGIN: f64 = 2.0;
/// The same for a story broken off mid-sentence: its next column must be
/// somewhere, so less wording is needed.
const BROKEN_MIN: f64 = 0.05;
const BROKEN_MARGIN: f64 = 1.5;

/// Text without heading, lead or byline.
fn is_stray(d: &Draft) -> bool {
    d.heading.is_none()
        && d.teaser.is_none()
        && d.anchor == Anchor::None
        && d.byline.is_empty()
        && d.embedded_in.is_none()
        && d.lines.iter().flatten().next().is_some()
}

/// A story a stray may join: titled or marked, and not a photo caption.
fn is_story(d: &Draft) -> bool {
    d.teaser.is_none()
        && d.anchor != Anchor::BylineBelow
        && (d.heading.is_some() || d.anchor != Anchor::None || !d.byline.is_empty())
        && d.lines.iter().flatten().next().is_some()
}

/// Runs of a stray's blocks (blank-separated) that belong together: a
/// block after a sentence broken off at a blank line goes with the block
/// before it.
fn chains(lines: &[Option<Line>]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].is_none() {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && lines[i].is_some() {
            i += 1;
        }
        let broken_before = out.last().is_some_and(|&(_, e)| {
            lines[..e]
                .iter()
                .rev()
                .flatten()
                .next()
                .is_some_and(|l| !ends_block(&l.text))
        });
        match out.last_mut() {
            Some(last) if broken_before => last.1 = i,
            _ => out.push((start, i)),
        }
    }
    out
}

/// Move each stray's runs into the one story whose wording each clearly
/// shares.
pub(super) fn rejoin_strays(drafts: &mut [Draft], slots: &[HeadingSlot]) {
    if drafts.len() < 2 || drafts.len() > ARTICLES_MAX {
        return;
    }
    let strays: Vec<usize> = (0..drafts.len())
        .filter(|&i| is_stray(&drafts[i]))
        .collect();
    if strays.is_empty() {
        return;
    }
    let stories: Vec<usize> = (0..drafts.len())
        .filter(|&i| is_story(&drafts[i]))
        .collect();
    if stories.is_empty() {
        return;
    }
    let story_grams: Vec<HashSet<(char, char)>> = stories
        .iter()
        .map(|&i| grams(&drafts[i].body_text()))
        .collect();
    // Headings no article took: a stray repeating one of them is that
    // story's own text, not another's column.
    let unclaimed: Vec<String> = (0..slots.len())
        .filter(|&k| !slots[k].lines.is_empty() && !drafts.iter().any(|d| d.heading == Some(k)))
        .map(|k| slots[k].lines.concat())
        .collect();
    // (stray, line range, story)
    let mut moves: Vec<(usize, (usize, usize), usize)> = Vec::new();
    for &s in &strays {
        for (a, b) in chains(&drafts[s].lines) {
            let text: String = lines_text(&drafts[s].lines[a..b])
                .chars()
                .take(CONTEXT)
                .collect();
            // A short scrap says too little about where it belongs.
            // (An untitled caption opens with the photo's day.)
            if visible_len(&text) < 20
                || opens_dateline(&text)
                || unclaimed.iter().any(|h| heading_overlap(h, &text) >= 0.5)
            {
                continue;
            }
            let g = grams(&text);
            let mut scored: Vec<(f64, usize)> = story_grams
                .iter()
                .zip(&stories)
                .map(|(sg, &i)| (similarity(&g, sg), i))
                .collect();
            scored.sort_by(|x, y| y.0.partial_cmp(&x.0).unwrap_or(std::cmp::Ordering::Equal));
            let best = scored[0];
            let second = scored.get(1).map_or(0.0, |x| x.0);
            if best.0 >= MIN_SIMILARITY && best.0 >= MARGIN * second {
                moves.push((s, (a, b), best.1));
                continue;
            }
            // Otherwise a story broken off mid-sentence runs on into it:
            // the one of them whose wording it shares most.
            let open: Vec<(f64, usize)> = scored
                .iter()
                .copied()
                .filter(|&(_, i)| broken(&drafts[i]) && !moves.iter().any(|m| m.2 == i))
                .collect();
            let second = open.get(1).map_or(0.0, |x| x.0);
            if let Some(&(sim, to)) = open.first() {
                if sim >= BROKEN_MIN && sim >= BROKEN_MARGIN * second {
                    moves.push((s, (a, b), to));
                }
            }
        }
    }
    // Drained from the back, so earlier ranges keep their positions; then
    // appended in reading order.
    let mut drained: Vec<(usize, Vec<Option<Line>>)> = moves
        .iter()
        .rev()
        .map(|&(s, (a, b), to)| (to, drafts[s].lines.drain(a..b).collect()))
        .collect();
    drained.reverse();
    for (to, moved) in drained {
        drafts[to].lines.push(None);
        drafts[to].lines.extend(moved);
    }
}
