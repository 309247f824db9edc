// Archive-scale browser benchmark (run by `./x bench scale`, not a test):
// the release bundle in headless Chromium against a large built archive,
// served from loopback with gzip. Prints one JSON object on stdout.
//
//   node tests/e2e/bench-scale.mjs --data <built data dir> --pages <page files dir>
//
// Measures: bytes transferred before the first results for the first query
// and navigation → first results (fresh context, no cache, no service
// worker); per new query: bytes fetched and input → rendered latency, cold
// and warm; main-thread long tasks while typing; renderer memory above a
// blank page.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { launch, DIST, ROOT } from './harness.mjs';

const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const DATA = path.resolve(arg('--data') ?? fail('--data <dir> is required'));
const PAGES = arg('--pages');
const REPS = Number(arg('--reps') ?? 1);
function fail(m) { console.error('bench-scale: ' + m); process.exit(2); }

const median = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)] ?? 0; };
const p95 = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.round((s.length - 1) * 0.95)] ?? 0; };

const set = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/bench/queries.json'), 'utf8'));

// The archive's most frequent Han characters and bigrams (first 20 MB of pages).
function frequent(dir) {
  if (!dir) return [];
  const uni = new Map(), bi = new Map();
  let budget = 20 << 20;
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    if (budget <= 0) break;
    const t = fs.readFileSync(path.join(dir, f), 'utf8');
    budget -= t.length * 3;
    let prev = '';
    for (const c of t) {
      if (/\p{Script=Han}/u.test(c)) {
        uni.set(c, (uni.get(c) ?? 0) + 1);
        if (prev) bi.set(prev + c, (bi.get(prev + c) ?? 0) + 1);
        prev = c;
      } else if (!/\s/.test(c)) prev = '';
    }
  }
  const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 3).map((x) => x[0]);
  return [...top(uni), ...top(bi)];
}
const queries = [...new Set([...set.queries, ...frequent(PAGES)])];

// Static server: dist/ for the app, /data/ from the built archive; gzip
// like a CDN; counts the bytes it sends.
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.bin': 'application/octet-stream' };
let sent = 0, requests = 0;
const gzCache = new Map();
const server = http.createServer((req, res) => {
  const p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const file = p.startsWith('/data/') ? path.join(DATA, p.slice(6)) : path.join(DIST, p === '/' ? 'index.html' : p);
  if (!file.startsWith(DATA) && !file.startsWith(DIST)) { res.writeHead(403); res.end(); return; }
  fs.readFile(file, (err, raw) => {
    if (err) { res.writeHead(404); res.end(); return; }
    let body = raw;
    const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      body = gzCache.get(file) ?? zlib.gzipSync(raw, { level: 6 });
      if (gzCache.size < 20000) gzCache.set(file, body);
      headers['content-encoding'] = 'gzip';
    }
    sent += body.length; requests += 1;
    res.writeHead(200, headers);
    res.end(body);
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;
const reset = () => { const s = { sent, requests }; sent = 0; requests = 0; return s; };

const browser = await launch();
const out = { articles: JSON.parse(fs.readFileSync(path.join(DATA, 'manifest.json'), 'utf8')).article_count, queries: queries.length };

// 1. First visit: navigation → first results for the first query.
const navs = [], firstBytes = [];
for (let i = 0; i < 3; i++) {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  reset();
  await page.goto(url + '#q=' + encodeURIComponent(set.first));
  await page.waitForFunction((q) => document.querySelector('#baoku')?.getAttribute('data-query') === q, set.first, { timeout: 120_000 });
  navs.push(await page.evaluate(() => performance.now()));
  firstBytes.push(reset().sent);
  await ctx.close();
}
out.first_query = set.first;
out.first_results_bytes_gzip = median(firstBytes);
out.nav_to_first_results_ms = Math.round(median(navs));

// 2. New queries, cold then warm, on one page; long tasks observed throughout.
const ctx = await browser.newContext({ serviceWorkers: 'block' });
const page = await ctx.newPage();
await page.addInitScript(() => {
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
});
await page.goto(url);
await page.locator('#baoku[data-rendered]').waitFor({ timeout: 120_000 });
await page.waitForTimeout(1000);
await page.evaluate(() => { window.__long = []; });
const searchMs = [];
page.on('console', (m) => { const r = /^baoku: search ([\d.]+) ms/.exec(m.text()); if (r) searchMs.push(Number(r[1])); });
async function run(q) {
  reset();
  const t = await page.evaluate((q) => {
    performance.clearMarks();
    const el = document.querySelector('#bk-q');
    el.value = q;
    el.dispatchEvent(new InputEvent('input', { data: q, bubbles: true }));
    return performance.now();
  }, q);
  await page.waitForFunction((q) => document.querySelector('#baoku').getAttribute('data-query') === q, q, { timeout: 60_000 });
  const m = await page.evaluate(() => ({ now: performance.now(), q: performance.getEntriesByName('baoku-query').at(-1)?.startTime }));
  const s = reset();
  return { q, t0: Math.round(t), total_ms: m.now - t, after_debounce_ms: m.now - (m.q ?? t), bytes: s.sent, requests: s.requests };
}
const cold = [], warm = [];
for (const q of queries) cold.push(await run(q));
for (let r = 0; r < Math.max(1, REPS); r++) for (const q of queries) warm.push(await run(q));
const long = await page.evaluate(() => window.__long);
out.per_query = cold;
out.per_query_bytes_median = median(cold.map((x) => x.bytes));
out.per_query_bytes_p95 = p95(cold.map((x) => x.bytes));
out.per_query_bytes_max = Math.max(...cold.map((x) => x.bytes));
out.cold_after_debounce_p50_ms = Math.round(median(cold.map((x) => x.after_debounce_ms)));
out.cold_after_debounce_p95_ms = Math.round(p95(cold.map((x) => x.after_debounce_ms)));
out.cold_input_to_rendered_p95_ms = Math.round(p95(cold.map((x) => x.total_ms)));
out.warm_after_debounce_p50_ms = Math.round(median(warm.map((x) => x.after_debounce_ms)));
out.warm_after_debounce_p95_ms = Math.round(p95(warm.map((x) => x.after_debounce_ms)));
out.long_tasks_over_50ms = long.length;
out.longest_task_ms = Math.max(0, ...long.map((x) => x[1]));
out.long_tasks = long;
out.engine_ms_p50 = median(searchMs);
out.engine_ms_p95 = p95(searchMs);
await ctx.close();

// 3. Renderer memory above a blank page (RSS of the renderer processes).
async function rendererRss(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  let kb = 0;
  for (const p of processInfo.filter((p) => p.type === 'renderer')) {
    try { kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p.id}/status`, 'utf8'))[1]); } catch { /* exited */ }
  }
  await cdp.detach();
  return kb / 1024;
}
{
  // One tab: a blank page's renderer first, then the same tab on the app
  // (Chromium may swap the process; the blank one then exits).
  const b2 = await launch();
  const c2 = await b2.newContext({ serviceWorkers: 'block' });
  const p2 = await c2.newPage();
  await p2.setContent('<!doctype html><title>blank</title>');
  await p2.waitForTimeout(500);
  const before = await rendererRss(b2);
  await p2.goto(url + '#q=' + encodeURIComponent(set.first));
  await p2.waitForFunction((q) => document.querySelector('#baoku')?.getAttribute('data-query') === q, set.first, { timeout: 120_000 });
  for (const q of queries) {
    await p2.evaluate((q) => { const el = document.querySelector('#bk-q'); el.value = q; el.dispatchEvent(new InputEvent('input', { data: q, bubbles: true })); }, q);
    await p2.waitForFunction((q) => document.querySelector('#baoku').getAttribute('data-query') === q, q, { timeout: 60_000 });
  }
  await p2.waitForTimeout(500);
  out.renderer_mib_blank = Math.round(before);
  out.renderer_mib_above_blank = Math.round((await rendererRss(b2)) - before);
  await b2.close();
}

await browser.close();
server.close();

// 4. `baoku search --data` per call (a fresh process each time, as a shell user runs it).
const bin = path.join(ROOT, 'target/native/baoku');
if (fs.existsSync(bin)) {
  const ms = [];
  for (const q of queries) {
    for (let r = 0; r < 3; r++) {
      const t = process.hrtime.bigint();
      const p = spawnSync(bin, ['search', q, '--data', DATA, '--limit', '20', '--json']);
      if (p.status !== 0) fail(`baoku search ${q}: ${p.stderr}`);
      ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  out.cli_search_ms_p50 = Math.round(median(ms));
  out.cli_search_ms_p95 = Math.round(p95(ms));
}
// 5. Exactness on the substring queries of the Pagefind comparison (its
// fixed and random queries), against a plain scan of the exported articles:
// the result set must be exactly the articles whose text (headline, kicker,
// subheadline, names, paragraphs; whitespace removed) contains the query.
const pfFile = path.join(ROOT, 'tests/bench/pagefind-10k.json');
if (fs.existsSync(bin) && PAGES && fs.existsSync(pfFile)) {
  const qs = JSON.parse(fs.readFileSync(pfFile, 'utf8')).exactness.map((e) => e.q);
  const exp = spawnSync(bin, ['export', PAGES], { maxBuffer: 1 << 30 });
  const arts = exp.stdout.toString().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const text = (a) => [a.kicker, a.headline, a.subheadline, ...(a.reporters ?? []), ...(a.correspondents ?? []), ...(a.authors ?? []), ...(a.paragraphs ?? [])]
    .filter(Boolean).join('').replace(/\s+/g, '');
  const texts = arts.map((a) => [a.id, text(a)]);
  let exact = 0;
  const misses = [];
  for (const q of qs) {
    const want = new Set(texts.filter(([, t]) => t.includes(q)).map(([id]) => id));
    const p = spawnSync(bin, ['search', q, '--data', DATA, '--json', '--limit', '1000000'], { maxBuffer: 1 << 30 });
    const got = new Set(JSON.parse(p.stdout.toString()).hits.map((h) => h.id));
    const same = got.size === want.size && [...got].every((id) => want.has(id));
    if (same) exact += 1; else misses.push({ q, want: want.size, got: got.size });
  }
  out.exact_queries = exact;
  out.exact_of = qs.length;
  if (misses.length) out.exact_misses = misses;
}

// 6. The build, when ./x bench scale recorded it.
const buildInfo = path.join(path.dirname(DATA), 'build.json');
if (fs.existsSync(buildInfo)) out.build = JSON.parse(fs.readFileSync(buildInfo, 'utf8'));
console.log(JSON.stringify(out, null, 1));
