//! Small text helpers for PDF-extracted Chinese page text.

/// Han ideographs and the CJK/full-width punctuation that sits among them.
pub fn is_wide(c: char) -> bool {
    let u = c as u32;
    (0x2E80..=0x9FFF).contains(&u)
        || (0xF900..=0xFAFF).contains(&u)
        || (0xFE30..=0xFE4F).contains(&u)
        || (0xFF00..=0xFFEF).contains(&u)
        || (0x20000..=0x3FFFF).contains(&u)
        || matches!(
            c,
            '“' | '”' | '‘' | '’' | '—' | '…' | '·' | '■' | '●' | '▲' | '◆' | '★'
        )
}

pub fn is_han(c: char) -> bool {
    let u = c as u32;
    (0x3400..=0x4DBF).contains(&u)
        || (0x4E00..=0x9FFF).contains(&u)
        || (0xF900..=0xFAFF).contains(&u)
        || (0x20000..=0x3FFFF).contains(&u)
}

/// Remove the spaces that layout put inside Chinese text and numbers
/// ("2024 年", "114.89 亿元", "本 报 记 者") while keeping spaces between
/// two Latin/digit runs ("HLB PTFE"). Runs of spaces collapse to one.
pub fn remove_layout_spaces(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_space(c) {
            let start = i;
            while i < chars.len() && is_space(chars[i]) {
                i += 1;
            }
            let prev = if start > 0 {
                Some(chars[start - 1])
            } else {
                None
            };
            let next = chars.get(i).copied();
            if let (Some(p), Some(n)) = (prev, next) {
                if !is_wide(p) && !is_wide(n) {
                    out.push(' ');
                }
            }
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{A0}'
}

/// Collapse whitespace runs to one ASCII space and trim (for headlines,
/// where a space separates two halves: "护一泓碧水 惠一方百姓").
pub fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for part in s.split(is_space).filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

/// Count characters without whitespace.
pub fn visible_len(s: &str) -> usize {
    s.chars().filter(|c| !is_space(*c)).count()
}

/// Sentence-final punctuation: a line ending in one of these may end a paragraph.
pub fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(is_space);
    let mut it = t.chars().rev();
    match it.next() {
        Some('。' | '！' | '？' | '!' | '?' | '…' | '；') => true,
        Some('”' | '’' | '」' | '』' | '）' | ')') => {
            matches!(it.next(), Some('。' | '！' | '？' | '!' | '?' | '…'))
        }
        _ => false,
    }
}

/// Character bigrams of the Han/alphanumeric content, for overlap tests.
pub fn bigrams(s: &str) -> Vec<(char, char)> {
    let cs: Vec<char> = s
        .chars()
        .filter(|c| is_han(*c) || c.is_alphanumeric())
        .collect();
    cs.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Fraction of `headline`'s bigrams that occur in `body`.
pub fn overlap(headline: &str, body: &str) -> f64 {
    let hb = bigrams(headline);
    if hb.is_empty() {
        return 0.0;
    }
    let bb: std::collections::HashSet<(char, char)> = bigrams(body).into_iter().collect();
    hb.iter().filter(|b| bb.contains(b)).count() as f64 / hb.len() as f64
}

/// 64-bit FNV-1a: a tiny, stable hash for ids (std's hasher may change).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_spaces() {
        assert_eq!(
            remove_layout_spaces("2024 年末 114.89 亿元"),
            "2024年末114.89亿元"
        );
        assert_eq!(remove_layout_spaces("本 报 记 者"), "本报记者");
        assert_eq!(
            remove_layout_spaces("产品HLB PTFE自润滑"),
            "产品HLB PTFE自润滑"
        );
        assert_eq!(remove_layout_spaces("  1 月 4 日 "), "1月4日");
    }

    #[test]
    fn sentence_end() {
        assert!(ends_sentence("强劲动能。"));
        assert!(ends_sentence("时雨。”"));
        assert!(!ends_sentence("激活“城市肾肺”"));
        assert!(!ends_sentence("通过编制"));
    }

    #[test]
    fn overlap_measures_shared_bigrams() {
        assert!(
            overlap(
                "发放科技成果转化贷款1.3亿元",
                "累计发放科技成果转化贷款1.3亿元"
            ) > 0.9
        );
        assert_eq!(overlap("春意浓", "完全无关"), 0.0);
    }
}
