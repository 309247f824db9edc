//! Build-time enrichment of segmented articles: money amounts, cited
//! documents, organisations, people with their titles, related articles,
//! continuation links and teaser links.
//!
//! Amounts, documents, related articles, continuations and teasers are plain rules
//! over the text. Organisations and people also use jieba-rs's dictionary
//! and part-of-speech tags, so they need the `enrich` cargo feature (on in
//! the native CLI, off in the WebAssembly app, which only reads the
//! results). Nothing here panics on page text.

pub mod amounts;
pub mod continuation;
pub mod documents;
#[cfg(feature = "enrich")]
mod org_words;
#[cfg(feature = "enrich")]
pub mod organizations;
#[cfg(feature = "enrich")]
pub mod people;
pub mod related;
pub mod teasers;

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

/// Enrich every article, then link related articles, continuations and
/// front-page teasers across the whole archive.
pub fn enrich_all(articles: &mut [Article]) {
    // Articles are independent: use every core (one where threads are not
    // available, e.g. WebAssembly).
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads > 1 && articles.len() >= 2 * threads {
        let chunk = articles.len().div_ceil(threads);
        std::thread::scope(|s| {
            for part in articles.chunks_mut(chunk) {
                s.spawn(move || part.iter_mut().for_each(enrich_article));
            }
        });
    } else {
        articles.iter_mut().for_each(enrich_article);
    }
    related::link_related(articles);
    continuation::link_continuations(articles);
    teasers::link_teasers(articles);
}

/// The jieba segmenter, loaded once (its dictionary takes a moment).
#[cfg(feature = "enrich")]
pub struct Extractor {
    jieba: jieba_rs::Jieba,
}

/// Part of speech of a word, from jieba's tag set, reduced to what the
/// extractors ask.
#[cfg(feature = "enrich")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    /// ns: a place name.
    Place,
    /// nr, nrfg, nrt: a person name.
    Person,
    /// nt: an organisation name.
    Organization,
    /// nz, eng: another proper name, Latin.
    Proper,
    /// j: an abbreviation — 邮储 (bank), but also 研发, 技改, 同比.
    Abbreviation,
    /// Other nouns (n, vn, an, ng, b…).
    Noun,
    /// Verbs.
    Verb,
    /// Set phrases and idioms (l, i): 社会工作, 充分发挥, 一墙之隔.
    Idiom,
    /// Prepositions, conjunctions, particles, pronouns.
    Function,
    /// Adverbs (jieba also gives d to some nouns: 高速 in 山东高速集团).
    Adverb,
    /// Numbers and measure words.
    Number,
    /// Adjectives, localisers, idioms, punctuation (x) and the rest.
    Other,
}

#[cfg(feature = "enrich")]
impl Pos {
    fn from_tag(t: &str) -> Pos {
        match t {
            "ns" | "nsf" => Pos::Place,
            "nr" | "nrfg" | "nrt" | "nr1" | "nr2" => Pos::Person,
            "nt" => Pos::Organization,
            "nz" | "eng" => Pos::Proper,
            "j" => Pos::Abbreviation,
            "m" | "q" | "mq" => Pos::Number,
            "p" | "c" | "r" | "rr" | "rz" | "rg" | "e" | "y" | "o" => Pos::Function,
            "d" | "dg" | "ad" => Pos::Adverb,
            _ if t.starts_with('u') => Pos::Function,
            "l" | "i" => Pos::Idiom,
            _ if t.starts_with('n') || t == "vn" || t == "an" || t == "b" => Pos::Noun,
            _ if t.starts_with('v') => Pos::Verb,
            _ => Pos::Other,
        }
    }
}

/// One word: character range in the text it came from, and its tag.
#[cfg(feature = "enrich")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub pos: Pos,
}

#[cfg(feature = "enrich")]
impl Extractor {
    pub fn global() -> &'static Extractor {
        static ONE: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
        ONE.get_or_init(|| Extractor {
            jieba: jieba_rs::Jieba::new(),
        })
    }

    /// Where jieba cuts `s` into dictionary words: each word's start and
    /// end, counted in characters.
    pub fn word_spans(&self, s: &str) -> Vec<(usize, usize)> {
        self.jieba
            .cut(s, false)
            .into_iter()
            .map(|t| (t.start, t.end))
            .collect()
    }

    /// Words of `s` with their tags; `hmm` lets jieba guess words missing
    /// from its dictionary (unknown names), otherwise dictionary words only.
    pub fn words(&self, s: &str, hmm: bool) -> Vec<Word> {
        self.jieba
            .tag(s, hmm)
            .into_iter()
            .map(|t| Word {
                start: t.start,
                end: t.end,
                pos: Pos::from_tag(t.tag),
            })
            .collect()
    }
}
