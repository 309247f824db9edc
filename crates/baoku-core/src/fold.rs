//! Folding: the one normalization applied to both article text and queries,
//! so that a query matches iff its folded form is a substring of the folded
//! text.
//!
//! Built in (no table needed): ASCII and full-width Latin case, full-width
//! ASCII → ASCII, quote and dash variants, and removal of whitespace,
//! control and zero-width characters (layout put spaces and line breaks
//! inside words and numbers). Traditional → simplified and the rest of NFKC
//! come from a table that the build computes for the corpus and ships in
//! the manifest: a folded query character that never occurs in the folded
//! corpus can match nothing, so only characters that fold *into* the corpus
//! need an entry.

use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, Default)]
pub struct Folder {
    table: HashMap<char, Box<str>>,
}

/// What one input character becomes.
enum Out<'a> {
    Drop,
    One(char),
    Many(&'a str),
}

impl Folder {
    /// A folder with only the built-in rules.
    pub fn builtin() -> Self {
        Self::default()
    }

    /// A folder with the built-in rules plus `table` (char → folded string).
    pub fn with_table(table: &BTreeMap<char, String>) -> Self {
        let table = table
            .iter()
            .map(|(&k, v)| (k, v.clone().into_boxed_str()))
            .collect();
        Folder { table }
    }

    pub fn table_len(&self) -> usize {
        self.table.len()
    }

    fn map(&self, c: char) -> Out<'_> {
        if let Some(s) = self.table.get(&c) {
            let mut it = s.chars();
            return match (it.next(), it.next()) {
                (None, _) => Out::Drop,
                (Some(one), None) => Out::One(builtin(one).unwrap_or(one)),
                _ => Out::Many(s),
            };
        }
        match builtin(c) {
            Some('\0') => Out::Drop,
            Some(o) => Out::One(o),
            None => Out::One(c),
        }
    }

    /// Fold `s`, calling `emit(folded_char, index_of_source_char)`.
    pub fn fold_each(&self, s: &str, mut emit: impl FnMut(char, usize)) {
        for (i, c) in s.chars().enumerate() {
            match self.map(c) {
                Out::Drop => {}
                Out::One(o) => emit(o, i),
                Out::Many(m) => {
                    for o in m.chars() {
                        if let Some(o) = builtin_or_keep(o) {
                            emit(o, i);
                        }
                    }
                }
            }
        }
    }

    pub fn fold(&self, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        self.fold_each(s, |c, _| out.push(c));
        out
    }

    /// Append the folding of `s` to `out`.
    pub fn fold_into(&self, s: &str, out: &mut String) {
        self.fold_each(s, |c, _| out.push(c));
    }
}

fn builtin_or_keep(c: char) -> Option<char> {
    match builtin(c) {
        Some('\0') => None,
        Some(o) => Some(o),
        None => Some(c),
    }
}

/// The table-free rules. `Some('\0')` means "drop".
fn builtin(c: char) -> Option<char> {
    let o = match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        // Full-width ASCII block maps onto ASCII (NFKC does the same).
        '\u{FF01}'..='\u{FF5E}' => {
            let a = char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c);
            return Some(builtin(a).unwrap_or(a));
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{301D}' | '\u{301E}'
        | '\u{301F}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE58}' | '\u{FE63}' => '-',
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => '\0',
        c if c.is_whitespace() || c.is_control() => '\0',
        _ => return None,
    };
    Some(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules() {
        let f = Folder::builtin();
        assert_eq!(f.fold("ＲＣＥＰ １２"), "rcep12");
        assert_eq!(f.fold("2024 年\n末"), "2024年末");
        assert_eq!(f.fold("“小巨人”——"), "\"小巨人\"--");
        assert_eq!(f.fold("本 报 记 者\u{3000}x"), "本报记者x");
    }

    #[test]
    fn table_rules() {
        let mut t = BTreeMap::new();
        t.insert('專', "专".to_string());
        t.insert('㎡', "m2".to_string());
        t.insert('Ａ', "a".to_string());
        let f = Folder::with_table(&t);
        assert_eq!(f.fold("專精特新 10㎡"), "专精特新10m2");
        let mut idx = vec![];
        f.fold_each("a㎡", |_, i| idx.push(i));
        assert_eq!(idx, vec![0, 1, 1]);
    }
}
