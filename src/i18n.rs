//! UI strings in Chinese (default) and English. Every message is a [`Msg`]
//! variant, so a missing translation is a compile error, not an empty label.

use baoku_core::search::{Facet, Sort};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// A UI message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Title,
    Search,
    Placeholder,
    Loading,
    Retry,
    ReadOn,
    ContinuedFrom,
    KeyFigures,
    Documents,
    Organizations,
    People,
    Related,
    OfflineSave,
    OfflineResume,
    OfflinePause,
    OfflineDone,
    OfflineSaving,
    OfflineFailed,
    LoadError,
    Results,
    Articles,
    NoResults,
    DropFilters,
    More,
    Back,
    NotFound,
    SearchError,
    Prev,
    Next,
    Cite,
    Copied,
    Sort,
    Relevance,
    Newest,
    Oldest,
    Year,
    Month,
    Kind,
    Place,
    Org,
    Doc,
    Amount,
    ShowAll,
    ShowFewer,
    FilterValues,
    Reporter,
    Publication,
    Reporters,
    Correspondents,
    Authors,
    Page,
    Date,
    Inferred,
    Continued,
    Hit,
    Filters,
    Lang,
    ErrStalled,
    CopyFailed,
    ExportPreparing,
    ExportDone,
    Export,
    ExportCap,
    Downloaded,
    LinkCopied,
    CopyLink,
    Issues,
    IssueList,
    NoIssues,
    PageUnknown,
    Teaser,
    TeasedOnFront,
    IssueNav,
    OlderIssue,
    NewerIssue,
    PagesOfIssue,
    Suggestions,
    SuggestSplit,
    SuggestDrop,
    SuggestDropRange,
    SuggestDropTerm,
    Correspondent,
    Author,
    Day,
    WiderRange,
    TimelineMonths,
    TimelineYears,
    DateFrom,
    DateTo,
    QueryHelp,
    HelpHint,
    HelpAnd,
    HelpPhrase,
    HelpNot,
    HelpOr,
    FiltersOpen,
    FiltersClose,
    PrevHit,
    NextHit,
    SkipToResults,
    SearchArchive,
    ErrMissing,
    ErrServer,
    ErrNetwork,
    ErrData,
}

impl Msg {
    /// A facet's label.
    pub fn facet(f: Facet) -> Msg {
        match f {
            Facet::Year => Msg::Year,
            Facet::Month => Msg::Month,
            Facet::Kind => Msg::Kind,
            Facet::Place => Msg::Place,
            Facet::Reporter => Msg::Reporter,
            Facet::Publication => Msg::Publication,
            Facet::Organization => Msg::Org,
            Facet::Document => Msg::Doc,
            Facet::Amount => Msg::Amount,
            Facet::Day => Msg::Day,
            Facet::Page => Msg::Page,
            Facet::Correspondent => Msg::Correspondent,
            Facet::Author => Msg::Author,
        }
    }

    /// A sort order's label.
    pub fn sort(s: Sort) -> Msg {
        match s {
            Sort::Relevance => Msg::Relevance,
            Sort::Newest => Msg::Newest,
            Sort::Oldest => Msg::Oldest,
        }
    }
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The BCP 47 tag for `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Lang {
        if s == "en" {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    pub fn t(self, m: Msg) -> &'static str {
        let (zh, en) = match m {
            Msg::Title => ("报库 · 聊城新闻档案", "Baoku · Liaocheng news archive"),
            Msg::Search => ("搜索报道", "Search the archive"),
            Msg::Placeholder => ("输入关键词，如 专精特新、小巨人 奖励、1.3亿元", "Type words, e.g. 专精特新, 小巨人 奖励, 1.3亿元"),
            Msg::Loading => ("正在载入档案…", "Loading the archive…"),
            Msg::Retry => ("重试", "Retry"),
            Msg::ReadOn => ("接着读", "Read on"),
            Msg::ContinuedFrom => ("上接前文", "Continued from"),
            Msg::KeyFigures => ("关键数字", "Key figures"),
            Msg::Documents => ("政策文件", "Policy documents"),
            Msg::Organizations => ("机构", "Organisations"),
            Msg::People => ("人物", "People"),
            Msg::Related => ("相关报道", "Related articles"),
            Msg::OfflineSave => ("保存全部，供离线阅读", "Save all for offline reading"),
            Msg::OfflineResume => ("继续离线保存", "Resume saving for offline"),
            Msg::OfflinePause => ("暂停", "Pause"),
            Msg::OfflineDone => ("已全部保存，可离线阅读", "Saved: the whole archive works offline"),
            Msg::OfflineSaving => ("正在保存", "Saving"),
            Msg::OfflineFailed => ("保存中断，可继续", "Saving stopped; you can resume"),
            Msg::LoadError => ("档案数据无法载入", "The archive data could not be loaded"),
            Msg::Results => ("篇结果", "results"),
            Msg::Articles => ("篇报道", "articles"),
            Msg::NoResults => ("没有找到", "Nothing found for"),
            Msg::DropFilters => ("取消所有筛选", "Drop all filters"),
            Msg::More => ("显示更多", "Show more"),
            Msg::Back => ("返回结果", "Back to results"),
            Msg::NotFound => ("档案中没有这篇文章（链接可能已失效）", "This article is not in the archive (the link may be out of date)"),
            Msg::SearchError => ("检索数据无法载入", "The search data could not be loaded"),
            Msg::Prev => ("上一篇", "Previous"),
            Msg::Next => ("下一篇", "Next"),
            Msg::Cite => ("复制引用", "Copy citation"),
            Msg::Copied => ("已复制", "Copied"),
            Msg::Sort => ("排序", "Sort"),
            Msg::Relevance => ("相关度", "Relevance"),
            Msg::Newest => ("最新", "Newest"),
            Msg::Oldest => ("最早", "Oldest"),
            Msg::Year => ("年份", "Year"),
            Msg::Month => ("月份", "Month"),
            Msg::Kind => ("体裁", "Kind"),
            Msg::Place => ("区县", "Place"),
            Msg::Org => ("机构", "Organisation"),
            Msg::Doc => ("政策文件", "Policy document"),
            Msg::Amount => ("金额", "Amount"),
            Msg::ShowAll => ("显示全部", "Show all"),
            Msg::ShowFewer => ("收起", "Show fewer"),
            Msg::FilterValues => ("筛选", "Filter"),
            Msg::Reporter => ("记者", "Reporter"),
            Msg::Publication => ("报纸", "Publication"),
            Msg::Reporters => ("记者", "Reporters"),
            Msg::Correspondents => ("通讯员", "Correspondents"),
            Msg::Authors => ("作者", "Authors"),
            Msg::Page => ("版次", "Page"),
            Msg::Date => ("出版日期", "Issue date"),
            Msg::Inferred => ("（推断）", " (inferred)"),
            Msg::Continued => ("下转", "Continued on"),
            Msg::Hit => ("命中", "Hit"),
            Msg::Filters => ("筛选", "Filters"),
            Msg::Lang => ("English", "中文"),
            Msg::SkipToResults => ("跳到结果", "Skip to results"),
            Msg::SearchArchive => ("搜索档案", "Search the archive"),
            Msg::PrevHit => ("上一处命中", "Previous hit"),
            Msg::NextHit => ("下一处命中", "Next hit"),
            Msg::QueryHelp => ("搜索语法", "Search syntax"),
            Msg::HelpHint => (
                "空格分隔的词须同时出现；引号内为整句；-词 排除；a|b、a OR b、a 或 b 任选其一。",
                "Words separated by spaces must all occur; quotes keep a phrase; -word excludes; a|b, a OR b, a 或 b mean either.",
            ),
            Msg::HelpAnd => ("空格分开的词必须同时出现", "all words separated by spaces must occur"),
            Msg::HelpPhrase => ("引号内的文字按原样整体查找", "quotes find the exact phrase"),
            Msg::HelpNot => ("减号排除含有该词的报道", "a minus sign excludes articles with the word"),
            Msg::HelpOr => ("竖线、OR 或“或”表示任选其一", "a bar, OR or 或 means either word"),
            Msg::FiltersOpen => ("筛选", "Filters"),
            Msg::FiltersClose => ("关闭筛选", "Close filters"),
            Msg::WiderRange => ("← 扩大时间范围", "← Wider period"),
            Msg::TimelineMonths => ("按月分布", "Matches by month"),
            Msg::TimelineYears => ("按年分布（点选年份查看各月）", "Matches by year (choose a year for its months)"),
            Msg::DateFrom => ("起始日期", "From"),
            Msg::DateTo => ("截止日期", "To"),
            Msg::ExportPreparing => ("正在准备导出…", "Preparing the export…"),
            Msg::ExportDone => ("篇已导出", "articles exported"),
            Msg::Export => ("导出结果", "Export results"),
            Msg::ExportCap => ("最多导出", "Exports are limited to"),
            Msg::Downloaded => ("已下载", "Downloaded"),
            Msg::LinkCopied => ("链接已复制", "Link copied"),
            Msg::CopyLink => ("复制链接", "Copy link"),
            Msg::Issues => ("期", "issues"),
            Msg::IssueList => ("往期", "Past issues"),
            Msg::NoIssues => ("没有可浏览的期次", "No issues to browse"),
            Msg::PageUnknown => ("版次不详", "Page unknown"),
            Msg::Teaser => ("导读", "Teaser"),
            Msg::TeasedOnFront => ("头版导读：", "Front-page teaser:"),
            Msg::IssueNav => ("期次导航", "Issue navigation"),
            Msg::OlderIssue => ("上一期", "Older issue"),
            Msg::NewerIssue => ("下一期", "Newer issue"),
            Msg::PagesOfIssue => ("本期版面", "Pages of this issue"),
            Msg::Suggestions => ("试试：", "Try:"),
            Msg::SuggestSplit => ("分开查找", "as separate words"),
            Msg::SuggestDrop => ("去掉筛选", "without the filter"),
            Msg::SuggestDropRange => ("不限日期", "any date"),
            Msg::SuggestDropTerm => ("去掉", "without"),
            Msg::Correspondent => ("通讯员", "Correspondent"),
            Msg::Author => ("作者", "Author"),
            Msg::Day => ("出版日期", "Issue date"),
            Msg::CopyFailed => ("无法复制，请手动选择文字", "Could not copy; select the text instead"),
            Msg::ErrStalled => (
                "档案服务器长时间没有响应，请稍后重试。",
                "The archive server has not answered; try again in a moment.",
            ),
            Msg::ErrMissing => (
                "档案文件不存在（网站可能正在更新），请稍后重试。",
                "An archive file is missing (the site may be updating); try again shortly.",
            ),
            Msg::ErrServer => ("档案服务器出错，请稍后重试。", "The archive server failed; try again later."),
            Msg::ErrNetwork => (
                "网络连接中断，请检查网络后重试。",
                "The network connection failed; check it and try again.",
            ),
            Msg::ErrData => (
                "档案数据已损坏或版本不符，请联系网站维护者。",
                "The archive data is damaged or of another version; tell the site's maintainer.",
            ),
        };
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}
