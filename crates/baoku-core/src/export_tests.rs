use super::*;
use crate::model::Kind;
use proptest::prelude::*;

const BOM: char = '\u{FEFF}';

fn news() -> Article {
    Article {
        publication: Some("聊城日报".into()),
        date: Some("2025-03-26".into()),
        date_inferred: true,
        page: Some("1".into()),
        headline: Some("梯度培育提升企业创新能力".into()),
        reporters: vec!["姬翔".into()],
        correspondents: vec!["李盼盼".into()],
        places: vec!["东昌府区".into(), "高新区".into()],
        paragraphs: vec!["3月25日，记者获悉。".into()],
        ..Article::new("000_64dd52c4ab335358-6bd695b9", "p.txt", Kind::News)
    }
}

/// A minimal RFC 4180 reader for the tests: rows of fields.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if quoted {
            match c {
                '"' if it.peek() == Some(&'"') => {
                    it.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {
                assert_eq!(it.next(), Some('\n'), "bare CR outside quotes");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            '\n' => panic!("bare LF outside quotes"),
            _ => field.push(c),
        }
    }
    assert!(
        !quoted && field.is_empty() && row.is_empty(),
        "unterminated row"
    );
    rows
}

/// What a cell holds after the formula guard.
fn guarded(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

#[test]
fn gbt7714_is_the_citation() {
    let a = news();
    assert_eq!(gbt7714(&a), a.citation());
    assert_eq!(
        gbt7714(&a),
        "姬翔.梯度培育提升企业创新能力[N].聊城日报,[2025-03-26](1)."
    );
}

#[test]
fn ris_record() {
    let r = ris(&news(), Some("https://example.org/#/a/1"));
    assert_eq!(
        r,
        "TY  - NEWS\r\n\
         AU  - 姬翔\r\n\
         TI  - 梯度培育提升企业创新能力\r\n\
         T2  - 聊城日报\r\n\
         DA  - 2025/03/26/\r\n\
         PY  - 2025\r\n\
         SP  - 1\r\n\
         UR  - https://example.org/#/a/1\r\n\
         LA  - zh\r\n\
         N1  - 出版日期为推断；通讯员：李盼盼\r\n\
         ID  - 000_64dd52c4ab335358-6bd695b9\r\n\
         ER  - \r\n"
    );
    // Every line ends CRLF, nothing else breaks a line.
    assert_eq!(r.matches('\n').count(), r.matches("\r\n").count());
}

#[test]
fn ris_leaves_out_unknown_fields_and_keeps_values_on_one_line() {
    let a = Article {
        headline: Some("标题\n第二行".into()),
        paragraphs: vec!["x".into()],
        ..Article::new("x", "p.txt", Kind::News)
    };
    let r = ris(&a, None);
    assert_eq!(
        r,
        "TY  - NEWS\r\nTI  - 标题 第二行\r\nLA  - zh\r\nID  - x\r\nER  - \r\n"
    );
}

#[test]
fn bibtex_entry() {
    let b = bibtex(&news(), Some("https://example.org/#/a/1"));
    assert_eq!(
        b,
        "@article{bk000_64dd52c4ab335358-6bd695b9,\n  \
         author = {姬翔},\n  \
         title = {梯度培育提升企业创新能力},\n  \
         journal = {聊城日报},\n  \
         entrysubtype = {newspaper},\n  \
         date = {2025-03-26},\n  \
         pages = {1},\n  \
         url = {https://example.org/#/a/1},\n  \
         langid = {chinese},\n  \
         note = {出版日期为推断；通讯员：李盼盼},\n\
         }\n"
    );
}

#[test]
fn bibtex_escapes_specials_and_keeps_braces_balanced() {
    let a = Article {
        headline: Some(r"50% & #1_$x$ {a} \b ~c^".into()),
        reporters: vec!["甲".into(), "Li, Ming".into()],
        authors: vec!["乙".into()],
        ..news()
    };
    let b = bibtex(&a, Some("https://x.org/{y}\\z w"));
    assert!(b.contains(
        r"title = {50\% \& \#1\_\$x\$ \{a\} \textbackslash{}b \textasciitilde{}c\textasciicircum{}},"
    ));
    assert!(b.contains("author = {甲 and {Li, Ming} and 乙},"), "{b}");
    assert!(b.contains("url = {https://x.org/%7By%7D%5Cz%20w},"));
    let mut depth = 0i32;
    let mut prev = ' ';
    for c in b.chars() {
        if prev != '\\' {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
        }
        assert!(depth >= 0, "{b}");
        prev = c;
    }
    assert_eq!(depth, 0, "{b}");
}

#[test]
fn bibtex_keys_are_ascii_stable_and_distinct() {
    assert_eq!(bibtex_key("p1-abc"), "p1-abc");
    let k1 = bibtex_key("聊城日报-1-abc");
    let k2 = bibtex_key("聊城晚报-1-abc");
    assert_ne!(k1, k2);
    assert_eq!(k1, bibtex_key("聊城日报-1-abc"));
    for k in [&k1, &k2, &bibtex_key(""), &bibtex_key("{,}")] {
        assert!(!k.is_empty());
        assert!(k.starts_with(|c: char| c.is_ascii_alphabetic()), "{k}");
        assert!(
            k.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
            "{k}"
        );
    }
}

#[test]
fn csv_table() {
    let a = news();
    let photo = Article {
        reporters: vec!["商景豪".into()],
        paragraphs: vec!["3月25日，工人在检查设备，“绿色”生产。".into()],
        ..Article::new("p-2", "p.txt", Kind::Photo)
    };
    let s = csv(&[(&a, "https://x.org/#/a/1"), (&photo, "l2")]);
    assert!(s.starts_with("\u{FEFF}id,date,date_inferred,publication,page,kind,headline,reporters,correspondents,authors,places,link\r\n"));
    let rows = parse_csv(s.trim_start_matches('\u{FEFF}'));
    assert_eq!(rows.len(), 3);
    assert_eq!(
        rows[1],
        [
            "000_64dd52c4ab335358-6bd695b9",
            "2025-03-26",
            "true",
            "聊城日报",
            "1",
            "news",
            "梯度培育提升企业创新能力",
            "姬翔",
            "李盼盼",
            "",
            "东昌府区;高新区",
            "https://x.org/#/a/1"
        ]
    );
    assert_eq!(rows[2][6], "3月25日，工人在检查设备，“绿色”生产");
    assert_eq!(rows[2][2], "false");
}

#[test]
fn csv_quotes_and_guards_formulas() {
    let a = Article {
        headline: Some("=HYPERLINK(\"http://evil\",\"x\")".into()),
        reporters: vec!["+1".into(), "b".into()],
        authors: vec!["@SUM(A1)".into()],
        places: vec!["a,b".into()],
        publication: Some("-2+3".into()),
        page: Some("\tA3".into()),
        ..Article::new("id\r\nx", "p.txt", Kind::News)
    };
    let s = csv(&[(&a, "line1\nline2")]);
    let rows = parse_csv(s.trim_start_matches('\u{FEFF}'));
    let r = &rows[1];
    assert_eq!(r[0], "id\r\nx");
    assert_eq!(r[3], "'-2+3");
    assert_eq!(r[4], "'\tA3");
    assert_eq!(r[6], "'=HYPERLINK(\"http://evil\",\"x\")");
    assert_eq!(r[7], "'+1;b");
    assert_eq!(r[9], "'@SUM(A1)");
    assert_eq!(r[10], "a,b");
    assert_eq!(r[11], "line1\nline2");
    // The raw text doubles the quotes inside a quoted cell.
    assert!(s.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\""));
}

#[test]
fn empty_csv_is_the_header() {
    assert_eq!(csv(&[]).matches("\r\n").count(), 1);
    assert_eq!(ndjson(&[]), "");
}

#[test]
fn ndjson_lines_are_articles_plus_link() {
    let a = news();
    let b = Article {
        paragraphs: vec!["第一段\n“引语”\u{2028}".into()],
        ..Article::new("b", "p.txt", Kind::Photo)
    };
    let s = ndjson(&[(&a, "https://x.org/#/a/1"), (&b, "l\"2")]);
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(s.ends_with('\n'));
    for (line, (art, link)) in lines
        .iter()
        .zip([(&a, "https://x.org/#/a/1"), (&b, "l\"2")])
    {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["link"], link);
        assert_eq!(v["id"], art.id.as_str());
        assert!(v["paragraphs"].is_array());
        let back: Article = serde_json::from_value(v).unwrap();
        assert_eq!(&back, art);
    }
}

proptest! {
    #[test]
    fn csv_round_trips_arbitrary_text(
        id in ".*",
        head in ".*",
        names in prop::collection::vec("[^;]*", 0..3),
        page in prop::option::of(".*"),
        link in ".*",
    ) {
        let a = Article {
            headline: Some(head.clone()),
            reporters: names.clone(),
            page: page.clone(),
            ..Article::new(id.clone(), "p.txt", Kind::News)
        };
        let s = csv(&[(&a, &link)]);
        prop_assert!(s.starts_with(BOM));
        let rows = parse_csv(s.trim_start_matches('\u{FEFF}'));
        prop_assert_eq!(rows.len(), 2);
        let r = &rows[1];
        prop_assert_eq!(r.len(), CSV_HEADER.len());
        prop_assert_eq!(&r[0], &guarded(&id));
        prop_assert_eq!(&r[4], &guarded(page.as_deref().unwrap_or("")));
        prop_assert_eq!(&r[6], &guarded(&a.citation_title()));
        prop_assert_eq!(&r[7], &guarded(&names.join(";")));
        prop_assert_eq!(&r[11], &guarded(&link));
        // No cell a spreadsheet would evaluate.
        for c in r {
            prop_assert!(!c.starts_with(['=', '+', '-', '@', '\t', '\r']));
        }
    }

    #[test]
    fn ris_and_bibtex_stay_well_formed(head in ".*", name in ".*", url in ".*") {
        let a = Article {
            headline: Some(head),
            reporters: vec![name],
            ..news()
        };
        let r = ris(&a, Some(&url));
        prop_assert_eq!(r.matches('\n').count(), r.matches("\r\n").count());
        prop_assert!(r.lines().all(|l| l.len() >= 6 && &l[2..6] == "  - "));
        let b = bibtex(&a, Some(&url));
        let mut depth = 0i32;
        let mut esc = false;
        for c in b.chars() {
            match c {
                _ if esc => esc = false,
                '\\' => esc = true,
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            prop_assert!(depth >= 0);
        }
        prop_assert_eq!(depth, 0);
        prop_assert_eq!(b.lines().count(), b.matches('\n').count());
    }
}
