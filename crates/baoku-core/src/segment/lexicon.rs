//! Lexicon: whether a break falls inside a word. Layout rule owned here:
//! a column breaks off wherever the line is full, often inside a word
//! (……二级节 / 点等予以奖励), while a text that runs on from somewhere else
//! rarely makes a word across the break by chance. With jieba's dictionary
//! (the native build's `enrich` feature) the characters on either side are
//! looked up together; without it (the browser never segments pages)
//! nothing is a word and the page's own evidence decides alone.

use crate::text::is_han;

/// Characters read on each side of the break.
const SIDE: usize = 3;
/// The longest word looked up across it.
const WORD_MAX: usize = 4;

/// Do the last characters of `left` and the first of `right` make one
/// dictionary word across the break? Only when the break falls between
/// two Chinese characters (after a mark, a new clause begins anyway).
pub(super) fn word_across(left: &str, right: &str) -> bool {
    let l: Vec<char> = left.trim_end().chars().rev().take(SIDE).collect();
    let r: Vec<char> = right.trim_start().chars().take(SIDE).collect();
    let (Some(&a), Some(&b)) = (l.first(), r.first()) else {
        return false;
    };
    if !is_han(a) || !is_han(b) {
        return false;
    }
    // Only unbroken runs of Chinese characters on each side.
    let ln = l.iter().take_while(|c| is_han(**c)).count();
    let rn = r.iter().take_while(|c| is_han(**c)).count();
    (1..=ln).any(|i| {
        (1..=rn).filter(|j| i + j <= WORD_MAX).any(|j| {
            let w: String = l[..i].iter().rev().chain(r[..j].iter()).collect();
            is_word(&w)
        })
    })
}

#[cfg(feature = "enrich")]
fn is_word(w: &str) -> bool {
    crate::enrich::Extractor::global().has_word(w)
}

#[cfg(not(feature = "enrich"))]
fn is_word(_: &str) -> bool {
    false
}

#[cfg(all(test, feature = "enrich"))]
mod tests {
    use super::*;

    #[test]
    fn a_word_broken_across_a_column_is_found() {
        assert!(word_across("标识解析二级节", "点等予以奖励"));
        assert!(word_across("落实专精特新等奖励政", "策，推动"));
        // After a mark, or across two words that only sit side by side.
        assert!(!word_across("发展，", "点等予以奖励"));
        assert!(!word_across("优化营商环境", "山东金号家纺"));
    }
}
