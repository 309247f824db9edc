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
    let mut text = l.text.trim().to_string();
    if !text.contains(['：', ':']) {
        match lines.get(k + 1) {
            Some(Some(n)) => text.push_str(n.text.trim()),
            _ => return false,
        }
    }
    opens_with_addressee(&text)
}

/// Text that opens with a notice's addressee list and its colon.
pub(super) fn opens_with_addressee(text: &str) -> bool {
    let Some((head, _)) = text.split_once(['：', ':']) else {
        return false;
    };
    (6..=30).contains(&visible_len(head))
        && !head.contains(['，', '。', '；', '“', '”', '、', ','])
        && ADDRESSEES.iter().any(|w| head.ends_with(w))
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
}
