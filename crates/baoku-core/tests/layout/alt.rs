//! A second page typesetter, written apart from `relayout` so the two do not
//! share blind spots. It draws any articles of the gold pool (from any gold
//! page, in any order, captions among them) onto one page and varies what
//! the first typesetter keeps fixed per page:
//!
//! * each article its own column width (10–40), or the page's;
//! * headlines before or after their body for the page, or (now and then)
//!   per article; headlines broken at any point, over two or three lines,
//!   two equal parts as `## ` lines or on one line;
//! * kickers kept or dropped, on their own line or ending in ——, and
//!   kickers / subheadlines made up from a clause of the body (——…);
//! * bylines between heading and body (■ lines: spread role words, the
//!   correspondent on a second line with or without ■; "X 聊城报道" with
//!   other places), in the lead (本报讯（…）, spaced, or alone on its line),
//!   or at the end （记者 X）; photo captions signed ■ 本报记者 X 摄;
//! * figures spaced digit by digit (1 2 7 7万元) or apart from their unit,
//!   in headings too; blank lines inside sentences; column breaks anywhere
//!   in a body, with running heads (date · 第N版 · 责任编辑 X 校对 Y in
//!   several orders) shared by the articles around them;
//! * intertitles (one or two lines) inside features; a notice's addressee,
//!   contact lines and signature on lines of their own.
//!
//! It prints only what a reader could still segment from the text alone:
//! a headline whose two parts are equal is never broken at its space
//! without `## `, and a headline with a subheadline lacking —— stays whole.

use super::Gold;
use baoku_core::synth::Rng;

mod text;
use text::{clauses, notice_tail, sentences, space_figures, spread_word, wrap};

struct Dice(Rng);

impl Dice {
    /// Inclusive range.
    fn int(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.0.below(hi + 1 - lo)
    }
    fn pct(&mut self, p: usize) -> bool {
        self.0.below(100) < p
    }
    fn of<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.0.below(xs.len())]
    }
}

/// What a printed line is, for where column breaks may fall.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    Head,
    Sign,
    Body,
    Blank,
}

type Lines = Vec<(Role, String)>;

struct Page {
    after: bool,
    mixed: bool,
    width: usize,
    own_width: usize,
    digits: usize,
    unit_gap: usize,
    blank_in: usize,
    para_gap: usize,
    indent: &'static str,
    head_gap: bool,
    spread_roles: bool,
    column: usize,
    furniture: usize,
}

const NAMES: &[&str] = &[
    "王晓东",
    "李娜",
    "张伟",
    "刘敏",
    "陈刚",
    "赵丽",
    "孙强",
    "周洁",
];
const PLACES: &[&str] = &["聊城", "临清", "济南", "北京", "冠县"];

/// Names with role words: authors first, then reporters, correspondents.
fn credit(g: &Gold, rep: &str, cor: &str) -> String {
    let mut v: Vec<String> = g.authors.clone();
    if !g.reporters.is_empty() {
        v.push(rep.to_string());
        v.extend(g.reporters.iter().cloned());
    }
    if !g.correspondents.is_empty() {
        v.push(cor.to_string());
        v.extend(g.correspondents.iter().cloned());
    }
    v.join(" ")
}

/// Two pieces of a headline close enough in length to be set apart by a
/// blank line and still read as one headline (……园区入选 / 省文旅……名单).
fn balanced(a: usize, b: usize) -> bool {
    a.min(b) >= 6 && a * 4 >= b * 3 && b * 4 >= a * 3
}

/// The heading block; updates the expected kicker and subheadline.
fn heading(g: &Gold, p: &Page, d: &mut Dice, e: &mut Gold) -> Vec<String> {
    let mut h: Vec<String> = Vec::new();
    let gap = |h: &mut Vec<String>, d: &mut Dice| {
        if p.head_gap && d.pct(60) {
            h.push(String::new());
        }
    };
    let fig = |s: &str, d: &mut Dice| space_figures(s, d, p.digits, p.unit_gap);
    match &g.kicker {
        Some(k) if d.pct(65) => {
            // A kicker longer than a place name is set apart, by a dash or
            // a blank line, as its smaller type shows on paper.
            if d.pct(35) {
                h.push(format!("{k}——"));
                gap(&mut h, d);
            } else {
                h.push(fig(k, d));
                if k.chars().count() > 3 {
                    h.push(String::new());
                } else {
                    gap(&mut h, d);
                }
            }
        }
        Some(_) => e.kicker = None,
        None => {
            let made = clauses(&g.body, 5, 14);
            if !made.is_empty() && d.pct(12) {
                let k = d.of(&made).clone();
                h.push(format!("{k}——"));
                e.kicker = Some(k);
                gap(&mut h, d);
            }
        }
    }
    if let Some(t) = &g.headline {
        let n = t.chars().count();
        let plain_sub = g
            .subheadline
            .as_deref()
            .is_some_and(|s| !s.starts_with('—'));
        if t.contains(' ') {
            if d.pct(55) {
                for (i, part) in t.split(' ').enumerate() {
                    if i > 0 && d.pct(70) {
                        h.push(String::new());
                    }
                    h.push(format!("## {}", fig(part, d)));
                }
            } else {
                h.push(fig(t, d));
            }
        } else if plain_sub || n < 9 || d.pct(45) {
            h.push(fig(t, d));
        } else {
            // Broken at any point, mid-word too, as a narrow heading column
            // leaves it; no piece so short that it reads as a kicker.
            let cs: Vec<char> = t.chars().collect();
            let parts = if n >= 16 && d.pct(30) { 3 } else { 2 };
            let least = (n / (2 * parts)).max(4);
            let mut cuts = vec![0];
            for k in 1..parts {
                let lo = cuts[k - 1] + least;
                let hi = n.saturating_sub(least * (parts - k));
                if lo > hi {
                    break;
                }
                // Not after an opening mark, nor before a closing one.
                let mut c = d.int(lo, hi);
                let fig = |x: char| x.is_ascii_digit() || x == '.' || x == '%';
                while c < n - 1
                    && ("“‘《（".contains(cs[c - 1])
                        || "”’》），、".contains(cs[c])
                        || (fig(cs[c - 1]) && fig(cs[c])))
                {
                    c += 1;
                }
                cuts.push(c);
            }
            cuts.push(n);
            for (i, w) in cuts.windows(2).enumerate() {
                // (Never inside quotes: their two halves would each
                // leave one open.)
                let opened = |xs: &[char], m: &str| xs.iter().filter(|c| m.contains(**c)).count();
                let quoted = opened(&cs[..cuts[1]], "“《（") > opened(&cs[..cuts[1]], "”》）");
                if i > 0
                    && parts == 2
                    && p.head_gap
                    && !quoted
                    && balanced(cuts[1], n - cuts[1])
                    && d.pct(20)
                {
                    h.push(String::new());
                }
                let piece: String = cs[w[0]..w[1]].iter().collect();
                h.push(fig(&piece, d));
            }
        }
    }
    let sub = match &g.subheadline {
        Some(s) => Some(s.clone()),
        None if g.headline.is_some() && d.pct(12) => {
            let made = clauses(&g.body, 8, 20);
            (!made.is_empty()).then(|| format!("——{}", d.of(&made)))
        }
        None => None,
    };
    if let Some(s) = sub {
        gap(&mut h, d);
        let n = s.chars().count();
        let w = if n > 22 && d.pct(50) {
            n.div_ceil(2)
        } else {
            n
        };
        h.extend(wrap(&s, w));
        e.subheadline = Some(s);
    }
    h
}

/// Paragraphs of the body; features get intertitles (added to `e.body`).
fn paragraphs(g: &Gold, d: &mut Dice, e: &mut Gold, titles: bool) -> Vec<(bool, String)> {
    let mut sents = sentences(&g.body);
    let mut lead_line = None;
    let mut tail: Vec<String> = Vec::new();
    if g.kind == "notice" {
        if let Some(first) = sents.first_mut() {
            if let Some(i) = first.find('：').filter(|&i| i < 90) {
                lead_line = Some(first[..i + '：'.len_utf8()].to_string());
                *first = first[i + '：'.len_utf8()..].to_string();
            }
        }
        if sents.last().is_some_and(|l| !l.ends_with(['。', '”'])) {
            tail = notice_tail(&sents.pop().unwrap_or_default());
        }
    }
    let mut paras: Vec<(bool, String)> = Vec::new();
    paras.extend(lead_line.map(|l| (false, l)));
    let mut i = 0;
    while i < sents.len() {
        let k = if g.kind == "photo" && d.pct(60) {
            sents.len()
        } else {
            *d.of(&[1, 1, 2, 2, 2, 3, 3, 4, 5])
        };
        let k = k.min(sents.len() - i);
        paras.push((false, sents[i..i + k].concat()));
        i += k;
    }
    paras.extend(tail.into_iter().map(|t| (false, t)));
    if titles && g.kind == "feature" && paras.len() >= 4 && d.pct(60) {
        let mut body = String::new();
        let mut out = Vec::new();
        let mut left = d.int(1, 2);
        for (pi, (_, para)) in paras.iter().enumerate() {
            if pi >= 2 && pi + 1 < paras.len() && left > 0 && d.pct(35) {
                // Words from inside the section, not its opening clause
                // (an intertitle does not repeat the words under it).
                let opening = para.split(['，', '。']).next().unwrap_or("");
                let cl: Vec<String> = clauses(para, 4, 11)
                    .into_iter()
                    .filter(|c| c != opening)
                    .collect();
                if !cl.is_empty() {
                    let t = d.of(&cl).clone();
                    body.push_str(&t);
                    out.push((true, t.clone()));
                    if d.pct(30) {
                        let more = clauses(para, 6, 14);
                        if let Some(m) = more.last().filter(|m| **m != t && d.pct(50)) {
                            body.push_str(m);
                            out.push((true, m.clone()));
                        }
                    }
                    left -= 1;
                }
            }
            body.push_str(para);
            out.push((false, para.clone()));
        }
        e.body = body;
        return out;
    }
    paras
}

/// One article: (heading, byline above the body, body with any closing
/// byline).
fn article(g: &Gold, p: &Page, d: &mut Dice, e: &mut Gold) -> (Vec<String>, Vec<String>, Lines) {
    let w = if d.pct(p.own_width) {
        d.int(10, 40)
    } else {
        p.width
    };
    let photo = g.kind == "photo";
    let head = if photo {
        Vec::new()
    } else {
        heading(g, p, d, e)
    };
    let named = !(g.reporters.is_empty() && g.correspondents.is_empty() && g.authors.is_empty());
    // A closing signature （记者 X） needs its role word.
    let roles = !(g.reporters.is_empty() && g.correspondents.is_empty());
    let style = d.int(0, if roles { 4 } else { 3 });
    // Intertitles only in a feature signed above its body: with the names
    // at the end, an intertitle reads as the next story's headline.
    let mut paras = paragraphs(g, d, e, !named || style < 4);
    let mut top: Vec<String> = Vec::new();
    let mut closing: Option<String> = None;
    let mut own_line_lead: Option<String> = None;
    if photo && named {
        let mut who = credit(g, "本报记者", "本报通讯员");
        if d.pct(75) {
            who.push_str(" 摄");
        }
        let mark = if d.pct(85) { "■ " } else { "" };
        closing = Some(format!("{mark}{who}"));
    } else if named {
        match style {
            0 | 1 => {
                let who = credit(g, "记者", "通讯员");
                let sp = *d.of(&["", "", " "]);
                let lead = format!("本报讯{sp}（{who}）");
                if d.pct(15) {
                    own_line_lead = Some(lead);
                } else if let Some(first) = paras.iter_mut().find(|x| !x.0) {
                    first.1 = format!("{lead}{sp}{}", first.1);
                }
            }
            2 => {
                let rep = if p.spread_roles {
                    spread_word("本报记者")
                } else {
                    "本报记者".to_string()
                };
                let mut first: Vec<String> = g.authors.clone();
                if !g.reporters.is_empty() {
                    first.push(rep);
                    first.extend(g.reporters.iter().cloned());
                }
                let mut cor = Vec::new();
                if !g.correspondents.is_empty() {
                    cor.push("本报通讯员".to_string());
                    cor.extend(g.correspondents.iter().cloned());
                }
                if !cor.is_empty() && !first.is_empty() && d.pct(60) {
                    top.push(format!("■ {}", first.join(" ")));
                    let mark = if d.pct(50) { "■ " } else { "" };
                    top.push(format!("{mark}{}", cor.join(" ")));
                } else {
                    first.extend(cor);
                    top.extend(wrap(&format!("■ {}", first.join(" ")), w.max(9)));
                }
            }
            3 => {
                let rep = *d.of(&["记者", "本报记者"]);
                let place = if d.pct(60) { "聊城" } else { d.of(PLACES) };
                top.extend(wrap(
                    &format!("{} {place}报道", credit(g, rep, "通讯员")),
                    w.max(9),
                ));
            }
            _ => closing = Some(format!("（{}）", credit(g, "记者", "通讯员"))),
        }
    }
    let mut body: Lines = Vec::new();
    own_line_lead
        .into_iter()
        .for_each(|l| body.push((Role::Sign, l)));
    let gaps = match p.para_gap {
        0 => 0,
        1 => 100,
        _ => 40,
    };
    let last = paras.len().saturating_sub(1);
    for (pi, (title, text)) in paras.iter().enumerate() {
        if pi > 0 && (*title || paras[pi - 1].0 || d.pct(gaps)) {
            body.push((Role::Blank, String::new()));
        }
        if *title {
            body.push((Role::Body, text.clone()));
            continue;
        }
        let mut t = space_figures(text, d, p.digits, p.unit_gap);
        let mut signed = 0;
        if pi == last && d.pct(50) {
            if let Some(c) = closing.take() {
                signed = c.chars().filter(|c| *c != ' ').count();
                t = format!("{t}{}{c}", if c.starts_with('（') { "" } else { " " });
            }
        }
        let t = format!("{}{t}", p.indent);
        let lines = wrap(&t, w);
        // Lines holding the signature run on the paragraph's last lines: no
        // column break or blank line falls inside it.
        let mut left = signed;
        let mut roles: Vec<Role> = vec![Role::Body; lines.len()];
        for (li, l) in lines.iter().enumerate().rev() {
            if left == 0 {
                break;
            }
            roles[li] = Role::Sign;
            left = left.saturating_sub(l.chars().filter(|c| *c != ' ').count());
        }
        let k = lines.len();
        for (li, l) in lines.into_iter().enumerate() {
            body.push((roles[li], l));
            if li + 1 < k && roles[li + 1] == Role::Body && d.int(1, 1000) <= p.blank_in {
                body.push((Role::Blank, String::new()));
            }
        }
    }
    if let Some(c) = closing {
        body.extend(wrap(&c, w.max(9)).into_iter().map(|l| (Role::Sign, l)));
    }
    (head, top, body)
}

fn furniture(d: &mut Dice) -> Vec<String> {
    let date = format!(
        "{}年{}月{}日",
        d.int(2015, 2026),
        d.int(1, 12),
        d.int(1, 28)
    );
    let day = format!("星期{}", d.of(&["一", "二", "三", "四", "五", "六", "日"]));
    let page = format!("第{}版", d.int(1, 12));
    let ed = format!("责任编辑 {}", d.of(NAMES));
    let ck = format!("校对 {}", d.of(NAMES));
    let sep = *d.of(&[" · ", "  ", "　", " | ", " "]);
    match d.int(0, 5) {
        0 => vec![[date, page, ed, ck].join(sep)],
        1 => vec![[ed, ck, date, page].join(sep)],
        2 => vec![format!("{date} {day}"), page],
        3 => vec![[page, date, day].join(sep), [ed, ck].join(sep)],
        4 => vec![format!("{}：{}", "责任编辑", d.of(NAMES)), page],
        _ => vec![[date, day, page].join(sep)],
    }
}

/// One page of laid-out text from articles drawn out of `pool`, the
/// articles it should yield, and whether headings changed side per article.
pub fn alt_page(pool: &[Gold], seed: u64) -> (String, Vec<Gold>, bool) {
    let mut d = Dice(Rng::new(seed.wrapping_mul(0xD134_2543_DE82_EF95) ^ 0xA17));
    let p = Page {
        after: d.pct(45),
        mixed: d.pct(15),
        width: d.int(10, 40),
        own_width: *d.of(&[0, 30, 60, 100]),
        digits: *d.of(&[0, 0, 10, 40]),
        unit_gap: *d.of(&[0, 20, 60]),
        blank_in: *d.of(&[0, 0, 10, 40]),
        para_gap: d.int(0, 2),
        indent: *d.of(&["", "", "　　", "  ", " "]),
        head_gap: d.pct(50),
        spread_roles: d.pct(25),
        column: d.int(8, 50),
        furniture: *d.of(&[0, 30, 70]),
    };
    let n = d.int(1, 6.min(pool.len()));
    let mut idx: Vec<usize> = (0..pool.len()).collect();
    for i in (1..idx.len()).rev() {
        idx.swap(i, d.int(0, i));
    }
    let mut lines: Lines = Vec::new();
    if p.furniture > 0 && d.pct(60) {
        lines.extend(furniture(&mut d).into_iter().map(|l| (Role::Sign, l)));
        lines.push((Role::Blank, String::new()));
    }
    let mut expected = Vec::new();
    let mut prev_head_last = false;
    for &i in idx.iter().take(n) {
        let g = &pool[i];
        let mut e = g.clone();
        let (head, top, body) = article(g, &p, &mut d, &mut e);
        expected.push(e);
        let after = if p.mixed { d.pct(50) } else { p.after };
        let mut a: Lines = Vec::new();
        let heads = |a: &mut Lines| a.extend(head.iter().map(|l| (Role::Head, l.clone())));
        if !after {
            heads(&mut a);
            if !head.is_empty() && (!top.is_empty() || d.pct(80)) {
                a.push((Role::Blank, String::new()));
            }
        }
        a.extend(top.iter().map(|l| (Role::Sign, l.clone())));
        if !top.is_empty() && d.pct(60) {
            a.push((Role::Blank, String::new()));
        }
        a.extend(body);
        if after && !head.is_empty() {
            a.push((Role::Blank, String::new()));
            heads(&mut a);
        }
        if !lines.is_empty() {
            // A headline printed after its body, run onto the next lead's
            // line as extraction sometimes leaves it.
            let runs_on = prev_head_last
                && a.first().is_some_and(|(_, l)| l.starts_with("本报讯"))
                && d.pct(10);
            if runs_on {
                let (_, first) = a.remove(0);
                if let Some((_, l)) = lines.last_mut() {
                    l.push(' ');
                    l.push_str(&first);
                }
            } else {
                for _ in 0..d.int(1, 2) {
                    lines.push((Role::Blank, String::new()));
                }
            }
        }
        prev_head_last = after && !head.is_empty();
        lines.extend(a);
    }
    // Column breaks inside bodies, with running heads shared by whatever
    // articles sit around them.
    let mut out: Vec<String> = Vec::new();
    let mut since = 0;
    for (role, l) in lines {
        since += 1;
        if role == Role::Body && since >= p.column {
            since = 0;
            out.push(String::new());
            if d.pct(p.furniture) {
                out.extend(furniture(&mut d));
                out.push(String::new());
            }
        }
        out.push(l);
    }
    if d.pct(p.furniture) {
        out.push(String::new());
        out.extend(furniture(&mut d));
    }
    (out.join("\n") + "\n", expected, p.mixed)
}
