//! Splices: one column read out of order between two others. Layout rule
//! owned here: extraction sometimes reads a page's columns out of order, so
//! that an article's column ends mid-sentence and the text after it is its
//! column after next (……在劳动用 / 开展涉企执法……), while the missing
//! column sits further down, after another article's broken sentence
//! (……遇到了困 / 工方面，…… / 难。……). Neither seam reads on, and moving
//! the misplaced column into the first break mends both (用工, 困难): only
//! then does it move.

use super::drafts::{Anchor, Draft};
use super::lexicon::word_across;
use super::lines::Line;
use super::paragraphs::ends_block;
use super::sidebars::{page_bigrams, Bigrams};
use super::threads::{blocks, breaks_off, Block, JOIN_MIN};
use crate::text::is_han;

/// How many blocks after a bad seam are searched for the missing column.
const LOOKAHEAD: usize = 16;
/// Moves per page at most (each one mends two seams).
const MOVES_MAX: usize = 16;

/// Move each misplaced column into the broken seam it mends.
/// (`counts`, the page's character pairs, are counted on first need and
/// kept for the next stage.)
pub(super) fn splice_columns(drafts: &mut [Draft], counts: &mut Option<Bigrams>) {
    let mut from = 0;
    for _ in 0..MOVES_MAX {
        let all: Vec<Block> = drafts
            .iter()
            .enumerate()
            .flat_map(|(d, draft)| blocks(d, &draft.lines))
            .collect();
        let Some((at, y)) = find_splice(drafts, &all, from, counts) else {
            return;
        };
        move_into(drafts, all[at], all[y], all[at + 1]);
        // The blocks before the mended seam are as they were.
        from = at;
    }
}

/// From block `from` on, the first seam (block `at`, broken off
/// mid-sentence, and the block after it in its draft, which the sentence
/// does not read on into) and the later block `y` that mends both it and
/// the seam it leaves.
fn find_splice(
    drafts: &[Draft],
    blocks: &[Block],
    from: usize,
    counts: &mut Option<Bigrams>,
) -> Option<(usize, usize)> {
    // Each block's seams and each draft's usual width, read once. A photo's
    // caption (closed by its byline) and a teaser neither give nor take.
    let usual: Vec<usize> = drafts.iter().map(Draft::usual_width).collect();
    let texts: Vec<Text> = blocks
        .iter()
        .map(|b| Text::of(&drafts[b.draft].lines[b.start..b.end]))
        .collect();
    let broken: Vec<bool> = blocks
        .iter()
        .zip(&texts)
        .map(|(b, t)| {
            let d = &drafts[b.draft];
            d.anchor != Anchor::BylineBelow
                && d.teaser.is_none()
                && breaks_off(t.last, usual[b.draft])
        })
        .collect();
    let same = |a: usize, b: usize| blocks[a].draft == blocks[b].draft;
    // Whether block y's own seams read on (from the block before it into
    // it, and into the block after it): the same for every seam searched.
    let mut around: Vec<Option<(bool, bool)>> = vec![None; blocks.len()];
    for at in from..blocks.len().saturating_sub(1) {
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
            let (into_y, past_y) = *around[y].get_or_insert_with(|| {
                (
                    reads_on(&texts[p], yt, counts),
                    reads_on(&texts[p], &texts[z], counts),
                )
            });
            let mends = past_y
                && !into_y
                && reads_on(xt, yt, counts)
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
        let first = lines
            .iter()
            .flatten()
            .next()
            .map_or("", |l| l.text.as_str());
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
}

/// Does the sentence broken at the end of `a` read on into `b`: a pair of
/// characters the page uses elsewhere, or a word across the seam?
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

/// Move block `y` into the seam after `x` and before `next`, the block
/// after `x` in its draft (`y` comes later, between two blocks of its own
/// draft): it runs on from `x`'s sentence, and `next` opens a paragraph
/// after it when it finished its own. The blocks around `y`'s old place
/// become one paragraph, as the sentence runs on across it.
fn move_into(drafts: &mut [Draft], x: Block, y: Block, next: Block) {
    let src = &mut drafts[y.draft].lines;
    let moved: Vec<Option<Line>> = src.drain(y.start..y.end).collect();
    let mut s = y.start;
    while s > 0 && src[s - 1].is_none() {
        s -= 1;
    }
    let mut e = y.start;
    while e < src.len() && src[e].is_none() {
        e += 1;
    }
    src.drain(s..e);
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

    fn draft(blocks: &[&str]) -> Draft {
        let mut d = Draft::of_text(&blocks[..1]);
        for b in &blocks[1..] {
            d.lines.push(None);
            d.lines.extend(Draft::of_text(&[b]).lines);
        }
        d.anchor = Anchor::Lead;
        d
    }

    /// 轴承's column `block` read after 发放's broken sentence (ending in
    /// `host_end`), and 轴承's text going on in `next`.
    fn page(host_end: &str, block: &str, next: &str) -> Vec<Draft> {
        let story = draft(&[
            "“比如在知识产权保护方面，写明了如何申请专利，在劳动用",
            next,
        ]);
        let host = draft(&[
            &format!("然而，前不久，公司在转型发展的过程中遇到了{host_end}"),
            block,
            "难。“为进一步拓展市场，我们急需建设智慧食堂。",
        ]);
        let mut drafts = vec![story, host];
        splice_columns(&mut drafts, &mut None);
        drafts
    }

    const FINISHED: &str = "工方面，详细写明了劳动合同规范签订等细节。";
    const NEXT: &str = "开展涉企执法专项整治行动，重拳整治重复检查。";

    /// 在劳动用 / 开展…… and 遇到了困 / 工方面…… both fail to read on, and
    /// moving 工方面…… mends both (用工, 困难): it runs on from 劳动用, 开展……
    /// opens a paragraph after it, and 困 / 难 become one paragraph.
    #[test]
    fn a_column_read_out_of_order_goes_back_into_the_seam_it_mends() {
        let drafts = page("困", FINISHED, NEXT);
        let story = drafts[0].body_text();
        assert!(story.contains("在劳动用工方面"), "{story}");
        assert!(story.contains("细节。开展涉企"), "{story}");
        let breaks = |d: &Draft| d.lines.iter().filter(|l| l.is_none()).count();
        assert_eq!(breaks(&drafts[0]), 1, "{drafts:#?}");
        assert!(
            drafts[1].body_text().contains("遇到了困难。"),
            "{drafts:#?}"
        );
        assert_eq!(breaks(&drafts[1]), 0, "{drafts:#?}");
    }

    /// A moved block that does not finish its sentence runs on into the
    /// story's next block (劳动合 / 同规范……): one paragraph across both
    /// seams. When it does not read on there either, it stays.
    #[test]
    fn an_unfinished_block_moves_only_when_it_reads_on_into_the_next() {
        let block = "工方面，详细写明了劳动合";
        let drafts = page("困", block, "同规范签订等细节，便于企业理解。");
        let story = drafts[0].body_text();
        assert!(story.contains("在劳动用工方面"), "{story}");
        assert!(story.contains("劳动合同规范"), "{story}");
        assert!(drafts[0].lines.iter().all(Option::is_some), "{drafts:#?}");
        let drafts = page("困", block, NEXT);
        assert!(drafts[1].body_text().contains(block), "{drafts:#?}");
    }

    /// Only when the block also mends the seam it leaves: after 遇到了瓶,
    /// 难 reads on no better than 工方面, so the block stays.
    #[test]
    fn a_block_leaving_a_seam_unmended_stays() {
        let drafts = page("瓶", FINISHED, NEXT);
        assert!(
            drafts[0].body_text().contains("在劳动用开展"),
            "{drafts:#?}"
        );
        assert!(
            drafts[1].body_text().contains("遇到了瓶工方面"),
            "{drafts:#?}"
        );
    }

    /// Nor when the block already read on where it stood: on a page that
    /// speaks of 贫困工人 twice, 困 | 工方面 reads on, so the block is where
    /// it belongs.
    #[test]
    fn a_block_reading_on_where_it_stands_stays() {
        let drafts = page(
            "困",
            FINISHED,
            "开展帮扶行动，慰问贫困工人，资助贫困工人子女。",
        );
        assert!(
            drafts[1].body_text().contains("遇到了困工方面"),
            "{drafts:#?}"
        );
    }
}
