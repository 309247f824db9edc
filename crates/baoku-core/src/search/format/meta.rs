//! `meta.bin` and `x.bin`: per-document columns (dates, facets) and the
//! gram-chunk directory, in the columnar encoding both files share. Both
//! start with a magic that carries [`FORMAT_VERSION`].

use super::{malformed, paths, Manifest, FORMAT_VERSION};
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

    /// Values, then all counts, then all ids (columnar compresses
    /// better), each sequence plain or run-length coded ([`put_seq`]).
    pub fn encode(&self, out: &mut Vec<u8>) {
        put_u64(out, self.values.len() as u64);
        for v in &self.values {
            put_str(out, v);
        }
        let counts: Vec<u32> = self.starts.windows(2).map(|w| w[1] - w[0]).collect();
        put_seq(out, &counts);
        put_seq(out, &self.ids);
    }

    /// Decode a column of `docs` documents; ids checked against the values.
    pub fn decode(r: &mut Reader, docs: u32) -> Result<Column, Corrupt> {
        let nv = r.count(1)?;
        let mut values = Vec::with_capacity(nv);
        for _ in 0..nv {
            values.push(r.str()?.to_string());
        }
        let mut starts = Vec::with_capacity(docs as usize + 1);
        starts.push(0u32);
        let mut total = 0u32;
        get_seq(r, docs as usize, |c| {
            total = total
                .checked_add(c)
                .ok_or(Corrupt("facet counts overflow"))?;
            starts.push(total);
            Ok(())
        })?;
        let mut ids = Vec::new();
        get_seq(r, total as usize, |id| {
            if id as usize >= nv {
                return Err(Corrupt("facet value id out of range"));
            }
            ids.push(id);
            Ok(())
        })?;
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

const PLAIN: u64 = 0;
const RUNS: u64 = 1;

/// A sequence of numbers whose length the reader knows: a coding tag,
/// then each number (plain) or (number, repeat) pairs (runs), whichever
/// is shorter. Page labels and the mostly empty bylines come in long runs.
pub fn put_seq(out: &mut Vec<u8>, seq: &[u32]) {
    let mut plain = Vec::new();
    for &v in seq {
        put_u64(&mut plain, v as u64);
    }
    let mut runs = Vec::new();
    let mut i = 0;
    while i < seq.len() {
        let j = i + seq[i..].iter().take_while(|&&v| v == seq[i]).count();
        put_u64(&mut runs, seq[i] as u64);
        put_u64(&mut runs, (j - i) as u64);
        i = j;
    }
    let (tag, body) = if runs.len() < plain.len() {
        (RUNS, runs)
    } else {
        (PLAIN, plain)
    };
    put_u64(out, tag);
    out.extend_from_slice(&body);
}

/// Read `n` numbers written by [`put_seq`], each handed to `each`.
pub fn get_seq(
    r: &mut Reader,
    n: usize,
    mut each: impl FnMut(u32) -> Result<(), Corrupt>,
) -> Result<(), Corrupt> {
    match r.u64()? {
        PLAIN => {
            if n > r.remaining() {
                return Err(Corrupt("column shorter than its length"));
            }
            for _ in 0..n {
                each(r.u32()?)?;
            }
        }
        RUNS => {
            let mut got = 0usize;
            while got < n {
                let v = r.u32()?;
                let run = r.u32()? as usize;
                if run == 0 || run > n - got {
                    return Err(Corrupt("a run overruns its column"));
                }
                for _ in 0..run {
                    each(v)?;
                }
                got += run;
            }
        }
        _ => return Err(Corrupt("unknown column coding")),
    }
    Ok(())
}

/// The facet columns of `x.bin`, fetched after the first results (they are
/// larger than the rest of the meta and no first screen needs them; the
/// issue view groups by the page labels of the articles it shows).
pub const EXTRA_FACETS: [Facet; 6] = [
    Facet::Organization,
    Facet::Document,
    Facet::Amount,
    Facet::Page,
    Facet::Correspondent,
    Facet::Author,
];

/// The stored facet columns of `meta.bin`, in this order.
pub const STORED_FACETS: [Facet; 4] = [
    Facet::Kind,
    Facet::Place,
    Facet::Reporter,
    Facet::Publication,
];

/// The facets derived from the date runs, with no column of their own.
pub const DATE_FACETS: [Facet; 3] = [Facet::Year, Facet::Month, Facet::Day];

/// A binary file's magic: three letters and the format version's digit.
const fn magic(kind: u8) -> [u8; 4] {
    [b'B', b'K', kind, b'0' + FORMAT_VERSION as u8]
}

/// Check a binary file's magic; an older or newer Baoku's file is a
/// [`DataError::Version`] (rebuild), anything else is not ours.
fn check_magic(bytes: &[u8], kind: u8, what: &str) -> Result<(), DataError> {
    let want = magic(kind);
    match bytes.get(..4) {
        Some(m) if m == want => Ok(()),
        Some([b'B', b'K', k, v]) if *k == kind && v.is_ascii_digit() => Err(DataError::Version {
            what: what.to_string(),
            found: (v - b'0') as u32,
            wanted: FORMAT_VERSION,
        }),
        _ => Err(malformed(what, "not a Baoku index file")),
    }
}

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

const META: u8 = b'M';

impl Meta {
    pub fn encode(&self) -> Vec<u8> {
        let mut out = magic(META).to_vec();
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
        check_magic(bytes, META, paths::META)?;
        Self::decode_inner(bytes, m).map_err(|e| malformed(paths::META, e))
    }

    fn decode_inner(bytes: &[u8], m: &Manifest) -> Result<Meta, Corrupt> {
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

const EXTRA: u8 = b'X';

/// `x.bin`: the [`EXTRA_FACETS`] columns.
pub fn encode_extra(columns: &[Column]) -> Vec<u8> {
    let mut out = magic(EXTRA).to_vec();
    for c in columns {
        c.encode(&mut out);
    }
    out
}

pub fn decode_extra(bytes: &[u8], docs: u32) -> Result<Vec<Column>, DataError> {
    check_magic(bytes, EXTRA, paths::EXTRA)?;
    let inner = || -> Result<Vec<Column>, Corrupt> {
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
