//! Pages as multi-column PDF extraction reads them: captions set inside a
//! story's columns, headlines as wide as narrow columns, stories broken off
//! mid-sentence and continued further down, columns nothing marks.

use crate::model::{Article, Kind, PageMeta};
use crate::segment::segment_page;

/// The article signed by reporter `name` (all articles shown if none is).
fn signed<'a>(arts: &'a [Article], name: &str) -> &'a Article {
    arts.iter()
        .find(|a| a.reporters == [name])
        .unwrap_or_else(|| panic!("no article by {name}: {arts:#?}"))
}

/// A photo caption set inside another story's columns: the story breaks
/// off mid-sentence above it and runs on below. The caption opens with the
/// photo's day, the story keeps its text on both sides.
#[test]
fn a_caption_inside_a_storys_columns_opens_with_its_day() {
    let page = "优质专利补助办法施行\n\n\
                本报讯（记者 王五）记者日前从市市场监管局了\n\
                解到，《补助办法》于1月1日起施行。\n\
                根据《办法》，我市优质专利补助工作每年开\n\
                展一次，择优对获得补助资格的申报项目予以\n\
                补助。一等项目补助10万元；二等项目数量\n\
                不超过补助项目总数的20%，一等项目单独\n\n\
                1月4日，山东金号家纺集团有限公司获签全市\n\
                首张原产地证书。 ■ 本报通讯员 张庆安\n\n\
                ，补助5万元；三等项目补助2万元。截至目前\n\
                ，我市共有有效发明专利2635件。\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 2, "{arts:#?}");
    let story = signed(&arts, "王五");
    let caption = arts
        .iter()
        .find(|a| a.correspondents == ["张庆安"])
        .expect("caption");
    let text = story.paragraphs.concat();
    assert!(
        text.contains("每年开展一次") && text.contains("补助5万元"),
        "{arts:#?}"
    );
    assert!(
        caption.paragraphs.concat().starts_with("1月4日"),
        "{arts:#?}"
    );
    assert_eq!(caption.kind, Kind::Photo, "{arts:#?}");
}

/// A headline wrapped over two lines as wide as the narrow column under it,
/// set straight above its body: the paragraph opening under it with its
/// indent shows where the heading ends.
#[test]
fn a_column_wide_headline_ends_where_an_indented_paragraph_opens() {
    let page = "冠县打造红色教育圈\n\n\
                本报讯（张燕）12月27日，\n\
                位于冠县烟庄街道王村的中共\n\
                王村党支部旧址游人如织，游\n\
                客络绎不绝，好评如潮。\n\n\
                我市实施中小企业“育苗扶\n\
                壮”梯度培育计划三年行动\n\
                记者日前从市工信局了\n\
                解到，近日，市政府印发《\n\
                聊城市中小企业梯度培育计\n\
                划三年行动方案》，以培育\n\
                更多优质中小企业，促进发\n\
                展。（记者 尹腾淑）\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 2, "{arts:#?}");
    assert_eq!(
        arts[1].headline.as_deref(),
        Some("我市实施中小企业“育苗扶壮”梯度培育计划三年行动"),
        "{arts:#?}"
    );
    assert!(arts[1].paragraphs[0].starts_with("记者日前"), "{arts:#?}");
    assert!(!arts[0].paragraphs.concat().contains("育苗"), "{arts:#?}");
}

/// A kicker leading into its headline with a dash, as wide as the headline
/// under it: a dash ends it, so it is no line of text running on.
#[test]
fn a_dash_kicker_as_wide_as_the_headline_stays_a_kicker() {
    let page = "1月4日，山东金号家纺\n\
                集团有限公司获签全市首张\n\
                RCEP原产地证书。 ■ 本报\n\
                通讯员 张庆安\n\n\
                投入资金1277万元——\n\n\
                冠县打造10公里红色教育圈\n\
                ■ 张燕 张清强\n\
                2021年12月27日，位\n\
                于冠县烟庄街道王村的中共\n\
                王村党支部旧址游人如织。\n\
                “王村党支部是党在冠县\n\
                建立的第一个党支部，点燃\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 2, "{arts:#?}");
    assert_eq!(
        arts[1].kicker.as_deref(),
        Some("投入资金1277万元"),
        "{arts:#?}"
    );
    assert_eq!(
        arts[1].headline.as_deref(),
        Some("冠县打造10公里红色教育圈")
    );
}

/// A story signed off at its end (……。（记者 X）) has no next column: a
/// subheadline after it, and the untitled text under that, stay apart.
#[test]
fn a_signed_off_story_takes_no_subheadline_after_it() {
    let page = "我市实施中小企业梯度培育计划\n\n\
                记者日前从市工信局了解到，近日，市政府印发行动方案，\n\
                以培育更多优质中小企业。（记者 尹腾淑）\n\n\
                ——东昌府区加快推动制造业创新发展\n\n\
                轴承保持器产业是东昌府区的优势产业，郑家镇生产的轴承保持器\n\
                占全国同类产品总销量的70%以上。\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    let signed = signed(&arts, "尹腾淑");
    assert_eq!(signed.subheadline, None, "{arts:#?}");
    assert!(!signed.paragraphs.concat().contains("轴承"), "{arts:#?}");
}

/// Two stories break off mid-sentence one after the other; the first one's
/// next column is read after the second's first. Neither seam is seen
/// elsewhere on the page, so the wording decides where the column goes.
#[test]
fn two_broken_columns_take_their_continuations_by_wording() {
    let page = "我市签发首张原产地证书\n\
                记者 朱海波 聊城报道\n\
                1月4日，聊城海关为山东金号家纺集团有限公司出\n\
                口日本的货物签发了原产地证书，这是协定生效后，\n\
                我市签发的首张原产地证书。协定是覆盖世界人口\n\
                最多、经贸规模最大、\n\n\
                我市实施中小企业梯度培育计划\n\
                ■ 本报记者 尹腾淑\n\
                记者日前从市工信局了解到，近日，市政府印发\n\
                了培育计划。我市将积极引进国内知名专业服务\n\
                商，组建服务商联盟，择优选出各行业解困难、补\n\n\
                自贸协定发展潜力巨大。原产地证书的实施将为我\n\
                市外贸企业带来关税减免，原产地证书是出口商\n\
                提供的货物来源证明文件，货物享受关税优惠。\n\n\
                短板专家，组成专家服务队，服务商联盟为中小企\n\
                业提供服务，专家服务队入驻中小企业调研指导。\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 2, "{arts:#?}");
    let rcep = arts[0].paragraphs.concat();
    let sme = arts[1].paragraphs.concat();
    assert!(
        rcep.contains("关税减免") && !rcep.contains("专家服务队"),
        "{arts:#?}"
    );
    assert!(
        sme.contains("专家服务队") && !sme.contains("关税减免"),
        "{arts:#?}"
    );
}

/// A story's next column read after another story, opening a paragraph of
/// its own after a finished sentence: nothing marks it, but it repeats its
/// own story's wording and not the other's, so it joins its story.
#[test]
fn an_unmarked_column_joins_the_story_whose_wording_it_repeats() {
    let page = "楼宇圆桌会架起政企连心桥\n\
                记者 刘亚杰 聊城报道\n\
                在开发区东城街道，一场别开生面的楼宇圆桌会举行，二十余家楼宇企业代表\n\
                齐聚一堂，共话楼宇经济发展。楼宇企业代表纷纷发言。\n\n\
                容缺办理减轻房地产企业负担\n\
                记者 赵艳君 聊城报道\n\
                临清市行政审批服务局推出容缺办理，土地出让金可以缓缴，房地产企业\n\
                只需缴纳一半土地出让金即可办理工程建设手续。\n\n\
                3月25日，工作人员在检查设备。 ■ 本报记者 商景豪\n\n\
                他们纷纷表示：楼宇圆桌会让楼宇企业单打独斗变成并肩作战，楼宇企业\n\
                代表在圆桌会上找到了发展机遇，开发区将继续办好楼宇圆桌会。\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 3, "{arts:#?}");
    assert!(
        arts[0].paragraphs.concat().contains("并肩作战"),
        "{arts:#?}"
    );
    assert!(
        !arts[2].paragraphs.concat().contains("并肩作战"),
        "{arts:#?}"
    );
    assert!(
        !arts[1].paragraphs.concat().contains("并肩作战"),
        "{arts:#?}"
    );
}

/// A place name standing alone (another story's kicker) read over a signed
/// photo caption: it is no title of the photo.
#[test]
fn a_place_name_alone_titles_no_caption() {
    let page = "我市\n\n\
                3月25日，聊城信源集团有限公司碳氮联产项目现场，工作人员在检查设备。\n\
                ■ 本报记者 商景豪\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    let caption = signed(&arts, "商景豪");
    assert_eq!(caption.headline, None, "{arts:#?}");
    assert_eq!(caption.kind, Kind::Photo, "{arts:#?}");
}

/// A caption's ■ credit wrapped over two lines, the next story's dispatch
/// (X Y 聊城报道) straight under it: the dispatch opens that story and its
/// names stay out of the caption's credit.
#[test]
fn a_dispatch_under_a_wrapped_credit_opens_the_next_story() {
    let page = "1月4日，山东金号家纺集团有限公司获签全市首张\n\
                原产地证书。 ■ 本报通\n\
                讯员 张庆安\n\
                张燕 张清强 聊城报道\n\
                2021年12月27日，位于冠县烟庄街道王村的中共王村党支部旧址游人如织。\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 2, "{arts:#?}");
    assert_eq!(arts[0].correspondents, vec!["张庆安"], "{arts:#?}");
    assert_eq!(arts[1].authors, vec!["张燕", "张清强"], "{arts:#?}");
}

/// A headline as wide as the column, wrapped onto a one-character stub,
/// set after a column that broke off mid-sentence: body text never ends a
/// paragraph on a stub without its full stop, so it is a heading.
#[test]
fn a_headline_wrapped_onto_a_stub_after_a_broken_column_heads_a_story() {
    let page = "乡镇干部走村入户办实事\n\n\
                本报讯（记者 王五）入冬以来，各乡镇组织干部\n\
                走村入户，收集群众意见建议，建立问题台\n\
                账，逐条逐项解决，群众满意度不断提升，城\n\
                关街道\n\n\
                市场监管局开展春季食品安全检查行\n\
                动\n\
                \u{3000}\u{3000}3月2日，市市场监管局组织执法人员对城\n\
                区农贸市场开展检查，重点查看进货台账、索\n\
                证索票和冷链储存等情况，督促经营者落实主\n\
                体责任。（记者 李四）\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    let check = arts
        .iter()
        .find(|a| a.headline.as_deref() == Some("市场监管局开展春季食品安全检查行动"))
        .unwrap_or_else(|| panic!("{arts:#?}"));
    assert_eq!(check.reporters, ["李四"], "{arts:#?}");
    assert!(check.paragraphs.concat().starts_with("3月2日"), "{arts:#?}");
    let story = signed(&arts, "王五");
    assert!(!story.paragraphs.concat().contains("农贸市场"), "{arts:#?}");
}

/// A column nothing marks (no headline, lead or byline) that shares little
/// wording with any story goes to the story broken off mid-sentence: that
/// story's next column must be somewhere.
#[test]
fn an_unmarked_column_runs_on_from_the_story_broken_off() {
    let page = "乡镇干部走村入户办实事\n\n\
                本报讯（记者 王五）入冬以来，各乡镇组织干部\n\
                走村入户，收集群众意见建议，建立问题台账，\n\
                逐条逐项解决，群众满意度不断提升。城关街道\n\n\
                城区东关新建立体停车场投入使\n\
                用\n\
                \u{3000}\u{3000}3月2日，城区东关新建的立体停车场正\n\
                式投入使用，可提供车位三百余个，缓解了周\n\
                边商圈停车难问题。（记者 李四）\n\n\
                设立夜间接待窗口，请干部轮流值守，倾听群\n\
                众诉求，能当场解决的马上解决。\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 2, "{arts:#?}");
    let story = signed(&arts, "王五");
    let text = story.paragraphs.concat();
    assert!(text.contains("城关街道设立夜间接待窗口"), "{arts:#?}");
    let parking = signed(&arts, "李四");
    assert!(!parking.paragraphs.concat().contains("夜间"), "{arts:#?}");
}

/// A notice's title wrapped over five lines of a narrow column, run on
/// straight from the story above: it opens the notice.
#[test]
fn a_notice_title_wrapped_over_many_lines_opens_the_notice() {
    let page = "乡村书屋开放\n\n\
                本报讯（记者 王五）3月2日，\n\
                全镇十二家乡村书屋对\n\
                外开放，村民可借阅图\n\
                书、报刊，参加读书分\n\
                享活动。\n\n\
                关于做好春\n\
                季森林防火\n\
                工作的紧急\n\
                通知\n\
                各乡镇人民政府及市\n\
                直有关部门：当前正值\n\
                春季森林防火关键期，\n\
                请各单位严格落实防火\n\
                责任，加强巡查值守。\n\
                市森林防火指挥部\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    let notice = arts
        .iter()
        .find(|a| a.headline.as_deref() == Some("关于做好春季森林防火工作的紧急通知"))
        .unwrap_or_else(|| panic!("{arts:#?}"));
    assert!(
        notice.paragraphs.concat().starts_with("各乡镇人民政府"),
        "{arts:#?}"
    );
    let story = signed(&arts, "王五");
    assert!(!story.paragraphs.concat().contains("防火"), "{arts:#?}");
}

/// A report counts its points (一是……二是……): a column that goes on
/// counting from where a story broke off is that story's next column, even
/// set after another story on the same subject that counts nothing.
#[test]
fn a_column_that_goes_on_counting_continues_the_broken_story() {
    let page = "我市出台扶持小微企业新政\n\n\
                本报讯（记者 王五）近日，市政府印发扶持小微企业\n\
                发展若干措施，从融资、用地、人才等方面加大\n\
                扶持力度。措施有三个特点：一是覆盖面广。对\n\
                新设立的小微企业，给予最高10万元开办补贴；\n\n\
                小微企业贷款贴息政策落地\n\n\
                本报讯（记者 李四）记者从市财政局获悉，小微\n\
                企业贷款贴息政策已经落地，首批贴息资金拨付\n\
                到位，惠及企业三百余家，企业融资成本明显下\n\
                降。\n\n\
                对吸纳就业的小微企业，给予社保补贴。二是\n\
                兑现快捷。补贴资金实行免申即享。三是监管严\n\
                格。资金使用全程接受审计监督。\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    assert_eq!(arts.len(), 2, "{arts:#?}");
    let first = signed(&arts, "王五");
    let text = first.paragraphs.concat();
    assert!(
        text.contains("二是兑现快捷") && text.contains("三是监管严格"),
        "{arts:#?}"
    );
    let second = signed(&arts, "李四");
    assert!(!second.paragraphs.concat().contains("二是"), "{arts:#?}");
}

/// A headline read after a column broken off mid-sentence, a blank line
/// between it and the lead it is set over: it heads that story, it is not
/// the broken sentence's next line.
#[test]
fn a_headline_over_a_lead_heads_it_across_a_blank_line() {
    let page = "新建停车场投入使用\n\n\
                本报讯（记者 李四）城区东关新建的立体停车场正式\n\
                投入使用，可提供车位三百余个，缓解了周边商圈\n\
                停车难问题，市民在停车场内有序停放车辆，工作\n\n\
                乡村书屋开放\n\n\
                本报讯（记者 王五）全镇十二家乡村书屋对外开放，\n\
                村民可借阅图书、报刊，参加读书分享活动。\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    let books = signed(&arts, "王五");
    assert_eq!(books.headline.as_deref(), Some("乡村书屋开放"), "{arts:#?}");
    let parking = signed(&arts, "李四");
    assert!(!parking.paragraphs.concat().contains("书屋"), "{arts:#?}");
}

/// Two stories set side by side, each with a kicker over its headline, read
/// row by row: both kickers, then both headlines. Each kicker stays with
/// the headline under it.
#[test]
fn kickers_read_in_a_row_stay_over_their_own_headlines() {
    let page = "我市\n\n\
                高新区\n\n\
                乡村书屋全面对外开放\n\n\
                新建停车场正式投入使用\n\n\
                本报讯（记者 王五）全镇十二家乡村书屋对外开放，\n\
                村民可在书屋借阅图书、报刊，参加读书分享活动。\n\n\
                本报讯（记者 李四）高新区新建的立体停车场正式\n\
                投入使用，可提供车位三百余个，停车难问题缓解。\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    let books = signed(&arts, "王五");
    assert_eq!(books.kicker.as_deref(), Some("我市"), "{arts:#?}");
    assert_eq!(
        books.headline.as_deref(),
        Some("乡村书屋全面对外开放"),
        "{arts:#?}"
    );
    let parking = signed(&arts, "李四");
    assert_eq!(parking.kicker.as_deref(), Some("高新区"), "{arts:#?}");
    assert_eq!(
        parking.headline.as_deref(),
        Some("新建停车场正式投入使用"),
        "{arts:#?}"
    );
}

/// A notice's title over its wrapped addressees (关于……的通知 / 市……指 /
/// 挥部各成员单位：) heads a new item even right after a column broken off
/// mid-sentence, and a photo caption read after the notice's text keeps
/// its credit to itself: no caption opens with addressees.
#[test]
fn a_notice_title_after_a_broken_column_heads_the_notice() {
    let page = "乡镇干部走村入户办实事\n\n\
                本报讯（记者 王五）入冬以来，各乡镇组织干部\n\
                走村入户，收集群众意见建议，建立问题台\n\
                账，逐条逐项解决，群众满意度不断提升，城\n\n\
                关于发布重污染天气橙色预警启动Ⅱ级\n\
                应急响应的通知\n\
                市重污染天气应急指\n\
                挥部各成员单位：经市环\n\
                境信息与监控中心会商预\n\
                测，我市决定发布重污染\n\
                天气橙色预警。请各部门\n\
                落实应急减排措施。\n\
                3月2日，市民在城区公园晨\n\
                练锻炼身体。■ 本报记者 李四\n";
    let arts = segment_page("p.txt", page, &PageMeta::default());
    let notice = arts
        .iter()
        .find(|a| a.headline.as_deref() == Some("关于发布重污染天气橙色预警启动Ⅱ级应急响应的通知"))
        .unwrap_or_else(|| panic!("{arts:#?}"));
    let text = notice.paragraphs.concat();
    assert!(
        text.starts_with("市重污染天气应急指挥部各成员单位"),
        "{arts:#?}"
    );
    assert!(!text.contains("晨练"), "{arts:#?}");
    assert!(notice.reporters.is_empty(), "{arts:#?}");
    let photo = signed(&arts, "李四");
    assert!(photo.paragraphs.concat().contains("晨练"), "{arts:#?}");
    let story = signed(&arts, "王五");
    assert!(!story.paragraphs.concat().contains("重污染"), "{arts:#?}");
}
