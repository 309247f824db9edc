//! Documents cited in 《》: policy documents, reports, agreements.
//!
//! The title is kept without the brackets (inner 〈〉 stay), with layout
//! spaces removed. A short form the text declares — 《X》（以下简称《Y》）,
//! also with “Y” or 简称/下称 — and a later short 《Y》 that is the tail of one
//! cited full title resolve to the full title. Newspapers and magazines
//! (《聊城日报》, 《求是》杂志 style names ending in 日报/晚报/杂志…) are not
//! documents.

use crate::text::{is_space, is_wide};

/// A 《》 title found in the text, with the short form it declares, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Cited {
    title: String,
    declares: Option<String>,
}

/// Documents cited in `texts` (headline, subheadline, paragraphs in
/// order), first mention first, deduplicated, short forms resolved.
pub fn documents_in<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut cited = Vec::new();
    for t in texts {
        cited.extend(cite_all(t));
    }
    let mut short: Vec<(String, String)> = Vec::new();
    for c in &cited {
        if let Some(s) = &c.declares {
            if s != &c.title {
                short.push((s.clone(), c.title.clone()));
            }
        }
    }
    let fulls: Vec<&str> = cited
        .iter()
        .map(|c| c.title.as_str())
        .filter(|t| !short.iter().any(|(s, _)| s == t))
        .collect();
    let mut out: Vec<String> = Vec::new();
    for c in &cited {
        let title = resolve(&c.title, &short, &fulls);
        if is_publication(&title) || out.contains(&title) {
            continue;
        }
        out.push(title);
    }
    out
}

fn resolve(title: &str, short: &[(String, String)], fulls: &[&str]) -> String {
    if let Some((_, full)) = short.iter().find(|(s, _)| s == title) {
        return full.clone();
    }
    // An undeclared short form: 《办法》 after 《聊城市优质专利补助办法》.
    if title.chars().count() <= 6 {
        let longer: Vec<&&str> = fulls
            .iter()
            .filter(|f| f.len() > title.len() && f.ends_with(title))
            .collect();
        if let [only] = longer.as_slice() {
            return (**only).to_string();
        }
    }
    title.to_string()
}

fn is_publication(title: &str) -> bool {
    const MEDIA: &[&str] = &[
        "日报",
        "晚报",
        "早报",
        "晨报",
        "时报",
        "商报",
        "周报",
        "导报",
        "都市报",
        "杂志",
        "周刊",
        "月刊",
        "画报",
    ];
    MEDIA.iter().any(|m| title.ends_with(m))
}

/// Every 《》 title in one text.
fn cite_all(text: &str) -> Vec<Cited> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '《' {
            i += 1;
            continue;
        }
        let Some(end) = closing(&chars, i) else {
            i += 1;
            continue;
        };
        let title = clean(&chars[i + 1..end]);
        let (declares, after) = declaration(&chars, end + 1);
        if valid(&title) {
            out.push(Cited { title, declares });
        }
        i = after.max(end + 1);
    }
    out
}

/// Index of the 》 that closes the 《 at `open` (nested 《》 allowed).
fn closing(chars: &[char], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (k, &c) in chars.iter().enumerate().skip(open) {
        match c {
            '《' => depth += 1,
            '》' => {
                depth -= 1;
                if depth == 0 {
                    return Some(k);
                }
            }
            // A title never spans a sentence end: an unmatched 《.
            '。' | '\n' => return None,
            _ => {}
        }
        if k - open > 120 {
            return None;
        }
    }
    None
}

fn valid(title: &str) -> bool {
    let n = title.chars().count();
    (2..=100).contains(&n)
}

/// Title text with layout spaces removed (kept between two Latin words).
fn clean(chars: &[char]) -> String {
    let mut out = String::new();
    for (k, &c) in chars.iter().enumerate() {
        if is_space(c) {
            let prev = chars[..k].iter().rev().find(|c| !is_space(**c));
            let next = chars[k + 1..].iter().find(|c| !is_space(**c));
            let keep = matches!((prev, next), (Some(p), Some(n)) if !is_wide(*p) && !is_wide(*n))
                && !out.ends_with(' ');
            if keep {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
    }
    out.trim().to_string()
}

/// A short-form declaration right after a title: （以下简称《Y》）,
/// （简称“Y”）, (下称《Y》). Returns the short form and where parsing goes on.
fn declaration(chars: &[char], at: usize) -> (Option<String>, usize) {
    let mut i = at;
    while i < chars.len() && is_space(chars[i]) {
        i += 1;
    }
    if !matches!(chars.get(i), Some('（' | '(')) {
        return (None, at);
    }
    let close = match chars[i..]
        .iter()
        .take(40)
        .position(|&c| c == '）' || c == ')')
    {
        Some(p) => i + p,
        None => return (None, at),
    };
    let inner: String = chars[i + 1..close]
        .iter()
        .filter(|c| !is_space(**c))
        .collect();
    for lead in ["以下简称", "以下称", "下称", "简称"] {
        if let Some(rest) = inner.strip_prefix(lead) {
            let rest = rest.trim_start_matches(['：', ':']);
            let name = rest
                .strip_prefix('《')
                .and_then(|r| r.strip_suffix('》'))
                .or_else(|| rest.strip_prefix('“').and_then(|r| r.strip_suffix('”')))
                .or_else(|| rest.strip_prefix('"').and_then(|r| r.strip_suffix('"')));
            if let Some(n) = name.filter(|n| valid(n)) {
                return (Some(n.to_string()), close + 1);
            }
        }
    }
    (None, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(texts: &[&str]) -> Vec<String> {
        documents_in(texts.iter().copied())
    }

    #[test]
    fn titles_without_brackets_in_order_deduplicated() {
        assert_eq!(
            docs(&["编制《轴承产业依法经营指引》，又按《办法A》和《轴承产业依法经营指引》"]),
            vec!["轴承产业依法经营指引", "办法A"]
        );
    }

    #[test]
    fn declared_short_forms_resolve_to_the_full_title() {
        let t = "印发《聊城市中小企业梯度培育计划三年行动方案》（以下简称《行动方案》），《行动方案》指出";
        assert_eq!(docs(&[t]), vec!["聊城市中小企业梯度培育计划三年行动方案"]);
        let t = "《某某办法》(简称“办法”)施行。";
        assert_eq!(docs(&[t]), vec!["某某办法"]);
        // Declared in the body, used in the headline first.
        assert_eq!(
            docs(&[
                "《行动方案》发布",
                "印发《三年行动方案》（下称《行动方案》）"
            ]),
            vec!["三年行动方案"]
        );
    }

    #[test]
    fn undeclared_tail_short_form_resolves_when_unambiguous() {
        assert_eq!(
            docs(&["《聊城市优质专利补助办法》施行，根据《办法》"]),
            vec!["聊城市优质专利补助办法"]
        );
        // Two candidates: keep the short form as printed.
        assert_eq!(
            docs(&["《甲市补助办法》《乙市补助办法》《办法》"]),
            vec!["甲市补助办法", "乙市补助办法", "办法"]
        );
    }

    #[test]
    fn nested_titles_and_layout_spaces() {
        assert_eq!(
            docs(&["按照《关于印发〈重污染天气重点行业绩效分级〉补充说明的通知》（环办便函〔2021〕341号）"]),
            vec!["关于印发〈重污染天气重点行业绩效分级〉补充说明的通知"]
        );
        assert_eq!(
            docs(&["《区域全面 经济伙伴 关系协定》"]),
            vec!["区域全面经济伙伴关系协定"]
        );
        assert_eq!(
            docs(&["《Made in China 2025》"]),
            vec!["Made in China 2025"]
        );
    }

    #[test]
    fn newspapers_broken_and_empty_brackets_are_not_documents() {
        assert!(docs(&["据《聊城日报》报道，《齐鲁晚报》《》《甲"]).is_empty());
        assert!(docs(&["《甲乙丙。丁》"]).is_empty());
    }
}
