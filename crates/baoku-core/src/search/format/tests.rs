//! Round trips and corruption of every index file format.

use super::*;
use crate::data::DataError;
use std::collections::BTreeMap;

fn manifest() -> Manifest {
    Manifest {
        format_version: FORMAT_VERSION,
        article_count: 3,
        dir: "idx-0123456789abcdef".into(),
        boot: vec!["idx-0123456789abcdef/meta.bin".into()],
        gram_chunks: 2,
        pos_chunks: 1,
        id_buckets: 1,
        total_bytes: 0,
        fold: BTreeMap::new(),
    }
}

#[test]
fn manifest_validation() {
    let m = manifest();
    let json = serde_json::to_string(&m).unwrap();
    assert_eq!(Manifest::from_json(&json).unwrap(), m);
    for (field, value) in [
        ("dir", serde_json::json!("../../etc")),
        ("dir", serde_json::json!("/etc/passwd")),
        ("article_count", serde_json::json!(4_000_000_000u64)),
        ("boot", serde_json::json!(["../../../etc/passwd"])),
        ("boot", serde_json::json!(["/abs"])),
        ("id_buckets", serde_json::json!(0)),
        ("format_version", serde_json::json!(1)),
    ] {
        let mut v = serde_json::to_value(&m).unwrap();
        v[field] = value;
        assert!(
            Manifest::from_json(&v.to_string()).is_err(),
            "{field} accepted"
        );
    }
    assert!(is_safe_path("idx-1/g/0.bin"));
    for p in ["", "..", "a/../b", "/a", "a//b", "a\\b", "c:x", "a?b"] {
        assert!(!is_safe_path(p), "{p}");
    }
}

#[test]
fn meta_round_trip_and_corruption() {
    let m = manifest();
    let mut col = Column {
        values: vec!["news".into()],
        ..Default::default()
    };
    for _ in 0..3 {
        col.push_doc([0]);
    }
    let meta = Meta {
        docs: 3,
        dates: vec![
            DateRun {
                date: None,
                start: 0,
                len: 1,
            },
            DateRun {
                date: Some("2025-03-26".into()),
                start: 1,
                len: 2,
            },
        ],
        columns: STORED_FACETS.iter().map(|_| col.clone()).collect(),
        chunk_keys: vec![0x4e00, 0x4e00_0000_4e01],
    };
    let bytes = meta.encode();
    assert_eq!(Meta::decode(&bytes, &m).unwrap(), meta);
    assert_eq!(meta.chunk_of(0x10), None);
    assert_eq!(meta.chunk_of(0x4e00), Some(0));
    assert_eq!(meta.chunk_of(u64::MAX), Some(1));
    // Every truncation and every single-byte change decodes or errs, never panics.
    for cut in 0..bytes.len() {
        assert!(Meta::decode(&bytes[..cut], &m).is_err());
    }
    for i in 0..bytes.len() {
        let mut b = bytes.clone();
        b[i] ^= 0xff;
        let _ = Meta::decode(&b, &m);
    }
}

#[test]
fn gram_chunk_round_trip() {
    let p = Postings {
        docs: vec![0, 2],
        impacts: vec![5, 0x80 | 9],
        pieces: vec![Piece {
            first: 0,
            chunk: 0,
            offset: 0,
            len: 4,
        }],
    };
    let (k1, k2) = (unigram_key('专'), bigram_key('专', '精'));
    let mut e1 = Vec::new();
    let mut e2 = Vec::new();
    let u = Postings {
        pieces: vec![],
        ..p.clone()
    };
    u.encode(k1, &mut e1);
    p.encode(k2, &mut e2);
    let chunk = encode_gram_chunk(&[(k1, e1), (k2, e2)]);
    assert_eq!(find_in_gram_chunk(&chunk, k1, 3, 1).unwrap(), Some(u));
    assert_eq!(find_in_gram_chunk(&chunk, k2, 3, 1).unwrap(), Some(p));
    assert_eq!(
        find_in_gram_chunk(&chunk, bigram_key('a', 'b'), 3, 1).unwrap(),
        None
    );
    // Doc numbers beyond the archive are refused.
    assert!(find_in_gram_chunk(&chunk, k1, 2, 1).is_err());
    for cut in 0..chunk.len() {
        let _ = find_in_gram_chunk(&chunk[..cut], k2, 3, 1);
    }
    let mut pos = Vec::new();
    encode_positions(&[3, 10], &mut pos);
    encode_positions(&[7], &mut pos);
    assert_eq!(decode_piece(&pos, 2).unwrap(), vec![vec![3, 10], vec![7]]);
    assert!(decode_piece(&pos, 3).is_err());
}

#[test]
fn impacts_invert() {
    for len in [50.0, 400.0, 3000.0] {
        let k = bm25_k(len, 400.0);
        for tf in [1u32, 2, 5, 30] {
            let i = impact(tf, k);
            let k2 = k_from_impact(i, tf);
            assert!((k2 - k).abs() / k < 0.25, "tf {tf} len {len}: {k} vs {k2}");
        }
    }
}

/// A format-2 build (committed, written by Baoku before format 3).
const MANIFEST_V2: &str = include_str!("fixtures/manifest-v2.json");
const META_V2: &[u8] = include_bytes!("fixtures/meta-v2.bin");

fn is_version(e: DataError, what: &str) -> bool {
    matches!(e, DataError::Version { what: w, found: 2, wanted: 3 } if w == what)
}

#[test]
fn format_2_is_refused_with_a_version_error() {
    assert_eq!(FORMAT_VERSION, 3);
    assert!(is_version(
        Manifest::from_json(MANIFEST_V2).unwrap_err(),
        "manifest.json"
    ));
    // A v2 meta read with a v3 manifest (a half-updated deploy).
    let mut v: serde_json::Value = serde_json::from_str(MANIFEST_V2).unwrap();
    v["format_version"] = FORMAT_VERSION.into();
    let m = Manifest::from_json(&v.to_string()).unwrap();
    assert!(is_version(
        Meta::decode(META_V2, &m).unwrap_err(),
        "meta.bin"
    ));
    let mut x = META_V2.to_vec();
    x[2] = b'X';
    assert!(is_version(decode_extra(&x, 1).unwrap_err(), "x.bin"));
    // Not ours at all: malformed, not a version.
    assert!(matches!(
        Meta::decode(b"PK\x03\x04", &m),
        Err(DataError::Malformed { .. })
    ));
}

#[test]
fn format_3_round_trips_through_a_build() {
    use crate::search::build::{build, Options};
    use crate::search::{Archive, Facet, MemFiles, SearchRequest, Step};
    let a = crate::model::Article {
        date: Some("2025-03-26".into()),
        page: Some("A3".into()),
        reporters: vec!["王五".into()],
        correspondents: vec!["李四".into()],
        authors: vec!["赵六".into()],
        paragraphs: vec!["小巨人企业获得奖励".into()],
        ..crate::model::Article::new("a1", "p.txt", crate::model::Kind::News)
    };
    let mut files = MemFiles::default();
    let folder = crate::fold::Folder::builtin();
    let (m, _) = build(
        vec![a],
        &folder,
        BTreeMap::new(),
        Options::default(),
        &mut files,
    )
    .unwrap();
    assert_eq!(m.format_version, 3);
    let m = Manifest::from_json(&serde_json::to_string(&m).unwrap()).unwrap();
    let meta = &files.0[paths::META];
    assert_eq!(&meta[..4], b"BKM3");
    assert_eq!(&files.0[paths::EXTRA][..4], b"BKX3");
    let decoded = Meta::decode(meta, &m).unwrap();
    assert_eq!(decoded.encode(), *meta);
    let ix = Archive::open(m, meta).unwrap();
    let Step::Done(r) = ix.search(&files, &SearchRequest::default()).unwrap() else {
        panic!("in-memory files missing");
    };
    let values = |f: Facet| -> Vec<String> {
        let v = &r.facets.iter().find(|x| x.0 == f).unwrap().1;
        v.iter().map(|x| x.0.clone()).collect()
    };
    assert_eq!(values(Facet::Day), ["2025-03-26"]);
    assert_eq!(values(Facet::Page), ["A3"]);
    assert_eq!(values(Facet::Reporter), ["王五"]);
    assert_eq!(values(Facet::Correspondent), ["李四"]);
    assert_eq!(values(Facet::Author), ["赵六"]);
}

#[test]
fn sequences_pick_the_shorter_coding() {
    use crate::search::codec::Reader;
    for seq in [
        vec![],
        vec![7],
        vec![1, 2, 3, 4],
        vec![0; 1000],
        vec![3, 3, 3, 9, 9, 1, 300, 300, 300, 300],
    ] {
        let mut out = Vec::new();
        put_seq(&mut out, &seq);
        let mut got = Vec::new();
        let mut r = Reader::new(&out);
        get_seq(&mut r, seq.len(), |v| {
            got.push(v);
            Ok(())
        })
        .unwrap();
        assert!(r.is_empty());
        assert_eq!(got, seq);
    }
    let mut out = Vec::new();
    put_seq(&mut out, &[0; 1000]);
    assert_eq!(out.len(), 4, "one run: tag, value, length");
    // A run longer than the column is refused.
    let mut r = Reader::new(&out);
    assert!(get_seq(&mut r, 999, |_| Ok(())).is_err());
}
