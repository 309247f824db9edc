//! Drafts: article boundaries. Layout rule owned here: an article starts at a
//! lead or a leading byline, a trailing byline closes a caption, and heading
//! groups go to the neighbour whose body shares most of their wording.

use super::bylines::{is_dispatch_byline, trailing_signature, Byline};
use super::headings::{is_date_line, strong_heading};
use super::lines::{Line, LineKind};
use super::notices::{addressee_at, opens_notice_at, opens_with_addressees};
use super::paragraphs::ends_block;
use super::units::Unit;
use super::CAPTION_MAX;
use crate::text::{ends_sentence, visible_len};

/// What fixes an article's start or end on the page.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) enum Anchor {
    /// Text with nothing marking where it starts (a headline may still).
    #[default]
    None,
    /// A 本报讯 / 新华社…电 lead opens it; the byline is inline.
    Lead,
    /// A byline on its own line opens it (■ 本报记者 X; X 聊城报道).
    BylineAbove,
    /// A byline after the text closes it (a photo caption).
    BylineBelow,
}

/// Can more text still join a draft?
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) enum Extent {
    #[default]
    Open,
    Closed,
}

#[derive(Debug, Default, Clone)]
pub(super) struct Draft {
    pub(super) lines: Vec<Option<Line>>,
    pub(super) anchor: Anchor,
    pub(super) byline: Vec<String>,
    pub(super) extent: Extent,
    pub(super) heading: Option<usize>,
    pub(super) teaser: Option<(Vec<String>, String)>,
    pub(super) continued: Option<String>,
    /// A caption split off the end of this draft's article.
    pub(super) embedded_in: Option<usize>,
}

#[cfg(test)]
impl Draft {
    /// A draft of running text lines; an empty string is a blank line.
    pub(super) fn of_text(ts: &[&str]) -> Draft {
        Draft {
            lines: ts
                .iter()
                .map(|t| (!t.is_empty()).then(|| Line::plain(t)))
                .collect(),
            ..Default::default()
        }
    }
}

impl Draft {
    pub(super) fn body_text(&self) -> String {
        let mut s = String::new();
        for l in self.lines.iter().flatten() {
            s.push_str(&l.text);
        }
        s
    }
    /// Opened by a lead or a byline, or closed by a byline of its own.
    pub(super) fn anchored(&self) -> bool {
        self.anchor == Anchor::Lead || !self.byline.is_empty()
    }
    /// The usual (median) width of the draft's lines, in characters; 0
    /// without text.
    pub(super) fn usual_width(&self) -> usize {
        let mut w: Vec<usize> = self
            .lines
            .iter()
            .flatten()
            .map(|l| visible_len(&l.text))
            .collect();
        w.sort_unstable();
        w.get(w.len() / 2).copied().unwrap_or(0)
    }
    /// The signature closing the draft's last line (……。（记者 X）).
    pub(super) fn closing_signature(&self) -> Option<(String, Byline)> {
        let last = self.lines.iter().rev().flatten().next()?;
        trailing_signature(&last.text)
    }
    pub(super) fn is_open(&self) -> bool {
        self.extent == Extent::Open
    }
    pub(super) fn is_empty(&self) -> bool {
        self.lines.iter().all(|l| l.is_none()) && self.byline.is_empty() && self.teaser.is_none()
    }
}

/// The text of some lines, run together.
pub(super) fn lines_text(lines: &[Option<Line>]) -> String {
    lines.iter().flatten().map(|l| l.text.as_str()).collect()
}

pub(super) fn body_len(lines: &[Option<Line>]) -> usize {
    lines.iter().flatten().map(|l| visible_len(&l.text)).sum()
}

/// The trailing part of `lines` that forms the last blank-separated block
/// starting a sentence, if short enough to be a caption.
pub(super) fn split_last_block(lines: &[Option<Line>]) -> Option<usize> {
    split_at_blank(lines).or_else(|| split_at_dateline(lines))
}

/// Untitled text that opens with a photo's day and, after a finished
/// sentence and a blank line, opens with a day again: the second dated
/// block starts another caption.
fn second_dated_caption(lines: &[Option<Line>]) -> Option<usize> {
    let first = lines.iter().flatten().next()?;
    if !opens_dateline(&first.text) {
        return None;
    }
    let cut = split_at_blank(lines)?;
    let before = lines[..cut].iter().rev().flatten().next()?;
    (cut > 0
        && ends_sentence(&before.text)
        && lines[cut].as_ref().is_some_and(|l| opens_dateline(&l.text)))
    .then_some(cut)
}

/// Untitled text that does not open with a day, then, after a blank line
/// and text ending in no clause mark (，、；：), a block that does (3月25日，
/// ……): the caption opens there, and the text before it is another story's
/// (its last paragraph, a notice's contact line or date). A dated opening
/// starts a sentence, so nothing before it runs on into the caption.
fn dated_caption_after_text(lines: &[Option<Line>]) -> Option<usize> {
    let first = lines.iter().flatten().next()?;
    if opens_dateline(&first.text) {
        return None;
    }
    let cut = (1..lines.len()).rev().find(|&k| {
        lines[k - 1].is_none() && lines[k].as_ref().is_some_and(|l| opens_dateline(&l.text))
    })?;
    let before = lines[..cut].iter().rev().flatten().next()?;
    // (Called only on text within caption length as a whole.)
    (!before.text.trim_end().ends_with(['，', '、', '；', '：'])).then_some(cut)
}

/// Without a blank line before it, a caption still opens a paragraph with
/// the day the photo was taken (3月25日，……): the last such opening within
/// caption length.
fn split_at_dateline(lines: &[Option<Line>]) -> Option<usize> {
    let mut len = 0;
    for k in (1..lines.len()).rev() {
        let Some(l) = &lines[k] else { continue };
        len += visible_len(&l.text);
        if len > CAPTION_MAX {
            return None;
        }
        let after_sentence = lines[..k]
            .iter()
            .rev()
            .flatten()
            .next()
            .is_some_and(|p| ends_sentence(&p.text));
        let dated = l
            .text
            .split_once(['，', ','])
            .is_some_and(|(head, _)| is_date_line(head));
        if after_sentence && dated {
            return Some(k);
        }
    }
    None
}

fn split_at_blank(lines: &[Option<Line>]) -> Option<usize> {
    let mut end = lines.len();
    while end > 0 && lines[end - 1].is_none() {
        end -= 1;
    }
    let mut start = end;
    // A blank line inside a sentence (a column break) does not end the
    // caption: go back to a block that follows a finished sentence. A block
    // opening with the photo's day (3月25日，……) a little further back is
    // where the caption starts.
    let mut len = 0;
    let mut first = None;
    let mut past_first = 0;
    loop {
        if first.is_some() {
            past_first += 1;
            if past_first > 2 {
                return first;
            }
        }
        let block_end = start;
        while start > 0 && lines[start - 1].is_some() {
            start -= 1;
        }
        len += body_len(&lines[start..block_end]);
        if start == 0 || len > CAPTION_MAX {
            return first;
        }
        let before = lines[..start].iter().rev().flatten().next();
        if before.is_some_and(|l| ends_block(&l.text) || ends_with_date(&l.text)) {
            if lines[start]
                .as_ref()
                .is_some_and(|l| opens_dateline(&l.text))
            {
                return Some(start);
            }
            first = first.or(Some(start));
        } else if lines[start]
            .as_ref()
            .is_some_and(|l| opens_dateline(&l.text))
        {
            // A caption set inside another article's columns: that article
            // breaks off mid-sentence above it and runs on below.
            return Some(start);
        }
        while start > 0 && lines[start - 1].is_none() {
            start -= 1;
        }
    }
}

/// A notice signs off with its date (……办公室2022年1月4日): finished as a
/// sentence is.
fn ends_with_date(t: &str) -> bool {
    let t = t.trim_end();
    let tail: String = t
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '年' | '月' | '日'))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    tail.ends_with('日') && tail.contains('年') && is_date_line(&tail)
}

/// 3月25日，…… : the first words of a photo caption.
pub(super) fn opens_dateline(t: &str) -> bool {
    t.split_once(['，', ','])
        .is_some_and(|(head, _)| is_date_line(head))
}

/// A notice opens with its addressees and a colon (市重污染天气应急指挥部各
/// 成员单位：), the colon sometimes wrapped onto the next line; a speaker's
/// words (他说：) are not an addressee.
pub(super) fn looks_like_notice_start(lines: &[Option<Line>]) -> bool {
    let mut it = lines.iter().flatten();
    let Some(first) = it.next() else { return false };
    let first = first.text.trim_end();
    if first.ends_with(['：', ':']) && visible_len(first) <= 30 {
        return !is_speech(first.trim_end_matches(['：', ':']));
    }
    let second = it.next().map_or("", |l| l.text.trim());
    // Or the addressees wrapped, colon and all (市重污染天气应急指挥部 /
    // 各成员单位：经……).
    if addressee_at(first, Some(second)) {
        return true;
    }
    let wrapped = second.starts_with(['：', ':']);
    wrapped
        && (6..=30).contains(&visible_len(first))
        && !first.contains(['，', '。', '“', '”', '；'])
        && !is_speech(first)
}

/// Words that introduce quoted speech before a colon.
fn is_speech(t: &str) -> bool {
    ["说", "表示", "介绍", "指出", "认为", "强调", "称", "道"]
        .iter()
        .any(|w| t.ends_with(w))
}

/// Does the body starting at `units[i]` close with a signature of its own
/// (……。（记者 X）) before the next heading? Then it is an article, not the
/// section after an intertitle.
fn is_signed_ahead(units: &[Unit], i: usize) -> bool {
    for u in &units[i..] {
        match u {
            Unit::Body(b) => {
                if b.iter()
                    .flatten()
                    .any(|l| trailing_signature(&l.text).is_some())
                {
                    return true;
                }
            }
            _ => break,
        }
    }
    false
}

/// Does the orphan body starting at `units[i]` end in a trailing byline
/// within caption length?
pub(super) fn is_caption_ahead(units: &[Unit], i: usize) -> bool {
    let mut len = 0;
    for u in &units[i..] {
        match u {
            Unit::Body(b) => {
                len += body_len(b);
                if len > CAPTION_MAX {
                    return false;
                }
            }
            // (A dispatch, ……聊城报道, stands over the next story.)
            Unit::Byline { text, trailing, .. } => {
                return *trailing || len > 0 && !is_dispatch_byline(text)
            }
            _ => return false,
        }
    }
    false
}

/// A place name standing alone (临清市, 东阿县): a kicker over the next
/// story, never an intertitle, which says something about the text below.
pub(super) fn is_place_label(lines: &[String]) -> bool {
    let [l] = lines else { return false };
    let t = l.trim();
    (2..=5).contains(&t.chars().count())
        && t.ends_with(['市', '县', '区', '镇', '乡', '村'])
        && t.chars().all(crate::text::is_han)
}

#[derive(Default)]
pub(super) struct HeadingSlot {
    pub(super) lines: Vec<String>,
    pub(super) md: bool,
    pub(super) gaps: Vec<usize>,
    pub(super) prev: Option<usize>,
    pub(super) next: Option<usize>,
    /// Set straight over the byline that opens `next`.
    pub(super) over_byline: bool,
}

pub(super) fn segment_drafts(units: Vec<Unit>) -> (Vec<Draft>, Vec<HeadingSlot>) {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut slots: Vec<HeadingSlot> = Vec::new();
    let mut pending_heading: Option<usize> = None; // slot waiting for its `next`
    let open = |drafts: &Vec<Draft>| drafts.last().is_some_and(|d| d.is_open());

    let start_new =
        |drafts: &mut Vec<Draft>, slots: &mut Vec<HeadingSlot>, pending: &mut Option<usize>| {
            if let Some(d) = drafts.last_mut() {
                d.extent = Extent::Closed;
            }
            drafts.push(Draft::default());
            if let Some(s) = pending.take() {
                slots[s].next = Some(drafts.len() - 1);
            }
        };

    let mut i = 0;
    while i < units.len() {
        match &units[i] {
            Unit::Pointer(p) => {
                // The heading right before a pointer is a teaser.
                if let Some(s) = pending_heading.take() {
                    let slot = &mut slots[s];
                    let lines = std::mem::take(&mut slot.lines);
                    if let Some(d) = drafts.last_mut() {
                        d.extent = Extent::Closed;
                    }
                    drafts.push(Draft {
                        teaser: Some((lines, p.clone())),
                        extent: Extent::Closed,
                        ..Default::default()
                    });
                }
            }
            Unit::Lead(line) => {
                start_new(&mut drafts, &mut slots, &mut pending_heading);
                if let Some(d) = drafts.last_mut() {
                    d.anchor = Anchor::Lead;
                    d.lines.push(Some(line.clone()));
                }
            }
            Unit::Byline {
                text,
                trailing,
                under_heading,
            } => {
                let prev_body = match i.checked_sub(1).map(|k| &units[k]) {
                    Some(Unit::Body(b)) => Some(b),
                    _ => None,
                };
                let mut is_trailing = *trailing;
                // A dispatch (……聊城报道) stands over its story's text.
                let dispatch = is_dispatch_byline(text);
                if !is_trailing && !dispatch {
                    if let (Some(_), Some(d)) = (prev_body, drafts.last()) {
                        if d.is_open() {
                            let orphan = !d.anchored();
                            let caption_sized = body_len(&d.lines) <= CAPTION_MAX;
                            let ends = d
                                .lines
                                .iter()
                                .rev()
                                .flatten()
                                .next()
                                .is_some_and(|l| ends_sentence(&l.text));
                            if ends
                                && (orphan && caption_sized || split_last_block(&d.lines).is_some())
                            {
                                is_trailing = true;
                            }
                        }
                    }
                }
                if is_trailing && open(&drafts) {
                    let d = drafts.last_mut().expect("open draft");
                    // Text too long for a caption ends in one (an untitled
                    // notice, then a photo's caption); so does a notice
                    // (各成员单位：……), which no caption opens like.
                    let anchored = d.anchored()
                        || body_len(&d.lines) > CAPTION_MAX
                        || opens_with_addressees(&d.lines);
                    if anchored {
                        // The caption is the last block of an article body.
                        if let Some(cut) = split_last_block(&d.lines) {
                            let caption = d.lines.split_off(cut);
                            d.extent = Extent::Closed;
                            let parent = Some(drafts.len() - 1);
                            drafts.push(Draft {
                                lines: caption,
                                byline: vec![text.clone()],
                                anchor: Anchor::BylineBelow,
                                extent: Extent::Closed,
                                embedded_in: parent,
                                ..Default::default()
                            });
                        } else {
                            d.byline.push(text.clone());
                            d.extent = Extent::Closed;
                        }
                    } else if let Some(cut) = second_dated_caption(&d.lines)
                        .or_else(|| dated_caption_after_text(&d.lines))
                    {
                        // Two photos' captions read together: the first
                        // (its end read elsewhere) stays open; the second
                        // is the one this byline signs. Or another story's
                        // last paragraph, then the caption, dated.
                        let caption = d.lines.split_off(cut);
                        d.extent = Extent::Closed;
                        drafts.push(Draft {
                            lines: caption,
                            byline: vec![text.clone()],
                            anchor: Anchor::BylineBelow,
                            extent: Extent::Closed,
                            ..Default::default()
                        });
                    } else {
                        d.byline.push(text.clone());
                        d.anchor = Anchor::BylineBelow;
                        d.extent = Extent::Closed;
                    }
                } else if let Some(d) = drafts.last_mut().filter(|d| {
                    // A byline continued on another line (■ 本报记者 X, then
                    // 本报通讯员 Y after a column break): no text came between.
                    d.is_open()
                        && d.anchor == Anchor::BylineAbove
                        && d.lines.iter().all(Option::is_none)
                }) {
                    d.byline.push(text.clone());
                } else {
                    if *under_heading {
                        if let Some(s) = pending_heading {
                            slots[s].over_byline = true;
                        }
                    }
                    start_new(&mut drafts, &mut slots, &mut pending_heading);
                    let d = drafts.last_mut().expect("new draft");
                    d.byline.push(text.clone());
                    d.anchor = Anchor::BylineAbove;
                }
            }
            Unit::Heading { lines, md, gaps } => {
                // An intertitle sits inside an open article between body text.
                let next_is_body = matches!(units.get(i + 1), Some(Unit::Body(_)));
                let prev_is_body =
                    matches!(i.checked_sub(1).map(|k| &units[k]), Some(Unit::Body(_)));
                let inside = open(&drafts)
                    && prev_is_body
                    && next_is_body
                    && !strong_heading(lines, *md)
                    && !is_place_label(lines)
                    && lines.len() <= 2
                    && drafts.last().is_some_and(Draft::anchored)
                    && !is_caption_ahead(&units, i + 1)
                    && !is_signed_ahead(&units, i + 1)
                    && !matches!(units.get(i + 1), Some(Unit::Body(b)) if looks_like_notice_start(b));
                if inside {
                    let d = drafts.last_mut().expect("open draft");
                    d.lines.push(None);
                    d.lines.push(Some(Line {
                        text: lines.join(""),
                        kind: LineKind::Label,
                        continued: None,
                        indented: false,
                    }));
                    d.lines.push(None);
                } else {
                    if let Some(s) = pending_heading.take() {
                        // Two heading groups in a row: the earlier has no
                        // article after it (a banner, or a headline after its body).
                        slots[s].next = None;
                    }
                    if let Some(d) = drafts.last_mut() {
                        d.extent = Extent::Closed;
                    }
                    slots.push(HeadingSlot {
                        lines: lines.clone(),
                        md: *md,
                        gaps: gaps.clone(),
                        prev: drafts.len().checked_sub(1),
                        next: None,
                        over_byline: false,
                    });
                    pending_heading = Some(slots.len() - 1);
                }
            }
            Unit::Body(b) => {
                for (k, l) in b.iter().enumerate() {
                    // A notice run on after an article's last sentence.
                    // (The cheap test first: the page stays linear.)
                    if opens_notice_at(b, k)
                        && open(&drafts)
                        && drafts
                            .last()
                            .is_some_and(|d| d.lines.iter().flatten().next().is_some())
                    {
                        if let Some(d) = drafts.last_mut() {
                            d.extent = Extent::Closed;
                        }
                    }
                    if !open(&drafts) {
                        if l.is_none() {
                            continue;
                        }
                        start_new(&mut drafts, &mut slots, &mut pending_heading);
                    }
                    let d = drafts.last_mut().expect("open draft");
                    if let Some(c) = l.as_ref().and_then(|l| l.continued.as_ref()) {
                        d.continued = Some(c.clone());
                    }
                    d.lines.push(l.clone());
                    // A closing signature (……。（记者 X）) ends an article
                    // that nothing else marked.
                    let signed = l
                        .as_ref()
                        .is_some_and(|l| trailing_signature(&l.text).is_some());
                    if signed && !d.anchored() {
                        d.extent = Extent::Closed;
                    }
                }
            }
        }
        i += 1;
    }
    (drafts, slots)
}
