//! Unit tests of the segmenter on small hand-made pages.

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
fn photo_caption_with_trailing_byline() {
    let page = "3月25日，工人在车间检查设备。该项目实现了能量回收。 ■ 本报记者 许金松\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 1);
    assert_eq!(arts[0].kind, Kind::Photo);
    assert_eq!(arts[0].reporters, vec!["许金松"]);
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

/// Two photos' captions read interleaved: the first caption's opening
/// lines, the whole second caption, then the first caption's signed end.
#[test]
fn a_caption_read_around_another_caption_is_joined() {
    let page = "3月25日，山东某工程工\n具公司工人在调运刀具。\n\n\
                3月25日，某集团有限公\n司项目现场，工作人员在\n检查设备。节能减排是企\n业的关键举措。 ■ 本报记\n者 商景豪\n\n\
                作为国家高新技术企业\n，该公司生产的盾构刀具\n国内市场占有率居行业第\n一。 ■ 本报记者 许金松\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 2, "{arts:#?}");
    let first = arts
        .iter()
        .find(|a| a.reporters == ["许金松"])
        .expect("first caption");
    assert!(
        first
            .paragraphs
            .concat()
            .starts_with("3月25日，山东某工程工具公司"),
        "{first:#?}"
    );
    assert!(first.paragraphs.concat().contains("盾构刀具"), "{first:#?}");
    let second = arts
        .iter()
        .find(|a| a.reporters == ["商景豪"])
        .expect("second caption");
    assert!(
        second.paragraphs.concat().starts_with("3月25日，某集团"),
        "{second:#?}"
    );
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

/// A photo caption's opening lines read at the end of an article, its
/// signed last line read after the next article.
#[test]
fn a_caption_opening_read_into_an_article_goes_to_its_signed_end() {
    let page = "■ 本报记者 朱海波\n1月4日，聊城海关为山东某\n家纺集团有限公司出口日本\n的货物签发了原产地证书，\n这是协定生效后的首张证书。\n\n\
                1月4日，山东金号家纺集团\n有限公司获签全市首张原产\n\n\
                ■ 本报记者 赵宗锋\n元旦期间，我市各景区、景\n点严格落实疫情防控各项措\n施，为广大游客打造一个安\n全、有序、文明的旅游环境。\n\n\
                地证书。 ■ 本报通讯员 张庆安\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    let caption = arts
        .iter()
        .find(|a| a.correspondents == ["张庆安"])
        .expect("the caption");
    assert_eq!(
        caption.paragraphs.concat(),
        "1月4日，山东金号家纺集团有限公司获签全市首张原产地证书。",
        "{arts:#?}"
    );
    let first = arts
        .iter()
        .find(|a| a.reporters == ["朱海波"])
        .expect("first article");
    assert!(!first.paragraphs.concat().contains("金号"), "{arts:#?}");
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

/// A photo title set under its signed caption, with a front-page teaser's
/// headline and subheadline right after it: the caption takes only the
/// short title line, never the teaser as kicker + headline.
#[test]
fn a_photo_title_under_its_caption_is_not_a_kicker() {
    let page = "本报讯（记者 王五）3月24日，全市新建公园12处，\n\
                新增绿地面积120万平方米。\n\n\
                目前，各项工程进展顺利，完成投资8000余万元。\n\n\
                我市新建公园12处\n\n\
                3月26日，东昌湖畔的游人在湿地栈道上赏花。湿地栈道去年建成，全长3公里。 ■ 赵六 钱七\n\n\
                湖畔春色\n\n\
                稳中求进开新局\n\
                ——写在全市经济工作会议召开之际\n\n\
                ■ 本报记者 张三\n\n\
                春分刚过，临清市的轴承企业里一派繁忙景象，订单排到了下半年。\n\n\
                今年以来，全市新增规模以上企业45家，产值同比增长12%。\n\n\
                轴承产业迎来开门红\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    let caption = arts
        .iter()
        .find(|a| a.authors == vec!["赵六", "钱七"])
        .unwrap_or_else(|| panic!("{arts:#?}"));
    assert_eq!(caption.headline.as_deref(), Some("湖畔春色"), "{arts:#?}");
    assert_eq!(caption.kicker, None, "{arts:#?}");
    assert_eq!(caption.kind, Kind::Photo, "{arts:#?}");
    let first = arts.iter().find(|a| a.reporters == vec!["王五"]).unwrap();
    assert_eq!(
        first.headline.as_deref(),
        Some("我市新建公园12处"),
        "{arts:#?}"
    );
    let last = arts.iter().find(|a| a.reporters == vec!["张三"]).unwrap();
    assert_eq!(
        last.headline.as_deref(),
        Some("轴承产业迎来开门红"),
        "{arts:#?}"
    );
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

/// A notice signed with its date (the day spaced out by extraction:
/// 2022年1月4 日), then a photo caption in two paragraphs: the signature
/// date finishes the notice, so the caption its credit signs starts after
/// it and takes none of the notice.
#[test]
fn a_caption_after_a_dated_notice_starts_after_the_date() {
    // A notice longer than any caption: its duties in numbered paragraphs.
    let duties: String = (1..=8)
        .map(|k| {
            format!(
                "{k}.各单位要严格落实第{k}项防火措施，主要负责同志要亲自部署，\n\
                 确保人员在岗、责任到人，发现火情及时处置并按规定报告。\n\n"
            )
        })
        .collect();
    let page = format!(
        "关于做好春季防火工作的通知\n\n\
         各县（市、区）应急管理局：\n\n\
         {duties}\
         联系电话：0635-8888888\n\n\
         聊城市应急管理局\n\n\
         2022年1月4 日\n\n\
         3月25 日，工作人员在林场检查消防设备，\n\
         确保设备完好。\n\n\
         该林场今年新增防火通道20公里，\n\
         实现了全天候巡查。\n\
         ■ 本报记者 张三 摄\n"
    );
    let arts = segment_page("p.txt", &page, &PageMeta::default());
    assert_eq!(arts.len(), 2, "{arts:#?}");
    assert!(
        arts[0].paragraphs.concat().contains("联系电话"),
        "{arts:#?}"
    );
    assert_eq!(arts[1].reporters, vec!["张三"], "{arts:#?}");
    assert!(arts[1].paragraphs[0].starts_with("3月25"), "{arts:#?}");
}

/// Another story's last paragraph (undated, finished) read just before a
/// photo's dated caption: the caption its credit signs opens at its day
/// and takes none of that paragraph.
#[test]
fn a_caption_opens_at_its_day_after_another_storys_paragraph() {
    let page = "本报讯（记者 王五）几天前，临清市龙山天奕项目以容缺后补的方式\n\
                办理了工程建设手续，只缴纳了一半土地出让金。\n\n\
                容缺办理减轻企业负担\n\n\
                这一举措优化了审批流程，加快了项目落地。\n\n\
                3月25日，工作人员在林场检查消防设备，\n\
                确保设备完好。\n\
                ■ 本报记者 张三 摄\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    let caption = arts
        .iter()
        .find(|a| a.reporters == ["张三"])
        .expect("the caption");
    let text = caption.paragraphs.concat();
    assert!(text.starts_with("3月25日"), "{arts:#?}");
    assert!(!text.contains("这一举措"), "{arts:#?}");
    assert!(
        arts.iter()
            .any(|a| a.paragraphs.concat().contains("这一举措优化了审批流程")),
        "{arts:#?}"
    );
    // A notice's contact line ends in no mark: the caption still opens at
    // its day.
    let page = page.replace("加快了项目落地。", "联系电话：0635-8888888");
    let arts = segment_page("p.txt", &page, &PageMeta::default());
    let caption = arts.iter().find(|a| a.reporters == ["张三"]);
    let text = caption.expect("the caption").paragraphs.concat();
    assert!(text.starts_with("3月25日"), "{arts:#?}");
}

/// A kicker ending in a dash (高新区——) and its headline read inside a
/// caption's broken sentence: they still stand as a kicker and headline,
/// and no body text takes them in.
#[test]
fn a_dash_kicker_inside_a_broken_sentence_still_heads_a_story() {
    let page = "3月25日，聊城信源集团有限公司项目现场，工作人员在检查设备。\n\
                该项目对工业生产过程中产生的氮气和二氧化碳进行捕\n\n\
                高新区——\n\n\
                发放科技成果转化\n\
                贷款1.3亿元\n\n\
                集，氮气用于工业生产，二氧化碳用于农业种植，真正实现\n\
                绿色循环发展。 ■ 本报记者 商景豪\n\n\
                本报讯（记者 贾新伟 通讯员 贾明鑫）“我们在走访时，了解到这个\n\
                企业研发资金存在缺口，就及时提供了科技成果转化贷款解决方案。”\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert!(
        arts.iter().any(|a| a.kicker.as_deref() == Some("高新区")
            && a.headline.as_deref() == Some("发放科技成果转化贷款1.3亿元")),
        "{arts:#?}"
    );
    let body: String = arts.iter().map(|a| a.paragraphs.concat()).collect();
    assert!(!body.contains("高新区"), "{arts:#?}");
    assert!(!body.contains("发放科技"), "{arts:#?}");
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

/// Two photos' captions read crosswise: both openings, then the end of the
/// first photo's caption, and the second's end further down. Each end goes
/// to the opening whose wording it repeats, with its credit.
#[test]
fn crosswise_caption_ends_go_to_the_opening_they_describe() {
    let page = "3月25日，东昌湖湿地公园的游人在木栈道\n\
                上观赏盛开的樱花。湿地公园的樱花\n\
                大道全长三公里。\n\n\
                3月26日，临清市一家轴承企业的工人\n\
                在生产线上检测轴承套圈。\n\n\
                湿地公园今年新栽樱花两千株，木栈道\n\
                沿湖而建，游人可以近距离观赏樱花。\n\
                ■ 本报记者 张三\n\n\
                企业去年新上智能生产线，轴承套圈的\n\
                检测效率提高一倍。 ■ 本报记者 李四\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    let by = |name: &str| {
        arts.iter()
            .find(|a| a.reporters == vec![name])
            .unwrap_or_else(|| panic!("{arts:#?}"))
            .paragraphs
            .concat()
    };
    let (a, b) = (by("张三"), by("李四"));
    assert!(
        a.starts_with("3月25日") && a.contains("新栽樱花"),
        "{arts:#?}"
    );
    assert!(
        b.starts_with("3月26日") && b.contains("智能生产线"),
        "{arts:#?}"
    );
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

/// A teaser (kicker and headline, a blank line between, over a page
/// pointer) set under a signed photo caption: the teaser's heading gives
/// its lines away, and the photo-title rule reads the empty heading without
/// panicking (a 40 MB synthetic archive once met this).
#[test]
fn a_teaser_under_a_caption_is_read_without_panic() {
    let page = "3月25日，工作人员在检查设备。 ■ 本报记者 商景豪\n\n\
                清明时节\n\n踏青正当时\n\n详见第3版\n\n\
                本报讯（记者 王五）3月24日，高新区发放贷款1.3亿元，支持科技企业发展。\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert!(arts.iter().any(|a| a.reporters == ["商景豪"]), "{arts:#?}");
    assert!(arts.iter().any(|a| a.reporters == ["王五"]), "{arts:#?}");
}
