//! Paragraphs: hard-wrapped lines joined back into paragraphs. Layout rule
//! owned here: a line ends a paragraph when it ends a sentence and is
//! followed by a blank line or visibly shorter than the column.

use super::bylines::trailing_signature;
use super::headings::is_date_line;
use super::lines::{Line, LineKind};
use crate::dates;
use crate::text::{ends_sentence, is_han, is_space, remove_layout_spaces, visible_len};

/// A line that can end a paragraph: a sentence, a closing signature, or
/// the full date under a signed notice (……办公室2022年1月4日).
pub(super) fn ends_block(s: &str) -> bool {
    ends_sentence(s) || trailing_signature(s).is_some() || ends_with_full_date(s)
}

fn ends_with_full_date(s: &str) -> bool {
    let t = s.trim_end_matches(is_space);
    if !t.ends_with('日') || !t.contains('年') {
        return false;
    }
    let tail: String = {
        let cs: Vec<char> = t.chars().filter(|c| !is_space(*c)).collect();
        cs[cs.len().saturating_sub(12)..].iter().collect()
    };
    dates::mentions(&tail)
        .last()
        .is_some_and(|m| m.year.is_some() && tail.ends_with(&m.text))
}

/// Join hard-wrapped lines into paragraphs. A line ends a paragraph when it
/// ends a sentence and is either followed by a blank line or visibly shorter
/// than the column.
pub(super) fn paragraphs(lines: &[Option<Line>]) -> Vec<String> {
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
pub(super) fn ends_mid(s: &str) -> bool {
    s.trim_end()
        .chars()
        .last()
        .is_some_and(|c| is_han(c) || c.is_alphanumeric() || matches!(c, '，' | '、' | '“' | '《'))
}
