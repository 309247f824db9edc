//! Notices: an official notice (通知, 通告) opens with the bodies it is
//! addressed to and a colon (市重污染天气应急指挥部各成员单位：……). Layout
//! rule owned here: after a finished sentence, a line opening such an
//! addressee starts a new item, even with no blank line or heading before
//! it, as when extraction runs a notice on from the article above it.

use super::lines::Line;
use crate::text::{ends_sentence, visible_len};

/// What an addressee list ends with: the kind of body a notice goes to.
const ADDRESSEES: &[&str] = &[
    "单位",
    "部门",
    "机关",
    "政府",
    "委员会",
    "办公室",
    "机构",
    "企业",
    "学校",
    "会员",
    "管委会",
];

/// What an official notice's title ends with (关于……的通知).
const NOTICE_KINDS: &[&str] = &[
    "通知",
    "通告",
    "公告",
    "决定",
    "意见",
    "公示",
    "倡议书",
    "函",
];

pub(super) fn is_notice_title(t: &str) -> bool {
    NOTICE_KINDS.iter().any(|w| t.ends_with(w))
}

/// Does a notice's addressee open at `lines[k]` (the colon on this line or
/// the next), right after a finished sentence?
pub(super) fn opens_notice_at(lines: &[Option<Line>], k: usize) -> bool {
    let Some(Some(l)) = lines.get(k) else {
        return false;
    };
    let after_sentence = lines[..k]
        .iter()
        .rev()
        .flatten()
        .next()
        .is_some_and(|p| ends_sentence(&p.text));
    if !after_sentence {
        return false;
    }
    let next = match lines.get(k + 1) {
        Some(Some(n)) => Some(n.text.as_str()),
        _ => None,
    };
    addressee_at(&l.text, next)
}

/// Does a line open a notice's addressees, with the colon on it or, the
/// addressees wrapped before their colon (市重污染天气应急指挥 / 部各成员
/// 单位：……), on the next line?
pub(super) fn addressee_at(line: &str, next: Option<&str>) -> bool {
    let line = line.trim();
    if line.contains(['：', ':']) {
        return opens_with_addressee(line);
    }
    next.is_some_and(|n| opens_with_addressee(&format!("{line}{}", n.trim())))
}

/// Do a block's first lines open with a notice's addressees? (A caption's
/// 上图： or an interview's 问： does not.)
pub(super) fn opens_with_addressees(lines: &[Option<Line>]) -> bool {
    // (The addressees wrap onto the very next line, not across a blank.)
    let Some(i) = lines.iter().position(Option::is_some) else {
        return false;
    };
    let next = lines.get(i + 1).and_then(Option::as_ref);
    lines[i]
        .as_ref()
        .is_some_and(|first| addressee_at(&first.text, next.map(|n| n.text.as_str())))
}

/// Text that opens with a notice's addressee list and its colon.
pub(super) fn opens_with_addressee(text: &str) -> bool {
    let Some((head, _)) = text.split_once(['：', ':']) else {
        return false;
    };
    let addressee = |t: &str| ADDRESSEES.iter().any(|w| t.ends_with(w));
    if head.contains(['。', '；', '“', '”']) {
        return false;
    }
    if !head.contains(['，', '、', ',']) {
        return (6..=30).contains(&visible_len(head)) && addressee(head);
    }
    // A list of bodies (各县（市、区）人民政府，市政府各部门：): it opens
    // with 各 and every part names a body.
    head.starts_with('各')
        && visible_len(head) <= 60
        && head.split(['，', ',']).all(|p| addressee(p.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(t: &str) -> Option<Line> {
        Some(Line::plain(t))
    }

    #[test]
    fn an_addressee_after_a_sentence_opens_a_notice() {
        let lines = [
            line("融合全面发展。"),
            line("市重污染天气应急指挥部"),
            line("各成员单位：经市环境信息与"),
        ];
        assert!(opens_notice_at(&lines, 1));
        let speech = [line("融合全面发展。"), line("他对记者说：“这是好事。”")];
        assert!(!opens_notice_at(&speech, 1));
    }

    #[test]
    fn addressees_open_a_block_wrapped_or_not() {
        let wrapped = [line("市重污染天气应急指"), line("挥部各成员单位：经市")];
        assert!(opens_with_addressees(&wrapped));
        let whole = [
            None,
            line("各县（市、区）人民政府，市高新区管委会，市政府各部门："),
            line("现将"),
        ];
        assert!(opens_with_addressees(&whole));
        for first in [
            "上图：",
            "问：",
            "他表示：",
            "我市有省级企业，其中重点企业：",
        ] {
            let caption = [line(first), line("工人在车间内加工零部件。")];
            assert!(!opens_with_addressees(&caption), "{first}");
        }
    }
}
