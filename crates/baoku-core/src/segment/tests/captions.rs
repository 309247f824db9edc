//! Unit tests of the segmenter on photo captions: where a caption opens
//! and ends among the stories around it, and what heads it.

use crate::model::{Kind, PageMeta};
use crate::segment::segment_page;

#[test]
fn photo_caption_with_trailing_byline() {
    let page = "3月25日，工人在车间检查设备。该项目实现了能量回收。 ■ 本报记者 许金松\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 1);
    assert_eq!(arts[0].kind, Kind::Photo);
    assert_eq!(arts[0].reporters, vec!["许金松"]);
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
