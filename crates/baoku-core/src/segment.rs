//! The page segmenter: PDF-extracted page text → the articles a reader
//! recognises.
//!
//! The page is read in layout order and every line classified (text, byline,
//! 本报讯 lead, heading, page furniture). Article boundaries come from
//! bylines and leads; headings that sit between articles are then given to
//! the neighbour whose body shares most of their wording, with a per-page
//! preference (headlines printed before or after their body) settling weak
//! cases. Nothing here names a particular paper's articles: the rules are
//! about layout and the conventions of Chinese news typography.

use crate::dates::{self, Ymd};
use crate::gazetteer;
use crate::model::{Article, Kind, PageMeta};
use crate::text::{
    self, collapse_spaces, ends_sentence, is_han, is_space, remove_layout_spaces, visible_len,
};

/// A caption is short: longer text before a byline is an article body.
const CAPTION_MAX: usize = 400;
/// Longest heading line, in characters.
const HEADING_LINE_MAX: usize = 40;

#[derive(Debug, Clone, PartialEq)]
enum LineKind {
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
struct Line {
    text: String,
    kind: LineKind,
    /// (下转第7版) found on this line.
    continued: Option<String>,
}

/// Pieces of the page after grouping lines.
#[derive(Debug, Clone)]
enum Unit {
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
    },
    Pointer(String),
}

#[derive(Debug, Default, Clone)]
struct Draft {
    lines: Vec<Option<Line>>,
    lead: bool,
    byline: Vec<String>,
    byline_leading: bool,
    trailing: bool,
    closed: bool,
    heading: Option<usize>,
    teaser: Option<(Vec<String>, String)>,
    continued: Option<String>,
    /// A caption split off the end of this draft's article.
    embedded_in: Option<usize>,
}

impl Draft {
    fn body_text(&self) -> String {
        let mut s = String::new();
        for l in self.lines.iter().flatten() {
            s.push_str(&l.text);
        }
        s
    }
    fn is_empty(&self) -> bool {
        self.lines.iter().all(|l| l.is_none()) && self.byline.is_empty() && self.teaser.is_none()
    }
}

// ---------------------------------------------------------------- lines

fn strip_continuation(s: &str) -> (String, Option<String>) {
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

const ROLE_WORDS: &[&str] = &[
    "本报记者",
    "本报通讯员",
    "见习记者",
    "实习记者",
    "特约记者",
    "首席记者",
    "记者",
    "通讯员",
    "实习生",
    "摄影",
    "文/图",
    "图/文",
    "文图",
    "摄",
];

/// Split "■ 本 报 记 者 夏旭光" into tokens, re-joining role words that
/// layout spread over single characters.
fn byline_tokens(s: &str) -> Vec<String> {
    let raw: Vec<&str> = s
        .split(|c: char| {
            is_space(c) || matches!(c, '■' | '●' | '▲' | '◆' | '★' | '、' | '，' | ',')
        })
        .filter(|t| !t.is_empty())
        .collect();
    let mut toks: Vec<String> = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        if raw[i].chars().count() == 1 {
            let mut j = i;
            let mut joined = String::new();
            while j < raw.len() && raw[j].chars().count() == 1 {
                joined.push_str(raw[j]);
                j += 1;
            }
            toks.push(joined);
            i = j;
        } else {
            toks.push(raw[i].to_string());
            i += 1;
        }
    }
    // Split role words glued to names (记者张洁).
    let mut out = Vec::new();
    for t in toks {
        let mut rest = t.as_str();
        'outer: loop {
            for r in ROLE_WORDS {
                if let Some(after) = rest.strip_prefix(r) {
                    out.push((*r).to_string());
                    rest = after;
                    continue 'outer;
                }
            }
            break;
        }
        if !rest.is_empty() {
            out.push(rest.to_string());
        }
    }
    out
}

fn is_name(t: &str) -> bool {
    let n = t.chars().count();
    (2..=4).contains(&n) && t.chars().all(is_han)
}

fn is_dispatch_place(t: &str) -> bool {
    t.ends_with("报道") && (3..=8).contains(&t.chars().count())
}

/// A line that is only a byline: role words and 2–4 character names, or
/// "names … X报道".
fn is_byline_line(s: &str) -> bool {
    let t = s.trim();
    let marked = t.starts_with(['■', '●', '▲', '◆']);
    let toks = byline_tokens(t);
    if toks.is_empty() || toks.len() > 10 {
        return false;
    }
    let has_role = toks.iter().any(|t| ROLE_WORDS.contains(&t.as_str()));
    let dispatch = toks.last().is_some_and(|t| is_dispatch_place(t));
    let all_ok = toks.iter().enumerate().all(|(i, t)| {
        ROLE_WORDS.contains(&t.as_str())
            || is_name(t)
            || (i + 1 == toks.len() && is_dispatch_place(t))
    });
    // Unmarked bylines separate role and names with spaces ("记者感言" is a label).
    let spaced = marked || t.split(is_space).filter(|x| !x.is_empty()).count() >= 2;
    all_ok && spaced && (marked || has_role || dispatch) && toks.iter().any(|t| is_name(t))
}

/// A 本报讯 / 新华社北京3月25日电 opening.
fn lead_prefix_len(s: &str) -> Option<usize> {
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

fn is_furniture(t: &str) -> bool {
    let s: String = t.chars().filter(|c| !is_space(*c)).collect();
    if s.is_empty() {
        return false;
    }
    const EXACT: &[&str] = &["今日导读", "导读", "本版导读", "要闻", "综合", "广告"];
    if EXACT.contains(&s.as_str()) {
        return true;
    }
    // 第2版, A3版, 第2版：要闻
    let page_label = |x: &str| {
        let x = x.trim_start_matches('第');
        x.ends_with('版')
            && x.chars().count() <= 5
            && x.chars().take_while(|c| c.is_ascii_alphanumeric()).count() >= 1
    };
    if page_label(&s) {
        return true;
    }
    for label in [
        "责任编辑",
        "本版编辑",
        "编辑",
        "美编",
        "校对",
        "组版",
        "版式",
    ] {
        if let Some(rest) = s.strip_prefix(label) {
            if rest.starts_with(['：', ':']) && s.chars().count() <= 24 {
                return true;
            }
        }
    }
    false
}

/// A bare page label ("第2版", "A3版"): in a contents box it points the
/// teasers above it to that page.
fn page_label(t: &str) -> Option<String> {
    let s: String = t.chars().filter(|c| !is_space(*c)).collect();
    let inner = s.strip_prefix('第').unwrap_or(&s).strip_suffix('版')?;
    (!inner.is_empty()
        && inner.chars().count() <= 3
        && inner.chars().all(|c| c.is_ascii_alphanumeric()))
    .then(|| format!("第{inner}版"))
}

fn pointer_target(t: &str) -> Option<String> {
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

fn split_markers(line: &str) -> Vec<String> {
    // A lead or a ■ byline that starts mid-line begins a new line: PDF
    // extraction glued a headline to the next lead, or a caption to its byline.
    let mut parts = vec![];
    let mut rest = line.to_string();
    loop {
        let cut = ["本报讯", "■"]
            .iter()
            .filter_map(|m| rest.find(m))
            .filter(|&p| p > 0 && !rest[..p].trim().is_empty())
            .min();
        match cut {
            Some(p) => {
                parts.push(rest[..p].trim().to_string());
                rest = rest[p..].to_string();
            }
            None => break,
        }
    }
    parts.push(rest.trim().to_string());
    parts
}

fn classify(page: &str) -> Vec<Line> {
    let page = page.strip_prefix('\u{FEFF}').unwrap_or(page);
    let mut out = Vec::new();
    for raw in page.split('\n') {
        let raw = raw.trim_end_matches('\r');
        let trimmed = raw.trim_matches(is_space);
        if trimmed.is_empty() {
            out.push(Line {
                text: String::new(),
                kind: LineKind::Blank,
                continued: None,
            });
            continue;
        }
        if let Some(h) = trimmed.strip_prefix('#') {
            let h = h.trim_start_matches('#').trim_matches(is_space);
            if !h.is_empty() {
                out.push(Line {
                    text: h.to_string(),
                    kind: LineKind::MdHeading,
                    continued: None,
                });
            }
            continue;
        }
        let (stripped, continued) = strip_continuation(trimmed);
        let parts = split_markers(&stripped);
        let nparts = parts.len();
        for (pi, part) in parts.into_iter().enumerate() {
            if part.is_empty() {
                continue;
            }
            let kind = if let Some(p) = pointer_target(&part).or_else(|| page_label(&part)) {
                LineKind::Pointer(p)
            } else if is_furniture(&part) {
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
            let continued = if pi + 1 == nparts {
                continued.clone()
            } else {
                None
            };
            out.push(Line {
                text: part,
                kind,
                continued,
            });
        }
    }
    out
}

// ------------------------------------------------------------- headings

fn is_date_line(t: &str) -> bool {
    let s: String = t.chars().filter(|c| !is_space(*c)).collect();
    let m = dates::mentions(&s);
    m.len() == 1 && m[0].text == s
}

/// Could this block of text lines be a headline (or kicker / subheadline)?
fn heading_like(lines: &[&Line]) -> bool {
    if lines.is_empty() || lines.len() > 3 {
        return false;
    }
    let total: usize = lines.iter().map(|l| visible_len(&l.text)).sum();
    if total > 60 {
        return false;
    }
    let commas: usize = lines
        .iter()
        .map(|l| l.text.matches(['，', ',', '、']).count())
        .sum();
    if commas > 1 {
        return false;
    }
    for (i, l) in lines.iter().enumerate() {
        let t = l.text.trim();
        if visible_len(t) > HEADING_LINE_MAX || is_date_line(t) {
            return false;
        }
        if t.contains(['。', '；', ';', '@', '＠']) || t.contains("电话") || t.contains("邮箱")
        {
            return false;
        }
        if t.matches(['，', ',', '、']).count() > 1 {
            return false;
        }
        // "目前，…": a short clause then a comma opens a sentence, not a headline.
        if let Some(p) = t.find(['，', ',']) {
            if visible_len(&t[..p]) <= 4 {
                return false;
            }
        }
        let last = t.chars().last().unwrap_or(' ');
        // Headlines may exclaim or ask ("让城市更美好！"); only short ones do.
        let exclaims = matches!(last, '！' | '？' | '!' | '?') && visible_len(t) <= 24;
        if matches!(last, '，' | '、' | '：' | ':' | ',' | '（' | '(')
            || (ends_sentence(t) && !exclaims)
        {
            return false;
        }
        // Text that starts mid-sentence (closing punctuation first) is a
        // fragment of a broken paragraph.
        let first = t.chars().next().unwrap_or(' ');
        if i == 0 && matches!(first, '，' | '。' | '、' | '）' | ')' | '”' | '：' | '；') {
            return false;
        }
    }
    true
}

// ------------------------------------------------------------- grouping

fn build_units(lines: Vec<Line>) -> Vec<Unit> {
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
                let mut text = l.text.clone();
                i += 1;
                // A byline wrapped over two lines (■ 本报记者 X / 本报通讯员 Y).
                while i < n
                    && lines[i].kind == LineKind::Byline
                    && !lines[i].text.starts_with(['■', '●', '▲', '◆'])
                {
                    text.push(' ');
                    text.push_str(&lines[i].text);
                    i += 1;
                }
                units.push(Unit::Byline { text, trailing });
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
                let mut hl = vec![l.text.clone()];
                i += 1;
                while i < n && matches!(lines[i].kind, LineKind::Blank | LineKind::MdHeading) {
                    if lines[i].kind == LineKind::MdHeading {
                        hl.push(lines[i].text.clone());
                    }
                    i += 1;
                }
                units.push(Unit::Heading {
                    lines: hl,
                    md: true,
                    gaps: vec![],
                });
            }
            LineKind::Text => {
                let start = i;
                while i < n && lines[i].kind == LineKind::Text {
                    i += 1;
                }
                let block: Vec<&Line> = lines[start..i].iter().collect();
                let prev_is_body_mid = matches!(units.last(), Some(Unit::Body(b)) if b.iter().rev().flatten().next().is_some_and(|l| !ends_block(&l.text) && !l.text.ends_with(['：', ':']) && !is_date_line(&l.text)));
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
                if (before_pointer || heading_like(&block))
                    && !prev_is_body_mid
                    && !continues_lead
                    && !next_continues
                {
                    let texts: Vec<String> =
                        block.iter().map(|l| collapse_spaces(&l.text)).collect();
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
                    continue;
                }
                let body: Vec<Option<Line>> = block.into_iter().cloned().map(Some).collect();
                match units.last_mut() {
                    Some(Unit::Body(b)) => b.extend(body),
                    _ => units.push(Unit::Body(body)),
                }
            }
        }
    }
    units
}

/// Does a heading block separated by a blank line belong to the heading
/// group before it? Kicker + headline, headline + subheadline and a
/// subheadline wrapped onto another line do; a run of separate headlines
/// (a photo title, a teaser, the next story's headline) does not.
fn heading_continues(prev: &Unit, next: &[String]) -> bool {
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
    lines.len() == 1 && next.len() == 1 && visible_len(last) <= 20
}

// ----------------------------------------------------------- segmenting

fn body_len(lines: &[Option<Line>]) -> usize {
    lines.iter().flatten().map(|l| visible_len(&l.text)).sum()
}

/// The trailing part of `lines` that forms the last blank-separated block
/// starting a sentence, if short enough to be a caption.
fn split_last_block(lines: &[Option<Line>]) -> Option<usize> {
    let mut end = lines.len();
    while end > 0 && lines[end - 1].is_none() {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && lines[start - 1].is_some() {
        start -= 1;
    }
    if start == 0 {
        return None;
    }
    let before_ends = lines[..start]
        .iter()
        .rev()
        .flatten()
        .next()
        .is_some_and(|l| ends_sentence(&l.text));
    let len = body_len(&lines[start..end]);
    (before_ends && len <= CAPTION_MAX).then_some(start)
}

fn looks_like_notice_start(lines: &[Option<Line>]) -> bool {
    lines
        .iter()
        .flatten()
        .next()
        .is_some_and(|l| l.text.trim_end().ends_with(['：', ':']) && visible_len(&l.text) <= 30)
}

/// Does the orphan body starting at `units[i]` end in a trailing byline
/// within caption length?
fn is_caption_ahead(units: &[Unit], i: usize) -> bool {
    let mut len = 0;
    for u in &units[i..] {
        match u {
            Unit::Body(b) => {
                len += body_len(b);
                if len > CAPTION_MAX {
                    return false;
                }
            }
            Unit::Byline { trailing, .. } => return *trailing || len > 0,
            _ => return false,
        }
    }
    false
}

/// Words that label a sidebar printed next to its article.
const SIDEBAR_LABELS: &[&str] = &[
    "记者感言",
    "记者手记",
    "采访手记",
    "编后",
    "编后语",
    "相关链接",
    "链接",
    "背景链接",
    "短评",
    "小贴士",
];

fn is_sidebar_label(lines: &[String]) -> bool {
    lines
        .iter()
        .any(|l| SIDEBAR_LABELS.contains(&l.trim_matches(is_space).trim_end_matches(['：', ':'])))
}

fn strong_heading(lines: &[String], md: bool) -> bool {
    md || is_sidebar_label(lines)
        || lines
            .iter()
            .any(|l| l.starts_with("——") || l.starts_with("--") || l.ends_with("——"))
}

struct HeadingSlot {
    lines: Vec<String>,
    md: bool,
    gaps: Vec<usize>,
    prev: Option<usize>,
    next: Option<usize>,
}

fn segment_drafts(units: Vec<Unit>) -> (Vec<Draft>, Vec<HeadingSlot>) {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut slots: Vec<HeadingSlot> = Vec::new();
    let mut pending_heading: Option<usize> = None; // slot waiting for its `next`
    let open = |drafts: &Vec<Draft>| drafts.last().is_some_and(|d| !d.closed);

    let start_new =
        |drafts: &mut Vec<Draft>, slots: &mut Vec<HeadingSlot>, pending: &mut Option<usize>| {
            if let Some(d) = drafts.last_mut() {
                d.closed = true;
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
                        d.closed = true;
                    }
                    drafts.push(Draft {
                        teaser: Some((lines, p.clone())),
                        closed: true,
                        ..Default::default()
                    });
                }
            }
            Unit::Lead(line) => {
                start_new(&mut drafts, &mut slots, &mut pending_heading);
                if let Some(d) = drafts.last_mut() {
                    d.lead = true;
                    d.lines.push(Some(line.clone()));
                }
            }
            Unit::Byline { text, trailing } => {
                let prev_body = match i.checked_sub(1).map(|k| &units[k]) {
                    Some(Unit::Body(b)) => Some(b),
                    _ => None,
                };
                let mut is_trailing = *trailing;
                if !is_trailing {
                    if let (Some(_), Some(d)) = (prev_body, drafts.last()) {
                        if !d.closed {
                            let orphan = !d.lead && d.byline.is_empty();
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
                    let anchored = d.lead || !d.byline.is_empty();
                    if anchored {
                        // The caption is the last block of an article body.
                        if let Some(cut) = split_last_block(&d.lines) {
                            let caption = d.lines.split_off(cut);
                            d.closed = true;
                            let parent = Some(drafts.len() - 1);
                            drafts.push(Draft {
                                lines: caption,
                                byline: vec![text.clone()],
                                trailing: true,
                                closed: true,
                                embedded_in: parent,
                                ..Default::default()
                            });
                        } else {
                            d.byline.push(text.clone());
                            d.closed = true;
                        }
                    } else {
                        d.byline.push(text.clone());
                        d.trailing = true;
                        d.closed = true;
                    }
                } else {
                    start_new(&mut drafts, &mut slots, &mut pending_heading);
                    let d = drafts.last_mut().expect("new draft");
                    d.byline.push(text.clone());
                    d.byline_leading = true;
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
                    && lines.len() <= 2
                    && drafts
                        .last()
                        .is_some_and(|d| d.lead || !d.byline.is_empty())
                    && !is_caption_ahead(&units, i + 1)
                    && !matches!(units.get(i + 1), Some(Unit::Body(b)) if looks_like_notice_start(b));
                if inside {
                    let d = drafts.last_mut().expect("open draft");
                    d.lines.push(None);
                    d.lines.push(Some(Line {
                        text: lines.join(""),
                        kind: LineKind::Label,
                        continued: None,
                    }));
                    d.lines.push(None);
                } else {
                    if let Some(s) = pending_heading.take() {
                        // Two heading groups in a row: the earlier has no
                        // article after it (a banner, or a headline after its body).
                        slots[s].next = None;
                    }
                    if let Some(d) = drafts.last_mut() {
                        d.closed = true;
                    }
                    slots.push(HeadingSlot {
                        lines: lines.clone(),
                        md: *md,
                        gaps: gaps.clone(),
                        prev: drafts.len().checked_sub(1),
                        next: None,
                    });
                    pending_heading = Some(slots.len() - 1);
                }
            }
            Unit::Body(b) => {
                if !open(&drafts) {
                    start_new(&mut drafts, &mut slots, &mut pending_heading);
                }
                let d = drafts.last_mut().expect("open draft");
                for l in b.iter().flatten() {
                    if let Some(c) = &l.continued {
                        d.continued = Some(c.clone());
                    }
                }
                d.lines.extend(b.iter().cloned());
            }
        }
        i += 1;
    }
    (drafts, slots)
}

/// Give each heading group to the article before or after it.
fn assign_headings(drafts: &mut [Draft], slots: &[HeadingSlot]) {
    let bodies: Vec<String> = drafts.iter().map(|d| d.body_text()).collect();
    let joined = |s: &HeadingSlot| s.lines.join("");
    // Per-page layout preference: positive means headlines precede bodies.
    let mut direction = 0.0;
    let mut evidence: Vec<(usize, f64)> = Vec::new();
    for (k, s) in slots.iter().enumerate() {
        if s.lines.is_empty() {
            continue;
        }
        let h = joined(s);
        let a = s
            .prev
            .map(|p| text::overlap(&h, &bodies[p]))
            .unwrap_or(-1.0);
        let b = s
            .next
            .map(|n| text::overlap(&h, &bodies[n]))
            .unwrap_or(-1.0);
        if s.md {
            direction += 1.0;
        }
        if a >= 0.0 && b >= 0.0 {
            direction += b - a;
        }
        evidence.push((k, b - a));
    }
    // Confident decisions first, so a weak one cannot take a slot a strong one needs.
    evidence.sort_by(|x, y| {
        y.1.abs()
            .partial_cmp(&x.1.abs())
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    for (k, diff) in evidence {
        let s = &slots[k];
        let free = |i: Option<usize>, drafts: &[Draft]| {
            i.filter(|&i| drafts[i].heading.is_none() && drafts[i].teaser.is_none())
        };
        let (a, b) = (free(s.prev, drafts), free(s.next, drafts));
        let prefer_next = if s.md || is_sidebar_label(&s.lines) {
            true
        } else if diff.abs() > 0.2 {
            diff > 0.0
        } else {
            direction > 0.0
        };
        // A caption printed inside an article defers to that article.
        let host = |i: Option<usize>, drafts: &[Draft]| {
            i.map(|i| {
                drafts[i]
                    .embedded_in
                    .filter(|&p| drafts[p].heading.is_none())
                    .unwrap_or(i)
            })
        };
        let (a, b) = (host(a, drafts), host(b, drafts));
        let pick = if prefer_next { b.or(a) } else { a.or(b) };
        if let Some(p) = pick {
            drafts[p].heading = Some(k);
        }
    }
}

/// Split heading lines into kicker, headline and subheadline.
fn split_heading(
    lines: &[String],
    gaps: &[usize],
    md: bool,
) -> (Option<String>, Option<String>, Option<String>) {
    let lines: Vec<String> = lines
        .iter()
        .map(|l| collapse_spaces(l))
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return (None, None, None);
    }
    if md {
        // Equal-level markdown headings read as one headline.
        return (None, Some(lines.join(" ")), None);
    }
    // A kicker may end with a dash that leads into the headline (…高唐县——).
    if let Some(k) = lines
        .iter()
        .position(|l| l.ends_with("——") && !l.starts_with("——"))
    {
        if k + 1 < lines.len() {
            let kicker = lines[k].trim_end_matches('—').to_string();
            let rest = &lines[k + 1..];
            let shifted: Vec<usize> = gaps
                .iter()
                .filter(|&&g| g > k + 1)
                .map(|g| g - k - 1)
                .collect();
            let (_, h, s) = split_heading(rest, &shifted, false);
            return (Some(kicker), h, s);
        }
    }
    let sub_at = lines
        .iter()
        .position(|l| l.starts_with("——") || l.starts_with("--"));
    let (main, sub) = match sub_at {
        Some(0) => (vec![], Some(lines.join(""))),
        Some(k) => (lines[..k].to_vec(), Some(lines[k..].join(""))),
        None => (lines.clone(), None),
    };
    if main.is_empty() {
        return (None, sub, None);
    }
    let len = |s: &str| visible_len(s);
    // Was the headline line set apart from the line above by a blank line?
    // Kickers are; a headline wrapped onto a second line is not.
    let b_idx = sub_at.unwrap_or(lines.len()).saturating_sub(1);
    let set_apart = gaps.contains(&b_idx);
    let is_kicker = |a: &str, b: &str| {
        let a_t = a.trim_end_matches(['：', ':']);
        len(a_t) <= 5 || (set_apart && len(a) * 5 <= len(b) * 4 && !a.contains(' '))
    };
    // Lines above a kicker + headline pair with a subheadline are banners
    // or column names, not part of this article's heading.
    let main: Vec<String> = if sub.is_some() && main.len() > 2 {
        main[main.len() - 2..].to_vec()
    } else {
        main
    };
    match main.len() {
        1 => (None, Some(main[0].clone()), sub),
        _ if sub.is_some()
            && !is_kicker(&main[main.len() - 2], &main[main.len() - 1])
            && main[main.len() - 2].contains(' ') =>
        {
            (None, Some(main[main.len() - 1].clone()), sub)
        }
        _ => {
            let (a, b) = (&main[main.len() - 2], &main[main.len() - 1]);
            if sub.is_none() && a.contains(' ') && len(a) >= len(b) / 2 {
                // A two-part headline line, then its subheadline.
                return (None, Some(a.clone()), Some(b.clone()));
            }
            if is_kicker(a, b) {
                let kicker = a.trim_end_matches(['：', ':']).to_string();
                return (Some(kicker), Some(b.clone()), sub);
            }
            if sub.is_none() && len(a) > len(b) + 4 && !a.ends_with(['的', '和', '与', '及']) {
                return (None, Some(a.clone()), Some(b.clone()));
            }
            // A headline wrapped over two lines.
            (None, Some(format!("{a}{b}")), sub)
        }
    }
}

// ------------------------------------------------------------ bylines

#[derive(Default, Debug, PartialEq)]
pub struct Byline {
    pub reporters: Vec<String>,
    pub correspondents: Vec<String>,
    pub authors: Vec<String>,
}

/// Parse the names out of a byline ("本报讯（记者 X 通讯员 Y）" inner part,
/// "■ 本报记者 X", "X 通讯员 Y 聊城报道").
pub fn parse_byline(s: &str) -> Byline {
    let mut b = Byline::default();
    let mut role: Option<&str> = None;
    for t in byline_tokens(s) {
        if ROLE_WORDS.contains(&t.as_str()) {
            role = Some(match t.as_str() {
                "本报通讯员" | "通讯员" => "c",
                "本报记者" | "见习记者" | "实习记者" | "特约记者" | "首席记者" | "记者"
                | "摄影" | "摄" => "r",
                "实习生" => "a",
                _ => role.unwrap_or("a"),
            });
            continue;
        }
        if is_dispatch_place(&t) || !is_name(&t) {
            continue;
        }
        let list = match role {
            Some("r") => &mut b.reporters,
            Some("c") => &mut b.correspondents,
            _ => &mut b.authors,
        };
        if !list.contains(&t) {
            list.push(t);
        }
    }
    b
}

/// A line that can end a paragraph: a sentence, or a closing signature.
fn ends_block(s: &str) -> bool {
    ends_sentence(s) || trailing_signature(s).is_some()
}

/// A byline in parentheses closing a paragraph: (text before, names).
/// It needs a role word, so "（试行）" and other asides stay text.
fn trailing_signature(p: &str) -> Option<(String, Byline)> {
    let t = p.trim_end();
    let inner_end = t.strip_suffix('）').or_else(|| t.strip_suffix(')'))?;
    let open = inner_end.rfind(['（', '('])?;
    let inner = &inner_end[open + inner_end[open..].chars().next()?.len_utf8()..];
    let toks = byline_tokens(inner);
    let roles = toks.iter().any(|t| ROLE_WORDS.contains(&t.as_str()));
    let ok = roles
        && toks
            .iter()
            .all(|t| ROLE_WORDS.contains(&t.as_str()) || is_name(t));
    if !ok || visible_len(inner) > 30 {
        return None;
    }
    let b = parse_byline(inner);
    (b != Byline::default()).then(|| (t[..open].trim_end().to_string(), b))
}

/// Split a lead paragraph into its parenthesised byline and the text after.
fn split_lead(p: &str) -> (Option<String>, String) {
    let Some(n) = lead_prefix_len(p) else {
        return (None, p.to_string());
    };
    // Skip the prefix (counted without spaces) in the spaced string.
    let mut seen = 0;
    let mut idx = 0;
    for (bi, c) in p.char_indices() {
        if seen == n {
            idx = bi;
            break;
        }
        if !is_space(c) {
            seen += 1;
        }
        idx = bi + c.len_utf8();
    }
    let rest = p[idx..].trim_start_matches(is_space);
    if let Some(inner) = rest.strip_prefix(['（', '(']) {
        if let Some(close) = inner.find(['）', ')']) {
            let by = inner[..close].to_string();
            let cl = inner[close..]
                .chars()
                .next()
                .map(|c| c.len_utf8())
                .unwrap_or(1);
            return (
                Some(by),
                inner[close + cl..].trim_start_matches(is_space).to_string(),
            );
        }
    }
    (None, rest.to_string())
}

// --------------------------------------------------------- paragraphs

/// Join hard-wrapped lines into paragraphs. A line ends a paragraph when it
/// ends a sentence and is either followed by a blank line or visibly shorter
/// than the column.
fn paragraphs(lines: &[Option<Line>]) -> Vec<String> {
    let widths: Vec<usize> = lines
        .iter()
        .flatten()
        .map(|l| visible_len(&l.text))
        .collect();
    let mut sorted = widths.clone();
    sorted.sort_unstable();
    let col = sorted.get(sorted.len() * 4 / 5).copied().unwrap_or(0);
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    let items: Vec<&Option<Line>> = lines.iter().collect();
    for (k, item) in items.iter().enumerate() {
        let Some(l) = item else { continue };
        // An intertitle is a paragraph of its own.
        let title = l.kind == LineKind::Label;
        if title && !cur.is_empty() {
            out.push(remove_layout_spaces(&cur.join(" ")));
            cur.clear();
        }
        cur.push(&l.text);
        let next = items[k + 1..]
            .iter()
            .find(|x| x.is_some())
            .and_then(|x| x.as_ref());
        let blank_next = matches!(items.get(k + 1), Some(None));
        let short = visible_len(&l.text) + 2 < col;
        let end = ends_block(&l.text) && (blank_next || short || next.is_none());
        let date_sig = next.is_some_and(|n| is_date_line(&n.text)) || is_date_line(&l.text);
        let colon_line = l.text.trim_end().ends_with(['：', ':']) && (short || blank_next);
        let before_title = next.is_some_and(|n| n.kind == LineKind::Label);
        if title
            || before_title
            || end
            || next.is_none()
            || date_sig
            || colon_line
            || (blank_next && short && !ends_mid(&l.text))
        {
            let p = remove_layout_spaces(&cur.join(" "));
            if !p.is_empty() {
                out.push(p);
            }
            cur.clear();
        }
    }
    out
}

/// A line cut off mid-sentence (no punctuation at the end).
fn ends_mid(s: &str) -> bool {
    s.trim_end()
        .chars()
        .last()
        .is_some_and(|c| is_han(c) || c.is_alphanumeric() || matches!(c, '，' | '、' | '“' | '《'))
}

// ------------------------------------------------------------- pages

/// Segment one page. `source` is the page file name (it seeds the ids).
pub fn segment_page(source: &str, text: &str, meta: &PageMeta) -> Vec<Article> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines = classify(&text);
    let units = build_units(lines);
    let (mut drafts, slots) = segment_drafts(units);
    assign_headings(&mut drafts, &slots);

    let mut arts: Vec<Article> = Vec::new();
    for d in drafts.iter() {
        if d.is_empty() && d.heading.is_none() {
            continue;
        }
        let mut a = Article {
            publication: meta.publication.clone(),
            page: meta.page.clone(),
            continued_on: d.continued.clone(),
            ..Article::new(String::new(), source, Kind::News)
        };
        if let Some((lines, target)) = &d.teaser {
            // A contents box lists one teaser per line; a "——" line belongs
            // to the teaser above it.
            let mut groups: Vec<Vec<String>> = Vec::new();
            for l in lines {
                match groups.last_mut() {
                    Some(g) if l.starts_with("——") || l.starts_with("--") => g.push(l.clone()),
                    _ => groups.push(vec![l.clone()]),
                }
            }
            for g in groups {
                let mut t = a.clone();
                let (k, h, s) = split_heading(&g, &[], false);
                t.kicker = k;
                t.headline = h;
                t.subheadline = s;
                t.kind = Kind::Teaser;
                t.continued_on = Some(target.clone());
                arts.push(t);
            }
            continue;
        }
        if let Some(k) = d.heading {
            let (kk, h, s) = split_heading(&slots[k].lines, &slots[k].gaps, slots[k].md);
            a.kicker = kk;
            a.headline = h;
            a.subheadline = s;
        }
        let mut names = Byline::default();
        let mut lines = d.lines.clone();
        if d.lead {
            // The parenthesised byline may wrap; read it with its spaces
            // (they separate the names) before paragraphs are joined.
            let take = lines.iter().take(4).take_while(|l| l.is_some()).count();
            let mut raw = String::new();
            let mut used = 0;
            for l in lines.iter().take(take).flatten() {
                // A surname left alone at a line end continues on the next line (贾 / 明鑫).
                let cut_name = raw
                    .rsplit(is_space)
                    .next()
                    .is_some_and(|t| t.chars().count() == 1 && t.chars().all(is_han));
                if !raw.is_empty() && !cut_name {
                    raw.push(' ');
                }
                raw.push_str(&l.text);
                used += 1;
                if raw.contains(['）', ')']) {
                    break;
                }
            }
            let (by, rest) = split_lead(&raw);
            if let Some(by) = by {
                names = parse_byline(&by);
            }
            lines.splice(
                0..used,
                [Some(Line {
                    text: rest,
                    kind: LineKind::Text,
                    continued: None,
                })],
            );
        }
        if !d.lead && d.byline.is_empty() {
            // Some papers sign at the end: "……。（记者 王五 通讯员 赵六）".
            // Read it before paragraphs are joined: the spaces separate the names.
            if let Some(k) = lines.iter().rposition(|l| l.is_some()) {
                if let Some((rest, b)) = lines[k].as_ref().and_then(|l| trailing_signature(&l.text))
                {
                    names = b;
                    if rest.is_empty() {
                        lines.remove(k);
                    } else if let Some(l) = lines[k].as_mut() {
                        l.text = rest;
                    }
                }
            }
        }
        let paras = paragraphs(&lines);
        for by in &d.byline {
            let b = parse_byline(by);
            names.reporters.extend(b.reporters);
            names.correspondents.extend(b.correspondents);
            names.authors.extend(b.authors);
        }
        a.reporters = names.reporters;
        a.correspondents = names.correspondents;
        a.authors = names.authors;
        a.paragraphs = paras;
        a.kind = kind_of(d, &a);
        if a.paragraphs.is_empty() && a.headline.is_none() {
            continue;
        }
        arts.push(a);
    }
    finish_page(source, &mut arts, meta);
    arts
}

fn kind_of(d: &Draft, a: &Article) -> Kind {
    let heads = [&a.kicker, &a.headline, &a.subheadline]
        .iter()
        .filter_map(|x| x.as_deref())
        .collect::<Vec<_>>()
        .join("");
    let body_len: usize = a.paragraphs.iter().map(|p| p.chars().count()).sum();
    if ["评论员", "短评", "时评", "社论", "述评", "评论"]
        .iter()
        .any(|w| heads.contains(w))
    {
        return Kind::Commentary;
    }
    if [
        "记者感言",
        "记者手记",
        "采访手记",
        "编后",
        "相关链接",
        "链接",
    ]
    .iter()
    .any(|w| heads.contains(w))
    {
        return Kind::Sidebar;
    }
    let signed = a.paragraphs.last().is_some_and(|p| is_date_line(p));
    let notice_head = ["通知", "公告", "通告", "决定", "倡议书", "公示"]
        .iter()
        .any(|w| heads.ends_with(w));
    if signed || (notice_head && !d.lead && d.byline.is_empty()) {
        return Kind::Notice;
    }
    if d.trailing && !d.lead && body_len <= CAPTION_MAX {
        return Kind::Photo;
    }
    if d.lead {
        return Kind::News;
    }
    if d.byline_leading || !d.byline.is_empty() {
        return Kind::Feature;
    }
    Kind::News
}

/// Datelines, issue date, places and ids: things decided per page.
fn finish_page(source: &str, arts: &mut [Article], meta: &PageMeta) {
    let full: String = arts
        .iter()
        .flat_map(|a| a.paragraphs.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("\n");
    // Datelines: the first date in the opening two paragraphs.
    let mut openings: Vec<Vec<dates::Mention>> = Vec::new();
    for a in arts.iter_mut() {
        let opening: String = a
            .paragraphs
            .iter()
            .take(2)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join("");
        let m = dates::mentions(&opening);
        a.dateline = m.first().map(|m| m.text.clone());
        openings.push(m.into_iter().take(1).collect());
    }
    let given = meta.date.as_deref().and_then(Ymd::parse);
    let issue = given.or_else(|| infer_issue_date(&full, &openings));
    for (a, m) in arts.iter_mut().zip(&openings) {
        if let Some(issue) = issue {
            a.date = Some(issue.to_string());
            a.date_inferred = given.is_none();
            if let Some(m) = m.first() {
                a.event_date = dates::resolve_before(m, issue).map(|d| d.to_string());
            }
        }
        let heading = [&a.kicker, &a.headline, &a.subheadline]
            .iter()
            .filter_map(|x| x.as_deref())
            .collect::<Vec<_>>()
            .join(" ");
        a.places = gazetteer::places_of(&heading, &a.paragraphs.join(""));
    }
    assign_ids(source, arts);
}

/// The issue date a page's text implies: the day after the latest dateline
/// (papers report the previous day), with years from the page's explicit
/// full dates or, failing those, the latest year it mentions.
pub fn infer_issue_date(full: &str, openings: &[Vec<dates::Mention>]) -> Option<Ymd> {
    let all = dates::mentions(full);
    let explicit: Vec<Ymd> = all
        .iter()
        .filter_map(|m| m.year.and_then(|y| Ymd::new(y, m.month, m.day)))
        .collect();
    let reference = explicit.iter().max().copied().or_else(|| {
        let y = dates::years(full).into_iter().max()?;
        // Without a full date, the latest dateline month in that year.
        let m = openings
            .iter()
            .flatten()
            .map(|m| (m.month, m.day))
            .max()
            .unwrap_or((1, 1));
        Ymd::new(y, m.0, m.1)
    })?;
    let datelines: Vec<Ymd> = openings
        .iter()
        .flatten()
        .filter_map(|m| match m.year {
            Some(y) => Ymd::new(y, m.month, m.day),
            None => dates::resolve_near(m.month, m.day, reference),
        })
        .collect();
    let latest = datelines.into_iter().max().or(Some(reference))?;
    Some(latest.next_day())
}

fn assign_ids(source: &str, arts: &mut [Article]) {
    let stem = source.rsplit_once('.').map(|(s, _)| s).unwrap_or(source);
    let mut used = std::collections::HashSet::new();
    for a in arts.iter_mut() {
        let seed_text: String = a
            .paragraphs
            .iter()
            .flat_map(|p| p.chars())
            .chain(a.headline.iter().flat_map(|h| h.chars()))
            .filter(|c| !is_space(*c))
            .take(48)
            .collect();
        let mut h = text::fnv1a(format!("{stem}\u{1}{seed_text}").as_bytes());
        let mut id = format!("{stem}-{:08x}", h as u32);
        while !used.insert(id.clone()) {
            h = text::fnv1a(&h.to_le_bytes());
            id = format!("{stem}-{:08x}", h as u32);
        }
        a.id = id;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        let b = parse_byline("记者 朱海波 通讯员 张博 魏艳霞");
        assert_eq!(b.reporters, vec!["朱海波"]);
        assert_eq!(b.correspondents, vec!["张博", "魏艳霞"]);
        let b = parse_byline("■ 本 报 记 者 夏旭光 本报通讯员 赫鹏");
        assert_eq!(b.reporters, vec!["夏旭光"]);
        assert_eq!(b.correspondents, vec!["赫鹏"]);
        let b = parse_byline("谢晓丽 通讯员 付树鑫 聊城报道");
        assert_eq!(b.authors, vec!["谢晓丽"]);
        assert_eq!(b.correspondents, vec!["付树鑫"]);
        assert!(is_byline_line("陶春燕 聊城报道"));
        assert!(is_byline_line("■ 本报记者 张洁 吴兆旭"));
        assert!(!is_byline_line("激活“城市肾肺”"));
    }

    #[test]
    fn continuation_marker_is_removed_and_kept() {
        let (t, c) = strip_continuation("示范引领作用初步显现。 (下转第7版)");
        assert_eq!(t, "示范引领作用初步显现。");
        assert_eq!(c.as_deref(), Some("第7版"));
        let (_, c) = strip_continuation("（下转2版）");
        assert_eq!(c.as_deref(), Some("第2版"));
    }

    #[test]
    fn headline_after_body_with_kicker() {
        let page = "本报讯（记者 王五 通讯员 赵六）3月25日，记者从市工业局获悉，全市企业新增\n发明专利60项，专利数量创新高。\n\n我市\n\n企业发明专利创新高\n\n本报讯（记者 李四）3月24日，高新区发放贷款1.3亿元，\n支持科技企业发展。\n\n高新区\n\n发放贷款1.3亿元\n";
        let arts = segment_page("p.txt", page, &PageMeta::default());
        assert_eq!(arts.len(), 2, "{arts:#?}");
        assert_eq!(arts[0].kicker.as_deref(), Some("我市"));
        assert_eq!(arts[0].headline.as_deref(), Some("企业发明专利创新高"));
        assert_eq!(arts[0].reporters, vec!["王五"]);
        assert_eq!(arts[0].correspondents, vec!["赵六"]);
        assert_eq!(arts[1].headline.as_deref(), Some("发放贷款1.3亿元"));
        assert_eq!(arts[1].dateline.as_deref(), Some("3月24日"));
        assert_eq!(
            arts[0].paragraphs[0],
            "3月25日，记者从市工业局获悉，全市企业新增发明专利60项，专利数量创新高。"
        );
    }

    #[test]
    fn markdown_headings_precede_and_join() {
        let page = "## 甲地加大奖补\n\n## 支持制造业\n\n张三 聊城报道\n\n甲地加大奖补力度，支持制造业发展。\n\n## 乙地出台新政\n\n李四 通讯员 王五 聊城报道\n\n乙地出台新政，企业受益。\n";
        let arts = segment_page("p.txt", page, &PageMeta::default());
        assert_eq!(arts.len(), 2, "{arts:#?}");
        assert_eq!(arts[0].headline.as_deref(), Some("甲地加大奖补 支持制造业"));
        assert_eq!(arts[0].authors, vec!["张三"]);
        assert_eq!(arts[1].headline.as_deref(), Some("乙地出台新政"));
        assert_eq!(arts[1].correspondents, vec!["王五"]);
    }

    #[test]
    fn photo_caption_with_trailing_byline() {
        let page = "3月25日，工人在车间检查设备。该项目实现了能量回收。 ■ 本报记者 许金松\n";
        let arts = segment_page("p.txt", page, &PageMeta::default());
        assert_eq!(arts.len(), 1);
        assert_eq!(arts[0].kind, Kind::Photo);
        assert_eq!(arts[0].reporters, vec!["许金松"]);
    }

    #[test]
    fn ids_are_stable_when_pages_grow() {
        let one = "本报讯（记者 王五）3月25日，甲事发生。\n\n甲事标题\n";
        let two = "本报讯（记者 王五）3月25日，甲事发生。\n\n甲事标题\n\n本报讯（记者 李四）3月26日，乙事发生。\n\n乙事标题\n";
        let a = segment_page("p.txt", one, &PageMeta::default());
        let b = segment_page("p.txt", two, &PageMeta::default());
        assert_eq!(a[0].id, b[0].id);
        assert_ne!(b[0].id, b[1].id);
    }

    #[test]
    fn a_fragment_before_closing_punctuation_is_not_a_headline() {
        let page = "本报讯（记者 王五）3月25日，全市新增企业。\n\n目前全市共有企业\n\n，同比增长。\n\n标题在此\n";
        let arts = segment_page("p.txt", page, &PageMeta::default());
        assert_eq!(arts.len(), 1, "{arts:#?}");
        assert_eq!(arts[0].headline.as_deref(), Some("标题在此"));
        assert!(arts[0]
            .paragraphs
            .iter()
            .any(|p| p.contains("目前全市共有企业")));
    }

    #[test]
    fn a_signature_at_the_end_gives_the_names() {
        let page = "3月25日，全市新增企业120家，同比增长8%。（记者 王五 通讯员 赵六）\n\n企业数量稳步增长\n\n本办法（试行）自公布之日起施行。\n\n办法出台\n";
        let arts = segment_page("p.txt", page, &PageMeta::default());
        assert_eq!(arts[0].reporters, vec!["王五"]);
        assert_eq!(arts[0].correspondents, vec!["赵六"]);
        assert_eq!(
            arts[0].paragraphs,
            vec!["3月25日，全市新增企业120家，同比增长8%。"]
        );
        assert!(arts
            .iter()
            .all(|a| a.paragraphs.iter().all(|p| !p.contains("记者"))));
        assert!(arts
            .iter()
            .any(|a| a.paragraphs.iter().any(|p| p.contains("（试行）"))));
    }

    #[test]
    fn exclaiming_headlines_are_headlines() {
        let page = "本报讯（记者 王五）3月25日，新公园开园，市民纷纷前往游玩。\n\n家门口的公园开园啦！\n\n本报讯（记者 李四）3月24日，新线路开通。\n\n公交新线路开通\n";
        let arts = segment_page("p.txt", page, &PageMeta::default());
        assert_eq!(arts.len(), 2, "{arts:#?}");
        assert_eq!(arts[0].headline.as_deref(), Some("家门口的公园开园啦！"));
        assert_eq!(arts[1].headline.as_deref(), Some("公交新线路开通"));
    }

    #[test]
    fn contents_box_gives_one_teaser_per_line() {
        let page =
            "今日导读\n\n甲地建成新公园\n\n乙地开通公交线\n\n第2版\n\n清明，追寻英雄\n\n第3版\n";
        let arts = segment_page("p.txt", page, &PageMeta::default());
        let t: Vec<(&str, &str)> = arts
            .iter()
            .map(|a| {
                (
                    a.headline.as_deref().unwrap_or(""),
                    a.continued_on.as_deref().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(
            t,
            vec![
                ("甲地建成新公园", "第2版"),
                ("乙地开通公交线", "第2版"),
                ("清明，追寻英雄", "第3版")
            ]
        );
        assert!(arts.iter().all(|a| a.kind == Kind::Teaser));
    }

    #[test]
    fn intertitles_stay_in_the_feature_and_notices_keep_their_signature() {
        let page = "■ 本报记者 王五\n\n春天来了，河水清了，白鹭回来了。\n\n织就水网\n\n我市建成水网体系，\n河湖连通。\n\n护一泓碧水\n——我市推进水环境治理\n\n各有关单位：\n经研究，决定开展检查。\n\n联系电话：0635-1234567\n\n市水利局\n2022年1月4日\n\n关于开展水利检查的通知\n";
        let arts = segment_page("p.txt", page, &PageMeta::default());
        assert_eq!(arts.len(), 2, "{arts:#?}");
        assert_eq!(arts[0].headline.as_deref(), Some("护一泓碧水"));
        assert_eq!(arts[0].subheadline.as_deref(), Some("——我市推进水环境治理"));
        assert!(arts[0].paragraphs.iter().any(|p| p == "织就水网"));
        assert_eq!(arts[0].reporters, vec!["王五"]);
        assert_eq!(arts[1].kind, Kind::Notice);
        assert_eq!(arts[1].headline.as_deref(), Some("关于开展水利检查的通知"));
        assert_eq!(
            arts[1].paragraphs.last().map(String::as_str),
            Some("2022年1月4日")
        );
    }

    #[test]
    fn continuation_marker_becomes_a_field_and_sidebar_is_separate() {
        let page = "本报讯（记者 王五）3月31日，高唐县推进改革。\n\n改革成效明显。 (下转第7版)\n\n记者感言\n采访中记者感到，改革温暖人心。\n";
        let arts = segment_page("p.txt", page, &PageMeta::default());
        assert_eq!(arts.len(), 2, "{arts:#?}");
        assert_eq!(arts[0].continued_on.as_deref(), Some("第7版"));
        assert!(arts[0].paragraphs.iter().all(|p| !p.contains("下转")));
        assert_eq!(arts[1].kind, Kind::Sidebar);
        assert_eq!(arts[1].headline.as_deref(), Some("记者感言"));
    }
}
