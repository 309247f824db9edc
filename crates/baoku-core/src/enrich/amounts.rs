//! Money amounts: `3000万元`, `1.3亿元`, `8000余万元`, `两亿元`, `超1亿元`,
//! layout-spaced `114.89 亿元`, ranges `50万至100万元` and lists
//! `2000万、1亿、5亿元`.
//!
//! Only a numeral phrase that ends in 元 (after an optional 万/亿/千万…) is
//! an amount, so years (2025年), percentages (8.16%) and counts (207家) never
//! are. Values are computed with integer arithmetic in units of 1/10 000
//! yuan, so `114.89亿元` is exactly 11 489 000 000.

use crate::model::Amount;
use crate::text::is_space;

/// Fixed-point scale of intermediate values (1 unit = 1/SCALE yuan).
const SCALE: u128 = 10_000;

/// Amounts in one paragraph, in reading order.
pub fn amounts_in(paragraph: &str, paragraph_index: u32) -> Vec<Amount> {
    let chars: Vec<char> = paragraph.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !starts_number(&chars, i) {
            i += 1;
            continue;
        }
        // A chain of phrases joined by range/list connectors; only a chain
        // that ends in 元 yields amounts.
        let mut chain: Vec<Phrase> = Vec::new();
        let mut at = i;
        let mut done = false;
        while let Some(p) = parse_phrase(&chars, at) {
            let end = p.end;
            let yuan = p.yuan;
            chain.push(p);
            if yuan {
                done = true;
                break;
            }
            match connector_after(&chars, end) {
                Some((next, is_list)) if starts_number(&chars, next) => {
                    // A list item must carry its own 万/亿; a range end may
                    // lend it ("50至100万元").
                    if is_list && chain.last().is_some_and(|p| p.last_mag.is_none()) {
                        break;
                    }
                    at = next;
                }
                _ => break,
            }
        }
        let next_i = chain.last().map_or(i + 1, |p| p.end.max(i + 1));
        if done {
            let lend = chain.last().and_then(|p| p.last_mag);
            for p in &chain {
                let mut units = p.units;
                if p.last_mag.is_none() && !p.yuan {
                    if let Some(m) = lend {
                        units = units.saturating_mul(m);
                    }
                }
                // 数百万元, 几十万元: no figure is given.
                if p.start > 0
                    && matches!(chars[p.start - 1], '数' | '几')
                    && cn_digit(chars[p.start]).is_none()
                    && digit(chars[p.start]).is_none()
                {
                    continue;
                }
                let (prefix_start, prefix_approx) = approx_prefix(&chars, p.start);
                let text: String = chars[prefix_start..p.end]
                    .iter()
                    .filter(|c| !is_space(**c))
                    .collect();
                let yuan = units / SCALE;
                if yuan == 0 {
                    continue;
                }
                out.push(Amount {
                    text,
                    yuan: u64::try_from(yuan).unwrap_or(u64::MAX),
                    approx: p.approx || prefix_approx,
                    paragraph: paragraph_index,
                    offset: prefix_start as u32,
                });
            }
        }
        i = next_i;
    }
    out
}

/// One numeral phrase such as `114.89 亿元` or `50万`.
#[derive(Debug)]
struct Phrase {
    start: usize,
    end: usize,
    units: u128,
    /// The last magnitude (万, 亿…) as a multiplier, if any.
    last_mag: Option<u128>,
    approx: bool,
    /// Ends in 元.
    yuan: bool,
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn cn_digit(c: char) -> Option<u128> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn small_mag(c: char) -> Option<u128> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        _ => None,
    }
}

fn is_numeral(c: char) -> bool {
    digit(c).is_some() || cn_digit(c).is_some() || small_mag(c).is_some() || c == '.' || c == '．'
}

fn starts_number(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    let prev = i.checked_sub(1).map(|p| chars[p]);
    if digit(c).is_some() {
        // Not in the middle of a number, nor after a Latin letter (model
        // names such as "A3").
        !prev.is_some_and(|p| {
            digit(p).is_some() || matches!(p, '.' | '．' | ',') || p.is_ascii_alphabetic()
        })
    } else if cn_digit(c).is_some() || small_mag(c).is_some() {
        !prev.is_some_and(is_numeral)
    } else {
        false
    }
}

fn skip_spaces(chars: &[char], mut i: usize) -> usize {
    while i < chars.len() && is_space(chars[i]) {
        i += 1;
    }
    i
}

/// Parse a numeral phrase at `i`: digits or Chinese numerals, 余/多,
/// magnitudes, and an optional final 元. Layout spaces are allowed between
/// the number, the magnitude and 元.
fn parse_phrase(chars: &[char], start: usize) -> Option<Phrase> {
    let mut i = start;
    let mut total: u128 = 0; // finished 万/亿 sections
    let mut section: u128 = 0; // below 万
    let mut current: Option<u128> = None; // a number not yet multiplied
    let mut saw_arabic = false;
    let mut saw_cn_mag = false;
    let mut cn_chars = 0usize;
    let mut last_mag = None;
    let mut approx = false;
    let mut any = false;
    while let Some(&c) = chars.get(i) {
        if digit(c).is_some() {
            if current.is_some() {
                break;
            }
            let (v, end) = arabic(chars, i)?;
            current = Some(v);
            saw_arabic = true;
            any = true;
            i = end;
        } else if let Some(d) = cn_digit(c) {
            if current.is_some() && d != 0 {
                break;
            }
            if d != 0 {
                current = Some(d * SCALE);
            }
            cn_chars += 1;
            any = true;
            i += 1;
        } else if let Some(m) = small_mag(c) {
            // "五千", and "3千万" (an Arabic number times 千).
            section = section.saturating_add(current.take().unwrap_or(SCALE).saturating_mul(m));
            saw_cn_mag = true;
            cn_chars += 1;
            any = true;
            last_mag = Some(m);
            i += 1;
        } else if (c == '万' || c == '亿') && any {
            let m: u128 = if c == '万' { 10_000 } else { 100_000_000 };
            let here = section.saturating_add(current.take().unwrap_or(0));
            if c == '亿' {
                total = total.saturating_add(here).saturating_mul(m);
            } else if here == 0 {
                total = total.saturating_mul(m);
            } else {
                total = total.saturating_add(here.saturating_mul(m));
            }
            section = 0;
            saw_cn_mag = true;
            cn_chars += 1;
            last_mag = Some(last_mag.filter(|&l| l < 10_000).map_or(m, |l| l * m));
            i += 1;
        } else if (c == '余' || c == '多') && any {
            approx = true;
            i += 1;
        } else if is_space(c) && any {
            let j = skip_spaces(chars, i);
            match chars.get(j) {
                Some('万' | '亿' | '元' | '余' | '多') => i = j,
                _ => break,
            }
        } else {
            break;
        }
    }
    if !any {
        return None;
    }
    let units = total
        .saturating_add(section)
        .saturating_add(current.unwrap_or(0));
    // Chinese numerals alone need a magnitude (十/百/千/万/亿) and at least
    // two characters: "一元化", "二元结构" are not money.
    if !saw_arabic && (!saw_cn_mag || cn_chars < 2) {
        return None;
    }
    let mut end = i;
    let mut yuan = false;
    if starts_with(chars, i, "人民币") && last_mag.is_some_and(|m| m >= 10_000) {
        // 5亿人民币: the currency named instead of 元.
        yuan = true;
        end = i + 3;
    } else if chars.get(i) == Some(&'元') && !yuan_word(chars.get(i + 1).copied()) {
        yuan = true;
        end = i + 1;
        let j = skip_spaces(chars, end);
        for tail in ["左右", "以上", "以下", "上下", "多"] {
            if starts_with(chars, j, tail) {
                approx = true;
                end = j + tail.chars().count();
                break;
            }
        }
    }
    Some(Phrase {
        start,
        end,
        units,
        last_mag: if saw_arabic || saw_cn_mag {
            last_mag.filter(|&m| m >= 10_000)
        } else {
            None
        },
        approx,
        yuan,
    })
}

/// 元 that begins a word rather than ending an amount: 元旦, 元宵, 元素…
fn yuan_word(next: Option<char>) -> bool {
    matches!(
        next,
        // 百亿元级 (a scale, "hundred-billion class") is no amount either.
        Some('旦' | '宵' | '素' | '化' | '件' | '器' | '首' | '老' | '帅' | '年' | '月' | '级')
    )
}

/// An Arabic decimal at `i` ("114.89", "1,000", "３０００"), as units.
fn arabic(chars: &[char], mut i: usize) -> Option<(u128, usize)> {
    let mut int: u128 = 0;
    let mut frac: u128 = 0;
    let mut frac_scale: u128 = 1;
    let mut in_frac = false;
    let mut ok = false;
    while let Some(&c) = chars.get(i) {
        if let Some(d) = digit(c) {
            ok = true;
            if in_frac {
                if frac_scale < SCALE {
                    frac = frac * 10 + u128::from(d);
                    frac_scale *= 10;
                }
            } else {
                int = int.checked_mul(10)?.checked_add(u128::from(d))?;
            }
            i += 1;
        } else if (c == '.' || c == '．')
            && !in_frac
            && chars.get(i + 1).and_then(|&n| digit(n)).is_some()
        {
            in_frac = true;
            i += 1;
        } else if c == ','
            && !in_frac
            && (1..=3).all(|k| chars.get(i + k).and_then(|&n| digit(n)).is_some())
            && chars.get(i + 4).and_then(|&n| digit(n)).is_none()
        {
            i += 1;
        } else {
            break;
        }
    }
    ok.then(|| {
        (
            int.saturating_mul(SCALE)
                .saturating_add(frac * (SCALE / frac_scale)),
            i,
        )
    })
}

fn starts_with(chars: &[char], i: usize, word: &str) -> bool {
    let w: Vec<char> = word.chars().collect();
    chars.get(i..i + w.len()).is_some_and(|s| s == w.as_slice())
}

/// A range or list connector after a phrase: returns where the next phrase
/// starts and whether the connector is a list separator (、).
fn connector_after(chars: &[char], end: usize) -> Option<(usize, bool)> {
    let i = skip_spaces(chars, end);
    let c = *chars.get(i)?;
    let (len, list) = match c {
        '至' | '到' | '-' | '–' | '~' | '～' | '－' => (1, false),
        '—' if chars.get(i + 1) == Some(&'—') => (2, false),
        '—' => (1, false),
        '、' => (1, true),
        _ => return None,
    };
    Some((skip_spaces(chars, i + len), list))
}

/// Approximation words just before an amount: 近, 约, 超, 逾, 超过, 大约,
/// 将近, 接近, 不到 — but not 最近/附近 or 节约/签约 (other words).
fn approx_prefix(chars: &[char], start: usize) -> (usize, bool) {
    let j = {
        let mut j = start;
        while j > 0 && is_space(chars[j - 1]) {
            j -= 1;
        }
        j
    };
    for w in ["超过", "大约", "将近", "接近", "不到", "高达"] {
        let n = w.chars().count();
        if j >= n && starts_with(chars, j - n, w) {
            return (j - n, w != "高达");
        }
    }
    if j >= 1 {
        let c = chars[j - 1];
        let before = if j >= 2 { Some(chars[j - 2]) } else { None };
        let ok = match c {
            '近' => !matches!(before, Some('最' | '附' | '临' | '就')),
            '约' => !matches!(
                before,
                Some('节' | '签' | '合' | '制' | '预' | '特' | '履' | '违' | '公' | '条')
            ),
            '超' => !matches!(before, Some('赶')),
            '逾' => true,
            // 营收过10亿元 ("over"), not 通过/经过/不过.
            '过' => !matches!(
                before,
                Some(
                    '通' | '经'
                        | '不'
                        | '度'
                        | '跨'
                        | '越'
                        | '错'
                        | '路'
                        | '超'
                        | '看'
                        | '做'
                        | '说'
                        | '去'
                )
            ),
            // 上千万元 ("upwards of"), but not 以上/之上 before a figure.
            '上' => {
                !matches!(before, Some('以' | '之' | '年' | '月' | '日' | '线' | '马'))
                    && cn_digit(chars[start]).is_none()
                    && digit(chars[start]).is_none()
            }
            _ => false,
        };
        if ok {
            return (j - 1, true);
        }
    }
    (start, false)
}

#[cfg(test)]
#[path = "amounts_tests.rs"]
mod tests;
