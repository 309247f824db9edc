//! Front-page teasers: a [`Kind::Teaser`] (a headline and `第7版`, no
//! body) points to the article it announces when that page is in the
//! archive. The target is in the same issue (same publication; same date
//! when both are known, both unknown otherwise), on the page the teaser
//! names (any other page when it names none), is not itself a teaser, and
//! has a headline matching the teaser's: equal after folding, one
//! containing the other, or sharing most of the shorter one's character
//! pairs (teasers often shorten the headline). Ties go to the article that
//! comes first, so the result is deterministic.

use crate::enrich::continuation::page_key;
use crate::fold::Folder;
use crate::model::{Article, Kind};
use crate::text::{is_han, overlap};

/// Least share of the shorter headline's character pairs found in the
/// longer one for a match by overlap. "聊城加快培育远航企业" and
/// "聊城加快推进河湖治理" share 3 of 9 pairs (0.33) and do not match;
/// "我市把优质医疗服务送到群众“家门口”" and "优质医疗服务送到群众家门口" match
/// by containment; a reworded teaser needs 0.6.
pub const MIN_TEASER_OVERLAP: f64 = 0.6;

/// Shortest folded headline (characters) that may match other than by
/// equality.
const MIN_CONTAINED: usize = 4;

/// A headline folded to its letters, digits and Han characters.
fn folded(f: &Folder, s: &str) -> String {
    f.fold(s)
        .chars()
        .filter(|c| is_han(*c) || c.is_alphanumeric())
        .collect()
}

/// How well a target headline matches a teaser's: 1.0 equal, 0.9 one
/// contains the other, else the pair overlap when at least
/// [`MIN_TEASER_OVERLAP`], else `None`. Besides equality the shorter one
/// needs 4 characters.
pub fn headline_match(teaser: &str, target: &str) -> Option<f64> {
    let f = Folder::builtin();
    let (t, h) = (folded(&f, teaser), folded(&f, target));
    if t.is_empty() || h.is_empty() {
        return None;
    }
    if t == h {
        return Some(1.0);
    }
    let (short, long) = if t.chars().count() <= h.chars().count() {
        (&t, &h)
    } else {
        (&h, &t)
    };
    if short.chars().count() < MIN_CONTAINED {
        return None;
    }
    if long.contains(short.as_str()) {
        return Some(0.9);
    }
    let o = overlap(short, long);
    // Stay below containment so that a contained headline wins.
    (o >= MIN_TEASER_OVERLAP).then_some(o.min(0.89))
}

fn same_issue(a: &Article, b: &Article) -> bool {
    a.publication == b.publication
        && match (&a.date, &b.date) {
            (Some(x), Some(y)) => x == y,
            (None, None) => true,
            _ => false,
        }
}

fn on_named_page(teaser: &Article, b: &Article) -> bool {
    let page = b.page.as_deref().map(page_key);
    match teaser.continued_on.as_deref() {
        Some(target) => page.is_some_and(|p| p == page_key(target)),
        None => match (teaser.page.as_deref().map(page_key), page) {
            (Some(own), Some(p)) => own != p,
            _ => true,
        },
    }
}

/// Set `teases` on teasers whose article is in the archive and `teased_by`
/// on those articles (clears stale links first).
pub fn link_teasers(articles: &mut [Article]) {
    for a in articles.iter_mut() {
        a.teases = None;
        a.teased_by.clear();
    }
    let mut links: Vec<(usize, usize)> = Vec::new();
    for (i, t) in articles.iter().enumerate() {
        if t.kind != Kind::Teaser {
            continue;
        }
        let Some(head) = t.headline.as_deref() else {
            continue;
        };
        let mut best: Option<(usize, f64)> = None;
        for (j, b) in articles.iter().enumerate() {
            if j == i
                || b.kind == Kind::Teaser
                || b.id == t.id
                || !same_issue(t, b)
                || !on_named_page(t, b)
            {
                continue;
            }
            let score = [b.headline.as_deref(), b.subheadline.as_deref()]
                .into_iter()
                .flatten()
                .filter_map(|h| headline_match(head, h))
                .fold(None, |m: Option<f64>, s| Some(m.map_or(s, |m| m.max(s))));
            if let Some(s) = score {
                if best.is_none_or(|(_, bs)| s > bs) {
                    best = Some((j, s));
                }
            }
        }
        if let Some((j, _)) = best {
            links.push((i, j));
        }
    }
    for (i, j) in links {
        let (tid, jid) = (articles[i].id.clone(), articles[j].id.clone());
        articles[i].teases = Some(jid);
        articles[j].teased_by.push(tid);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(id: &str, kind: Kind, page: &str, head: &str, cont: Option<&str>) -> Article {
        Article {
            publication: Some("聊城日报".into()),
            date: Some("2026-04-01".into()),
            page: Some(page.into()),
            headline: Some(head.into()),
            continued_on: cont.map(String::from),
            paragraphs: if kind == Kind::Teaser {
                vec![]
            } else {
                vec!["正文。".into()]
            },
            ..Article::new(id, "p.txt", kind)
        }
    }

    fn teaser(id: &str, head: &str, cont: Option<&str>) -> Article {
        art(id, Kind::Teaser, "1", head, cont)
    }

    #[test]
    fn links_a_teaser_to_the_article_on_its_page() {
        let mut v = vec![
            teaser("t", "成果转化探索新途径", Some("第7版")),
            art("x", Kind::News, "7", "河湖治理见成效", None),
            art("a", Kind::Feature, "7", "成果转化探索新途径", None),
        ];
        link_teasers(&mut v);
        assert_eq!(v[0].teases.as_deref(), Some("a"));
        assert_eq!(v[2].teased_by, vec!["t"]);
        assert!(v[1].teased_by.is_empty());
        // Idempotent.
        link_teasers(&mut v);
        assert_eq!(v[2].teased_by, vec!["t"]);
    }

    #[test]
    fn the_same_headline_on_another_page_is_a_near_miss() {
        let mut v = vec![
            teaser("t", "成果转化探索新途径", Some("第7版")),
            art("a", Kind::Feature, "6", "成果转化探索新途径", None),
        ];
        link_teasers(&mut v);
        assert_eq!(v[0].teases, None);
        assert!(v[1].teased_by.is_empty());
    }

    #[test]
    fn a_shortened_headline_matches() {
        let mut v = vec![
            teaser("t", "我市把优质医疗服务送到群众“家门口”", Some("第2版")),
            teaser("u", "从“任务清单”到“幸福清单”", Some("2版")),
            art(
                "a",
                Kind::News,
                "2",
                "优质医疗服务送到群众家门口 我市持续推进医联体建设",
                None,
            ),
            art(
                "b",
                Kind::News,
                "2",
                "从任务清单到幸福清单——东昌府区民生实事",
                None,
            ),
        ];
        link_teasers(&mut v);
        assert_eq!(v[0].teases.as_deref(), Some("a"));
        assert_eq!(v[1].teases.as_deref(), Some("b"));
    }

    #[test]
    fn no_target_no_link() {
        let mut v = vec![
            teaser("t", "聊城加快培育远航企业", Some("第7版")),
            art("a", Kind::News, "7", "聊城加快推进河湖治理", None),
            // Another teaser with the same headline is never a target.
            art(
                "b",
                Kind::Teaser,
                "7",
                "聊城加快培育远航企业",
                Some("第7版"),
            ),
        ];
        let mut other_issue = art("c", Kind::News, "7", "聊城加快培育远航企业", None);
        other_issue.date = Some("2026-04-02".into());
        v.push(other_issue);
        link_teasers(&mut v);
        assert!(v
            .iter()
            .all(|a| a.teases.is_none() && a.teased_by.is_empty()));
    }

    #[test]
    fn without_a_page_any_other_page_will_do() {
        let mut v = vec![
            art("a", Kind::News, "1", "成果转化探索新途径", None),
            teaser("t", "成果转化探索新途径", None),
            art("b", Kind::News, "5", "成果转化探索新途径", None),
        ];
        link_teasers(&mut v);
        assert_eq!(v[1].teases.as_deref(), Some("b"));
    }

    #[test]
    fn best_match_then_first_wins() {
        let mut v = vec![
            teaser("t", "成果转化探索新途径", Some("第7版")),
            art("a", Kind::News, "7", "成果转化探索新途径之二", None),
            art("b", Kind::News, "7", "成果转化探索新途径", None),
            art("c", Kind::News, "7", "成果转化探索新途径", None),
        ];
        link_teasers(&mut v);
        assert_eq!(v[0].teases.as_deref(), Some("b"));
    }

    #[test]
    fn headline_match_threshold() {
        assert_eq!(headline_match("“小巨人”企业", "小巨人企业"), Some(1.0));
        assert_eq!(
            headline_match("远航企业", "聊城加快培育远航企业"),
            Some(0.9)
        );
        // Too short to match but by equality.
        assert_eq!(headline_match("企业", "聊城加快培育远航企业"), None);
        assert_eq!(
            headline_match("聊城加快培育远航企业", "聊城加快推进河湖治理"),
            None
        );
        // Reworded: 6 of 8 pairs shared.
        let o = headline_match("高唐改革出实招群众享红利", "高唐改革出实招 企业享红利").unwrap();
        assert!((MIN_TEASER_OVERLAP..0.9).contains(&o), "{o}");
    }
}
