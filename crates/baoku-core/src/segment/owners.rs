//! Owners: which article each heading group belongs to. Layout rule owned
//! here: a heading goes to the neighbour (the article before or after it)
//! whose body shares most of its wording, with the page's habit (headlines
//! before or after their body) settling weak cases; a heading neither
//! neighbour takes (extraction read a row of headlines together, or all
//! headlines set under their bodies at the end) goes to the untitled
//! article anywhere on the page whose body clearly repeats its wording.

use super::account::CharHasher;
use super::drafts::{is_place_label, Anchor, Draft, HeadingSlot};
use super::groups::assign_runs;
use super::headings::is_sidebar_label;
use crate::text::{self, is_han};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// How far a heading set straight over a byline leans to that byline's story.
const OVER_BYLINE: f64 = 0.5;

/// Give each heading group to the article before or after it.
pub(super) fn assign_headings(drafts: &mut [Draft], slots: &[HeadingSlot]) {
    let bodies: Vec<String> = drafts.iter().map(|d| d.body_text()).collect();
    let joined = |s: &HeadingSlot| s.lines.join("");
    let given = assign_runs(drafts, slots, &bodies);
    // Per-page layout preference: positive means headlines precede bodies.
    let mut direction = 0.0;
    let mut evidence: Vec<(usize, f64)> = Vec::new();
    for (k, s) in slots.iter().enumerate() {
        if s.lines.is_empty() || given[k] {
            continue;
        }
        let h = joined(s);
        let a = s
            .prev
            .map(|p| heading_overlap(&h, &bodies[p]))
            .unwrap_or(-1.0);
        let b = s
            .next
            .map(|n| heading_overlap(&h, &bodies[n]))
            .unwrap_or(-1.0);
        if s.md {
            direction += 1.0;
        }
        if a >= 0.0 && b >= 0.0 {
            direction += b - a;
        }
        // A heading set straight over a story's byline leans to that story
        // (a headline printed after its body may sit over the next byline:
        // its wording still takes it back).
        let lean = if s.over_byline && s.next.is_some() {
            OVER_BYLINE
        } else {
            0.0
        };
        evidence.push((k, b - a + lean));
    }
    // Confident decisions first, so a weak one cannot take a slot a strong one needs.
    evidence.sort_by(|x, y| {
        y.1.abs()
            .partial_cmp(&x.1.abs())
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    for (k, diff) in evidence {
        let s = &slots[k];
        // A place name alone is a kicker: it titles no photo caption.
        let place = is_place_label(&s.lines);
        let free = |i: Option<usize>, drafts: &[Draft]| {
            i.filter(|&i| {
                let d = &drafts[i];
                let caption = d.anchor == Anchor::BylineBelow && d.embedded_in.is_none();
                d.heading.is_none() && d.teaser.is_none() && !(place && caption)
            })
        };
        // A byline under a caption closes it: a heading after it belongs
        // to what follows (or, for a caption inside an article, to that
        // article).
        let closed_by_byline = |i: Option<usize>, drafts: &[Draft]| {
            i.filter(|&i| {
                drafts[i].anchor != Anchor::BylineBelow
                    || drafts[i].embedded_in.is_some()
                    || s.next.is_none()
            })
        };
        let (a, b) = (
            free(closed_by_byline(s.prev, drafts), drafts),
            free(s.next, drafts),
        );
        // A sidebar label heads what follows; other headings go where their
        // wording is, then where the page puts its headings (markdown
        // headings lean towards preceding).
        let prefer_next = if is_sidebar_label(&s.lines) {
            true
        } else if diff.abs() > 0.2 {
            diff > 0.0
        } else {
            s.md || direction > 0.0
        };
        // A caption printed inside an article defers to that article.
        let host = |i: Option<usize>, drafts: &[Draft]| {
            i.map(|i| {
                drafts[i]
                    .embedded_in
                    .filter(|&p| drafts[p].heading.is_none())
                    .unwrap_or(i)
            })
        };
        let (a, b) = (host(a, drafts), host(b, drafts));
        let b = b.map(|n| past_caption(n, &joined(s), drafts, &bodies));
        let pick = if prefer_next { b.or(a) } else { a.or(b) };
        if let Some(p) = pick {
            drafts[p].heading = Some(k);
        }
    }
    claim_by_wording(drafts, slots, &bodies);
}

/// A photo caption that extraction read between a headline and its
/// article: the heading goes on past it to the article after, when that
/// article is free and its body repeats the heading's wording clearly more.
fn past_caption(n: usize, heading: &str, drafts: &[Draft], bodies: &[String]) -> usize {
    let caption = |d: &Draft| d.anchor == Anchor::BylineBelow && d.embedded_in.is_none();
    let Some(after) = drafts.get(n + 1) else {
        return n;
    };
    let free = after.heading.is_none() && after.teaser.is_none() && !caption(after);
    if caption(&drafts[n])
        && free
        && heading_overlap(heading, &bodies[n + 1]) >= heading_overlap(heading, &bodies[n]) + 0.3
    {
        n + 1
    } else {
        n
    }
}

/// At most this many unclaimed headings are matched across the page (each
/// costs one pass over the page's text).
const FAR_CLAIMS_MAX: usize = 16;
/// A far heading needs this share of its wording in the body, and this
/// margin over the next best body.
const FAR_OVERLAP: f64 = 0.6;
const FAR_MARGIN: f64 = 0.25;
/// A neighbour's body repeating less of a heading than this may lose it.
const WEAK_OVERLAP: f64 = 0.25;

/// Headings no neighbour took go to an untitled article elsewhere on the
/// page whose body clearly repeats their wording (best matches first).
fn claim_by_wording(drafts: &mut [Draft], slots: &[HeadingSlot], bodies: &[String]) {
    // A heading a neighbour took although its body hardly repeats it is
    // claimed again, by a body elsewhere that clearly does.
    let mut owner: Vec<Option<usize>> = vec![None; slots.len()];
    for (i, d) in drafts.iter().enumerate() {
        if let Some(k) = d.heading.filter(|&k| owner[k].is_none()) {
            owner[k] = Some(i);
        }
    }
    let own: Vec<f64> = (0..slots.len())
        .map(|k| {
            owner[k].map_or(0.0, |o| {
                heading_overlap(&slots[k].lines.join(""), &bodies[o])
            })
        })
        .collect();
    let claimable = |k: &usize| !slots[*k].lines.is_empty() && !is_sidebar_label(&slots[*k].lines);
    let mut left: Vec<usize> = (0..slots.len())
        .filter(|&k| owner[k].is_none())
        .filter(claimable)
        .collect();
    if left.len() > FAR_CLAIMS_MAX {
        return;
    }
    let weak = (0..slots.len()).filter(|&k| owner[k].is_some() && own[k] < WEAK_OVERLAP);
    left.extend(weak.filter(claimable).take(FAR_CLAIMS_MAX - left.len()));
    if left.is_empty() {
        return;
    }
    // Drafts that cannot take a far headline: titled already, empty, or a
    // photo caption (a caption set inside an article repeats its wording
    // but defers to that article).
    let titled = |d: &Draft| {
        d.heading.is_some()
            || d.teaser.is_some()
            || d.lines.iter().all(Option::is_none)
            || d.anchor == Anchor::BylineBelow
    };
    let mut cands: Vec<(f64, usize, usize)> = Vec::new();
    for &k in &left {
        let h = slots[k].lines.join("");
        let mut scores: Vec<(f64, usize)> = drafts
            .iter()
            .enumerate()
            .filter(|(_, d)| !titled(d))
            .map(|(i, _)| (heading_overlap(&h, &bodies[i]), i))
            .collect();
        scores.sort_by(|x, y| y.0.partial_cmp(&x.0).unwrap_or(std::cmp::Ordering::Equal));
        if let Some(&(best, i)) = scores.first() {
            let second = scores.get(1).map_or(0.0, |s| s.0);
            if best >= FAR_OVERLAP && best - second.max(own[k]) >= FAR_MARGIN {
                cands.push((best, k, i));
            }
        }
    }
    cands.sort_by(|x, y| y.0.partial_cmp(&x.0).unwrap_or(std::cmp::Ordering::Equal));
    for (_, k, i) in cands {
        let still_own = owner[k].is_some_and(|o| drafts[o].heading == Some(k));
        if drafts[i].heading.is_none() && (owner[k].is_none() || still_own) {
            if let Some(o) = owner[k] {
                drafts[o].heading = None;
            }
            drafts[i].heading = Some(k);
        }
    }
}

/// Fraction of a heading's character bigrams found in a body (as
/// `text::overlap`), in one pass over the body with a set the size of the
/// heading: linear in the body, whatever its length.
pub(super) fn heading_overlap(heading: &str, body: &str) -> f64 {
    let hb = text::bigrams(heading);
    if hb.is_empty() {
        return 0.0;
    }
    let mut want: HashMap<(char, char), bool, BuildHasherDefault<CharHasher>> =
        hb.iter().map(|b| (*b, false)).collect();
    let mut prev: Option<char> = None;
    for c in body.chars().filter(|c| is_han(*c) || c.is_alphanumeric()) {
        if let Some(p) = prev {
            if let Some(seen) = want.get_mut(&(p, c)) {
                *seen = true;
            }
        }
        prev = Some(c);
    }
    hb.iter().filter(|b| want.get(*b) == Some(&true)).count() as f64 / hb.len() as f64
}

#[cfg(test)]
mod tests {
    use super::super::drafts::segment_drafts;
    use super::super::lines::classify;
    use super::super::units::build_units;
    use super::*;

    fn drafts_of(page: &str) -> (Vec<Draft>, Vec<HeadingSlot>) {
        segment_drafts(build_units(classify(page, &mut Vec::new())))
    }

    /// A headline printed away from its story (under everything) goes to
    /// the untitled story repeating it, not lost to a photo caption inside
    /// another article that repeats part of it too.
    #[test]
    fn a_caption_inside_an_article_does_not_compete_for_a_far_headline() {
        use super::super::lines::{Line, LineKind};
        let lines = |t: &str| {
            vec![Some(Line {
                text: t.into(),
                kind: LineKind::Text,
                continued: None,
                indented: false,
            })]
        };
        let mut drafts = vec![
            Draft {
                lines: lines("市场监管局出台专利补助办法，激发企业创新活力。"),
                anchor: Anchor::BylineAbove,
                heading: Some(0),
                ..Default::default()
            },
            Draft {
                lines: lines("1月4日，金号家纺获签发首张原产地证书。"),
                anchor: Anchor::BylineBelow,
                embedded_in: Some(0),
                ..Default::default()
            },
            Draft {
                lines: lines("聊城海关为金号家纺签发了我市签发的首张原产地证书，节省税款近2万元。"),
                anchor: Anchor::BylineAbove,
                ..Default::default()
            },
        ];
        let slot = |t: &str| HeadingSlot {
            lines: vec![t.into()],
            md: false,
            gaps: Vec::new(),
            prev: None,
            next: None,
            over_byline: false,
        };
        let slots = vec![slot("专利补助办法施行"), slot("我市签发首张原产地证书")];
        let bodies: Vec<String> = drafts.iter().map(|d| d.body_text()).collect();
        claim_by_wording(&mut drafts, &slots, &bodies);
        assert_eq!(drafts[2].heading, Some(1));
        assert_eq!(drafts[1].heading, None);
    }

    /// A heading set straight over a byline (no blank line) is marked so;
    /// one a blank line keeps apart is not.
    #[test]
    fn a_heading_straight_over_a_byline_is_marked() {
        let tight =
            "东阿阿胶园区入选示范试点区名单\n■ 赵琦\n2021年12月24日，省文化和旅游厅发布名单。\n";
        let (_, slots) = drafts_of(tight);
        assert!(slots.iter().any(|s| s.over_byline), "straight over");
        let apart =
            "东阿阿胶园区入选示范试点区名单\n\n■ 赵琦\n2021年12月24日，省文化和旅游厅发布名单。\n";
        let (_, slots) = drafts_of(apart);
        assert!(!slots.iter().any(|s| s.over_byline), "a blank line between");
    }

    /// Such a heading leans to the byline's story when wording cannot
    /// tell; a headline printed after its own body, wording its own story,
    /// still goes back to it.
    #[test]
    fn a_heading_over_a_byline_leans_to_its_story_unless_wording_says_otherwise() {
        let page = "元旦期间，我市各景区严格落实防控措施，为游客打造安全有序的环境。\n\n\
                    老字号焕新颜\n■ 赵琦\n2021年12月24日，省文化和旅游厅发布园区名单。\n";
        let (mut drafts, slots) = drafts_of(page);
        assign_headings(&mut drafts, &slots);
        let owner = drafts.iter().find(|d| d.heading.is_some()).expect("taken");
        assert_eq!(owner.anchor, Anchor::BylineAbove);
        let page = "高新区发放科技成果转化贷款，科技成果转化贷款支持企业。（记者 贾新伟）\n\n\
                    发放科技成果转化贷款\n■ 本报记者 刘亚杰\n楼宇圆桌会在开发区东城街道举行。\n";
        let (mut drafts, slots) = drafts_of(page);
        assign_headings(&mut drafts, &slots);
        assert!(drafts[0].heading.is_some(), "wording takes it back");
    }
}
