//! Hardening of the `baoku` command (issue 9): encodings, file-name
//! collisions, leftovers of killed builds, hostile arguments and inputs.

use encoding_rs::{Encoding, BIG5, EUC_KR, GBK, SHIFT_JIS};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

mod support;

use support::{baoku, corpus, s};

fn tmp(name: &str) -> PathBuf {
    support::tmp("harden", name)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn page(n: u32) -> String {
    let name = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .find(|f| f.starts_with(&format!("{n:03}_")))
        .unwrap();
    std::fs::read_to_string(corpus().join(name)).unwrap()
}

/// `text` in `enc`, dropping the few characters `enc` cannot represent.
fn encode_lossless(enc: &'static Encoding, text: &str) -> (String, Vec<u8>) {
    let kept: String = text
        .chars()
        .filter(|c| !enc.encode(&c.to_string()).2)
        .collect();
    let (bytes, _, bad) = enc.encode(&kept);
    assert!(!bad);
    let bytes = bytes.into_owned();
    (kept, bytes)
}

fn export_of(dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["export", s(dir)];
    args.extend(extra);
    baoku(&args)
}

const TRADITIONAL_PAGE: &str = "聊城日報\n2025年3月25日 星期二 第3版\n\n專精特新企業再添新軍\n\
經濟技術開發區三家企業入選國家級「小巨人」名單\n\n\
本報訊（記者 王五 通訊員 李四）3月25日，記者從市工業和資訊化局獲悉，我市又有三家企業入選國家級專精特新「小巨人」企業名單，總數達到二十一家。\n\n\
近年來，我市堅持把培育專精特新企業作為推動製造業高品質發展的重要抓手，建立梯度培育機制，對首次認定的國家級「小巨人」企業給予五十萬元獎勵。\n\n\
入選企業之一、聊城某軸承有限公司負責人表示，企業將繼續加大研發投入，爭取在高端軸承領域實現更多突破。\n\n\
市工業和資訊化局相關負責人介紹，下一步將圍繞產業鏈部署創新鏈，推動更多中小企業走專精特新發展之路。\n";

#[test]
fn big5_pages_read_exactly_like_their_utf8_text() {
    let (text, big5) = encode_lossless(BIG5, TRADITIONAL_PAGE);
    assert_eq!(text, TRADITIONAL_PAGE);
    let (u, b) = (tmp("big5-utf8"), tmp("big5"));
    std::fs::write(u.join("p.txt"), &text).unwrap();
    std::fs::write(b.join("p.txt"), &big5).unwrap();
    let want = export_of(&u, &[]);
    assert!(want.status.success());
    let got = export_of(&b, &[]);
    assert!(got.status.success(), "{}", stderr(&got));
    assert_eq!(
        String::from_utf8(got.stdout).unwrap(),
        String::from_utf8(want.stdout.clone()).unwrap()
    );
    // The explicit override agrees with the detection.
    assert_eq!(export_of(&b, &["--encoding", "big5"]).stdout, want.stdout);
    assert!(String::from_utf8_lossy(&want.stdout).contains("專精特新"));
}

#[test]
fn japanese_and_korean_pages_are_refused_with_file_and_byte_offset() {
    let ja = "「東京新聞」によると、政府は来年度の経済対策として中小企業への支援を拡充する方針を固めた。専門家は効果を疑問視している。\n";
    let ko = "서울신문에 따르면 정부는 내년도 경제 대책으로 중소기업 지원을 확대하기로 했다. 전문가들은 효과에 의문을 제기했다.\n";
    for (enc, text, file) in [(SHIFT_JIS, ja, "tokyo.txt"), (EUC_KR, ko, "seoul.txt")] {
        let d = tmp(file);
        let head = "2025-03-25 page 3\n";
        let (_, bytes) = encode_lossless(enc, text);
        std::fs::write(d.join(file), [head.as_bytes(), &bytes].concat()).unwrap();
        let r = baoku(&["build", s(&d), "--out", s(&d.join("out"))]);
        let e = stderr(&r);
        assert!(!r.status.success(), "{file} accepted");
        assert!(e.contains(file), "{e}");
        assert!(e.contains(&format!("byte {}", head.len())), "{e}");
        assert!(e.contains(enc.name()), "{e}");
        assert!(!d.join("out/manifest.json").exists());
    }
}

#[test]
fn encoding_override_and_pages_json_entry() {
    // A GBK page declared UTF-8: refused at the first GBK byte, not garbled.
    let d = tmp("override");
    let text = page(2);
    let (_, gbk) = encode_lossless(GBK, &text);
    std::fs::write(d.join("p.txt"), &gbk).unwrap();
    let first_non_ascii = gbk.iter().position(|&b| b >= 0x80).unwrap();
    let r = export_of(&d, &["--encoding", "utf-8"]);
    assert!(!r.status.success());
    assert!(
        stderr(&r).contains(&format!(
            "invalid UTF-8 byte sequence at byte {first_non_ascii}"
        )),
        "{}",
        stderr(&r)
    );
    assert!(export_of(&d, &["--encoding", "gbk"]).status.success());
    // Not a Chinese encoding: refused by the argument parser.
    let r = export_of(&d, &["--encoding", "shift_jis"]);
    assert_eq!(r.status.code(), Some(2), "{}", stderr(&r));
    assert!(
        stderr(&r).contains("unsupported encoding"),
        "{}",
        stderr(&r)
    );
    // pages.json's entry wins over --encoding for its file.
    std::fs::write(
        d.join("pages.json"),
        r#"{"format_version": 1, "pages": {"p.txt": {"encoding": "gb18030"}}}"#,
    )
    .unwrap();
    assert!(export_of(&d, &["--encoding", "utf-8"]).status.success());
    std::fs::write(
        d.join("pages.json"),
        r#"{"format_version": 1, "pages": {"p.txt": {"encoding": "euc-kr"}}}"#,
    )
    .unwrap();
    let r = export_of(&d, &[]);
    assert!(!r.status.success());
    assert!(
        stderr(&r).contains("pages.json")
            && stderr(&r).contains("p.txt")
            && stderr(&r).contains("euc-kr"),
        "{}",
        stderr(&r)
    );
}

#[test]
fn colliding_file_names_are_refused_naming_both() {
    let d = tmp("collide");
    std::fs::write(d.join("x.txt"), page(2)).unwrap();
    std::fs::write(d.join("x.TXT"), page(3)).unwrap();
    let r = baoku(&["build", s(&d), "--out", s(&d.join("out"))]);
    assert!(!r.status.success());
    let e = stderr(&r);
    assert!(
        e.contains("\"x.TXT\"") && e.contains("\"x.txt\"") && e.contains("same article ids"),
        "{e}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let d = tmp("collide-bytes");
        // Two GBK-named files whose names are not UTF-8 and read the same lossily.
        std::fs::write(
            d.join(std::ffi::OsStr::from_bytes(b"\xb2\xe2.txt")),
            page(2),
        )
        .unwrap();
        std::fs::write(
            d.join(std::ffi::OsStr::from_bytes(b"\xb2\xe3.txt")),
            page(3),
        )
        .unwrap();
        let r = baoku(&["export", s(&d)]);
        assert!(!r.status.success());
        let e = stderr(&r);
        assert!(e.contains(r"\xB2\xE2") && e.contains(r"\xB2\xE3"), "{e}");
    }
}

#[test]
fn a_build_removes_temporaries_of_killed_builds() {
    let d = tmp("stale");
    std::fs::write(d.join("p.txt"), page(2)).unwrap();
    let out = d.join("out");
    std::fs::create_dir_all(&out).unwrap();
    for f in ["manifest.tmp", "articles-0123456789abcdef.tmp"] {
        std::fs::write(out.join(f), b"half written").unwrap();
    }
    // A staging folder a killed build left behind.
    std::fs::create_dir_all(out.join(".building-999999/g")).unwrap();
    std::fs::write(out.join(".building-999999/g/0.bin"), b"half").unwrap();
    let r = baoku(&["build", s(&d), "--out", s(&out)]);
    assert!(r.status.success(), "{}", stderr(&r));
    let mut left: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    left.sort();
    assert_eq!(left.len(), 2, "{left:?}");
    assert_eq!(left[1], "manifest.json");
    assert!(left[0].starts_with("idx-"), "{left:?}");
}

fn totals(args: &[&str]) -> u64 {
    let r = baoku(args);
    assert!(r.status.success(), "{args:?}: {}", stderr(&r));
    let v: Value = serde_json::from_slice(&r.stdout).unwrap();
    v["total"].as_u64().unwrap()
}

#[test]
fn exclusion_only_queries_stdin_and_query_files() {
    let c = corpus();
    let all = totals(&["search", "", "--pages", s(&c), "--json", "--limit", "1"]);
    let with = totals(&[
        "search",
        "专精特新",
        "--pages",
        s(&c),
        "--json",
        "--limit",
        "1",
    ]);
    let without = totals(&[
        "search",
        "-专精特新",
        "--pages",
        s(&c),
        "--json",
        "--limit",
        "1",
    ]);
    assert!(with > 0 && without > 0);
    assert_eq!(with + without, all);
    // From stdin with `-`, and from --query-file.
    let mut child = Command::new(env!("CARGO_BIN_EXE_baoku"))
        .args(["search", "-", "--pages", s(&c), "--json", "--limit", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("-专精特新\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["total"].as_u64().unwrap(), without);
    let d = tmp("qfile");
    let long = format!("\u{feff}专精特新 {}\n", "-不存在的词 ".repeat(20_000));
    std::fs::write(d.join("q.txt"), &long).unwrap();
    let qf = d.join("q.txt");
    assert_eq!(
        totals(&[
            "search",
            "--query-file",
            s(&qf),
            "--pages",
            s(&c),
            "--json",
            "--limit",
            "1"
        ]),
        with
    );
    let r = baoku(&[
        "search",
        "--query-file",
        s(&d.join("missing.txt")),
        "--pages",
        s(&c),
    ]);
    assert!(!r.status.success() && stderr(&r).contains("missing.txt"));
}

#[test]
fn bogus_sort_is_rejected() {
    let r = baoku(&[
        "search",
        "专精特新",
        "--pages",
        s(&corpus()),
        "--sort",
        "bogus",
    ]);
    assert_eq!(r.status.code(), Some(2));
    let e = stderr(&r);
    assert!(e.contains("bogus") && e.contains("newest"), "{e}");
    assert!(baoku(&[
        "search",
        "专精特新",
        "--pages",
        s(&corpus()),
        "--sort",
        "oldest"
    ])
    .status
    .success());
}

/// Closes the reading end before `baoku` writes: it must end quietly with 0.
fn closed_pipe(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_baoku"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_pipe_ends_quietly() {
    for args in [
        &["export", s(&corpus())][..],
        &["search", "专精特新", "--pages", s(&corpus())][..],
        &["search", "专精特新", "--pages", s(&corpus()), "--json"][..],
    ] {
        let r = closed_pipe(args);
        assert_eq!(r.status.code(), Some(0), "{args:?}: {}", stderr(&r));
        assert_eq!(stderr(&r), "", "{args:?}");
    }
}

#[test]
fn pages_json_bom_symlink_and_dates() {
    let d = tmp("pagesjson");
    std::fs::write(d.join("p.txt"), page(2)).unwrap();
    std::fs::write(
        d.join("pages.json"),
        "\u{feff}{\"format_version\": 1, \"pages\": {\"p.txt\": {\"date\": \"2025-03-25\"}}}",
    )
    .unwrap();
    let r = export_of(&d, &[]);
    assert!(r.status.success(), "{}", stderr(&r));
    assert!(String::from_utf8_lossy(&r.stdout).contains("\"date\":\"2025-03-25\""));
    std::fs::write(
        d.join("pages.json"),
        r#"{"format_version": 1, "pages": {"p.txt": {"date": "99999-01-01"}}}"#,
    )
    .unwrap();
    let r = export_of(&d, &[]);
    assert!(!r.status.success());
    assert!(
        stderr(&r).contains("99999-01-01") && stderr(&r).contains("1800"),
        "{}",
        stderr(&r)
    );
    #[cfg(unix)]
    {
        std::fs::remove_file(d.join("pages.json")).unwrap();
        std::os::unix::fs::symlink(d.join("gone.json"), d.join("pages.json")).unwrap();
        let r = export_of(&d, &[]);
        assert!(!r.status.success());
        assert!(stderr(&r).contains("pages.json"), "{}", stderr(&r));
    }
}

#[test]
fn a_nel_character_does_not_make_a_page_binary() {
    let d = tmp("nel");
    let text = page(2);
    let at = text.char_indices().nth(200).unwrap().0;
    std::fs::write(
        d.join("p.txt"),
        format!("{}\u{85}{}", &text[..at], &text[at..]),
    )
    .unwrap();
    let r = export_of(&d, &[]);
    assert!(r.status.success(), "{}", stderr(&r));
}
