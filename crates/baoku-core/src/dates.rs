//! Dates as Chinese news text writes them (2022年1月4日, 3月25日) and the
//! small calendar arithmetic needed to infer an issue date.

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ymd {
    pub y: i32,
    pub m: u32,
    pub d: u32,
}

impl Ymd {
    pub fn new(y: i32, m: u32, d: u32) -> Option<Ymd> {
        ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some(Ymd { y, m, d })
    }

    pub fn parse(s: &str) -> Option<Ymd> {
        let mut it = s.split('-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.parse().ok()?;
        if it.next().is_some() {
            return None;
        }
        Ymd::new(y, m, d)
    }

    pub fn next_day(self) -> Ymd {
        if self.d < days_in_month(self.y, self.m) {
            Ymd {
                d: self.d + 1,
                ..self
            }
        } else if self.m < 12 {
            Ymd {
                m: self.m + 1,
                d: 1,
                ..self
            }
        } else {
            Ymd {
                y: self.y + 1,
                m: 1,
                d: 1,
            }
        }
    }

    fn ordinal(self) -> i64 {
        self.y as i64 * 372 + self.m as i64 * 31 + self.d as i64
    }
}

impl std::fmt::Display for Ymd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// A date written in the text: month and day, with the year if printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
    /// The text as printed (spaces removed), e.g. `2021年12月27日`.
    pub text: String,
}

fn digits_at(cs: &[char], i: usize, max: usize) -> (Option<u32>, usize) {
    let mut j = i;
    let mut v: u32 = 0;
    while j < cs.len() && j - i < max && cs[j].is_ascii_digit() {
        v = v * 10 + cs[j].to_digit(10).unwrap_or(0);
        j += 1;
    }
    if j == i {
        (None, i)
    } else {
        (Some(v), j)
    }
}

/// Every `[YYYY年]M月D日` in `s` (whitespace ignored), in order.
pub fn mentions(s: &str) -> Vec<Mention> {
    let cs: Vec<char> = s.chars().filter(|c| !crate::text::is_space(*c)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        if !cs[i].is_ascii_digit() || (i > 0 && cs[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let start = i;
        let (n1, j) = digits_at(&cs, i, 4);
        let mut year = None;
        let mut k = j;
        let mut month = n1;
        if j - i == 4 && cs.get(j) == Some(&'年') {
            year = n1.map(|v| v as i32);
            let (m, j2) = digits_at(&cs, j + 1, 2);
            month = m;
            k = j2;
        } else if j - i > 2 {
            i = j;
            continue;
        }
        if let Some(m) = month {
            if cs.get(k) == Some(&'月') {
                let (d, j3) = digits_at(&cs, k + 1, 2);
                if let Some(d) = d {
                    if matches!(cs.get(j3), Some('日') | Some('号'))
                        && (1..=12).contains(&m)
                        && (1..=31).contains(&d)
                    {
                        out.push(Mention {
                            year,
                            month: m,
                            day: d,
                            text: cs[start..=j3].iter().collect(),
                        });
                        i = j3 + 1;
                        continue;
                    }
                }
            }
        }
        i = j.max(i + 1);
    }
    out
}

/// Years written as `YYYY年` (1900–2099).
pub fn years(s: &str) -> Vec<i32> {
    let cs: Vec<char> = s.chars().filter(|c| !crate::text::is_space(*c)).collect();
    let mut out = Vec::new();
    for i in 0..cs.len().saturating_sub(4) {
        if (i == 0 || !cs[i - 1].is_ascii_digit())
            && cs[i..i + 4].iter().all(|c| c.is_ascii_digit())
            && cs[i + 4] == '年'
        {
            let y: i32 = cs[i..i + 4].iter().collect::<String>().parse().unwrap_or(0);
            if (1900..2100).contains(&y) {
                out.push(y);
            }
        }
    }
    out
}

/// Give a yearless month/day the year that puts it nearest `reference`.
pub fn resolve_near(month: u32, day: u32, reference: Ymd) -> Option<Ymd> {
    [reference.y - 1, reference.y, reference.y + 1]
        .iter()
        .filter_map(|&y| Ymd::new(y, month, day))
        .min_by_key(|d| (d.ordinal() - reference.ordinal()).abs())
}

/// Resolve a mention against an issue date: an event reported in an issue
/// happened on or before it, within the year before.
pub fn resolve_before(m: &Mention, issue: Ymd) -> Option<Ymd> {
    if let Some(y) = m.year {
        return Ymd::new(y, m.month, m.day);
    }
    [issue.y, issue.y - 1]
        .iter()
        .filter_map(|&y| Ymd::new(y, m.month, m.day))
        .find(|d| *d <= issue)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_dates_with_layout_spaces() {
        let m = mentions("2021 年 12 月 24\n日，又于1月4日和 3 月 25 日，2025年度");
        let t: Vec<_> = m.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(t, vec!["2021年12月24日", "1月4日", "3月25日"]);
        assert_eq!(m[0].year, Some(2021));
        assert_eq!(years("从2020年—2025年，12345年"), vec![2020, 2025]);
    }

    #[test]
    fn calendar() {
        assert_eq!(
            Ymd::new(2021, 12, 31).unwrap().next_day().to_string(),
            "2022-01-01"
        );
        assert_eq!(
            Ymd::new(2024, 2, 28).unwrap().next_day().to_string(),
            "2024-02-29"
        );
        assert!(Ymd::new(2023, 2, 29).is_none());
        let r = Ymd::new(2021, 12, 27).unwrap();
        assert_eq!(resolve_near(1, 4, r).unwrap().to_string(), "2022-01-04");
        assert_eq!(Ymd::parse("2025-03-26").unwrap().to_string(), "2025-03-26");
    }
}
