//! Tails: the last lines of an article read on their own. Layout rule owned
//! here: every story has a headline and captions close with a byline, so
//! a short untitled piece that only closes with a signature (……表示。（记者
//! X）) is the end of an earlier untitled-by-byline article whose next
//! column extraction read elsewhere: it goes back to the nearest such
//! article set in the same column width.

use super::drafts::{opens_dateline, Anchor, Draft, HeadingSlot};
use super::CAPTION_MAX;
use crate::segment::bylines::trailing_signature;
use crate::text::{ends_sentence, visible_len};

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
    untitled(d, slots)
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

/// Untitled (a lone kicker at most), as a tail is.
fn untitled(d: &Draft, slots: &[HeadingSlot]) -> bool {
    d.heading.is_none_or(|k| match slots[k].lines.as_slice() {
        [l] => l.chars().count() <= KICKER_MAX,
        _ => false,
    })
}

fn opens_with_day(d: &Draft) -> bool {
    d.lines
        .iter()
        .flatten()
        .next()
        .is_some_and(|l| opens_dateline(&l.text))
}

/// A photo caption's first lines, read before another caption: it opens
/// with the photo's day, and nothing titles or signs it.
fn is_open_caption(d: &Draft) -> bool {
    d.heading.is_none()
        && d.anchor == Anchor::None
        && d.byline.is_empty()
        && d.teaser.is_none()
        && ending(d) == Ending::Open
        && opens_with_day(d)
        && super::drafts::body_len(&d.lines) <= CAPTION_MAX
}

/// A caption's signed end read on its own: untitled, signed below, and
/// not opening with a day of its own.
fn is_caption_end(d: &Draft, slots: &[HeadingSlot]) -> bool {
    untitled(d, slots)
        && d.anchor == Anchor::BylineBelow
        && d.teaser.is_none()
        && !opens_with_day(d)
        && super::drafts::body_len(&d.lines) <= CAPTION_MAX
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
    rejoin_caption_ends(drafts, slots);
}

/// Lines of a caption's opening block: a few.
const OPENING_LINES_MAX: usize = 4;

/// An article's last block that opens with a photo's day after a finished
/// sentence and breaks off mid-sentence: a caption's opening read into the
/// article (its end is read elsewhere). Returns where it starts.
fn dated_opening_at_end(d: &Draft) -> Option<usize> {
    let end = d.lines.iter().rposition(Option::is_some)? + 1;
    let cut = d.lines[..end].iter().rposition(Option::is_none)? + 1;
    let block: Vec<&str> = d.lines[cut..end]
        .iter()
        .flatten()
        .map(|l| l.text.as_str())
        .collect();
    let before = d.lines[..cut].iter().rev().flatten().next()?;
    let (first, last) = (block.first()?, block.last()?);
    (block.len() <= OPENING_LINES_MAX
        && opens_dateline(first)
        && ends_sentence(&before.text)
        && !ends_sentence(last)
        && d.anchor != Anchor::BylineBelow)
        .then_some(cut)
}

/// Does a caption end of `tail` characters a line read as the end of a
/// column `width` wide? A one-line end is a paragraph's last line.
fn fits(width: usize, tail: &Draft) -> bool {
    let w = usual_width(tail);
    if tail.lines.iter().flatten().count() <= 1 {
        w <= width + 1
    } else {
        w.abs_diff(width) <= 1
    }
}

/// A caption's signed end goes back to the open caption it finishes, or
/// takes back that caption's opening from the end of an article.
fn rejoin_caption_ends(drafts: &mut [Draft], slots: &[HeadingSlot]) {
    let len = |d: &Draft| super::drafts::body_len(&d.lines);
    for t in 1..drafts.len() {
        if !is_caption_end(&drafts[t], slots) {
            continue;
        }
        let owner = (t.saturating_sub(LOOKBACK)..t).rev().find(|&e| {
            is_open_caption(&drafts[e])
                && fits(usual_width(&drafts[e]), &drafts[t])
                && len(&drafts[e]) + len(&drafts[t]) <= CAPTION_MAX
        });
        if let Some(e) = owner {
            let moved = std::mem::take(&mut drafts[t].lines);
            let byline = std::mem::take(&mut drafts[t].byline);
            drafts[t].heading = None;
            drafts[t].anchor = Anchor::None;
            drafts[e].lines.push(None);
            drafts[e].lines.extend(moved);
            drafts[e].byline = byline;
            drafts[e].anchor = Anchor::BylineBelow;
            continue;
        }
        let opening = (t.saturating_sub(LOOKBACK)..t).rev().find_map(|e| {
            let cut = dated_opening_at_end(&drafts[e])?;
            let width = {
                let mut ws: Vec<usize> = drafts[e].lines[cut..]
                    .iter()
                    .flatten()
                    .map(|l| visible_len(&l.text))
                    .collect();
                ws.sort_unstable();
                ws[ws.len() / 2]
            };
            fits(width, &drafts[t]).then_some((e, cut))
        });
        if let Some((e, cut)) = opening {
            let mut lines = drafts[e].lines.split_off(cut);
            while drafts[e].lines.last().is_some_and(Option::is_none) {
                drafts[e].lines.pop();
            }
            lines.push(None);
            lines.append(&mut drafts[t].lines);
            drafts[t].lines = lines;
            drafts[t].embedded_in = None;
        }
    }
}
