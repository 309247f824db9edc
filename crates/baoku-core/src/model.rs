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
    /// On a front-page teaser ([`Kind::Teaser`]): id of the article it
    /// points to, when that page is in the archive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teases: Option<String>,
    /// Ids of the teasers that point to this article, in archive order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub teased_by: Vec<String>,
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
            teases: None,
            teased_by: vec![],
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

    /// GB/T 7714-2015 newspaper reference: `作者.题名[N].报纸名,出版日期(版次).`
    ///
    /// - Authors are the responsible authors: reporters, then names printed
    ///   without a role; correspondents (通讯员) are contributors, not cited.
    ///   Up to three, then `,等`.
    /// - The title is the headline; an untitled photo uses its whole
    ///   caption (first paragraph, a trailing byline removed), other
    ///   untitled items the opening of their text.
    /// - An inferred date is bracketed as GB/T 7714 marks an estimated
    ///   date: `[2026-04-01]`.
    /// - An unknown paper, date or page is left out with its punctuation.
    pub fn citation(&self) -> String {
        let mut s = String::new();
        let names = self.cited_authors();
        if !names.is_empty() {
            s.push_str(&names.iter().take(3).copied().collect::<Vec<_>>().join(","));
            if names.len() > 3 {
                s.push_str(",等");
            }
            s.push('.');
        }
        s.push_str(&self.citation_title());
        s.push_str("[N]");
        // 报纸名,出版日期(版次): each element only when known.
        let mut source = String::new();
        if let Some(p) = self
            .publication
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            source.push_str(p);
        }
        if let Some(d) = self
            .date
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
        {
            if !source.is_empty() {
                source.push(',');
            }
            if self.date_inferred {
                source.push('[');
                source.push_str(d);
                source.push(']');
            } else {
                source.push_str(d);
            }
        }
        if let Some(p) = self
            .page
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            source.push('(');
            source.push_str(p);
            source.push(')');
        }
        if !source.is_empty() {
            s.push('.');
            s.push_str(&source);
        }
        s.push('.');
        s
    }

    /// The names a citation lists as authors: reporters, then role-less
    /// authors (not correspondents), each once, in byline order.
    pub(crate) fn cited_authors(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for n in self.reporters.iter().chain(&self.authors) {
            let n = n.trim();
            if !n.is_empty() && !out.contains(&n) {
                out.push(n);
            }
        }
        out
    }

    /// The title a citation gives: the headline; for an untitled photo its
    /// whole caption without a trailing byline or full stop; otherwise
    /// [`Article::display_title`]; `[无题]` when there is no text at all.
    pub(crate) fn citation_title(&self) -> String {
        let raw = match (&self.headline, self.kind) {
            (Some(h), _) => h.clone(),
            (None, Kind::Photo) => {
                let first = self.paragraphs.first().map(String::as_str).unwrap_or("");
                strip_trailing_byline(first, self)
            }
            (None, _) => self.display_title(),
        };
        let t = crate::text::collapse_spaces(&raw);
        let t = t.trim_end_matches(['。', '.', ' ']);
        if t.is_empty() {
            "[无题]".to_string()
        } else {
            t.to_string()
        }
    }
}

/// A photo caption without the credit that may trail it: `…设备。 ■ 本报记者
/// 许金松`, `…设备。（记者 许金松 摄）`, `…设备 许金松 摄`. A tail is a credit
/// when it consists only of role words (记者, 通讯员…), the article's
/// credited names, 摄 and ■.
fn strip_trailing_byline(caption: &str, a: &Article) -> String {
    let c = caption.trim_matches(crate::text::is_space);
    let mut cut = c.len();
    // Drop credit pieces from the end: a bracketed group, or a run after
    // the last space or sentence end.
    loop {
        let head = c[..cut].trim_end_matches(crate::text::is_space);
        let start = if let Some(body) = head.strip_suffix(['）', ')']) {
            body.rfind(['（', '('])
        } else {
            head.rfind(|ch: char| {
                crate::text::is_space(ch)
                    || matches!(ch, '。' | '！' | '？' | '!' | '?' | '”' | '■')
            })
            .map(|i| {
                // Keep the sentence end itself; a space or ■ goes with the credit.
                let ch = head[i..].chars().next().unwrap_or(' ');
                if crate::text::is_space(ch) || ch == '■' {
                    i
                } else {
                    i + ch.len_utf8()
                }
            })
        };
        match start {
            Some(s) if s > 0 && s < head.len() && is_credit(&head[s..], a) => cut = s,
            _ => {
                cut = head.len();
                break;
            }
        }
    }
    c[..cut].to_string()
}

/// True when `t` is only credit words and the article's names.
fn is_credit(t: &str, a: &Article) -> bool {
    let roles = ["本报记者", "本报通讯员", "记者", "通讯员", "摄影", "摄"];
    let mut any = false;
    for tok in t
        .split(|ch: char| crate::text::is_space(ch) || "■（）()、，,".contains(ch))
        .filter(|s| !s.is_empty())
    {
        let mut rest = tok;
        // 本报记者许金松摄: peel role words and names from both ends.
        'peel: while !rest.is_empty() {
            for w in roles.iter().copied().chain(a.names()) {
                if w.is_empty() {
                    continue;
                }
                if let Some(r) = rest.strip_prefix(w) {
                    rest = r;
                    any = true;
                    continue 'peel;
                }
            }
            return false;
        }
    }
    // A lone ■ left before an already-removed credit goes too.
    any || t.contains('■')
}

#[cfg(test)]
mod citation_tests {
    use super::*;

    fn news() -> Article {
        Article {
            publication: Some("聊城日报".into()),
            date: Some("2025-03-26".into()),
            page: Some("1".into()),
            headline: Some("梯度培育提升企业创新能力".into()),
            reporters: vec!["姬翔".into()],
            correspondents: vec!["李盼盼".into()],
            paragraphs: vec!["3月25日，记者获悉。".into()],
            ..Article::new("a", "p.txt", Kind::News)
        }
    }

    fn well_formed(c: &str) {
        for bad in ["..", ".,", ",.", ",(", "[N]..", "[N],", "报纸名不详", ",,"] {
            assert!(!c.contains(bad), "{c:?} contains {bad:?}");
        }
        assert!(c.ends_with('.'), "{c:?}");
    }

    #[test]
    fn correspondents_are_not_cited_as_authors() {
        let c = news().citation();
        assert_eq!(
            c,
            "姬翔.梯度培育提升企业创新能力[N].聊城日报,2025-03-26(1)."
        );
        well_formed(&c);
    }

    #[test]
    fn three_authors_then_et_al() {
        let mut a = news();
        a.reporters = vec!["甲".into(), "乙".into()];
        a.authors = vec!["丙".into(), "丁".into()];
        assert!(a.citation().starts_with("甲,乙,丙,等.梯度"));
        a.authors.truncate(1);
        assert!(a.citation().starts_with("甲,乙,丙.梯度"));
        // Only a correspondent: no author element at all.
        a.reporters.clear();
        a.authors.clear();
        assert!(a.citation().starts_with("梯度培育"));
    }

    #[test]
    fn inferred_date_is_bracketed_and_unknown_paper_omitted() {
        let mut a = news();
        a.date_inferred = true;
        a.publication = None;
        a.page = None;
        let c = a.citation();
        assert_eq!(c, "姬翔.梯度培育提升企业创新能力[N].[2025-03-26].");
        well_formed(&c);
        a.publication = Some("聊城日报".into());
        assert_eq!(
            a.citation(),
            "姬翔.梯度培育提升企业创新能力[N].聊城日报,[2025-03-26]."
        );
    }

    #[test]
    fn missing_elements_leave_clean_punctuation() {
        let base = news();
        for pubn in [None, Some("聊城日报")] {
            for date in [None, Some("2025-03-26")] {
                for page in [None, Some("A3")] {
                    for inferred in [false, true] {
                        let a = Article {
                            publication: pubn.map(String::from),
                            date: date.map(String::from),
                            page: page.map(String::from),
                            date_inferred: inferred,
                            ..base.clone()
                        };
                        well_formed(&a.citation());
                    }
                }
            }
        }
        let bare = Article {
            paragraphs: vec![],
            ..Article::new("x", "p.txt", Kind::News)
        };
        assert_eq!(bare.citation(), "[无题][N].");
        let a = Article { date: None, ..base };
        assert_eq!(
            a.citation(),
            "姬翔.梯度培育提升企业创新能力[N].聊城日报(1)."
        );
    }

    #[test]
    fn photo_cites_its_whole_caption_without_the_byline() {
        let caption = "3月25日，聊城信源集团有限公司锅炉烟气CCUS年产30万吨碳氮联产项目现场，工作人员在检查设备。";
        let mut a = Article {
            publication: Some("聊城日报".into()),
            date: Some("2025-03-26".into()),
            date_inferred: true,
            reporters: vec!["商景豪".into()],
            paragraphs: vec![caption.into(), "第二段。".into()],
            ..Article::new("p", "p.txt", Kind::Photo)
        };
        let want = "商景豪.3月25日，聊城信源集团有限公司锅炉烟气CCUS年产30万吨碳氮联产项目现场，工作人员在检查设备[N].聊城日报,[2025-03-26].";
        assert_eq!(a.citation(), want);
        for tail in [
            " ■ 本报记者 商景豪",
            "（记者 商景豪 摄）",
            " 商景豪 摄",
            "本报记者商景豪摄",
            "\u{3000}记者　商景豪",
        ] {
            a.paragraphs[0] = format!("{caption}{tail}");
            assert_eq!(a.citation(), want, "{tail:?}");
        }
        // Without a sentence end.
        a.paragraphs[0] = "工人在检查设备 本报记者 商景豪 摄".into();
        assert!(a.citation().starts_with("商景豪.工人在检查设备[N]"));
        // Text after the caption that merely names the photographer stays.
        a.paragraphs[0] = "工人在检查设备。商景豪在现场".into();
        assert!(a.citation().contains("设备。商景豪在现场[N]"));
        // A photo with a headline is cited by it.
        a.headline = Some("春意浓".into());
        assert!(a.citation().starts_with("商景豪.春意浓[N]"));
    }
}
