//! Amount extraction: numerals, units, approximations, ranges, and what is not money.

use super::*;

fn vals(s: &str) -> Vec<(String, u64, bool)> {
    amounts_in(s, 0)
        .into_iter()
        .map(|a| (a.text, a.yuan, a.approx))
        .collect()
}

fn v(t: &str, y: u64, a: bool) -> (String, u64, bool) {
    (t.to_string(), y, a)
}

#[test]
fn arabic_with_magnitudes() {
    assert_eq!(
        vals("贷款余额114.89亿元，同比增长8.16%"),
        vec![v("114.89亿元", 11_489_000_000, false)]
    );
    assert_eq!(
        vals("协助企业成功贷款300万元。"),
        vec![v("300万元", 3_000_000, false)]
    );
    assert_eq!(
        vals("投入1277.46万元用于"),
        vec![v("1277.46万元", 12_774_600, false)]
    );
    assert_eq!(
        vals("发放贷款1.3亿元"),
        vec![v("1.3亿元", 130_000_000, false)]
    );
    assert_eq!(vals("奖励2000元"), vec![v("2000元", 2000, false)]);
    assert_eq!(
        vals("总额1,500万元"),
        vec![v("1,500万元", 15_000_000, false)]
    );
    assert_eq!(vals("共１２万元"), vec![v("１２万元", 120_000, false)]);
    assert_eq!(
        vals("规模1.5万亿元"),
        vec![v("1.5万亿元", 1_500_000_000_000, false)]
    );
    assert_eq!(
        vals("1亿2000万元"),
        vec![v("1亿2000万元", 120_000_000, false)]
    );
    assert_eq!(
        vals("融资5亿人民币"),
        vec![v("5亿人民币", 500_000_000, false)]
    );
    assert_eq!(
        vals("376.1亿元人民币"),
        vec![v("376.1亿元", 37_610_000_000, false)]
    );
    assert_eq!(vals("3千万元"), vec![v("3千万元", 30_000_000, false)]);
}

#[test]
fn layout_spaces_inside_an_amount() {
    assert_eq!(
        vals("余额114.89 亿元，"),
        vec![v("114.89亿元", 11_489_000_000, false)]
    );
    assert_eq!(
        vals("资金 3000 万 元"),
        vec![v("3000万元", 30_000_000, false)]
    );
}

#[test]
fn chinese_numerals() {
    assert_eq!(vals("安排两亿元"), vec![v("两亿元", 200_000_000, false)]);
    assert_eq!(vals("奖励五十万元"), vec![v("五十万元", 500_000, false)]);
    assert_eq!(
        vals("一千二百万元"),
        vec![v("一千二百万元", 12_000_000, false)]
    );
    assert_eq!(
        vals("三亿五千万元"),
        vec![v("三亿五千万元", 350_000_000, false)]
    );
    assert_eq!(vals("十亿元"), vec![v("十亿元", 1_000_000_000, false)]);
    assert_eq!(vals("奖励十万元"), vec![v("十万元", 100_000, false)]);
    assert_eq!(vals("统一3000万元"), vec![v("3000万元", 30_000_000, false)]);
}

#[test]
fn approximate_amounts() {
    assert_eq!(
        vals("资金8000余万元"),
        vec![v("8000余万元", 80_000_000, true)]
    );
    assert_eq!(vals("补助80余万元"), vec![v("80余万元", 800_000, true)]);
    assert_eq!(vals("节省税款近2万元"), vec![v("近2万元", 20_000, true)]);
    assert_eq!(vals("节省税款约5万元"), vec![v("约5万元", 50_000, true)]);
    assert_eq!(
        vals("营收超180亿元"),
        vec![v("超180亿元", 18_000_000_000, true)]
    );
    assert_eq!(vals("逾3亿元"), vec![v("逾3亿元", 300_000_000, true)]);
    assert_eq!(
        vals("营收过10亿元"),
        vec![v("过10亿元", 1_000_000_000, true)]
    );
    assert_eq!(vals("通过500万元"), vec![v("500万元", 5_000_000, false)]);
    assert_eq!(
        vals("投资500万元以上的项目"),
        vec![v("500万元以上", 5_000_000, true)]
    );
    assert_eq!(vals("1000多万元"), vec![v("1000多万元", 10_000_000, true)]);
}

#[test]
fn vague_figures_are_not_amounts_or_are_approximate() {
    assert!(vals("投入数百万元，几十万元").is_empty());
    assert_eq!(vals("投资上千万元"), vec![v("上千万元", 10_000_000, true)]);
    assert_eq!(vals("二十多万元"), vec![v("二十多万元", 200_000, true)]);
}

#[test]
fn words_that_look_like_approximation_are_not() {
    assert_eq!(vals("最近3000万元"), vec![v("3000万元", 30_000_000, false)]);
    assert_eq!(vals("节约30万元"), vec![v("30万元", 300_000, false)]);
    assert_eq!(vals("签约5亿元"), vec![v("5亿元", 500_000_000, false)]);
}

#[test]
fn ranges_and_lists_give_every_amount() {
    assert_eq!(
        vals("给予50万至100万元奖励"),
        vec![v("50万", 500_000, false), v("100万元", 1_000_000, false)]
    );
    assert_eq!(
        vals("50至100万元"),
        vec![v("50", 500_000, false), v("100万元", 1_000_000, false)]
    );
    assert_eq!(
        vals("1000万–1亿元"),
        vec![
            v("1000万", 10_000_000, false),
            v("1亿元", 100_000_000, false)
        ]
    );
    assert_eq!(
        vals("突破2000万、1亿、5亿元的企业"),
        vec![
            v("2000万", 20_000_000, false),
            v("1亿", 100_000_000, false),
            v("5亿元", 500_000_000, false)
        ]
    );
    assert_eq!(
        vals("分别给予30万元、50万元奖励"),
        vec![v("30万元", 300_000, false), v("50万元", 500_000, false)]
    );
}

#[test]
fn years_percentages_counts_are_not_amounts() {
    assert!(vals("2025年，增长8.16%，207家企业，2020年—2025年").is_empty());
    assert!(vals("3—5年内，10、20家").is_empty());
    assert!(vals("1月1日元旦期间").is_empty());
    assert!(vals("一元化管理，多元发展，二元结构").is_empty());
    assert!(vals("出口100万美元").is_empty());
    assert!(vals("型号A3000元件").is_empty());
    assert!(vals("打造百亿元级产业集群").is_empty());
    assert!(vals("30万人就业，5万亩").is_empty());
}

#[test]
fn offsets_point_at_the_amount() {
    let a = amounts_in("前文。补助 约5万元。", 2);
    assert_eq!(a.len(), 1);
    assert_eq!((a[0].paragraph, a[0].offset), (2, 6));
}

#[test]
fn the_sentence_of_an_amount() {
    use crate::model::{Article, Kind};
    let mut a = Article::new("x", "p.txt", Kind::News);
    a.paragraphs = vec![
        "开头。".into(),
        "“我们贷款300万元。”3月24日，他说。余额114.89亿元，同比增长8.16%；另一句".into(),
    ];
    a.amounts = amounts_in(&a.paragraphs[1], 1);
    let s: Vec<String> = a
        .amounts
        .iter()
        .filter_map(|x| a.amount_sentence(x))
        .collect();
    assert_eq!(
        s,
        vec!["“我们贷款300万元。”", "余额114.89亿元，同比增长8.16%；"]
    );
    let stale = Amount {
        paragraph: 9,
        ..a.amounts[0].clone()
    };
    assert_eq!(a.amount_sentence(&stale), None);
}
