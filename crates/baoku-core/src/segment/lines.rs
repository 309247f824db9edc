//! Lines: every line of the page text is classified (running text, 本报讯
//! lead, byline, markdown heading, sidebar label, page pointer, furniture).
//! Layout rule owned here: what a single line *is*, before any grouping;
//! markers glued mid-line by extraction (本报讯, ■) start a new line.

use super::account::leftover;
use super::bylines::is_name;
use super::bylines::{
    byline_tokens, is_byline_line, is_dispatch_place, is_role_word, join_wrapped,
    trailing_signature,
};
use super::headings::{is_date_line, is_sidebar_label};
use crate::text::{is_han, is_space, visible_len};

#[derive(Debug, Clone, PartialEq)]
pub(super) enum LineKind {
    Blank,
    Text,
    /// A markdown heading (`## ...`).
    MdHeading,
    /// A sidebar label on its own line (记者感言).
    Label,
    /// A 本报讯 / 新华社…电 line: an article starts here, byline inline.
    Lead,
    /// A byline on a line of its own (■ 本报记者 X; X 聊城报道).
    Byline,
    /// A byline that followed text on the same line: it closes a caption.
    TrailingByline,
    /// "详细报道见第7版": the heading before it is a teaser.
    Pointer(String),
    Furniture,
}

#[derive(Debug, Clone)]
pub(super) struct Line {
    pub(super) text: String,
    pub(super) kind: LineKind,
    /// (下转第7版) found on this line.
    pub(super) continued: Option<String>,
    /// Set in from the margin (a paragraph's first line): never a heading.
    pub(super) indented: bool,
}

#[cfg(test)]
impl Line {
    /// A line of running text, as tests lay pages out.
    pub(super) fn plain(t: &str) -> Line {
        Line {
            text: t.to_string(),
            kind: LineKind::Text,
            continued: None,
            indented: false,
        }
    }
}

pub(super) fn strip_continuation(s: &str) -> (String, Option<String>) {
    if !s.contains(['(', '（']) {
        return (s.to_string(), None);
    }
    for open in ['(', '（'] {
        for word in ["下转", "转第", "上接"] {
            let pat = format!("{open}{word}");
            if let Some(p) = s.find(&pat) {
                let rest = &s[p + pat.len()..];
                if let Some(q) = rest.find([')', '）']) {
                    let inner: String = rest[..q].chars().filter(|c| !is_space(*c)).collect();
                    if inner.chars().count() <= 8 {
                        let close_len = rest[q..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
                        let mut out = s[..p].to_string();
                        out.push_str(&rest[q + close_len..]);
                        let page = inner.trim_start_matches('第').trim_end_matches('版');
                        let target = (word != "上接").then(|| format!("第{page}版"));
                        return (out.trim().to_string(), target);
                    }
                }
            }
        }
    }
    (s.to_string(), None)
}

/// A 本报讯 / 新华社北京3月25日电 opening.
pub(super) fn lead_prefix_len(s: &str) -> Option<usize> {
    if !s.contains(['讯', '电']) {
        return None;
    }
    let t: String = s.chars().filter(|c| !is_space(*c)).take(24).collect();
    if t.starts_with("本报讯") {
        return Some(3);
    }
    // "本报聊城3月25日讯" / "新华社北京3月25日电": an agency or paper, a
    // place and date, then 讯 or 电 and a parenthesised byline.
    let cs: Vec<char> = t.chars().collect();
    for (i, c) in cs.iter().enumerate().take(20) {
        if (*c == '讯' || *c == '电') && i >= 2 && matches!(cs.get(i + 1), Some('（') | Some('('))
        {
            let head: String = cs[..i].iter().collect();
            if head.starts_with("本报") || head.contains("社") {
                return Some(i + 1);
            }
        }
    }
    None
}

pub(super) fn is_furniture(t: &str) -> bool {
    // Every kind of furniture names one of these.
    if !t.contains([
        '版', '星', '礼', '编', '校', '审', '组', '导', '要', '综', '广',
    ]) {
        return false;
    }
    let s: String = t.chars().filter(|c| !is_space(*c)).collect();
    if s.is_empty() {
        return false;
    }
    const EXACT: &[&str] = &["今日导读", "导读", "本版导读", "要闻", "综合", "广告"];
    if EXACT.contains(&s.as_str()) || is_page_label(&s) {
        return true;
    }
    running_head(t)
}

/// 第2版, A3版.
fn is_page_label(x: &str) -> bool {
    let x = x.trim_start_matches('第');
    x.ends_with('版')
        && x.chars().count() <= 5
        && x.chars().take_while(|c| c.is_ascii_alphanumeric()).count() >= 1
}

/// Roles in a page's editorial credits (责任编辑 X 校对 Y).
const EDITOR_ROLES: &[&str] = &[
    "责任编辑",
    "本版编辑",
    "美术编辑",
    "编辑",
    "美编",
    "校对",
    "组版",
    "版式",
    "审校",
    "终审",
];

/// A running header or footer: the issue date, weekday, page label, desk
/// name and editorial credits, in any order and with any separators
/// ("2025年3月26日 星期三 · 第7版 要闻 · 责任编辑 X 校对 Y"). It needs a
/// weekday, a page label or a credit; every other part must be a date or a
/// short label.
fn running_head(t: &str) -> bool {
    let parts = t
        .split(|c: char| is_space(c) || matches!(c, '·' | '|' | '｜' | '•' | '：' | ':' | '／'))
        .filter(|p| !p.is_empty());
    let mut strong = false;
    let mut after_role = false;
    let mut n = 0;
    for p in parts {
        n += 1;
        if n > 16 {
            return false;
        }
        if let Some(r) = EDITOR_ROLES.iter().find(|r| p.starts_with(*r)) {
            let rest = &p[r.len()..];
            if rest.is_empty() || is_name(rest) {
                strong = true;
                after_role = true;
                continue;
            }
        }
        if after_role && is_name(p) {
            continue;
        }
        after_role = false;
        if is_page_label(p) || is_weekday(p) {
            strong = true;
        } else if !(is_date_line(p) || (p.chars().count() <= 4 && p.chars().all(is_han))) {
            return false;
        }
    }
    strong
}

fn is_weekday(p: &str) -> bool {
    let cs: Vec<char> = p.chars().collect();
    cs.len() == 3
        && (p.starts_with("星期") || p.starts_with("礼拜"))
        && matches!(cs[2], '一' | '二' | '三' | '四' | '五' | '六' | '日' | '天')
}

/// A bare page label ("第2版", "A3版"): in a contents box it points the
/// teasers above it to that page.
pub(super) fn page_label(t: &str) -> Option<String> {
    if !t.contains('版') {
        return None;
    }
    let s: String = t.chars().filter(|c| !is_space(*c)).collect();
    let inner = s.strip_prefix('第').unwrap_or(&s).strip_suffix('版')?;
    (!inner.is_empty()
        && inner.chars().count() <= 3
        && inner.chars().all(|c| c.is_ascii_alphanumeric()))
    .then(|| format!("第{inner}版"))
}

pub(super) fn pointer_target(t: &str) -> Option<String> {
    if !t.contains('版') {
        return None;
    }
    let s: String = t.chars().filter(|c| !is_space(*c)).collect();
    for pre in ["详细报道见", "详见", "详细内容见", "全文见", "见"] {
        if let Some(rest) = s.strip_prefix(pre) {
            let rest = rest.trim_end_matches(['。', ')', '）']);
            let inner = rest.trim_start_matches('第');
            if inner.ends_with('版') && inner.chars().count() <= 5 {
                return Some(format!("第{}", inner));
            }
        }
    }
    None
}

#[cfg(test)]
thread_local! {
    /// Characters `split_markers` has looked at (tests check it is linear).
    pub(super) static SCANNED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

pub(super) fn split_markers(line: &str) -> Vec<String> {
    // A lead or a ■ byline that starts mid-line begins a new line: PDF
    // extraction glued a headline to the next lead, or a caption to its
    // byline. One pass over the line: linear however long it is.
    let mut parts = vec![];
    let mut start = 0;
    for (i, c) in line.char_indices() {
        #[cfg(test)]
        SCANNED.with(|s| s.set(s.get() + 1));
        let marker = c == '■' || (c == '本' && line[i..].starts_with("本报讯"));
        if marker && i > start && !line[start..i].trim().is_empty() {
            parts.push(line[start..i].trim().to_string());
            start = i;
        }
    }
    parts.push(line[start..].trim().to_string());
    parts
}

/// A caption's unmarked credit wrapped onto the next line (……支撑。 本报记者
/// 许 / 金松 摄): the two physical lines are one.
fn rejoin_credits<'a>(raw: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in raw {
        let line = line.trim_end_matches('\r');
        let tail = out.last().and_then(|prev| {
            let t = prev.trim_end();
            let cut = t.rfind(['。', '！', '？', '”'])?;
            let cut = cut + t[cut..].chars().next()?.len_utf8();
            let tail = t[cut..].trim();
            (tail.starts_with("本报") && !is_byline_line(tail)).then(|| tail.to_string())
        });
        if let Some(tail) = tail {
            let next = line.trim();
            let joined = join_wrapped(&tail, next);
            let credit = visible_len(next) <= 16
                && is_byline_line(&joined)
                && !next.contains(['，', '。', '：', '“']);
            if credit {
                if let Some(prev) = out.last_mut() {
                    let keep = prev.trim_end().len() - tail.len();
                    prev.truncate(keep);
                    prev.push_str(&joined);
                }
                continue;
            }
        }
        out.push(line.to_string());
    }
    out
}

/// A photo credit closing a caption's last line without a mark
/// (……支撑。 本报记者 X 摄; ……证书。 本报通讯员 Y) stands apart from the
/// text, as after ■.
fn split_photo_credit(part: String) -> Vec<String> {
    let t = part.trim_end();
    if !t.ends_with('摄') && !t.contains(" 本报") {
        return vec![part];
    }
    let cut = t
        .char_indices()
        .filter(|(_, c)| matches!(c, '。' | '！' | '？' | '”'))
        .map(|(i, c)| i + c.len_utf8())
        .next_back();
    match cut {
        Some(i)
            if is_byline_line(&t[i..])
                && byline_tokens(&t[i..])
                    .first()
                    .is_some_and(|w| is_role_word(w)) =>
        {
            vec![t[..i].to_string(), t[i..].trim().to_string()]
        }
        _ => vec![part],
    }
}

/// Classify every line; text set aside as furniture (continuation markers,
/// running heads, page pointers) is also pushed to `furniture`.
pub(super) fn classify(page: &str, furniture: &mut Vec<String>) -> Vec<Line> {
    let page = page.strip_prefix('\u{FEFF}').unwrap_or(page);
    let mut out = Vec::new();
    // Did the line start mid-way through a physical line (after a marker)?
    let mut mid_line: Vec<bool> = Vec::new();
    for raw in rejoin_credits(page.split('\n')) {
        let raw = raw.as_str();
        let raw = raw.trim_end_matches('\r');
        let trimmed = raw.trim_matches(is_space);
        if trimmed.is_empty() {
            out.push(Line {
                text: String::new(),
                kind: LineKind::Blank,
                continued: None,
                indented: false,
            });
            mid_line.push(false);
            continue;
        }
        if let Some(h) = trimmed.strip_prefix('#') {
            let h = h.trim_start_matches('#').trim_matches(is_space);
            if !h.is_empty() {
                out.push(Line {
                    text: h.to_string(),
                    kind: LineKind::MdHeading,
                    continued: None,
                    indented: false,
                });
                mid_line.push(false);
            }
            continue;
        }
        // A full-width indent, or two spaces or more, opens a paragraph.
        let indented = raw.starts_with('\u{3000}') || raw.starts_with("  ");
        let (stripped, continued) = strip_continuation(trimmed);
        if stripped.len() < trimmed.len() {
            let marker = leftover([trimmed], [stripped.as_str()]);
            if !marker.is_empty() {
                furniture.push(marker);
            }
        }
        // A marker alone on its line ((下转2版)) belongs to the text above it.
        if stripped.is_empty() && continued.is_some() {
            if let Some(prev) = out.iter_mut().rev().find(|l| l.kind != LineKind::Blank) {
                prev.continued = continued;
            }
            continue;
        }
        let parts: Vec<String> = split_markers(&stripped)
            .into_iter()
            .flat_map(split_photo_credit)
            .collect();
        let nparts = parts.len();
        for (pi, part) in parts.into_iter().enumerate() {
            if part.is_empty() {
                continue;
            }
            // Pointers, page labels and running heads are short lines.
            let short = part.len() <= 240;
            let kind = if let Some(p) = short
                .then(|| pointer_target(&part).or_else(|| page_label(&part)))
                .flatten()
            {
                LineKind::Pointer(p)
            } else if short && is_furniture(&part) {
                LineKind::Furniture
            } else if is_sidebar_label(std::slice::from_ref(&part)) {
                LineKind::Label
            } else if lead_prefix_len(&part).is_some() {
                LineKind::Lead
            } else if is_byline_line(&part) {
                if pi > 0 {
                    LineKind::TrailingByline
                } else {
                    LineKind::Byline
                }
            } else {
                LineKind::Text
            };
            if matches!(kind, LineKind::Pointer(_) | LineKind::Furniture) {
                furniture.push(part.clone());
            }
            let continued = if pi + 1 == nparts {
                continued.clone()
            } else {
                None
            };
            out.push(Line {
                text: part,
                kind,
                continued,
                indented: pi == 0 && indented,
            });
            mid_line.push(pi > 0);
        }
    }
    credit_page_labels(&mut out);
    join_wrapped_lines(out, mid_line)
}

/// A page label set right under or over a running head's other line
/// (责任编辑：X / 第4版) is part of that head, not a teaser's pointer.
fn credit_page_labels(out: &mut [Line]) {
    for i in 0..out.len() {
        let label =
            matches!(out[i].kind, LineKind::Pointer(_)) && pointer_target(&out[i].text).is_none();
        let by_head = |j: Option<usize>| {
            j.and_then(|j| out.get(j))
                .is_some_and(|l| l.kind == LineKind::Furniture)
        };
        if label && (by_head(i.checked_sub(1)) || by_head(Some(i + 1))) {
            out[i].kind = LineKind::Furniture;
        }
    }
}

/// Lines that layout broke apart are joined back, in one pass: closing
/// punctuation wrapped onto a line of its own (”, 。”) ends the line above;
/// a closing signature wrapped after its opening bracket (……。（ / 记者 X）)
/// is one line; a byline wrapped mid-name or mid-role-word (■ 本报记者 /
/// 许金松; 记者 X 聊 / 城报道) is one byline.
fn join_wrapped_lines(lines: Vec<Line>, mid_line: Vec<bool>) -> Vec<Line> {
    let mut out: Vec<(Line, bool)> = Vec::with_capacity(lines.len());
    let mut it = lines.into_iter().zip(mid_line).peekable();
    while let Some((next, mid)) = it.next() {
        if let Some((last, last_mid)) = out.last_mut() {
            // A blank line inside a lead's open byline (本报讯（记者 X 通讯员
            // / (blank) / Y Z）……) is a gap in one line.
            let open_lead = last.kind == LineKind::Lead
                && last.text.rfind(['（', '(']) > last.text.rfind(['）', ')']);
            if open_lead && next.kind == LineKind::Blank {
                continue;
            }
            if merge_wrapped(last, *last_mid, &next) {
                continue;
            }
            if let Some(joined) = it
                .peek()
                .and_then(|(after, _)| signature_3(last, &next, after))
            {
                last.text = joined;
                let (after, _) = it.next().expect("peeked");
                last.continued = after.continued.or(next.continued);
                continue;
            }
        }
        out.push((next, mid));
    }
    out.into_iter().map(|(l, _)| l).collect()
}

/// A closing signature wrapped over three lines (……。（ / 记者 X 通讯员 Y
/// 魏 / 艳霞）): the three joined, if they close with a signature.
fn signature_3(last: &Line, next: &Line, after: &Line) -> Option<String> {
    let text = |l: &Line| {
        l.kind == LineKind::Text && !l.text.contains(['（', '(', '）', ')'])
            || l.kind == LineKind::Byline
    };
    let open =
        last.kind == LineKind::Text && last.text.rfind(['（', '(']) > last.text.rfind(['）', ')']);
    if !open
        || !text(next)
        || after.kind != LineKind::Text
        || after.text.contains(['（', '('])
        || !after.text.trim_end().ends_with(['）', ')'])
        || visible_len(&next.text) + visible_len(&after.text) > 30
    {
        return None;
    }
    let joined = join_wrapped(&join_wrapped(&last.text, &next.text), &after.text);
    trailing_signature(&joined).is_some().then_some(joined)
}

/// Join `next` onto `last` if layout broke them apart.
fn merge_wrapped(last: &mut Line, last_mid: bool, next: &Line) -> bool {
    // A byline's place wrapped onto a line of its own (记者 X 通讯员 Y /
    // 聊城报道).
    if matches!(last.kind, LineKind::Byline | LineKind::TrailingByline)
        && next.kind == LineKind::Text
        && next.text.trim().ends_with("报道")
        && (3..=8).contains(&visible_len(&next.text))
        && next.text.trim().chars().all(is_han)
    {
        let joined = format!("{} {}", last.text.trim_end(), next.text.trim());
        if is_byline_line(&joined) {
            last.text = joined;
            return true;
        }
    }
    // …… 聊城报 / 道: the dispatch cut inside its last word; a photo
    // credit's 摄 wrapped alone.
    if matches!(last.kind, LineKind::Byline | LineKind::TrailingByline)
        && next.kind == LineKind::Text
        && visible_len(&next.text) <= 2
        && next.text.trim().chars().all(is_han)
    {
        let joined = join_wrapped(&last.text, &next.text);
        let dispatch = |t: &str| {
            byline_tokens(t)
                .last()
                .is_some_and(|w| is_dispatch_place(w) || w == "摄")
        };
        if is_byline_line(&joined) && dispatch(&joined) && !dispatch(&last.text) {
            last.text = joined;
            return true;
        }
    }
    if last.kind != LineKind::Text {
        return false;
    }
    let closing_only = next.kind == LineKind::Text
        && next.text.chars().all(|c| {
            is_space(c)
                || matches!(
                    c,
                    '”' | '’'
                        | '」'
                        | '』'
                        | '）'
                        | ')'
                        | '。'
                        | '，'
                        | '！'
                        | '？'
                        | '；'
                        | '…'
                        | '、'
                )
        });
    let joined = if closing_only {
        let mut t = last.text.clone();
        t.push_str(next.text.trim());
        t
    } else if next.kind == LineKind::Text
        && last.text.rfind(['（', '(']) > last.text.rfind(['）', ')'])
        && next.text.trim_end().ends_with(['）', ')'])
        && visible_len(&next.text) <= 30
    {
        let joined = join_wrapped(&last.text, &next.text);
        if trailing_signature(&joined).is_none() {
            return false;
        }
        joined
    } else if matches!(next.kind, LineKind::Text | LineKind::Byline)
        && visible_len(&next.text) <= 16
        && !super::units::opens_sentence(&next.text)
        && (last.text.starts_with(['■', '●', '▲', '◆'])
            || (last.text.contains(['者', '员', '生', '摄', '文', '图'])
                && byline_tokens(&last.text).iter().any(|t| is_role_word(t))))
    {
        let joined = join_wrapped(&last.text, &next.text);
        if !is_byline_line(&joined) {
            return false;
        }
        last.kind = if last_mid {
            LineKind::TrailingByline
        } else {
            LineKind::Byline
        };
        joined
    } else {
        return false;
    };
    last.text = joined;
    if next.continued.is_some() {
        last.continued = next.continued.clone();
    }
    true
}
