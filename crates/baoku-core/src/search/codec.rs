//! The byte-level codec of the binary index files: LEB128 varints and
//! length-prefixed strings. The reader never panics: every read is bounds
//! checked and a crafted file yields [`Corrupt`], not a crash or a huge
//! allocation.

/// A binary index file that does not decode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corrupt(pub &'static str);

impl std::fmt::Display for Corrupt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

pub fn put_u64(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

pub fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u64(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// A cursor over a byte slice.
#[derive(Clone)]
pub struct Reader<'a> {
    buf: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Reader<'a> {
        Reader { buf, at: 0 }
    }

    pub fn pos(&self) -> usize {
        self.at
    }

    pub fn is_empty(&self) -> bool {
        self.at >= self.buf.len()
    }

    pub fn remaining(&self) -> usize {
        self.buf.len().saturating_sub(self.at)
    }

    pub fn u64(&mut self) -> Result<u64, Corrupt> {
        let mut v = 0u64;
        let mut shift = 0u32;
        loop {
            let b = *self.buf.get(self.at).ok_or(Corrupt("truncated number"))?;
            self.at += 1;
            if shift == 63 && b > 1 {
                return Err(Corrupt("number too large"));
            }
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
            shift += 7;
            if shift > 63 {
                return Err(Corrupt("number too long"));
            }
        }
    }

    pub fn u32(&mut self) -> Result<u32, Corrupt> {
        u32::try_from(self.u64()?).map_err(|_| Corrupt("number out of range"))
    }

    /// A count of items that each take at least `min_bytes` bytes: checked
    /// against what is left, so a crafted count cannot make us allocate.
    pub fn count(&mut self, min_bytes: usize) -> Result<usize, Corrupt> {
        let n = self.u64()?;
        let n = usize::try_from(n).map_err(|_| Corrupt("count out of range"))?;
        if n.saturating_mul(min_bytes.max(1)) > self.remaining() && min_bytes > 0 {
            return Err(Corrupt("count larger than the file"));
        }
        Ok(n)
    }

    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], Corrupt> {
        let end = self
            .at
            .checked_add(n)
            .ok_or(Corrupt("length out of range"))?;
        let s = self
            .buf
            .get(self.at..end)
            .ok_or(Corrupt("truncated bytes"))?;
        self.at = end;
        Ok(s)
    }

    pub fn str(&mut self) -> Result<&'a str, Corrupt> {
        let n = self.count(1)?;
        std::str::from_utf8(self.bytes(n)?).map_err(|_| Corrupt("invalid UTF-8"))
    }

    pub fn skip(&mut self, n: usize) -> Result<(), Corrupt> {
        self.bytes(n).map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_limits() {
        let mut b = Vec::new();
        for v in [0u64, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            put_u64(&mut b, v);
        }
        put_str(&mut b, "专精特新");
        let mut r = Reader::new(&b);
        for v in [0u64, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            assert_eq!(r.u64().unwrap(), v);
        }
        assert_eq!(r.str().unwrap(), "专精特新");
        assert!(r.is_empty());
        assert_eq!(r.u64(), Err(Corrupt("truncated number")));
        // Eleven continuation bytes: too long, not a panic.
        let mut r = Reader::new(&[0xff; 11]);
        assert!(r.u64().is_err());
        // A count claiming more items than bytes left.
        let mut b = Vec::new();
        put_u64(&mut b, 1 << 40);
        assert!(Reader::new(&b).count(1).is_err());
        let mut b = Vec::new();
        put_u64(&mut b, 3);
        b.extend_from_slice(&[0xff, 0xfe, 0xfd]);
        assert!(Reader::new(&b).str().is_err());
    }
}
