//! Page files arrive as UTF-8 (with or without BOM), UTF-16 with BOM, or
//! GB18030/GBK. Anything else is refused with the file and byte position.

use std::fmt;
use std::path::Path;

#[derive(Debug)]
pub enum DecodeError {
    Empty,
    Binary { offset: usize },
    Undecodable { offset: usize, guess: &'static str },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "the file is empty (no text)"),
            DecodeError::Binary { offset } => {
                write!(f, "the file looks binary, not page text (control byte at byte {offset})")
            }
            DecodeError::Undecodable { offset, guess } => write!(
                f,
                "the file is neither UTF-8 nor GB18030/GBK text: invalid byte at byte {offset} (best guess: {guess})"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

fn control_at(s: &str) -> Option<usize> {
    s.char_indices()
        .find(|(_, c)| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .map(|(i, _)| i)
}

pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    if let Some(p) = bytes.iter().position(|&b| b == 0) {
        // UTF-16 with a BOM is text; other NULs mean binary.
        if !(bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])) {
            return Err(DecodeError::Binary { offset: p });
        }
    }
    let text = if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (t, had_errors) = enc.decode_with_bom_removal(bytes);
        if had_errors {
            return Err(DecodeError::Undecodable {
                offset: 0,
                guess: enc.name(),
            });
        }
        t.into_owned()
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(e) => {
                let gb = encoding_rs::GB18030;
                match gb.decode_without_bom_handling_and_without_replacement(bytes) {
                    Some(t) => t.into_owned(),
                    None => {
                        let mut det = chardetng::EncodingDetector::new();
                        det.feed(bytes, true);
                        let guess = det.guess(None, true).name();
                        return Err(DecodeError::Undecodable {
                            offset: e.valid_up_to(),
                            guess,
                        });
                    }
                }
            }
        }
    };
    if let Some(p) = control_at(&text) {
        return Err(DecodeError::Binary { offset: p });
    }
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(text)
}

pub fn read_page(path: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(path)
        .map_err(|e| anyhow::anyhow!("cannot read page file {}: {e}", path.display()))?;
    decode(&bytes).map_err(|e| anyhow::anyhow!("page file {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_bom_gbk_and_utf16() {
        assert_eq!(decode("\u{FEFF}本报讯".as_bytes()).unwrap(), "本报讯");
        let (gbk, _, _) = encoding_rs::GBK.encode("聊城日报 专精特新\r\n");
        assert_eq!(decode(&gbk).unwrap(), "聊城日报 专精特新\r\n");
        let mut u16 = vec![0xFF, 0xFE];
        for u in "小巨人".encode_utf16() {
            u16.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&u16).unwrap(), "小巨人");
    }

    #[test]
    fn refuses_empty_binary_and_garbage() {
        assert!(matches!(decode(b""), Err(DecodeError::Empty)));
        assert!(matches!(decode(b"  \n\n"), Err(DecodeError::Empty)));
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0"),
            Err(DecodeError::Binary { .. })
        ));
        let e = decode(b"ok text \xff\xff\xff\xff").unwrap_err();
        assert!(e.to_string().contains("byte"), "{e}");
    }
}
