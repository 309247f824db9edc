//! Tails: the last lines of an article read on their own. Layout rule owned
//! here: every story has a headline and captions close with a byline, so
//! a short untitled piece that only closes with a signature (……表示。（记者
//! X）) is the end of an earlier untitled-by-byline article whose next
//! column extraction read elsewhere: it goes back to the nearest such
//! article set in the same column width.

use super::drafts::{Anchor, Draft, HeadingSlot};
use super::CAPTION_MAX;
use crate::segment::bylines::trailing_signature;
use crate::text::visible_len;

/// Longest lone heading line read as a kicker rather than a headline.
const KICKER_MAX: usize = 5;
/// How many drafts back a tail's article may be: its column is on the same
/// page region, and a bound keeps a page of many articles linear.
const LOOKBACK: usize = 12;

/// What a draft's ending says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// Closed by its own signature.
    Signed,
    /// Nothing closes it.
    Open,
}

fn ending(d: &Draft) -> Ending {
    match d.lines.iter().rev().flatten().next() {
        Some(l) if trailing_signature(&l.text).is_some() => Ending::Signed,
        _ => Ending::Open,
    }
}

/// The draft's usual (median) line width.
fn usual_width(d: &Draft) -> usize {
    let mut w: Vec<usize> = d
        .lines
        .iter()
        .flatten()
        .map(|l| visible_len(&l.text))
        .collect();
    if w.is_empty() {
        return 0;
    }
    w.sort_unstable();
    w[w.len() / 2]
}

/// A short untitled piece with only a closing signature. A lone word
/// over it (a kicker, 临清市) is no headline.
fn is_tail(d: &Draft, slots: &[HeadingSlot]) -> bool {
    let untitled = d.heading.is_none_or(|k| match slots[k].lines.as_slice() {
        [l] => l.chars().count() <= KICKER_MAX,
        _ => false,
    });
    untitled
        && d.anchor == Anchor::None
        && d.byline.is_empty()
        && d.teaser.is_none()
        && ending(d) == Ending::Signed
        && super::drafts::body_len(&d.lines) <= CAPTION_MAX
}

/// A titled article nothing signs: it may have lost its end.
fn is_unsigned_article(d: &Draft) -> bool {
    d.heading.is_some()
        && d.anchor == Anchor::None
        && d.byline.is_empty()
        && d.teaser.is_none()
        && ending(d) == Ending::Open
}

/// Move each tail to the end of the article it closes.
pub(super) fn rejoin_tails(drafts: &mut [Draft], slots: &[HeadingSlot]) {
    for t in 1..drafts.len() {
        if !is_tail(&drafts[t], slots) {
            continue;
        }
        let width = usual_width(&drafts[t]);
        let owner = (t.saturating_sub(LOOKBACK)..t).rev().find(|&e| {
            is_unsigned_article(&drafts[e]) && usual_width(&drafts[e]).abs_diff(width) <= 1
        });
        if let Some(e) = owner {
            let moved = std::mem::take(&mut drafts[t].lines);
            drafts[t].heading = None;
            drafts[e].lines.push(None);
            drafts[e].lines.extend(moved);
        }
    }
}
