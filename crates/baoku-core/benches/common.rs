//! Shared by the benchmarks: the seed corpus and the fixed query set.
#![allow(dead_code)]

use baoku_core::{segment, Article, PageMeta};
use std::path::PathBuf;

pub fn seed_pages() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| std::fs::read_to_string(f).expect("UTF-8 seed page"))
        .collect()
}

pub fn seed_articles() -> Vec<Article> {
    seed_pages()
        .iter()
        .enumerate()
        .flat_map(|(i, p)| segment::segment_page(&format!("seed{i}.txt"), p, &PageMeta::default()))
        .collect()
}

/// 1-, 2-, 4- and 8-character terms and multi-term queries.
pub const QUERIES: &[(&str, &str)] = &[
    ("1", "轴"),
    ("1", "企"),
    ("1", "的"),
    ("1", "鑫"),
    ("2", "企业"),
    ("2", "专利"),
    ("2", "贷款"),
    ("2", "湿地"),
    ("4", "专精特新"),
    ("4", "发明专利"),
    ("4", "科技金融"),
    ("4", "1.3亿"),
    ("8", "制造业高质量发展"),
    ("8", "科技成果转化贷款"),
    ("8", "重污染天气应急响"),
    ("8", "不存在的八个字符"),
    ("multi", "小巨人 奖励"),
    ("multi", "专精特新 -贷款"),
    ("multi", "临清|茌平 企业"),
    ("multi", "\"RCEP 原产地\""),
];
