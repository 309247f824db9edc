//! Fetches the manifest and its shards and builds the index, reporting
//! progress; every failure becomes a message for the Retry screen.

use baoku_core::{Folder, Index, Manifest, Shard};
use gloo::net::http::Request;

async fn fetch_text(url: &str) -> Result<String, String> {
    let resp = Request::get(url)
        .send()
        .await
        .map_err(|e| format!("{url}: {e}"))?;
    if !resp.ok() {
        return Err(format!("{url}: HTTP {}", resp.status()));
    }
    resp.text().await.map_err(|e| format!("{url}: {e}"))
}

/// `base` is the data folder URL, ending in `/`.
pub async fn load(base: &str, mut progress: impl FnMut(usize, usize)) -> Result<Index, String> {
    let manifest = Manifest::from_json(&fetch_text(&format!("{base}manifest.json")).await?)
        .map_err(|e| e.to_string())?;
    let total = manifest.shards.len();
    progress(0, total);
    let mut articles = Vec::with_capacity(manifest.article_count);
    for (i, r) in manifest.shards.iter().enumerate() {
        let text = fetch_text(&format!("{base}{}", r.file)).await?;
        let shard = Shard::from_json(&r.file, &text).map_err(|e| e.to_string())?;
        articles.extend(shard.articles);
        progress(i + 1, total);
    }
    Ok(Index::new(articles, Folder::with_table(&manifest.fold)))
}
