#!/usr/bin/env node
// Pagefind half of the Baoku-vs-Pagefind benchmark.
//
//   node scripts/bench-pagefind.mjs <articles.ndjson> <workdir> [--queries tests/bench/queries.json]
//                                   [--reuse-index] [--seed N]
//
// 1. Writes one HTML page per article into <workdir>/site/a/<n>.html (n = line number, from 0),
//    installs pagefind-bin-extended 1.5.2 from PyPI if missing, indexes the site with
//    `pagefind_extended --site <workdir>/site` under /usr/bin/time -v (time, peak RSS).
//    --reuse-index skips writing and indexing and reuses the site and the figures of an earlier run
//    (kept in <workdir>/index-stats.json) -- for re-measuring the browser side only.
// 2. Serves <workdir>/site on 127.0.0.1 with gzip (zlib level 6) and counts the body bytes sent.
// 3. Drives headless Chromium (playwright-core) on a small search page: first-load bytes and time,
//    per-query bytes, cold and warm input->rendered latency, renderer memory above a blank page.
// 4. Exactness: Pagefind's full result sets against exact substring answers.
// 5. One JSON object on stdout, a human-readable table on stderr.
//
// Articles (NDJSON) come from the CLI, e.g. ~10k synthetic articles (~600 per MB of page text):
//   cargo build --profile native -p baoku-cli
//   target/native/baoku synth-pages corpus --out /tmp/pf-synth --mb 17
//   target/native/baoku export /tmp/pf-synth > articles.ndjson
//   node scripts/bench-pagefind.mjs articles.ndjson /tmp/pf-work > tests/bench/pagefind-10k.json
// Pagefind 1.5.2 needs ~3.3 GiB and ~3 min for 10k articles here, ~16 GiB for 50k; 100k do not fit in
// this machine's memory.

import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import zlib from 'node:zlib';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { readArticles, HAN, exactText, articleHtml, searchPage, BLANK_PAGE } from './pagefind-site.mjs';

const PAGEFIND_VERSION = '1.5.2';
const PEER = `pagefind-extended ${PAGEFIND_VERSION}`;
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const INDEX_TIMEOUT_MS = 40 * 60 * 1000;   // pagefind on 10k articles takes ~3 min here
const OVERALL_TIMEOUT_MS = 90 * 60 * 1000; // whole script
const QUERY_TIMEOUT_MS = 120 * 1000;       // one search in the browser
const RANDOM_SUBSTRINGS = 20;
const RESULTS_SHOWN = 20;
const GZIP_EXT = new Set(['.js', '.json', '.html', '.css', '.wasm', '.pagefind',
  '.pf_meta', '.pf_index', '.pf_fragment', '.pf_filter']);

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------- failure handling
const cleanups = [];
let failing = false;
function log(msg) { process.stderr.write(`bench-pagefind: ${msg}\n`); }
async function fail(msg) {
  if (failing) return;
  failing = true;
  log(`FAILED: ${msg}`);
  for (const c of cleanups.reverse()) {
    try { await Promise.race([c(), sleep(10000)]); } catch { /* best effort */ }
  }
  process.exit(1);
}
process.on('unhandledRejection', (e) => fail(e && e.stack ? e.stack : String(e)));
process.on('uncaughtException', (e) => fail(e && e.stack ? e.stack : String(e)));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => fail(`interrupted by ${sig}`));
const watchdog = setTimeout(() => fail(`gave up after ${OVERALL_TIMEOUT_MS / 60000} min`), OVERALL_TIMEOUT_MS);
watchdog.unref();

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const usage = 'usage: node scripts/bench-pagefind.mjs <articles.ndjson> <workdir> [--queries FILE] [--reuse-index] [--seed N]';
  const pos = [];
  const opt = { queries: path.join(repoRoot, 'tests/bench/queries.json'), reuseIndex: false, seed: 20261123 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--queries') { if (i + 1 >= argv.length) throw new Error(usage); opt.queries = argv[++i]; }
    else if (a === '--reuse-index') opt.reuseIndex = true;
    else if (a === '--seed') { const s = Number(argv[++i]); if (!Number.isInteger(s)) throw new Error(usage); opt.seed = s; }
    else if (a === '-h' || a === '--help') { process.stderr.write(usage + '\n'); process.exit(0); }
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}\n${usage}`);
    else pos.push(a);
  }
  if (pos.length !== 2) throw new Error(usage);
  return { articles: path.resolve(pos[0]), workdir: path.resolve(pos[1]), ...opt };
}

const SEARCH_PAGE = searchPage(RESULTS_SHOWN);

// ---------------------------------------------------------------- small helpers
function percentile(xs, p) {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const r = (p / 100) * (s.length - 1);
  const lo = Math.floor(r), hi = Math.ceil(r);
  return s[lo] + (s[hi] - s[lo]) * (r - lo);
}
const round = (x, d = 1) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function dirBytes(dir) {
  let total = 0, files = 0;
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop();
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.isFile()) { total += fs.statSync(p).size; files++; }
    }
  }
  return { total, files };
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------- Pagefind install + index
function findPagefind() {
  const r = spawnSync('python3', ['-c', 'import pagefind_bin_extended, os; print(os.path.dirname(pagefind_bin_extended.__file__))'],
    { encoding: 'utf8', timeout: 60000 });
  if (r.status !== 0) return null;
  const dir = r.stdout.trim();
  for (const name of ['pagefind_extended', 'pagefind']) {
    const bin = path.join(dir, name);
    if (!fs.existsSync(bin)) continue;
    const v = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 60000 });
    if (v.status === 0 && v.stdout.trim() === `pagefind ${PAGEFIND_VERSION}`) return bin;
    log(`${bin} reports "${(v.stdout || '').trim()}", want pagefind ${PAGEFIND_VERSION}`);
  }
  return null;
}

function installPagefind() {
  let bin = findPagefind();
  if (bin) return bin;
  const spec = `pagefind-bin-extended==${PAGEFIND_VERSION}`;
  log(`installing ${spec} with pip`);
  for (const extra of [[], ['--break-system-packages']]) {
    const r = spawnSync('python3', ['-m', 'pip', 'install', '--quiet', ...extra, spec],
      { encoding: 'utf8', timeout: 10 * 60000 });
    if (r.status === 0) break;
    const err = (r.stderr || '') + (r.stdout || '');
    if (extra.length === 0 && /externally-managed-environment|break-system-packages/.test(err)) continue;
    throw new Error(`pip install ${spec} failed:\n${err.slice(-2000)}`);
  }
  bin = findPagefind();
  if (!bin) throw new Error(`installed ${spec} but found no working pagefind_extended ${PAGEFIND_VERSION} binary in the package`);
  return bin;
}

function runIndexer(bin, site, workdir) {
  const timeFile = path.join(workdir, 'pagefind-time.txt');
  const logFile = path.join(workdir, 'pagefind-index.log');
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const out = fs.openSync(logFile, 'w');
    const child = spawn('/usr/bin/time', ['-v', '-o', timeFile, bin, '--site', site],
      { stdio: ['ignore', out, out], detached: true });
    const kill = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } };
    cleanups.push(kill);
    const timer = setTimeout(() => { kill(); reject(new Error(`pagefind ran longer than ${INDEX_TIMEOUT_MS / 60000} min`)); }, INDEX_TIMEOUT_MS);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('exit', (code, sig) => {
      clearTimeout(timer);
      fs.closeSync(out);
      const wall = Number(process.hrtime.bigint() - t0) / 1e9;
      const logText = fs.readFileSync(logFile, 'utf8');
      if (code !== 0) {
        reject(new Error(`pagefind exited with ${code ?? sig} (killed for lack of memory?); log ${logFile}:\n${logText.slice(-2000)}`));
        return;
      }
      const tv = fs.readFileSync(timeFile, 'utf8');
      const m = tv.match(/Maximum resident set size \(kbytes\): (\d+)/);
      if (!m) { reject(new Error(`no "Maximum resident set size" in ${timeFile}`)); return; }
      const pages = logText.match(/Indexed (\d+) pages?/);
      const words = logText.match(/Indexed (\d+) words?/);
      const langs = logText.match(/Discovered \d+ languages?: (.*)/);
      const cpu = (re) => { const x = tv.match(re); return x ? Number(x[1]) : 0; };
      resolve({
        wall_s: wall, peak_kib: Number(m[1]), cpu_s: cpu(/User time \(seconds\): ([\d.]+)/) + cpu(/System time \(seconds\): ([\d.]+)/),
        pages_indexed: pages ? Number(pages[1]) : null, words_indexed: words ? Number(words[1]) : null,
        languages: langs ? langs[1].trim() : null, log: logText,
      });
    });
  });
}

// ---------------------------------------------------------------- gzip server with byte counting
function startServer(root) {
  const types = {
    '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json',
    '.css': 'text/css', '.wasm': 'application/wasm',
  };
  const cache = new Map(); // file -> { raw, gz }
  const stats = { bytes: 0, requests: 0, inflight: 0, log: [] };
  const server = http.createServer((req, res) => {
    stats.inflight++;
    let counted = 0;
    res.on('close', () => {
      stats.inflight--;
      stats.bytes += counted;
      stats.requests++;
      stats.log.push({ url: req.url, bytes: counted });
    });
    const send = (status, headers, body) => {
      counted = req.method === 'HEAD' ? 0 : body.length;
      res.writeHead(status, { ...headers, 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') { send(405, { 'Content-Type': 'text/plain' }, Buffer.from('method not allowed\n')); return; }
      let rel = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
      if (rel.endsWith('/')) rel += 'index.html';
      const file = path.resolve(root, '.' + rel);
      if (file !== root && !file.startsWith(root + path.sep)) { send(403, { 'Content-Type': 'text/plain' }, Buffer.from('forbidden\n')); return; }
      let entry = cache.get(file);
      if (!entry) {
        let st;
        try { st = fs.statSync(file); } catch { st = null; }
        if (!st || !st.isFile()) { send(404, { 'Content-Type': 'text/plain' }, Buffer.from('not found\n')); return; }
        const raw = fs.readFileSync(file);
        const ext = path.extname(file);
        entry = { raw, gz: GZIP_EXT.has(ext) ? zlib.gzipSync(raw, { level: 6 }) : null, type: types[ext] || 'application/octet-stream' };
        cache.set(file, entry);
      }
      const headers = { 'Content-Type': entry.type, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
      if (entry.gz && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        send(200, { ...headers, 'Content-Encoding': 'gzip' }, entry.gz);
      } else {
        send(200, headers, entry.raw);
      }
    } catch (e) {
      send(500, { 'Content-Type': 'text/plain' }, Buffer.from(`error: ${e.message}\n`));
    }
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      const close = () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); });
      cleanups.push(close);
      resolve({
        origin: `http://127.0.0.1:${port}`,
        stats,
        reset() { stats.bytes = 0; stats.requests = 0; stats.log = []; },
        // wait until no request is in flight and nothing new arrived for `quietMs`
        async settle(quietMs = 150, maxMs = 30000) {
          const end = Date.now() + maxMs;
          let last = -1, since = Date.now();
          while (Date.now() < end) {
            const sig = stats.requests * 1e6 + stats.inflight;
            if (sig !== last) { last = sig; since = Date.now(); }
            else if (stats.inflight === 0 && Date.now() - since >= quietMs) return;
            await sleep(25);
          }
          throw new Error(`server did not settle within ${maxMs} ms (${stats.inflight} requests in flight)`);
        },
        close,
      });
    });
  });
}

// ---------------------------------------------------------------- renderer memory
async function rendererCpu(cdp) {
  const info = await cdp.send('SystemInfo.getProcessInfo');
  const m = new Map();
  for (const p of info.processInfo) if (p.type === 'renderer') m.set(p.id, p.cpuTime);
  return m;
}
function vmRssKib(pid) {
  const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = s.match(/VmRSS:\s+(\d+)\s+kB/);
  if (!m) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(m[1]);
}
// The renderer that runs `page`: the one whose CPU time grows most while the page spins. The machine
// may be busy (shared cores), so the test is relative: the winner must clearly beat the runner-up.
async function pageRendererRss(cdp, page) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = await rendererCpu(cdp);
    await page.evaluate(() => { const end = performance.now() + 800; while (performance.now() < end) { /* spin */ } });
    const after = await rendererCpu(cdp);
    const deltas = [...after].map(([pid, cpu]) => [pid, cpu - (before.get(pid) ?? 0)]).sort((a, b) => b[1] - a[1]);
    if (deltas.length && deltas[0][1] >= 0.05 && (deltas.length === 1 || deltas[0][1] >= 3 * Math.max(deltas[1][1], 0.01))) {
      return { pid: deltas[0][0], rss_kib: vmRssKib(deltas[0][0]) };
    }
    log(`renderer CPU deltas ambiguous (${deltas.map(([p, d]) => `${p}:${d.toFixed(2)}s`).join(' ')}), retrying`);
  }
  throw new Error('could not identify the page\'s renderer process');
}

// ---------------------------------------------------------------- Pagefind fragment id -> page URL
function fragmentUrls(pagefindDir) {
  const dir = path.join(pagefindDir, 'fragment');
  const map = new Map();
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.pf_fragment')) continue;
    let buf = fs.readFileSync(path.join(dir, name));
    if (buf[0] === 0x1f && buf[1] === 0x8b) buf = zlib.gunzipSync(buf);
    let text = buf.toString('utf8');
    if (text.startsWith('pagefind_dcd')) text = text.slice('pagefind_dcd'.length);
    const frag = JSON.parse(text);
    map.set(name.slice(0, -'.pf_fragment'.length), frag.url);
  }
  return map;
}

// ---------------------------------------------------------------- main
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const qfile = JSON.parse(fs.readFileSync(args.queries, 'utf8'));
  if (typeof qfile.first !== 'string' || !Array.isArray(qfile.queries)) throw new Error(`${args.queries}: want {first, queries[]}`);

  log(`reading ${args.articles}`);
  const articles = readArticles(args.articles);
  const texts = articles.map(exactText);
  log(`${articles.length} articles`);

  // most frequent Han characters and bigrams
  const uni = new Map(), bi = new Map();
  for (const t of texts) {
    let prev = null;
    for (const ch of t) {
      if (HAN.test(ch)) {
        uni.set(ch, (uni.get(ch) || 0) + 1);
        if (prev !== null) { const b = prev + ch; bi.set(b, (bi.get(b) || 0) + 1); }
        prev = ch;
      } else prev = null;
    }
  }
  const top = (m, n) => [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n).map((e) => e[0]);
  const topChars = top(uni, 3), topBigrams = top(bi, 3);
  uni.clear(); bi.clear();
  const queries = [];
  for (const q of [...qfile.queries, ...topChars, ...topBigrams]) if (!queries.includes(q)) queries.push(q);

  // substring query set: single terms without operators + random Han substrings
  const isPlainTerm = (q) => q.length > 0 && !/[\s"|]/.test(q) && !q.startsWith('-');
  const substrQueries = qfile.queries.filter(isPlainTerm);
  const rnd = mulberry32(args.seed);
  const randomSubs = [];
  for (let tries = 0; randomSubs.length < RANDOM_SUBSTRINGS && tries < 100000; tries++) {
    const a = articles[Math.floor(rnd() * articles.length)];
    if (a.paragraphs.length === 0) continue;
    const para = [...a.paragraphs[Math.floor(rnd() * a.paragraphs.length)].replace(/\s+/gu, '')];
    const len = 2 + Math.floor(rnd() * 7); // 2..8
    if (para.length < len) continue;
    const start = Math.floor(rnd() * (para.length - len + 1));
    const cut = para.slice(start, start + len);
    if (!cut.every((c) => HAN.test(c))) continue;
    const s = cut.join('');
    if (!substrQueries.includes(s) && !randomSubs.includes(s)) randomSubs.push(s);
  }
  if (randomSubs.length < RANDOM_SUBSTRINGS) throw new Error(`found only ${randomSubs.length} random Han substrings`);
  substrQueries.push(...randomSubs);

  // 1. site + index
  fs.mkdirSync(args.workdir, { recursive: true });
  const site = path.join(args.workdir, 'site');
  const statsFile = path.join(args.workdir, 'index-stats.json');
  let index;
  if (args.reuseIndex) {
    if (!fs.existsSync(statsFile)) throw new Error(`--reuse-index: no ${statsFile} from an earlier run`);
    index = JSON.parse(fs.readFileSync(statsFile, 'utf8'));
    if (index.articles !== articles.length || index.source !== args.articles) throw new Error(`--reuse-index: ${statsFile} is for another article file`);
    log(`reusing the index of an earlier run (${statsFile})`);
  } else {
    const bin = installPagefind();
    log(`pagefind: ${bin}`);
    fs.rmSync(site, { recursive: true, force: true });
    fs.mkdirSync(path.join(site, 'a'), { recursive: true });
    articles.forEach((a, n) => fs.writeFileSync(path.join(site, 'a', `${n}.html`), articleHtml(a)));
    log(`wrote ${articles.length} pages to ${site}/a; indexing (this takes minutes)`);
    const r = await runIndexer(bin, site, args.workdir);
    if (r.pages_indexed !== null && r.pages_indexed !== articles.length) throw new Error(`pagefind indexed ${r.pages_indexed} pages, expected ${articles.length}`);
    index = {
      source: args.articles, articles: articles.length, index_time_s: r.wall_s, index_cpu_s: r.cpu_s, index_peak_kib: r.peak_kib,
      pages_indexed: r.pages_indexed, words_indexed: r.words_indexed, languages: r.languages, loadavg_1m: os.loadavg()[0],
    };
    fs.writeFileSync(statsFile, JSON.stringify(index, null, 2) + '\n');
    log(`indexed in ${r.wall_s.toFixed(1)} s, peak ${(r.peak_kib / 1024).toFixed(0)} MiB`);
  }
  const pfDir = path.join(site, 'pagefind');
  if (!fs.existsSync(path.join(pfDir, 'pagefind.js'))) throw new Error(`no ${pfDir}/pagefind.js: indexing failed?`);
  const idxSize = dirBytes(pfDir);
  fs.writeFileSync(path.join(site, 'bench-search.html'), SEARCH_PAGE);
  fs.writeFileSync(path.join(site, 'bench-blank.html'), BLANK_PAGE);

  // 2. server
  const srv = await startServer(site);
  log(`serving ${site} at ${srv.origin}`);

  // 3. browser (the cores may be shared: the load average is recorded with the figures)
  const loadBefore = os.loadavg();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60000 });
  cleanups.push(() => browser.close());
  const chromiumVersion = browser.version();
  const cdp = await browser.newBrowserCDPSession();
  const waitResults = async (page, n) => {
    await page.waitForFunction((k) => window.__error || (window.__results && window.__results.length >= k), n, { timeout: QUERY_TIMEOUT_MS, polling: 10 });
    const err = await page.evaluate(() => window.__error || null);
    if (err) throw new Error(`search page: ${err}`);
    return page.evaluate((k) => window.__results[k - 1], n);
  };
  const pageErrors = (page) => page.on('pageerror', (e) => log(`page error: ${e.message}`));

  // 3a. first load, fresh context (no cache): bytes and time until the first results of `first`
  let first;
  {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    pageErrors(page);
    await page.goto('about:blank');
    await srv.settle(100);
    srv.reset();
    await page.goto(`${srv.origin}/bench-search.html?q=${encodeURIComponent(qfile.first)}`, { timeout: QUERY_TIMEOUT_MS });
    const r = await waitResults(page, 1);
    await srv.settle();
    first = { q: qfile.first, ms: r.ms, bytes: srv.stats.bytes, requests: srv.stats.requests, total: r.total, log: srv.stats.log.slice() };
    await ctx.close();
  }
  log(`first load "${first.q}": ${first.bytes} B in ${first.requests} requests, ${first.ms.toFixed(0)} ms, ${first.total} results`);

  // 3b. per-query cold/warm, memory; fresh context again
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  pageErrors(page);
  await page.goto('about:blank');
  const blank = await pageRendererRss(cdp, page);
  await srv.settle(100);
  srv.reset();
  await page.goto(`${srv.origin}/bench-search.html`, { timeout: QUERY_TIMEOUT_MS });
  await page.waitForFunction(() => window.__ready === true, null, { timeout: QUERY_TIMEOUT_MS });
  await srv.settle();
  const initBytes = srv.stats.bytes;
  let n = 0;
  const cold = [], warm = [];
  for (const pass of [cold, warm]) {
    for (const q of queries) {
      await srv.settle(50);
      srv.reset();
      await page.fill('#q', q);
      const r = await waitResults(page, ++n);
      if (r.q !== q) throw new Error(`search page answered "${r.q}" for "${q}"`);
      await srv.settle();
      pass.push({ q, ms: r.ms, bytes: srv.stats.bytes, requests: srv.stats.requests, total: r.total });
      if (process.env.BENCH_PF_DEBUG) log(`${pass === cold ? 'cold' : 'warm'} "${q}" ${r.ms.toFixed(0)} ms: ${srv.stats.log.map((x) => `${x.url} ${x.bytes}`).join(', ')}`);
    }
  }
  const after = await pageRendererRss(cdp, page);
  log(`renderer: blank pid ${blank.pid} ${blank.rss_kib} KiB; after queries pid ${after.pid} ${after.rss_kib} KiB`);

  // 4. exactness: ALL Pagefind results, page URL -> article id.
  // Pagefind's answer depends on the index chunks the page has already loaded (seen: a query's word
  // matches as a prefix the words of the chunks loaded so far, e.g. 新 gives 4144 results on a fresh
  // page and 5781 after other queries), so each query is asked twice: on a fresh
  // page (fresh Pagefind state: the reproducible answer, reported as exact_queries) and on the page that
  // has just run all the timed queries (exact_queries_session).
  const fragUrl = fragmentUrls(pfDir);
  const toArticleIds = (ids) => {
    const got = new Set();
    for (const id of ids) {
      const url = fragUrl.get(id);
      const m = url && url.match(/\/a\/(\d+)(?:\.html)?$/);
      if (!m) throw new Error(`Pagefind result ${id} has no article URL (${url})`);
      got.add(articles[Number(m[1])].id);
    }
    return got;
  };
  const compare = (want, got) => {
    let missing = 0, extra = 0;
    for (const id of want) if (!got.has(id)) missing++;
    for (const id of got) if (!want.has(id)) extra++;
    return { pagefind: got.size, missing, extra, equal: missing === 0 && extra === 0 };
  };
  const searchIds = async (pg, q) => pg.evaluate(async (qq) => {
    const r = await window.__pf.search(qq);
    return (r && r.results ? r.results : []).map((x) => x.id);
  }, q);
  const exact = [];
  const wanted = new Map(); // query -> exact answer (article ids)
  for (const q of substrQueries) {
    const want = new Set();
    texts.forEach((t, i) => { if (t.includes(q)) want.add(articles[i].id); });
    wanted.set(q, want);
    const session = compare(want, toArticleIds(await searchIds(page, q)));
    exact.push({ q, random: randomSubs.includes(q), exact: want.size, session });
  }
  const fresh = await ctx.newPage();
  pageErrors(fresh);
  for (const e of exact) {
    await fresh.goto(`${srv.origin}/bench-search.html`, { timeout: QUERY_TIMEOUT_MS });
    await fresh.waitForFunction(() => window.__ready === true, null, { timeout: QUERY_TIMEOUT_MS });
    Object.assign(e, compare(wanted.get(e.q), toArticleIds(await searchIds(fresh, e.q))));
  }
  await ctx.close();
  await browser.close();
  await srv.close();
  const loadAfter = os.loadavg();

  // 5. report
  const mib = (k) => k / 1024;
  const result = {
    peer: PEER,
    articles: articles.length,
    index_time_s: round(index.index_time_s, 1),
    index_peak_mib: round(mib(index.index_peak_kib), 0),
    index_cpu_s: round(index.index_cpu_s, 1),
    index_words: index.words_indexed,
    index_language: index.languages,
    index_bytes: idxSize.total,
    index_files: idxSize.files,
    first_query: first.q,
    first_query_bytes_gzip: first.bytes,
    first_query_requests: first.requests,
    first_query_bytes_by_kind: first.log.reduce((acc, { url, bytes }) => {
      const p = new URL(url, 'http://x').pathname;
      const k = p.includes('/fragment/') ? 'fragments' : p.includes('/index/') ? 'index chunks' : path.basename(p).replace(/_[0-9a-f]+(?=\.)/, '');
      acc[k] = (acc[k] || 0) + bytes;
      return acc;
    }, {}),
    nav_to_first_results_ms: round(first.ms, 0),
    init_bytes_gzip: initBytes,
    queries: queries.length,
    per_query_bytes_median: round(percentile(cold.map((x) => x.bytes), 50), 0),
    per_query_bytes_p95: round(percentile(cold.map((x) => x.bytes), 95), 0),
    latency_cold_p50_ms: round(percentile(cold.map((x) => x.ms), 50), 1),
    latency_cold_p95_ms: round(percentile(cold.map((x) => x.ms), 95), 1),
    latency_warm_p50_ms: round(percentile(warm.map((x) => x.ms), 50), 1),
    latency_warm_p95_ms: round(percentile(warm.map((x) => x.ms), 95), 1),
    memory_above_blank_mib: round(mib(after.rss_kib - blank.rss_kib), 1),
    renderer_rss_blank_mib: round(mib(blank.rss_kib), 1),
    renderer_rss_after_mib: round(mib(after.rss_kib), 1),
    exact_queries: exact.filter((e) => e.equal).length,
    exact_of: exact.length,
    exact_queries_session: exact.filter((e) => e.session.equal).length,
    top_han_chars: topChars,
    top_han_bigrams: topBigrams,
    per_query: cold.map((c, i) => ({ q: c.q, bytes_gzip: c.bytes, requests: c.requests, results: c.total, cold_ms: round(c.ms, 1), warm_ms: round(warm[i].ms, 1), warm_bytes_gzip: warm[i].bytes, warm_results: warm[i].total })),
    exactness: exact,
    method: {
      articles_file: path.basename(args.articles),
      gzip: 'zlib level 6 for .js .json .html .css .wasm .pagefind .pf_*; bytes = response bodies sent',
      latency: 'input event -> 20 results (title + excerpt) in the DOM and the next animation frame, in-page performance.now()',
      nav: 'fresh context, navigation start -> first 20 results rendered (performance.now())',
      memory: 'renderer VmRSS after all cold+warm queries minus renderer VmRSS at about:blank (same tab)',
      exact: 'fresh page per query (exact_queries) and after the timed queries in the same page (exact_queries_session); Pagefind result set (all results) == articles whose headline+kicker+subheadline+paragraphs, whitespace removed, contain the query',
      seed: args.seed,
      cpus: os.cpus().length,
      loadavg_1m_before_after: [round(loadBefore[0], 2), round(loadAfter[0], 2)],
      chromium: chromiumVersion,
    },
  };
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');

  const rows = [
    ['peer', PEER], ['articles', result.articles],
    ['index time', `${result.index_time_s} s`], ['index peak RSS', `${result.index_peak_mib} MiB`],
    ['index size', `${(result.index_bytes / 1048576).toFixed(1)} MiB in ${result.index_files} files`],
    [`first query "${first.q}" bytes (gzip)`, `${result.first_query_bytes_gzip} B in ${first.requests} requests`],
    ['navigation -> first results', `${result.nav_to_first_results_ms} ms`],
    ['bytes per new query median / p95', `${result.per_query_bytes_median} / ${result.per_query_bytes_p95} B`],
    ['latency cold p50 / p95', `${result.latency_cold_p50_ms} / ${result.latency_cold_p95_ms} ms`],
    ['latency warm p50 / p95', `${result.latency_warm_p50_ms} / ${result.latency_warm_p95_ms} ms`],
    ['renderer memory above blank', `${result.memory_above_blank_mib} MiB`],
    ['exact substring answers', `${result.exact_queries} / ${result.exact_of} (fresh page), ${result.exact_queries_session} / ${result.exact_of} (after the timed queries)`],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  process.stderr.write('\n' + rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n') + '\n\n');
  process.stderr.write(`${'query'.padEnd(12)} ${'bytes'.padStart(9)} ${'results'.padStart(7)} ${'cold ms'.padStart(8)} ${'warm ms'.padStart(8)}\n`);
  for (const q of result.per_query) process.stderr.write(`${q.q.padEnd(12)} ${String(q.bytes_gzip).padStart(9)} ${String(q.results).padStart(7)} ${String(q.cold_ms).padStart(8)} ${String(q.warm_ms).padStart(8)}\n`);
  process.stderr.write(`\n${'substring query'.padEnd(16)} ${'exact'.padStart(6)} ${'pagefind'.padStart(8)} ${'missing'.padStart(7)} ${'extra'.padStart(6)}   session: pagefind missing extra\n`);
  for (const e of exact) {
    process.stderr.write(`${(e.q + (e.random ? ' *' : '')).padEnd(16)} ${String(e.exact).padStart(6)} ${String(e.pagefind).padStart(8)} ${String(e.missing).padStart(7)} ${String(e.extra).padStart(6)}${e.equal ? ' =' : '  '}`
      + ` ${String(e.session.pagefind).padStart(8)} ${String(e.session.missing).padStart(7)} ${String(e.session.extra).padStart(5)}${e.session.equal ? ' =' : ''}\n`);
  }
  process.stderr.write('(* = random substring)\n');
}

main().then(() => { clearTimeout(watchdog); process.exit(0); }, (e) => fail(e && e.message ? e.message : String(e)));
