//! Test-only page typesetter: lays hand-checked gold articles out again as
//! PDF-extracted page text would show them, with a seed choosing every layout
//! decision, and scores the segmenter on the result.
//!
//! Layout choices (per page or per article): column width 10–40 characters
//! with hard wraps; headlines before or after the body; headlines broken over
//! two lines; kicker present or not (on its own line, or ending in ——);
//! bylines in each style the seed pages use (本报讯（记者…通讯员…）, ■ lines
//! with roles on one or two lines, "X 聊城报道", a trailing （记者 X）);
//! spaces inside numbers; blank lines between paragraphs, inside sentences and
//! at column breaks; running headers and footers at column breaks; justified
//! lines spaced out character by character; a closing quote wrapped onto its
//! own line. Nothing here knows any article's wording.

#![allow(dead_code)]

pub mod alt;
mod score;
#[allow(unused_imports)]
pub use score::{score_articles, segment, strip, Score};

use baoku_core::synth::Rng;
use serde_json::Value;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
pub struct Gold {
    pub file: String,
    pub kind: String,
    pub kicker: Option<String>,
    pub headline: Option<String>,
    pub subheadline: Option<String>,
    pub reporters: Vec<String>,
    pub correspondents: Vec<String>,
    pub authors: Vec<String>,
    pub body: String,
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

fn opt(v: &Value) -> Option<String> {
    v.as_str().map(String::from).filter(|s| !s.is_empty())
}

pub fn gold_from_json(v: &Value) -> Gold {
    Gold {
        file: v["file"].as_str().unwrap_or("").to_string(),
        kind: v["kind"].as_str().unwrap_or("news").to_string(),
        kicker: opt(&v["kicker"]),
        headline: opt(&v["headline"]),
        subheadline: opt(&v["subheadline"]),
        reporters: strs(&v["reporters"]),
        correspondents: strs(&v["correspondents"]),
        authors: strs(&v["authors"]),
        body: v["body_text"].as_str().unwrap_or("").to_string(),
    }
}

pub fn load_gold(path: &str) -> Vec<Gold> {
    let s = std::fs::read_to_string(root().join(path)).expect("gold file");
    let v: Vec<Value> = serde_json::from_str(&s).expect("gold JSON");
    v.iter().map(gold_from_json).collect()
}

/// Gold articles grouped by page file, in page order.
pub fn gold_pages() -> Vec<Vec<Gold>> {
    let mut out: Vec<Vec<Gold>> = Vec::new();
    for g in load_gold("tests/fixtures/gold/articles.dev.json") {
        match out.last_mut() {
            Some(p) if p[0].file == g.file => p.push(g),
            _ => out.push(vec![g]),
        }
    }
    out
}

struct R(Rng);

impl R {
    fn below(&mut self, n: usize) -> usize {
        self.0.below(n)
    }
    fn chance(&mut self, pct: usize) -> bool {
        self.0.below(100) < pct
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.0.below(hi - lo + 1)
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.0.below(xs.len())]
    }
}

/// Per-page layout decisions.
struct Style {
    width: usize,
    head_after: bool,
    indent: bool,
    blank_between_paras: usize,
    blank_in_heading: bool,
    column_lines: usize,
    running_heads: bool,
    number_spaces: usize,
    justified: usize,
    stray_blank: usize,
}

const EDITORS: &[&str] = &[
    "李明", "王芳", "刘洋", "陈静", "杨帆", "赵磊", "孙悦", "周婷",
];

/// Sentences of a body, each with its closing punctuation (and closing quote).
fn sentences(body: &str) -> Vec<String> {
    let cs: Vec<char> = body.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut i = 0;
    while i < cs.len() {
        cur.push(cs[i]);
        if matches!(cs[i], '。' | '！' | '？' | '；') {
            while i + 1 < cs.len() && matches!(cs[i + 1], '”' | '’' | '）' | '」') {
                i += 1;
                cur.push(cs[i]);
            }
            out.push(std::mem::take(&mut cur));
        }
        i += 1;
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Spaces around figures as PDF extraction leaves them ("2024 年", "114.89 亿元").
fn space_numbers(s: &str, r: &mut R, pct: usize) -> String {
    if pct == 0 {
        return s.to_string();
    }
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::new();
    for (i, &c) in cs.iter().enumerate() {
        out.push(c);
        if let Some(&n) = cs.get(i + 1) {
            let boundary =
                (c.is_ascii_digit() && !n.is_ascii_alphanumeric() && n != '.' && n != '%')
                    || (!c.is_ascii_alphanumeric()
                        && c != '.'
                        && n.is_ascii_digit()
                        && !c.is_ascii_punctuation());
            if boundary && r.chance(pct) {
                out.push(' ');
            }
        }
    }
    out
}

/// A justified line spread out: a space between characters, figures kept whole.
fn spread(line: &str) -> String {
    let mut out = String::new();
    let mut prev_ascii = false;
    for c in line.chars() {
        let ascii = c.is_ascii_alphanumeric() || c == '.';
        if !(out.is_empty() || ascii && prev_ascii) {
            out.push(' ');
        }
        out.push(c);
        prev_ascii = ascii;
    }
    out
}

/// Hard-wrap at `w` visible characters; spaces do not count. Closing
/// punctuation hangs at the line end rather than opening a line, as
/// Chinese typesetting does.
fn wrap(s: &str, w: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut n = 0;
    for c in s.chars() {
        let hangs = matches!(
            c,
            '，' | '。' | '、' | '；' | '：' | '！' | '？' | '）' | '”' | '’' | '》' | '％'
        );
        if n >= w && c != ' ' && !(hangs && n == w) {
            out.push(std::mem::take(&mut cur).trim_end().to_string());
            n = 0;
        }
        if c == ' ' && n == 0 {
            continue;
        }
        cur.push(c);
        if c != ' ' {
            n += 1;
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim_end().to_string());
    }
    out
}

enum BylineStyle {
    Lead,
    Marked { split_roles: bool },
    Dispatch,
    Trailing,
}

fn role_phrase(g: &Gold, reporter_word: &str, correspondent_word: &str) -> String {
    let mut parts: Vec<String> = g.authors.clone();
    if !g.reporters.is_empty() {
        parts.push(reporter_word.to_string());
        parts.extend(g.reporters.iter().cloned());
    }
    if !g.correspondents.is_empty() {
        parts.push(correspondent_word.to_string());
        parts.extend(g.correspondents.iter().cloned());
    }
    parts.join(" ")
}

/// Lines of one laid-out article.
fn article_lines(g: &Gold, s: &Style, r: &mut R, expect: &mut Gold) -> Vec<String> {
    let w = s.width;
    let has_names =
        !(g.reporters.is_empty() && g.correspondents.is_empty() && g.authors.is_empty());
    let photo = g.kind == "photo";
    // Heading block.
    let mut head: Vec<String> = Vec::new();
    if !photo {
        if let Some(k) = &g.kicker {
            if r.chance(75) {
                // A kicker longer than a few characters is set off by a
                // blank line or a dash, as a smaller font would show it.
                if r.chance(30) || (k.chars().count() > 4 && !s.blank_in_heading) {
                    head.push(format!("{k}——"));
                } else {
                    head.push(k.clone());
                }
                if s.blank_in_heading {
                    head.push(String::new());
                }
            } else {
                expect.kicker = None;
            }
        }
        if let Some(h) = &g.headline {
            let n = h.chars().count();
            if h.contains(' ') && r.chance(50) {
                // Two equal headline lines, marked as such in the text.
                for (i, part) in h.split(' ').enumerate() {
                    if i > 0 {
                        head.push(String::new());
                    }
                    head.push(format!("## {part}"));
                }
            } else if n > w {
                head.extend(wrap(h, w.max(n.div_ceil(2))));
            } else if n >= 8 && r.chance(30) {
                let cut = r.range((n / 3).max(4), (2 * n / 3).min(n - 4));
                let a: String = h.chars().take(cut).collect();
                let b: String = h.chars().skip(cut).collect();
                head.push(a);
                head.push(b);
            } else {
                head.push(h.clone());
            }
        }
        if let Some(sub) = &g.subheadline {
            head.extend(wrap(sub, w.max(sub.chars().count().div_ceil(2))));
        }
    }
    // Byline style the names allow.
    let roles_only = g.authors.is_empty();
    let style = if photo {
        BylineStyle::Trailing
    } else if !has_names {
        BylineStyle::Lead
    } else {
        match r.below(if roles_only { 4 } else { 3 }) {
            0 => BylineStyle::Lead,
            1 => BylineStyle::Marked {
                split_roles: r.chance(50),
            },
            2 => BylineStyle::Dispatch,
            _ => BylineStyle::Trailing,
        }
    };
    // Body paragraphs.
    let sents = sentences(&g.body);
    let mut paras: Vec<String> = Vec::new();
    let mut i = 0;
    while i < sents.len() {
        // A photo caption is one block of text.
        let k = if photo {
            sents.len()
        } else {
            r.range(1, 4).min(sents.len() - i)
        };
        paras.push(sents[i..i + k].concat());
        i += k;
    }
    if paras.is_empty() {
        paras.push(String::new());
    }
    let mut pre: Vec<String> = Vec::new();
    match style {
        BylineStyle::Lead if has_names && !photo => {
            let who = role_phrase(g, "记者", "通讯员");
            paras[0] = format!("本报讯（{who}）{}", paras[0]);
        }
        BylineStyle::Lead => {}
        BylineStyle::Marked { split_roles } => {
            let mut first: Vec<String> = g.authors.clone();
            let mut second: Vec<String> = Vec::new();
            if !g.reporters.is_empty() {
                first.push("本报记者".into());
                first.extend(g.reporters.iter().cloned());
            }
            if !g.correspondents.is_empty() {
                let tgt = if split_roles && !first.is_empty() {
                    &mut second
                } else {
                    &mut first
                };
                tgt.push("本报通讯员".into());
                tgt.extend(g.correspondents.iter().cloned());
            }
            pre.extend(wrap(&format!("■ {}", first.join(" ")), w.max(8)));
            if !second.is_empty() {
                pre.extend(wrap(&second.join(" "), w.max(8)));
            }
        }
        BylineStyle::Dispatch => {
            pre.extend(wrap(
                &format!("{} 聊城报道", role_phrase(g, "记者", "通讯员")),
                w.max(8),
            ));
        }
        BylineStyle::Trailing => {
            if photo {
                let who = role_phrase(g, "本报记者", "本报通讯员");
                let last = paras.len() - 1;
                if r.chance(50) {
                    paras[last] = format!("{} ■ {who}", paras[last]);
                } else {
                    paras.push(format!("■ {who}"));
                }
            } else {
                let who = role_phrase(g, "记者", "通讯员");
                let last = paras.len() - 1;
                paras[last] = format!("{}（{who}）", paras[last]);
            }
        }
    }
    let mut body: Vec<String> = pre;
    if !body.is_empty() && r.chance(60) {
        body.push(String::new());
    }
    for (pi, p) in paras.iter().enumerate() {
        if pi > 0 && (s.blank_between_paras == 100 || r.chance(s.blank_between_paras)) {
            body.push(String::new());
        }
        let spaced = space_numbers(p, r, s.number_spaces);
        let text = if s.indent {
            format!("　　{spaced}")
        } else {
            spaced
        };
        let mut lines = wrap(&text, w);
        // A closing quote pushed onto a line of its own.
        if let Some(last) = lines.last_mut() {
            if last.ends_with("。”") && last.chars().count() > 2 && r.chance(30) {
                last.pop();
                lines.push("”".into());
            }
        }
        for l in lines {
            body.push(if r.chance(s.justified) { spread(&l) } else { l });
        }
    }
    // Heading lines are marked so a column break never falls inside a
    // heading block (headlines span their columns).
    let head: Vec<String> = head.into_iter().map(|l| format!("\u{1}{l}")).collect();
    let mut out: Vec<String> = Vec::new();
    if s.head_after {
        out.extend(body);
        if !head.is_empty() {
            out.push(String::new());
            out.extend(head);
        }
    } else {
        out.extend(head);
        if !out.is_empty() {
            out.push(String::new());
        }
        out.extend(body);
    }
    out
}

fn running_head(r: &mut R) -> Vec<String> {
    let date = format!(
        "{}年{}月{}日 星期{}",
        r.range(2016, 2026),
        r.range(1, 12),
        r.range(1, 28),
        r.pick(&["一", "二", "三", "四", "五", "六", "日"])
    );
    let page = format!("第{}版", r.range(1, 16));
    let desk = r
        .pick(&["要闻", "综合", "经济", "县域", "民生", "时政"])
        .to_string();
    let ed = format!("责任编辑 {} 校对 {}", r.pick(EDITORS), r.pick(EDITORS));
    match r.below(4) {
        0 => vec![format!("{date} {page} {desk}")],
        1 => vec![format!("{date} · {page} {desk} · {ed}")],
        2 => vec![date, format!("{page} {desk}"), ed],
        _ => vec![
            format!("责任编辑：{}  校对：{}", r.pick(EDITORS), r.pick(EDITORS)),
            format!("{page}：{desk}"),
        ],
    }
}

/// One page of laid-out text from `arts`, and the articles it should yield.
pub fn relayout(arts: &[Gold], seed: u64) -> (String, Vec<Gold>) {
    let mut r = R(Rng::new(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5EED));
    let s = Style {
        width: r.range(10, 40),
        head_after: r.chance(40),
        indent: r.chance(40),
        blank_between_paras: *r.pick(&[0, 50, 100, 100]),
        blank_in_heading: r.chance(50),
        column_lines: r.range(12, 60),
        running_heads: r.chance(60),
        number_spaces: *r.pick(&[0, 0, 30, 80]),
        justified: *r.pick(&[0, 0, 5, 20]),
        stray_blank: *r.pick(&[0, 1, 3]),
    };
    // A run of consecutive articles, sometimes shuffled.
    let start = r.below(arts.len());
    let take = r.range(1, arts.len());
    let mut chosen: Vec<Gold> = arts
        .iter()
        .cycle()
        .skip(start)
        .take(take)
        .cloned()
        .collect();
    if r.chance(30) {
        for i in (1..chosen.len()).rev() {
            let j = r.below(i + 1);
            chosen.swap(i, j);
        }
    }
    let mut lines: Vec<String> = Vec::new();
    if s.running_heads && r.chance(50) {
        lines.extend(running_head(&mut r));
        lines.push(String::new());
    }
    let mut expected = Vec::new();
    for g in &chosen {
        let mut e = g.clone();
        let al = article_lines(g, &s, &mut r, &mut e);
        expected.push(e);
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.extend(al);
    }
    // Column breaks: a blank line, sometimes a running head, every few lines;
    // now and then a stray blank line.
    let mut out: Vec<String> = Vec::new();
    let mut since = 0;
    for l in lines {
        since += 1;
        let in_heading = l.starts_with('\u{1}');
        let l = l.trim_start_matches('\u{1}').to_string();
        if in_heading {
            out.push(l);
            continue;
        }
        if since >= s.column_lines {
            since = 0;
            out.push(String::new());
            if s.running_heads && r.chance(50) {
                out.extend(running_head(&mut r));
                out.push(String::new());
            }
        } else if !l.is_empty() && r.chance(s.stray_blank) {
            out.push(String::new());
        }
        out.push(l);
    }
    if s.running_heads && r.chance(50) {
        out.push(String::new());
        out.extend(running_head(&mut r));
    }
    (out.join("\n") + "\n", expected)
}
