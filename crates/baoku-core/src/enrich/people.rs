//! People named with a title or role: 副市长周涛, 负责人张延飞, 运营总监曹福福,
//! 村民王建国.
//!
//! A title word from [`TITLES`] (with 副/常务/四级… before it) directly
//! followed by a 2–3 character name that starts with a common surname. The
//! name's length comes from jieba-rs: its HMM tags a person name `nr`; where
//! it does not, the name is the surname and one or two characters followed
//! by a boundary (punctuation or 说/表示/介绍…). Bylines (记者, 通讯员) are
//! left to the segmenter, and names already in the article's bylines are
//! skipped.

use super::{Extractor, Pos};
use crate::model::{Article, Person};
use crate::text::{is_han, remove_layout_spaces};

/// Titles and roles, longest first where one contains another.
#[rustfmt::skip]
pub const TITLES: &[&str] = &[
    "党支部书记", "党委书记", "党组书记", "副总经理", "总经理", "业务经理", "项目经理", "经理", "董事长", "副董事长", "总裁", "副总裁",
    "运营总监", "技术总监", "总监", "四级主管", "主管", "副市长", "市长", "副县长", "县长", "副区长", "区长", "副镇长", "镇长", "副局长",
    "局长", "副厅长", "厅长", "副处长", "处长", "副科长", "科长", "副所长", "所长", "副站长", "站长", "副主任", "主任", "副书记",
    "书记", "副部长", "部长", "副关长", "关长", "副院长", "院长", "副校长", "校长", "副会长", "会长", "秘书长", "副行长", "行长",
    "副主席", "主席", "理事长", "社长", "厂长", "店长", "村长", "负责人", "创始人", "工作人员", "委员", "包村干部", "干部", "村民",
    "市民", "居民", "游客", "农户", "教授", "研究员", "工程师", "专家", "医生", "教师", "老师", "民警", "律师", "法官", "检察官",
    "职工", "员工", "技术员", "网格员", "执法人员", "志愿者", "讲解员", "调解员", "驾驶员", "店主", "企业家", "农民",
];

/// Single-character family names (the common ones; compound surnames such
/// as 欧阳 are rare in this news).
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝訾";

/// What may follow a name: speech verbs and particles.
#[rustfmt::skip]
const AFTER_NAME: &[&str] = &[
    "说", "表示", "介绍", "告诉", "指出", "认为", "坦言", "感慨", "解读", "讲", "谈", "到", "在", "是", "的", "和", "与",
    "等", "也", "还", "就", "对", "向", "从", "带领", "正在", "一直", "称",
];

/// Titles that are bylines, not people in the story.
const BYLINE_TITLES: &[&str] = &["记者", "通讯员", "摄影", "实习生"];

/// People with titles in `a`'s body, first mention first, one entry per name.
pub fn people_in(ex: &Extractor, a: &Article) -> Vec<Person> {
    let bylines: Vec<&str> = a.names().collect();
    let mut out: Vec<Person> = Vec::new();
    for p in &a.paragraphs {
        for person in in_text(ex, &remove_layout_spaces(p)) {
            if bylines.contains(&person.name.as_str()) || out.iter().any(|o| o.name == person.name)
            {
                continue;
            }
            out.push(person);
        }
    }
    out
}

fn in_text(ex: &Extractor, text: &str) -> Vec<Person> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some(title) = TITLES.iter().find(|t| starts_with(&chars, i, t)) else {
            i += 1;
            continue;
        };
        let end = i + title.chars().count();
        // A longer title word ends here (记者 is not 者): skip bylines.
        if BYLINE_TITLES.iter().any(|b| ends_with(&chars, end, b)) {
            i = end;
            continue;
        }
        let mut start = i;
        // 副/常务 before a title that lacks it.
        if start > 0 && matches!(chars[start - 1], '副') && !title.starts_with('副') {
            start -= 1;
        }
        if let Some(len) = name_len(ex, &chars, end) {
            let name: String = chars[end..end + len].iter().collect();
            let title: String = chars[start..end].iter().collect();
            out.push(Person { name, title });
            i = end + len;
        } else {
            i = end;
        }
    }
    out
}

fn starts_with(chars: &[char], i: usize, w: &str) -> bool {
    let n = w.chars().count();
    chars
        .get(i..i + n)
        .is_some_and(|s| s.iter().copied().eq(w.chars()))
}

fn ends_with(chars: &[char], end: usize, w: &str) -> bool {
    let n = w.chars().count();
    end >= n && starts_with(chars, end - n, w)
}

/// Length of the name that starts at `at`, if one does.
fn name_len(ex: &Extractor, chars: &[char], at: usize) -> Option<usize> {
    let first = *chars.get(at)?;
    if !SURNAMES.contains(first) {
        return None;
    }
    // Not a title or generic word: 李经理, 王师傅, 张庄联合村.
    let window: String = chars[at..chars.len().min(at + 6)].iter().collect();
    let rest: String = window.chars().skip(1).collect();
    if TITLES.iter().any(|t| rest.starts_with(t))
        || rest.starts_with("师傅")
        || rest.starts_with("先生")
        || rest.starts_with("女士")
    {
        return None;
    }
    // A dictionary word that is not a name and ends where a name would
    // (群众关切，) is not a name; 成立锋 starts with the word 成立 but goes on.
    if let Some(w) = ex.words(&window, false).first() {
        let len = w.end - w.start;
        if len >= 2 && w.pos != Pos::Person && boundary_at(chars, at + len) {
            return None;
        }
    }
    // Collectives are not people: 顾问团, 工作组.
    let collective = |len: usize| {
        chars
            .get(at + len - 1)
            .is_some_and(|c| "团组会队部局办委院所站社司厂".contains(*c))
    };
    let words = ex.words(&window, true);
    if let Some(w) = words.first() {
        let len = w.end - w.start;
        if w.pos == Pos::Person
            && (2..=3).contains(&len)
            && all_han(chars, at, len)
            && !collective(len)
        {
            // jieba sometimes takes the verb after a two-character name
            // into it (李华说): the name ends where 说/表示… begins.
            if len == 3 && boundary_at(chars, at + 2) {
                return Some(2);
            }
            return Some(len);
        }
    }
    for len in [2, 3] {
        if !all_han(chars, at, len) || collective(len) {
            continue;
        }
        if boundary_at(chars, at + len) {
            return Some(len);
        }
    }
    None
}

/// Whether a name may end before `at`: text end, punctuation, or a word
/// such as 说/表示 that follows names.
fn boundary_at(chars: &[char], at: usize) -> bool {
    match chars.get(at) {
        None => true,
        Some(c) if !is_han(*c) => true,
        Some(_) => AFTER_NAME.iter().any(|w| starts_with(chars, at, w)),
    }
}

fn all_han(chars: &[char], at: usize, len: usize) -> bool {
    chars
        .get(at..at + len)
        .is_some_and(|s| s.iter().all(|c| is_han(*c)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    fn people(body: &str) -> Vec<(String, String)> {
        let a = Article {
            reporters: vec!["姬翔".into()],
            paragraphs: vec![body.to_string()],
            ..Article::new("x", "p.txt", Kind::News)
        };
        people_in(Extractor::global(), &a)
            .into_iter()
            .map(|p| (p.name, p.title))
            .collect()
    }

    fn p(n: &str, t: &str) -> (String, String) {
        (n.to_string(), t.to_string())
    }

    #[test]
    fn title_then_name() {
        assert_eq!(people("副市长周涛解读了政策。"), vec![p("周涛", "副市长")]);
        assert_eq!(
            people("副市长 周 涛解读了政策。"),
            vec![p("周涛", "副市长")]
        );
        assert_eq!(people("委员会主任李华说，"), vec![p("李华", "主任")]);
        assert_eq!(people("负责人张延飞介绍，"), vec![p("张延飞", "负责人")]);
        assert_eq!(
            people("公司运营总监曹福福说。"),
            vec![p("曹福福", "运营总监")]
        );
        assert_eq!(
            people("党组副书记、局长田长志表示。"),
            vec![p("田长志", "局长")]
        );
        assert_eq!(
            people("包村干部雷吉忠到齐如文家走访"),
            vec![p("雷吉忠", "包村干部")]
        );
        assert_eq!(
            people("王村党支部书记成立锋说，"),
            vec![p("成立锋", "党支部书记")]
        );
    }

    #[test]
    fn one_entry_per_name() {
        assert_eq!(
            people("副市长周涛说。副市长周涛表示。"),
            vec![p("周涛", "副市长")]
        );
    }

    #[test]
    fn no_person_without_a_name_or_for_bylines() {
        assert!(people("负责人李经理在拿到证后，相关负责人介绍，工作人员在检查设备。").is_empty());
        assert!(people("记者姬翔报道。村民们说。").is_empty());
        assert!(people("本报记者张三").is_empty());
        assert!(people("回应群众关切，专家顾问团指导。").is_empty());
    }
}
