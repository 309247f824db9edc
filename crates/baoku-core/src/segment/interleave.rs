//! Interleave: columns read line by line across the page. Layout rule owned
//! here: when columns' lines sit on the same baselines, an extractor may
//! read the page row by row, so one run of text alternates between two or
//! three columns (line 1 of column A, line 1 of column B, line 2 of A, …).
//! A column's lines run on into each other — the two characters across a
//! line break are a pair the page uses elsewhere — while lines of different
//! columns do not. A run where lines k apart join clearly better than
//! neighbours is split back into its k columns (a beam search over which
//! column each line continues), each column then read whole, in the order
//! their first lines were read.

use super::account::CharHasher;
use crate::text::{ends_sentence, is_han, is_space, visible_len};
use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::BuildHasherDefault;

/// The character pairs met inside the page's lines.
type Pairs = HashSet<(char, char), BuildHasherDefault<CharHasher>>;

/// A run shorter than this (lines) is left alone: too little to tell.
const RUN_MIN: usize = 8;
/// A run longer than this is left alone (no printed page has one).
const RUN_MAX: usize = 4_000;
/// Lines searched on one page at most, over all its runs.
const PAGE_LINES_MAX: usize = 8_000;
/// Columns whose usual line is narrower than this are not text columns.
const WIDTH_MIN: usize = 6;
/// A column re-read holds at least this many lines.
const COLUMN_MIN: usize = 3;
/// Partial readings kept at each line.
const BEAM: usize = 64;
/// A line whose column is not the one that followed the previous line's
/// column last time costs this much.
const CHANGE_COST: f32 = 1.0;
/// How much better, over the whole run, the columns must read than the
/// text as extracted: at least this many junctions' worth…
const GAIN_MIN: f32 = 4.0;
/// …and this share of the run's lines.
const GAIN_SHARE: f32 = 0.08;

/// What a seam reads of a line: whether it ends a sentence, its last and
/// its first visible character.
#[derive(Clone, Copy)]
struct Ends {
    finished: bool,
    last: Option<char>,
    first: Option<char>,
}

impl Ends {
    fn of(l: &str) -> Ends {
        let t = l.trim_matches(is_space);
        Ends {
            finished: ends_sentence(t),
            last: t.chars().next_back(),
            first: t.chars().next(),
        }
    }
}

/// Score of line `b` running on from line `a` in one column.
fn junction(pairs: &Pairs, a: Ends, b: Ends) -> f32 {
    if a.finished {
        // A new paragraph may follow a finished sentence.
        return 0.0;
    }
    let (Some(x), Some(y)) = (a.last, b.first) else {
        return 0.0;
    };
    if matches!(
        y,
        '，' | '。' | '、' | '；' | '：' | '）' | '”' | '’' | '％'
    ) {
        // Punctuation wrapped onto the next line continues a sentence.
        return 1.0;
    }
    if !(is_han(x) || x.is_alphanumeric()) || !(is_han(y) || y.is_alphanumeric()) {
        return 0.0;
    }
    if pairs.contains(&(x, y)) {
        1.0
    } else {
        -0.5
    }
}

/// Adjacent character pairs inside the page's lines.
fn page_pairs(lines: &[&str]) -> Pairs {
    let mut pairs = Pairs::default();
    for l in lines {
        let mut prev: Option<char> = None;
        for c in l.chars().filter(|c| !is_space(*c)) {
            if let Some(p) = prev {
                pairs.insert((p, c));
            }
            prev = Some(c);
        }
    }
    pairs
}

/// How many line pairs `lag` apart join as a column would.
fn lag_joins(pairs: &Pairs, run: &[Ends], lag: usize) -> usize {
    (lag..run.len())
        .filter(|&i| junction(pairs, run[i - lag], run[i]) > 0.5)
        .count()
}

type Key = ([Option<u32>; 3], [Option<u8>; 3], u8);

#[derive(Clone, Copy)]
struct State {
    /// Last line of each column so far.
    tails: [Option<u32>; 3],
    /// The column that last followed each column.
    succ: [Option<u8>; 3],
    last: u8,
    score: f32,
    joins: f32,
    /// Index of the state this one grew from at the previous line.
    parent: u32,
}

/// The best reading of `run` as `k` columns: each line's column, and the
/// junction score of that reading.
fn split_columns(pairs: &Pairs, run: &[Ends], k: usize) -> (Vec<u8>, f32) {
    let start = State {
        tails: [None; 3],
        succ: [None; 3],
        last: 0,
        score: 0.0,
        joins: 0.0,
        parent: 0,
    };
    let mut steps: Vec<Vec<State>> = Vec::with_capacity(run.len());
    let mut beam = vec![start];
    for (i, line) in run.iter().enumerate() {
        let mut next: Vec<(Key, State)> = Vec::with_capacity(beam.len() * k);
        for (pi, s) in beam.iter().enumerate() {
            for f in 0..k {
                let j = s.tails[f].map_or(0.0, |t| junction(pairs, run[t as usize], *line));
                // Rows are read across: the next column is the usual step.
                // Columns keep their order along a row, and from row to
                // row until one column's lines shift (a paragraph gap, a
                // heading): the column after this one is the one that
                // followed it last time.
                let prior = match s.succ[s.last as usize] {
                    _ if i == 0 => 0.0,
                    Some(g) if g as usize == f => 0.0,
                    Some(_) => -CHANGE_COST,
                    None if f == s.last as usize => -CHANGE_COST,
                    None => -CHANGE_COST / 2.0,
                };
                let mut tails = s.tails;
                tails[f] = Some(i as u32);
                let mut succ = s.succ;
                if s.tails[s.last as usize].is_some() {
                    succ[s.last as usize] = Some(f as u8);
                }
                let n = State {
                    tails,
                    succ,
                    last: f as u8,
                    score: s.score + j + prior,
                    joins: s.joins + j,
                    parent: pi as u32,
                };
                next.push(((tails, succ, f as u8), n));
            }
        }
        // One state per key (the best), then the best states; ties broken
        // by the key: the same page always reads the same.
        next.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.score.total_cmp(&a.1.score)));
        next.dedup_by(|later, first| later.0 == first.0);
        next.sort_by(|a, b| b.1.score.total_cmp(&a.1.score).then_with(|| a.0.cmp(&b.0)));
        next.truncate(BEAM);
        beam = next.into_iter().map(|(_, s)| s).collect();
        steps.push(beam.clone());
    }
    // Walk back from the best final state.
    let mut cols = vec![0u8; run.len()];
    let Some(last) = steps.last() else {
        return (cols, 0.0);
    };
    let joins = last.first().map_or(0.0, |s| s.joins);
    let mut idx = 0usize;
    for i in (0..run.len()).rev() {
        let s = steps[i][idx];
        cols[i] = s.last;
        idx = s.parent as usize;
    }
    (cols, joins)
}

/// The run read column by column, if it was read across rows.
fn reread(pairs: &Pairs, run: &[&str]) -> Option<Vec<Vec<usize>>> {
    if run.len() < RUN_MIN || run.len() > RUN_MAX {
        return None;
    }
    // Columns of text: lines a few characters wide at least.
    if usual_width(run) < WIDTH_MIN {
        return None;
    }
    let ends: Vec<Ends> = run.iter().map(|l| Ends::of(l)).collect();
    let as_read: f32 = ends.windows(2).map(|w| junction(pairs, w[0], w[1])).sum();
    let direct = lag_joins(pairs, &ends, 1);
    let mut best: Option<(f32, Vec<u8>, usize)> = None;
    for k in 2..=3 {
        // Lines k apart must join clearly more often than neighbours.
        if lag_joins(pairs, &ends, k) <= direct + 1 {
            continue;
        }
        let (cols, joins) = split_columns(pairs, &ends, k);
        // A third column must earn its place: it can always take a few odd
        // lines.
        let extra = if best.is_some() { GAIN_MIN } else { 0.0 };
        if best.as_ref().is_none_or(|b| joins > b.0 + extra) {
            best = Some((joins, cols, k));
        }
    }
    let (joins, cols, k) = best?;
    let need = GAIN_MIN.max(GAIN_SHARE * run.len() as f32);
    if joins - as_read < need {
        return None;
    }
    // Columns in the order their first lines were read (a row is read
    // from the left).
    let mut groups: Vec<Vec<usize>> = (0..k as u8)
        .map(|f| (0..run.len()).filter(|&i| cols[i] == f).collect())
        .filter(|g: &Vec<usize>| !g.is_empty())
        .collect();
    groups.sort_by_key(|g| g[0]);
    (groups.len() >= 2 && groups.iter().all(|g| g.len() >= COLUMN_MIN)).then_some(groups)
}

/// The usual (median) width of the lines, in characters; 0 without lines.
fn usual_width(lines: &[&str]) -> usize {
    let mut widths: Vec<usize> = lines.iter().map(|l| visible_len(l)).collect();
    widths.sort_unstable();
    widths.get(widths.len() / 2).copied().unwrap_or(0)
}

/// The run with each line that holds two columns' lines side by side (a
/// space between two halves, each about a usual line wide) cut in two at
/// the space that leaves the halves nearest a usual line each.
fn split_merged<'a>(run: &[&'a str]) -> Vec<&'a str> {
    let usual = usual_width(run);
    let mut out = Vec::with_capacity(run.len());
    for &l in run {
        let total = visible_len(l);
        let mut cut: Option<(usize, usize)> = None;
        if total * 2 >= usual * 3 && usual >= 4 {
            // Visible characters before each space, counted as we go.
            let mut before = 0;
            let mut prev_space = true;
            for (b, c) in l.char_indices() {
                if is_space(c) {
                    let after = total - before;
                    if !prev_space && before * 3 >= usual * 2 && after * 3 >= usual * 2 {
                        let off = before.abs_diff(usual) + after.abs_diff(usual);
                        if cut.is_none_or(|(_, o)| off < o) {
                            cut = Some((b, off));
                        }
                    }
                    prev_space = true;
                } else {
                    before += 1;
                    prev_space = false;
                }
            }
        }
        match cut {
            Some((b, _)) => {
                out.push(l[..b].trim_end_matches(is_space));
                out.push(l[b..].trim_start_matches(is_space));
            }
            None => out.push(l),
        }
    }
    out
}

/// The page with each run of lines read across columns re-read column by
/// column (a blank line between columns); unchanged when none was.
pub(super) fn deinterleave(page: &str) -> Cow<'_, str> {
    let lines: Vec<&str> = page.split('\n').collect();
    if lines.len() < RUN_MIN {
        return Cow::Borrowed(page);
    }
    let pairs = page_pairs(&lines);
    let mut out: Vec<&str> = Vec::with_capacity(lines.len());
    let mut changed = false;
    // Lines the search may read on one page (a printed page has a few
    // hundred): a crafted page costs at most this much.
    let mut budget = PAGE_LINES_MAX;
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim_matches(is_space).is_empty() {
            out.push(lines[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && !lines[i].trim_matches(is_space).is_empty() {
            i += 1;
        }
        if i - start > RUN_MAX || budget < i - start {
            out.extend_from_slice(&lines[start..i]);
            continue;
        }
        let split = split_merged(&lines[start..i]);
        let run = &split[..];
        if run.len() >= RUN_MIN {
            budget = budget.saturating_sub(run.len());
        }
        match reread(&pairs, run) {
            Some(groups) => {
                changed = true;
                for (n, g) in groups.iter().enumerate() {
                    if n > 0 {
                        out.push("");
                    }
                    out.extend(g.iter().map(|&j| run[j]));
                }
            }
            None => out.extend_from_slice(&lines[start..i]),
        }
    }
    if changed {
        Cow::Owned(out.join("\n"))
    } else {
        Cow::Borrowed(page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PageMeta;
    use crate::segment::segment_page;

    /// Text wrapped into lines of `width` characters.
    fn wrap(text: &str, width: usize) -> Vec<String> {
        let cs: Vec<char> = text.chars().collect();
        cs.chunks(width).map(|c| c.iter().collect()).collect()
    }

    fn columns() -> (Vec<String>, Vec<String>) {
        let a: String = (1..=8)
            .map(|k| {
                format!("临清市推行容缺办理，第{k}批房地产企业缓缴土地出让金，减轻了企业负担。")
            })
            .collect();
        let b: String = (1..=8)
            .map(|k| format!("聊城海关为金号家纺签发原产地证书，第{k}批货物通关节省税款近万元。"))
            .collect();
        (wrap(&a, 13), wrap(&b, 13))
    }

    /// Row by row: a line of each column in turn, the columns' order in a
    /// row changing once (one column's lines shifted by a paragraph gap).
    fn across(a: &[String], b: &[String]) -> Vec<String> {
        let mut out = Vec::new();
        for i in 0..a.len().max(b.len()) {
            let row = [a.get(i), b.get(i)];
            let row: Vec<&String> = if i < 9 {
                row.into_iter().flatten().collect()
            } else {
                row.into_iter().rev().flatten().collect()
            };
            out.extend(row.into_iter().cloned());
        }
        out
    }

    #[test]
    fn two_columns_read_across_rows_are_read_column_by_column() {
        let (a, b) = columns();
        let page = across(&a, &b).join("\n");
        let got = deinterleave(&page);
        let want = format!("{}\n\n{}", a.join("\n"), b.join("\n"));
        assert_eq!(got, want);
    }

    #[test]
    fn columns_read_one_after_the_other_are_left_alone() {
        let (a, b) = columns();
        for page in [
            format!("{}\n\n{}", a.join("\n"), b.join("\n")),
            format!("{}\n{}", a.join("\n"), b.join("\n")),
        ] {
            assert!(matches!(deinterleave(&page), Cow::Borrowed(_)), "{page}");
        }
    }

    /// Two columns' lines printed side by side on one line are two lines.
    #[test]
    fn a_line_holding_two_columns_is_cut_in_two() {
        let run = [
            "一二三四五六七八九十",
            "甲乙丙丁戊己庚辛壬癸 子丑寅卯辰巳午未申酉",
            "天地玄黄宇宙洪荒日月",
        ];
        assert_eq!(
            split_merged(&run),
            vec![
                "一二三四五六七八九十",
                "甲乙丙丁戊己庚辛壬癸",
                "子丑寅卯辰巳午未申酉",
                "天地玄黄宇宙洪荒日月"
            ]
        );
        // A headline with a space in it is not two lines.
        let run = [
            "一二三四五六七八九十",
            "护一泓碧水 惠一方百姓",
            "天地玄黄宇宙洪荒日月",
        ];
        assert_eq!(split_merged(&run), run.to_vec());
    }

    /// Two stories set side by side and read across: each article keeps its
    /// own byline and text.
    #[test]
    fn stories_read_across_rows_segment_as_when_read_down() {
        let (a, b) = columns();
        let mut a = a;
        let mut b = b;
        a.insert(0, "■ 本报记者 张三".into());
        b.insert(0, "■ 本报记者 李四".into());
        let page = format!(
            "容缺办理减轻企业负担\n\n海关签发原产地证书\n\n{}\n",
            across(&a, &b).join("\n")
        );
        let arts = segment_page("p.txt", &page, &PageMeta::default());
        assert_eq!(arts.len(), 2, "{arts:#?}");
        assert_eq!(arts[0].reporters, vec!["张三"], "{arts:#?}");
        assert!(!arts[0].paragraphs.concat().contains("海关"), "{arts:#?}");
        assert_eq!(arts[1].reporters, vec!["李四"], "{arts:#?}");
        assert!(!arts[1].paragraphs.concat().contains("容缺"), "{arts:#?}");
    }
}
