//! UI strings in Chinese (default) and English.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
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

    pub fn t(self, key: &str) -> &'static str {
        let (zh, en) = match key {
            "title" => ("报库 · 聊城新闻档案", "Baoku · Liaocheng news archive"),
            "search" => ("搜索报道", "Search the archive"),
            "placeholder" => (
                "输入关键词，如 专精特新、小巨人 奖励、1.3亿元",
                "Type words, e.g. 专精特新, 小巨人 奖励, 1.3亿元",
            ),
            "loading" => ("正在载入档案…", "Loading the archive…"),
            "retry" => ("重试", "Retry"),
            "read_on" => ("接着读", "Read on"),
            "continued_from" => ("上接前文", "Continued from"),
            "key_figures" => ("关键数字", "Key figures"),
            "documents" => ("政策文件", "Policy documents"),
            "organizations" => ("机构", "Organisations"),
            "people" => ("人物", "People"),
            "related" => ("相关报道", "Related articles"),
            "offline_save" => ("保存全部，供离线阅读", "Save all for offline reading"),
            "offline_resume" => ("继续离线保存", "Resume saving for offline"),
            "offline_pause" => ("暂停", "Pause"),
            "offline_done" => (
                "已全部保存，可离线阅读",
                "Saved: the whole archive works offline",
            ),
            "offline_saving" => ("正在保存", "Saving"),
            "offline_failed" => ("保存中断，可继续", "Saving stopped; you can resume"),
            "load_error" => ("档案数据无法载入", "The archive data could not be loaded"),
            "results" => ("篇结果", "results"),
            "articles" => ("篇报道", "articles"),
            "no_results" => ("没有找到", "Nothing found for"),
            "drop_filters" => ("取消所有筛选", "Drop all filters"),
            "more" => ("显示更多", "Show more"),
            "back" => ("返回结果", "Back to results"),
            "not_found" => (
                "档案中没有这篇文章（链接可能已失效）",
                "This article is not in the archive (the link may be out of date)",
            ),
            "search_error" => ("检索数据无法载入", "The search data could not be loaded"),
            "prev" => ("上一篇", "Previous"),
            "next" => ("下一篇", "Next"),
            "cite" => ("复制引用", "Copy citation"),
            "copied" => ("已复制", "Copied"),
            "sort" => ("排序", "Sort"),
            "relevance" => ("相关度", "Relevance"),
            "newest" => ("最新", "Newest"),
            "oldest" => ("最早", "Oldest"),
            "year" => ("年份", "Year"),
            "month" => ("月份", "Month"),
            "kind" => ("体裁", "Kind"),
            "place" => ("区县", "Place"),
            "org" => ("机构", "Organisation"),
            "doc" => ("政策文件", "Policy document"),
            "amount" => ("金额", "Amount"),
            "show_all" => ("显示全部", "Show all"),
            "show_fewer" => ("收起", "Show fewer"),
            "filter_values" => ("筛选", "Filter"),
            "reporter" => ("记者", "Reporter"),
            "publication" => ("报纸", "Publication"),
            "reporters" => ("记者", "Reporters"),
            "correspondents" => ("通讯员", "Correspondents"),
            "authors" => ("作者", "Authors"),
            "page" => ("版次", "Page"),
            "date" => ("出版日期", "Issue date"),
            "inferred" => ("（推断）", " (inferred)"),
            "continued" => ("下转", "Continued on"),
            "hit" => ("命中", "Hit"),
            "timeline" => ("按月分布", "Matches by month"),
            "filters" => ("筛选", "Filters"),
            "lang" => ("English", "中文"),
            "clear" => ("清除", "Clear"),
            _ => ("", ""),
        };
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}
