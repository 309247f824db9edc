//! Headings: what can be a headline, and how a heading group splits into
//! kicker, headline and subheadline. Layout rule owned here: a kicker is
//! short or set apart, a subheadline starts with ——, a headline wrapped over
//! two lines is one headline.

use super::lines::Line;
use super::notices::is_notice_title;
use super::units::{is_dash_kicker, is_sub_line};
use super::HEADING_LINE_MAX;
use crate::dates;
use crate::text::{collapse_spaces, ends_sentence, is_han, is_space, visible_len};

pub(super) fn is_date_line(t: &str) -> bool {
    // A date is short and names a day, month or year.
    if t.len() > 64 || !t.contains(['年', '月', '日']) {
        return false;
    }
    let s: String = t.chars().filter(|c| !is_space(*c)).collect();
    let m = dates::mentions(&s);
    m.len() == 1 && m[0].text == s
}

/// Could this block of text lines be a headline (or kicker / subheadline)?
pub(super) fn heading_like(lines: &[&Line]) -> bool {
    heading_like_with(lines, false)
}

/// `heading_like`, optionally letting a short clause open the line (an
/// intertitle such as "稳中求进，破发展之困" where layout shows it stands alone).
pub(super) fn heading_like_with(lines: &[&Line], short_opening_clause: bool) -> bool {
    if lines.is_empty() || lines.len() > 6 || lines[0].indented {
        return false;
    }
    // A kicker leading in with a dash (……——) and a subheadline opening
    // with one (——……) are set apart by their dashes: the rest is the
    // headline, up to three lines, or up to five short ones (a headline
    // in a narrow column wraps more often).
    let dashed = |i: usize, t: &str| is_sub_line(t) || (i == 0 && is_dash_kicker(t));
    let core: Vec<&str> = lines
        .iter()
        .map(|l| l.text.trim())
        .enumerate()
        .filter(|(i, t)| !dashed(*i, t))
        .map(|(_, t)| t)
        .collect();
    let total: usize = core.iter().map(|t| visible_len(t)).sum();
    if total > 60 || (core.len() > 3 && core.iter().any(|t| visible_len(t) > 12)) {
        return false;
    }
    // A headline closes the quotes and brackets it opens; a line that
    // leaves one open is text cut off mid-sentence.
    let joined: String = lines.iter().map(|l| l.text.trim()).collect();
    if !closes_what_it_opens(&joined) {
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
        // "3月25日，…": a date and a comma open a report or a caption.
        if let Some(p) = t.find(['，', ',']).filter(|_| i == 0) {
            if is_date_line(&t[..p]) {
                return false;
            }
        }
        // "目前，…": a short clause then a comma opens a sentence, not a headline.
        if let Some(p) = t
            .find(['，', ','])
            .filter(|_| i == 0 && !short_opening_clause)
        {
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
/// Words that label a sidebar printed next to its article.
pub(super) const SIDEBAR_LABELS: &[&str] = &[
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

pub(super) fn is_sidebar_label(lines: &[String]) -> bool {
    lines
        .iter()
        .any(|l| SIDEBAR_LABELS.contains(&l.trim_matches(is_space).trim_end_matches(['：', ':'])))
}

pub(super) fn strong_heading(lines: &[String], md: bool) -> bool {
    // A notice's title (关于……的通知) never sits inside another article.
    let notice = ["通知", "公告", "通告", "决定", "倡议书", "公示"]
        .iter()
        .any(|w| lines.concat().ends_with(w));
    md || notice
        || is_sidebar_label(lines)
        || lines
            .iter()
            .any(|l| l.starts_with("——") || l.starts_with("--") || l.ends_with("——"))
}
/// Split heading lines into kicker, headline and subheadline.
pub(super) fn split_heading(
    lines: &[String],
    gaps: &[usize],
    md: bool,
) -> (Option<String>, Option<String>, Option<String>) {
    let lines: Vec<String> = lines
        .iter()
        .map(|l| unspace_figures(&collapse_spaces(l)))
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return (None, None, None);
    }
    if md && lines.len() > 1 && is_dash_kicker(&lines[0]) {
        let kicker = lines[0].trim_end_matches('—').to_string();
        let shifted: Vec<usize> = gaps.iter().filter(|&&g| g > 0).map(|g| g - 1).collect();
        let (_, h, s) = split_heading(&lines[1..], &shifted, true);
        return (Some(kicker), h, s);
    }
    if md {
        // Equal-level markdown headings read as one headline; a dash line
        // under them is the subheadline.
        type Numbered = Vec<(usize, String)>;
        let (main, sub): (Numbered, Numbered) = lines
            .into_iter()
            .enumerate()
            .partition(|(i, l)| !is_sub_line(l) && !gaps.contains(i));
        let main: Vec<String> = main.into_iter().map(|(_, l)| l).collect();
        let sub: Vec<String> = sub.into_iter().map(|(_, l)| l).collect();
        let sub = (!sub.is_empty()).then(|| sub.concat());
        return (None, (!main.is_empty()).then(|| main.join(" ")), sub);
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
    // Lines above a kicker + headline pair with a subheadline are banners
    // or column names, not part of this article's heading.
    // (Lines set close together, with no blank line between, are one
    // headline wrapped.)
    let set_apart = (1..main.len()).any(|i| gaps.contains(&i));
    let off = if sub.is_some() && main.len() > 2 && set_apart {
        main.len() - 2
    } else {
        0
    };
    let main: Vec<String> = main[off..].to_vec();
    // A kicker ends with a colon, is very short, or is set apart from the
    // headline by a blank line (kickers are; a wrapped headline is not).
    // (A line that leaves a quote or bracket open is a headline's start.)
    let is_kicker = |a: &str, b: &str, apart: bool| {
        let a_t = a.trim_end_matches(['：', ':']);
        closes_what_it_opens(a)
            && (a_t.len() < a.len()
                || len(a_t) <= 3
                || (apart && !a.contains(' ') && (len(a_t) <= 5 || len(a) * 5 <= len(b) * 4)))
    };
    let apart = |i: usize| gaps.contains(&(i + off));
    if main.len() == 1 {
        return (None, Some(main[0].clone()), sub);
    }
    // (A line of four characters or fewer is a wrapped headline's end.)
    if sub.is_some()
        && !is_kicker(&main[0], &main[1], apart(1))
        && main[0].contains(' ')
        && (main.len() > 2 || len(&main[1]) > 4)
    {
        return (None, Some(main[1].clone()), sub);
    }
    if main.len() >= 3 {
        // A kicker, then a headline wrapped over the other lines.
        let rest = main[1..].concat();
        if is_kicker(&main[0], &rest, apart(1)) {
            let kicker = main[0].trim_end_matches(['：', ':']).to_string();
            return (Some(kicker), Some(rest), sub);
        }
        // A headline wrapped over lines of one width, then a subheadline
        // in smaller type: a line wider than any before it, after a short
        // one that ended the headline.
        if sub.is_none() {
            let mut widest = len(&main[0]);
            for k in 1..main.len() {
                if len(&main[k]) >= widest + 2 && len(&main[k - 1]) < widest && k >= 2 {
                    return (None, Some(main[..k].concat()), Some(main[k..].concat()));
                }
                widest = widest.max(len(&main[k]));
            }
        }
        // A headline wrapped with a short last line, then a plain
        // subheadline: the line before the last is shorter than the first.
        // (Or merely shorter than the first, when the last line is
        // wider than it: a wrapped headline's last line is its shortest.)
        let n = main.len();
        let short = |i: usize| {
            len(&main[i]) + 2 < len(&main[0])
                || len(&main[i]) < len(&main[0]) && len(&main[n - 1]) > len(&main[i])
        };
        if sub.is_none() && len(&main[n - 1]) >= 6 && short(n - 2) {
            return (
                None,
                Some(main[..n - 1].concat()),
                Some(main[n - 1].clone()),
            );
        }
        return (None, Some(main.concat()), sub);
    }
    let (a, b) = (&main[0], &main[1]);
    if sub.is_none() && two_part(a) && len(a) >= len(b) / 2 {
        // A two-part headline line, then its subheadline.
        return (None, Some(a.clone()), Some(b.clone()));
    }
    if is_kicker(a, b, apart(1)) {
        let kicker = a.trim_end_matches(['：', ':']).to_string();
        return (Some(kicker), Some(b.clone()), sub);
    }
    // A subheadline without a dash is a phrase of its own, not the short
    // remainder of a wrapped headline.
    // (Not when the first line breaks off a clause (……，跑出 / 高质量……)
    // or a title that opens with 关于 closes on the second (……的通知).)
    let dangling = a
        .rsplit_once('，')
        .is_some_and(|(_, tail)| (1..=4).contains(&len(tail)));
    let bracketed = a.starts_with("关于") && is_notice_title(b);
    if sub.is_none()
        && len(a) > len(b) + 4
        && len(b) >= 6
        && !a.ends_with(['的', '和', '与', '及'])
        && !dangling
        && !bracketed
    {
        return (None, Some(a.clone()), Some(b.clone()));
    }
    // A headline wrapped over two lines.
    (None, Some(format!("{a}{b}")), sub)
}

/// Every quote and bracket the line opens, it closes.
fn closes_what_it_opens(s: &str) -> bool {
    ["“”", "‘’", "《》", "（）", "()", "「」", "【】"]
        .iter()
        .all(|p| {
            let mut cs = p.chars();
            let (o, c) = (cs.next().unwrap_or(' '), cs.next().unwrap_or(' '));
            s.matches(o).count() <= s.matches(c).count()
        })
}

/// Spaces layout put around a figure inside a heading ("突破 17 万") go;
/// a space that separates two parts of a headline stays.
fn unspace_figures(s: &str) -> String {
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < cs.len() {
        // Figures spaced digit by digit, or apart from their unit
        // (1 2 7 7 万元): the spaces go.
        if cs[i] == ' '
            && i > 0
            && cs[i - 1].is_ascii_digit()
            && cs
                .get(i + 1)
                .is_some_and(|&c| c.is_ascii_digit() || is_han(c))
        {
            i += 1;
            continue;
        }
        if cs[i] == ' ' && i > 0 && is_han(cs[i - 1]) {
            // Han, space, a figure, space, Han.
            let mut j = i + 1;
            while j < cs.len() && (cs[j].is_ascii_digit() || matches!(cs[j], '.' | '%')) {
                j += 1;
            }
            if j > i + 1 && j + 1 < cs.len() && cs[j] == ' ' && is_han(cs[j + 1]) {
                out.extend(&cs[i + 1..j]);
                i = j + 1;
                continue;
            }
        }
        out.push(cs[i]);
        i += 1;
    }
    out
}

/// A headline line in two balanced parts ("跑在问题前面 做到群众心里"), not
/// a wrapped line that happens to hold a space ("……奖补赋能 政策").
fn two_part(a: &str) -> bool {
    let parts: Vec<usize> = a.split(' ').map(visible_len).collect();
    parts.len() == 2
        && parts.iter().all(|&n| n >= 4)
        && parts[0].max(parts[1]) <= 2 * parts[0].min(parts[1])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(lines: &[&str]) -> (Option<String>, Option<String>, Option<String>) {
        let lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        split_heading(&lines, &[], false)
    }

    /// A headline wrapped onto a line only a little shorter than its first,
    /// then a wider line: the wrapped headline ended on the shorter line,
    /// and the wider one is a subheadline set in smaller type.
    #[test]
    fn a_wider_line_after_a_wrapped_headline_is_its_subheadline() {
        let (k, h, s) = split(&[
            "《聊城市优质专利补助",
            "办法》1日起施行",
            "更加侧重培育高价值专利",
        ]);
        assert_eq!(k, None);
        assert_eq!(h.as_deref(), Some("《聊城市优质专利补助办法》1日起施行"));
        assert_eq!(s.as_deref(), Some("更加侧重培育高价值专利"));
        // A headline wrapped over three lines ends on its shortest.
        let (_, h, s) = split(&[
            "东阿阿胶中式康养文旅",
            "园区入选省文旅康养融",
            "合发展示范试点区",
        ]);
        assert_eq!(
            h.as_deref(),
            Some("东阿阿胶中式康养文旅园区入选省文旅康养融合发展示范试点区")
        );
        assert_eq!(s, None);
    }
}
