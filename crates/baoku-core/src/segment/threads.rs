//! Threads: an article's columns read out of order. Layout rule owned here:
//! an article never ends mid-sentence, so when extraction breaks off an
//! article mid-sentence and another starts, the article's next column is
//! further down the page, inside a later article, where a block after a
//! column break (blank line) begins that the broken sentence runs on into.
//! Such a block (and the blocks chained to it) moves back to the article
//! it continues. An article whose column happened to end on a finished
//! sentence may go on the same way; with no broken sentence to follow,
//! only a block that clearly repeats its own words, not its host's, comes
//! back to it (after every broken article has taken its columns).

use super::drafts::{Anchor, Draft, HeadingSlot};
use super::headings::{heading_like, is_sidebar_label};
use super::lexicon::word_across;
use super::lines::{Line, LineKind};
use super::paragraphs::ends_block;
use super::sidebars::{page_bigrams, Bigrams};
use super::wording::{
    clearly_closer, closer_in_wording, closes_its_mark, goes_on_counting, head, own_words,
    own_words_of, pairs, tail, wording, PairSet, CONTEXT, OWN_MIN, WORDS_CONTEXT,
};
use crate::text::{is_han, visible_len};

/// How many blocks after a broken article are searched for its next column.
const LOOKAHEAD: usize = 24;
/// How often the two characters across a seam must meet elsewhere on the
/// page for the broken sentence to run on into the block.
pub(super) const JOIN_MIN: usize = 2;

/// Where a block sits: draft, and line range in that draft.
#[derive(Debug, Clone, Copy)]
pub(super) struct Block {
    pub(super) draft: usize,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// Move each broken-off article's continuation blocks back to it.
/// (`counts`, the page's character pairs, are counted on first need.)
pub(super) fn rethread_columns(
    drafts: &mut [Draft],
    slots: &[HeadingSlot],
    counts: &mut Option<Bigrams>,
) {
    if drafts.len() < 2 || drafts.len() > 400 {
        return;
    }
    // A sidebar (记者感言) repeats its article's words by nature: its
    // paragraphs stay its own.
    let mut sidebar = vec![false; drafts.len()];
    for s in slots.iter().filter(|s| is_sidebar_label(&s.lines)) {
        if let Some(n) = s.next.filter(|&n| n < drafts.len()) {
            sidebar[n] = true;
        }
    }
    // Broken sentences first: a column a broken article runs on into is
    // its, whatever a finished one's wording says. Then finished articles
    // whose next column only their wording finds.
    for finished_too in [false, true] {
        for d in 0..drafts.len() - 1 {
            // Each moved block may leave the article open again: take the next.
            for _ in 0..8 {
                let found = if broken(&drafts[d]) {
                    let counts = counts.get_or_insert_with(|| page_bigrams(drafts));
                    find_continuation(drafts, d, counts)
                } else if finished_too {
                    find_next_column(drafts, d, &sidebar)
                } else {
                    None
                };
                let Some(b) = found else {
                    break;
                };
                let paragraph = !broken(&drafts[d]);
                move_block(drafts, b, d, paragraph);
            }
        }
    }
}

/// Move a block to the end of draft `d`, as a paragraph of its own when
/// the draft's text finished its sentence.
fn move_block(drafts: &mut [Draft], b: Block, d: usize, paragraph: bool) {
    let moved: Vec<Option<Line>> = drafts[b.draft].lines.drain(b.start..b.end).collect();
    // Drop the blank line the block leaves behind twice over.
    let src = &mut drafts[b.draft].lines;
    if b.start > 0 && b.start < src.len() && src[b.start].is_none() {
        src.remove(b.start);
    }
    let to = &mut drafts[d].lines;
    if paragraph {
        to.push(None);
    }
    to.extend(moved.into_iter().filter(Option::is_some));
}

/// An article that stops mid-sentence at the foot of a full column: its last
/// line fills the column, or ends with a mark no article ends with
/// (captions are closed by their byline).
pub(super) fn broken(d: &Draft) -> bool {
    if d.anchor == Anchor::BylineBelow || d.teaser.is_some() {
        return false;
    }
    d.lines
        .iter()
        .rev()
        .flatten()
        .next()
        .is_some_and(|last| breaks_off(&last.text, d.usual_width()))
}

/// Does text whose last line is `last`, in a column `usual` characters
/// wide, stop mid-sentence: at a clause mark, or on a full line that ends
/// no sentence?
pub(super) fn breaks_off(last: &str, usual: usize) -> bool {
    // A paragraph may end with "；" (a list of duties), an article never.
    let unfinished = last.trim_end().ends_with(['；', '，', '、']);
    unfinished
        || (!ends_block(last)
            && !last.ends_with(['：', ':'])
            && visible_len(last) * 10 >= usual * 9)
}

/// The first later block, after a column break that ended a sentence, whose
/// opening the broken sentence runs on into.
fn find_continuation(drafts: &[Draft], d: usize, counts: &Bigrams) -> Option<Block> {
    let last = last_han(&drafts[d].lines)?;
    let mut seen = 0;
    for (e, draft) in drafts.iter().enumerate().skip(d + 1) {
        if draft.anchor == Anchor::BylineBelow {
            continue;
        }
        // A draft's first block is its own start, unless nothing marks
        // where it starts (no lead, no byline): then it may be a column
        // another article runs on into.
        let unmarked = draft.anchor == Anchor::None && draft.byline.is_empty();
        for b in blocks(e, &draft.lines).skip(usize::from(!unmarked)) {
            seen += 1;
            if seen > LOOKAHEAD {
                return None;
            }
            let Some(first) = draft.lines[b.start].as_ref() else {
                continue;
            };
            let opens_mid = opens_mid_sentence(&first.text);
            let seam = |x: Option<char>| {
                let f = first.text.chars().find(|c| is_han(*c));
                match (x, f) {
                    (Some(x), Some(f)) => counts.get(&(x, f)).copied().unwrap_or(0),
                    _ => 0,
                }
            };
            // The text before the break finished its sentence: the block
            // is a new paragraph or another article's next column. If it
            // did not, the block goes where the sentence runs on better.
            let before = &draft.lines[..b.start];
            let before_ends = before
                .iter()
                .rev()
                .flatten()
                .next()
                .is_none_or(|l| l.kind == LineKind::Label || ends_block(&l.text));
            let mine = seam(Some(last));
            let block = &draft.lines[b.start..b.end];
            let story = &drafts[d].lines;
            // Either way, a block that goes on counting the story's points,
            // or repeats its own words and is not the host's first text,
            // continues it.
            let continues_story = || {
                closes_its_mark(story, before, block)
                    || goes_on_counting(story, before, block)
                    || before.iter().any(Option::is_some)
                        && own_words(story, before, block, &draft.lines[b.end..])
            };
            // The story broke off inside a word the block finishes (二级节
            // / 点等……) and the block's wording leans to the story, not
            // its host. (Not for a draft's first block: a headline may
            // stand over it.)
            let story_word = before.iter().any(Option::is_some)
                && story
                    .iter()
                    .rev()
                    .flatten()
                    .next()
                    .is_some_and(|l| word_across(&l.text, &first.text));
            let joins = if before_ends {
                mine >= JOIN_MIN
                    || story_word && {
                        let (m, t) = wording(story, before, block);
                        m > t
                    }
                    || opens_mid
                    || closer_in_wording(story, before, block)
                    || continues_story()
            } else {
                // Both sentences broke off here: the seam decides, or, when
                // neither seam is seen elsewhere on the page, the wording.
                let theirs = seam(last_han(before));
                mine >= JOIN_MIN && mine > theirs
                    || mine.max(theirs) < JOIN_MIN && closer_in_wording(story, before, block)
                    || continues_story()
            };
            if joins {
                return Some(b);
            }
        }
    }
    None
}

/// How many blocks after a finished story are searched for its next
/// column (fewer than after a broken one: only wording can tell).
const FINISHED_LOOKAHEAD: usize = 12;

/// A story whose column ended on a finished sentence may still go on in a
/// later column: the first later block, after another story's finished
/// paragraph, that repeats the story's own words and not its host's.
fn find_next_column(drafts: &[Draft], d: usize, sidebar: &[bool]) -> Option<Block> {
    let story = &drafts[d];
    if !matches!(story.anchor, Anchor::Lead | Anchor::BylineAbove) || story.teaser.is_some() {
        return None;
    }
    // The story's own pairs, read once: a block sharing fewer than
    // `OWN_MIN` of them cannot pass `own_words`, and most blocks are
    // ruled out here before any wider reading.
    let mut own: Option<(PairSet, PairSet)> = None;
    let mut seen = 0;
    for (e, draft) in drafts.iter().enumerate().skip(d + 1) {
        if draft.anchor == Anchor::BylineBelow || sidebar[e] {
            continue;
        }
        for b in blocks(e, &draft.lines).skip(1) {
            seen += 1;
            if seen > FINISHED_LOOKAHEAD {
                return None;
            }
            let before = &draft.lines[..b.start];
            let before_ends = before
                .iter()
                .rev()
                .flatten()
                .next()
                .is_some_and(|l| ends_block(&l.text));
            let opens_mid = draft.lines[b.start]
                .as_ref()
                .is_some_and(|l| opens_mid_sentence(&l.text));
            let block = &draft.lines[b.start..b.end];
            if !before_ends || opens_mid {
                continue;
            }
            // A heading block is not a column of text: headings find their
            // articles later, by their own rules.
            // (At most six short lines can be one: measured only then.)
            let short = block.len() <= 6 && block.iter().flatten().all(|l| l.text.len() < 400);
            if short && heading_like(&block.iter().flatten().collect::<Vec<_>>()) {
                continue;
            }
            let (own, near) = own.get_or_insert_with(|| {
                (
                    pairs(&tail(&story.lines, WORDS_CONTEXT)),
                    pairs(&tail(&story.lines, CONTEXT)),
                )
            });
            let shared = pairs(&head(block, WORDS_CONTEXT))
                .iter()
                .filter(|g| own.contains(g))
                .count();
            let after = &draft.lines[b.end..];
            if shared >= OWN_MIN
                && clearly_closer(near, before, block, after)
                && own_words_of(own, before, block, after)
            {
                return Some(b);
            }
        }
    }
    None
}

/// A block opening with a mark or a word that ends a sentence begun
/// elsewhere.
fn opens_mid_sentence(t: &str) -> bool {
    t.starts_with([
        '，', '。', '、', '；', '：', '）', '」', '』', '”', '％', '%',
    ]) || opens_with_fragment(t)
}

/// A block opening with the last word of a sentence ("三等。一等……"): no
/// paragraph opens with a sentence of one or two characters.
fn opens_with_fragment(t: &str) -> bool {
    // (Read within its first characters: a line may be any length.)
    let t = &t[..t.char_indices().nth(4).map_or(t.len(), |(i, _)| i)];
    let Some(end) = t.find(['。', '！', '？', '；']) else {
        return false;
    };
    let head = &t[..end];
    let n = head.chars().count();
    (1..=2).contains(&n) && head.chars().all(is_han)
}

/// Blank-separated blocks of a draft's lines.
pub(super) fn blocks(draft: usize, lines: &[Option<Line>]) -> impl Iterator<Item = Block> + '_ {
    // Read lazily: a search stops after a few blocks, however many a
    // draft holds.
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < lines.len() && lines[i].is_none() {
            i += 1;
        }
        if i == lines.len() {
            return None;
        }
        let start = i;
        while i < lines.len() && lines[i].is_some() {
            i += 1;
        }
        Some(Block {
            draft,
            start,
            end: i,
        })
    })
}

fn last_han(lines: &[Option<Line>]) -> Option<char> {
    lines
        .iter()
        .rev()
        .flatten()
        .next()
        .and_then(|l| l.text.chars().rev().find(|c| is_han(*c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(lines: &[&str]) -> Draft {
        Draft::of_text(lines)
    }

    /// A paragraph may end a column with "；" (a list of duties), but no
    /// article ends with it: the article is broken off whatever the width
    /// of its last line. A finished sentence on a short line is not.
    #[test]
    fn a_column_ending_in_a_semicolon_is_broken_off() {
        let body = [
            "临清市通过实地走访调研205家",
            "企业，摸排产业法律需求，编制",
        ];
        let mut lines = body.to_vec();
        lines.push("保护商标；");
        assert!(broken(&draft(&lines)));
        lines.pop();
        lines.push("保护商标。");
        assert!(!broken(&draft(&lines)));
        lines.pop();
        lines.push("指引涵盖行政许可、行政处罚等");
        assert!(broken(&draft(&lines)));
    }

    /// A block repeating many words the broken article uses and its host
    /// does not is the article's; one using the host's words is not.
    #[test]
    fn a_block_using_the_broken_articles_own_words_is_its() {
        let broken = draft(&[
            "临清市通过实地走访调研205家轴承企业，摸排轴承产业法律需求，",
            "编制轴承产业全产业链全周期依法经营指引，涵盖行政许可、行政处罚",
        ]);
        let host = draft(&[
            "城区东关新建的立体停车场正式投入使用，可提供车位三百余个，",
            "缓解了周边商圈停车难问题。",
        ]);
        let block = draft(&[
            "轴承企业遇到涉法事务时，可查阅依法经营指引，全产业链全周期的行政事项一目了然。",
        ]);
        assert!(own_words(&broken.lines, &host.lines, &block.lines, &[]));
        let parking = draft(&["停车场还设有充电车位，商圈停车难问题进一步缓解，车位周转加快。"]);
        assert!(!own_words(&broken.lines, &host.lines, &parking.lines, &[]));
    }

    /// Both the story and the text before the block broke off mid-sentence
    /// and no seam decides: the block goes to the story whose own words it
    /// repeats.
    #[test]
    fn a_block_after_two_broken_columns_goes_to_the_story_it_repeats() {
        let story = draft(&[
            "临清市通过实地走访调研轴承企业，摸排轴承产业法律需求",
            "编制轴承产业全产业链全周期依法经营指引，涵盖行政许可",
        ]);
        // The host's broken sentence would run on into the block as often
        // seen a pair (进行) as any: the seam cannot tell.
        let mut host = draft(&[
            "城区东关新建的停车场投入使用，工作人员进行巡查，并对车",
            "位进行编号，缓解了周边商圈停车难问题，下一步将继续推进",
        ]);
        host.anchor = Anchor::Lead;
        host.lines.push(None);
        host.lines.extend(
            draft(&[
                "行政处罚等轴承产业涉法事项，轴承企业遇到涉法事务时可查",
                "阅依法经营指引，全产业链全周期的法律需求一目了然。",
            ])
            .lines,
        );
        let mut drafts = vec![story, host];
        rethread_columns(&mut drafts, &[], &mut None);
        assert!(
            drafts[0].body_text().contains("行政处罚等轴承产业"),
            "{drafts:#?}"
        );
        assert!(!drafts[1].body_text().contains("轴承"), "{drafts:#?}");
    }

    /// A story whose column ended on a finished sentence goes on after
    /// another story's finished paragraph: the block that repeats its own
    /// words comes back to it; the host's own paragraph stays.
    #[test]
    fn a_finished_storys_next_column_comes_back_by_its_words() {
        let mut story = draft(&[
            "位于冠县烟庄街道王村的中共王村党支部旧址游人如织。",
            "冠县投入资金用于红色资源保护，打造了10公里红色教育圈。",
        ]);
        story.anchor = Anchor::BylineAbove;
        let mut host = draft(&[
            "前不久，东昌府区山东宏升达机器人科技有限公司通过省级",
            "新型研发机构备案，实现了零的突破。",
        ]);
        host.anchor = Anchor::Lead;
        let own = [
            "东昌府区严格落实制造业强市战略部署，以新能源汽车及零部件",
            "为重点，扎实推进制造业强区建设，研发机构数量实现突破。",
        ];
        let foreign = [
            "有62年党龄的邱炳晏是中共王村党支部第一任委员的后人，也是",
            "冠县10公里红色教育圈的忠实粉丝，常到党支部旧址讲红色故事。",
        ];
        for block in [&own[..], &foreign[..]] {
            host.lines.push(None);
            host.lines.extend(draft(block).lines);
        }
        // Read as a sidebar (记者感言) to the story, the host keeps it all.
        let label = HeadingSlot {
            lines: vec!["记者感言".into()],
            prev: Some(0),
            next: Some(1),
            ..Default::default()
        };
        let mut drafts = vec![story.clone(), host.clone()];
        rethread_columns(&mut drafts, &[label], &mut None);
        assert!(drafts[1].body_text().contains("邱炳晏"), "{drafts:#?}");
        let mut drafts = vec![story, host];
        rethread_columns(&mut drafts, &[], &mut None);
        assert!(drafts[0].body_text().contains("邱炳晏"), "{drafts:#?}");
        assert!(
            !drafts[0].body_text().contains("东昌府区严格"),
            "{drafts:#?}"
        );
        assert!(
            drafts[1].body_text().contains("东昌府区严格"),
            "{drafts:#?}"
        );
        assert!(!drafts[1].body_text().contains("邱炳晏"), "{drafts:#?}");
    }

    /// A story broken off inside a quote (落实“) goes on in the block that
    /// closes a quote before opening one, even after another story's
    /// finished paragraph and with wording common to both; a block whose
    /// first mark opens a quote does not go on from it.
    #[test]
    fn a_quote_left_open_runs_on_into_the_block_that_closes_it() {
        let story = draft(&["结合产业发展需求，优化整合资金与产业扶持政策，落实“"]);
        // The host's words are the block's: wording alone would keep it.
        let mut host = draft(&["开发区支持青年人才创新创业，多维礼包助人才安居。"]);
        host.anchor = Anchor::Lead;
        host.lines.push(None);
        host.lines
            .extend(draft(&["人才兴聊”多维礼包，支持青年人才创新创业。"]).lines);
        assert!(closes_its_mark(
            &story.lines,
            &host.lines[..1],
            &host.lines[2..]
        ));
        let mut drafts = vec![story.clone(), host.clone()];
        rethread_columns(&mut drafts, &[], &mut None);
        assert!(drafts[0].body_text().contains("人才兴聊”"), "{drafts:#?}");
        let opens = draft(&["“人才兴聊”多维礼包，支持青年人才创新创业。"]);
        assert!(!closes_its_mark(
            &story.lines,
            &host.lines[..1],
            &opens.lines
        ));
        // The host left a quote open too: the mark cannot tell.
        let open_host = draft(&["他说：“开发区坚持宽严相济，政策联动"]);
        assert!(!closes_its_mark(
            &story.lines,
            &open_host.lines,
            &host.lines[2..]
        ));
    }

    /// A broken story, then a host's finished paragraph and a later block:
    /// the drafts after rethreading.
    #[cfg(feature = "enrich")]
    fn rethread_one(story: &str, host: &str, block: &str) -> Vec<Draft> {
        let mut host = draft(&[host]);
        host.anchor = Anchor::Lead;
        host.lines.push(None);
        host.lines.extend(draft(&[block]).lines);
        let mut drafts = vec![draft(&[story]), host];
        rethread_columns(&mut drafts, &[], &mut None);
        drafts
    }

    /// A story broken off inside a word (二级节) goes on in the block that
    /// finishes it (点等……) after another story's finished paragraph, even
    /// when the pair is met nowhere else on the page and the wording leans
    /// to the story only by one shared word (企业). A word across the break
    /// is not enough when the block's wording is its host's: 节 | 点位 makes
    /// 节点, but that block goes on about the host's park, so it stays; so
    /// does one whose wording leans to neither.
    #[cfg(feature = "enrich")]
    #[test]
    fn a_word_broken_across_the_column_runs_on_unless_the_host_owns_it() {
        let story = "对新获评的企业平台、标识解析二级节";
        let drafts = rethread_one(
            story,
            "开发区企业势头良好，园区建设稳步推进，项目陆续投产。",
            "点等予以奖励，企业数量增加。",
        );
        assert!(
            drafts[0].body_text().contains("点等予以奖励"),
            "{drafts:#?}"
        );
        let drafts = rethread_one(
            story,
            "园区建设稳步推进，园区项目陆续投产，园区道路全线贯通。",
            "点位布局合理，园区道路两侧的园区项目陆续投产。",
        );
        assert!(drafts[1].body_text().contains("点位布局"), "{drafts:#?}");
        assert!(!drafts[0].body_text().contains("点位布局"), "{drafts:#?}");
        // Nor when the block's wording shares nothing with either.
        let drafts = rethread_one(
            story,
            "园区建设稳步推进，项目陆续投产。",
            "点位布局合理，道路两侧绿树成荫。",
        );
        assert!(drafts[1].body_text().contains("点位布局"), "{drafts:#?}");
    }

    /// A block that opens with a sentence's last word runs on from
    /// elsewhere; one that opens with a sentence of its own does not.
    #[test]
    fn a_fragment_opening_is_mid_sentence() {
        assert!(opens_with_fragment("三等。一等优质专利项目数量"));
        assert!(opens_with_fragment("发展；二是"));
        assert!(!opens_with_fragment("截至2021年10月底，我市共有"));
        assert!(!opens_with_fragment("各项工程进展顺利。"));
        assert!(!opens_with_fragment("2亿元。"));
    }
}
