//! Build-time enrichment of segmented articles: money amounts, cited
//! documents, organisations, people with their titles, related articles and
//! continuation links.
//!
//! Amounts, documents, related articles and continuations are plain rules
//! over the text. Organisations and people also use jieba-rs's dictionary
//! and part-of-speech tags, so they need the `enrich` cargo feature (on in
//! the native CLI, off in the WebAssembly app, which only reads the
//! results). Nothing here panics on page text.

pub mod amounts;
pub mod continuation;
pub mod documents;
#[cfg(feature = "enrich")]
pub mod organizations;
#[cfg(feature = "enrich")]
pub mod people;
pub mod related;

use crate::model::Article;

/// Fill the per-article fields (`amounts`, `documents`, and with the
/// `enrich` feature `organizations` and `people`) from the article's text.
pub fn enrich_article(a: &mut Article) {
    a.amounts = a
        .paragraphs
        .iter()
        .enumerate()
        .flat_map(|(i, p)| amounts::amounts_in(p, u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    let texts = a
        .headline
        .iter()
        .chain(a.subheadline.iter())
        .chain(a.paragraphs.iter())
        .map(String::as_str);
    a.documents = documents::documents_in(texts);
    #[cfg(feature = "enrich")]
    {
        let ex = Extractor::global();
        a.organizations = organizations::organizations_in(ex, a);
        a.people = people::people_in(ex, a);
    }
}

/// Enrich every article, then link related articles and continuations
/// across the whole archive.
pub fn enrich_all(articles: &mut [Article]) {
    for a in articles.iter_mut() {
        enrich_article(a);
    }
    related::link_related(articles);
    continuation::link_continuations(articles);
}

/// The jieba segmenter, loaded once (its dictionary takes a moment).
#[cfg(feature = "enrich")]
pub struct Extractor {
    jieba: jieba_rs::Jieba,
}

#[cfg(feature = "enrich")]
impl Extractor {
    pub fn global() -> &'static Extractor {
        static ONE: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
        ONE.get_or_init(|| Extractor {
            jieba: jieba_rs::Jieba::new(),
        })
    }

    /// Words of `s` with their part-of-speech tags (HMM on, so unknown
    /// names come out as words).
    pub fn tag<'a>(&self, s: &'a str) -> Vec<(&'a str, &'a str)> {
        self.jieba
            .tag(s, true)
            .into_iter()
            .map(|t| (t.word, t.tag))
            .collect()
    }

    /// Words of `s` from the dictionary only (no HMM guesses).
    pub fn cut<'a>(&self, s: &'a str) -> Vec<&'a str> {
        self.jieba.cut(s, false)
    }
}
