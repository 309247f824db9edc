//! Shared by the CLI's integration tests: run the `baoku` binary, find the
//! bundled corpus, make a fresh temporary folder.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn baoku(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_baoku"))
        .args(args)
        .output()
        .expect("run baoku")
}

pub fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

/// A fresh folder for one test of one suite (`suite`-`name`, per process).
pub fn tmp(suite: &str, name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("baoku-{suite}-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

pub fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}
