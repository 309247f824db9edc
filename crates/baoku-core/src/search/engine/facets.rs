//! Filters, the date range and what is counted over them, in one pass over
//! the query's matches: the hits (every filter and the range), each
//! facet's counts (every filter but the facet's own, so its other values
//! stay visible), and the timeline (no range, no year/month/day filter).

use super::Archive;
use crate::dates::{days_in_month, Ymd};
use crate::search::format::Column;
use crate::search::query::{Facet, SearchRequest};
use std::rc::Rc;

/// A request's filters and date range, resolved against the columns.
pub(super) struct Plan {
    /// Per filtered facet: its index in [`Facet::ALL`] and the wanted
    /// value ids (`u32::MAX` for a value the archive lacks).
    wanted: Vec<(usize, Vec<u32>)>,
    /// Doc ranges `[start, end)` dated within the range, ascending;
    /// `None` when the request has no (valid) bound.
    range: Option<Vec<(u32, u32)>>,
    /// The filter values by facet, listed in their facet even at count 0.
    selected: Vec<(Facet, String)>,
}

/// What one pass over the matches yields.
pub(super) struct Selection {
    /// Docs passing every filter and the range, with scores, doc order.
    pub matched: Vec<(u32, f64)>,
    pub facets: Vec<(Facet, Vec<(String, usize)>)>,
    pub timeline: Vec<(String, usize)>,
}

/// A date bound: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, zero-padded; the first
/// day it names, or with `end` the last. Anything else is `None`.
pub(crate) fn date_bound(s: &str, end: bool) -> Option<Ymd> {
    let s = s.trim();
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
    let ok = match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    };
    if !ok {
        return None;
    }
    let y = num(0..4)? as i32;
    let m = if b.len() >= 7 {
        num(5..7)?
    } else if end {
        12
    } else {
        1
    };
    if !(1..=12).contains(&m) {
        return None;
    }
    let d = if b.len() == 10 {
        num(8..10)?
    } else if end {
        days_in_month(y, m)
    } else {
        1
    };
    Ymd::new(y, m, d)
}

impl Archive {
    /// Resolve `req`'s filters and date range (O(runs), not O(docs)).
    pub(super) fn plan(&self, req: &SearchRequest, extra: Option<&Rc<Vec<Column>>>) -> Plan {
        let mut wanted: Vec<(usize, Vec<u32>)> = Vec::new();
        for (f, v) in &req.filters {
            let fi = f.index();
            let id = self
                .column(fi, extra)
                .values
                .iter()
                .position(|x| x == v)
                .map_or(u32::MAX, |i| i as u32);
            match wanted.iter_mut().find(|w| w.0 == fi) {
                Some(w) => w.1.push(id),
                None => wanted.push((fi, vec![id])),
            }
        }
        let from = req.from.as_deref().and_then(|s| date_bound(s, false));
        let to = req.to.as_deref().and_then(|s| date_bound(s, true));
        let range = (from.is_some() || to.is_some()).then(|| {
            let mut out: Vec<(u32, u32)> = Vec::new();
            for run in &self.meta.dates {
                let Some(d) = run.date.as_deref().and_then(Ymd::parse) else {
                    continue;
                };
                if from.is_some_and(|f| d < f) || to.is_some_and(|t| d > t) {
                    continue;
                }
                let end = run.start + run.len;
                match out.last_mut() {
                    Some(last) if last.1 == run.start => last.1 = end,
                    _ => out.push((run.start, end)),
                }
            }
            out
        });
        Plan {
            wanted,
            range,
            selected: req.filters.clone(),
        }
    }

    /// One pass over `all` (the query's matches, doc order). With `counts`
    /// false only `matched` is filled (for totals).
    pub(super) fn select(
        &self,
        all: &[(u32, f64)],
        plan: &Plan,
        extra: Option<&Rc<Vec<Column>>>,
        counts: bool,
    ) -> Selection {
        let cols: Vec<&Column> = (0..Facet::ALL.len())
            .map(|fi| self.column(fi, extra))
            .collect();
        let mut tally: Vec<Vec<usize>> = cols
            .iter()
            .map(|c| {
                if counts {
                    vec![0; c.values.len()]
                } else {
                    vec![]
                }
            })
            .collect();
        let month = &cols[Facet::Month.index()];
        let mut months = vec![0usize; if counts { month.values.len() } else { 0 }];
        let mut matched = Vec::new();
        let mut at = 0usize; // cursor into the range's doc intervals
        for &(d, score) in all {
            let in_range = match &plan.range {
                None => true,
                Some(r) => {
                    while at < r.len() && r[at].1 <= d {
                        at += 1;
                    }
                    at < r.len() && r[at].0 <= d
                }
            };
            if !counts && !in_range {
                continue;
            }
            // Which filters this doc fails: none, one (which), or more.
            let (mut fails, mut date_fails, mut failed) = (0, 0, usize::MAX);
            for (fi, ids) in &plan.wanted {
                if !cols[*fi].of(d).iter().any(|v| ids.contains(v)) {
                    fails += 1;
                    if Facet::ALL[*fi].is_date() {
                        date_fails += 1;
                    }
                    failed = *fi;
                }
            }
            if !counts {
                if fails == 0 {
                    matched.push((d, score));
                }
                continue;
            }
            if fails == date_fails {
                for &v in month.of(d) {
                    months[v as usize] += 1;
                }
            }
            if !in_range || fails > 1 {
                continue;
            }
            if fails == 0 {
                matched.push((d, score));
                for (c, t) in cols.iter().zip(tally.iter_mut()) {
                    for &v in c.of(d) {
                        t[v as usize] += 1;
                    }
                }
            } else {
                for &v in cols[failed].of(d) {
                    tally[failed][v as usize] += 1;
                }
            }
        }
        if !counts {
            return Selection {
                matched,
                facets: vec![],
                timeline: vec![],
            };
        }
        let facets = Facet::ALL
            .iter()
            .zip(cols.iter().zip(&tally))
            .map(|(&f, (c, t))| {
                let mut v: Vec<(String, usize)> = t
                    .iter()
                    .enumerate()
                    .filter(|(_, &n)| n > 0)
                    .map(|(i, &n)| (c.values[i].clone(), n))
                    .collect();
                for (_, s) in plan.selected.iter().filter(|x| x.0 == f) {
                    if !v.iter().any(|x| x.0 == *s) {
                        v.push((s.clone(), 0));
                    }
                }
                f.sort_values(&mut v);
                (f, v)
            })
            .collect();
        let mut timeline: Vec<(String, usize)> = months
            .iter()
            .enumerate()
            .filter(|(_, &n)| n > 0)
            .map(|(i, &n)| (month.values[i].clone(), n))
            .collect();
        timeline.sort();
        Selection {
            matched,
            facets,
            timeline,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::date_bound;
    use crate::dates::Ymd;

    #[test]
    fn date_bounds() {
        let ymd = |y, m, d| Ymd::new(y, m, d);
        assert_eq!(date_bound("2025", false), ymd(2025, 1, 1));
        assert_eq!(date_bound("2025", true), ymd(2025, 12, 31));
        assert_eq!(date_bound("2024-02", true), ymd(2024, 2, 29));
        assert_eq!(date_bound(" 2025-03 ", false), ymd(2025, 3, 1));
        assert_eq!(date_bound("2025-03-26", true), ymd(2025, 3, 26));
        for bad in [
            "",
            "25",
            "2025-3",
            "2025-13",
            "2025-02-30",
            "2025-03-2x",
            "２０２５",
            "2025/03",
        ] {
            assert_eq!(date_bound(bad, false), None, "{bad}");
        }
    }
}
