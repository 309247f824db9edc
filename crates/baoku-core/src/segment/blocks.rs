//! Blocks: a page's lines between blank lines, re-paired when layout
//! interleaved two stories' columns. Layout rule owned here: a photo caption
//! set inside an article's columns is read column by column, so the article
//! and the caption alternate (article / caption / article / caption +
//! byline). A block that stops mid-sentence continues at the next block that
//! does not open a caption of its own, and a signed caption gathers the
//! dated block that opened it, leaving the article blocks between them to
//! the article whose wording they share.
//!
//! Every step looks only a few blocks ahead or back (`WINDOW`), so the pass
//! is linear in the page.

use super::bylines::trailing_signature;
use super::drafts::opens_dateline;
use super::lines::{Line, LineKind};
use super::CAPTION_MAX;
use crate::text::{bigrams, ends_sentence, is_han, visible_len};
use std::collections::HashSet;

/// How many blocks a pairing step looks across.
const WINDOW: usize = 4;

/// How a block begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Start {
    /// A caption's dateline (3月25日，……): a story of its own starts here.
    Dateline,
    /// Running text that may continue a sentence from elsewhere.
    Text,
    /// Anything else (a heading, byline, lead, label): never moved.
    Other,
}

/// How a block ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    /// Mid-sentence, on a full line: the text goes on in another block.
    Broken,
    /// A finished sentence (or a short last line).
    Finished,
    /// Text closed by a byline on the block's last line (a photo caption).
    Signed,
    Other,
}

/// One run of non-blank lines, with the blank lines after it.
struct Block {
    start: usize,
    end: usize,
    blanks: usize,
    first: Start,
    last: End,
    width: usize,
    /// Only furniture: transparent to pairing.
    furniture: bool,
}

/// Reorders the page's blocks so that interleaved stories read whole.
/// Pages without interleaving come back unchanged.
pub(super) fn repair_block_order(lines: Vec<Line>) -> Vec<Line> {
    let blocks = split_blocks(&lines);
    if blocks.len() < 3 {
        return lines;
    }
    let mut order = pair_broken(&lines, &blocks);
    gather_captions(&lines, &blocks, &mut order);
    if order.iter().enumerate().all(|(k, &b)| k == b) {
        return lines;
    }
    let lead = blocks[0].start;
    let mut slots: Vec<Option<Line>> = lines.into_iter().map(Some).collect();
    let mut out: Vec<Line> = slots[..lead].iter_mut().filter_map(Option::take).collect();
    let blank = || Line {
        text: String::new(),
        kind: LineKind::Blank,
        continued: None,
        indented: false,
    };
    for (k, &b) in order.iter().enumerate() {
        let blk = &blocks[b];
        out.extend(
            slots[blk.start..blk.end + blk.blanks]
                .iter_mut()
                .filter_map(Option::take),
        );
        if blk.blanks == 0 && k + 1 < order.len() {
            out.push(blank());
        }
    }
    out
}

fn split_blocks(lines: &[Line]) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].kind == LineKind::Blank {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && lines[i].kind != LineKind::Blank {
            i += 1;
        }
        let end = i;
        while i < lines.len() && lines[i].kind == LineKind::Blank {
            i += 1;
        }
        blocks.push(describe(lines, start, end, i - end));
    }
    blocks
}

fn describe(lines: &[Line], start: usize, end: usize, blanks: usize) -> Block {
    let ls = &lines[start..end];
    let text: Vec<&Line> = ls.iter().filter(|l| l.kind == LineKind::Text).collect();
    let mut widths: Vec<usize> = text.iter().map(|l| visible_len(&l.text)).collect();
    widths.sort_unstable();
    let width = widths.get(widths.len() / 2).copied().unwrap_or(0);
    let first = match ls.first() {
        Some(l) if l.kind == LineKind::Text && opens_dateline(&l.text) => Start::Dateline,
        Some(l) if l.kind == LineKind::Text && !l.indented && ls.len() >= 3 => Start::Text,
        _ => Start::Other,
    };
    let last_line = ls.last().expect("non-empty block");
    let last = match last_line.kind {
        LineKind::Byline | LineKind::TrailingByline if !text.is_empty() => End::Signed,
        LineKind::Text if ends_sentence(&last_line.text) => End::Finished,
        // A full last line, not a signature (……表示。（记者 X）).
        LineKind::Text
            if visible_len(&last_line.text).abs_diff(width) <= 1
                && text.len() >= 3
                && trailing_signature(&last_line.text).is_none() =>
        {
            End::Broken
        }
        LineKind::Text => End::Finished,
        _ => End::Other,
    };
    Block {
        start,
        end,
        blanks,
        first,
        last,
        width,
        furniture: ls.iter().all(|l| l.kind == LineKind::Furniture),
    }
}

/// Each block broken mid-sentence is followed by the first block after it
/// (within `WINDOW`) that continues running text, jumping only over caption
/// datelines and blocks already claimed. Returns the reading order.
fn pair_broken(_lines: &[Line], blocks: &[Block]) -> Vec<usize> {
    let n = blocks.len();
    let mut next: Vec<Option<usize>> = vec![None; n];
    let mut claimed = vec![false; n];
    for x in 0..n {
        if blocks[x].last != End::Broken {
            continue;
        }
        let mut jumped = false;
        let mut seen = 0;
        for j in x + 1..n {
            if blocks[j].furniture {
                continue;
            }
            if claimed[j] {
                jumped = true;
                continue;
            }
            seen += 1;
            if seen > WINDOW {
                break;
            }
            let b = &blocks[j];
            match b.first {
                Start::Dateline => jumped = true,
                // Nothing jumped: the natural reading already goes on here.
                Start::Text if !jumped => break,
                Start::Text if b.width.abs_diff(blocks[x].width) <= 1 => {
                    next[x] = Some(j);
                    claimed[j] = true;
                    break;
                }
                _ => break,
            }
        }
    }
    let mut order = Vec::with_capacity(n);
    for (h, &taken) in claimed.iter().enumerate() {
        if taken {
            continue;
        }
        let mut b = Some(h);
        while let Some(k) = b {
            order.push(k);
            b = next[k];
        }
    }
    order
}

/// A signed caption block whose dateline block stands a few blocks back,
/// with article text between: the blocks between that share the article's
/// wording more than the caption's move before the dateline.
fn gather_captions(lines: &[Line], blocks: &[Block], order: &mut Vec<usize>) {
    let text_of = |b: usize| -> String {
        lines[blocks[b].start..blocks[b].end]
            .iter()
            .filter(|l| l.kind == LineKind::Text)
            .map(|l| l.text.as_str())
            .collect()
    };
    let mut e = 0;
    while e < order.len() {
        let eb = &blocks[order[e]];
        if eb.last != End::Signed || eb.first == Start::Dateline {
            e += 1;
            continue;
        }
        // The dateline block that opened this caption, a few blocks back.
        let mut d = None;
        for k in (e.saturating_sub(WINDOW)..e).rev() {
            let b = &blocks[order[k]];
            if b.first == Start::Dateline {
                d = Some(k);
                break;
            }
            if b.first != Start::Text || b.last != End::Finished {
                break;
            }
        }
        let Some(d) = d.filter(|&d| d + 1 < e && d > 0) else {
            e += 1;
            continue;
        };
        if blocks[order[d - 1]].last != End::Finished {
            e += 1;
            continue;
        }
        let caption = text_of(order[d]) + &text_of(order[e]);
        if caption.chars().filter(|c| is_han(*c)).count() > CAPTION_MAX {
            e += 1;
            continue;
        }
        let article: String = (d.saturating_sub(2)..d)
            .map(|k| text_of(order[k]))
            .collect();
        let (cap, art) = (grams(&caption), grams(&article));
        let mut to_article = Vec::new();
        let mut to_caption = Vec::new();
        for &m in &order[d + 1..e] {
            let g = grams(&text_of(m));
            if similarity(&g, &art) > similarity(&g, &cap) {
                to_article.push(m);
            } else {
                to_caption.push(m);
            }
        }
        if !to_article.is_empty() {
            let dateline = order[d];
            let rebuilt: Vec<usize> = to_article
                .into_iter()
                .chain(std::iter::once(dateline))
                .chain(to_caption)
                .collect();
            order.splice(d..e, rebuilt);
        }
        e += 1;
    }
}

pub(super) fn grams(s: &str) -> HashSet<(char, char)> {
    bigrams(s).into_iter().collect()
}

/// Shared bigrams over the geometric mean of the two sets' sizes.
pub(super) fn similarity<S: std::hash::BuildHasher>(
    a: &HashSet<(char, char), S>,
    b: &HashSet<(char, char), S>,
) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|g| b.contains(g)).count() as f64;
    shared / ((a.len() * b.len()) as f64).sqrt()
}

#[cfg(test)]
mod tests {
    use super::super::lines::classify;
    use super::*;

    fn texts(page: &str) -> Vec<String> {
        repair_block_order(classify(page, &mut Vec::new()))
            .into_iter()
            .map(|l| l.text)
            .filter(|t| !t.is_empty())
            .collect()
    }

    #[test]
    fn a_broken_block_continues_past_a_caption_dateline() {
        let page =
            "甲乙丙丁戊己庚辛壬癸子丑\n甲乙丙丁戊己庚辛壬癸子丑\n甲乙丙丁戊己庚辛以容缺后\n\n\
                    3月25日，工人在调运生产\n的刀具。作为国家高新技术\n企业，该公司生产的盾构刀\n\n\
                    补的方式办理了工程建设手\n续。与以往不同的是，此次\n并未一次性缴清土地出让金\n";
        let t = texts(page);
        assert!(t[3].starts_with("补的方式"), "{t:?}");
        assert!(t[6].starts_with("3月25日"), "{t:?}");
    }

    #[test]
    fn pages_without_interleaving_are_unchanged() {
        let page = "第一段文字在这里写着。\n第二行也在这里写着。\n第三行结束了。\n\n另起一段文字在这里。\n继续写着的文字在此。\n";
        let t = texts(page);
        assert_eq!(t[0], "第一段文字在这里写着。");
        assert_eq!(t[3], "另起一段文字在这里。");
    }
}
