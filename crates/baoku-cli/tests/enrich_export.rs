//! `baoku export` carries the enrichment: amounts, documents,
//! organisations, people, related ids and continuation links.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn export(dir: &Path) -> Vec<Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_baoku"))
        .arg("export")
        .arg(dir)
        .output()
        .expect("run baoku");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

#[test]
fn export_has_amounts_documents_organizations_people_and_related() {
    let arts = export(&corpus());
    let a = arts
        .iter()
        .find(|a| {
            a["headline"]
                .as_str()
                .is_some_and(|h| h.starts_with("聊城智慧金融服务平台"))
        })
        .expect("the platform article");
    let amounts = a["amounts"].as_array().unwrap();
    let big = amounts
        .iter()
        .find(|x| x["yuan"] == 52_820_000_000u64)
        .expect("528.2亿元");
    assert_eq!(big["text"], "528.2亿元");
    // paragraph/offset point at the amount in the text.
    let p = a["paragraphs"][big["paragraph"].as_u64().unwrap() as usize]
        .as_str()
        .unwrap();
    let at: String = p
        .chars()
        .skip(big["offset"].as_u64().unwrap() as usize)
        .take(5)
        .collect();
    assert_eq!(at, "528.2");
    let orgs = strs(&a["organizations"]);
    for o in [
        "聊城智慧金融服务平台",
        "邮储银行",
        "山东聊城富锋汽车部件有限公司",
    ] {
        assert!(orgs.contains(&o), "{o} in {orgs:?}");
    }
    assert!(a["people"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["name"] == "张延飞" && p["title"] == "负责人"));

    let policy = arts
        .iter()
        .find(|a| {
            a["headline"]
                .as_str()
                .is_some_and(|h| h.contains("连续六年财政安排"))
        })
        .unwrap();
    assert_eq!(
        strs(&policy["documents"]),
        vec!["聊城市支持制造业高质量发展的若干政策"]
    );
    // Its sister report on the same policy document is related.
    let sister = arts
        .iter()
        .find(|a| {
            a["headline"]
                .as_str()
                .is_some_and(|h| h.contains("真金白银”奖补赋能"))
        })
        .unwrap();
    assert!(strs(&policy["related"]).contains(&sister["id"].as_str().unwrap()));

    let ids: Vec<&str> = arts.iter().filter_map(|a| a["id"].as_str()).collect();
    for a in &arts {
        let rel = strs(&a["related"]);
        assert!(rel.len() <= 5);
        assert!(rel
            .iter()
            .all(|r| ids.contains(r) && *r != a["id"].as_str().unwrap()));
        // Bylines stay bylines.
        for p in a["people"].as_array().into_iter().flatten() {
            assert!(!strs(&a["reporters"]).contains(&p["name"].as_str().unwrap()));
        }
    }
}

#[test]
fn continued_articles_link_when_the_page_is_in_the_archive() {
    let d = std::env::temp_dir().join(format!("baoku-enrich-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(
        d.join("p1.txt"),
        "高唐县推进审批改革\n\n本报讯（记者 王五）3月31日，高唐县推进审批改革，为企业节省资金300万元。\n\n改革成效明显。 (下转第7版)\n",
    )
    .unwrap();
    std::fs::write(
        d.join("p7.txt"),
        "高唐县推进审批改革\n\n（上接第1版）企业办事更便捷，审批时限压缩一半。\n\n下一步，高唐县将继续深化改革。\n",
    )
    .unwrap();
    std::fs::write(
        d.join("pages.json"),
        r#"{"format_version": 1, "pages": {
            "p1.txt": {"publication": "聊城日报", "date": "2025-04-01", "page": "1"},
            "p7.txt": {"publication": "聊城日报", "date": "2025-04-01", "page": "7"}}}"#,
    )
    .unwrap();
    let arts = export(&d);
    let first = arts
        .iter()
        .find(|a| a["source"] == "p1.txt" && a["continued_on"] == "第7版")
        .expect("page 1 article");
    let rest = arts
        .iter()
        .find(|a| a["source"] == "p7.txt")
        .expect("page 7 article");
    assert_eq!(first["continues_in"], rest["id"]);
    assert_eq!(rest["continued_from"], first["id"]);
    assert_eq!(first["amounts"][0]["yuan"], 3_000_000u64);

    // Without page 7 the reader only has the page number.
    std::fs::remove_file(d.join("p7.txt")).unwrap();
    let arts = export(&d);
    assert!(arts.iter().all(|a| a.get("continues_in").is_none()));
    assert_eq!(arts[0]["continued_on"], "第7版");
    let _ = std::fs::remove_dir_all(&d);
}
