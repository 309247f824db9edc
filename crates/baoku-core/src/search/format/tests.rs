//! Round trips and corruption of every index file format.

use super::*;
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
    let mut col = Column::default();
    col.values = vec!["news".into()];
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
        columns: vec![col.clone(), col.clone(), col.clone(), col],
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
