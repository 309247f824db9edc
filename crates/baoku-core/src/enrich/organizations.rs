//! Organisations: companies, government and party bodies, banks,
//! platforms, cooperatives.
//!
//! jieba-rs cuts the text into dictionary words (no HMM guesses, so word
//! boundaries stay where the dictionary puts them) with part-of-speech
//! tags. A name ends in a word of a suffix class (有限公司, 集团, 银行, 局,
//! 委员会, 办公室, 中心, 平台, 合作社, 海关…) and grows leftwards word by word
//! until a function word or verb that introduces it (从, 是, 经, 邀请…), a
//! punctuation mark, or the place that starts it (市, 山东, 临清市…). It is
//! kept only when it is a *named* organisation: it starts with a place or
//! administrative level, contains a proper name (jieba's ns/nr/nz/nt tags;
//! j abbreviations for businesses: 邮储银行), or is a registered company
//! form (…有限公司). So 物业公司, 该公司,
//! 28家银行 and 装卸平台 are not organisations. A declared 简称 and the same
//! body with or without its place prefix (市政府 / 聊城市政府) merge.

use super::org_words::{
    SuffixClass, LEVEL_PREFIXES, NOT_SUFFIX_WORDS, RANK_PREFIXES, STOP_WORDS, SUFFIXES,
};
use super::people::TITLES;
use super::{Extractor, Pos, Word};
use crate::gazetteer::DIVISIONS;
use crate::model::Article;
use crate::text::{is_han, remove_layout_spaces};

fn suffix_of(word: &str) -> Option<(&'static str, SuffixClass)> {
    if NOT_SUFFIX_WORDS.contains(&word)
        || ["常委", "干部", "大厅"].iter().any(|w| word.ends_with(w))
    {
        return None;
    }
    let (s, c) = SUFFIXES.iter().find(|(s, _)| word.ends_with(s)).copied()?;
    // 研究院所, 院所: a one-character suffix after another suffix is a
    // compound noun (institutes), not a name.
    let head = &word[..word.len() - s.len()];
    if s.chars().count() == 1
        && (SUFFIXES.iter().any(|(t, _)| head.ends_with(t))
            || head.ends_with(['院', '局', '所', '部', '委', '厅']))
    {
        return None;
    }
    Some((s, c))
}

fn is_name_char(c: char) -> bool {
    is_han(c) || c.is_ascii_alphanumeric() || matches!(c, '‘' | '’' | '·')
}

fn is_place_word(w: &str, pos: Pos) -> bool {
    // A lone character jieba calls a place (华) is a guess, not a place.
    (pos == Pos::Place && w.chars().count() >= 2)
        || DIVISIONS
            .iter()
            .any(|(name, aliases)| *name == w || aliases.contains(&w))
        || (w.chars().count() >= 2 && (w.ends_with('市') || w.ends_with('省') || w.ends_with('县')))
        || ["山东", "聊城", "山东省", "聊城市"].contains(&w)
}

/// A branch names its parent before its place: 中国工商银行聊城分行.
fn is_branch(w: &str) -> bool {
    [
        "分行",
        "支行",
        "分公司",
        "分局",
        "分院",
        "营业部",
        "分中心",
        "办事处",
    ]
    .iter()
    .any(|b| w.ends_with(b))
}

fn is_division(w: &str) -> bool {
    DIVISIONS
        .iter()
        .any(|(name, aliases)| *name == w || aliases.contains(&w))
}

fn is_anchor(w: &str, pos: Pos) -> bool {
    is_place_word(w, pos) || LEVEL_PREFIXES.contains(&w)
}

/// A text cut into dictionary words.
struct Cut {
    chars: Vec<char>,
    words: Vec<Word>,
}

impl Cut {
    fn word(&self, i: usize) -> String {
        let w = self.words[i];
        self.chars[w.start..w.end].iter().collect()
    }
    fn name_like(&self, i: usize) -> bool {
        let w = self.words[i];
        // Han characters jieba calls numbers inside a name (罗克佳华) are
        // fine; digits are not (28家银行); nor are function words (如果说).
        // A lone character jieba calls a function word inside an unknown
        // name (山东特硅新材料) is a guess; real ones are in STOP_WORDS.
        (w.pos != Pos::Function || w.end - w.start == 1)
            && self.chars[w.start..w.end]
                .iter()
                .all(|&c| is_name_char(c) && !c.is_ascii_digit())
            && !STOP_WORDS.contains(&self.word(i).as_str())
    }
}

/// Organisations named in `a` (headline, subheadline, body), first mention
/// first, deduplicated and merged.
pub fn organizations_in(ex: &Extractor, a: &Article) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut short: Vec<(String, String)> = Vec::new();
    let texts = a
        .headline
        .iter()
        .chain(a.subheadline.iter())
        .chain(a.paragraphs.iter());
    for t in texts {
        // Names broken by layout ("山东追溯信息 科技有限公司") are whole again.
        let t = remove_layout_spaces(t);
        for (name, declared) in in_text(ex, &t) {
            if let Some(s) = declared {
                short.push((s, name.clone()));
            }
            found.push(name);
        }
    }
    merge(found, &short)
}

/// Split dictionary words that join an organisation and a title
/// (医院院长, 党委书记) so the organisation ends where it should.
fn split_titles(chars: &[char], words: Vec<Word>) -> Vec<Word> {
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        let t: String = chars[w.start..w.end].iter().collect();
        let cut = (1..w.end - w.start).find(|&p| {
            let head: String = t.chars().take(p).collect();
            let tail: String = t.chars().skip(p).collect();
            TITLES.contains(&tail.as_str()) && suffix_of(&head).is_some()
        });
        match cut {
            Some(p) => {
                out.push(Word {
                    end: w.start + p,
                    pos: Pos::Noun,
                    ..w
                });
                out.push(Word {
                    start: w.start + p,
                    pos: Pos::Noun,
                    ..w
                });
            }
            None => out.push(w),
        }
    }
    out
}

/// Organisation names in one text, each with the 简称 declared right after it.
fn in_text(ex: &Extractor, text: &str) -> Vec<(String, Option<String>)> {
    let chars: Vec<char> = text.chars().collect();
    let words = split_titles(&chars, ex.words(text, false));
    let cut = Cut { chars, words };
    let n = cut.words.len();
    let mut out = Vec::new();
    for k in 0..n {
        let w = cut.word(k);
        let Some((_, class)) = suffix_of(&w) else {
            continue;
        };
        // The name goes on: 集团有限公司, 指挥部办公室 (but a party
        // committee or union inside an organisation is a body of its own:
        // 分行党委 names both).
        let inner = k + 1 < n
            && ["党委", "党组", "党支部", "党总支", "工会"].contains(&cut.word(k + 1).as_str());
        if k + 1 < n && !inner && suffix_of(&cut.word(k + 1)).is_some() && cut.name_like(k + 1) {
            continue;
        }
        // A one-character suffix right after another suffix is a compound
        // noun (研究院所 = institutes), not a name.
        if w.chars().count() == 1 && k > 0 && suffix_of(&cut.word(k - 1)).is_some() {
            continue;
        }
        // A registered company name is a name whatever words it holds
        // (…机械制造有限公司).
        let edge = left_edge(&cut, k).map(|st| match class {
            SuffixClass::RegisteredCompany => st,
            SuffixClass::Business => from_proper(&cut, after_predicate(&cut, st, k), k),
            SuffixClass::Body => after_predicate(&cut, st, k),
        });
        if let Some(mut start) = edge {
            // 高新区鲁西集团: a business is named without the district it
            // is in (a government body keeps it: 高新区科技金融部).
            // 冠县农商银行 keeps its county: what follows is no name alone.
            if class == SuffixClass::Business
                && start + 1 < k
                && is_division(&cut.word(start))
                && matches!(
                    cut.words[start + 1].pos,
                    Pos::Person | Pos::Proper | Pos::Organization
                )
            {
                start += 1;
            }
            let s = cut.words[start].start;
            let e = cut.words[k].end;
            let name: String = cut.chars[s..e].iter().collect();
            if named(&cut, start, k, class, &name) {
                out.push((name, declared_short(&cut.chars, e)));
            }
        }
    }
    out
}

/// A name that does not start at a place or level word and has a verb in
/// it is a clause (企业入驻线上…平台, 充分发挥鲁西集团): the name is what
/// follows the last verb. Names that start at a place keep their verbs
/// (山东追溯信息科技有限公司, 临清市行政审批服务局).
fn after_predicate(cut: &Cut, start: usize, k: usize) -> usize {
    if is_anchor(&cut.word(start), cut.words[start].pos) {
        return start;
    }
    // Lone characters of an unknown name (森盛 → 森 盛) carry guessed tags.
    let verb = |i: usize| {
        let (w, n) = (cut.words[i], cut.words[i].end - cut.words[i].start);
        ((w.pos == Pos::Verb && n >= 2) || (w.pos == Pos::Idiom && n >= 4))
            && suffix_of(&cut.word(i)).is_none()
            // 联合村, 兴隆镇: a verb-like word inside a place name.
            && !["村", "镇", "乡", "街道", "社区"].contains(&cut.word(i + 1).as_str())
    };
    match (start..k).rev().find(|&i| verb(i)) {
        Some(v) => v + 1,
        None => start,
    }
}

/// A business name (鲁西集团, 恒丰银行) starts at its proper name when the
/// words before that are neither a place nor a name (充分发挥鲁西集团).
fn from_proper(cut: &Cut, start: usize, k: usize) -> usize {
    let proper = |i: usize| {
        matches!(
            cut.words[i].pos,
            Pos::Person | Pos::Proper | Pos::Organization | Pos::Abbreviation
        ) || is_anchor(&cut.word(i), cut.words[i].pos)
    };
    let mut s = start;
    // Drop whole words before the name; lone characters may be part of an
    // unknown name (众鑫丰).
    while s < k
        && !proper(s)
        && cut.words[s].end - cut.words[s].start >= 2
        && (s + 1..k).any(proper)
    {
        s += 1;
    }
    s
}

/// The first word of the name that ends with word `k`.
fn left_edge(cut: &Cut, k: usize) -> Option<usize> {
    let mut start = k;
    let mut i = k;
    while i > 0 {
        let j = i - 1;
        let w = cut.word(j);
        let cur_first = cut.word(start);
        if is_anchor(&cur_first, cut.words[start].pos) && start != k {
            // The name starts at its place or level word, unless a place
            // or a short proper run before it belongs to it too.
            // A branch names its parent first: 中国工商银行聊城分行.
            let parent = (start..=k).any(|x| is_branch(&cut.word(x)))
                && (suffix_of(&w).is_some() || cut.words[j].pos == Pos::Organization);
            if (is_place_word(&w, cut.words[j].pos) || parent) && cut.name_like(j) {
                start = j;
                i = j;
                continue;
            }
            return Some(start);
        }
        if matches!(w.as_str(), "）" | ")") && j >= 3 {
            // 森盛（山东）食品有限公司: a place in brackets inside the name.
            let open = cut.word(j - 2);
            if matches!(open.as_str(), "（" | "(")
                && is_place_word(&cut.word(j - 1), cut.words[j - 1].pos)
                && cut.name_like(j - 3)
            {
                start = j - 3;
                i = j - 3;
                continue;
            }
            break;
        }
        if matches!(w.as_str(), "和" | "与") {
            // 市工业和信息化局: the part before 和 must start at a place or
            // level word, and not be another organisation (A和B).
            if j == 0 || suffix_of(&cut.word(j - 1)).is_some() {
                break;
            }
            let mut m = j;
            while m > 0 && cut.name_like(m - 1) {
                m -= 1;
            }
            if m < j && is_anchor(&cut.word(m), cut.words[m].pos) {
                return Some(m);
            }
            break;
        }
        if !cut.name_like(j) || start - j > 12 {
            break;
        }
        start = j;
        i = j;
    }
    Some(start)
}

fn named(cut: &Cut, start: usize, k: usize, class: SuffixClass, name: &str) -> bool {
    let len = name.chars().count();
    // A bare 市委 is the committee only where the text moves on (市委、
    // 市政府); 省委改革办, 市委书记 name an office or a title.
    let next_is_han = cut
        .words
        .get(k + 1)
        .is_some_and(|w| is_han(cut.chars[w.start]));
    let committee = ["市委", "省委", "县委", "区委"].contains(&name) && !next_is_han;
    if !(3..=40).contains(&len) && !committee || RANK_PREFIXES.iter().any(|p| name.starts_with(p)) {
        return false;
    }
    let first = cut.word(start);
    let suffix_word = cut.word(k);
    if start == k {
        // A single dictionary word: 市政府, 市委, 聊城海关, and what jieba
        // knows as an organisation (科技部) are names; 物业公司 is not.
        let leveled = LEVEL_PREFIXES
            .iter()
            .any(|p| first.starts_with(p) && first.chars().count() > p.chars().count() + 1)
            || ["市委", "省委", "县委", "区委"].contains(&first.as_str());
        return match class {
            SuffixClass::Body => leveled || cut.words[k].pos == Pos::Organization,
            // 华为技术有限公司, 中国人民银行 as one dictionary word.
            _ => cut.words[k].pos == Pos::Organization,
        };
    }
    // An abbreviation names a business (邮储银行) but not a unit
    // (研发中心, 技改中心).
    let proper = (start..k).any(|i| match cut.words[i].pos {
        Pos::Place | Pos::Person | Pos::Proper | Pos::Organization => true,
        Pos::Abbreviation => class == SuffixClass::Business,
        _ => false,
    });
    // 市政府新闻办: a level body (市政府, 省委) starts the name too.
    let anchored = is_anchor(&first, cut.words[start].pos)
        || (suffix_of(&first).is_some()
            && LEVEL_PREFIXES
                .iter()
                .any(|p| first.starts_with(p) && !first.starts_with("市场")));
    let quoted = name.contains('‘');
    match class {
        SuffixClass::RegisteredCompany => name.chars().count() >= suffix_word.chars().count() + 2,
        // 集成办、就近办、智慧办 are ways of working; offices ending in 办
        // carry their level: 市委改革办, 市金融办.
        _ if suffix_word == "办" => anchored,
        _ => anchored || proper || quoted,
    }
}

/// A 简称 declared right after a name: （以下简称“X”）, （简称X）.
fn declared_short(chars: &[char], end: usize) -> Option<String> {
    if !matches!(chars.get(end), Some('（' | '(')) {
        return None;
    }
    let close = chars[end..]
        .iter()
        .take(30)
        .position(|&c| c == '）' || c == ')')?
        + end;
    let inner: String = chars[end + 1..close].iter().collect();
    for lead in ["以下简称", "以下称", "下称", "简称"] {
        if let Some(rest) = inner.strip_prefix(lead) {
            let s: String = rest
                .chars()
                .filter(|c| !matches!(c, '“' | '”' | '"' | '：' | ':'))
                .collect();
            if (2..=12).contains(&s.chars().count()) {
                return Some(s);
            }
        }
    }
    None
}

/// Resolve declared short forms, drop duplicates, and drop a name that is
/// another one without its place/level prefix (市政府 beside 聊城市政府).
fn merge(found: Vec<String>, short: &[(String, String)]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in found {
        let f = short
            .iter()
            .find(|(s, _)| *s == f)
            .map_or(f, |(_, full)| full.clone());
        if !out.contains(&f) {
            out.push(f);
        }
    }
    let all = out.clone();
    out.retain(|b| {
        !all.iter()
            .any(|a| a != b && a.ends_with(b.as_str()) && is_prefix_word(&a[..a.len() - b.len()]))
    });
    out
}

fn is_prefix_word(p: &str) -> bool {
    LEVEL_PREFIXES.contains(&p)
        || DIVISIONS
            .iter()
            .any(|(name, aliases)| *name == p || aliases.contains(&p))
        || p.ends_with('市')
        || p.ends_with('省')
        || p.ends_with('县')
        || p == "聊城"
        || p == "山东"
        || p.starts_with("中共")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    fn orgs(body: &str) -> Vec<String> {
        let a = Article {
            paragraphs: vec![body.to_string()],
            ..Article::new("x", "p.txt", Kind::News)
        };
        organizations_in(Extractor::global(), &a)
    }

    #[test]
    fn companies_banks_and_government_bodies() {
        assert_eq!(
            orgs("记者从市工业和信息化局获悉，山东新梦想电子商务有限公司总经理说。"),
            vec!["市工业和信息化局", "山东新梦想电子商务有限公司"]
        );
        assert_eq!(orgs("恒丰银行相关负责人介绍。"), vec!["恒丰银行"]);
        assert_eq!(
            orgs("经市环境信息与监控中心和市气象台会商。"),
            vec!["市环境信息与监控中心", "市气象台"]
        );
        assert_eq!(
            orgs("临清市行政审批服务局工作人员介绍。"),
            vec!["临清市行政审批服务局"]
        );
        assert_eq!(
            orgs("在森盛（山东）食品有限公司生产车间"),
            vec!["森盛（山东）食品有限公司"]
        );
        assert_eq!(
            orgs("一墙之隔的德通交通器材制造有限公司"),
            vec!["德通交通器材制造有限公司"]
        );
        assert_eq!(
            orgs("，山东特硅新材料有限公司"),
            vec!["山东特硅新材料有限公司"]
        );
        assert_eq!(
            orgs("由省委改革办、省住房城乡建设厅发布"),
            vec!["省委改革办", "省住房城乡建设厅"]
        );
        assert_eq!(
            orgs("如果说哈临集团的成长是典型，充分发挥鲁西集团作用"),
            vec!["哈临集团", "鲁西集团"]
        );
    }

    #[test]
    fn platforms_with_a_place_or_a_quoted_name() {
        assert_eq!(
            orgs("用好聊城智慧金融服务平台。"),
            vec!["聊城智慧金融服务平台"]
        );
        assert_eq!(
            orgs("切实用好省‘科融信’综合服务平台。"),
            vec!["省‘科融信’综合服务平台"]
        );
    }

    #[test]
    fn generic_nouns_are_not_organisations() {
        assert!(
            orgs("物业公司承诺，该公司表示，先后与28家银行合作，有独立的装卸平台。").is_empty()
        );
        assert!(orgs("形成发展新格局，干部群众，从303部法律中梳理，政策出台。").is_empty());
        assert!(orgs("打造市级中小企业公共服务示范平台1家。").is_empty());
        assert!(orgs("推动重点产业链企业入驻金融服务平台。").is_empty());
        assert!(orgs("对高水平研究院所给予倾斜").is_empty());
        assert!(orgs("企业与高校、科研院所的深度合作").is_empty());
        assert!(orgs("推行“集成办、就近办、智慧办”").is_empty());
    }

    #[test]
    fn short_forms_and_place_prefixes_merge() {
        assert_eq!(
            orgs("山东罗克佳华科技有限公司（以下简称“罗克佳华公司”）成立。罗克佳华公司发展。"),
            vec!["山东罗克佳华科技有限公司"]
        );
        assert_eq!(orgs("聊城市政府发文，市政府要求。"), vec!["聊城市政府"]);
        assert_eq!(orgs("在高新区鲁西集团调研，鲁西集团启动"), vec!["鲁西集团"]);
    }

    #[test]
    fn national_bodies_hospitals_branches_and_titles_joined_to_names() {
        assert_eq!(orgs("经验做法被中央改革办刊发"), vec!["中央改革办"]);
        assert_eq!(
            orgs("东昌府区人民医院院长王五介绍"),
            vec!["东昌府区人民医院"]
        );
        assert_eq!(
            orgs("中国人民银行聊城市分行党委书记介绍，齐鲁银行聊城分行行长表示"),
            vec![
                "中国人民银行",
                "中国人民银行聊城市分行",
                "中国人民银行聊城市分行党委",
                "齐鲁银行",
                "齐鲁银行聊城分行"
            ]
        );
        assert_eq!(orgs("邀请张庄联合村党委书记王玉宝"), vec!["张庄联合村党委"]);
    }

    #[test]
    fn county_banks_and_mistagged_words_inside_names() {
        assert_eq!(orgs("冠县农商银行向企业发放贷款"), vec!["冠县农商银行"]);
        assert_eq!(
            orgs("聊城市人民政府与山东高速集团签署协议。"),
            vec!["聊城市人民政府", "山东高速集团"]
        );
    }

    #[test]
    fn units_inside_a_sentence_and_member_titles_are_not_named() {
        assert!(orgs("企业在研发中心投入大量资金，建成省级技术中心3家。").is_empty());
        assert_eq!(orgs("省委常委、市委书记调研"), Vec::<String>::new());
    }

    #[test]
    fn abbreviations_name_banks_and_parents_prefix_only_branches() {
        assert_eq!(orgs("邮储银行及时与我进行了对接"), vec!["邮储银行"]);
        assert_eq!(
            orgs("鲁西集团聊城鲁西聚碳酸酯有限公司总经理介绍，鲁西聚碳酸酯有限公司副经理说"),
            vec!["鲁西集团", "聊城鲁西聚碳酸酯有限公司"]
        );
    }

    #[test]
    fn organisations_jieba_knows_as_one_word() {
        assert_eq!(orgs("公司与华为技术有限公司合作"), vec!["华为技术有限公司"]);
        assert!(orgs("物业公司承诺").is_empty());
    }

    #[test]
    fn layout_spaces_inside_a_name() {
        assert_eq!(
            orgs("他是山东追溯信息 科技有限公司总经理"),
            vec!["山东追溯信息科技有限公司"]
        );
    }

    #[test]
    fn party_committees_by_their_level() {
        assert_eq!(orgs("……市委、市政府科学决策"), vec!["市委", "市政府"]);
    }
}
