//! Reference and data exports of articles: GB/T 7714 text, RIS, BibTeX,
//! CSV and NDJSON. Pure string building, no I/O, so the browser can offer
//! the same downloads the CLI writes.
//!
//! Who is an author: reporters and names printed without a role are the
//! responsible authors (GB/T 7714 cites them); correspondents (通讯员) are
//! contributors, so RIS and BibTeX put them in a note, not among authors.

use crate::model::Article;

/// The GB/T 7714-2015 newspaper reference (same as [`Article::citation`]).
pub fn gbt7714(a: &Article) -> String {
    a.citation()
}

/// One line of a field value: line breaks and tabs become spaces.
fn one_line(s: &str) -> String {
    crate::text::collapse_spaces(s)
}

/// Note text: an inferred date and the correspondents.
fn note(a: &Article) -> Option<String> {
    let mut parts = Vec::new();
    if a.date_inferred && a.date.is_some() {
        parts.push("出版日期为推断".to_string());
    }
    let cs: Vec<&str> = a
        .correspondents
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    if !cs.is_empty() {
        parts.push(format!("通讯员：{}", cs.join("、")));
    }
    (!parts.is_empty()).then(|| parts.join("；"))
}

/// A RIS record (`TY  - NEWS` … `ER  - `), CRLF line ends as the RIS
/// specification requires.
///
/// `AU` lists reporters and role-less authors. Correspondents go in `N1`
/// (a note), not `A2`: `A2` is a secondary *author* role that reference
/// managers import as the editor of a newspaper article, which misstates
/// what a 通讯员 did (GB/T 7714 likewise does not cite them). An inferred
/// date is stated in `N1` too; `DA` and `PY` still carry it.
pub fn ris(a: &Article, url: Option<&str>) -> String {
    let mut out = String::new();
    let mut tag = |t: &str, v: &str| {
        let v = one_line(v);
        if !v.is_empty() || t == "ER" {
            out.push_str(t);
            out.push_str("  - ");
            out.push_str(&v);
            out.push_str("\r\n");
        }
    };
    tag("TY", "NEWS");
    for n in a.cited_authors() {
        tag("AU", n);
    }
    tag("TI", &a.citation_title());
    if let Some(p) = &a.publication {
        tag("T2", p);
    }
    if let Some(d) = a.date.as_deref().filter(|d| d.len() >= 4) {
        // DA is YYYY/MM/DD/other; a partial date keeps its known parts.
        let mut parts: Vec<&str> = d.split('-').take(3).collect();
        parts.resize(3, "");
        tag("DA", &format!("{}/{}/{}/", parts[0], parts[1], parts[2]));
        tag("PY", parts[0]);
    }
    if let Some(p) = &a.page {
        tag("SP", p);
    }
    if let Some(u) = url {
        tag("UR", u);
    }
    tag("LA", "zh");
    if let Some(n) = note(a) {
        tag("N1", &n);
    }
    tag("ID", &a.id);
    tag("ER", "");
    out
}

/// BibTeX/LaTeX escape for a field value in braces.
fn tex(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in one_line(s).chars() {
        match c {
            '{' | '}' | '%' | '&' | '#' | '_' | '$' => {
                o.push('\\');
                o.push(c);
            }
            '\\' => o.push_str("\\textbackslash{}"),
            '~' => o.push_str("\\textasciitilde{}"),
            '^' => o.push_str("\\textasciicircum{}"),
            _ => o.push(c),
        }
    }
    o
}

/// A URL for biblatex's verbatim `url` field: no TeX escapes (they would
/// end up in the link); braces, backslashes and spaces are percent-encoded
/// instead, which keeps the braces balanced and the link equivalent.
fn tex_url(u: &str) -> String {
    let mut o = String::with_capacity(u.len());
    for c in u.trim().chars() {
        match c {
            '{' => o.push_str("%7B"),
            '}' => o.push_str("%7D"),
            '\\' => o.push_str("%5C"),
            c if c.is_whitespace() => o.push_str("%20"),
            _ => o.push(c),
        }
    }
    o
}

/// The citation key: the id's ASCII letters, digits, `-` and `_`; when
/// other characters had to be replaced, a hash of the whole id keeps keys
/// of different ids apart. Stable for a stable id.
pub fn bibtex_key(id: &str) -> String {
    let mut k: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if k != id || k.is_empty() {
        k = format!(
            "{}-{:08x}",
            k.trim_matches('_'),
            crate::text::fnv1a(id.as_bytes()) as u32
        );
        k = k.trim_start_matches('-').to_string();
    }
    if !k.starts_with(|c: char| c.is_ascii_alphabetic()) {
        k.insert_str(0, "bk");
    }
    k
}

/// A biblatex `@article` with `entrysubtype = {newspaper}`. Names are
/// joined with ` and `; a name that holds a space, comma or `and` is
/// braced so that it stays one name. Correspondents and an inferred date
/// are in `note` (see [`ris`] for why correspondents are not authors).
pub fn bibtex(a: &Article, url: Option<&str>) -> String {
    let mut f: Vec<(&str, String)> = Vec::new();
    let authors: Vec<String> = a
        .cited_authors()
        .into_iter()
        .map(|n| {
            let e = tex(n);
            if e.contains([' ', ',']) || e.to_lowercase().contains("and") {
                format!("{{{e}}}")
            } else {
                e
            }
        })
        .collect();
    if !authors.is_empty() {
        f.push(("author", authors.join(" and ")));
    }
    f.push(("title", tex(&a.citation_title())));
    if let Some(p) = &a.publication {
        f.push(("journal", tex(p)));
    }
    f.push(("entrysubtype", "newspaper".into()));
    if let Some(d) = &a.date {
        f.push(("date", tex(d)));
    }
    if let Some(p) = &a.page {
        f.push(("pages", tex(p)));
    }
    if let Some(u) = url {
        f.push(("url", tex_url(u)));
    }
    f.push(("langid", "chinese".into()));
    if let Some(n) = note(a) {
        f.push(("note", tex(&n)));
    }
    let mut out = format!("@article{{{},\n", bibtex_key(&a.id));
    for (k, v) in &f {
        out.push_str(&format!("  {k} = {{{v}}},\n"));
    }
    out.push_str("}\n");
    out
}

/// The CSV header.
pub const CSV_HEADER: [&str; 12] = [
    "id",
    "date",
    "date_inferred",
    "publication",
    "page",
    "kind",
    "headline",
    "reporters",
    "correspondents",
    "authors",
    "places",
    "link",
];

/// One CSV cell: formula-looking text gets a leading `'` (so a spreadsheet
/// shows it instead of evaluating it), then RFC 4180 quoting.
fn csv_cell(s: &str, out: &mut String) {
    let guarded;
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{s}");
        guarded.as_str()
    } else {
        s
    };
    if s.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// A CSV table, one row per `(article, link)`: RFC 4180 quoting, CRLF line
/// ends, a UTF-8 byte order mark (Excel then reads the Chinese correctly)
/// and a header row ([`CSV_HEADER`]). Lists are joined with `;`. `headline`
/// is the title a citation uses (an untitled photo's caption). A cell
/// starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'` against
/// formula injection.
pub fn csv(rows: &[(&Article, &str)]) -> String {
    let mut out = String::from("\u{FEFF}");
    out.push_str(&CSV_HEADER.join(","));
    out.push_str("\r\n");
    for (a, link) in rows {
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        let cells = [
            a.id.clone(),
            opt(&a.date),
            a.date_inferred.to_string(),
            opt(&a.publication),
            opt(&a.page),
            a.kind.as_str().to_string(),
            if a.headline.is_some() || !a.paragraphs.is_empty() {
                a.citation_title()
            } else {
                String::new()
            },
            a.reporters.join(";"),
            a.correspondents.join(";"),
            a.authors.join(";"),
            a.places.join(";"),
            link.to_string(),
        ];
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            csv_cell(c, &mut out);
        }
        out.push_str("\r\n");
    }
    out
}

/// Newline-delimited JSON, one object per `(article, link)`: the article
/// exactly as `baoku export` and the data shards serialise it — paragraphs
/// included, so the file is a complete, re-importable record (the CSV is
/// the lean table) — plus `link`.
pub fn ndjson(rows: &[(&Article, &str)]) -> String {
    let mut out = String::new();
    for (a, link) in rows {
        // The article's object with `link` added last (no `Value` tree: a
        // smaller wasm). An article always serialises as a non-empty object.
        let (Ok(obj), Ok(link)) = (serde_json::to_string(a), serde_json::to_string(link)) else {
            continue;
        };
        let Some(body) = obj.strip_suffix('}') else {
            continue;
        };
        out.push_str(body);
        out.push_str(",\"link\":");
        out.push_str(&link);
        out.push('}');
        out.push('\n');
    }
    out
}

#[cfg(test)]
#[path = "export_tests.rs"]
mod tests;
