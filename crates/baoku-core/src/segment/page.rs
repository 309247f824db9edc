//! Page assembly: drafts become articles (headings split, bylines parsed,
//! paragraphs joined), then per-page facts: datelines, issue date, places,
//! stable ids.

use super::account::{article_fields, leftover, PageReport};
use super::blocks::repair_block_order;
use super::bylines::{join_wrapped, parse_byline, split_lead, trailing_signature, Byline};
use super::captions::rejoin_caption_starts;
use super::drafts::{segment_drafts, Anchor, Draft, HeadingSlot};
use super::headings::{is_date_line, is_sidebar_label, split_heading};
use super::interleave::deinterleave;
use super::lines::{classify, is_furniture, Line, LineKind};
use super::owners::assign_headings;
use super::paragraphs::paragraphs;
use super::sidebars::rethread_sidebars;
use super::splices::splice_columns;
use super::splits::split_two_stories;
use super::strays::rejoin_strays;
use super::tails::rejoin_tails;
use super::threads::rethread_columns;
use super::units::build_units;
use super::CAPTION_MAX;
use crate::dates::{self, Ymd};
use crate::gazetteer;
use crate::model::{Article, Kind, PageMeta};
use crate::text::{self, collapse_spaces, ends_sentence, is_han, is_space, visible_len};

/// Segment one page. `source` is the page file name (it seeds the ids).
///
/// With the `enrich` feature (as the CLI builds it) jieba's dictionary also
/// finds words across column breaks (`segment::lexicon`, read by `threads`
/// and `splices`); without it only the page's own character pairs do, so
/// the same page may segment slightly differently. The core's own tests
/// run with it.
pub fn segment_page(source: &str, text: &str, meta: &PageMeta) -> Vec<Article> {
    segment_page_report(source, text, meta).articles
}

/// Segment one page and report the text discarded as furniture.
pub fn segment_page_report(source: &str, text: &str, meta: &PageMeta) -> PageReport {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = deinterleave(&text);
    let mut furniture = Vec::new();
    let lines = repair_block_order(classify(&text, &mut furniture));
    let units = build_units(lines);
    let (mut drafts, mut slots) = segment_drafts(units);
    rethread_sidebars(&mut drafts, &slots);
    let mut counts = None;
    splice_columns(&mut drafts, &mut counts);
    rethread_columns(&mut drafts, &slots, &mut counts);
    rejoin_caption_starts(&mut drafts);
    assign_headings(&mut drafts, &slots);
    split_photo_titles(&mut drafts, &mut slots);
    rejoin_lone_subheadlines(&mut drafts, &mut slots);
    rejoin_tails(&mut drafts, &slots);
    split_two_stories(&mut drafts, &mut slots);
    rejoin_strays(&mut drafts, &slots);

    let blank = Article {
        publication: meta.publication.clone(),
        page: meta.page.clone(),
        ..Article::new(String::new(), source, Kind::News)
    };
    let mut arts: Vec<Article> = Vec::new();
    let taken: Vec<bool> = (0..slots.len())
        .map(|k| drafts.iter().any(|d| d.heading == Some(k)))
        .collect();
    let mut orphans: Vec<Vec<&HeadingSlot>> = vec![Vec::new(); drafts.len() + 1];
    for (k, s) in slots.iter().enumerate() {
        if !taken[k] && !s.lines.is_empty() {
            orphans[s.prev.map_or(0, |p| p + 1)].push(s);
        }
    }
    let orphan_item = |s: &HeadingSlot| {
        let (k, h, sub) = split_heading(&s.lines, &s.gaps, s.md);
        Article {
            kicker: k,
            headline: h,
            subheadline: sub,
            ..blank.clone()
        }
    };
    // On a page with articles, a heading no article claims is a banner or a
    // column name: reported as furniture. On a page without any, headings
    // are all the page has, and each stands as an item.
    let has_text = drafts
        .iter()
        .any(|d| d.lines.iter().flatten().next().is_some());
    for (di, d) in std::iter::once(None)
        .chain(drafts.iter().map(Some))
        .enumerate()
    {
        for s in &orphans[di] {
            if has_text {
                furniture.push(s.lines.join(" "));
                continue;
            }
            let a = orphan_item(s);
            push_leftover(&mut furniture, s.lines.iter().map(String::as_str), &a);
            arts.push(a);
        }
        let Some(d) = d else { continue };
        let start = arts.len();
        let mut sources: Vec<&str> = d.lines.iter().flatten().map(|l| l.text.as_str()).collect();
        sources.extend(d.byline.iter().map(String::as_str));
        if let Some(k) = d.heading {
            sources.extend(slots[k].lines.iter().map(String::as_str));
        }
        if let Some((lines, _)) = &d.teaser {
            sources.extend(lines.iter().map(String::as_str));
        }
        build_articles(d, &slots, &blank, &mut arts);
        let kept: Vec<&str> = arts[start..].iter().flat_map(article_fields).collect();
        let left = leftover(sources, kept);
        if !left.is_empty() {
            furniture.push(left);
        }
    }
    // A page with no article at all still yields its text, as one untitled item.
    if arts.is_empty() && !furniture.is_empty() {
        let texts: Vec<String> = text
            .split('\n')
            .map(collapse_spaces)
            .filter(|l| l.chars().any(is_han) && !is_furniture(l))
            .collect();
        if !texts.is_empty() {
            let a = Article {
                paragraphs: texts,
                ..blank.clone()
            };
            furniture = vec![leftover([&*text], article_fields(&a))]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            arts.push(a);
        }
    }
    finish_page(source, &mut arts, meta);
    PageReport {
        articles: arts,
        furniture,
    }
}

fn push_leftover<'a>(
    furniture: &mut Vec<String>,
    sources: impl IntoIterator<Item = &'a str>,
    a: &'a Article,
) {
    let left = leftover(sources, article_fields(a));
    if !left.is_empty() {
        furniture.push(left);
    }
}

/// A heading that is only a subheadline (——……) heads no story of its
/// own: set under a headline that extraction read before the body's first
/// column, it was read after that column. It joins the headline of the
/// story before it, and the untitled text after it (no lead, no byline)
/// is that story's next column.
fn rejoin_lone_subheadlines(drafts: &mut [Draft], slots: &mut [HeadingSlot]) {
    for j in 1..drafts.len() {
        let Some(k) = drafts[j].heading else { continue };
        let lone = !slots[k].md
            && slots[k].lines.first().is_some_and(|l| l.starts_with("——"))
            && !slots[k].lines.iter().any(|l| ends_sentence(l));
        let d = &drafts[j];
        let continues = d.anchor == Anchor::None && d.byline.is_empty() && d.teaser.is_none();
        let p = &drafts[j - 1];
        let Some(kp) = p
            .heading
            .filter(|_| lone && continues && slots[k].prev == Some(j - 1))
        else {
            continue;
        };
        // A story signed off at its end (……。（记者 X）) has no next column.
        let titled = p.closing_signature().is_none()
            && p.anchor != Anchor::BylineBelow
            && p.teaser.is_none()
            && !slots[kp].md
            && !slots[kp].lines.iter().any(|l| l.starts_with("——"));
        if !titled {
            continue;
        }
        let sub = std::mem::take(&mut slots[k].lines);
        slots[kp].lines.extend(sub);
        let moved = std::mem::take(&mut drafts[j].lines);
        drafts[j].heading = None;
        drafts[j - 1].lines.push(None);
        drafts[j - 1].lines.extend(moved);
    }
}

/// Photo titles are short: "漂浮电站 绿色低碳".
const PHOTO_TITLE_MAX: usize = 12;

/// A signed photo caption and the heading group set right under it: when
/// the group opens with one short line without sentence punctuation, that
/// line is the photo's title. The caption keeps only it when whole
/// headings follow (the next item's headline, a teaser: not kicker and
/// headline of a caption), and takes it when no article took the group.
fn split_photo_titles(drafts: &mut [Draft], slots: &mut Vec<HeadingSlot>) {
    for i in 0..drafts.len() {
        let d = &drafts[i];
        let caption = d.anchor == Anchor::BylineBelow
            && d.embedded_in.is_none()
            && d.teaser.is_none()
            && super::drafts::body_len(&d.lines) <= CAPTION_MAX;
        if !caption {
            continue;
        }
        let Some(k) = (0..slots.len()).find(|&k| slots[k].prev == Some(i)) else {
            continue;
        };
        let own = d.heading == Some(k);
        let free = d.heading.is_none() && !drafts.iter().any(|o| o.heading == Some(k));
        let s = &slots[k];
        let first = s.lines.first().map_or("", |l| l.trim());
        let title = !s.md
            && (2..=PHOTO_TITLE_MAX).contains(&visible_len(first))
            && !first.contains(['。', '，', '；', '：', '！', '？', '—'])
            && !is_sidebar_label(s.lines.get(..1).unwrap_or_default());
        // (A teaser's slot gave its lines away and keeps its gaps.)
        let more =
            s.gaps.first() == Some(&1) && s.lines.get(1).is_some_and(|l| !l.starts_with("——"));
        let alone = s.lines.len() == 1;
        if !title || !(own || free) || (own && !more) {
            continue;
        }
        if more {
            let rest = slots[k].lines.split_off(1);
            let gaps = slots[k]
                .gaps
                .iter()
                .filter(|&&g| g > 1)
                .map(|g| g - 1)
                .collect();
            slots[k].gaps.clear();
            slots.push(HeadingSlot {
                lines: rest,
                md: false,
                gaps,
                prev: Some(i),
                next: None,
                over_byline: false,
            });
        }
        if alone || more {
            drafts[i].heading = Some(k);
        }
    }
}

/// The article (or contents-box teasers) a draft becomes.
fn build_articles(d: &Draft, slots: &[HeadingSlot], blank: &Article, arts: &mut Vec<Article>) {
    {
        if d.is_empty() && d.heading.is_none() {
            return;
        }
        let mut a = Article {
            continued_on: d.continued.clone(),
            ..blank.clone()
        };
        if let Some((lines, target)) = &d.teaser {
            // A contents box lists one teaser per line; a "——" line belongs
            // to the teaser above it.
            let mut groups: Vec<Vec<String>> = Vec::new();
            for l in lines {
                match groups.last_mut() {
                    Some(g) if l.starts_with("——") || l.starts_with("--") => g.push(l.clone()),
                    _ => groups.push(vec![l.clone()]),
                }
            }
            for g in groups {
                let mut t = a.clone();
                let (k, h, s) = split_heading(&g, &[], false);
                t.kicker = k;
                t.headline = h;
                t.subheadline = s;
                t.kind = Kind::Teaser;
                t.continued_on = Some(target.clone());
                arts.push(t);
            }
            return;
        }
        if let Some(k) = d.heading {
            let (kk, h, s) = split_heading(&slots[k].lines, &slots[k].gaps, slots[k].md);
            let (h, s) = rejoin_cut_headline(h, s, &d.body_text());
            a.kicker = kk;
            a.headline = h;
            a.subheadline = s;
        }
        let mut names = Byline::default();
        let mut lines = d.lines.clone();
        // A heading that is only a subheadline (——……) lost its headline to
        // the body: extraction read the headline between two of the body's
        // columns, where it stood as an intertitle.
        if a.headline.as_deref().is_some_and(|h| h.starts_with("——")) && a.subheadline.is_none()
        {
            let label = |l: &Option<Line>| l.as_ref().is_some_and(|l| l.kind == LineKind::Label);
            if let Some(pos) = lines.iter().position(label) {
                let headline = lines.remove(pos).map(|l| collapse_spaces(&l.text));
                a.subheadline = std::mem::replace(&mut a.headline, headline);
            }
        }
        if d.anchor == Anchor::Lead {
            // The parenthesised byline may wrap; read it with its spaces
            // (they separate the names) before paragraphs are joined.
            let take = lines.iter().take(4).take_while(|l| l.is_some()).count();
            let mut raw = String::new();
            let mut used = 0;
            for l in lines.iter().take(take).flatten() {
                // A name cut at a line end continues on the next line (贾 / 明鑫).
                raw = join_wrapped(&raw, &l.text);
                used += 1;
                if raw.contains(['）', ')']) {
                    break;
                }
            }
            let (by, rest) = split_lead(&raw);
            if let Some(by) = by {
                names = parse_byline(&by);
            }
            lines.splice(
                0..used,
                [Some(Line {
                    text: rest,
                    kind: LineKind::Text,
                    continued: None,
                    indented: false,
                })],
            );
        }
        if !d.anchored() {
            // Some papers sign at the end: "……。（记者 王五 通讯员 赵六）".
            // Read it before paragraphs are joined: the spaces separate the names.
            if let Some(k) = lines.iter().rposition(|l| l.is_some()) {
                if let Some((rest, b)) = lines[k].as_ref().and_then(|l| trailing_signature(&l.text))
                {
                    names = b;
                    if rest.is_empty() {
                        lines.remove(k);
                    } else if let Some(l) = lines[k].as_mut() {
                        l.text = rest;
                    }
                }
            }
        }
        let paras = paragraphs(&lines);
        for by in &d.byline {
            let b = parse_byline(by);
            names.reporters.extend(b.reporters);
            names.correspondents.extend(b.correspondents);
            names.authors.extend(b.authors);
        }
        a.reporters = names.reporters;
        a.correspondents = names.correspondents;
        a.authors = names.authors;
        a.paragraphs = paras;
        a.kind = kind_of(d, &a);
        if a.paragraphs.is_empty() && a.headline.is_none() {
            return;
        }
        arts.push(a);
    }
}

pub(super) fn kind_of(d: &Draft, a: &Article) -> Kind {
    let heads = [&a.kicker, &a.headline, &a.subheadline]
        .iter()
        .filter_map(|x| x.as_deref())
        .collect::<Vec<_>>()
        .join("");
    let body_len: usize = a.paragraphs.iter().map(|p| p.chars().count()).sum();
    if ["评论员", "短评", "时评", "社论", "述评", "评论"]
        .iter()
        .any(|w| heads.contains(w))
    {
        return Kind::Commentary;
    }
    if [
        "记者感言",
        "记者手记",
        "采访手记",
        "编后",
        "相关链接",
        "链接",
    ]
    .iter()
    .any(|w| heads.contains(w))
    {
        return Kind::Sidebar;
    }
    let signed = a.paragraphs.last().is_some_and(|p| is_date_line(p));
    let notice_head = ["通知", "公告", "通告", "决定", "倡议书", "公示"]
        .iter()
        .any(|w| heads.ends_with(w));
    if signed || (notice_head && !d.anchored()) {
        return Kind::Notice;
    }
    if d.anchor == Anchor::BylineBelow && body_len <= CAPTION_MAX {
        return Kind::Photo;
    }
    if d.anchor == Anchor::Lead {
        return Kind::News;
    }
    if d.anchor == Anchor::BylineAbove || !d.byline.is_empty() {
        return Kind::Feature;
    }
    Kind::News
}

/// Datelines, issue date, places and ids: things decided per page.
pub(super) fn finish_page(source: &str, arts: &mut [Article], meta: &PageMeta) {
    let full: String = arts
        .iter()
        .flat_map(|a| a.paragraphs.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("\n");
    // Datelines: the first date in the opening two paragraphs.
    let mut openings: Vec<Vec<dates::Mention>> = Vec::new();
    for a in arts.iter_mut() {
        let opening: String = a
            .paragraphs
            .iter()
            .take(2)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join("");
        let m = dates::mentions(&opening);
        a.dateline = m.first().map(|m| m.text.clone());
        openings.push(m.into_iter().take(1).collect());
    }
    let given = meta.date.as_deref().and_then(Ymd::parse);
    let issue = given.or_else(|| infer_issue_date(&full, &openings));
    for (a, m) in arts.iter_mut().zip(&openings) {
        if let Some(issue) = issue {
            a.date = Some(issue.to_string());
            a.date_inferred = given.is_none();
            if let Some(m) = m.first() {
                a.event_date = dates::resolve_before(m, issue).map(|d| d.to_string());
            }
        }
        let heading = [&a.kicker, &a.headline, &a.subheadline]
            .iter()
            .filter_map(|x| x.as_deref())
            .collect::<Vec<_>>()
            .join(" ");
        a.places = gazetteer::places_of(&heading, &a.paragraphs.join(""));
    }
    assign_ids(source, arts);
}

/// The issue date a page's text implies: the day after the latest dateline
/// (papers report the previous day), with years from the page's explicit
/// full dates or, failing those, the latest year it mentions.
pub fn infer_issue_date(full: &str, openings: &[Vec<dates::Mention>]) -> Option<Ymd> {
    let all = dates::mentions(full);
    let explicit: Vec<Ymd> = all
        .iter()
        .filter_map(|m| m.year.and_then(|y| Ymd::new(y, m.month, m.day)))
        .collect();
    let reference = explicit.iter().max().copied().or_else(|| {
        let y = dates::years(full).into_iter().max()?;
        // Without a full date, the latest dateline month in that year.
        let m = openings
            .iter()
            .flatten()
            .map(|m| (m.month, m.day))
            .max()
            .unwrap_or((1, 1));
        Ymd::new(y, m.0, m.1)
    })?;
    let datelines: Vec<Ymd> = openings
        .iter()
        .flatten()
        .filter_map(|m| match m.year {
            Some(y) => Ymd::new(y, m.month, m.day),
            None => dates::resolve_near(m.month, m.day, reference),
        })
        .collect();
    let latest = datelines.into_iter().max().or(Some(reference))?;
    Some(latest.next_day())
}

pub(super) fn assign_ids(source: &str, arts: &mut [Article]) {
    let stem = source.rsplit_once('.').map(|(s, _)| s).unwrap_or(source);
    let mut used = std::collections::HashSet::new();
    for a in arts.iter_mut() {
        let seed_text: String = a
            .paragraphs
            .iter()
            .flat_map(|p| p.chars())
            .chain(a.headline.iter().flat_map(|h| h.chars()))
            .filter(|c| !is_space(*c))
            .take(48)
            .collect();
        let mut h = text::fnv1a(format!("{stem}\u{1}{seed_text}").as_bytes());
        let mut id = format!("{stem}-{:08x}", h as u32);
        while !used.insert(id.clone()) {
            h = text::fnv1a(&h.to_le_bytes());
            id = format!("{stem}-{:08x}", h as u32);
        }
        a.id = id;
    }
}

/// A headline wrapped mid-word reads as a headline over a plain
/// subheadline ("……“育苗扶壮”梯" / "度培育计划三年行动"): when the word
/// cut across the break is one the body uses, the two are one headline.
fn rejoin_cut_headline(
    h: Option<String>,
    s: Option<String>,
    body: &str,
) -> (Option<String>, Option<String>) {
    let (Some(hl), Some(sub)) = (&h, &s) else {
        return (h, s);
    };
    let (Some(x), Some(y)) = (hl.chars().last(), sub.chars().next()) else {
        return (h, s);
    };
    if sub.starts_with(['—', '-']) || !is_han(x) || !is_han(y) {
        return (h, s);
    }
    let mut seam = String::new();
    seam.push(x);
    seam.push(y);
    if body.contains(&seam) {
        return (Some(format!("{hl}{sub}")), None);
    }
    (h, s)
}
