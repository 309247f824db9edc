//! What to try when a search finds nothing: split a term that matches
//! nothing into pieces that occur (`小巨人奖励` → `小巨人 奖励`), drop one
//! filter, the date range, or one term. Each suggestion carries its exact
//! total; the work is bounded (term length, candidate splits).

use super::terms::TermDocs;
use super::{Archive, Source, Step};
use crate::data::DataError;
use crate::search::query::{is_or, tokens, Query, SearchRequest, Suggestion, Why};
use std::collections::{BTreeSet, HashMap};

/// Suggestions returned, at most.
const MAX_SUGGESTIONS: usize = 4;
/// Longer terms are not split.
const MAX_SPLIT_CHARS: usize = 16;
/// Candidate splits tried per term, at most.
const MAX_SPLITS: usize = 64;

/// A token as typed, rendered back into a query.
fn render(tok: &(String, bool)) -> String {
    if tok.1 {
        format!("\"{}\"", tok.0)
    } else {
        tok.0.clone()
    }
}

/// The query's units: a term, an exclusion, or terms joined by `OR`
/// (tokens kept as typed, operators included).
fn units(query: &str) -> Vec<Vec<(String, bool)>> {
    let toks = tokens(query);
    let mut out: Vec<Vec<(String, bool)>> = Vec::new();
    let mut join = false;
    for (i, t) in toks.iter().enumerate() {
        if is_or(t) && i > 0 && i + 1 < toks.len() && !out.is_empty() {
            out.last_mut().expect("checked").push(t.clone());
            join = true;
        } else if std::mem::take(&mut join) {
            out.last_mut().expect("joined to a unit").push(t.clone());
        } else {
            out.push(vec![t.clone()]);
        }
    }
    out
}

fn join(units: &[Vec<(String, bool)>]) -> String {
    let parts: Vec<String> = units.iter().flatten().map(render).collect();
    parts.join(" ")
}

/// Splits of `n` chars into `pieces` pieces of ≥ 2 chars, as cut points.
fn splits(n: usize, pieces: usize) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut cuts = Vec::new();
    fn rec(at: usize, n: usize, left: usize, cuts: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if out.len() >= MAX_SPLITS {
            return;
        }
        if left == 1 {
            if n - at >= 2 {
                out.push(cuts.clone());
            }
            return;
        }
        for c in at + 2..=n.saturating_sub(2 * (left - 1)) {
            cuts.push(c);
            rec(c, n, left - 1, cuts, out);
            cuts.pop();
        }
    }
    rec(0, n, pieces, &mut cuts, &mut out);
    out
}

impl Archive {
    /// Requests close to `req` that find something, best (most results)
    /// first, at most four; empty when `req` itself finds
    /// something. Asks for files like [`Archive::search`].
    pub fn suggest(
        &self,
        src: &impl Source,
        req: &SearchRequest,
    ) -> Result<Step<Vec<Suggestion>>, DataError> {
        let mut need = BTreeSet::new();
        let base = SearchRequest {
            offset: 0,
            ..req.clone()
        };
        match self.total(src, &base, &mut need)? {
            Some(0) => {}
            Some(_) => return Ok(Step::Done(vec![])),
            None => return Ok(Step::Need(need.into_iter().collect())),
        }
        let units = units(&req.query);
        let mut cands: Vec<(SearchRequest, Why)> = Vec::new();
        match self.split_query(src, &units, &mut need)? {
            Some(Some(q)) => cands.push((
                SearchRequest {
                    query: q,
                    ..base.clone()
                },
                Why::SplitTerms,
            )),
            Some(None) => {}
            None => return Ok(Step::Need(need.into_iter().collect())),
        }
        let mut seen = BTreeSet::new();
        for (i, f) in req.filters.iter().enumerate() {
            if seen.insert(f) {
                let mut filters = req.filters.clone();
                filters.remove(i);
                filters.retain(|x| x != f);
                let r = SearchRequest {
                    filters,
                    ..base.clone()
                };
                cands.push((r, Why::DropFilter(f.0, f.1.clone())));
            }
        }
        if req.from.is_some() || req.to.is_some() {
            let r = SearchRequest {
                from: None,
                to: None,
                ..base.clone()
            };
            cands.push((r, Why::DropDateRange));
        }
        if units.len() > 1 {
            for i in 0..units.len() {
                let mut rest = units.clone();
                let gone = rest.remove(i);
                let r = SearchRequest {
                    query: join(&rest),
                    ..base.clone()
                };
                cands.push((r, Why::DropTerm(join(&[gone]))));
            }
        }
        let mut out: Vec<Suggestion> = Vec::new();
        for (request, why) in cands {
            if out.iter().any(|s| s.request == request) {
                continue;
            }
            if let Some(total) = self.total(src, &request, &mut need)? {
                if total > 0 {
                    out.push(Suggestion {
                        request,
                        total,
                        why,
                    });
                }
            }
        }
        if !need.is_empty() {
            return Ok(Step::Need(need.into_iter().collect()));
        }
        // Stable: among equal totals the rule order above stands.
        out.sort_by_key(|s| std::cmp::Reverse(s.total));
        out.truncate(MAX_SUGGESTIONS);
        Ok(Step::Done(out))
    }

    /// Exact total of `req` (no hits, no counts); `None` while files are
    /// missing (added to `need`).
    fn total(
        &self,
        src: &impl Source,
        req: &SearchRequest,
        need: &mut BTreeSet<String>,
    ) -> Result<Option<usize>, DataError> {
        let q = Query::parse(&req.query, &self.folder);
        let all = match self.query_matches(src, &q)? {
            Step::Done(m) => m,
            Step::Need(n) => {
                need.extend(n);
                return Ok(None);
            }
        };
        let extra = match self.extras_for(src, &req.filters)? {
            Step::Done(x) => x,
            Step::Need(n) => {
                need.extend(n);
                return Ok(None);
            }
        };
        let plan = self.plan(req, extra.as_ref());
        Ok(Some(
            self.select(&all, &plan, extra.as_ref(), false)
                .matched
                .len(),
        ))
    }

    /// The query with every plain term that matches nothing split into
    /// pieces that occur; `Some(None)` when there is nothing to split,
    /// `None` while files are missing.
    fn split_query(
        &self,
        src: &impl Source,
        units: &[Vec<(String, bool)>],
        need: &mut BTreeSet<String>,
    ) -> Result<Option<Option<String>>, DataError> {
        let mut out = units.to_vec();
        let mut changed = false;
        for u in out.iter_mut() {
            let [(raw, false)] = &u[..] else { continue };
            if raw.starts_with(['-', '－']) || raw.contains(['|', '｜']) {
                continue;
            }
            let n = raw.chars().count();
            if !(3..=MAX_SPLIT_CHARS).contains(&n) {
                continue;
            }
            let folded = self.folder.fold(raw);
            let before = need.len();
            let Some(whole) = self.term(src, &folded, need)? else {
                continue;
            };
            if need.len() > before || !whole.docs.is_empty() {
                continue;
            }
            match self.split_term(src, raw, need)? {
                Some(Some(pieces)) => {
                    *u = pieces.into_iter().map(|p| (p, false)).collect();
                    changed = true;
                }
                Some(None) => {}
                None => return Ok(None),
            }
        }
        if !need.is_empty() {
            return Ok(None);
        }
        Ok(Some(changed.then(|| join(&out))))
    }

    /// The best split of `raw`: fewest pieces (two, then three), every
    /// piece occurring, most documents holding them all.
    fn split_term(
        &self,
        src: &impl Source,
        raw: &str,
        need: &mut BTreeSet<String>,
    ) -> Result<Option<Option<Vec<String>>>, DataError> {
        let cs: Vec<char> = raw.chars().collect();
        let mut memo: HashMap<String, TermDocs> = HashMap::new();
        for pieces in 2..=3 {
            let cands = splits(cs.len(), pieces);
            let before = need.len();
            let cut = |cuts: &[usize]| -> Vec<String> {
                let mut at = 0;
                let mut v = Vec::new();
                for &c in cuts.iter().chain(std::iter::once(&cs.len())) {
                    v.push(cs[at..c].iter().collect::<String>());
                    at = c;
                }
                v
            };
            for cuts in &cands {
                for p in cut(cuts) {
                    let f = self.folder.fold(&p);
                    if f.chars().count() < 2 || memo.contains_key(&f) {
                        continue;
                    }
                    if let Some(td) = self.term(src, &f, need)? {
                        memo.insert(f, td);
                    }
                }
            }
            if need.len() > before {
                return Ok(None);
            }
            let mut best: Option<(usize, Vec<String>)> = None;
            for cuts in &cands {
                let ps = cut(cuts);
                let mut docs: Option<Vec<u32>> = None;
                for p in &ps {
                    let d = memo.get(&self.folder.fold(p)).map_or(&[][..], |t| &t.docs);
                    docs = Some(match docs {
                        None => d.to_vec(),
                        Some(mut acc) => {
                            acc.retain(|x| d.binary_search(x).is_ok());
                            acc
                        }
                    });
                }
                let n = docs.map_or(0, |d| d.len());
                if n > 0 && best.as_ref().is_none_or(|b| n > b.0) {
                    best = Some((n, ps));
                }
            }
            if let Some((_, ps)) = best {
                return Ok(Some(Some(ps)));
            }
        }
        Ok(Some(None))
    }
}

#[cfg(test)]
mod tests {
    use super::{splits, units};

    #[test]
    fn splits_keep_pieces_of_two_chars() {
        assert_eq!(splits(5, 2), vec![vec![2], vec![3]]);
        assert_eq!(splits(6, 3), vec![vec![2, 4]]);
        assert!(splits(3, 2).is_empty());
    }

    #[test]
    fn units_keep_or_chains_together() {
        let u = units("a OR b \"c d\" -e");
        assert_eq!(u.len(), 3);
        assert_eq!(super::join(&u), "a OR b \"c d\" -e");
    }
}
