// Deployment: strict CSP, sub-path hosting, offline after one visit, and
// embedding in a hostile host page (custom element with Shadow DOM, iframe).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, launch, shot, search, DIST } from './harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Record CSP violations from the very start of every document.
async function cspWatch(page) {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const console = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) console.push(m.text()); });
  return console;
}

test('dist/ uses content-hashed names and relative URLs', () => {
  const files = fs.readdirSync(DIST);
  // Trunk prints its hash without leading zeros: 12 to 16 hex digits.
  for (const ext of ['.js', '.wasm', '.css']) {
    const hashed = files.filter((f) => f.endsWith(ext) && /-[0-9a-f]{12,16}(_bg)?\.\w+$/.test(f));
    assert.ok(hashed.length >= 1, `no content-hashed ${ext} in ${files}`);
  }
  const html = fs.readFileSync(`${DIST}/index.html`, 'utf8');
  assert.ok(!/(src|href)="?\//.test(html), 'absolute asset URL in index.html');
  assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/.test(html), 'inline script in index.html');
});

test('works under a strict CSP, served from a sub-path, with no violation', async () => {
  const server = await serve({ prefix: '/archive/', headers: { 'content-security-policy': CSP } });
  const page = await browser.newPage();
  const consoleCsp = await cspWatch(page);
  await page.goto(server.url);
  await page.locator('#baoku[data-rendered]').waitFor();
  await search(page, '小巨人');
  await page.locator('.bk-hit').first().waitFor();
  await page.locator('.bk-hit a').first().click();
  await page.locator('article.bk-article').waitFor();
  await page.locator('.bk-hitbar button').nth(1).click();
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(consoleCsp, []);
  await page.close();
  await server.close();
});

test('offline after one visit: stop the server, reload, search, open', async () => {
  const server = await serve();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('#baoku[data-rendered]').waitFor();
  // Wait until the service worker has precached everything and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
  await server.close();
  // The server is gone: a plain fetch of the origin fails now.
  await page.reload();
  await page.locator('#baoku[data-rendered]').waitFor();
  await search(page, '专精特新');
  await page.locator('.bk-hit').first().waitFor();
  assert.ok((await page.locator('.bk-hit').count()) >= 3);
  assert.ok((await page.locator('.bk-hit mark').count()) >= 3, 'results of the search, not the browse list');
  await page.locator('.bk-hit a').first().click();
  await page.locator('article.bk-article .bk-body p').first().waitFor();
  await shot(page, 'offline-reader');
  await context.close();
});

test('embedded in a hostile host page: isolated styles, theming, JS API, iframe', async () => {
  const server = await serve();
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + 'embed-demo.html');
  await page.evaluate(() => {
    window.__opened = [];
    document.querySelector('#archive').addEventListener('baoku-open', (e) => window.__opened.push(e.detail));
  });
  const archive = page.locator('#archive');
  await page.waitForFunction(() => document.querySelector('#archive')?.hasAttribute('data-rendered'));
  // Host CSS reaches the host's own text but not the widget.
  const hostSize = await page.locator('p.host-text').evaluate((e) => getComputedStyle(e).fontSize);
  assert.equal(hostSize, '30px');
  const input = archive.locator('#bk-q');
  const st = await input.evaluate((e) => ({ w: e.getBoundingClientRect().width, size: getComputedStyle(e).fontSize }));
  assert.ok(st.w > 200, `input width ${st.w}`);
  assert.notEqual(st.size, '30px');
  // Inherited host styles and the host's root font size (rem) do not reach in.
  assert.equal(await archive.locator('.bk-app').evaluate((e) => getComputedStyle(e).letterSpacing), 'normal');
  assert.equal(await archive.locator('.bk-title').evaluate((e) => getComputedStyle(e).fontSize), '20px');
  assert.equal(await archive.locator('.bk-title').evaluate((e) => getComputedStyle(e).color), 'rgb(0, 68, 136)', 'theme via --baoku-accent');
  // The widget's styles do not leak out: the host's buttons stay hidden by the host rule, its headings unstyled by .bk-*.
  assert.equal(await page.locator('body > h1').evaluate((e) => getComputedStyle(e).color), 'rgb(0, 170, 0)');
  // JS API: set the query from the host page, hear which article opens.
  await archive.evaluate((el) => el.setQuery('小巨人'));
  await archive.locator('.bk-hit mark').first().waitFor();
  const id = await archive.locator('.bk-hit').first().getAttribute('data-id');
  await archive.locator('.bk-hit a').first().click();
  await archive.locator('article.bk-article').waitFor();
  const opened = await page.evaluate(() => window.__opened);
  assert.equal(opened.at(-1).id, id);
  assert.ok(opened.at(-1).headline.length > 0);
  // url-state="off": the host page's address is untouched.
  assert.equal(await page.evaluate(() => location.hash), '');
  // The iframe embed shows its own results.
  const frame = page.frameLocator('#archive-frame');
  await frame.locator('.bk-hit').first().waitFor();
  assert.ok((await frame.locator('.bk-hit').count()) >= 1);
  await shot(page, 'embed-demo');
  assert.deepEqual(errors, []);
  await page.close();
  await server.close();
});

// A host page with two widgets, both asking for URL state, and one whose
// `query` attribute is set only after it is on the page.
const TWO = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script type="module" src="baoku-embed.js"></script></head><body>
<h1>Host page</h1>
<baoku-archive id="one" data-src="data/"></baoku-archive>
<baoku-archive id="two" data-src="data/"></baoku-archive>
</body></html>`;

test('embedding: first query attribute, setQuery closes the article, two widgets keep separate state', async () => {
  const server = await serve({ override: (p) => (p === '/two.html' ? { type: 'text/html; charset=utf-8', body: TWO } : null) });
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + 'two.html');
  const one = page.locator('#one');
  const two = page.locator('#two');
  await page.waitForFunction(() => ['one', 'two'].every((id) => document.getElementById(id).hasAttribute('data-rendered')));
  // The first `query` attribute set on a widget without one is applied.
  await page.evaluate(() => document.getElementById('two').setAttribute('query', '小巨人'));
  await page.waitForFunction(() => document.getElementById('two').getAttribute('data-query') === '小巨人');
  assert.ok((await two.locator('.bk-hit mark').count()) > 0);
  // The first widget owns the address bar; the second keeps its state to itself.
  await one.locator('#bk-q').fill('企业');
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('q') === '企业');
  await page.waitForFunction(() => document.getElementById('one').getAttribute('data-query') === '企业');
  assert.equal(await two.getAttribute('data-query'), '小巨人', 'the second widget keeps its query');
  await two.locator('.bk-hit a').first().click();
  await two.locator('article.bk-article').waitFor();
  assert.equal(new URLSearchParams((await page.evaluate(() => location.hash)).slice(1)).get('a'), null);
  assert.equal(await one.locator('article.bk-article').count(), 0);
  // Escape inside the second closes only its article.
  await one.locator('.bk-hit a').first().click();
  await one.locator('article.bk-article').waitFor();
  await two.locator('#bk-article-title').focus();
  await page.keyboard.press('Escape');
  await two.locator('.bk-hit').first().waitFor();
  assert.equal(await one.locator('article.bk-article').count(), 1);
  // setQuery() while an article is open shows the new results.
  await one.evaluate((el) => el.setQuery('专精特新'));
  await page.waitForFunction(() => document.getElementById('one').getAttribute('data-query') === '专精特新');
  await one.locator('.bk-hit').first().waitFor();
  assert.equal(await one.locator('article.bk-article').count(), 0);
  // The host's title is the host's.
  assert.equal(await page.title(), 'Host');
  // A query set right after insertion, before the widget listens, is not lost.
  await page.evaluate(() => {
    const el = document.createElement('baoku-archive');
    el.id = 'three';
    el.setAttribute('data-src', 'data/');
    el.setAttribute('url-state', 'off');
    document.body.append(el);
    el.setQuery('融资');
  });
  await page.waitForFunction(() => document.getElementById('three')?.getAttribute('data-query') === '融资');
  assert.deepEqual(errors, []);
  await page.close();
  await server.close();
});

// A host page with its own search box above a tall section, then the widget
// with a `query` attribute and URL state on.
const HOSTQ = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host Q</title>
<script type="module" src="baoku-embed.js"></script></head><body>
<input id="hostbox" aria-label="host search"><div style="height:1500px">host content</div>
<baoku-archive id="w" data-src="data/" query="专精特新"></baoku-archive>
</body></html>`;

test('embedding: a shared link beats the query attribute; host focus and scroll stay the host\'s; removal releases the address bar', async () => {
  const server = await serve({ override: (p) => (p === '/hostq.html' ? { type: 'text/html; charset=utf-8', body: HOSTQ } : null) });
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + 'hostq.html');
  const w = page.locator('#w');
  await page.waitForFunction(() => document.getElementById('w')?.getAttribute('data-query') === '专精特新');
  const id = await w.locator('.bk-hit').nth(1).getAttribute('data-id');
  // Nothing written to the host's address on load.
  assert.equal(await page.evaluate(() => location.hash), '');
  // A shared link to an article opens it, although the element has a query attribute.
  await page.goto('about:blank');
  await page.goto(server.url + 'hostq.html#a=' + encodeURIComponent(id));
  await w.locator('article.bk-article').waitFor();
  assert.equal(new URLSearchParams((await page.evaluate(() => location.hash)).slice(1)).get('a'), id);
  // The host page was not scrolled to its top, nor its focus taken, on load.
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'BODY');
  // The host's own box drives the widget; focus stays in the host's box.
  await page.locator('#hostbox').focus();
  await page.evaluate(() => document.getElementById('w').setQuery('融资'));
  await page.waitForFunction(() => document.getElementById('w').getAttribute('data-query') === '融资');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'hostbox');
  // Opening an article scrolls to the widget, not to the host page's top.
  await w.locator('.bk-hit a').first().click();
  await w.locator('article.bk-article').waitFor();
  assert.ok(await page.evaluate(() => window.scrollY) > 1000, 'still down at the widget');
  // Removing the widget gives the address bar to the next one.
  await page.evaluate(() => {
    document.getElementById('w').remove();
    const el = document.createElement('baoku-archive');
    el.id = 'w2';
    el.setAttribute('data-src', 'data/');
    document.body.append(el);
  });
  const w2 = page.locator('#w2');
  await page.waitForFunction(() => document.getElementById('w2')?.hasAttribute('data-rendered'));
  await w2.locator('#bk-q').fill('企业');
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('q') === '企业');
  assert.deepEqual(errors, []);
  await page.close();
  await server.close();
});

test('embedding with url-state off: no article links are offered', async () => {
  const server = await serve();
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(server.url + 'embed-demo.html');
  const archive = page.locator('#archive');
  await page.waitForFunction(() => document.querySelector('#archive')?.hasAttribute('data-rendered'));
  await archive.locator('.bk-hit a').first().click();
  await archive.locator('article.bk-article').waitFor();
  assert.equal(await archive.locator('.bk-copy-link').count(), 0);
  assert.equal(await archive.locator('.bk-copy-cite').count(), 1);
  await page.close();
  await server.close();
});
