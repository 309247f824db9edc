//! The article record every other part reads: produced by the segmenter,
//! exported as NDJSON, shipped to the browser inside data shards.

use serde::{Deserialize, Serialize};

/// What sort of item an article is; drives display and the `kind` facet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A 本报讯-style report.
    News,
    /// A longer piece with a ■ byline or an "X 聊城报道" byline.
    Feature,
    /// A photo caption, byline after the caption.
    Photo,
    /// An official notice (通知, 公告) with signature and date.
    Notice,
    /// A commentary or editorial (评论, 短评, 时评).
    Commentary,
    /// A sidebar such as 记者感言 that accompanies another article.
    Sidebar,
    /// A front-page teaser pointing to another page; it has no body.
    Teaser,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::News => "news",
            Kind::Feature => "feature",
            Kind::Photo => "photo",
            Kind::Notice => "notice",
            Kind::Commentary => "commentary",
            Kind::Sidebar => "sidebar",
            Kind::Teaser => "teaser",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Kind::News => "消息",
            Kind::Feature => "通讯",
            Kind::Photo => "图片",
            Kind::Notice => "公告",
            Kind::Commentary => "评论",
            Kind::Sidebar => "花絮",
            Kind::Teaser => "导读",
        }
    }
}

/// What the newsroom knows about one page file (from `corpus/pages.json`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageMeta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication: Option<String>,
    /// Issue date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Page label as printed, e.g. `1` or `A3`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// Encoding of the page file (`big5`, `gbk`, `utf-8`, …) when detection
    /// should not decide; read by the `baoku` command.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

/// One article as a reader recognises it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: page file stem plus a hash of the article's opening text.
    pub id: String,
    /// Page file name the article came from.
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication: Option<String>,
    /// Issue date `YYYY-MM-DD`, from metadata or inferred.
    #[serde(default)]
    pub date: Option<String>,
    /// True when `date` was inferred from the text rather than given.
    #[serde(default, skip_serializing_if = "is_false")]
    pub date_inferred: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    pub kind: Kind,
    #[serde(default)]
    pub kicker: Option<String>,
    #[serde(default)]
    pub headline: Option<String>,
    #[serde(default)]
    pub subheadline: Option<String>,
    #[serde(default)]
    pub reporters: Vec<String>,
    #[serde(default)]
    pub correspondents: Vec<String>,
    /// Names printed without a role word (本报讯（赵琦）, "X 聊城报道").
    #[serde(default)]
    pub authors: Vec<String>,
    /// The dateline as printed in the opening, e.g. `3月25日`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// The dateline resolved against the issue date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_date: Option<String>,
    /// Where the article continues, e.g. `第7版` from (下转第7版).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continued_on: Option<String>,
    /// Liaocheng divisions the story is about (see `gazetteer`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    #[serde(default)]
    pub paragraphs: Vec<String>,
    /// Money amounts in the body, in reading order (see [`Amount`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amounts: Vec<Amount>,
    /// Titles of documents cited in 《》, without the brackets; 简称 forms
    /// resolved to the full title; first mention first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<String>,
    /// Companies, government bodies, banks, platforms named in the text,
    /// deduplicated (a declared 简称 merges into the full name).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organizations: Vec<String>,
    /// People named in the text with their title or role (not the bylines).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// Ids of up to five related articles, best first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    /// Id of the article this one continues in (its `continued_on` page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continues_in: Option<String>,
    /// Id of the article this one is the continuation of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continued_from: Option<String>,
}

/// One money amount as printed, e.g. `114.89亿元`, `超1亿元`, `8000余万元`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amount {
    /// The amount as printed, layout spaces removed, including an
    /// approximation word (近/约/超/逾…) that precedes it.
    pub text: String,
    /// The value in whole yuan (`u64`; fractions of a yuan are dropped).
    pub yuan: u64,
    /// True for 余/多/近/约/超/逾/左右/以上 and similar.
    #[serde(default, skip_serializing_if = "is_false")]
    pub approx: bool,
    /// Index into `paragraphs` of the paragraph the amount is in.
    pub paragraph: u32,
    /// Character offset (Unicode scalar values, not bytes) in that
    /// paragraph where the amount starts; [`Article::amount_sentence`]
    /// gives the sentence around it.
    pub offset: u32,
}

/// A person named in an article together with the title or role the text
/// gives them (`副市长` 周涛, `负责人` 张延飞).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    /// The title or role as printed directly before the name, without the
    /// organisation (`副市长`, `局长`, `负责人`, `村民`).
    pub title: String,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Article {
    /// An article of `kind` from page `source` with every other field empty.
    pub fn new(id: impl Into<String>, source: impl Into<String>, kind: Kind) -> Article {
        Article {
            id: id.into(),
            source: source.into(),
            publication: None,
            date: None,
            date_inferred: false,
            page: None,
            kind,
            kicker: None,
            headline: None,
            subheadline: None,
            reporters: vec![],
            correspondents: vec![],
            authors: vec![],
            dateline: None,
            event_date: None,
            continued_on: None,
            places: vec![],
            paragraphs: vec![],
            amounts: vec![],
            documents: vec![],
            organizations: vec![],
            people: vec![],
            related: vec![],
            continues_in: None,
            continued_from: None,
        }
    }

    /// The sentence an amount comes from (for a "key figures" list): the
    /// text between the sentence ends (。！？；) around `amount.offset`.
    pub fn amount_sentence(&self, amount: &Amount) -> Option<String> {
        let p = self.paragraphs.get(amount.paragraph as usize)?;
        let chars: Vec<char> = p.chars().collect();
        let at = amount.offset as usize;
        if at >= chars.len() {
            return None;
        }
        let end_of = |c: char| matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';');
        let start = chars[..at]
            .iter()
            .rposition(|&c| end_of(c))
            .map_or(0, |i| i + 1);
        let mut end = chars[at..]
            .iter()
            .position(|&c| end_of(c))
            .map_or(chars.len(), |i| at + i + 1);
        // A closing quote after the full stop belongs to the sentence.
        while end < chars.len() && matches!(chars[end], '”' | '’' | '"') {
            end += 1;
        }
        let s: String = chars[start..end].iter().collect();
        let s = s.trim_start_matches(['”', '’', ' ']).trim();
        Some(s.to_string())
    }

    /// Every person credited, in byline order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.reporters
            .iter()
            .chain(&self.correspondents)
            .chain(&self.authors)
            .map(String::as_str)
    }

    /// The headline a list shows; photos and untitled items fall back to
    /// the opening of their text.
    pub fn display_title(&self) -> String {
        if let Some(h) = &self.headline {
            return h.clone();
        }
        let first = self.paragraphs.first().map(String::as_str).unwrap_or("");
        let mut t: String = first.chars().take(28).collect();
        if first.chars().count() > 28 {
            t.push('…');
        }
        t
    }

    pub fn year(&self) -> Option<&str> {
        self.date.as_deref().and_then(|d| d.get(0..4))
    }

    pub fn month(&self) -> Option<&str> {
        self.date.as_deref().and_then(|d| d.get(0..7))
    }

    /// GB/T 7714-2015 newspaper reference: 作者.题名[N].报纸名,出版日期(版次).
    pub fn citation(&self) -> String {
        let mut s = String::new();
        let names: Vec<&str> = self.names().collect();
        if !names.is_empty() {
            // GB/T 7714 lists up to three authors, then ",等".
            let shown: Vec<&str> = names.iter().take(3).copied().collect();
            s.push_str(&shown.join(","));
            if names.len() > 3 {
                s.push_str(",等");
            }
            s.push('.');
        }
        s.push_str(&self.display_title());
        s.push_str("[N].");
        s.push_str(self.publication.as_deref().unwrap_or("报纸名不详"));
        if let Some(d) = &self.date {
            s.push(',');
            s.push_str(d);
        }
        if let Some(p) = &self.page {
            s.push('(');
            s.push_str(p);
            s.push(')');
        }
        s.push('.');
        s
    }
}
