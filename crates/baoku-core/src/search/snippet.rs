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
    let start = at.saturating_sub(BEFORE);
    let end = (start + LEN).min(chars.len());
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
