// Accessibility and clear states on the release bundle: an axe-core audit
// (WCAG 2.2 AA rules) of each view in headless Chromium, keyboard journeys
// (skip link, drawer), dark mode, touch-target size, and the stalled-data
// and language-of-messages states.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, shot, search, ROOT } from './harness.mjs';

const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(hash = '', { viewport = { width: 1200, height: 900 }, colorScheme = 'light' } = {}) {
  // The page's CSP forbids injected scripts; the audit needs axe in the page.
  const ctx = await browser.newContext({ viewport, colorScheme, bypassCSP: true });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + hash);
  await page.locator('#baoku[data-rendered]').waitFor();
  page.errors = errors;
  return page;
}

// Serious and critical violations of the WCAG 2.0–2.2 A/AA rules.
async function audit(page) {
  await page.addScriptTag({ path: AXE });
  const v = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return r.violations.filter((x) => ['serious', 'critical'].includes(x.impact))
      .map((x) => `${x.id} (${x.impact}): ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  return v;
}

test('axe: no serious or critical violations on the search, reader, issue and 360 px views, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await open('#q=' + encodeURIComponent('企业'), { colorScheme });
    assert.deepEqual(await audit(page), [], `search view, ${colorScheme}`);
    await page.locator('.bk-hit a').first().click();
    await page.locator('article.bk-article').waitFor();
    assert.deepEqual(await audit(page), [], `reader view, ${colorScheme}`);
    await page.locator('.bk-back').click();
    await page.locator('.bk-issues-btn').click();
    await page.locator('.bk-issues').waitFor();
    assert.deepEqual(await audit(page), [], `issue list, ${colorScheme}`);
    await page.locator('.bk-day').first().click();
    await page.locator('.bk-issue').waitFor();
    assert.deepEqual(await audit(page), [], `issue view, ${colorScheme}`);
    await page.context().close();
  }
  const page = await open('#lang=en&q=' + encodeURIComponent('企业'), { viewport: { width: 360, height: 740 } });
  await page.locator('.bk-filter-toggle').click();
  await page.locator('.bk-facets.bk-drawer-open').waitFor();
  assert.deepEqual(await audit(page), [], 'filter drawer, English, 360 px');
  await page.context().close();
});

test('skip link, then the result list; Chinese text is marked zh in the English UI', async () => {
  const page = await open('#lang=en&q=' + encodeURIComponent('企业'));
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'bk-skip');
  assert.ok(await page.locator('.bk-skip').isVisible());
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'bk-results');
  // The list's name carries its count.
  const total = await page.locator('.bk-total strong').textContent();
  assert.equal(await page.locator('#bk-results').getAttribute('aria-label'), `${total} results`);
  assert.equal(await page.locator('.bk-app').getAttribute('lang'), 'en');
  assert.equal(await page.locator('.bk-hit-link').first().getAttribute('lang'), 'zh-CN');
  await page.locator('.bk-hit a').first().click();
  await page.locator('article.bk-article').waitFor();
  assert.equal(await page.locator('.bk-body').getAttribute('lang'), 'zh-CN');
  assert.equal(await page.locator('#bk-article-title').getAttribute('lang'), 'zh-CN');
  // Hit-step buttons are named in the UI's language.
  assert.equal(await page.locator('.bk-hitbar button').first().getAttribute('aria-label'), 'Previous hit');
  await page.context().close();
});

test('360 px: filters in a drawer that takes focus and closes on Escape; every control at least 44 px', async () => {
  const page = await open('#q=' + encodeURIComponent('企业'), { viewport: { width: 360, height: 740 } });
  assert.ok(!(await page.locator('.bk-facets').isVisible()), 'facets hidden behind the button');
  const toggle = page.locator('.bk-filter-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  await page.locator('.bk-facets.bk-drawer-open').waitFor();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'bk-drawer-close');
  await shot(page, 'narrow-360-drawer');
  // Choosing a value filters and keeps the drawer for more choices.
  const before = Number(await page.locator('.bk-total strong').textContent());
  const pick = await page.evaluate((b) => [...document.querySelectorAll('.bk-drawer-open button.bk-facet')]
    .findIndex((e) => Number(e.querySelector('.bk-count').textContent) < b), before);
  assert.ok(pick >= 0);
  await page.locator('.bk-drawer-open button.bk-facet').nth(pick).click();
  await page.waitForFunction(() => location.hash.includes('f='));
  await page.waitForFunction((b) => Number(document.querySelector('.bk-total strong').textContent) < b, before);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('.bk-drawer-open'));
  await shot(page, 'narrow-360');
  // Touch targets: every visible button, select and input is at least 44×44 px.
  const small = await page.evaluate(() => [...document.querySelectorAll('.bk-app button, .bk-app select, .bk-app input')]
    .filter((e) => e.offsetParent !== null)
    .map((e) => [e.className || e.tagName, e.getBoundingClientRect()])
    .filter(([, r]) => r.height < 44 || r.width < 44)
    .map(([c, r]) => `${c} ${Math.round(r.width)}x${Math.round(r.height)}`));
  assert.deepEqual(small, []);
  // No horizontal scrolling.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  await page.context().close();
});

test('follows the system dark mode; a host-chosen theme wins', async () => {
  const bg = (page) => page.locator('.bk-app').evaluate((e) => getComputedStyle(e).backgroundColor);
  const dark = await open('', { colorScheme: 'dark' });
  assert.equal(await bg(dark), 'rgb(21, 23, 26)');
  // Native controls follow too (the sort list is not a white box).
  assert.equal(await dark.locator('.bk-sort select').evaluate((e) => getComputedStyle(e).colorScheme), 'dark');
  await shot(dark, 'dark-mode');
  await dark.context().close();
  const light = await open('', { colorScheme: 'light' });
  assert.equal(await bg(light), 'rgb(255, 255, 255)');
  // The host sets a light theme: the system's dark mode does not apply.
  await light.emulateMedia({ colorScheme: 'dark' });
  await light.locator('#baoku').evaluate((e) => e.querySelector('.bk-app').classList.add('bk-theme-light'));
  assert.equal(await bg(light), 'rgb(255, 255, 255)');
  await light.context().close();
});

test('Enter on a facet value keeps focus on it, on and off', async () => {
  const page = await open('#q=' + encodeURIComponent('企业'));
  const f = page.locator('button.bk-facet[data-facet=kind]').first();
  const value = await f.getAttribute('data-value');
  await f.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash.includes('f='));
  await page.locator('#baoku[data-rendered]').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.value), value);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-pressed')), 'true');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !location.hash.includes('f='));
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.value), value);
  await page.context().close();
});

test('query help opens from the box', async () => {
  const page = await open();
  const btn = page.locator('.bk-help-toggle');
  assert.equal(await btn.getAttribute('aria-expanded'), 'false');
  await btn.click();
  assert.equal(await btn.getAttribute('aria-expanded'), 'true');
  const help = await page.locator('#bk-help').textContent();
  for (const s of ['"', '-', '|', 'OR', '或']) assert.ok(help.includes(s), `help mentions ${s}`);
  await page.context().close();
});

test('a data folder that never answers times out with Retry, in the UI language', async () => {
  let stall = true;
  const slow = await serve({
    override: (p) => (stall && p.endsWith('/meta.bin') ? { delay: new Promise(() => {}) } : null),
  });
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  // A short timeout for the test (hosts set it with data-timeout).
  await page.route('**/index.html', async (route) => {
    const r = await route.fetch();
    route.fulfill({ response: r, body: (await r.text()).replace(/id="?baoku"?/, 'id="baoku" data-timeout="2"') });
  });
  await page.goto(slow.url + 'index.html#lang=en');
  const alert = page.locator('.bk-error[role=alert]');
  await alert.waitFor({ timeout: 15000 });
  assert.match(await alert.textContent(), /has not answered/);
  assert.match(await alert.locator('.bk-error-detail').textContent(), /meta\.bin/);
  stall = false;
  await alert.locator('button').click();
  await page.locator('.bk-hit').first().waitFor();
  await page.goto('about:blank');
  stall = true;
  await page.goto(slow.url + 'index.html');
  await alert.waitFor({ timeout: 15000 });
  assert.match(await alert.textContent(), /没有响应/);
  await ctx.close();
  await slow.close();
});

test('an unknown article id says so and offers the search', async () => {
  const page = await open('#a=no-such-article');
  const alert = page.locator('.bk-error[role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /没有这篇文章/);
  await alert.locator('button').click();
  await page.locator('.bk-hit').first().waitFor();
  await page.context().close();
});
