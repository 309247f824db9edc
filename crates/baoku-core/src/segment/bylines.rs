//! Bylines: role words and names (■ 本报记者 X, 本报讯（记者 X 通讯员 Y）,
//! "X 聊城报道", a trailing （记者 X）). Layout rule owned here: a byline is
//! role words and 2–4 character names, spaced or marked.

use super::lines::lead_prefix_len;
use crate::text::{is_han, is_space, visible_len};

/// Whose name follows a role word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// 记者, 本报记者, 摄影…: the paper's reporters.
    Reporter,
    /// 通讯员: correspondents.
    Correspondent,
    /// Names with no role word, or 实习生.
    Author,
}

/// Role words, longest first, with the role they give the names after
/// them; `None` (文/图) keeps the role before it.
const ROLE_WORDS: &[(&str, Option<Role>)] = &[
    ("本报记者", Some(Role::Reporter)),
    ("本报通讯员", Some(Role::Correspondent)),
    ("见习记者", Some(Role::Reporter)),
    ("实习记者", Some(Role::Reporter)),
    ("特约记者", Some(Role::Reporter)),
    ("首席记者", Some(Role::Reporter)),
    ("记者", Some(Role::Reporter)),
    ("通讯员", Some(Role::Correspondent)),
    ("实习生", Some(Role::Author)),
    ("摄影", Some(Role::Reporter)),
    ("文/图", None),
    ("图/文", None),
    ("文图", None),
    ("摄", Some(Role::Reporter)),
];

/// The role a role word gives (`Some(None)`: a role word that keeps the
/// role before it); `None` when `t` is no role word.
pub(super) fn role_word(t: &str) -> Option<Option<Role>> {
    ROLE_WORDS.iter().find(|(w, _)| *w == t).map(|(_, r)| *r)
}

pub(super) fn is_role_word(t: &str) -> bool {
    role_word(t).is_some()
}

/// Split "■ 本 报 记 者 夏旭光" into tokens, re-joining role words that
/// layout spread over single characters.
pub(super) fn byline_tokens(s: &str) -> Vec<String> {
    // In a line spaced out character by character (本 报 讯 （ 记 者   王 五 ）)
    // the words stay apart by wider gaps: split there first.
    let mut toks: Vec<String> = Vec::new();
    for chunk in split_wide_gaps(s) {
        let raw: Vec<&str> = chunk
            .split(|c: char| {
                is_space(c) || matches!(c, '■' | '●' | '▲' | '◆' | '★' | '、' | '，' | ',')
            })
            .filter(|t| !t.is_empty())
            .collect();
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
    }
    // Split role words glued to names (记者张洁).
    let mut out = Vec::new();
    for t in toks {
        let mut rest = t.as_str();
        'outer: loop {
            for (r, _) in ROLE_WORDS {
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

pub(super) fn is_name(t: &str) -> bool {
    let n = t.chars().count();
    // A role word cut by a line break (本报记 / 者, 通讯 / 员) is no name.
    (2..=4).contains(&n)
        && t.chars().all(is_han)
        && !ROLE_WORDS.iter().any(|(w, _)| w.starts_with(t))
}

pub(super) fn is_dispatch_place(t: &str) -> bool {
    // A place of two or more characters, then 报道.
    t.ends_with("报道") && (4..=8).contains(&t.chars().count())
}

/// A byline closing with its dispatch place (……聊城报道): it stands over
/// its story's text.
pub(super) fn is_dispatch_byline(s: &str) -> bool {
    byline_tokens(s)
        .last()
        .is_some_and(|t| is_dispatch_place(t))
}

/// A line that is only a byline: role words and 2–4 character names, or
/// "names … X报道".
pub(super) fn is_byline_line(s: &str) -> bool {
    let t = s.trim();
    // At most ten short tokens, with a mark, a role word or a dispatch.
    if t.len() > 200 || !t.contains(['■', '●', '▲', '◆', '者', '员', '生', '摄', '文', '图', '道'])
    {
        return false;
    }
    let marked = t.starts_with(['■', '●', '▲', '◆']);
    let toks = byline_tokens(t);
    if toks.is_empty() || toks.len() > 10 {
        return false;
    }
    let has_role = toks.iter().any(|t| is_role_word(t));
    let dispatch = toks.last().is_some_and(|t| is_dispatch_place(t));
    let all_ok = toks.iter().enumerate().all(|(i, t)| {
        is_role_word(t) || is_name(t) || (i + 1 == toks.len() && is_dispatch_place(t))
    });
    // Unmarked bylines separate role and names with spaces ("记者感言" is a label).
    let spaced = marked || t.split(is_space).filter(|x| !x.is_empty()).count() >= 2;
    all_ok && spaced && (marked || has_role || dispatch) && toks.iter().any(|t| is_name(t))
}

#[derive(Default, Debug, PartialEq)]
pub struct Byline {
    pub reporters: Vec<String>,
    pub correspondents: Vec<String>,
    pub authors: Vec<String>,
}

impl Byline {
    /// Names no one.
    pub fn is_empty(&self) -> bool {
        self.reporters.is_empty() && self.correspondents.is_empty() && self.authors.is_empty()
    }
}

/// Parse the names out of a byline ("本报讯（记者 X 通讯员 Y）" inner part,
/// "■ 本报记者 X", "X 通讯员 Y 聊城报道").
pub fn parse_byline(s: &str) -> Byline {
    let mut b = Byline::default();
    let mut role = Role::Author;
    for t in byline_tokens(s) {
        if let Some(r) = role_word(&t) {
            role = r.unwrap_or(role);
            continue;
        }
        if is_dispatch_place(&t) || !is_name(&t) {
            continue;
        }
        let list = match role {
            Role::Reporter => &mut b.reporters,
            Role::Correspondent => &mut b.correspondents,
            Role::Author => &mut b.authors,
        };
        if !list.contains(&t) {
            list.push(t);
        }
    }
    b
}

/// A line that can end a paragraph: a sentence, or a closing signature.
/// A byline in parentheses closing a paragraph: (text before, names).
/// It needs a role word, so "（试行）" and other asides stay text.
pub(super) fn trailing_signature(p: &str) -> Option<(String, Byline)> {
    let t = p.trim_end();
    let inner_end = t.strip_suffix('）').or_else(|| t.strip_suffix(')'))?;
    let open = inner_end.rfind(['（', '('])?;
    let inner = &inner_end[open + inner_end[open..].chars().next()?.len_utf8()..];
    let toks = byline_tokens(inner);
    let roles = toks.iter().any(|t| is_role_word(t));
    let ok = roles && toks.iter().all(|t| is_role_word(t) || is_name(t));
    if !ok || visible_len(inner) > 30 {
        return None;
    }
    let b = parse_byline(inner);
    (b != Byline::default()).then(|| (t[..open].trim_end().to_string(), b))
}

/// Split a lead paragraph into its parenthesised byline and the text after.
pub(super) fn split_lead(p: &str) -> (Option<String>, String) {
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

/// Join a byline line with the line layout wrapped it onto. A name or role
/// word cut at the line end (吴兆 / 旭, 本报记 / 者) continues without a
/// break; otherwise the line break separated two tokens (张洁 / 吴兆旭).
pub(super) fn join_wrapped(a: &str, b: &str) -> String {
    let a = a.trim_end_matches(is_space);
    let b = b.trim_start_matches(is_space);
    let last = a
        .rsplit(|c: char| is_space(c) || matches!(c, '（' | '(' | '■'))
        .next()
        .unwrap_or("");
    let first = b
        .split(|c: char| is_space(c) || matches!(c, '）' | ')'))
        .next()
        .unwrap_or("");
    let han = |s: &str| !s.is_empty() && s.chars().all(is_han);
    let glued = format!("{last}{first}");
    let cut_role = ROLE_WORDS
        .iter()
        .any(|(w, _)| glued.starts_with(w) && !last.starts_with(w) && w.len() > last.len());
    // (A dispatch cut inside its last word: 聊城报 / 道.)
    let cut_dispatch = is_dispatch_place(&glued) && !is_dispatch_place(first);
    let cut = han(last)
        && han(first)
        && (cut_role
            || (cut_dispatch && first.chars().count() <= 2)
            || ((!first.ends_with("报道")
                || (is_dispatch_place(&glued) && !is_dispatch_place(first)))
                && !is_role_word(last)
                && !is_role_word(first)
                && (glued.chars().count() <= 3 || first.ends_with("报道"))));
    if a.is_empty() {
        b.to_string()
    } else if cut {
        format!("{a}{b}")
    } else {
        format!("{a} {b}")
    }
}

/// Split at runs of two or more spaces (word gaps in a spaced-out line);
/// a line without spaced-out characters stays whole.
fn split_wide_gaps(s: &str) -> Vec<&str> {
    let spaced = s
        .split(is_space)
        .filter(|t| !t.is_empty())
        .filter(|t| t.chars().count() == 1)
        .count()
        >= 4;
    if !spaced {
        return vec![s];
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut run_start = None;
    let mut run = 0;
    for (i, c) in s.char_indices() {
        if is_space(c) {
            if run == 0 {
                run_start = Some(i);
            }
            run += 1;
        } else {
            if run >= 2 {
                if let Some(rs) = run_start {
                    out.push(&s[start..rs]);
                    start = i;
                }
            }
            run = 0;
        }
    }
    out.push(&s[start..]);
    out
}
