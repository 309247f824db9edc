//! Word lists for the organisation extractor: suffix classes, words that
//! end like an organisation but are not one, words that stop a name on its
//! left, administrative level prefixes.

/// What an organisation-final word says about the organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SuffixClass {
    /// 有限公司 and other registered company forms: named by construction.
    RegisteredCompany,
    /// 公司, 集团, 银行 and other forms that need a proper name before them.
    Business,
    /// 局, 厅, 委员会, 政府, 党委…: needs a place, level or proper name.
    Body,
}

pub(super) const SUFFIXES: &[(&str, SuffixClass)] = &[
    ("股份有限公司", SuffixClass::RegisteredCompany),
    ("有限责任公司", SuffixClass::RegisteredCompany),
    ("有限公司", SuffixClass::RegisteredCompany),
    ("公司", SuffixClass::Business),
    ("集团", SuffixClass::Business),
    ("银行", SuffixClass::Business),
    ("分行", SuffixClass::Business),
    ("支行", SuffixClass::Business),
    ("信用社", SuffixClass::Business),
    ("合作社", SuffixClass::Business),
    ("事务所", SuffixClass::Business),
    ("研究院", SuffixClass::Body),
    ("研究所", SuffixClass::Body),
    ("委员会", SuffixClass::Body),
    ("管委会", SuffixClass::Body),
    ("办公室", SuffixClass::Body),
    ("办事处", SuffixClass::Body),
    ("指挥部", SuffixClass::Body),
    ("领导小组", SuffixClass::Body),
    ("党支部", SuffixClass::Body),
    ("党工委", SuffixClass::Body),
    ("党委", SuffixClass::Body),
    ("市委", SuffixClass::Body),
    ("县委", SuffixClass::Body),
    ("区委", SuffixClass::Body),
    ("省委", SuffixClass::Body),
    ("地委", SuffixClass::Body),
    ("政府", SuffixClass::Body),
    ("海关", SuffixClass::Body),
    ("法院", SuffixClass::Body),
    ("检察院", SuffixClass::Body),
    ("残联", SuffixClass::Body),
    ("妇联", SuffixClass::Body),
    ("工商联", SuffixClass::Body),
    ("总工会", SuffixClass::Body),
    ("协会", SuffixClass::Body),
    ("学会", SuffixClass::Body),
    ("商会", SuffixClass::Body),
    ("联合会", SuffixClass::Body),
    ("基金会", SuffixClass::Body),
    ("中心", SuffixClass::Body),
    ("平台", SuffixClass::Body),
    ("大学", SuffixClass::Body),
    ("学院", SuffixClass::Body),
    ("医院", SuffixClass::Body),
    ("新闻办", SuffixClass::Body),
    ("局", SuffixClass::Body),
    ("厅", SuffixClass::Body),
    ("部", SuffixClass::Body),
    ("委", SuffixClass::Body),
    ("办", SuffixClass::Body),
    ("所", SuffixClass::Body),
    ("台", SuffixClass::Body),
    ("署", SuffixClass::Body),
    ("站", SuffixClass::Body),
];

/// Everyday words that end like an organisation but are not one.
#[rustfmt::skip]
pub(super) const NOT_SUFFIX_WORDS: &[&str] = &[
    "格局", "新格局", "布局", "结局", "骗局", "开局", "大局", "全局", "时局", "僵局", "棋局", "政局", "残局", "终局", "全部",
    "内部", "外部", "局部", "东部", "西部", "南部", "北部", "中部", "头部", "干部", "底部", "顶部", "基层干部", "村干部", "机关干部",
    "党员干部", "签署", "常委", "部署", "布署", "会客厅", "客厅", "餐厅", "大厅", "展厅", "门厅", "前厅", "舞厅", "歌厅", "场所", "处所", "住所", "厕所", "无所",
    "舞台", "阳台", "窗台", "灶台", "前台", "后台", "出台", "柜台", "讲台", "站台", "车站", "网站", "举办", "创办", "承办", "主办",
    "督办", "代办", "包办", "照办", "操办", "兴办", "协办", "开办", "领办", "怎么办", "重心", "核心", "市中心", "城市中心",
];

/// Words that end a name on the left: prepositions, conjunctions, verbs of
/// saying and doing that introduce an organisation, pronouns, particles.
#[rustfmt::skip]
pub(super) const STOP_WORDS: &[&str] = &[
    "从", "在", "是", "为", "向", "对", "由", "经", "据", "被", "让", "把", "将", "给", "同", "跟", "了", "的", "地",
    "得", "等", "即", "到", "自", "于", "以", "及", "以及", "或", "和", "与", "通过", "会同", "邀请", "组织",
    "获悉", "表示", "介绍", "公布", "发布", "印发", "召开", "设立", "成立", "协调", "位于", "其中", "作为", "有", "该", "这",
    "那", "各", "其", "我", "我们", "他们", "全市", "我市", "本市", "本", "此", "这家", "那家", "其他", "相关", "有关", "多家",
    "当地", "来自", "前往", "走进", "走访", "联系", "依托", "携手", "牵头", "组建", "打造", "建设", "搭建", "支持", "推动", "引导",
    "鼓励", "帮助", "协助", "也", "还", "都", "已", "并", "又", "再", "就", "均", "仅", "像", "如", "他", "她", "它",
    "很", "最", "更", "不", "没", "未", "曾", "正", "才", "只", "由于", "包括", "尤其", "尤其是", "例如", "比如", "近日",
    "日前", "目前", "今年", "去年", "上午", "下午", "用好", "用", "依据", "根据", "按照", "经过", "发挥", "落实", "所有", "每个",
    "每家", "这些", "那些", "一家", "一个", "获", "荣获", "入选", "认定", "批准", "同意", "授予", "颁发", "签发", "申报", "进入",
    "加入",
];

/// Administrative words that start a name: 市工信局, 省科学技术厅.
#[rustfmt::skip]
pub(super) const LEVEL_PREFIXES: &[&str] = &[
    "市", "省", "县", "区", "镇", "乡", "省委", "市委", "县委", "区委", "中共", "中央", "国家", "中国", "国务院", "全国",
];

/// Rank adjectives that make a category, not a name: 市级示范平台.
#[rustfmt::skip]
pub(super) const RANK_PREFIXES: &[&str] = &[
    "市级", "省级", "县级", "区级", "国家级", "镇级", "村级",
];
