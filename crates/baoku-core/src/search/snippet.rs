//! Snippets and highlights: where a query's terms stand in an article's
//! original (unfolded) text, mapped back through the folding.

use crate::fold::Folder;
use crate::model::Article;

/// A passage of the body around the first hit, with highlight ranges.
pub fn snippet(folder: &Folder, a: &Article, terms: &[String]) -> (String, Vec<(usize, usize)>) {
    const BEFORE: usize = 24;
    const LEN: usize = 96;
    // Paragraph by paragraph: the first one with a hit is usually early.
    let mut found: Option<(usize, Vec<(usize, usize)>)> = None;
    for (p, para) in a.paragraphs.iter().enumerate() {
        let hl = highlight_parts(folder, &[para.as_str()], terms).remove(0);
        if !hl.is_empty() {
            found = Some((p, hl));
            break;
        }
    }
    let (p, hl) = found.unwrap_or((0, Vec::new()));
    let Some(para) = a.paragraphs.get(p) else {
        return (String::new(), vec![]);
    };
    let at = hl.first().map_or(0, |r| r.0);
    let chars: Vec<char> = para.chars().collect();
    let (start, end) = window(&chars, at, BEFORE, LEN);
    let mut s = String::new();
    let shift = if start > 0 {
        s.push('…');
        1
    } else {
        0
    };
    s.extend(&chars[start..end]);
    if end < chars.len() {
        s.push('…');
    }
    let ranges = hl
        .iter()
        .filter(|r| r.1 > start && r.0 < end)
        .map(|r| (r.0.max(start) - start + shift, r.1.min(end) - start + shift))
        .collect();
    (s, ranges)
}

/// Part of a figure or a Latin word: a snippet never starts or ends inside
/// one ("…00家", "…%的土地" read as other numbers).
fn in_token(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '.' | ',' | '%' | '％' | '．' | '-' | '/' | '+')
        || ('０'..='９').contains(&c)
        || ('Ａ'..='Ｚ').contains(&c)
        || ('ａ'..='ｚ').contains(&c)
}

/// The passage `[start, end)` around position `at`: it starts at the
/// sentence (or else the clause) holding `at` when that is near, never
/// inside a figure, and ends about `len` characters later, again not
/// inside a figure.
pub(crate) fn window(chars: &[char], at: usize, before: usize, len: usize) -> (usize, usize) {
    const SLACK: usize = 16;
    let at = at.min(chars.len());
    let mut start = at.saturating_sub(before);
    let sentence = |c: char| matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';');
    let clause = |c: char| matches!(c, '，' | '、' | '：' | ',' | ':');
    if let Some(i) = chars[start..at].iter().rposition(|&c| sentence(c)) {
        start += i + 1;
    } else if let Some(i) = chars[start..at].iter().rposition(|&c| clause(c)) {
        start += i + 1;
    } else {
        let floor = start.saturating_sub(SLACK);
        while start > floor && in_token(chars[start - 1]) && in_token(chars[start]) {
            start -= 1;
        }
    }
    // Closing quotes and spaces do not open a passage.
    while start < at && matches!(chars[start], '”' | '’' | ' ' | '　') {
        start += 1;
    }
    let mut end = (start + len).min(chars.len());
    let ceil = (end + SLACK).min(chars.len());
    while end < ceil && in_token(chars[end - 1]) && in_token(chars[end]) {
        end += 1;
    }
    (start, end)
}

/// Highlight ranges (chars) of `terms` in each of `parts`, found in the
/// parts' joined folded text so a hit across a paragraph break shows too.
pub fn highlight_parts(
    folder: &Folder,
    parts: &[&str],
    terms: &[String],
) -> Vec<Vec<(usize, usize)>> {
    let mut folded: Vec<char> = Vec::new();
    let mut origin: Vec<(usize, usize)> = Vec::new();
    for (pi, p) in parts.iter().enumerate() {
        folder.fold_each(p, |c, i| {
            folded.push(c);
            origin.push((pi, i));
        });
    }
    let mut out: Vec<Vec<(usize, usize)>> = vec![Vec::new(); parts.len()];
    for t in terms {
        let tc: Vec<char> = t.chars().collect();
        if tc.is_empty() || tc.len() > folded.len() {
            continue;
        }
        for s in 0..=folded.len() - tc.len() {
            if folded[s..s + tc.len()] != tc[..] {
                continue;
            }
            // Split the folded range by part, mapping back to source chars.
            let mut k = s;
            while k < s + tc.len() {
                let (pi, first) = origin[k];
                let mut last = first;
                while k < s + tc.len() && origin[k].0 == pi {
                    last = origin[k].1;
                    k += 1;
                }
                out[pi].push((first, last + 1));
            }
        }
    }
    for r in out.iter_mut() {
        r.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(r.len());
        for &(a, b) in r.iter() {
            match merged.last_mut() {
                Some(m) if a <= m.1 => m.1 = m.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        *r = merged;
    }
    out
}

#[cfg(test)]
mod window_tests {
    use super::window;

    fn cut(s: &str, at_term: &str) -> String {
        let chars: Vec<char> = s.chars().collect();
        let at = s[..s.find(at_term).unwrap()].chars().count();
        let (a, b) = window(&chars, at, 24, 30);
        chars[a..b].iter().collect()
    }

    #[test]
    fn snippets_do_not_cut_figures() {
        let s =
            "全市共有各类市场主体超过3000家中小企业获得了支持资金，其中专精特新企业数量增长明显";
        let w = cut(s, "专精特新");
        assert!(w.starts_with("其中"), "{w}");
        let s = "今年以来该县流转土地面积占比达到了全县耕地总量的百分之五十就是50%的土地实现了规模经营专精特新";
        let w = cut(s, "专精特新");
        assert!(!w.starts_with('%') && !w.starts_with('0'), "{w}");
        let s = "项目总投资达到12345.67万元的项目";
        let chars: Vec<char> = s.chars().collect();
        let (_, b) = window(&chars, 0, 24, 10);
        let w: String = chars[..b].iter().collect();
        assert!(w.ends_with("12345.67"), "{w}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_cross_paragraphs_and_layout_spaces() {
        let f = Folder::builtin();
        let h = highlight_parts(
            &f,
            &["治理水", "环境。", "1 .3亿"],
            &["水环境".into(), "1.3".into()],
        );
        assert_eq!(h, vec![vec![(2, 3)], vec![(0, 2)], vec![(0, 4)]]);
    }
}
