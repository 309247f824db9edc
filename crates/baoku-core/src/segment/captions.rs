//! Captions: a photo caption's opening read apart from its end. Layout rule
//! owned here: an untitled caption opens with its photo's day (1月4日，……)
//! and closes with its credit (■ 本报记者 X). When extraction breaks a
//! caption over two columns, its end (with the credit) reads as a caption
//! that opens mid-sentence, and its opening — a dated block after a
//! finished sentence — is left at the end of another story, broken off
//! mid-sentence. The opening moves back to the caption.

use super::drafts::{body_len, opens_dateline, Anchor, Draft};
use super::lines::Line;
use super::paragraphs::ends_block;
use super::CAPTION_MAX;

/// Give each caption that opens mid-sentence the dated opening left at the
/// end of the nearest story.
pub(super) fn rejoin_caption_starts(drafts: &mut [Draft]) {
    // Each draft's dated broken block, read once and again after it moves.
    let mut donors: Vec<Option<(usize, usize)>> = drafts.iter().map(dated_broken_block).collect();
    for c in 0..drafts.len() {
        if !opens_mid_caption(&drafts[c]) {
            continue;
        }
        let near = c.saturating_sub(REACH)..(c + REACH + 1).min(drafts.len());
        let donor = near
            .filter(|&d| d != c)
            .filter_map(|d| donors[d].map(|r| (d, r)))
            .min_by_key(|&(d, _)| (d.abs_diff(c), d > c));
        let Some((d, (start, end))) = donor else {
            continue;
        };
        let mut moved: Vec<Option<Line>> = drafts[d].lines.drain(start..end).collect();
        // The blank line left behind twice over goes.
        if drafts[d].lines.get(start).is_some_and(Option::is_none) {
            drafts[d].lines.remove(start);
        }
        while drafts[d].lines.last().is_some_and(Option::is_none) {
            drafts[d].lines.pop();
        }
        moved.retain(Option::is_some);
        let rest = std::mem::take(&mut drafts[c].lines);
        let first = rest.iter().position(Option::is_some).unwrap_or(rest.len());
        drafts[c].lines = moved;
        drafts[c].lines.extend(rest.into_iter().skip(first));
        donors[d] = dated_broken_block(&drafts[d]);
        donors[c] = None;
    }
}

/// How many drafts on either side of a caption are searched for its
/// opening (bounded, so a page of many captions stays linear).
const REACH: usize = 16;

/// A caption (closed by its credit) whose text does not open with its day.
fn opens_mid_caption(d: &Draft) -> bool {
    d.anchor == Anchor::BylineBelow
        && d.teaser.is_none()
        && d.heading.is_none()
        && d.lines
            .iter()
            .flatten()
            .next()
            .is_some_and(|l| !opens_dateline(&l.text))
}

/// A block of a story (not its first) that opens with a day after a
/// finished sentence, breaks off mid-sentence at a blank line and is short
/// enough to be a caption's opening: its line range.
fn dated_broken_block(d: &Draft) -> Option<(usize, usize)> {
    if d.anchor == Anchor::BylineBelow {
        return None;
    }
    let lines = &d.lines;
    let mut i = lines.iter().position(Option::is_some)?;
    loop {
        // The next block after a blank line.
        let start = i + lines[i..].iter().position(Option::is_none)?;
        let start = start + lines[start..].iter().position(Option::is_some)?;
        let end = lines[start..]
            .iter()
            .position(Option::is_none)
            .map_or(lines.len(), |e| start + e);
        i = start;
        let (Some(first), Some(last)) = (&lines[start], &lines[end - 1]) else {
            continue;
        };
        let before_ends = lines[..start]
            .iter()
            .rev()
            .flatten()
            .next()
            .is_some_and(|l| ends_block(&l.text));
        let chars = body_len(&lines[start..end]);
        if opens_dateline(&first.text)
            && before_ends
            && !ends_block(&last.text)
            && chars <= CAPTION_MAX
        {
            return Some((start, end));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(ts: &[&str]) -> Vec<Option<Line>> {
        Draft::of_text(ts).lines
    }

    fn text(d: &Draft) -> String {
        d.body_text()
    }

    /// The caption's dated opening, broken off after a story's finished
    /// sentence, goes back to the caption that opens mid-sentence; the
    /// story keeps the rest.
    #[test]
    fn a_dated_opening_goes_back_to_the_caption_that_lacks_it() {
        let story = Draft {
            lines: lines(&[
                "城区东关新建的立体停车场正式投入使用，可提供车位",
                "三百余个，缓解了周边商圈停车难问题。",
                "",
                "3月2日，市民在城区东关新建的立体停车场内有序",
                "停放车辆，工作人员现场指导市民使用智能缴费系",
                "",
                "投入资金800万元——",
            ]),
            anchor: Anchor::Lead,
            ..Default::default()
        };
        let other = Draft {
            lines: lines(&["全镇十二家乡村书屋对外开放。"]),
            anchor: Anchor::Lead,
            ..Default::default()
        };
        let caption = Draft {
            lines: lines(&["统。"]),
            anchor: Anchor::BylineBelow,
            byline: vec!["本报记者 赵六".into()],
            ..Default::default()
        };
        let mut drafts = vec![story.clone(), other, caption.clone()];
        rejoin_caption_starts(&mut drafts);
        assert!(text(&drafts[2]).starts_with("3月2日，市民"), "{drafts:#?}");
        assert!(text(&drafts[2]).ends_with("智能缴费系统。"), "{drafts:#?}");
        assert!(!text(&drafts[0]).contains("有序"), "{drafts:#?}");
        assert!(
            text(&drafts[0]).ends_with("投入资金800万元——"),
            "{drafts:#?}"
        );

        // A caption that opens with its day has its opening: nothing moves.
        let dated = Draft {
            lines: lines(&["3月1日，新车位启用。"]),
            ..caption
        };
        let mut drafts = vec![story.clone(), dated];
        rejoin_caption_starts(&mut drafts);
        assert_eq!(text(&drafts[0]), text(&story));
    }
}
