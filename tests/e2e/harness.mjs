// Shared harness for the headless-Chromium tests: a static server for dist/
// (with hooks to break the data on purpose) and a browser launcher.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const SHOTS = path.join(ROOT, 'target', 'screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
};

// Serve `root` on a free loopback port. `override(urlPath)` may return
// {status, body, type} to replace a response (missing or corrupt data).
// `prefix` mounts the site under a sub-path, as a newsroom host would.
export async function serve({ root = DIST, override = null, prefix = '/', headers = {} } = {}) {
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!p.startsWith(prefix)) { res.writeHead(404); res.end('not found'); return; }
    p = '/' + p.slice(prefix.length);
    const o = override && override(p);
    if (o) {
      // `delay`: a promise to wait for before answering (slow networks).
      Promise.resolve(o.delay).then(() => {
        res.writeHead(o.status ?? 200, { 'content-type': o.type ?? 'application/json', ...headers });
        res.end(o.body ?? '');
      });
      return;
    }
    let file = path.join(root, p);
    if (!file.startsWith(root)) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404); res.end('not found'); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', ...headers });
      res.end(data);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export async function shot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

// Type like a person (one key at a time) into the search box.
export async function typeQuery(page, text) {
  const box = page.locator('#bk-q');
  await box.click();
  await box.fill('');
  await box.pressSequentially(text, { delay: 20 });
}

// Type a query and wait until the widget has searched for it (the URL holds it).
export async function search(page, text) {
  await typeQuery(page, text);
  await settled(page, text);
}

// Wait until the results on screen answer `text` (searches are asynchronous:
// the index chunks a query needs are fetched first).
export async function settled(page, text) {
  await page.waitForFunction((q) => new URLSearchParams(location.hash.slice(1)).get('q') === q, text);
  await page.waitForFunction((q) => [...document.querySelectorAll('[data-query]')].some((e) => e.getAttribute('data-query') === q), text);
}

// A new page on `url` with the widget rendered; `page.errors` collects
// uncaught page errors.
export async function openWidget(browser, url, viewport = { width: 1200, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.locator('#baoku[data-rendered]').waitFor();
  page.errors = errors;
  return page;
}
