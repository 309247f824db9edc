//! Heading groups: a run of headings with no article text between them.
//! Extraction reads a row of side-by-side headlines together before their
//! bodies, and on pages that set headlines under their bodies it may read
//! them all at the end. Layout rule owned here: each heading of such a run
//! goes to the untitled article next to the run (before or after it) whose
//! body shares most of its wording, best matches first; headlines repeat
//! their article's words.

use super::drafts::{Anchor, Draft, HeadingSlot};
use super::headings::is_sidebar_label;
use super::owners::heading_overlap;
use crate::text;

/// A heading of a run needs this share of its wording in the body.
const GROUP_OVERLAP: f64 = 0.4;
/// Headings shorter than this many character pairs (a kicker, a place
/// name) say too little to be matched by wording.
const MIN_BIGRAMS: usize = 4;
/// Longest run of headings matched (the row of a page is short).
const RUN_MAX: usize = 8;

/// Give the headings of each run to the articles around the run whose
/// bodies repeat their wording. `given[k]` marks the slots placed here.
pub(super) fn assign_runs(
    drafts: &mut [Draft],
    slots: &[HeadingSlot],
    bodies: &[String],
) -> Vec<bool> {
    let mut given = vec![false; slots.len()];
    let member = |s: &HeadingSlot| {
        !s.lines.is_empty()
            && !s.md
            && !is_sidebar_label(&s.lines)
            && text::bigrams(&s.lines.concat()).len() >= MIN_BIGRAMS
    };
    let mut k = 0;
    while k < slots.len() {
        let mut end = k + 1;
        while end < slots.len() && slots[end].prev == slots[k].prev {
            end += 1;
        }
        let run: Vec<usize> = (k..end).filter(|&i| member(&slots[i])).collect();
        if run.len() >= 2 && run.len() <= RUN_MAX {
            match_run(drafts, slots, bodies, &run, slots[k].prev, &mut given);
        }
        k = end;
    }
    given
}

/// An article a run's heading may head: untitled, with text, not a caption
/// closed by its byline.
fn eligible(d: &Draft) -> bool {
    d.heading.is_none()
        && d.teaser.is_none()
        && d.anchor != Anchor::BylineBelow
        && d.lines.iter().flatten().next().is_some()
}

fn match_run(
    drafts: &mut [Draft],
    slots: &[HeadingSlot],
    bodies: &[String],
    run: &[usize],
    prev: Option<usize>,
    given: &mut [bool],
) {
    let reach = run.len() + 1;
    let after = prev.map_or(0, |p| p + 1);
    let mut cands: Vec<usize> = (after..drafts.len())
        .filter(|&i| eligible(&drafts[i]))
        .take(reach)
        .collect();
    cands.extend(
        (0..after)
            .rev()
            .filter(|&i| eligible(&drafts[i]))
            .take(reach),
    );
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for &k in run {
        let h = slots[k].lines.concat();
        for &i in &cands {
            let ov = heading_overlap(&h, &bodies[i]);
            if ov >= GROUP_OVERLAP {
                pairs.push((ov, k, i));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.partial_cmp(&x.0).unwrap_or(std::cmp::Ordering::Equal));
    for (_, k, i) in pairs {
        if !given[k] && drafts[i].heading.is_none() {
            drafts[i].heading = Some(k);
            given[k] = true;
        }
    }
}
