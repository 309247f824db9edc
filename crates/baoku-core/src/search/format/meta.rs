//! `meta.bin` and `x.bin`: per-document columns (dates, facets) and the
//! gram-chunk directory, in the columnar encoding both files share.

use super::{malformed, paths, Manifest};
use crate::data::DataError;
use crate::search::codec::{put_str, put_u64, Corrupt, Reader};
use crate::search::Facet;

/// Documents sharing an issue date (`None`: undated), consecutive in doc order.
#[derive(Debug, Clone, PartialEq)]
pub struct DateRun {
    pub date: Option<String>,
    pub start: u32,
    pub len: u32,
}

/// A multi-valued column: the value ids of doc `d` are
/// `ids[starts[d]..starts[d + 1]]`, indexes into `values`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Column {
    pub values: Vec<String>,
    pub starts: Vec<u32>,
    pub ids: Vec<u32>,
}

impl Column {
    pub fn of(&self, d: u32) -> &[u32] {
        let d = d as usize;
        match (self.starts.get(d), self.starts.get(d + 1)) {
            (Some(&a), Some(&b)) => self.ids.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Values, then all counts, then all ids (columnar compresses better).
    pub fn encode(&self, out: &mut Vec<u8>) {
        put_u64(out, self.values.len() as u64);
        for v in &self.values {
            put_str(out, v);
        }
        for w in self.starts.windows(2) {
            put_u64(out, (w[1] - w[0]) as u64);
        }
        for &id in &self.ids {
            put_u64(out, id as u64);
        }
    }

    /// Decode a column of `docs` documents; ids checked against the values.
    pub fn decode(r: &mut Reader, docs: u32) -> Result<Column, Corrupt> {
        let nv = r.count(1)?;
        let mut values = Vec::with_capacity(nv);
        for _ in 0..nv {
            values.push(r.str()?.to_string());
        }
        if (docs as usize) > r.remaining() {
            return Err(Corrupt("facet column shorter than the documents"));
        }
        let mut starts = Vec::with_capacity(docs as usize + 1);
        starts.push(0u32);
        let mut total = 0u32;
        for _ in 0..docs {
            total = total
                .checked_add(r.u32()?)
                .ok_or(Corrupt("facet counts overflow"))?;
            starts.push(total);
        }
        if total as usize > r.remaining() {
            return Err(Corrupt("facet ids shorter than their counts"));
        }
        let mut ids = Vec::with_capacity(total as usize);
        for _ in 0..total {
            let id = r.u32()?;
            if id as usize >= nv {
                return Err(Corrupt("facet value id out of range"));
            }
            ids.push(id);
        }
        Ok(Column {
            values,
            starts,
            ids,
        })
    }

    pub fn push_doc(&mut self, ids: impl IntoIterator<Item = u32>) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        self.ids.extend(ids);
        self.starts.push(self.ids.len() as u32);
    }
}

/// The facet columns of `x.bin`, fetched after the first results (they are
/// larger than the rest of the meta and no first screen needs them).
pub const EXTRA_FACETS: [Facet; 3] = [Facet::Organization, Facet::Document, Facet::Amount];

/// The stored facet columns, in this order (year and month come from dates).
pub const STORED_FACETS: [Facet; 4] = [
    Facet::Kind,
    Facet::Place,
    Facet::Reporter,
    Facet::Publication,
];

/// `meta.bin`: what every query needs about every document, a few bytes
/// per document, plus the directory of gram chunks.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    pub docs: u32,
    pub dates: Vec<DateRun>,
    /// One per [`STORED_FACETS`] entry.
    pub columns: Vec<Column>,
    /// First key of each gram chunk, ascending.
    pub chunk_keys: Vec<u64>,
}

const META_MAGIC: &[u8; 4] = b"BKM2";

impl Meta {
    pub fn encode(&self) -> Vec<u8> {
        let mut out = META_MAGIC.to_vec();
        put_u64(&mut out, self.docs as u64);
        put_u64(&mut out, self.dates.len() as u64);
        for r in &self.dates {
            put_str(&mut out, r.date.as_deref().unwrap_or(""));
            put_u64(&mut out, r.len as u64);
        }
        for c in &self.columns {
            c.encode(&mut out);
        }
        put_u64(&mut out, self.chunk_keys.len() as u64);
        let mut prev = 0u64;
        for &k in &self.chunk_keys {
            put_u64(&mut out, k - prev);
            prev = k;
        }
        out
    }

    /// Decode and check against the manifest: counts agree, ids in range,
    /// keys ascending. Any failure is a clear error, never a panic.
    pub fn decode(bytes: &[u8], m: &Manifest) -> Result<Meta, DataError> {
        Self::decode_inner(bytes, m).map_err(|e| malformed("meta.bin", e))
    }

    fn decode_inner(bytes: &[u8], m: &Manifest) -> Result<Meta, Corrupt> {
        if bytes.get(..4) != Some(&META_MAGIC[..]) {
            return Err(Corrupt("not a Baoku meta file"));
        }
        let mut r = Reader::new(&bytes[4..]);
        let docs = r.u32()?;
        if docs != m.article_count {
            return Err(Corrupt("document count differs from the manifest"));
        }
        let nruns = r.count(2)?;
        let mut dates = Vec::with_capacity(nruns);
        let mut start = 0u32;
        for _ in 0..nruns {
            let d = r.str()?;
            let len = r.u32()?;
            let date = if d.is_empty() {
                None
            } else {
                Some(d.to_string())
            };
            if date
                .as_deref()
                .is_some_and(|d| crate::dates::Ymd::parse(d).is_none())
            {
                return Err(Corrupt("a date is not YYYY-MM-DD"));
            }
            dates.push(DateRun { date, start, len });
            start = start
                .checked_add(len)
                .ok_or(Corrupt("date runs overflow"))?;
        }
        if start != docs {
            return Err(Corrupt("date runs do not cover the documents"));
        }
        let mut columns = Vec::new();
        for _ in STORED_FACETS {
            columns.push(Column::decode(&mut r, docs)?);
        }
        let nk = r.count(1)?;
        if nk != m.gram_chunks as usize {
            return Err(Corrupt("chunk directory differs from the manifest"));
        }
        let mut chunk_keys = Vec::with_capacity(nk);
        let mut prev = 0u64;
        for i in 0..nk {
            let delta = r.u64()?;
            if i > 0 && delta == 0 {
                return Err(Corrupt("chunk keys not ascending"));
            }
            prev = prev
                .checked_add(delta)
                .ok_or(Corrupt("chunk key overflow"))?;
            chunk_keys.push(prev);
        }
        if !r.is_empty() {
            return Err(Corrupt("trailing bytes"));
        }
        Ok(Meta {
            docs,
            dates,
            columns,
            chunk_keys,
        })
    }

    /// The gram chunk that would hold `key`.
    pub fn chunk_of(&self, key: u64) -> Option<u32> {
        let i = self.chunk_keys.partition_point(|&k| k <= key);
        i.checked_sub(1).map(|i| i as u32)
    }
}

const EXTRA_MAGIC: &[u8; 4] = b"BKX2";

/// `x.bin`: the [`EXTRA_FACETS`] columns.
pub fn encode_extra(columns: &[Column]) -> Vec<u8> {
    let mut out = EXTRA_MAGIC.to_vec();
    for c in columns {
        c.encode(&mut out);
    }
    out
}

pub fn decode_extra(bytes: &[u8], docs: u32) -> Result<Vec<Column>, DataError> {
    let inner = || -> Result<Vec<Column>, Corrupt> {
        if bytes.get(..4) != Some(&EXTRA_MAGIC[..]) {
            return Err(Corrupt("not a Baoku extra-facets file"));
        }
        let mut r = Reader::new(&bytes[4..]);
        let cols = EXTRA_FACETS
            .iter()
            .map(|_| Column::decode(&mut r, docs))
            .collect::<Result<Vec<_>, _>>()?;
        if !r.is_empty() {
            return Err(Corrupt("trailing bytes"));
        }
        Ok(cols)
    };
    inner().map_err(|e| malformed(paths::EXTRA, e))
}
