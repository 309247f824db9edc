//! Related articles: those sharing organisations, documents, people and
//! rare terms (quoted “terms” in the body, word pairs of the headline).
//!
//! Each shared feature adds its weight times its rarity (ln N/df), so a
//! document two articles cite beats a 市政府 twenty articles name. Features
//! found in more than [`MAX_DF`] articles are ignored, which also keeps the
//! pass linear in the archive size. An article needs [`MIN_SCORE`] to count.

use crate::model::Article;
use crate::text::is_han;
use std::collections::{BTreeSet, HashMap};

/// At most this many related ids per article.
pub const LIMIT: usize = 5;
/// Features shared by more articles than this say little about relatedness.
pub const MAX_DF: usize = 40;
/// The least score of a related article: one shared document,
/// organisation, person or quoted term passes; a few headline word pairs
/// or one 市政府 do not.
pub const MIN_SCORE: f64 = 2.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum FeatureKind {
    Document,
    Organization,
    Person,
    QuotedTerm,
    HeadlinePair,
}

impl FeatureKind {
    fn weight(self) -> f64 {
        match self {
            FeatureKind::Document => 3.0,
            FeatureKind::Organization => 2.0,
            FeatureKind::Person => 2.0,
            FeatureKind::QuotedTerm => 1.5,
            FeatureKind::HeadlinePair => 0.3,
        }
    }
}

fn features(a: &Article) -> BTreeSet<(FeatureKind, String)> {
    let mut f = BTreeSet::new();
    for d in &a.documents {
        f.insert((FeatureKind::Document, d.clone()));
    }
    for o in &a.organizations {
        f.insert((FeatureKind::Organization, o.clone()));
    }
    for p in &a.people {
        f.insert((FeatureKind::Person, p.name.clone()));
    }
    for p in &a.paragraphs {
        for t in quoted_terms(p) {
            f.insert((FeatureKind::QuotedTerm, t));
        }
    }
    for h in a.headline.iter().chain(a.subheadline.iter()) {
        let cs: Vec<char> = h.chars().collect();
        for w in cs.windows(2) {
            if is_han(w[0]) && is_han(w[1]) {
                f.insert((FeatureKind::HeadlinePair, w.iter().collect()));
            }
        }
    }
    f
}

/// Terms in “” of 2 to 10 characters (not quoted speech).
fn quoted_terms(p: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = p;
    while let Some(s) = rest.find('“') {
        let after = &rest[s + '“'.len_utf8()..];
        let Some(e) = after.find('”') else { break };
        let t = &after[..e];
        let n = t.chars().count();
        if (2..=10).contains(&n) && !t.contains(['，', '。', '！', '？']) {
            out.push(t.to_string());
        }
        rest = &after[e..];
    }
    out
}

/// Set `related` on every article (overwriting it).
pub fn link_related(articles: &mut [Article]) {
    let n = articles.len();
    let feats: Vec<BTreeSet<(FeatureKind, String)>> = articles.iter().map(features).collect();
    let mut postings: HashMap<&(FeatureKind, String), Vec<usize>> = HashMap::new();
    for (i, fs) in feats.iter().enumerate() {
        for f in fs {
            postings.entry(f).or_default().push(i);
        }
    }
    let mut related = Vec::with_capacity(n);
    for (i, fs) in feats.iter().enumerate() {
        let mut score: HashMap<usize, f64> = HashMap::new();
        for f in fs {
            let Some(list) = postings.get(f) else {
                continue;
            };
            if list.len() < 2 || list.len() > MAX_DF {
                continue;
            }
            let idf = (1.0 + n as f64 / list.len() as f64).ln();
            // 市政府, 市委: a level and a body name no particular story.
            let generic = f.0 == FeatureKind::Organization && f.1.chars().count() <= 3;
            let w = if generic { 0.3 } else { f.0.weight() };
            for &j in list {
                if j != i {
                    *score.entry(j).or_default() += w * idf;
                }
            }
        }
        let mut best: Vec<(usize, f64)> =
            score.into_iter().filter(|(_, s)| *s >= MIN_SCORE).collect();
        best.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        related.push(
            best.iter()
                .filter(|(j, _)| articles[*j].id != articles[i].id)
                .take(LIMIT)
                .map(|(j, _)| articles[*j].id.clone())
                .collect::<Vec<_>>(),
        );
    }
    for (a, r) in articles.iter_mut().zip(related) {
        a.related = r;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    fn art(id: &str, head: &str, docs: &[&str], orgs: &[&str]) -> Article {
        Article {
            headline: Some(head.into()),
            documents: docs.iter().map(|s| s.to_string()).collect(),
            organizations: orgs.iter().map(|s| s.to_string()).collect(),
            paragraphs: vec!["正文。".into()],
            ..Article::new(id, "p.txt", Kind::News)
        }
    }

    #[test]
    fn shared_documents_and_organizations_relate_best_first() {
        let mut v = vec![
            art("a", "政策出台", &["若干政策"], &["市财政局", "市工信局"]),
            art("b", "政策解读", &["若干政策"], &["市财政局"]),
            art("c", "财政资金", &[], &["市工信局"]),
            art("d", "河湖治理", &[], &["市水利局"]),
            art("e", "春耕", &[], &[]),
        ];
        link_related(&mut v);
        assert_eq!(v[0].related, vec!["b", "c"]);
        assert_eq!(v[1].related, vec!["a"]);
        assert_eq!(v[2].related, vec!["a"]);
        assert!(v[3].related.is_empty());
        assert!(v[4].related.is_empty());
    }

    #[test]
    fn one_shared_headline_pair_is_not_enough() {
        let mut v = vec![
            art("a", "企业发展", &[], &[]),
            art("b", "企业融资", &[], &[]),
            art("c", "其他", &[], &[]),
        ];
        link_related(&mut v);
        assert!(v[0].related.is_empty());
    }

    #[test]
    fn quoted_terms_are_short_quotes_only() {
        assert_eq!(
            quoted_terms("推进“固定资产投资一件事”改革，他说：“今年，我们将继续努力。”"),
            vec!["固定资产投资一件事"]
        );
    }

    #[test]
    fn a_shared_city_government_alone_is_not_enough() {
        let mut v: Vec<Article> = (0..10)
            .map(|i| art(&format!("x{i}"), "新闻", &[], &[]))
            .collect();
        v[0].organizations = vec!["市政府".into()];
        v[1].organizations = vec!["市政府".into()];
        link_related(&mut v);
        assert!(v[0].related.is_empty());
    }
}
