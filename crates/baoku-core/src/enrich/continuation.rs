//! Continuations across pages: an article that ends (下转第7版) — recorded
//! by the segmenter as `continued_on: "第7版"` — links to the article on
//! page 7 of the same issue that continues it, when that page is in the
//! archive. The continuation is the article on the target page whose
//! headline (papers repeat it, sometimes shortened, over the continued
//! part) shares the most with the first article's, or failing a headline
//! match, the only untitled article there.

use crate::model::{Article, Kind};
use crate::text::overlap;

/// Least headline overlap (share of the shorter headline's character
/// pairs) for a continuation to be recognised by its headline.
pub const MIN_HEADLINE_OVERLAP: f64 = 0.5;

/// `第7版`, `7版`, `07`, `A7` → a comparable page key (`7`, `A7`).
pub fn page_key(s: &str) -> String {
    let t = s
        .trim()
        .trim_start_matches('第')
        .trim_end_matches('版')
        .trim();
    let (letters, digits): (String, String) = t.chars().partition(|c| !c.is_ascii_digit());
    let digits = digits.trim_start_matches('0');
    format!("{}{}", letters.to_uppercase(), digits)
}

/// Set `continues_in` / `continued_from` on articles whose continuation is
/// in the archive (clears stale links first).
pub fn link_continuations(articles: &mut [Article]) {
    for a in articles.iter_mut() {
        a.continues_in = None;
        a.continued_from = None;
    }
    let mut links: Vec<(usize, usize)> = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        // A teaser's page number announces an article, it does not
        // continue one: teasers are linked by `teasers`.
        let Some(target) = a.continued_on.as_deref().filter(|_| a.kind != Kind::Teaser) else {
            continue;
        };
        let key = page_key(target);
        let same_issue = |b: &Article| {
            b.publication == a.publication
                && b.date.is_some()
                && b.date == a.date
                && b.page.as_deref().map(page_key).as_deref() == Some(key.as_str())
                && b.kind != Kind::Teaser
        };
        let cands: Vec<usize> = (0..articles.len())
            .filter(|&j| j != i && same_issue(&articles[j]))
            .collect();
        if let Some(j) = pick(a, &cands, articles) {
            links.push((i, j));
        }
    }
    for (i, j) in links {
        if articles[j].continued_from.is_none() {
            articles[i].continues_in = Some(articles[j].id.clone());
            articles[j].continued_from = Some(articles[i].id.clone());
        }
    }
}

fn pick(a: &Article, cands: &[usize], articles: &[Article]) -> Option<usize> {
    let head = a.headline.as_deref().unwrap_or("");
    let best = cands
        .iter()
        .filter_map(|&j| {
            let h = articles[j].headline.as_deref()?;
            let (short, long) = if h.chars().count() <= head.chars().count() {
                (h, head)
            } else {
                (head, h)
            };
            Some((j, overlap(short, long)))
        })
        .filter(|(_, o)| *o >= MIN_HEADLINE_OVERLAP)
        .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
    if let Some((j, _)) = best {
        return Some(j);
    }
    let untitled: Vec<usize> = cands
        .iter()
        .copied()
        .filter(|&j| articles[j].headline.is_none() && articles[j].kind != Kind::Photo)
        .collect();
    match untitled.as_slice() {
        [only] => Some(*only),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(id: &str, page: &str, head: Option<&str>, cont: Option<&str>) -> Article {
        Article {
            publication: Some("聊城日报".into()),
            date: Some("2025-03-26".into()),
            page: Some(page.into()),
            headline: head.map(String::from),
            continued_on: cont.map(String::from),
            paragraphs: vec!["正文。".into()],
            ..Article::new(id, "p.txt", Kind::News)
        }
    }

    #[test]
    fn page_keys_compare_printed_forms() {
        assert_eq!(page_key("第7版"), "7");
        assert_eq!(page_key("07"), "7");
        assert_eq!(page_key("第A3版"), "A3");
        assert_eq!(page_key("2版"), "2");
    }

    #[test]
    fn links_to_the_article_with_the_matching_headline() {
        let mut v = vec![
            art("a", "1", Some("聊城加快培育远航企业"), Some("第7版")),
            art("b", "7", Some("河湖治理见成效"), None),
            art("c", "7", Some("聊城加快培育远航企业"), None),
        ];
        link_continuations(&mut v);
        assert_eq!(v[0].continues_in.as_deref(), Some("c"));
        assert_eq!(v[2].continued_from.as_deref(), Some("a"));
        assert_eq!(v[1].continued_from, None);
    }

    #[test]
    fn falls_back_to_the_only_untitled_article() {
        let mut v = vec![
            art("a", "1", Some("远航企业"), Some("第2版")),
            art("b", "2", Some("河湖治理"), None),
            art("c", "2", None, None),
        ];
        link_continuations(&mut v);
        assert_eq!(v[0].continues_in.as_deref(), Some("c"));
    }

    #[test]
    fn a_teaser_does_not_take_the_continuation() {
        let mut teaser = art("t", "1", Some("聊城加快培育远航企业"), Some("第7版"));
        teaser.kind = Kind::Teaser;
        teaser.paragraphs.clear();
        let mut v = vec![
            teaser,
            art("a", "1", Some("聊城加快培育远航企业"), Some("第7版")),
            art("c", "7", Some("聊城加快培育远航企业"), None),
        ];
        link_continuations(&mut v);
        assert_eq!(v[0].continues_in, None);
        assert_eq!(v[1].continues_in.as_deref(), Some("c"));
        assert_eq!(v[2].continued_from.as_deref(), Some("a"));
    }

    #[test]
    fn no_link_when_the_page_is_missing_or_another_issue() {
        let mut v = vec![
            art("a", "1", Some("远航企业"), Some("第7版")),
            art("b", "3", Some("远航企业"), None),
        ];
        let mut other = art("c", "7", Some("远航企业"), None);
        other.date = Some("2025-03-27".into());
        v.push(other);
        link_continuations(&mut v);
        assert_eq!(v[0].continues_in, None);
        assert!(v.iter().all(|a| a.continued_from.is_none()));
    }
}
