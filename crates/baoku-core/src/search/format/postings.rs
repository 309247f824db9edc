//! Gram chunks and position pieces: the doc lists (with quantised BM25
//! impacts) of unigrams and bigrams, and the bigrams' positions by doc range.

use super::is_bigram;
use crate::search::codec::{put_u64, Corrupt, Reader};

/// Where a run of a bigram's positions is stored: docs from `first` (an
/// index into the bigram's doc list) up to the next piece's `first`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Piece {
    pub first: u32,
    pub chunk: u32,
    pub offset: u32,
    pub len: u32,
}

/// One gram's postings, decoded.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Postings {
    pub docs: Vec<u32>,
    /// Per doc: bits 0–6 the BM25 term-frequency component quantized to
    /// 1..=127 ([`impact`]), bit 7 set when the gram is in the heading.
    pub impacts: Vec<u8>,
    /// Bigrams only.
    pub pieces: Vec<Piece>,
}

pub const K1: f64 = 1.2;
pub const B: f64 = 0.75;
pub const HEAD: u8 = 0x80;

/// BM25's length normalisation for a doc of `len` chars.
pub fn bm25_k(len: f64, avg: f64) -> f64 {
    K1 * (1.0 - B + B * len / avg.max(1.0))
}

/// The saturated tf part of BM25, `tf(k1+1)/(tf+K)`, as 1..=127.
pub fn impact(tf: u32, k: f64) -> u8 {
    let tf = tf as f64;
    let norm = tf / (tf + k); // = tf(k1+1)/(tf+K) / (k1+1)
    (norm * 127.0).round().clamp(1.0, 127.0) as u8
}

/// Back from a stored impact to the tf component, in BM25 units.
pub fn impact_norm(i: u8) -> f64 {
    (i & 0x7f) as f64 / 127.0 * (K1 + 1.0)
}

/// Recover BM25's `K` for a doc from one gram's impact and its tf there,
/// so a longer term's own tf can be normalised without doc lengths.
pub fn k_from_impact(i: u8, tf: u32) -> f64 {
    let x = ((i & 0x7f) as f64 / 127.0).clamp(1.0 / 254.0, 1.0 - 1.0 / 254.0);
    tf as f64 * (1.0 / x - 1.0)
}

impl Postings {
    pub fn encode(&self, key: u64, out: &mut Vec<u8>) {
        put_u64(out, self.docs.len() as u64);
        let mut prev = 0u32;
        for (i, &d) in self.docs.iter().enumerate() {
            put_u64(out, if i == 0 { d } else { d - prev } as u64);
            prev = d;
        }
        out.extend_from_slice(&self.impacts);
        if is_bigram(key) {
            put_u64(out, self.pieces.len() as u64);
            let mut prev = 0u32;
            for p in &self.pieces {
                put_u64(out, (p.first - prev) as u64);
                prev = p.first;
                put_u64(out, p.chunk as u64);
                put_u64(out, p.offset as u64);
                put_u64(out, p.len as u64);
            }
        }
    }

    fn decode(
        key: u64,
        r: &mut Reader,
        docs_total: u32,
        pos_chunks: u32,
    ) -> Result<Postings, Corrupt> {
        let n = r.count(2)?;
        let mut docs = Vec::with_capacity(n);
        let mut prev = 0u32;
        for i in 0..n {
            let delta = r.u32()?;
            if i > 0 && delta == 0 {
                return Err(Corrupt("doc list not ascending"));
            }
            prev = prev
                .checked_add(delta)
                .ok_or(Corrupt("doc number overflow"))?;
            if prev >= docs_total {
                return Err(Corrupt("doc number out of range"));
            }
            docs.push(prev);
        }
        let impacts = r.bytes(n)?.to_vec();
        let mut pieces = Vec::new();
        if is_bigram(key) {
            let np = r.count(4)?;
            let mut prev = 0u32;
            for i in 0..np {
                let delta = r.u32()?;
                let first = prev.checked_add(delta).ok_or(Corrupt("piece overflow"))?;
                if (i > 0 && delta == 0) || first as usize >= n.max(1) {
                    return Err(Corrupt("piece table out of order"));
                }
                prev = first;
                let p = Piece {
                    first,
                    chunk: r.u32()?,
                    offset: r.u32()?,
                    len: r.u32()?,
                };
                if p.chunk >= pos_chunks {
                    return Err(Corrupt("position chunk out of range"));
                }
                pieces.push(p);
            }
            if n > 0 && pieces.first().map(|p| p.first) != Some(0) {
                return Err(Corrupt("piece table does not start at the first doc"));
            }
        }
        Ok(Postings {
            docs,
            impacts,
            pieces,
        })
    }
}

/// A gram chunk: a header of (key, entry length) pairs, then the entries.
pub fn encode_gram_chunk(entries: &[(u64, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    put_u64(&mut out, entries.len() as u64);
    let mut prev = 0u64;
    for (k, e) in entries {
        put_u64(&mut out, k - prev);
        prev = *k;
        put_u64(&mut out, e.len() as u64);
    }
    for (_, e) in entries {
        out.extend_from_slice(e);
    }
    out
}

/// The postings of `key` in a gram chunk, or `None` when the chunk does not
/// hold the key (the gram never occurs).
pub fn find_in_gram_chunk(
    bytes: &[u8],
    key: u64,
    docs_total: u32,
    pos_chunks: u32,
) -> Result<Option<Postings>, Corrupt> {
    let mut r = Reader::new(bytes);
    let n = r.count(2)?;
    let mut prev = 0u64;
    let mut offset = 0usize;
    let mut found = None;
    for i in 0..n {
        let delta = r.u64()?;
        if i > 0 && delta == 0 {
            return Err(Corrupt("gram keys not ascending"));
        }
        prev = prev
            .checked_add(delta)
            .ok_or(Corrupt("gram key overflow"))?;
        let len = r.count(0)?;
        if prev == key {
            found = Some((offset, len));
        }
        offset = offset
            .checked_add(len)
            .ok_or(Corrupt("entry length overflow"))?;
    }
    let Some((off, len)) = found else {
        return Ok(None);
    };
    let mut body = Reader::new(&bytes[r.pos()..]);
    body.skip(off)?;
    let entry = body.bytes(len)?;
    let mut er = Reader::new(entry);
    let p = Postings::decode(key, &mut er, docs_total, pos_chunks)?;
    if !er.is_empty() {
        return Err(Corrupt("trailing bytes in a gram entry"));
    }
    Ok(Some(p))
}

/// Positions (char offsets in the folded searchable text) of each doc of a
/// piece, in doc-list order: per doc a count, then ascending deltas.
pub fn encode_positions(pos: &[u32], out: &mut Vec<u8>) {
    put_u64(out, pos.len() as u64);
    let mut prev = 0u32;
    for (i, &p) in pos.iter().enumerate() {
        put_u64(out, if i == 0 { p } else { p - prev } as u64);
        prev = p;
    }
}

/// Decode a piece into one position list per doc (`docs` of them).
pub fn decode_piece(bytes: &[u8], docs: usize) -> Result<Vec<Vec<u32>>, Corrupt> {
    let mut r = Reader::new(bytes);
    let mut out = Vec::with_capacity(docs.min(bytes.len()));
    for _ in 0..docs {
        let n = r.count(1)?;
        let mut v = Vec::with_capacity(n);
        let mut prev = 0u32;
        for i in 0..n {
            let d = r.u32()?;
            if i > 0 && d == 0 {
                return Err(Corrupt("positions not ascending"));
            }
            prev = prev.checked_add(d).ok_or(Corrupt("position overflow"))?;
            v.push(prev);
        }
        out.push(v);
    }
    if !r.is_empty() {
        return Err(Corrupt("trailing bytes in a position piece"));
    }
    Ok(out)
}
