//! Unit tests of the segmenter on small hand-made pages.

mod captions;
mod columns;

use super::bylines::{is_byline_line, parse_byline};
use super::lines::{split_markers, strip_continuation, SCANNED};
use super::segment_page;
use crate::model::{Kind, PageMeta};

#[test]
fn bylines() {
    let b = parse_byline("记者 朱海波 通讯员 张博 魏艳霞");
    assert_eq!(b.reporters, vec!["朱海波"]);
    assert_eq!(b.correspondents, vec!["张博", "魏艳霞"]);
    let b = parse_byline("■ 本 报 记 者 夏旭光 本报通讯员 赫鹏");
    assert_eq!(b.reporters, vec!["夏旭光"]);
    assert_eq!(b.correspondents, vec!["赫鹏"]);
    let b = parse_byline("谢晓丽 通讯员 付树鑫 聊城报道");
    assert_eq!(b.authors, vec!["谢晓丽"]);
    assert_eq!(b.correspondents, vec!["付树鑫"]);
    assert!(is_byline_line("陶春燕 聊城报道"));
    assert!(is_byline_line("■ 本报记者 张洁 吴兆旭"));
    assert!(!is_byline_line("激活“城市肾肺”"));
}

#[test]
fn continuation_marker_is_removed_and_kept() {
    let (t, c) = strip_continuation("示范引领作用初步显现。 (下转第7版)");
    assert_eq!(t, "示范引领作用初步显现。");
    assert_eq!(c.as_deref(), Some("第7版"));
    let (_, c) = strip_continuation("（下转2版）");
    assert_eq!(c.as_deref(), Some("第2版"));
}

#[test]
fn headline_after_body_with_kicker() {
    let page = "本报讯（记者 王五 通讯员 赵六）3月25日，记者从市工业局获悉，全市企业新增\n发明专利60项，专利数量创新高。\n\n我市\n\n企业发明专利创新高\n\n本报讯（记者 李四）3月24日，高新区发放贷款1.3亿元，\n支持科技企业发展。\n\n高新区\n\n发放贷款1.3亿元\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 2, "{arts:#?}");
    assert_eq!(arts[0].kicker.as_deref(), Some("我市"));
    assert_eq!(arts[0].headline.as_deref(), Some("企业发明专利创新高"));
    assert_eq!(arts[0].reporters, vec!["王五"]);
    assert_eq!(arts[0].correspondents, vec!["赵六"]);
    assert_eq!(arts[1].headline.as_deref(), Some("发放贷款1.3亿元"));
    assert_eq!(arts[1].dateline.as_deref(), Some("3月24日"));
    assert_eq!(
        arts[0].paragraphs[0],
        "3月25日，记者从市工业局获悉，全市企业新增发明专利60项，专利数量创新高。"
    );
}

#[test]
fn markdown_headings_precede_and_join() {
    let page = "## 甲地加大奖补\n\n## 支持制造业\n\n张三 聊城报道\n\n甲地加大奖补力度，支持制造业发展。\n\n## 乙地出台新政\n\n李四 通讯员 王五 聊城报道\n\n乙地出台新政，企业受益。\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 2, "{arts:#?}");
    assert_eq!(arts[0].headline.as_deref(), Some("甲地加大奖补 支持制造业"));
    assert_eq!(arts[0].authors, vec!["张三"]);
    assert_eq!(arts[1].headline.as_deref(), Some("乙地出台新政"));
    assert_eq!(arts[1].correspondents, vec!["王五"]);
}

#[test]
fn ids_are_stable_when_pages_grow() {
    let one = "本报讯（记者 王五）3月25日，甲事发生。\n\n甲事标题\n";
    let two = "本报讯（记者 王五）3月25日，甲事发生。\n\n甲事标题\n\n本报讯（记者 李四）3月26日，乙事发生。\n\n乙事标题\n";
    let a = segment_page("p.txt", one, &PageMeta::default());
    let b = segment_page("p.txt", two, &PageMeta::default());
    assert_eq!(a[0].id, b[0].id);
    assert_ne!(b[0].id, b[1].id);
}

#[test]
fn a_fragment_before_closing_punctuation_is_not_a_headline() {
    let page = "本报讯（记者 王五）3月25日，全市新增企业。\n\n目前全市共有企业\n\n，同比增长。\n\n标题在此\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 1, "{arts:#?}");
    assert_eq!(arts[0].headline.as_deref(), Some("标题在此"));
    assert!(arts[0]
        .paragraphs
        .iter()
        .any(|p| p.contains("目前全市共有企业")));
}

#[test]
fn a_signature_at_the_end_gives_the_names() {
    let page = "3月25日，全市新增企业120家，同比增长8%。（记者 王五 通讯员 赵六）\n\n企业数量稳步增长\n\n本办法（试行）自公布之日起施行。\n\n办法出台\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts[0].reporters, vec!["王五"]);
    assert_eq!(arts[0].correspondents, vec!["赵六"]);
    assert_eq!(
        arts[0].paragraphs,
        vec!["3月25日，全市新增企业120家，同比增长8%。"]
    );
    assert!(arts
        .iter()
        .all(|a| a.paragraphs.iter().all(|p| !p.contains("记者"))));
    assert!(arts
        .iter()
        .any(|a| a.paragraphs.iter().any(|p| p.contains("（试行）"))));
}

#[test]
fn exclaiming_headlines_are_headlines() {
    let page = "本报讯（记者 王五）3月25日，新公园开园，市民纷纷前往游玩。\n\n家门口的公园开园啦！\n\n本报讯（记者 李四）3月24日，新线路开通。\n\n公交新线路开通\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 2, "{arts:#?}");
    assert_eq!(arts[0].headline.as_deref(), Some("家门口的公园开园啦！"));
    assert_eq!(arts[1].headline.as_deref(), Some("公交新线路开通"));
}

#[test]
fn contents_box_gives_one_teaser_per_line() {
    let page = "今日导读\n\n甲地建成新公园\n\n乙地开通公交线\n\n第2版\n\n清明，追寻英雄\n\n第3版\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    let t: Vec<(&str, &str)> = arts
        .iter()
        .map(|a| {
            (
                a.headline.as_deref().unwrap_or(""),
                a.continued_on.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        t,
        vec![
            ("甲地建成新公园", "第2版"),
            ("乙地开通公交线", "第2版"),
            ("清明，追寻英雄", "第3版")
        ]
    );
    assert!(arts.iter().all(|a| a.kind == Kind::Teaser));
}

#[test]
fn intertitles_stay_in_the_feature_and_notices_keep_their_signature() {
    let page = "■ 本报记者 王五\n\n春天来了，河水清了，白鹭回来了。\n\n织就水网\n\n我市建成水网体系，\n河湖连通。\n\n护一泓碧水\n——我市推进水环境治理\n\n各有关单位：\n经研究，决定开展检查。\n\n联系电话：0635-1234567\n\n市水利局\n2022年1月4日\n\n关于开展水利检查的通知\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 2, "{arts:#?}");
    assert_eq!(arts[0].headline.as_deref(), Some("护一泓碧水"));
    assert_eq!(arts[0].subheadline.as_deref(), Some("——我市推进水环境治理"));
    assert!(arts[0].paragraphs.iter().any(|p| p == "织就水网"));
    assert_eq!(arts[0].reporters, vec!["王五"]);
    assert_eq!(arts[1].kind, Kind::Notice);
    assert_eq!(arts[1].headline.as_deref(), Some("关于开展水利检查的通知"));
    assert_eq!(
        arts[1].paragraphs.last().map(String::as_str),
        Some("2022年1月4日")
    );
}

#[test]
fn continuation_marker_becomes_a_field_and_sidebar_is_separate() {
    let page = "本报讯（记者 王五）3月31日，高唐县推进改革。\n\n改革成效明显。 (下转第7版)\n\n记者感言\n采访中记者感到，改革温暖人心。\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 2, "{arts:#?}");
    assert_eq!(arts[0].continued_on.as_deref(), Some("第7版"));
    assert!(arts[0].paragraphs.iter().all(|p| !p.contains("下转")));
    assert_eq!(arts[1].kind, Kind::Sidebar);
    assert_eq!(arts[1].headline.as_deref(), Some("记者感言"));
}

#[test]
fn a_page_without_line_breaks_is_split_in_one_pass() {
    let unit = "本报讯（记者 王五）3月25日，全市新增企业。■ 本报记者 李四 ";
    for n in [500, 2000] {
        let line = unit.repeat(n);
        SCANNED.with(|s| s.set(0));
        let parts = split_markers(&line);
        assert_eq!(parts.len(), 2 * n);
        // Each character is looked at once, however many markers there are.
        assert_eq!(SCANNED.with(|s| s.get()), line.chars().count());
    }
    let page = unit.repeat(3000);
    let arts = segment_page("p.txt", &page, &PageMeta::default());
    assert_eq!(arts.len(), 3000);
    assert!(arts
        .iter()
        .all(|a| a.reporters.first().map(String::as_str) == Some("王五")));
}

#[test]
fn a_sidebar_interleaved_with_its_article_is_threaded_apart() {
    let page = "本报讯（记者 王五）3月31日，高唐县推进改革。\n\n改革让企业受益，审批提速降本，高唐县用一系列举措优化了\n\n记者感言\n\n采访中记者感到，改革温暖人心。\n\n企业开办实行政府买单，事项网上办，让改\n\n营商环境，温暖了群众。\n\n革红利落到了账上。\n\n改革无止境，相信高唐县将持续推出举措。\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 2, "{arts:#?}");
    assert_eq!(
        arts[0].paragraphs.last().map(String::as_str),
        Some("改革让企业受益，审批提速降本，高唐县用一系列举措优化了营商环境，温暖了群众。")
    );
    assert_eq!(arts[1].kind, Kind::Sidebar);
    assert_eq!(
        arts[1].paragraphs,
        vec![
            "采访中记者感到，改革温暖人心。",
            "企业开办实行政府买单，事项网上办，让改革红利落到了账上。",
            "改革无止境，相信高唐县将持续推出举措。"
        ]
    );
}

#[test]
fn a_continuation_marker_on_its_own_line_and_spaced_figures_in_headlines() {
    let page = "本报讯（记者 王五）3月31日，高唐县推进改革。\n\n改革成效明显。\n\n（下转2版）\n\n注册用户突破 17 万\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 1, "{arts:#?}");
    assert_eq!(arts[0].continued_on.as_deref(), Some("第2版"));
    assert_eq!(arts[0].headline.as_deref(), Some("注册用户突破17万"));
}

#[test]
fn an_intertitle_opening_with_a_short_clause_stands_alone() {
    let page = "■ 本报记者 王五\n\n时间，记录不凡足迹。即将过去的一年，注定\n在聊城历史上留下浓墨重彩的一笔，回望\n来路，一串串数字凝结着奋斗的汗水。\n\n稳中求进，破发展之困\n\n12 月 20 日，客车公司生产车间机声轰鸣，\n工人们正满负荷生产，订单排到了明年，\n企业发展势头良好。\n\n劈波斩浪稳驭舟\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 1, "{arts:#?}");
    assert_eq!(arts[0].headline.as_deref(), Some("劈波斩浪稳驭舟"));
    assert!(
        arts[0]
            .paragraphs
            .iter()
            .any(|p| p == "稳中求进，破发展之困"),
        "{:?}",
        arts[0].paragraphs
    );
}

#[test]
fn a_lone_place_name_is_a_kicker_not_an_intertitle() {
    let page = "■ 本报记者 张三\n甲文第一段内容在这里，讲述了事情的经过。\n\n临清市\n\n乙文的正文开始，讲述另一件事情的来龙去脉。\n\n乙文标题在此\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert!(arts.iter().all(|a| {
        let body = a.paragraphs.concat();
        !(body.contains("甲文") && body.contains("乙文"))
    }));
}

/// A headline and a subheadline set wider than the column, straight above
/// the body (no blank line), after another article.
#[test]
fn a_run_in_headline_with_a_wide_subheadline_starts_an_article() {
    let page = "全市工作会议召开\n\n■ 本报记者 王五\n会议强调，要做好各项\n工作，推动全市经济高\n质量发展，确保取得实\n效。\n\n\
                护一泓碧水 惠一方百姓\n——聊城市扎实推进水环境综合治理\n春分刚过，漫步在徒骇\n河畔，碧波荡漾，白鹭翩\n跹，野鸭点点，蜿蜒曲折\n的滨河步道上，晨练的市\n民与粼粼波光相映成趣。\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 2, "{arts:#?}");
    assert_eq!(arts[1].headline.as_deref(), Some("护一泓碧水 惠一方百姓"));
    assert_eq!(
        arts[1].subheadline.as_deref(),
        Some("——聊城市扎实推进水环境综合治理")
    );
    assert!(arts[1].paragraphs[0].starts_with("春分刚过"), "{arts:#?}");
}

/// The same headline and subheadline after a column that broke off
/// mid-sentence (the article's next column is read elsewhere).
#[test]
fn a_headline_with_a_subheadline_stops_a_broken_column() {
    let page = "全市工作会议召开\n\n■ 本报记者 王五\n会议强调，要做好各项工作，\n推动全市经济高质量发展，确\n保取得实效，以“领导领办+部\n门主办”为途径，以需求为核\n\n\
                护一泓碧水 惠一方百姓\n——聊城市扎实推进水环境综合治理\n春分刚过，漫步在徒骇河畔\n，碧波荡漾，白鹭翩跹，野鸭点\n点，蜿蜒曲折的滨河步道上，晨\n练的市民与粼粼波光相映成趣。\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 2, "{arts:#?}");
    assert_eq!(arts[1].headline.as_deref(), Some("护一泓碧水 惠一方百姓"));
    assert!(arts[1].paragraphs[0].starts_with("春分刚过"), "{arts:#?}");
}

/// A one-line headline over a paragraph that opens with its day, after a
/// column broken off mid-sentence.
#[test]
fn a_headline_over_a_dated_opening_stops_a_broken_column() {
    let page = "全市工作会议召开\n\n会议强调，要做好各项工作，推\n动全市经济高质量发展，确保取\n得实效，设置法治服务窗口，法\n\n\
                梯度培育提升企业创新能力\n3月25日，记者从市工业和信\n息化局获悉，自启动年度专精特\n新企业培育行动以来，我市通过\n构建三级梯度培育体系推动工作。\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 2, "{arts:#?}");
    assert_eq!(
        arts[1].headline.as_deref(),
        Some("梯度培育提升企业创新能力")
    );
    assert!(arts[1].paragraphs[0].starts_with("3月25日"), "{arts:#?}");
}

/// A dispatch byline (……报道) after a finished paragraph opens the next
/// story: it never signs the text before it as a photo's caption.
#[test]
fn a_dispatch_byline_opens_a_story() {
    let page = "1月1日，《区域协定》在10国率先生效，这是覆盖人口最多的自贸协定。\n\
                RCEP的实施将为我市外贸企业带来关税减免等一系列红利。\n\n\
                记者 赵六 东阿报道\n\
                秋收时节，东阿县组织农机抢收玉米，确保颗粒归仓。\n\
                目前，全县已收获玉米60万亩，占播种面积的八成。\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 2, "{arts:#?}");
    assert!(
        arts[0].authors.is_empty() && arts[0].reporters.is_empty(),
        "{arts:#?}"
    );
    assert_eq!(arts[1].reporters, vec!["赵六"], "{arts:#?}");
    assert!(arts[1].paragraphs[0].starts_with("秋收时节"), "{arts:#?}");
}

/// A headline read between two of its article's columns (where it stands
/// as an intertitle) and its subheadline read after the body: the article
/// is titled by the two together, and the body keeps no intertitle.
#[test]
fn a_headline_read_inside_its_body_joins_its_subheadline() {
    let page = "本报讯（记者 王五 通讯员 李四）春分刚过，\n\
                漫步在徒骇河畔，碧波荡漾，白鹭翩跹。\n\n\
                今年以来，全市封停机井114眼，压减地下\n\
                水量1095万立方米。\n\n\
                护一泓碧水 惠一\n\
                方百姓\n\n\
                聊城这座以水闻名的历史名城，经过三年的\n\
                水环境提升攻坚战，实现了生态治理的新突破。\n\n\
                ——聊城市扎实推进水\n\
                环境综合治理\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 1, "{arts:#?}");
    assert_eq!(
        arts[0].headline.as_deref(),
        Some("护一泓碧水 惠一方百姓"),
        "{arts:#?}"
    );
    assert_eq!(
        arts[0].subheadline.as_deref(),
        Some("——聊城市扎实推进水环境综合治理"),
        "{arts:#?}"
    );
    assert!(!arts[0].paragraphs.concat().contains("护一泓"), "{arts:#?}");
}

/// A subheadline read after the first column of its story (its headline
/// read before it): it joins the headline, and the text after it is the
/// story's next column, not a story of its own.
#[test]
fn a_lone_subheadline_after_a_column_joins_its_headline() {
    let page = "护一泓碧水\n惠一方百姓\n\n\
                本报讯（记者 王五 通讯员 李四）春分刚过，\n\
                漫步在徒骇河畔，碧波荡漾，白鹭翩跹。\n\
                全市封停机井114眼，压减地下水量1095万\n\
                立方米，绘就一幅生态画卷。\n\n\
                ——聊城市扎实\n推进水环境综合\n治理\n\n\
                在东昌府区梁水镇，村民指着村头的灌溉\n\
                渠感慨：“现在清水直接流到地头，小麦亩\n\
                产涨了200斤！”\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 1, "{arts:#?}");
    assert_eq!(
        arts[0].subheadline.as_deref(),
        Some("——聊城市扎实推进水环境综合治理"),
        "{arts:#?}"
    );
    assert!(
        arts[0]
            .headline
            .as_deref()
            .is_some_and(|h| h.starts_with("护一泓碧水")),
        "{arts:#?}"
    );
    assert!(arts[0].paragraphs.concat().contains("梁水镇"), "{arts:#?}");
}

/// An intertitle inside a story, the next story opening with a dispatch
/// (X 临清报道) after a few lines: the text under the intertitle is no
/// caption signed by that dispatch, so the intertitle stays in its story.
#[test]
fn an_intertitle_before_a_dispatch_stays_in_its_story() {
    let page = "## 护一泓碧水\n\n■ 本报记者 夏旭光\n\n\
                春分刚过，漫步在徒骇河畔，碧波荡漾，白鹭翩跹，晨练的市民与粼粼波光相映成趣。\n\
                我市河湖水系众多，经过多年持续开展河湖渠综合治理，已形成骨干水网体系。\n\n\
                显著提升了水环境质量\n\n\
                2024年，我市高标准完成2项省级水土保持生态清洁小流域示范工程，\n\
                综合治理水土流失面积2000公顷。\n\n\
                谢晓丽 通讯员 付树鑫 临清报道\n\n\
                “真没想到，立项备案当天就把环评报告提交至工程建设系统。”日前，项目通过审批。\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 2, "{arts:#?}");
    assert!(
        arts[0].paragraphs.concat().contains("水土流失"),
        "{arts:#?}"
    );
    assert_eq!(arts[1].authors, vec!["谢晓丽"], "{arts:#?}");
    assert!(arts
        .iter()
        .all(|a| a.headline.as_deref() != Some("显著提升了水环境质量")));
}
