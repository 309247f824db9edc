//! Page files arrive as UTF-8 (with or without BOM), UTF-16 with BOM,
//! GB18030/GBK or Big5. The encoding is detected (BOM, UTF-8 validity, then
//! chardetng's statistics for legacy encodings) or given explicitly
//! (`--encoding`, or `"encoding"` for the file in pages.json). What is not
//! confidently Chinese text — Shift_JIS, EUC-KR, UTF-7, Latin code pages,
//! binary data — is refused with the byte offset in the file where the
//! problem is, so nothing is ever silently garbled.

use chardetng::EncodingDetector;
use encoding_rs::{DecoderResult, Encoding, BIG5, GB18030, GBK, UTF_16BE, UTF_16LE, UTF_8};
use std::fmt;
use std::path::Path;

/// Encodings Baoku reads: Unicode, and the Chinese legacy encodings.
pub const SUPPORTED: &str = "UTF-8, UTF-16LE, UTF-16BE, GB18030 (GBK, GB2312), Big5";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// No text at all (empty, or only white space).
    Empty,
    /// A NUL or control character: not page text. `offset` is in bytes.
    Binary { offset: usize },
    /// A byte sequence that is not valid in `encoding`, at byte `offset`.
    Malformed {
        encoding: &'static str,
        offset: usize,
    },
    /// The bytes look like another (non-Chinese) encoding, or not like Chinese
    /// text with any confidence. `offset` is the first non-ASCII byte.
    NotChinese {
        detected: &'static str,
        confident: bool,
        offset: usize,
    },
    /// UTF-7 (ASCII that spells UTF-16 in base64): `offset` of the first run.
    Utf7 { offset: usize },
    /// The file starts with a byte order mark of another encoding than the one given.
    BomMismatch {
        bom: &'static str,
        given: &'static str,
    },
    /// An encoding label Baoku does not read.
    Unsupported { label: String },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "the file is empty (no text)"),
            DecodeError::Binary { offset } => write!(
                f,
                "the file looks binary, not page text (control character at byte {offset})"
            ),
            DecodeError::Malformed { encoding, offset } => write!(
                f,
                "invalid {encoding} byte sequence at byte {offset} (give the right encoding with --encoding or an \"encoding\" entry in pages.json)"
            ),
            DecodeError::NotChinese {
                detected,
                confident,
                offset,
            } => write!(
                f,
                "the file does not look like Chinese text in {SUPPORTED}: {} {detected} (first non-ASCII byte at byte {offset}); \
                 convert it to UTF-8, or give its encoding with --encoding or an \"encoding\" entry in pages.json",
                if *confident { "it looks like" } else { "no confident guess, perhaps" }
            ),
            DecodeError::Utf7 { offset } => write!(
                f,
                "the file looks like UTF-7 (encoded text starts at byte {offset}); convert it to UTF-8"
            ),
            DecodeError::BomMismatch { bom, given } => write!(
                f,
                "the file starts with a {bom} byte order mark, but its encoding is given as {given}"
            ),
            DecodeError::Unsupported { label } => {
                write!(f, "unsupported encoding {label:?} (Baoku reads {SUPPORTED})")
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// The encoding for a label such as `big5`, `gbk`, `utf-8`; only Chinese and
/// Unicode encodings are accepted.
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding, DecodeError> {
    let unsupported = || DecodeError::Unsupported {
        label: label.to_string(),
    };
    let enc = Encoding::for_label(label.trim().as_bytes()).ok_or_else(unsupported)?;
    if enc == GBK {
        // encoding_rs decodes GBK with the GB18030 decoder; say so.
        return Ok(GB18030);
    }
    if [UTF_8, UTF_16LE, UTF_16BE, GB18030, BIG5].contains(&enc) {
        Ok(enc)
    } else {
        Err(unsupported())
    }
}

/// Decodes all of `input` with `enc`, refusing malformed sequences; the error
/// is the byte offset (in `input`) of the first malformed sequence.
fn decode_strict(enc: &'static Encoding, input: &[u8]) -> Result<String, usize> {
    let mut dec = enc.new_decoder_without_bom_handling();
    let room = |dec: &encoding_rs::Decoder, n: usize| {
        dec.max_utf8_buffer_length_without_replacement(n)
            .unwrap_or(n)
            .max(16)
    };
    let mut out = String::with_capacity(room(&dec, input.len()));
    let mut pos = 0;
    loop {
        let (res, read) = dec.decode_to_string_without_replacement(&input[pos..], &mut out, true);
        pos += read;
        match res {
            DecoderResult::InputEmpty => return Ok(out),
            DecoderResult::OutputFull => {
                let n = room(&dec, input.len() - pos);
                out.reserve(n);
            }
            DecoderResult::Malformed(bad, extra) => {
                return Err(pos.saturating_sub(bad as usize + extra as usize))
            }
        }
    }
}

/// The byte offset in `input` where the character at UTF-8 index `index` of
/// its decoded text starts (error path only: it decodes byte by byte).
fn byte_offset_of(enc: &'static Encoding, input: &[u8], index: usize) -> usize {
    if enc == UTF_8 {
        return index;
    }
    let mut dec = enc.new_decoder_without_bom_handling();
    let mut buf = [0u8; 64];
    let (mut total, mut start) = (0, 0);
    for i in 0..input.len() {
        let (_, _, written) = dec.decode_to_utf8_without_replacement(
            &input[i..i + 1],
            &mut buf,
            i + 1 == input.len(),
        );
        total += written;
        if total > index {
            return start;
        }
        if written > 0 {
            start = i + 1;
        }
    }
    input.len()
}

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'   // radicals
        | '\u{3000}'..='\u{303F}' // CJK symbols and punctuation
        | '\u{3400}'..='\u{4DBF}' // extension A
        | '\u{4E00}'..='\u{9FFF}' // unified ideographs
        | '\u{F900}'..='\u{FAFF}' // compatibility ideographs
        | '\u{FE30}'..='\u{FE4F}' // vertical forms
        | '\u{FF00}'..='\u{FFEF}' // full-width forms
        | '\u{20000}'..='\u{3134F}')
}

/// Share of CJK characters among the non-ASCII, non-space characters.
fn cjk_share(text: &str) -> f64 {
    let (mut cjk, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii() && !c.is_whitespace()) {
        if is_cjk(c) {
            cjk += 1;
        } else {
            other += 1;
        }
    }
    if cjk + other == 0 {
        1.0
    } else {
        cjk as f64 / (cjk + other) as f64
    }
}

fn b64(b: u8) -> Option<u32> {
    Some(match b {
        b'A'..=b'Z' => b - b'A',
        b'a'..=b'z' => b - b'a' + 26,
        b'0'..=b'9' => b - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    } as u32)
}

/// UTF-7 is plain ASCII, so it passes as UTF-8: look for `+…` base64 runs
/// that spell CJK characters in UTF-16. Returns the offset of the first run.
fn utf7_offset(bytes: &[u8]) -> Option<usize> {
    if !bytes.is_ascii() {
        return None;
    }
    let (mut runs, mut cjk_runs, mut cjk_chars, mut first) = (0, 0, 0, None);
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'+' {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < bytes.len() && b64(bytes[j]).is_some() {
            j += 1;
        }
        if j - i > 3 {
            runs += 1;
            let (mut acc, mut bits, mut units) = (0u32, 0u32, Vec::new());
            for &b in &bytes[i + 1..j] {
                acc = (acc << 6 | b64(b).unwrap_or(0)) & 0x3F_FFFF;
                bits += 6;
                if bits >= 16 {
                    bits -= 16;
                    units.push((acc >> bits) as u16);
                }
            }
            let chars: Vec<char> = char::decode_utf16(units).filter_map(Result::ok).collect();
            if !chars.is_empty() && chars.iter().all(|&c| is_cjk(c)) {
                cjk_runs += 1;
                cjk_chars += chars.len();
                first.get_or_insert(i);
            }
        }
        i = j.max(i + 1);
    }
    (cjk_chars >= 2 && cjk_runs * 2 >= runs)
        .then_some(first)
        .flatten()
}

/// The encoding of `bytes` and the length of its byte order mark.
fn detect(bytes: &[u8]) -> Result<(&'static Encoding, usize), DecodeError> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return Ok((enc, bom));
    }
    if let Some(p) = bytes.iter().position(|&b| b == 0) {
        return Err(DecodeError::Binary { offset: p });
    }
    match std::str::from_utf8(bytes) {
        Ok(_) => {
            if let Some(offset) = utf7_offset(bytes) {
                return Err(DecodeError::Utf7 { offset });
            }
            return Ok((UTF_8, 0));
        }
        Err(e) => {
            // Several multi-byte characters before the bad byte: this is UTF-8
            // with a broken byte, not a legacy encoding.
            let valid = &bytes[..e.valid_up_to()];
            let multibyte = valid.iter().filter(|&&b| b >= 0xC0).count();
            if multibyte >= 4 {
                return Err(DecodeError::Malformed {
                    encoding: "UTF-8",
                    offset: e.valid_up_to(),
                });
            }
        }
    }
    let mut det = EncodingDetector::new();
    det.feed(bytes, true);
    let (guess, confident) = det.guess_assess(None, false);
    let first_non_ascii = bytes.iter().position(|&b| b >= 0x80).unwrap_or(0);
    let enc = match guess {
        g if g == GBK || g == GB18030 => GB18030,
        g if g == BIG5 => BIG5,
        other => {
            return Err(DecodeError::NotChinese {
                detected: other.name(),
                confident,
                offset: first_non_ascii,
            })
        }
    };
    if !confident {
        return Err(DecodeError::NotChinese {
            detected: enc.name(),
            confident,
            offset: first_non_ascii,
        });
    }
    Ok((enc, 0))
}

/// Decodes a page file's bytes; `forced` is an explicit encoding (which still
/// must decode without error).
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<String, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let detected = forced.is_none();
    let (enc, bom) = match forced {
        Some(enc) => match Encoding::for_bom(bytes) {
            Some((b, n)) if b == enc => (enc, n),
            Some((b, _)) => {
                return Err(DecodeError::BomMismatch {
                    bom: b.name(),
                    given: enc.name(),
                })
            }
            None => (enc, 0),
        },
        None => detect(bytes)?,
    };
    let input = &bytes[bom..];
    let mut text = decode_strict(enc, input).map_err(|offset| DecodeError::Malformed {
        encoding: enc.name(),
        offset: bom + offset,
    })?;
    // A guessed legacy encoding must also read as Chinese text.
    if detected && enc != UTF_8 && bom == 0 && cjk_share(&text) < 0.6 {
        return Err(DecodeError::NotChinese {
            detected: enc.name(),
            confident: false,
            offset: bytes.iter().position(|&b| b >= 0x80).unwrap_or(0),
        });
    }
    // Control characters mean binary data; NEL (U+0085) is a line break.
    if let Some((i, _)) = text
        .char_indices()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}' | '\u{85}'))
    {
        return Err(DecodeError::Binary {
            offset: bom + byte_offset_of(enc, input, i),
        });
    }
    if text.contains('\u{85}') {
        text = text.replace('\u{85}', "\n");
    }
    // A byte order mark inside the text is an artifact of joined files.
    if text.contains('\u{feff}') {
        text = text.replace('\u{feff}', "");
    }
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(text)
}

pub fn read_page(path: &Path, forced: Option<&'static Encoding>) -> anyhow::Result<String> {
    let bytes = std::fs::read(path)
        .map_err(|e| anyhow::anyhow!("cannot read page file {}: {e}", path.display()))?;
    decode(&bytes, forced).map_err(|e| anyhow::anyhow!("page file {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZH_T: &str = "聊城日報訊：本市專精特新企業再創新高，經濟技術開發區三家企業入選國家級「小巨人」名單。\n記者 王五 報導。\n";
    const ZH_S: &str = "聊城日报讯：本市专精特新企业再创新高，经济技术开发区三家企业入选国家级“小巨人”名单。\n记者 王五 报道。\n";

    fn enc(e: &'static Encoding, s: &str) -> Vec<u8> {
        let (b, used, unmappable) = e.encode(s);
        assert_eq!(used, e.output_encoding());
        assert!(!unmappable, "test text not representable in {}", e.name());
        b.into_owned()
    }

    #[test]
    fn decodes_utf8_bom_gbk_and_utf16() {
        assert_eq!(decode("\u{FEFF}本报讯".as_bytes(), None).unwrap(), "本报讯");
        let gbk = enc(GBK, "聊城日报 专精特新\r\n");
        assert_eq!(decode(&gbk, None).unwrap(), "聊城日报 专精特新\r\n");
        assert_eq!(decode(&enc(GB18030, ZH_S), None).unwrap(), ZH_S);
        let mut u16 = vec![0xFF, 0xFE];
        for u in "小巨人".encode_utf16() {
            u16.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&u16, None).unwrap(), "小巨人");
    }

    #[test]
    fn big5_is_detected_and_decoded() {
        let big5 = enc(BIG5, ZH_T);
        // GB18030 would accept these bytes too, as nonsense.
        assert!(GB18030
            .decode_without_bom_handling_and_without_replacement(&big5)
            .is_some());
        assert_eq!(decode(&big5, None).unwrap(), ZH_T);
        assert_eq!(decode(&big5, Some(BIG5)).unwrap(), ZH_T);
    }

    #[test]
    fn shift_jis_euc_kr_and_latin_are_refused_with_byte_offsets() {
        let ja =
            "東京新聞によると、政府は新しい経済対策を発表した。専門家は効果を疑問視している。\n";
        let ko = "서울신문에 따르면 정부는 새로운 경제 대책을 발표했다. 전문가들은 효과에 의문을 제기했다.\n";
        for (e, text, prefix, at) in [
            (encoding_rs::SHIFT_JIS, ja, "page 1\n", 7),
            (encoding_rs::EUC_KR, ko, "abc ", 4),
            (
                encoding_rs::WINDOWS_1252,
                "Caf\u{e9} cr\u{e8}me br\u{fb}l\u{e9}e, d\u{e9}j\u{e0} vu.\n",
                "x",
                4,
            ),
        ] {
            let mut bytes = prefix.as_bytes().to_vec();
            bytes.extend(enc(e, text));
            let err = decode(&bytes, None).unwrap_err();
            match &err {
                DecodeError::NotChinese { offset, .. } => assert_eq!(*offset, at, "{}", e.name()),
                other => panic!("{}: {other:?}", e.name()),
            }
            assert!(err.to_string().contains(&format!("byte {at}")), "{err}");
            assert!(err.to_string().contains(e.name()), "{err}");
        }
        // Forced to a Chinese encoding, Shift_JIS bytes that are invalid there are named by offset.
        let sj = enc(encoding_rs::SHIFT_JIS, "あ");
        let err = decode(&[b"ok\n".as_slice(), &sj].concat(), Some(BIG5)).unwrap_err();
        assert_eq!(
            err,
            DecodeError::Malformed {
                encoding: "Big5",
                offset: 3
            }
        );
    }

    #[test]
    fn utf7_is_refused() {
        // "聊城日报 专精特新" in UTF-7.
        let mut s = String::from("Liaocheng: ");
        let offset = s.len();
        for word in ["聊城日报", "专精特新", "小巨人"] {
            let bytes: Vec<u8> = word.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
            s.push('+');
            let (mut acc, mut bits) = (0u32, 0);
            const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            for b in bytes {
                acc = acc << 8 | b as u32;
                bits += 8;
                while bits >= 6 {
                    bits -= 6;
                    s.push(B64[(acc >> bits & 63) as usize] as char);
                }
            }
            if bits > 0 {
                s.push(B64[(acc << (6 - bits) & 63) as usize] as char);
            }
            s.push_str("- ");
        }
        assert_eq!(
            decode(s.as_bytes(), None),
            Err(DecodeError::Utf7 { offset })
        );
        // Ordinary ASCII with plus signs is not UTF-7.
        assert!(decode(b"C++ and +86-635-1234567, 1+1=2\n", None).is_ok());
    }

    #[test]
    fn errors_give_byte_offsets_in_the_file() {
        // Broken UTF-8 after Chinese text: the offset counts bytes, not characters.
        let mut b = "本报讯 聊城日报 专精特新\n".as_bytes().to_vec();
        let at = b.len();
        b.extend(b"\xff\xfe ok");
        assert_eq!(
            decode(&b, None),
            Err(DecodeError::Malformed {
                encoding: "UTF-8",
                offset: at
            })
        );
        // A control character in a GBK file: its byte offset, not its character index.
        let mut g = enc(GBK, ZH_S);
        let at = g.len();
        g.extend(b"\x01tail");
        assert_eq!(decode(&g, None), Err(DecodeError::Binary { offset: at }));
        // A truncated UTF-16 file after a BOM.
        let mut u = vec![0xFF, 0xFE];
        u.extend("专精".encode_utf16().flat_map(|x| x.to_le_bytes()));
        u.push(0x41);
        assert_eq!(
            decode(&u, None),
            Err(DecodeError::Malformed {
                encoding: "UTF-16LE",
                offset: 6
            })
        );
        assert_eq!(
            decode(b"ok\0bin", None),
            Err(DecodeError::Binary { offset: 2 })
        );
    }

    #[test]
    fn refuses_empty_binary_and_garbage() {
        assert_eq!(decode(b"", None), Err(DecodeError::Empty));
        assert_eq!(decode(b"  \n\n", None), Err(DecodeError::Empty));
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0", None),
            Err(DecodeError::Binary { offset: 8 })
        ));
        let e = decode(b"ok text \xff\xff\xff\xff", None).unwrap_err();
        assert!(e.to_string().contains("byte 8"), "{e}");
    }

    #[test]
    fn nel_is_a_line_break_not_binary() {
        assert_eq!(
            decode("第一行\u{85}第二行".as_bytes(), None).unwrap(),
            "第一行\n第二行"
        );
        // Joined files: a second BOM inside the text goes too.
        assert_eq!(
            decode("\u{feff}第一页\n\u{feff}第二页".as_bytes(), None).unwrap(),
            "第一页\n第二页"
        );
    }

    #[test]
    fn labels_and_bom_mismatch() {
        assert_eq!(encoding_for_label("big5").unwrap(), BIG5);
        assert_eq!(encoding_for_label(" GBK ").unwrap(), GB18030);
        assert_eq!(encoding_for_label("gb2312").unwrap(), GB18030);
        assert_eq!(encoding_for_label("utf-16le").unwrap(), UTF_16LE);
        for bad in ["shift_jis", "euc-kr", "utf-7", "latin1", "nonsense"] {
            assert!(
                matches!(
                    encoding_for_label(bad),
                    Err(DecodeError::Unsupported { .. })
                ),
                "{bad}"
            );
        }
        assert!(matches!(
            decode("\u{FEFF}本报讯".as_bytes(), Some(GB18030)),
            Err(DecodeError::BomMismatch { .. })
        ));
        assert_eq!(
            decode("\u{FEFF}本报讯".as_bytes(), Some(UTF_8)).unwrap(),
            "本报讯"
        );
    }
}
