//! Strays: a column no rule gave to its article. Layout rule owned here:
//! every story on a page has a headline, a lead or a byline, so text left
//! with none of them (no heading took it, nothing marks its start or end)
//! is a column of a story read elsewhere on the page, and an article's
//! columns repeat its own words. A stray that clearly shares its wording
//! with one article, and only with that one, joins it; so does one that
//! repeats several pairs of characters only one story on the page uses
//! (and not the rest of its own text); failing that, a
//! story broken off mid-sentence (its next column must be somewhere) takes
//! the stray whose wording it shares most, on less evidence.

use super::blocks::{grams, similarity};
use super::drafts::{body_len, lines_text, opens_dateline, Anchor, Draft, HeadingSlot};
use super::lines::Line;
use super::owners::heading_overlap;
use super::paragraphs::ends_block;
use super::threads::broken;
use crate::text::visible_len;
use std::collections::{HashMap, HashSet};

/// At most this many articles on a page are compared (each stray costs a
/// comparison with each).
const ARTICLES_MAX: usize = 200;
/// Characters of a stray read for its wording.
const CONTEXT: usize = 400;
/// The least share of wording a stray must have with its article, and how
/// many times the next best article's share.
const MIN_SIMILARITY: f64 = 0.18;
const MARGIN: f64 = 2.0;
/// The same for a story broken off mid-sentence: its next column must be
/// somewhere, so less wording is needed.
const BROKEN_MIN: f64 = 0.05;
const BROKEN_MARGIN: f64 = 1.5;
/// Pairs of characters a stray shares with one story and no other: the
/// least number, and how many times the next story's number.
const OWN_MIN: usize = 4;
const OWN_MARGIN: usize = 2;
/// Longest stray the rule above moves: about a column of a page. Longer
/// text without a marked start may be a whole story whose marks extraction
/// broke up (a signature wrapped over two lines).
const COLUMN_MAX: usize = 600;

/// Text without heading, lead or byline.
fn is_stray(d: &Draft) -> bool {
    d.heading.is_none()
        && d.teaser.is_none()
        && d.anchor == Anchor::None
        && d.byline.is_empty()
        && d.embedded_in.is_none()
        && d.lines.iter().flatten().next().is_some()
}

/// A story a stray may join: titled or marked, and not a photo caption.
fn is_story(d: &Draft) -> bool {
    d.teaser.is_none()
        && d.anchor != Anchor::BylineBelow
        && (d.heading.is_some() || d.anchor != Anchor::None || !d.byline.is_empty())
        && d.lines.iter().flatten().next().is_some()
}

/// Runs of a stray's blocks (blank-separated) that belong together: a
/// block after a sentence broken off at a blank line goes with the block
/// before it.
fn chains(lines: &[Option<Line>]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].is_none() {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && lines[i].is_some() {
            i += 1;
        }
        let broken_before = out.last().is_some_and(|&(_, e)| {
            lines[..e]
                .iter()
                .rev()
                .flatten()
                .next()
                .is_some_and(|l| !ends_block(&l.text))
        });
        match out.last_mut() {
            Some(last) if broken_before => last.1 = i,
            _ => out.push((start, i)),
        }
    }
    out
}

/// Who uses which pairs of characters on the page.
struct Words {
    /// How many stories use each pair.
    stories: HashMap<(char, char), usize>,
    /// The story (its place among the stories) each pair only one story
    /// uses belongs to.
    only_in: HashMap<(char, char), usize>,
    /// How many strays use each pair.
    strays: HashMap<(char, char), usize>,
}

impl Words {
    fn of(drafts: &[Draft], strays: &[usize], story_grams: &[HashSet<(char, char)>]) -> Words {
        let mut stories: HashMap<(char, char), usize> = HashMap::new();
        for sg in story_grams {
            for &x in sg {
                *stories.entry(x).or_default() += 1;
            }
        }
        let mut only_in: HashMap<(char, char), usize> = HashMap::new();
        for (k, sg) in story_grams.iter().enumerate() {
            for x in sg {
                if stories.get(x) == Some(&1) {
                    only_in.insert(*x, k);
                }
            }
        }
        let mut by_strays: HashMap<(char, char), usize> = HashMap::new();
        for &i in strays {
            for x in grams(&drafts[i].body_text()) {
                *by_strays.entry(x).or_default() += 1;
            }
        }
        Words {
            stories,
            only_in,
            strays: by_strays,
        }
    }
}

/// Move each stray's runs into the one story whose wording each clearly
/// shares.
pub(super) fn rejoin_strays(drafts: &mut [Draft], slots: &[HeadingSlot]) {
    if drafts.len() < 2 || drafts.len() > ARTICLES_MAX {
        return;
    }
    let strays: Vec<usize> = (0..drafts.len())
        .filter(|&i| is_stray(&drafts[i]))
        .collect();
    if strays.is_empty() {
        return;
    }
    let stories: Vec<usize> = (0..drafts.len())
        .filter(|&i| is_story(&drafts[i]))
        .collect();
    if stories.is_empty() {
        return;
    }
    let story_grams: Vec<HashSet<(char, char)>> = stories
        .iter()
        .map(|&i| grams(&drafts[i].body_text()))
        .collect();
    // Stories broken off mid-sentence (read once: moves apply at the end).
    let broken_at: Vec<bool> = drafts.iter().map(|d| is_story(d) && broken(d)).collect();
    // Broken stories already given their next column.
    let mut continued = vec![false; drafts.len()];
    // Who uses which pairs of characters, read when first needed.
    let mut words: Option<Words> = None;
    // Headings no article took: a stray repeating one of them is that
    // story's own text, not another's column.
    let unclaimed: Vec<String> = (0..slots.len())
        .filter(|&k| !slots[k].lines.is_empty() && !drafts.iter().any(|d| d.heading == Some(k)))
        .map(|k| slots[k].lines.concat())
        .collect();
    // (stray, line range, story)
    let mut moves: Vec<(usize, (usize, usize), usize)> = Vec::new();
    for &s in &strays {
        let runs = chains(&drafts[s].lines);
        // How many of the stray's runs use each pair (read when needed).
        let mut chain_spread: Option<HashMap<(char, char), usize>> = None;
        for &(a, b) in &runs {
            let text: String = lines_text(&drafts[s].lines[a..b])
                .chars()
                .take(CONTEXT)
                .collect();
            // A short scrap says too little about where it belongs.
            // (An untitled caption opens with the photo's day.)
            if visible_len(&text) < 20
                || opens_dateline(&text)
                || unclaimed.iter().any(|h| heading_overlap(h, &text) >= 0.5)
            {
                continue;
            }
            let g = grams(&text);
            let mut scored: Vec<(f64, usize)> = story_grams
                .iter()
                .zip(&stories)
                .map(|(sg, &i)| (similarity(&g, sg), i))
                .collect();
            scored.sort_by(|x, y| y.0.partial_cmp(&x.0).unwrap_or(std::cmp::Ordering::Equal));
            let best = scored[0];
            let second = scored.get(1).map_or(0.0, |x| x.0);
            if best.0 >= MIN_SIMILARITY && best.0 >= MARGIN * second {
                moves.push((s, (a, b), best.1));
                continue;
            }
            // Or it shares clearly more of the wording no other text uses
            // with one story than with any other story, or than with the
            // rest of its own text (a whole story whose marks extraction
            // broke up stays whole).
            let w = words.get_or_insert_with(|| Words::of(drafts, &strays, &story_grams));
            let chain_spread = chain_spread.get_or_insert_with(|| {
                let mut m: HashMap<(char, char), usize> = HashMap::new();
                for &(a, b) in &runs {
                    for x in grams(&lines_text(&drafts[s].lines[a..b])) {
                        *m.entry(x).or_default() += 1;
                    }
                }
                m
            });
            let full = grams(&lines_text(&drafts[s].lines[a..b]));
            // Used by the stray's other runs, or by another stray.
            let in_rest = |x: &(char, char)| {
                chain_spread.get(x).copied().unwrap_or(0) > usize::from(full.contains(x))
            };
            let elsewhere =
                |x: &(char, char)| in_rest(x) || w.strays.get(x).copied().unwrap_or(0) >= 2;
            let mut counts = vec![0usize; stories.len()];
            for x in &g {
                if let Some(&k) = w.only_in.get(x) {
                    if !elsewhere(x) {
                        counts[k] += 1;
                    }
                }
            }
            let mut own: Vec<(usize, usize)> =
                counts.iter().zip(&stories).map(|(&n, &i)| (n, i)).collect();
            own.sort_by_key(|x| std::cmp::Reverse(x.0));
            let second_own = own.get(1).map_or(0, |x| x.0);
            let kept = g
                .iter()
                .filter(|x| in_rest(x) && !w.stories.contains_key(x))
                .count();
            if own[0].0 >= OWN_MIN
                && own[0].0 >= OWN_MARGIN * second_own.max(kept).max(1)
                && body_len(&drafts[s].lines[a..b]) <= COLUMN_MAX
            {
                moves.push((s, (a, b), own[0].1));
                continue;
            }
            // Otherwise a story broken off mid-sentence runs on into it:
            // the one of them whose wording it shares most.
            let open: Vec<(f64, usize)> = scored
                .iter()
                .copied()
                .filter(|&(_, i)| broken_at[i] && !continued[i])
                .collect();
            let second = open.get(1).map_or(0.0, |x| x.0);
            if let Some(&(sim, to)) = open.first() {
                if sim >= BROKEN_MIN && sim >= BROKEN_MARGIN * second {
                    moves.push((s, (a, b), to));
                    continued[to] = true;
                }
            }
        }
    }
    // Drained from the back, so earlier ranges keep their positions; then
    // appended in reading order.
    let mut drained: Vec<(usize, Vec<Option<Line>>)> = moves
        .iter()
        .rev()
        .map(|&(s, (a, b), to)| (to, drafts[s].lines.drain(a..b).collect()))
        .collect();
    drained.reverse();
    for (to, moved) in drained {
        drafts[to].lines.push(None);
        drafts[to].lines.extend(moved);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(text: &[&str], heading: Option<usize>, anchor: Anchor) -> Draft {
        Draft {
            heading,
            anchor,
            ..Draft::of_text(text)
        }
    }

    /// A column nothing marks that repeats words only one story on the page
    /// uses (发明专利) goes to that story, though the two share too little
    /// wording overall to tell by it; a whole story whose marks were lost
    /// (sharing its words with nothing else) stays whole.
    #[test]
    fn a_stray_goes_to_the_one_story_using_its_words() {
        let patents = draft(
            &[
                "记者日前从市市场监管局了解到，优质专利补助办法于1月1日起施行。",
                "办法明确，补助项目每年评审一次，择优对获得补助资格的申报项目予以",
                "补助，一等项目补助10万元，二等项目补助5万元，三等项目补助2万元。",
                "市场监管局将加强对申报材料的审核，确保补助资金用在实处。办法还对",
                "申报条件、评审程序和资金管理作了具体规定，对有效发明专利分类补助。",
            ],
            Some(0),
            Anchor::Lead,
        );
        let parking = draft(
            &["城区东关新建的立体停车场正式投入使用，可提供车位三百余个，缓解了停车难问题。"],
            Some(1),
            Anchor::Lead,
        );
        let stray = draft(
            &["截至去年底，我市共有有效发明专利两千余件，每万人口发明专利拥有量逐年提高。"],
            None,
            Anchor::None,
        );
        let slot = |k: usize| HeadingSlot {
            lines: vec![format!("标题{k}")],
            md: false,
            gaps: vec![],
            prev: None,
            next: Some(k),
            over_byline: false,
        };
        let slots = [slot(0), slot(1)];
        let mut drafts = vec![patents.clone(), parking.clone(), stray];
        rejoin_strays(&mut drafts, &slots);
        assert!(
            drafts[0].body_text().contains("有效发明专利两千余件"),
            "{drafts:#?}"
        );
        assert!(drafts[2].body_text().is_empty(), "{drafts:#?}");
        assert_eq!(drafts[1].body_text(), parking.body_text());

        // Words no story on the page uses: it stays where it is.
        let alone = draft(
            &["春分刚过，漫步在河畔，碧波荡漾，白鹭翩跹，野鸭点点，市民晨练。"],
            None,
            Anchor::None,
        );
        let mut drafts = vec![patents.clone(), parking.clone(), alone.clone()];
        rejoin_strays(&mut drafts, &slots);
        assert_eq!(drafts[2].body_text(), alone.body_text());

        // A whole story whose marks were lost: its second run shares a few
        // words with the patent story, but more with its own first run.
        let mut whole = draft(
            &["轴承企业遇到涉法事务，可查阅依法经营指引，指引涵盖行政许可、行政处罚等事项。"],
            None,
            Anchor::None,
        );
        whole.lines.push(None);
        whole.lines.extend(
            draft(
                &["依法经营指引还列出有效发明专利的维权途径，轴承企业涉法事务行政许可一目了然。"],
                None,
                Anchor::None,
            )
            .lines,
        );
        let mut drafts = vec![patents, parking, whole.clone()];
        rejoin_strays(&mut drafts, &slots);
        assert_eq!(drafts[2].body_text(), whole.body_text(), "{drafts:#?}");
    }
}
