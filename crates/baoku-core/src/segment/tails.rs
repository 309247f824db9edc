//! Tails: the last lines of an article read on their own. Layout rule owned
//! here: every story has a headline and captions close with a byline, so
//! a short untitled piece that only closes with a signature (……表示。（记者
//! X）) is the end of an earlier untitled-by-byline article whose next
//! column extraction read elsewhere: it goes back to the nearest such
//! article set in the same column width.

use super::blocks::{grams, similarity};
use super::drafts::{lines_text, opens_dateline, Anchor, Draft, HeadingSlot};
use super::lines::Line;
use super::runin::em_width;
use super::CAPTION_MAX;
use crate::segment::bylines::trailing_signature;
use crate::text::{bigrams, ends_sentence, is_han, visible_len};
use std::collections::HashSet;

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
        let width = drafts[t].usual_width();
        let owner = (t.saturating_sub(LOOKBACK)..t).rev().find(|&e| {
            is_unsigned_article(&drafts[e]) && drafts[e].usual_width().abs_diff(width) <= 1
        });
        if let Some(e) = owner {
            let moved = std::mem::take(&mut drafts[t].lines);
            drafts[t].heading = None;
            drafts[e].lines.push(None);
            drafts[e].lines.extend(moved);
        }
    }
    rejoin_caption_ends(drafts, slots);
    swap_caption_ends(drafts);
}

/// Blocks of an article (runs of lines between blank lines) that open
/// with a photo's day after a finished sentence (or at the article's
/// start) and break off mid-sentence: a caption's opening read into the
/// article, its end read elsewhere. Returns each block's line range.
fn dated_openings(d: &Draft) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    if d.anchor == Anchor::BylineBelow {
        return found;
    }
    let mut i = 0;
    while i < d.lines.len() {
        if d.lines[i].is_none() {
            i += 1;
            continue;
        }
        let start = i;
        while i < d.lines.len() && d.lines[i].is_some() {
            i += 1;
        }
        let block: Vec<&str> = d.lines[start..i]
            .iter()
            .flatten()
            .map(|l| l.text.as_str())
            .collect();
        let after_sentence = d.lines[..start]
            .iter()
            .rev()
            .flatten()
            .next()
            .is_none_or(|l| ends_sentence(&l.text));
        if after_sentence
            && opens_dateline(block[0])
            && !ends_sentence(block[block.len() - 1])
            && super::drafts::body_len(&d.lines[start..i]) <= CAPTION_MAX
        {
            found.push((start, i));
        }
    }
    found
}

/// The next block's first line is a paragraph's (its indent makes it two
/// characters short of the block's usual line): no sentence runs into it.
fn opens_paragraph(lines: &[Option<Line>]) -> bool {
    let block: Vec<f64> = lines
        .iter()
        .skip_while(|l| l.is_none())
        .map_while(|l| l.as_ref())
        .take(12)
        .map(|l| em_width(&l.text))
        .collect();
    if block.len() < 3 {
        return false;
    }
    let mut ws = block[1..].to_vec();
    ws.sort_by(f64::total_cmp);
    block[0] + 1.5 <= ws[ws.len() / 2]
}

/// The last Han character of some lines and the first of others.
fn last_han<'a>(mut ls: impl DoubleEndedIterator<Item = &'a Line>) -> Option<char> {
    ls.next_back()
        .and_then(|l| l.text.chars().rev().find(|c| is_han(*c)))
}
fn first_han<'a>(mut ls: impl Iterator<Item = &'a Line>) -> Option<char> {
    ls.next().and_then(|l| l.text.chars().find(|c| is_han(*c)))
}

/// Does a caption end of `tail` characters a line read as the end of a
/// column `width` wide? A one-line end is a paragraph's last line.
fn fits(width: usize, tail: &Draft) -> bool {
    let w = tail.usual_width();
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
    let mut page_pairs: Option<HashSet<(char, char)>> = None;
    for t in 1..drafts.len() {
        if !is_caption_end(&drafts[t], slots) {
            continue;
        }
        let owner = (t.saturating_sub(LOOKBACK)..t).rev().find(|&e| {
            is_open_caption(&drafts[e])
                && fits(drafts[e].usual_width(), &drafts[t])
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
        // The opening whose last character and the end's first make a pair
        // the page uses, while the text after the opening does not.
        let pairs = page_pairs.get_or_insert_with(|| {
            drafts
                .iter()
                .flat_map(|d| d.lines.iter().flatten())
                .flat_map(|l| bigrams(&l.text))
                .collect()
        });
        let tail_first = first_han(drafts[t].lines.iter().flatten());
        let opening = (t.saturating_sub(LOOKBACK)..t).rev().find_map(|e| {
            let d = &drafts[e];
            dated_openings(d).into_iter().find_map(|(s, end)| {
                let mut ws: Vec<usize> = d.lines[s..end]
                    .iter()
                    .flatten()
                    .map(|l| visible_len(&l.text))
                    .collect();
                ws.sort_unstable();
                let last = last_han(d.lines[s..end].iter().flatten());
                let joins = |c: Option<char>| {
                    matches!((last, c), (Some(a), Some(b)) if pairs.contains(&(a, b)))
                };
                let after = first_han(d.lines[end..].iter().flatten());
                let at_end = after.is_none();
                (fits(ws[ws.len() / 2], &drafts[t])
                    && (at_end
                        || opens_paragraph(&d.lines[end..])
                        || joins(tail_first) && !joins(after)))
                .then_some((e, s, end))
            })
        });
        if let Some((e, s, end)) = opening {
            let mut lines: Vec<Option<Line>> = drafts[e].lines.drain(s..end).collect();
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

/// A signed caption in two blocks: its dated opening and the end its
/// credit signs. Returns where the end starts.
fn caption_halves(d: &Draft) -> Option<usize> {
    if d.anchor != Anchor::BylineBelow
        || d.embedded_in.is_some()
        || !opens_with_day(d)
        || super::drafts::body_len(&d.lines) > CAPTION_MAX
    {
        return None;
    }
    let gap = d.lines.iter().position(Option::is_none)?;
    let end = (gap..d.lines.len()).find(|&i| d.lines[i].is_some())?;
    // Exactly two blocks.
    d.lines[end..].iter().all(Option::is_some).then_some(end)
}

/// Two photos' captions read crosswise (each opening followed by the other
/// photo's signed end): the ends swap when each shares clearly more of its
/// wording with the other opening. A caption's two halves describe one
/// photo and repeat its words.
fn swap_caption_ends(drafts: &mut [Draft]) {
    let halves: Vec<Option<usize>> = drafts.iter().map(caption_halves).collect();
    for i in 0..drafts.len() {
        let Some(ei) = halves[i] else { continue };
        for j in i + 1..drafts.len().min(i + LOOKBACK) {
            let Some(ej) = halves[j] else { continue };
            let g = |d: &Draft, r: std::ops::Range<usize>| grams(&lines_text(&d.lines[r]));
            let (oi, endi) = (
                g(&drafts[i], 0..ei),
                g(&drafts[i], ei..drafts[i].lines.len()),
            );
            let (oj, endj) = (
                g(&drafts[j], 0..ej),
                g(&drafts[j], ej..drafts[j].lines.len()),
            );
            let same = similarity(&oi, &endi) + similarity(&oj, &endj);
            let crossed = similarity(&oi, &endj) + similarity(&oj, &endi);
            if crossed >= 2.0 * same && crossed - same >= 0.1 {
                let end_i: Vec<Option<Line>> = drafts[i].lines.drain(ei..).collect();
                let end_j: Vec<Option<Line>> = drafts[j].lines.drain(ej..).collect();
                drafts[i].lines.extend(end_j);
                drafts[j].lines.extend(end_i);
                let (bi, bj) = (drafts[i].byline.clone(), drafts[j].byline.clone());
                drafts[i].byline = bj;
                drafts[j].byline = bi;
                break;
            }
        }
    }
}
