//! Run-in headlines: a heading set straight above its body with no blank
//! line between, as PDF extraction gives it. Layout rule owned here: body
//! lines fill their column (a paragraph's first line only lacks its
//! two-character indent), so a heading-like line clearly narrower than the
//! column, or wider than any line of the column under it (a headline set
//! across a wider block), is not body text.

use super::drafts::opens_dateline;
use super::headings::heading_like;
use super::lines::Line;
use super::notices::{addressee_at, is_notice_title, opens_with_addressee};
use crate::text::{ends_sentence, is_space, visible_len};

/// Width of a line in ems of body type: Latin letters, figures and curly
/// quotes take half a Chinese character's width.
pub(super) fn em_width(s: &str) -> f64 {
    s.chars()
        .filter(|c| !is_space(*c))
        .map(|c| {
            if c.is_ascii() || matches!(c, '“' | '”' | '‘' | '’') {
                0.5
            } else {
                1.0
            }
        })
        .sum()
}

/// How much narrower than the column a heading is at least (a paragraph's
/// first line is two ems short, give or take a squeezed quote).
const NARROWER_EMS: f64 = 3.5;
/// How much wider than every body line under it a heading is at least.
const WIDER_EMS: f64 = 1.5;
/// Lines a run-in heading may take.
const HEADING_LINES: usize = 5;
/// A paragraph's indent with a little slack for half-width figures.
const INDENT_EMS: f64 = 3.0;
/// Body lines looked at for the column's width.
const SAMPLE: usize = 12;

/// How a candidate heading line stands against the column under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// Clearly narrower than the column.
    Narrow,
    /// Wider than any line of the column: set across a wider block.
    Wide,
    /// As wide as body text: could be a line of it.
    Body,
}

/// How many lines at the top of a text block are a heading set directly
/// above its body: up to five heading-like lines (a headline wraps that
/// often in a narrow column), each clearly narrower
/// than the column or wider than all of it (the first of them), then a
/// full-width line opening a body that has a sentence in it.
pub(super) fn heading_prefix(block: &[&Line]) -> Option<usize> {
    notice_title(block).or_else(|| plain_heading_prefix(block))
}

/// [`heading_prefix`] without the notice's title.
pub(super) fn plain_heading_prefix(block: &[&Line]) -> Option<usize> {
    if block.len() < 3 {
        return None;
    }
    (1..=HEADING_LINES.min(block.len() - 2)).find(|&k| {
        // The column in two measures: ems (as a PDF sets it) and characters
        // (as text laid out by character count sets it); a heading must
        // stand out in both.
        let ems = Column::of(block[k..].iter().map(|l| em_width(&l.text)));
        // Figures and Latin letters set narrower crowd more characters
        // onto a PDF line: count characters on lines without them.
        let plain: Vec<f64> = block[k..]
            .iter()
            .take(SAMPLE)
            .filter(|l| !l.text.chars().any(|c| c.is_ascii_alphanumeric()))
            .map(|l| visible_len(&l.text) as f64)
            .collect();
        let chars = if plain.len() >= 3 {
            Column::of(plain.into_iter())
        } else {
            Column::of(block[k..].iter().map(|l| visible_len(&l.text) as f64))
        };
        let width = ems.usual;
        let fit = |l: &Line| {
            let (e, c) = (em_width(&l.text), visible_len(&l.text) as f64);
            match (ems.fit(e), chars.fit(c)) {
                // More characters than any body line, and no narrower in
                // ems: a headline set larger across a wider block.
                // (A closing mark a line may keep past the column does not count.)
                _ if unhung(&l.text) >= chars.widest + 1.0 && e >= ems.widest => Fit::Wide,
                (a, b) if a == b => a,
                _ => Fit::Body,
            }
        };
        // A paragraph's first line lacks its indent: two ems, and in a
        // narrow column that is more than a sixth of it.
        let full = |l: &Line| {
            let e = em_width(&l.text);
            e * 100.0 >= width * 85.0 || e + INDENT_EMS >= width
        };
        // A paragraph opens under it with its indent: a line as wide as
        // the column that ends no sentence cannot be that paragraph's
        // previous line.
        let opens_under = {
            let (next, cand) = (&block[k].text, &block[k - 1].text);
            let e = em_width(next);
            let indented = e + 1.5 <= width
                && e + INDENT_EMS >= width
                && (opens_dateline(next)
                    || !next.chars().any(|c| c.is_ascii())
                        && visible_len(next) as f64 + 2.0 <= chars.usual);
            let balanced = |a: char, b: char| cand.matches(a).count() == cand.matches(b).count();
            indented
                && !ends_sentence(cand)
                && balanced('《', '》')
                && balanced('（', '）')
                && balanced('〈', '〉')
        };
        width >= 8.0
            && block[..k].iter().enumerate().all(|(i, l)| match fit(l) {
                Fit::Narrow => true,
                Fit::Wide => i == 0 || subheadline(l),
                // A headline wrapped: full lines, then a short one (or a
                // subheadline set wider than the column).
                // (Or full lines all, closed by a paragraph opening under
                // them with its indent.)
                Fit::Body => {
                    i + 1 < k
                        && (fit(block[k - 1]) == Fit::Narrow
                            || subheadline(block[k - 1])
                            || opens_under)
                        || i + 1 == k && opens_under
                        || i >= 1 && subheadline(l)
                }
            })
            && {
                // No clause breaks; quotes close (a quote may wrap).
                let joined: String = block[..k].iter().map(|l| l.text.as_str()).collect();
                !joined.contains(['，', ',', '、'])
                    && joined.matches('“').count() == joined.matches('”').count()
            }
            // (A notice's addressee line may be short.)
            && (full(block[k]) || opens_with_addressee(block[k].text.trim()))
            && !subheadline(block[k])
            && heading_like(&block[..k])
            && !block[k]
                .text
                .starts_with(['，', '。', '、', '；', '：', '）', '”'])
            && block[k..]
                .iter()
                .any(|l| ends_sentence(&l.text) || l.text.contains(['。', '！', '？']))
    })
}

/// ——聊城市扎实推进…… : a subheadline under its headline.
fn subheadline(l: &Line) -> bool {
    l.text.trim_start().starts_with("——") && !ends_sentence(&l.text)
}

/// Lines a notice's title may wrap over (关于……的通知 in a narrow column).
const NOTICE_TITLE_LINES: usize = 6;

/// How many lines at the top of a block are a notice's title set straight
/// over the addressees its body opens with (关于……的通知 / 各成员单位：),
/// however short the block.
pub(super) fn notice_title(block: &[&Line]) -> Option<usize> {
    (1..=NOTICE_TITLE_LINES.min(block.len().saturating_sub(1))).find(|&k| {
        let title: String = block[..k].iter().map(|l| l.text.trim()).collect();
        is_notice_title(&title)
            && heading_like(&block[..k])
            && addressee_at(&block[k].text, block.get(k + 1).map(|n| n.text.as_str()))
    })
}

/// A column's usual (median) and widest line, from its first lines.
struct Column {
    usual: f64,
    widest: f64,
}

impl Column {
    fn of(widths: impl Iterator<Item = f64>) -> Column {
        let mut ws: Vec<f64> = widths.take(SAMPLE).collect();
        ws.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
        Column {
            usual: ws.get(ws.len() / 2).copied().unwrap_or(0.0),
            widest: ws.last().copied().unwrap_or(0.0),
        }
    }

    fn fit(&self, w: f64) -> Fit {
        if w * 100.0 <= self.usual * 72.0 || w <= self.usual - NARROWER_EMS {
            Fit::Narrow
        } else if w >= self.widest + WIDER_EMS {
            Fit::Wide
        } else {
            Fit::Body
        }
    }
}

/// Characters of a line without a closing mark at its end (line breaking
/// may keep one past the column rather than start a line with it).
fn unhung(t: &str) -> f64 {
    let t = t.trim_end_matches(is_space);
    let hung = t.ends_with([
        '”', '’', '》', '）', ')', '」', '』', '。', '，', '、', '；', '：',
    ]);
    (visible_len(t) - usize::from(hung)) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(t: &str) -> Line {
        Line::plain(t)
    }

    /// A notice's title set straight over its addressee, the addressee
    /// wrapped before its colon: the title is the heading.
    /// A headline wrapped over four short lines of a narrow column, set
    /// straight above its body: all four are the heading.
    #[test]
    fn a_headline_wrapped_over_four_lines_is_a_run_in_heading() {
        let lines: Vec<Line> = [
            "冠县打造十",
            "公里红色教",
            "育圈带动乡",
            "村振兴",
            "　　记者日前从县委宣传",
            "部了解到，冠县以中共王村",
            "党支部旧址为核心，打造十",
            "公里红色教育圈，带动沿线",
            "村庄发展乡村旅游。",
        ]
        .iter()
        .map(|t| line(t))
        .collect();
        let block: Vec<&Line> = lines.iter().collect();
        assert_eq!(heading_prefix(&block), Some(4));
    }

    #[test]
    fn a_notice_title_over_a_wrapped_addressee() {
        let lines: Vec<Line> = [
            "关于发布重污染天气橙色预警",
            "的通知",
            "市重污染天气应急指挥部各成员",
            "单位：经市环境信息与监控中心",
        ]
        .iter()
        .map(|t| line(t))
        .collect();
        let block: Vec<&Line> = lines.iter().collect();
        assert_eq!(notice_title(&block), Some(2));
        // Without an addressee it is no notice's title.
        let mut plain = lines.clone();
        plain[3] = line("单位负责人经市环境信息与监控中心");
        let block: Vec<&Line> = plain.iter().collect();
        assert_eq!(notice_title(&block), None);
    }
}
