//! Text helpers of the second typesetter: sentences, clauses, a notice's
//! tail, figures spaced as extraction leaves them, hard wrapping.

use super::Dice;

pub(super) fn han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Sentences with their closing marks and quotes.
pub(super) fn sentences(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let cs: Vec<char> = body.chars().collect();
    for (i, &c) in cs.iter().enumerate() {
        cur.push(c);
        let end = matches!(c, '。' | '！' | '？') || (c == '…' && i > 0 && cs[i - 1] == '…');
        let next_closes = cs
            .get(i + 1)
            .is_some_and(|n| matches!(n, '”' | '’' | '」' | '）' | '…'));
        if (end || (matches!(c, '”' | '’') && i > 0 && matches!(cs[i - 1], '。' | '！' | '？')))
            && !next_closes
        {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A notice's tail (contact lines, issuer, date) on lines of their own.
pub(super) fn notice_tail(s: &str) -> Vec<String> {
    let mut cuts: Vec<usize> = Vec::new();
    for label in ["联系电话", "联系人", "电子邮箱", "传真"] {
        if let Some(i) = s.find(label) {
            cuts.push(i);
        }
    }
    // An issuer after a Latin run (an e-mail, a number) and a closing date.
    let idx: Vec<(usize, char)> = s.char_indices().collect();
    for w in idx.windows(2) {
        if w[0].1.is_ascii_alphabetic() && han(w[1].1) {
            cuts.push(w[1].0);
        }
    }
    if let Some(y) = s.rfind("20") {
        if s[y..].ends_with('日') && s[y..].contains('年') {
            cuts.push(y);
        }
    }
    cuts.sort();
    cuts.dedup();
    let mut out = Vec::new();
    let mut from = 0;
    for c in cuts.into_iter().chain([s.len()]) {
        if c > from {
            out.push(s[from..c].to_string());
            from = c;
        }
    }
    out
}

/// Clauses of the body between commas that could stand as a heading.
pub(super) fn clauses(body: &str, lo: usize, hi: usize) -> Vec<String> {
    body.split(['，', '。', '；', '：', '！', '？'])
        .filter(|c| {
            let n = c.chars().count();
            n >= lo && n <= hi && c.chars().all(han)
        })
        .map(String::from)
        .collect()
}

/// Figures spaced as extraction leaves them: digit by digit, or apart
/// from the unit after them.
pub(super) fn space_figures(s: &str, d: &mut Dice, digits: usize, gap: usize) -> String {
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < cs.len() {
        if cs[i].is_ascii_digit() {
            let mut j = i;
            while j < cs.len() && cs[j].is_ascii_digit() {
                j += 1;
            }
            let run: String = cs[i..j].iter().collect();
            if j - i >= 2 && d.pct(digits) {
                let v: Vec<String> = run.chars().map(String::from).collect();
                out.push_str(&v.join(" "));
            } else {
                out.push_str(&run);
            }
            if j < cs.len() && han(cs[j]) && d.pct(gap) {
                out.push(' ');
            }
            i = j;
        } else {
            out.push(cs[i]);
            i += 1;
        }
    }
    out
}

/// Hard wrap at `w` characters (spaces not counted); closing marks hang
/// past the edge, an opening mark never ends a line.
pub(super) fn wrap(s: &str, w: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::new();
    let mut n = 0;
    for c in s.chars() {
        let hang = "，。、；：！？”’）》…".contains(c);
        if n >= w && c != ' ' && !hang {
            // An opening mark never ends a line: it moves down.
            let mut carry = String::new();
            while let Some(o) = line.pop() {
                if "“‘《（「".contains(o) {
                    carry.insert(0, o);
                } else {
                    line.push(o);
                    break;
                }
            }
            out.push(line.trim_end().to_string());
            n = carry.chars().count();
            line = carry;
        }
        if n == 0 && c == ' ' && !line.starts_with('　') {
            continue;
        }
        line.push(c);
        if c != ' ' {
            n += 1;
        }
    }
    if !line.trim().is_empty() {
        out.push(line.trim_end().to_string());
    }
    out
}

pub(super) fn spread_word(w: &str) -> String {
    w.chars().map(String::from).collect::<Vec<_>>().join(" ")
}
