//! Wording: what a block's words say about the article it belongs to.
//! Layout rule owned here: an article's columns repeat its own words, go
//! on counting its points (一是……二是) and close the quotes it opened, so
//! a block read after another article's text can be told apart from that
//! text by its words alone. Every test reads bounded text around the
//! break, so a page's cost stays linear in its length.

use super::account::CharHasher;
use super::blocks::similarity;
use super::lines::Line;
use crate::text::bigrams;
use std::collections::HashSet;
use std::hash::BuildHasherDefault;

pub(super) type PairSet = HashSet<(char, char), BuildHasherDefault<CharHasher>>;

/// `grams` in a set with a fast hasher (read for every block a finished
/// story looks at).
pub(super) fn pairs(s: &str) -> PairSet {
    bigrams(s).into_iter().collect()
}

/// How many characters of text on either side the wording test reads.
pub(super) const CONTEXT: usize = 400;

/// Does the block share clearly more wording with the broken article than
/// with the text it follows (an article's columns repeat its own words)?
pub(super) fn closer_in_wording(
    broken: &[Option<Line>],
    host: &[Option<Line>],
    block: &[Option<Line>],
) -> bool {
    let (mine, theirs) = wording(broken, host, block);
    mine >= 0.10 && mine >= 2.0 * theirs
}

/// How similar the block's opening is to the broken article's last text
/// and to the host's text before it.
pub(super) fn wording(
    broken: &[Option<Line>],
    host: &[Option<Line>],
    block: &[Option<Line>],
) -> (f64, f64) {
    let g = pairs(&head(block, CONTEXT));
    (
        similarity(&g, &pairs(&tail(broken, CONTEXT))),
        similarity(&g, &pairs(&tail(host, CONTEXT))),
    )
}

/// With no broken sentence to go on, wording alone must clearly favour
/// the story (`near`: its last `CONTEXT` characters' pairs) over the
/// host's text on both sides of the block: twice as similar.
pub(super) fn clearly_closer(
    near: &PairSet,
    before: &[Option<Line>],
    block: &[Option<Line>],
    after: &[Option<Line>],
) -> bool {
    let g = pairs(&head(block, CONTEXT));
    let host = tail(before, CONTEXT) + &head(after, CONTEXT);
    similarity(&g, near) >= 2.0 * similarity(&g, &pairs(&host))
}

/// Pairs of characters the block shares with the broken article and not
/// with its host: the least number, and how many times the host's own.
pub(super) const OWN_MIN: usize = 12;
pub(super) const OWN_MARGIN: usize = 4;

/// Does the block repeat clearly more words the broken article uses and
/// its host does not than the other way round?
pub(super) fn own_words(
    broken: &[Option<Line>],
    before: &[Option<Line>],
    block: &[Option<Line>],
    after: &[Option<Line>],
) -> bool {
    own_words_of(&pairs(&tail(broken, WORDS_CONTEXT)), before, block, after)
}

/// `own_words` with the broken article's pairs (`mine`) read already.
pub(super) fn own_words_of(
    mine: &PairSet,
    before: &[Option<Line>],
    block: &[Option<Line>],
    after: &[Option<Line>],
) -> bool {
    let g = pairs(&head(block, WORDS_CONTEXT));
    // The host's text on both sides of the block.
    let theirs = pairs(&(tail(before, WORDS_CONTEXT) + &head(after, WORDS_CONTEXT)));
    let only =
        |a: &PairSet, b: &PairSet| g.iter().filter(|x| a.contains(x) && !b.contains(x)).count();
    let (m, t) = (only(mine, &theirs), only(&theirs, mine));
    m >= OWN_MIN && m >= OWN_MARGIN * t.max(1)
}

/// Characters of text on each side that `own_words` reads (bounded, so a
/// page's cost stays linear in its length).
pub(super) const WORDS_CONTEXT: usize = 1500;

/// The last `n` characters of the lines' text (cut inside a line: a
/// crafted line may be any length).
pub(super) fn tail(ls: &[Option<Line>], n: usize) -> String {
    let mut cs: Vec<char> = Vec::new();
    for l in ls.iter().rev().flatten() {
        cs.extend(l.text.chars().rev().take(n - cs.len()));
        if cs.len() >= n {
            break;
        }
    }
    cs.into_iter().rev().collect()
}

/// The first `n` characters of the lines' text.
pub(super) fn head(ls: &[Option<Line>], n: usize) -> String {
    let mut out = String::new();
    let mut len = 0;
    for l in ls.iter().flatten() {
        for c in l.text.chars() {
            if len == n {
                return out;
            }
            out.push(c);
            len += 1;
        }
    }
    out
}

/// Marks a sentence opens and closes again: a quote, a title, an aside.
pub(super) const PAIRS: [(char, char); 4] = [('“', '”'), ('‘', '’'), ('《', '》'), ('（', '）')];
/// How far into the block its closing mark is looked for.
pub(super) const CLOSE_WITHIN: usize = 40;

/// The story broke off inside a quote (落实“……) that the block closes
/// before opening any (人才兴聊”……), and the host's text left none open:
/// the quote runs on into the block.
pub(super) fn closes_its_mark(
    story: &[Option<Line>],
    host: &[Option<Line>],
    block: &[Option<Line>],
) -> bool {
    let head = head(block, CLOSE_WITHIN);
    let (story, host) = (tail(story, CONTEXT), tail(host, CONTEXT));
    let open_in =
        |t: &str, (o, c): (char, char)| t.chars().rev().find(|&x| x == o || x == c) == Some(o);
    PAIRS.into_iter().any(|(o, c)| {
        head.chars().find(|&x| x == o || x == c) == Some(c)
            && open_in(&story, (o, c))
            && !open_in(&host, (o, c))
    })
}

/// Ordinals a report counts its points with (一是……二是……三是……).
pub(super) const ORDINALS: [char; 10] =
    ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// The counted points ("二是") in text, in order, as numbers from 1.
pub(super) fn counted(text: &str) -> Vec<usize> {
    let cs: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    cs.windows(2)
        .filter(|w| w[1] == '是')
        .filter_map(|w| ORDINALS.iter().position(|&o| o == w[0]))
        .map(|n| n + 1)
        .collect()
}

/// Does the block go on counting where the broken article stopped (its
/// last point 一是, the block's first 二是) while the text it follows
/// counts nothing it could go on from? (Read within `WORDS_CONTEXT` of
/// the break, so the cost stays bounded.)
pub(super) fn goes_on_counting(
    broken: &[Option<Line>],
    host: &[Option<Line>],
    block: &[Option<Line>],
) -> bool {
    let Some(&first) = counted(&head(block, WORDS_CONTEXT)).first() else {
        return false;
    };
    let last_of = |ls: &[Option<Line>]| counted(&tail(ls, WORDS_CONTEXT)).last().copied();
    first >= 2 && last_of(broken) == Some(first - 1) && last_of(host) != Some(first - 1)
}
