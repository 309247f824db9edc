//! Splices: one column read out of order between two others. Layout rule
//! owned here: extraction sometimes reads a page's columns out of order, so
//! that an article's column ends mid-sentence and the text after it is its
//! column after next (……在劳动用 / 开展涉企执法……), while the missing
//! column sits further down, after another article's broken sentence
//! (……遇到了困 / 工方面，…… / 难。……). Neither seam reads on, and moving
//! the misplaced column into the first break mends both (用工, 困难): only
//! then does it move.

use super::drafts::Draft;
use super::lexicon::word_across;
use super::lines::Line;
use super::paragraphs::ends_block;
use super::sidebars::{page_bigrams, Bigrams};
use crate::text::{is_han, visible_len};

/// How many blocks after a bad seam are searched for the missing column.
const LOOKAHEAD: usize = 16;
/// Moves per page at most (each one mends two seams).
const MOVES_MAX: usize = 16;
/// How often the two characters across a seam must meet elsewhere on the
/// page for the sentence to read on across it.
const JOIN_MIN: usize = 2;

/// A blank-separated block: draft and line range.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Block {
    draft: usize,
    start: usize,
    end: usize,
}

/// Move each misplaced column into the broken seam it mends.
/// (`counts`, the page's character pairs, are counted on first need and
/// kept for the next stage.)
pub(super) fn splice_columns(drafts: &mut [Draft], counts: &mut Option<Bigrams>) {
    for _ in 0..MOVES_MAX {
        let blocks = all_blocks(drafts);
        let Some((at, y)) = find_splice(drafts, &blocks, counts) else {
            return;
        };
        move_into(drafts, blocks[at], blocks[y], blocks[at + 1]);
    }
}

/// The first seam (block `at`, broken off mid-sentence, and the block
/// after it in its draft, which the sentence does not read on into) and
/// the later block `y` that mends both it and the seam it leaves.
fn find_splice(
    drafts: &[Draft],
    blocks: &[Block],
    counts: &mut Option<Bigrams>,
) -> Option<(usize, usize)> {
    // Each block's seams and each draft's usual width, read once.
    let usual: Vec<usize> = drafts.iter().map(Draft::usual_width).collect();
    let texts: Vec<Text> = blocks
        .iter()
        .map(|b| Text::of(&drafts[b.draft].lines[b.start..b.end]))
        .collect();
    let broken: Vec<bool> = blocks
        .iter()
        .zip(&texts)
        .map(|(b, t)| t.broken(usual[b.draft]))
        .collect();
    let same = |a: usize, b: usize| blocks[a].draft == blocks[b].draft;
    for at in 0..blocks.len().saturating_sub(1) {
        if !broken[at] || !same(at, at + 1) {
            continue;
        }
        let counts: &Bigrams = counts.get_or_insert_with(|| page_bigrams(drafts));
        let (xt, nt) = (&texts[at], &texts[at + 1]);
        if reads_on(xt, nt, counts) {
            continue;
        }
        // A column read after another story's broken sentence, which it
        // interrupts (……遇到了困 / 工方面…… / 难。). The cheap tests first.
        for y in at + 2..blocks.len().saturating_sub(1).min(at + 2 + LOOKAHEAD) {
            let (p, z) = (y - 1, y + 1);
            if !broken[p] || !same(p, y) || !same(y, z) {
                continue;
            }
            let yt = &texts[y];
            let mends = reads_on(&texts[p], &texts[z], counts)
                && reads_on(xt, yt, counts)
                && !reads_on(&texts[p], yt, counts)
                && (yt.finished || reads_on(yt, nt, counts));
            if mends {
                return Some((at, y));
            }
        }
    }
    None
}

/// A block's first and last lines, as far as seams go.
struct Text<'a> {
    first: &'a str,
    last: &'a str,
    finished: bool,
}

impl<'a> Text<'a> {
    fn of(lines: &'a [Option<Line>]) -> Self {
        let mut it = lines.iter().flatten();
        let first = it.next().map_or("", |l| l.text.as_str());
        let last = lines
            .iter()
            .rev()
            .flatten()
            .next()
            .map_or("", |l| l.text.as_str());
        Text {
            first,
            last,
            finished: ends_block(last),
        }
    }

    /// Does the block stop mid-sentence at a full line or a clause mark?
    fn broken(&self, usual: usize) -> bool {
        let t = self.last.trim_end();
        t.ends_with(['，', '、', '；'])
            || !self.finished
                && !t.ends_with(['：', ':'])
                && t.chars().last().is_some_and(is_han)
                && visible_len(t) * 10 >= usual * 9
    }
}

/// Does the sentence broken at the end of `a` read on into `b`: a word
/// across the seam, or a pair of characters the page uses elsewhere?
fn reads_on(a: &Text, b: &Text, counts: &Bigrams) -> bool {
    let l = a.last.trim_end().chars().last();
    let r = b.first.trim_start().chars().next();
    let (Some(l), Some(r)) = (l, r) else {
        return false;
    };
    if !is_han(l) || !is_han(r) {
        return false;
    }
    counts.get(&(l, r)).copied().unwrap_or(0) >= JOIN_MIN || word_across(a.last, b.first)
}

/// Every block of the page in reading order.
fn all_blocks(drafts: &[Draft]) -> Vec<Block> {
    let mut out = Vec::new();
    for (d, draft) in drafts.iter().enumerate() {
        let mut i = 0;
        let lines = &draft.lines;
        while i < lines.len() {
            while i < lines.len() && lines[i].is_none() {
                i += 1;
            }
            let start = i;
            while i < lines.len() && lines[i].is_some() {
                i += 1;
            }
            if i > start {
                out.push(Block {
                    draft: d,
                    start,
                    end: i,
                });
            }
        }
    }
    out
}

/// Move block `y` into the seam after `x` (and before `next`, the block
/// after it in its draft; `y` comes later): it runs on from `x`'s
/// sentence, and `next` opens a paragraph after it when it finished its
/// own.
fn move_into(drafts: &mut [Draft], x: Block, y: Block, next: Block) {
    let moved: Vec<Option<Line>> = drafts[y.draft].lines.drain(y.start..y.end).collect();
    // Drop the blank line the block leaves behind twice over.
    let src = &mut drafts[y.draft].lines;
    if y.start > 0 && y.start < src.len() && src[y.start].is_none() {
        src.remove(y.start);
    }
    let finished = Text::of(&moved).finished;
    let to = &mut drafts[x.draft].lines;
    if !finished {
        // It runs on into next too: one paragraph across both seams.
        to.drain(x.end..next.start);
    }
    to.splice(x.end..x.end, moved.into_iter().filter(Option::is_some));
}

#[cfg(all(test, feature = "enrich"))]
mod tests {
    use super::*;
    use crate::segment::drafts::Anchor;

    fn draft(blocks: &[&[&str]]) -> Draft {
        let mut d = Draft::of_text(blocks[0]);
        for b in &blocks[1..] {
            d.lines.push(None);
            d.lines.extend(Draft::of_text(b).lines);
        }
        d.anchor = Anchor::Lead;
        d
    }

    /// 轴承's second column read after 发放's, whose broken sentence ends
    /// in `host_end`.
    fn page(host_end: &str) -> Vec<Draft> {
        let story = draft(&[
            &["“比如在知识产权保护方面，写明了如何申请专利，在劳动用"],
            &["开展涉企执法专项整治行动，重拳整治重复检查。"],
        ]);
        let host = draft(&[
            &[&format!(
                "然而，前不久，公司在转型发展的过程中遇到了{host_end}"
            )],
            &["工方面，详细写明了劳动合同规范签订等细节。"],
            &["难。“为进一步拓展市场，我们急需建设智慧食堂。"],
        ]);
        let mut drafts = vec![story, host];
        splice_columns(&mut drafts, &mut None);
        drafts
    }

    /// 在劳动用 / 开展…… and 遇到了困 / 工方面…… both fail to read on, and
    /// moving 工方面…… mends both (用工, 困难).
    #[test]
    fn a_column_read_out_of_order_goes_back_into_the_seam_it_mends() {
        let drafts = page("困");
        let story = drafts[0].body_text();
        assert!(story.contains("在劳动用工方面"), "{story}");
        assert!(story.contains("细节。开展涉企"), "{story}");
        let paragraphs = drafts[0].lines.iter().filter(|l| l.is_none()).count();
        assert_eq!(paragraphs, 1, "{drafts:#?}");
        let host = drafts[1].body_text();
        assert!(host.contains("遇到了困难。"), "{host}");
    }

    /// Only when the block also mends the seam it leaves: after 遇到了瓶,
    /// 难 reads on no better than 工方面, so the block stays.
    #[test]
    fn a_block_leaving_a_seam_unmended_stays() {
        let drafts = page("瓶");
        assert!(
            drafts[0].body_text().contains("在劳动用开展"),
            "{drafts:#?}"
        );
        assert!(
            drafts[1].body_text().contains("遇到了瓶工方面"),
            "{drafts:#?}"
        );
    }
}
