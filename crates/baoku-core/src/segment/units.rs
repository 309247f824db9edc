//! Units: consecutive lines grouped into heading blocks, body runs, leads,
//! bylines and pointers. Layout rule owned here: a short block of text lines
//! between blank lines reads as a heading unless the text around it shows a
//! sentence running through it.

use super::bylines::{is_byline_line, is_dispatch_byline, join_wrapped, parse_byline};
use super::drafts::opens_dateline;
use super::headings::{heading_like, heading_like_with, is_date_line};
use super::lines::{Line, LineKind};
use super::paragraphs::ends_block;
use super::runin::{heading_prefix, notice_title, plain_heading_prefix};
use super::HEADING_LINE_MAX;
use crate::text::{collapse_spaces, ends_sentence, visible_len};

#[derive(Debug, Clone)]
pub(super) enum Unit {
    /// Consecutive heading lines (blank lines between them allowed).
    Heading {
        lines: Vec<String>,
        md: bool,
        /// Indices of lines that follow a blank line.
        gaps: Vec<usize>,
    },
    /// Lines of running text; `None` marks a blank line.
    Body(Vec<Option<Line>>),
    Lead(Line),
    Byline {
        text: String,
        trailing: bool,
        /// Set straight under a heading, no blank line between: the
        /// heading is the headline of the story this byline opens.
        under_heading: bool,
    },
    Pointer(String),
}

pub(super) fn build_units(lines: Vec<Line>) -> Vec<Unit> {
    let (col, usual) = column_width(&lines);
    let mut units: Vec<Unit> = Vec::new();
    let mut i = 0;
    let n = lines.len();
    while i < n {
        let l = &lines[i];
        match &l.kind {
            LineKind::Blank | LineKind::Furniture => {
                if matches!(l.kind, LineKind::Blank) {
                    match units.last_mut() {
                        Some(Unit::Body(b)) => b.push(None),
                        // Keep the break after a one-line lead paragraph.
                        Some(Unit::Lead(_)) => units.push(Unit::Body(vec![None])),
                        _ => {}
                    }
                }
                i += 1;
            }
            LineKind::Pointer(p) => {
                units.push(Unit::Pointer(p.clone()));
                i += 1;
            }
            LineKind::Lead => {
                units.push(Unit::Lead(l.clone()));
                i += 1;
            }
            LineKind::Byline | LineKind::TrailingByline => {
                let trailing = l.kind == LineKind::TrailingByline;
                let under_heading = i > 0
                    && lines[i - 1].kind != LineKind::Blank
                    && matches!(units.last(), Some(Unit::Heading { md: false, .. }));
                let mut text = l.text.clone();
                i += 1;
                // A byline wrapped over two lines (■ 本报记者 X / 本报通讯员 Y;
                // ■ 本报记 / 者 X; 记者 X 通讯员 Y / Z 聊城报道).
                while i < n && !lines[i].text.starts_with(['■', '●', '▲', '◆']) {
                    let joined = join_wrapped(&text, &lines[i].text);
                    let wrapped_part = matches!(lines[i].kind, LineKind::Text | LineKind::Byline)
                        && visible_len(&lines[i].text) <= 16
                        && !opens_sentence(&lines[i].text)
                        && is_byline_line(&joined)
                        && parse_byline(&joined) != parse_byline(&text);
                    // A dispatch line (X 聊城报道) after a ■ credit that
                    // already names someone opens the next story.
                    let next_dispatch = text.contains('■')
                        && is_dispatch_byline(&lines[i].text)
                        && !parse_byline(&text).is_empty();
                    if lines[i].kind != LineKind::Byline && !wrapped_part || next_dispatch {
                        break;
                    }
                    text = joined;
                    i += 1;
                }
                units.push(Unit::Byline {
                    text,
                    trailing,
                    under_heading,
                });
            }
            LineKind::Label => {
                units.push(Unit::Heading {
                    lines: vec![l.text.clone()],
                    md: false,
                    gaps: vec![],
                });
                i += 1;
            }
            LineKind::MdHeading => {
                // A kicker leading into the headings with a dash (……——).
                let kicker = match units.last() {
                    Some(Unit::Heading {
                        lines, md: false, ..
                    }) if lines.len() == 1 && is_dash_kicker(&lines[0]) => Some(lines[0].clone()),
                    _ => None,
                };
                if kicker.is_some() {
                    units.pop();
                }
                let mut hl: Vec<String> = kicker.into_iter().collect();
                hl.push(l.text.clone());
                i += 1;
                while i < n && matches!(lines[i].kind, LineKind::Blank | LineKind::MdHeading) {
                    if lines[i].kind == LineKind::MdHeading {
                        hl.push(lines[i].text.clone());
                    }
                    i += 1;
                }
                // A subheadline (——…) set under markdown headings, maybe wrapped.
                let mut sub_at = Vec::new();
                if i < n && lines[i].kind == LineKind::Text && is_sub_line(&lines[i].text) {
                    let mut sub = collapse_spaces(&lines[i].text);
                    i += 1;
                    while i < n
                        && lines[i].kind == LineKind::Text
                        && !ends_block(&sub)
                        && visible_len(&sub) + visible_len(&lines[i].text) <= 2 * HEADING_LINE_MAX
                        && heading_like(&[&lines[i]])
                    {
                        sub.push_str(&collapse_spaces(&lines[i].text));
                        i += 1;
                    }
                    hl.push(sub);
                } else if i < n
                    && lines[i].kind == LineKind::Text
                    && heading_like(&[&lines[i]])
                    && lines.get(i + 1).is_none_or(|l| {
                        matches!(l.kind, LineKind::Blank | LineKind::Byline | LineKind::Lead)
                    })
                {
                    // A subheadline without a dash, set as plain text under them.
                    sub_at.push(hl.len());
                    hl.push(collapse_spaces(&lines[i].text));
                    i += 1;
                }
                // For markdown headings, `gaps` lists the subheadline lines.
                units.push(Unit::Heading {
                    lines: hl,
                    md: true,
                    gaps: sub_at,
                });
            }
            LineKind::Text => {
                let start = i;
                while i < n && lines[i].kind == LineKind::Text {
                    i += 1;
                }
                let block: Vec<&Line> = lines[start..i].iter().collect();
                let prev_is_body_mid = matches!(units.last(), Some(Unit::Body(b)) if b.iter().rev().flatten().next().is_some_and(|l| !ends_block(&l.text) && !l.text.ends_with(['：', ':']) && !is_date_line(&l.text)) && !ends_with_wrapped_date(b));
                let continues_lead = matches!(units.last(), Some(Unit::Lead(_)));
                // A short line right above a page pointer is a teaser ("清明，… / 第3版").
                let before_pointer = block.len() <= 2
                    && lines[i..]
                        .iter()
                        .find(|l| l.kind != LineKind::Blank)
                        .is_some_and(|l| matches!(l.kind, LineKind::Pointer(_)))
                    && block.iter().all(|l| {
                        visible_len(&l.text) <= HEADING_LINE_MAX && !l.text.contains('。')
                    });
                // Text that goes on with closing punctuation continues a sentence
                // that layout broke: what sits before it is not a headline.
                let next_continues = lines[i..]
                    .iter()
                    .find(|l| l.kind != LineKind::Blank)
                    .is_some_and(|l| {
                        l.kind == LineKind::Text
                            && l.text.starts_with([
                                '，', '。', '、', '；', '：', '）', '」', '』', '”', '％', '%',
                            ])
                    });
                // A one-line block between two finished paragraphs, clearly
                // shorter than the column and ending without punctuation,
                // stands alone: an intertitle, even if a short clause opens it.
                let prev_ends_sentence = matches!(units.last(), Some(Unit::Body(b)) if b.iter().rev().flatten().next().is_some_and(|l| ends_sentence(&l.text)));
                let next_is_text = lines[i..]
                    .iter()
                    .find(|l| l.kind != LineKind::Blank)
                    .is_some_and(|l| l.kind == LineKind::Text);
                let standalone = block.len() == 1
                    && prev_ends_sentence
                    && next_is_text
                    && i > start
                    && lines.get(i).is_some_and(|l| l.kind == LineKind::Blank)
                    && visible_len(&block[0].text) + 3 <= usual
                    && heading_like_with(&block, true);
                // A last line that fills the column runs on into what
                // follows: text broken by a blank line, not a heading.
                let runs_on = block.last().is_some_and(|l| {
                    col >= 10
                        && visible_len(&l.text) == col
                        && !ends_block(&l.text)
                        && !is_sub_line(&l.text)
                        && !is_dash_kicker(&l.text)
                }) && next_is_text;
                // The same for a line as wide as the column of the text
                // right after it: stories on one page differ in width.
                let runs_into_next = block.len() == 1
                    && block.last().is_some_and(|l| {
                        !ends_block(&l.text)
                            && !is_sub_line(&l.text)
                            && !is_dash_kicker(&l.text)
                            && following_width(&lines[i..])
                                .is_some_and(|c| c >= 8 && c == unhung_len(&l.text))
                    })
                    && next_is_text;
                let runs_on = runs_on || runs_into_next;
                // A heading-like block set over a byline or a lead (blank lines
                // between allowed: extraction sets a headline block apart)
                // heads what follows, even when extraction left the text
                // before it mid-sentence (that text goes on elsewhere).
                let over_byline = lines[i..]
                    .iter()
                    .find(|l| l.kind != LineKind::Blank)
                    .is_some_and(|l| matches!(l.kind, LineKind::Byline | LineKind::Lead))
                    && block.len() <= 5
                    && heading_like(&block);
                // A headline and subheadline each wrapped onto a short
                // last line (……做到群众 / 心里), set over a byline or lead.
                let rewrapped = (!over_byline && block.len() == 4)
                    .then(|| unwrap_short_lines(&block))
                    .filter(|ls| {
                        ls.len() == 2
                            && lines.get(i).is_some_and(|l| {
                                matches!(l.kind, LineKind::Byline | LineKind::Lead)
                            })
                            && heading_like(&ls.iter().collect::<Vec<_>>())
                    });
                if let Some(ls) = rewrapped.filter(|_| !continues_lead && !next_continues) {
                    push_heading(&mut units, ls.into_iter().map(|l| l.text).collect());
                    continue;
                }
                // A kicker ending in a dash (高新区——) on a block of its
                // own heads what follows even inside a broken sentence: no
                // sentence breaks off a column on a short line and a dash.
                let dash_kicker = block.len() == 1
                    && is_dash_kicker(block[0].text.trim())
                    && visible_len(&block[0].text) <= DASH_KICKER_MAX
                    && !block[0].text.contains(['，', '。', '；']);
                if (before_pointer
                    || (standalone && !runs_into_next)
                    || (heading_like(&block) && !runs_on))
                    && (!prev_is_body_mid || over_byline || dash_kicker)
                    && !continues_lead
                    && !next_continues
                {
                    let texts: Vec<String> =
                        block.iter().map(|l| collapse_spaces(&l.text)).collect();
                    push_heading(&mut units, join_full_lines(texts, col));
                    continue;
                }
                // A heading set right above its body with no blank line
                // between, as PDF extraction gives it.
                // After text broken off mid-sentence only a headline with a
                // subheadline under it (——……) is sure enough to stop it.
                let head = if continues_lead {
                    None
                } else if prev_is_body_mid {
                    // (Or one over a paragraph opening with its day: 3月25日，……,
                    // or a headline wrapped onto a stub of a line: body text
                    // never ends a paragraph on one without its full stop.)
                    // A notice's title over its addressees (关于……的通知 /
                    // 各成员单位：) is sure enough too.
                    notice_title(&block).or_else(|| {
                        plain_heading_prefix(&block).filter(|&k| {
                            k >= 2
                                && block[1..k]
                                    .iter()
                                    .any(|l| l.text.trim_start().starts_with("——"))
                                || k == 1 && opens_dateline(&block[1].text)
                                || k == 2 && visible_len(&block[1].text) <= 3
                        })
                    })
                } else {
                    heading_prefix(&block).or_else(|| after_dash_kicker(&units, &block))
                };
                let block = match head {
                    Some(k) => {
                        let texts: Vec<String> = block[..k]
                            .iter()
                            .map(|l| collapse_spaces(&l.text))
                            .collect();
                        push_heading(&mut units, join_full_lines(texts, col));
                        units.push(Unit::Body(Vec::new()));
                        block[k..].to_vec()
                    }
                    None => block,
                };
                let body: Vec<Option<Line>> = block.into_iter().cloned().map(Some).collect();
                match units.last_mut() {
                    Some(Unit::Body(b)) => b.extend(body),
                    _ => units.push(Unit::Body(body)),
                }
            }
        }
    }
    pair_heading_rows(&mut units);
    units
}

/// Longest kicker ending in a dash that stands alone inside a broken
/// sentence (高新区——).
const DASH_KICKER_MAX: usize = 12;

/// Longest kicker read in a row of kickers (a place, a desk: 我市, 高新区).
const ROW_KICKER_MAX: usize = 6;

/// Two stories set side by side, each with a kicker over its headline, are
/// read row by row: both kickers, then both headlines (我市 / 高新区 /
/// 梯度培育…… / 发放……), which join pairwise into two heading groups of
/// two kickers and two headlines. The first kicker goes with the first
/// headline, the second with the second.
fn pair_heading_rows(units: &mut [Unit]) {
    let two_blocks = |u: &Unit| match u {
        Unit::Heading {
            lines,
            md: false,
            gaps,
        } if lines.len() == 2 && gaps == &[1] && !lines.iter().any(|l| is_sub_line(l)) => {
            Some((lines[0].clone(), lines[1].clone()))
        }
        _ => None,
    };
    let kicker = |l: &str| visible_len(l) <= ROW_KICKER_MAX && !is_dash_kicker(l);
    for i in 1..units.len() {
        let (Some((a, b)), Some((c, d))) = (two_blocks(&units[i - 1]), two_blocks(&units[i]))
        else {
            continue;
        };
        if kicker(&a) && kicker(&b) && !kicker(&c) && !kicker(&d) {
            units[i - 1] = Unit::Heading {
                lines: vec![a, c],
                md: false,
                gaps: vec![1],
            };
            units[i] = Unit::Heading {
                lines: vec![b, d],
                md: false,
                gaps: vec![1],
            };
        }
    }
}

/// Does a heading block separated by a blank line belong to the heading
/// group before it? Kicker + headline, headline + subheadline and a
/// subheadline wrapped onto another line do; a run of separate headlines
/// (a photo title, a teaser, the next story's headline) does not.
pub(super) fn heading_continues(prev: &Unit, next: &[String]) -> bool {
    let Unit::Heading {
        lines,
        md: false,
        gaps,
    } = prev
    else {
        return false;
    };
    let Some(last) = lines.last() else {
        return false;
    };
    let next_first = next.first().map(String::as_str).unwrap_or("");
    let is_sub = |l: &str| l.starts_with("——") || l.starts_with("--");
    if is_sub(next_first) || last.ends_with("——") {
        return true;
    }
    // A long subheadline line wrapped onto one more line.
    let sub_wrapped_already = gaps
        .last()
        .is_some_and(|&g| g + 1 == lines.len() && is_sub(&lines[g - 1]));
    if is_sub(last) && visible_len(last) >= 16 && next.len() == 1 && !sub_wrapped_already {
        return true;
    }
    // A single line (kicker or headline) and a single line after it.
    // (A kicker may stand over a headline wrapped onto more lines.)
    lines.len() == 1
        && ((next.len() == 1 && visible_len(last) <= 20)
            || (next.len() <= 3 && visible_len(last) <= 6)
            || ((2..=4).contains(&next.len()) && visible_len(last) <= 12))
}

/// Characters of a line without one closing mark at its end (line
/// breaking keeps one past the column rather than open a line with it).
fn unhung_len(t: &str) -> usize {
    let t = t.trim_end();
    let hung = t.ends_with([
        '”', '’', '》', '）', ')', '。', '，', '、', '；', '：', '！', '？',
    ]);
    visible_len(t) - usize::from(hung)
}

/// The usual width of the text lines after a gap: the most common width
/// of the next few, when at least two share it.
fn following_width(rest: &[Line]) -> Option<usize> {
    let mut ws: Vec<usize> = rest
        .iter()
        .skip_while(|l| matches!(l.kind, LineKind::Blank | LineKind::Furniture))
        .take_while(|l| l.kind == LineKind::Text)
        .take(6)
        .map(|l| unhung_len(&l.text))
        .collect();
    ws.sort_unstable();
    let mut best = (0, 0);
    for &w in &ws {
        let n = ws.iter().filter(|&&x| x == w).count();
        if n > best.0 || (n == best.0 && w > best.1) {
            best = (n, w);
        }
    }
    (best.0 >= 2).then_some(best.1)
}

/// A notice's closing date wrapped over its last two lines (……办公室2022 /
/// 年1月4日) ends it as a sentence would.
fn ends_with_wrapped_date(b: &[Option<Line>]) -> bool {
    let end = b.iter().rposition(Option::is_some).map_or(0, |k| k + 1);
    let [.., Some(x), Some(y)] = &b[..end] else {
        return false;
    };
    y.text.contains('日') && ends_block(&format!("{}{}", x.text.trim_end(), y.text.trim()))
}

/// A kicker ending in a dash (高新区——) leads into a headline: the first
/// line of the text after it, when it could be one.
fn after_dash_kicker(units: &[Unit], block: &[&Line]) -> Option<usize> {
    let Some(Unit::Heading {
        lines, md: false, ..
    }) = units.last()
    else {
        return None;
    };
    let dash = lines
        .last()
        .is_some_and(|l| l.ends_with("——") && !l.starts_with("——"));
    // The body under it visibly opens a sentence (a quote, a title, a
    // dateline), so the line is not its first line cut short.
    let opens = |t: &str| {
        t.starts_with(['“', '《', '「', '（'])
            || t.split_once(['，', ','])
                .is_some_and(|(h, _)| is_date_line(h))
    };
    (dash
        && block.len() >= 3
        && heading_like(&block[..1])
        && !block[0].text.contains(['，', '。'])
        && opens(&block[1].text))
    .then_some(1)
}

/// Heading lines with the short ends they wrapped onto joined back: a
/// line of at most four characters after a line of eight or more.
fn unwrap_short_lines(block: &[&Line]) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    for l in block {
        let t = collapse_spaces(&l.text);
        match out.last_mut() {
            Some(prev) if visible_len(&t) <= 4 && visible_len(&prev.text) >= 8 => {
                prev.text.push_str(&t)
            }
            _ => out.push(Line {
                text: t,
                ..(*l).clone()
            }),
        }
    }
    out
}

/// A kicker that leads into its headline with a dash (高唐县——).
pub(super) fn is_dash_kicker(l: &str) -> bool {
    l.ends_with("——") && !is_sub_line(l)
}

/// A subheadline line: it opens with a dash.
pub(super) fn is_sub_line(l: &str) -> bool {
    l.starts_with("——") || l.starts_with("--")
}

fn push_heading(units: &mut Vec<Unit>, texts: Vec<String>) {
    if let Some(Unit::Heading {
        lines: hl,
        md: false,
        gaps,
    }) = units.last_mut().filter(|u| heading_continues(u, &texts))
    {
        gaps.push(hl.len());
        hl.extend(texts);
    } else {
        units.push(Unit::Heading {
            lines: texts,
            md: false,
            gaps: vec![],
        });
    }
}

/// The page's column width, when enough lines fill it exactly (the most
/// common width), and its usual line width (80th percentile).
fn column_width(lines: &[Line]) -> (usize, usize) {
    let mut w: Vec<usize> = lines
        .iter()
        .filter(|l| l.kind == LineKind::Text)
        .map(|l| visible_len(&l.text))
        .collect();
    if w.is_empty() {
        return (0, 0);
    }
    // The most common width (the widest on a tie).
    w.sort_unstable();
    let mut best = (0, 0);
    let mut k = 0;
    while k < w.len() {
        let run = w[k..].iter().take_while(|&&x| x == w[k]).count();
        if run >= best.0 {
            best = (run, w[k]);
        }
        k += run;
    }
    let usual = w[(w.len() * 4 / 5).min(w.len() - 1)];
    // Too few full lines to know the column.
    (if best.0 >= 5 { best.1 } else { 0 }, usual)
}

/// A heading line exactly as wide as the column runs on into the next: the
/// headline was wrapped, it is not a headline over a subheadline.
fn join_full_lines(texts: Vec<String>, col: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut run_on = false;
    for t in texts {
        let full = col >= 10 && visible_len(&t) == col && !is_sub_line(&t) && !is_dash_kicker(&t);
        match out.last_mut() {
            // A line wider than the column was not wrapped from it.
            Some(prev) if run_on && !is_sub_line(&t) && visible_len(&t) <= col => prev.push_str(&t),
            _ => out.push(t),
        }
        run_on = full;
    }
    out
}

/// Sentence punctuation a byline's wrapped part never holds (a body line
/// "前不久，省科学技" reads as two names otherwise).
pub(super) fn opens_sentence(t: &str) -> bool {
    t.contains(['，', '。', '：', '“', '；'])
}
