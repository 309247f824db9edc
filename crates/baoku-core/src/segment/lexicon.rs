//! Lexicon: whether a break falls inside a word. Layout rule owned here:
//! a column breaks off wherever the line is full, often inside a word
//! (……二级节 / 点等予以奖励), while a text that runs on from somewhere else
//! rarely makes a word across the break by chance. With jieba's dictionary
//! (the native build's `enrich` feature) the characters on either side are
//! cut into words together, and a word across the break counts; without it
//! (the browser never segments pages) nothing is a word and the page's own
//! evidence decides alone.

use crate::text::is_han;

/// Characters read on each side of the break.
const SIDE: usize = 4;

/// Do the last characters of `left` and the first of `right`, cut into
/// dictionary words, make a word across the break? Only when the break
/// falls between two Chinese characters (after a mark, a new clause begins
/// anyway). The text is cut as a whole, not looked up pair by pair: the
/// dictionary holds rare words for most pairs of characters (人力 | 持续
/// would make 力持), but a cut keeps to the likely words (人力 / 持续).
pub(super) fn word_across(left: &str, right: &str) -> bool {
    let l: Vec<char> = left
        .trim_end()
        .chars()
        .rev()
        .take(SIDE)
        .take_while(|c| is_han(*c))
        .collect();
    let r: Vec<char> = right
        .trim_start()
        .chars()
        .take(SIDE)
        .take_while(|c| is_han(*c))
        .collect();
    if l.is_empty() || r.is_empty() {
        return false;
    }
    let seam = l.len();
    let text: String = l.iter().rev().chain(r.iter()).collect();
    spans(&text).iter().any(|&(s, e)| s < seam && seam < e)
}

#[cfg(feature = "enrich")]
fn spans(text: &str) -> Vec<(usize, usize)> {
    crate::enrich::Extractor::global().word_spans(text)
}

#[cfg(not(feature = "enrich"))]
fn spans(_: &str) -> Vec<(usize, usize)> {
    Vec::new()
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
        // The dictionary has 力持 and 可加, but nobody reads them here.
        assert!(!word_across("实现人力", "持续发展能力"));
        assert!(!word_across("提升竞争力和可", "加强轴承产业"));
        assert!(word_across("在劳动用", "工方面"));
        assert!(word_across("遇到了困", "难。"));
    }
}
