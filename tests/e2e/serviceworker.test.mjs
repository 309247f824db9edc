// The service worker (scripts/sw.mjs) answers only the URLs it owns: the host
// site's other pages in its scope stay the host's, online and offline; its
// install transfers nothing twice; a large archive precaches only the app, the
// manifest and its "boot" files, and keeps what a reader opened offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { serve, launch, search, DIST } from './harness.mjs';
import { writeServiceWorker, SMALL_DATA_BYTES } from '../../scripts/sw.mjs';

const OTHER = '<!DOCTYPE html><meta charset="utf-8"><title>Other host page</title><h1 id="host">The host\'s own page</h1>';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// dist/ (or `root`) served on loopback, counting requests per path; the host
// also has a page of its own at /other/page.html.
async function countingServer(root = DIST) {
  const counts = new Map();
  const server = await serve({
    root,
    override: (p) => {
      counts.set(p, (counts.get(p) ?? 0) + 1);
      if (p === '/other/page.html') return { type: 'text/html; charset=utf-8', body: OTHER };
      return null;
    },
  });
  const bytes = () => [...counts].reduce((n, [p, c]) => {
    const f = path.join(root, p.endsWith('/') ? p + 'index.html' : p);
    return n + (fs.existsSync(f) ? fs.statSync(f).size * c : 0);
  }, 0);
  return { ...server, counts, bytes };
}

// First visit: wait for the app, then for the worker to be installed (all
// precached) and in control of the page.
async function visit(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('#baoku[data-rendered]').waitFor();
  // Bounded: a worker whose install failed never becomes ready; say so
  // (with its state) instead of hanging the suite.
  const state = await page.evaluate(async () => {
    const wait = (async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      }
      return 'controlling';
    })();
    const late = new Promise((r) => setTimeout(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      r(`not controlling after 60 s: installing=${reg?.installing?.state} waiting=${reg?.waiting?.state} active=${reg?.active?.state}`);
    }, 60000));
    return Promise.race([wait, late]);
  });
  assert.equal(state, 'controlling');
  return page;
}

const cachedPaths = (page) => page.evaluate(async () => {
  const names = (await caches.keys()).filter((k) => k.startsWith('baoku-'));
  const c = await caches.open(names[0]);
  return { caches: names.length, paths: (await c.keys()).map((r) => new URL(r.url).pathname).sort() };
});

const distBytes = (dir) => fs.readdirSync(dir, { recursive: true })
  .map((f) => path.join(dir, f)).filter((f) => fs.statSync(f).isFile())
  .reduce((n, f) => n + fs.statSync(f).size, 0);

test('first visit + install: no file is transferred twice', async (t) => {
  const server = await countingServer();
  const context = await browser.newContext();
  const page = await visit(context, server.url);
  const twice = [...server.counts].filter(([, c]) => c > 1);
  assert.deepEqual(twice, [], 'paths requested more than once');
  // Everything the small archive needs offline is in the one cache.
  const { caches, paths } = await cachedPaths(page);
  assert.equal(caches, 1);
  for (const p of ['/', '/index.html', '/data/manifest.json', '/baoku-embed.js']) assert.ok(paths.includes(p), `${p} not cached: ${paths}`);
  const shards = fs.readdirSync(path.join(DIST, 'data')).filter((f) => f.startsWith('articles-'));
  for (const s of shards) assert.ok(paths.includes(`/data/${s}`), `shard ${s} not cached`);
  assert.ok(!paths.some((p) => p.includes('embed-demo')), 'the demo host page is not the app\'s');
  t.diagnostic(`first visit + install: ${server.counts.size} requests, ${server.bytes()} bytes (dist/ holds ${distBytes(DIST)} bytes)`);
  await context.close();
  await server.close();
});

test('host pages beside the archive stay the host\'s, online and offline', async () => {
  const server = await countingServer();
  const context = await browser.newContext();
  const page = await visit(context, server.url);
  // Online: the host's pages come from the host, through the network.
  await page.goto(server.url + 'other/page.html');
  assert.equal(await page.locator('h1#host').textContent(), 'The host\'s own page');
  assert.equal(await page.locator('#baoku').count(), 0);
  assert.equal(server.counts.get('/other/page.html'), 1);
  await page.goto(server.url + 'embed-demo.html');
  assert.equal(await page.title(), 'Newsroom host page with an embedded Baoku');
  assert.equal(await page.locator('p.host-text').count(), 1);
  assert.equal(server.counts.get('/embed-demo.html'), 1);
  // A page the host does not have is the host's 404, not the app.
  const missing = await page.goto(server.url + 'no/such/page.html');
  assert.equal(missing.status(), 404);
  assert.equal(await page.locator('#baoku').count(), 0);

  await server.close();
  // Offline: the host's pages fail as the network fails; the worker does not
  // replace them with the app.
  // (Each navigation in a page of its own: after an error page, Chromium may
  // still be committing it when the next navigation starts.)
  for (const p of ['other/page.html', 'embed-demo.html', 'some/other/page.html']) {
    const tab = await context.newPage();
    await assert.rejects(tab.goto(server.url + p), /net::ERR_/, `${p} offline`);
    assert.equal(await tab.locator('#baoku').count(), 0, `${p} offline shows the app`);
    await tab.close();
  }
  // The app's own index (scope URL and index.html) is the cached app.
  for (const p of ['', 'index.html']) {
    const tab = await context.newPage();
    await tab.goto(server.url + p);
    await tab.locator('#baoku[data-rendered]').waitFor();
    await search(tab, '专精特新');
    await tab.locator('.bk-hit mark').first().waitFor();
    await tab.close();
  }
  await context.close();
});

test('large archive: app + manifest + boot files precached; data a reader opened stays offline', async () => {
  // dist/ plus 9 MB of content-hashed data files in a subfolder, and a manifest
  // that names the files a first load needs in "boot".
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-sw-'));
  fs.cpSync(DIST, root, { recursive: true });
  fs.mkdirSync(path.join(root, 'data', 'chunks'));
  const chunks = [];
  for (let i = 0; i < 9; i++) {
    const b = crypto.randomBytes(1 << 20);
    const name = `chunk-${crypto.createHash('sha256').update(b).digest('hex').slice(0, 16)}.bin`;
    fs.writeFileSync(path.join(root, 'data', 'chunks', name), b);
    chunks.push(name);
  }
  const mp = path.join(root, 'data', 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(mp, 'utf8'));
  // What the app reads at start (format 1: its shards; format 2: its own boot list) plus one chunk.
  const boot = [...new Set([...(manifest.boot ?? []), ...(manifest.shards ?? []).map((s) => s.file), `chunks/${chunks[0]}`])];
  fs.writeFileSync(mp, JSON.stringify({ ...manifest, boot }));
  const sw = writeServiceWorker(root);
  assert.ok(!sw.smallData && sw.dataBytes > SMALL_DATA_BYTES);
  assert.deepEqual(sw.precached.filter((f) => f.startsWith('./data/')).sort(),
    ['./data/manifest.json', ...boot.map((b) => `./data/${b}`)].sort());

  const server = await countingServer(root);
  const context = await browser.newContext();
  const page = await visit(context, server.url);
  const { paths } = await cachedPaths(page);
  assert.ok(paths.includes(`/data/chunks/${chunks[0]}`), 'boot chunk precached');
  assert.deepEqual(paths.filter((p) => p.startsWith('/data/chunks/')), [`/data/chunks/${chunks[0]}`]);
  assert.deepEqual([...server.counts].filter(([, c]) => c > 1), []);
  assert.equal(server.counts.get(`/data/chunks/${chunks[1]}`), undefined, 'a non-boot chunk was downloaded');

  const get = (f) => page.evaluate(async (u) => {
    const r = await fetch(u);
    return { status: r.status, bytes: (await r.arrayBuffer()).byteLength };
  }, f);
  // A data file a reader opens: fetched once, then answered from the cache.
  assert.deepEqual(await get(`data/chunks/${chunks[1]}`), { status: 200, bytes: 1 << 20 });
  assert.deepEqual(await get(`data/chunks/${chunks[1]}`), { status: 200, bytes: 1 << 20 });
  assert.equal(server.counts.get(`/data/chunks/${chunks[1]}`), 1);
  // The manifest is network first.
  const before = server.counts.get('/data/manifest.json');
  await get('data/manifest.json');
  assert.equal(server.counts.get('/data/manifest.json'), before + 1);

  await server.close();
  assert.deepEqual(await get(`data/chunks/${chunks[1]}`), { status: 200, bytes: 1 << 20 });
  assert.equal((await get('data/manifest.json')).status, 200, 'manifest from the cache when offline');
  const never = await page.evaluate((u) => fetch(u).then(() => 'answered', () => 'network error'), `data/chunks/${chunks[2]}`);
  assert.equal(never, 'network error');
  // The app itself still loads offline from the precache.
  await page.reload();
  await page.locator('#baoku[data-rendered]').waitFor();
  await context.close();
  fs.rmSync(root, { recursive: true, force: true });
});
