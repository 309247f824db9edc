//! One term's documents: a doc list for 1–2 characters; for longer terms,
//! the covering bigrams' doc lists intersected, then their positions
//! checked in the candidate documents only.

use super::{corrupt, Archive};
use crate::data::DataError;
use crate::search::format::{
    bigram_key, decode_piece, find_in_gram_chunk, impact_norm, k_from_impact, paths, unigram_key,
    Postings, HEAD, K1,
};
use crate::search::store::Source;
use std::collections::{BTreeSet, HashMap};

/// Documents containing one term, by doc number, with BM25 tf parts.
#[derive(Debug, Default, Clone)]
pub(super) struct TermDocs {
    pub(super) docs: Vec<u32>,
    pub(super) norm: Vec<f64>,
    pub(super) head: Vec<bool>,
}

impl Archive {
    /// A gram's postings: `Ok(None)` when it never occurs; its chunk's path
    /// goes to `need` when not fetched yet.
    fn postings(
        &self,
        src: &impl Source,
        key: u64,
        need: &mut BTreeSet<String>,
    ) -> Result<Option<Postings>, DataError> {
        let Some(c) = self.meta.chunk_of(key) else {
            return Ok(None);
        };
        let path = paths::gram_chunk(c);
        let Some(bytes) = src.get(&path) else {
            need.insert(path);
            return Ok(None);
        };
        find_in_gram_chunk(bytes, key, self.meta.docs, self.manifest.pos_chunks)
            .map_err(|e| corrupt(&path, e))
    }

    /// Resolve one folded term; `None` while files are missing.
    pub(super) fn term(
        &self,
        src: &impl Source,
        term: &str,
        need: &mut BTreeSet<String>,
    ) -> Result<Option<TermDocs>, DataError> {
        let cs: Vec<char> = term.chars().collect();
        let before = need.len();
        if cs.len() <= 2 {
            let key = match cs[..] {
                [a] => unigram_key(a),
                [a, b] => bigram_key(a, b),
                _ => return Ok(Some(TermDocs::default())),
            };
            let p = self.postings(src, key, need)?;
            if need.len() > before {
                return Ok(None);
            }
            let p = p.unwrap_or_default();
            return Ok(Some(TermDocs {
                norm: p.impacts.iter().map(|&i| impact_norm(i)).collect(),
                head: p.impacts.iter().map(|&i| i & HEAD != 0).collect(),
                docs: p.docs,
            }));
        }
        // Covering bigrams: offsets 0, 2, 4, … and L−2.
        let l = cs.len();
        let mut offsets: Vec<usize> = (0..l - 1).step_by(2).collect();
        if offsets.last() != Some(&(l - 2)) {
            offsets.push(l - 2);
        }
        let mut lists: HashMap<u64, Postings> = HashMap::new();
        let mut absent = false;
        for &k in &offsets {
            let key = bigram_key(cs[k], cs[k + 1]);
            if lists.contains_key(&key) {
                continue;
            }
            match self.postings(src, key, need)? {
                Some(p) => {
                    lists.insert(key, p);
                }
                None => absent = true,
            }
        }
        if need.len() > before {
            return Ok(None);
        }
        if absent {
            return Ok(Some(TermDocs::default()));
        }
        let keys: Vec<u64> = offsets
            .iter()
            .map(|&k| bigram_key(cs[k], cs[k + 1]))
            .collect();
        // Candidates: docs in every covering list, with their index in each.
        let mut distinct: Vec<u64> = keys.clone();
        distinct.sort_unstable();
        distinct.dedup();
        distinct.sort_by_key(|k| lists[k].docs.len());
        let mut cand: Vec<u32> = lists[&distinct[0]].docs.clone();
        for k in &distinct[1..] {
            let other = &lists[k].docs;
            cand.retain(|d| other.binary_search(d).is_ok());
            if cand.is_empty() {
                return Ok(Some(TermDocs::default()));
            }
        }
        // The position pieces the candidates need.
        let piece_of =
            |p: &Postings, idx: usize| p.pieces.partition_point(|x| x.first as usize <= idx) - 1;
        let mut want: BTreeSet<(u64, usize)> = BTreeSet::new();
        for &d in &cand {
            for k in &distinct {
                let p = &lists[k];
                let idx = p.docs.binary_search(&d).unwrap_or(0);
                if p.pieces.is_empty() {
                    return Err(DataError::Malformed {
                        what: "index".into(),
                        detail: "a bigram has no positions".into(),
                    });
                }
                want.insert((*k, piece_of(p, idx)));
            }
        }
        for &(k, pi) in &want {
            let path = paths::pos_chunk(lists[&k].pieces[pi].chunk);
            if src.get(&path).is_none() {
                need.insert(path);
            }
        }
        if need.len() > before {
            return Ok(None);
        }
        let mut decoded: HashMap<(u64, usize), Vec<Vec<u32>>> = HashMap::new();
        for &(k, pi) in &want {
            let p = &lists[&k];
            let piece = p.pieces[pi];
            let path = paths::pos_chunk(piece.chunk);
            let bytes = src.get(&path).unwrap_or(&[]);
            let end = piece.offset as usize + piece.len as usize;
            let slice = bytes.get(piece.offset as usize..end).ok_or_else(|| {
                corrupt(
                    &path,
                    crate::search::codec::Corrupt("piece outside its chunk"),
                )
            })?;
            let ndocs = p
                .pieces
                .get(pi + 1)
                .map_or(p.docs.len(), |x| x.first as usize)
                - piece.first as usize;
            decoded.insert(
                (k, pi),
                decode_piece(slice, ndocs).map_err(|e| corrupt(&path, e))?,
            );
        }
        // Each covering offset refers to one of the distinct bigrams: look
        // each up once per document, however long the term.
        let slot: Vec<usize> = keys
            .iter()
            .map(|k| distinct.iter().position(|x| x == k).unwrap_or(0))
            .collect();
        let mut out = TermDocs::default();
        let mut at: Vec<(&[u32], u8)> = Vec::with_capacity(distinct.len());
        for &d in &cand {
            // (positions, impact) of each distinct covering bigram in this doc.
            at.clear();
            for k in &distinct {
                let p = &lists[k];
                let idx = p.docs.binary_search(&d).unwrap_or(0);
                let pi = piece_of(p, idx);
                let list = &decoded[&(*k, pi)][idx - p.pieces[pi].first as usize];
                at.push((list.as_slice(), p.impacts[idx]));
            }
            // Anchor: the covering offset whose bigram is rarest in this doc.
            let ai = (0..offsets.len())
                .min_by_key(|&i| at[slot[i]].0.len())
                .unwrap_or(0);
            let ka = offsets[ai] as u32;
            let tf = at[slot[ai]]
                .0
                .iter()
                .filter(|&&a| a >= ka)
                .filter(|&&a| {
                    let p = a - ka;
                    offsets
                        .iter()
                        .zip(&slot)
                        .all(|(&k, &si)| at[si].0.binary_search(&(p + k as u32)).is_ok())
                })
                .count() as u32;
            if tf == 0 {
                continue;
            }
            let (pos0, imp0) = at[slot[0]];
            let kk = k_from_impact(imp0, pos0.len() as u32);
            out.docs.push(d);
            out.norm.push(tf as f64 * (K1 + 1.0) / (tf as f64 + kk));
            out.head.push(at.iter().all(|x| x.1 & HEAD != 0));
        }
        Ok(Some(out))
    }
}
