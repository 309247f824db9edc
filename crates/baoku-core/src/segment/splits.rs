//! Splits: two stories read as one. Layout rule owned here: a story opened
//! by a byline of its own (■ 本报记者 X, or a 本报讯（记者 X） lead) that
//! closes with a signature naming someone else (……。（记者 Y）) holds a
//! second story, when a headline on the page went to no article (or to one
//! that hardly repeats it, such as a photo caption): extraction read the
//! two headlines as a row and the two bodies as one run. The draft splits
//! at the paragraph where each part repeats its own headline's wording.
//! Without a second signature, a part must open as a story does (with its
//! day) and repeat half its headline.

use super::bylines::{parse_byline, split_lead, trailing_signature, Byline};
use super::drafts::{opens_dateline, Anchor, Draft, Extent, HeadingSlot};
use super::owners::heading_overlap;
use crate::text::{bigrams, ends_sentence, is_han, visible_len};
use std::collections::HashMap;

/// Two stories hold at most this many characters between them: a longer
/// run is left alone.
const STORIES_MAX: usize = 20_000;
/// Headlines read against a draft at most (each costs a pass over it).
const HEADLINES_MAX: usize = 32;
/// Headlines tried as the second part's at every split point.
const CANDIDATES_MAX: usize = 4;
/// Each part is at least this long (characters).
const PART_MIN: usize = 100;
/// A part repeats this share of its headline's wording at least…
const OWN_MIN: f64 = 0.3;
/// …and clearly more than the other part does.
const MARGIN: f64 = 0.2;
/// A part opening with its day and no second signature repeats at least
/// this share of its headline.
const LEAD_OWN_MIN: f64 = 0.5;

fn names(b: &Byline) -> Vec<&String> {
    b.reporters
        .iter()
        .chain(&b.correspondents)
        .chain(&b.authors)
        .collect()
}

/// Do a byline and a signature both name people, none of them the same?
fn different_people(top: &Byline, sig: &Byline) -> bool {
    let (top, sig) = (names(top), names(sig));
    !sig.is_empty() && !top.is_empty() && sig.iter().all(|n| !top.contains(n))
}

/// The byline of a 本报讯（记者 X） lead opening the draft (its first lines
/// joined: the byline may wrap).
fn lead_byline(d: &Draft) -> Option<String> {
    let head: String = d
        .lines
        .iter()
        .flatten()
        .take(4)
        .map(|l| l.text.as_str())
        .collect();
    split_lead(&head).0
}

/// Does the draft open with a byline (on its own line, or inside a lead)
/// and close with a signature naming none of the byline's people?
fn signed_by_another(d: &Draft) -> bool {
    if d.anchor == Anchor::Lead {
        let (Some(top), Some((_, sig))) = (lead_byline(d), d.closing_signature()) else {
            return false;
        };
        return different_people(&parse_byline(&top), &sig);
    }
    if d.anchor != Anchor::BylineAbove || d.byline.is_empty() {
        return false;
    }
    // The signature closes the last line, or stands on a line of its own
    // after it (kept with the byline).
    let own_line = d
        .byline
        .last()
        .filter(|_| d.byline.len() >= 2)
        .and_then(|l| trailing_signature(l.trim()));
    let (sig, top_lines) = match (d.closing_signature(), own_line) {
        (Some(s), _) => (s, &d.byline[..]),
        (None, Some(s)) => (s, &d.byline[..d.byline.len() - 1]),
        (None, None) => return false,
    };
    different_people(&parse_byline(&top_lines.join(" ")), &sig.1)
}

/// Split such drafts in two, the second part taking the unclaimed headline.
pub(super) fn split_two_stories(drafts: &mut Vec<Draft>, slots: &mut [HeadingSlot]) {
    let mut i = 0;
    while i < drafts.len() {
        if let Some((p, first, second, from)) = split_point(drafts, slots, i) {
            if let Some(j) = from {
                drafts[j].heading = None;
            }
            let rest = drafts[i].lines.split_off(p);
            drafts[i].heading = Some(first);
            drafts[i].extent = Extent::Closed;
            let new = Draft {
                lines: rest,
                heading: Some(second),
                extent: Extent::Closed,
                ..Default::default()
            };
            drafts.insert(i + 1, new);
            let shift = |x: &mut Option<usize>| {
                if let Some(v) = x.as_mut().filter(|v| **v > i) {
                    *v += 1;
                }
            };
            for s in slots.iter_mut() {
                shift(&mut s.prev);
                shift(&mut s.next);
            }
            for d in drafts.iter_mut() {
                shift(&mut d.embedded_in);
            }
            i += 1;
        }
        i += 1;
    }
}

/// Where each of a heading's character pairs first and last ends in a text
/// (counted in the text's Han and alphanumeric characters), so the share of
/// the heading each part of a split repeats is read without rereading the
/// text at every split point (as `heading_overlap` would give it).
struct Spread {
    /// For each of the heading's pairs: the first and last index of the
    /// pair's second character, if the text has the pair.
    pairs: Vec<Option<(usize, usize)>>,
}

fn spread(heading: &str, body: &str) -> Spread {
    let hb = bigrams(heading);
    let mut at: HashMap<(char, char), (usize, usize)> = HashMap::new();
    let wanted: std::collections::HashSet<(char, char)> = hb.iter().copied().collect();
    let mut prev: Option<char> = None;
    for (j, c) in body
        .chars()
        .filter(|c| is_han(*c) || c.is_alphanumeric())
        .enumerate()
    {
        if let Some(p) = prev.filter(|p| wanted.contains(&(*p, c))) {
            at.entry((p, c)).and_modify(|e| e.1 = j).or_insert((j, j));
        }
        prev = Some(c);
    }
    Spread {
        pairs: hb.iter().map(|b| at.get(b).copied()).collect(),
    }
}

impl Spread {
    fn share(&self, has: impl Fn((usize, usize)) -> bool) -> f64 {
        if self.pairs.is_empty() {
            return 0.0;
        }
        let n = self.pairs.iter().filter(|p| p.is_some_and(&has)).count();
        n as f64 / self.pairs.len() as f64
    }
    /// The share repeated within the first `c` characters.
    fn before(&self, c: usize) -> f64 {
        self.share(|(first, _)| first < c)
    }
    /// The share repeated from character `c` on.
    fn after(&self, c: usize) -> f64 {
        self.share(|(_, last)| last > c)
    }
}

/// Where draft `i` splits, which headline each part takes, and which other
/// draft gives up the second headline (its own text hardly repeats it).
fn split_point(
    drafts: &[Draft],
    slots: &[HeadingSlot],
    i: usize,
) -> Option<(usize, usize, usize, Option<usize>)> {
    let d = &drafts[i];
    let ka = d.heading?;
    let total = super::drafts::body_len(&d.lines);
    if total > STORIES_MAX || d.anchor == Anchor::BylineBelow {
        return None;
    }
    // Without a second signature, only a part opening as a story opens
    // (its day: 3月25日，……) and repeating its headline clearly can split.
    let signed = signed_by_another(d);
    let own_min = if signed { OWN_MIN } else { LEAD_OWN_MIN };
    let opens_later = |p: usize| {
        d.lines[p].as_ref().is_some_and(|l| opens_dateline(&l.text))
            && d.lines[..p]
                .iter()
                .rev()
                .flatten()
                .next()
                .is_some_and(|l| ends_sentence(&l.text))
    };
    if !signed && !(1..d.lines.len()).any(opens_later) {
        return None;
    }
    let holder = |k: usize| drafts.iter().position(|o| o.heading == Some(k));
    let text = d.body_text();
    // Headlines no article took, wherever on the page (the wording
    // decides), the nearest in reading order first; headlines another
    // draft holds with text that hardly repeats them (a photo caption under
    // them, a story given them only by where they sat), with the share that
    // draft repeats. Only the few the draft's text repeats most are tried
    // at every split point.
    let mut near: Vec<usize> = (0..slots.len())
        .filter(|&k| k != ka && !slots[k].md)
        .collect();
    near.sort_by_key(|&k| k.abs_diff(ka));
    near.truncate(HEADLINES_MAX);
    let mut candidates: Vec<(usize, Option<usize>, f64, Spread)> = near
        .into_iter()
        .filter_map(|k| {
            let h = slots[k].lines.concat();
            if bigrams(&h).len() < 4 {
                return None;
            }
            let (from, held) = match holder(k) {
                None => (None, 0.0),
                Some(j) if j != i => (Some(j), heading_overlap(&h, &drafts[j].body_text())),
                Some(_) => return None,
            };
            let spread = spread(&h, &text);
            (held < OWN_MIN && spread.before(usize::MAX) >= OWN_MIN)
                .then_some((k, from, held, spread))
        })
        .collect();
    candidates.sort_by(|a, b| {
        b.3.before(usize::MAX)
            .total_cmp(&a.3.before(usize::MAX))
            .then(a.0.cmp(&b.0))
    });
    candidates.truncate(CANDIDATES_MAX);
    if candidates.is_empty() {
        return None;
    }
    let ha = spread(&slots[ka].lines.concat(), &text);
    // Prefer a split where a paragraph or a column visibly ends.
    let usual = d.usual_width();
    let mut best: Option<(f64, usize, usize, usize, Option<usize>)> = None;
    let mut before = 0;
    // Han and alphanumeric characters before line `p` (where wording is read).
    let mut chars = 0;
    for p in 1..d.lines.len() {
        if let Some(l) = &d.lines[p - 1] {
            before += visible_len(&l.text);
            chars += l
                .text
                .chars()
                .filter(|c| is_han(*c) || c.is_alphanumeric())
                .count();
        }
        let Some(prev) = d.lines[..p].iter().rev().flatten().next() else {
            continue;
        };
        if d.lines[p].is_none() || !ends_sentence(&prev.text) || before < PART_MIN {
            continue;
        }
        if total - before < PART_MIN {
            break;
        }
        if !signed && !opens_later(p) {
            continue;
        }
        // A paragraph's short last line, or a column break.
        let edge = visible_len(&prev.text) + 2 <= usual || d.lines[p - 1].is_none();
        for (kb, from, held, hb) in &candidates {
            let (kb, from, held) = (*kb, *from, *held);
            for (h1, h2, k1, k2, first) in [(&ha, hb, ka, kb, false), (hb, &ha, kb, ka, true)] {
                let (a1, a2) = (h1.before(chars), h1.after(chars));
                let (b1, b2) = (h2.before(chars), h2.after(chars));
                // The part taking the held headline repeats it clearly more
                // than its holder does.
                let taker = if first { a1 } else { b2 };
                if a1 >= own_min
                    && b2 >= own_min
                    && a1 - a2 >= MARGIN
                    && b2 - b1 >= MARGIN
                    && (from.is_none() || taker - held >= MARGIN)
                {
                    let score = a1 + b2 - a2 - b1 + if edge { 0.1 } else { 0.0 };
                    if best.is_none_or(|b| score > b.0) {
                        best = Some((score, p, k1, k2, from));
                    }
                }
            }
        }
    }
    best.map(|(_, p, k1, k2, from)| (p, k1, k2, from))
}

#[cfg(test)]
mod tests {
    use crate::model::PageMeta;
    use crate::segment::segment_page;

    /// Two headlines (each wrapped in a narrow column) read as a row, then
    /// one byline and both stories' text in one run, the second signed by
    /// someone else: two articles, each under the headline its text
    /// repeats, each with its own names.
    #[test]
    fn a_row_of_two_headlines_over_one_run_of_text_splits_it() {
        let first: String = (1..=5)
            .map(|k| {
                format!("临清市推行容缺办理，第{k}批房地产企业\n缓缴土地出让金，减轻了企业负担。\n")
            })
            .collect();
        let second: String = (1..=5)
            .map(|k| {
                format!("临清市编制轴承产业依法经营指引，\n第{k}册工具书帮助企业规避法律风险。\n")
            })
            .collect();
        let page = format!(
            "{ROW}\
             ■ 本报记者 张三\n\
             {first}\n\
             {second}\
             轴承企业依法经营水平明显提升。（记者 李四）\n"
        );
        let arts = segment_page("p.txt", &page, &PageMeta::default());
        assert_eq!(arts.len(), 2, "{arts:#?}");
        assert_eq!(
            arts[0].headline.as_deref(),
            Some("容缺办理减轻企业负担"),
            "{arts:#?}"
        );
        assert_eq!(arts[0].reporters, vec!["张三"], "{arts:#?}");
        assert!(!arts[0].paragraphs.concat().contains("轴承"), "{arts:#?}");
        assert_eq!(
            arts[1].headline.as_deref(),
            Some("轴承产业有了经营工具书"),
            "{arts:#?}"
        );
        assert_eq!(arts[1].reporters, vec!["李四"], "{arts:#?}");
        assert!(!arts[1].paragraphs.concat().contains("容缺"), "{arts:#?}");
    }

    /// The same with the second story's signature on a line of its own
    /// (kept with the byline) and headlines that repeat only a third of
    /// their wording in their text.
    #[test]
    fn a_signature_on_its_own_line_splits_the_run_too() {
        let first: String = (1..=5)
            .map(|k| format!("第{k}场楼宇圆桌会在开发区东城街道举行，\n企业代表共话发展。\n"))
            .collect();
        let second: String = (1..=5)
            .map(|k| format!("聊城海关为金号家纺签发原产地证书，\n第{k}批货物通关节省税款。\n"))
            .collect();
        let page = format!(
            "“楼宇圆桌会”架起政企连心桥\n\n\
             记者 刘亚杰 临清报道\n\
             {first}\n\
             {second}\
             聊城海关副关长杨青告诉记者。\n\
             （记者 朱海波 通讯员 张博）\n\n\
             我市签发首张原产地证书\n"
        );
        let arts = segment_page("p.txt", &page, &PageMeta::default());
        assert_eq!(arts.len(), 2, "{arts:#?}");
        assert_eq!(arts[0].reporters, vec!["刘亚杰"], "{arts:#?}");
        assert!(!arts[0].paragraphs.concat().contains("海关"), "{arts:#?}");
        assert_eq!(arts[1].reporters, vec!["朱海波"], "{arts:#?}");
        assert_eq!(arts[1].headline.as_deref(), Some("我市签发首张原产地证书"));
    }

    /// Two headlines read as a row, each wrapped in a narrow column.
    const ROW: &str = "容缺办理减轻企\n业负担\n\n轴承产业有了经\n营工具书\n\n";

    fn two_runs() -> (String, String) {
        let first = (1..=5)
            .map(|k| {
                format!("临清市推行容缺办理，第{k}批房地产企业\n缓缴土地出让金，减轻了企业负担。\n")
            })
            .collect();
        let second = (1..=5)
            .map(|k| {
                format!("临清市编制轴承产业依法经营指引，\n第{k}册工具书帮助企业规避法律风险。\n")
            })
            .collect();
        (first, second)
    }

    /// A story opened by a 本报讯（记者 X） lead whose text runs on into a
    /// second story signed by someone else splits like one opened by a
    /// byline line.
    #[test]
    fn a_lead_signed_off_by_someone_else_splits_too() {
        let (first, second) = two_runs();
        let page = format!(
            "{ROW}\
             本报讯（记者 张\n三）{first}\n\
             {second}\
             轴承企业依法经营水平明显提升。（记者 李四）\n"
        );
        let arts = segment_page("p.txt", &page, &PageMeta::default());
        assert_eq!(arts.len(), 2, "{arts:#?}");
        assert_eq!(arts[0].reporters, vec!["张三"], "{arts:#?}");
        assert!(!arts[0].paragraphs.concat().contains("轴承"), "{arts:#?}");
        assert_eq!(arts[1].reporters, vec!["李四"], "{arts:#?}");
        assert_eq!(arts[1].headline.as_deref(), Some("轴承产业有了经营工具书"));
    }

    /// The second story's headline stands over a photo caption elsewhere on
    /// the page and the caption took it; the second part repeats its wording
    /// and the caption does not, so the part takes it back.
    #[test]
    fn a_headline_a_caption_took_goes_to_the_part_repeating_it() {
        let (first, second) = two_runs();
        let page = format!(
            "2016年1月21日 星期四 · 第1版 经济\n\n\
             轴承产业有了经\n营工具书\n\n\
             3月25日，聊城信源集团有限公司锅炉\n烟气碳氮联产项目现场，工作人员在检\n查设备。\n工业余热和二氧化碳的回收利用是实现\n节能减排的关键举措，真正实现了绿色\n循环发展。 ■ 本报记者 王\n五\n\n\
             3月25日，山东易斯特工程工具有限公司\n工人在调运生产的刀具。\n■ 本报记者 赵六\n\n\
             容缺办理减轻企\n业负担\n\n\
             ■ 本报记者 张三\n\
             {first}\n\
             {second}\
             轴承企业依法经营水平明显提升。（记者 李四）\n"
        );
        let arts = segment_page("p.txt", &page, &PageMeta::default());
        assert_eq!(arts.len(), 4, "{arts:#?}");
        assert_eq!(arts[0].headline, None, "{arts:#?}");
        assert_eq!(arts[0].reporters, vec!["王五"], "{arts:#?}");
        let last = &arts[3];
        assert_eq!(last.reporters, vec!["李四"], "{arts:#?}");
        assert_eq!(last.headline.as_deref(), Some("轴承产业有了经营工具书"));
        assert!(!last.paragraphs.concat().contains("容缺"), "{arts:#?}");
    }

    /// The second story's headline printed far away, at the foot of the
    /// page under another story: the wording still finds it.
    #[test]
    fn a_headline_far_from_the_run_still_splits_it() {
        let (first, second) = two_runs();
        let other: String = (1..=4)
            .map(|k| {
                format!(
                    "市工信局构建梯度培育体系，第{k}批种子\n企业新增发明专利，研发投入持续提升。\n"
                )
            })
            .collect();
        let page = format!(
            "容缺办理减轻企业负担\n\n\
             ■ 本报记者 张三\n\
             {first}\n\
             {second}\
             轴承企业依法经营水平明显提升。（记者 李四）\n\n\
             梯度培育提升企业创新能力\n\n\
             ■ 本报记者 王五\n\
             {other}\n\
             轴承产业有了经营工具书\n"
        );
        let arts = segment_page("p.txt", &page, &PageMeta::default());
        assert_eq!(arts.len(), 3, "{arts:#?}");
        assert!(!arts[0].paragraphs.concat().contains("轴承"), "{arts:#?}");
        assert_eq!(arts[1].reporters, vec!["李四"], "{arts:#?}");
        assert_eq!(arts[1].headline.as_deref(), Some("轴承产业有了经营工具书"));
        assert_eq!(arts[2].reporters, vec!["王五"], "{arts:#?}");
    }

    /// No second signature, but the second story opens as a story does,
    /// with its day, and repeats the headline no article took: it splits
    /// there (and only there).
    #[test]
    fn a_story_opening_with_its_day_inside_another_splits_off() {
        let (first, second) = two_runs();
        let page = format!(
            "{ROW}\
             ■ 本报记者 张三\n\
             {first}\n\
             3月25日，记者从临清市获悉，\n\
             {second}"
        );
        let arts = segment_page("p.txt", &page, &PageMeta::default());
        assert_eq!(arts.len(), 2, "{arts:#?}");
        assert!(!arts[0].paragraphs.concat().contains("轴承"), "{arts:#?}");
        assert!(arts[1].paragraphs[0].starts_with("3月25日"), "{arts:#?}");
        assert_eq!(arts[1].headline.as_deref(), Some("轴承产业有了经营工具书"));
        // Without the day the second story's opening could be a paragraph
        // of the first: nothing splits.
        let page = page.replace("3月25日，记者从临清市获悉，\n", "");
        let arts = segment_page("p.txt", &page, &PageMeta::default());
        assert_eq!(
            arts.iter().filter(|a| !a.paragraphs.is_empty()).count(),
            1,
            "{arts:#?}"
        );
    }

    /// A signature on a line of its own is kept with the byline: it still
    /// names the story's last author.
    #[test]
    fn a_signature_kept_with_the_byline_signs_the_draft() {
        use crate::segment::drafts::{Anchor, Draft};
        use crate::segment::lines::{Line, LineKind};
        let line = |t: &str| {
            Some(Line {
                text: t.into(),
                kind: LineKind::Text,
                continued: None,
                indented: false,
            })
        };
        let mut d = Draft {
            anchor: Anchor::BylineAbove,
            byline: vec!["记者 刘亚杰 临清报道".into(), "（记者 朱海波）".into()],
            lines: vec![line("聊城海关副关长杨青告诉记者。")],
            ..Default::default()
        };
        assert!(super::signed_by_another(&d));
        d.byline[1] = "（记者 刘亚杰）".into();
        assert!(!super::signed_by_another(&d));
        d.byline.pop();
        assert!(!super::signed_by_another(&d));
    }
}
