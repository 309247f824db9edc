// Reader journeys on the release bundle: facets, sort, timeline, keyboard,
// reader view, citation, language, narrow screens, input methods.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, shot, search, settled, DIST, openWidget } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const open = (hash = '', viewport = undefined) => openWidget(browser, server.url + hash, viewport);
const total = async (page) => Number(await page.locator('.bk-total strong').textContent());
const dates = async (page) => (await page.locator('.bk-hit .bk-date').allTextContents());
const hashParam = async (page, k) => new URLSearchParams((await page.evaluate(() => location.hash)).slice(1)).getAll(k);

test('empty query browses the whole archive, newest first', async () => {
  const page = await open();
  const n = await total(page);
  assert.ok(n >= 30, `archive has ${n} articles`);
  const d = await dates(page);
  assert.deepEqual([...d].sort().reverse(), d);
  await page.close();
});

test('facets narrow the results, counts update, and the filter is in the URL', async () => {
  const page = await open('#q=' + encodeURIComponent('企业'));
  const before = await total(page);
  const year = page.locator('button.bk-facet[data-facet=year]').first();
  const value = await year.getAttribute('data-value');
  const count = Number(await year.locator('.bk-count').textContent());
  await year.click();
  await page.waitForFunction((c) => Number(document.querySelector('.bk-total strong').textContent) === c, count);
  assert.ok(count <= before);
  for (const d of await dates(page)) assert.ok(d.startsWith(value), `${d} not in ${value}`);
  assert.deepEqual(await hashParam(page, 'f'), [`year:${value}`]);
  // The other facets now count only this year's results.
  const kindCounts = (await page.locator('button.bk-facet[data-facet=kind] .bk-count').allTextContents()).map(Number);
  assert.equal(kindCounts.reduce((a, b) => a + b, 0), count);
  await shot(page, 'facet-year');
  await page.locator('.bk-chip').click();
  await page.waitForFunction((c) => Number(document.querySelector('.bk-total strong').textContent) === c, before);
  await page.close();
});

test('organisation, policy-document and amount facets: counts, filter, URL, show all with a filter box', async () => {
  const page = await open('#q=' + encodeURIComponent('企业'));
  // The extra columns arrive after the first results.
  const amount = page.locator('button.bk-facet[data-facet=amount]').first();
  await amount.waitFor();
  assert.ok(await page.locator('button.bk-facet[data-facet=org]').count() > 0, 'organisation facet');
  assert.ok(await page.locator('button.bk-facet[data-facet=doc]').count() > 0, 'policy-document facet');
  const labels = await page.locator('button.bk-facet[data-facet=amount] span:first-child').allTextContents();
  assert.equal(labels[0], labels.includes('≥1亿元') ? '≥1亿元' : labels[0], 'largest range first');
  const value = await amount.getAttribute('data-value');
  const count = Number(await amount.locator('.bk-count').textContent());
  await amount.click();
  await page.waitForFunction((c) => Number(document.querySelector('.bk-total strong').textContent) === c, count);
  assert.deepEqual(await hashParam(page, 'f'), [`amount:${value}`]);
  // Combined with an organisation: AND across facets.
  const org = page.locator('button.bk-facet[data-facet=org]').first();
  const orgCount = Number(await org.locator('.bk-count').textContent());
  await org.click();
  await page.waitForFunction((c) => Number(document.querySelector('.bk-total strong').textContent) === c, orgCount);
  assert.equal((await hashParam(page, 'f')).length, 2);
  // A long list: "show all", then narrow it with the filter box.
  const more = page.locator('.bk-facet-group[aria-label=机构] .bk-facet-more');
  if (await more.count()) {
    await more.click();
    const box = page.locator('.bk-facet-group[aria-label=机构] .bk-facet-filter');
    await box.fill('银行');
    const shown = await page.locator('.bk-facet-group[aria-label=机构] button.bk-facet span:first-child').allTextContents();
    assert.ok(shown.length >= 1 && shown.every((t) => t.includes('银行')), shown.join(','));
  }
  await shot(page, 'facet-org-amount');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('timeline: a true time axis (empty years shown), year → month drill-down, keyboard, range in the URL', async () => {
  const page = await open('#q=' + encodeURIComponent('企业'));
  const periods = () => page.locator('.bk-bar').evaluateAll((l) => l.map((e) => e.dataset.period));
  const years = await periods();
  // Every year from the first to the last, with or without matches.
  assert.ok(years.length >= 3, String(years));
  for (let i = 1; i < years.length; i++) assert.equal(Number(years[i]), Number(years[i - 1]) + 1);
  assert.ok(await page.locator('.bk-bar.bk-bar-empty').count() >= 1, 'an empty year is drawn');
  // Labels are readable.
  const size = await page.locator('.bk-bar-label').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(size >= 12, `label ${size}px`);
  // Keyboard: one tab stop; arrows move; Enter chooses.
  const full = await page.locator('.bk-bar').evaluateAll((l) => l.filter((e) => e.classList.contains('bk-bar-empty')).length);
  await page.locator('.bk-bar[tabindex="0"]').focus();
  await page.keyboard.press('Home');
  let y;
  for (const p of years) {
    const c = await page.locator(`.bk-bar[data-period="${p}"]`);
    if (!(await c.getAttribute('class')).includes('bk-bar-empty')) { y = p; break; }
    await page.keyboard.press('ArrowRight');
  }
  assert.equal(await page.evaluate(() => document.activeElement.dataset.period), y);
  await page.keyboard.press('Enter');
  await page.waitForFunction((y) => location.hash.includes(`from=${y}`) && location.hash.includes(`to=${y}`), y);
  // The list follows (results arrive asynchronously).
  await page.waitForFunction((y) => [...document.querySelectorAll('.bk-hit .bk-date')].every((d) => d.textContent.startsWith(y)), y);
  // The year's twelve months, empty ones included.
  await page.waitForFunction(() => document.querySelectorAll('.bk-bar').length === 12);
  const months = await periods();
  assert.equal(months[0], `${y}-01`);
  assert.equal(months[11], `${y}-12`);
  const m = await page.locator('.bk-bar:not(.bk-bar-empty)').first().getAttribute('data-period');
  await page.locator(`.bk-bar[data-period="${m}"]`).click();
  await page.waitForFunction((m) => location.hash.includes(`from=${m}`), m);
  await page.waitForFunction((m) => [...document.querySelectorAll('.bk-hit .bk-date')].every((d) => d.textContent.startsWith(m)), m);
  // The date fields show the range; back out to the whole span.
  assert.equal(await page.locator('.bk-range input').first().inputValue(), `${m}-01`);
  await page.locator('.bk-bar-up').click();
  await page.locator('.bk-bar-up').click();
  await page.waitForFunction(() => !location.hash.includes('from='));
  assert.ok(full >= 1);
  await page.close();
});

test('sort by newest and oldest', async () => {
  const page = await open('#q=' + encodeURIComponent('发展'));
  await page.locator('.bk-sort select').selectOption('newest');
  await page.waitForFunction(() => location.hash.includes('sort=newest'));
  await page.locator('#baoku[data-sort=newest]').waitFor();
  const d = await dates(page);
  assert.deepEqual([...d].sort().reverse(), d);
  await page.locator('.bk-sort select').selectOption('oldest');
  await page.waitForFunction(() => location.hash.includes('sort=oldest'));
  await page.locator('#baoku[data-sort=oldest]').waitFor();
  const o = await dates(page);
  assert.deepEqual([...o].sort(), o);
  await page.close();
});

test('keyboard: / focuses, arrows move, Enter opens, Escape closes and focus returns', async () => {
  const page = await open();
  // Focus the page somewhere inert (the middle of the page may be a result link).
  await page.locator('.bk-title').click();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'bk-q');
  await page.keyboard.type('企业');
  // Wait for the whole query: a slow machine may search "企" first.
  await settled(page, '企业');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const focusedId = () => page.evaluate(() => document.activeElement.closest('.bk-hit')?.dataset.id);
  const id = await page.locator('.bk-hit').nth(1).getAttribute('data-id');
  assert.equal(await focusedId(), id);
  await page.keyboard.press('Home');
  assert.equal(await focusedId(), await page.locator('.bk-hit').first().getAttribute('data-id'));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.locator('article.bk-article').waitFor();
  assert.deepEqual(await hashParam(page, 'a'), [id]);
  // Focus moves to the article's heading, and the title names the article.
  await page.waitForFunction(() => document.activeElement?.id === 'bk-article-title');
  const headline = await page.locator('#bk-article-title').textContent();
  assert.ok((await page.title()).startsWith(headline));
  await page.keyboard.press('Escape');
  await page.locator('.bk-hit').first().waitFor();
  assert.deepEqual(await hashParam(page, 'a'), []);
  // Back on the result that was opened.
  await page.waitForFunction((id) => document.activeElement?.closest('.bk-hit')?.dataset.id === id, id);
  assert.ok(!(await page.title()).includes(headline));
  // Up from the first result returns to the box.
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'bk-q');
  await page.close();
});

test('reader: steps through hits, cites GB/T 7714, moves to next result, returns to the same scroll position', async () => {
  const page = await open('#q=' + encodeURIComponent('企业'), { width: 1000, height: 500 });
  const hits = page.locator('.bk-hit');
  await hits.nth(4).scrollIntoViewIfNeeded();
  const y = await page.evaluate(() => window.scrollY);
  assert.ok(y > 100);
  await hits.nth(4).locator('a').click();
  await page.locator('article.bk-article').waitFor();
  const bar = page.locator('.bk-hitbar span');
  const first = await bar.textContent();
  assert.match(first, /1\/\d+/);
  await page.locator('.bk-hitbar button').nth(1).click();
  assert.match(await bar.textContent(), /2\/\d+/);
  assert.equal(await page.locator('.bk-body mark.bk-current').count(), 1);
  const cite = await page.locator('.bk-citation').textContent();
  assert.match(cite, /^([^.]+\.)?[^.]+\[N\](\.[^,.\[]+)?([.,]\[?\d{4}-\d{2}-\d{2}\]?)?(\(\w+\))?\.$/);
  await shot(page, 'reader-hits');
  const title = await page.locator('#bk-article-title').textContent();
  await page.locator('.bk-article-nav .bk-nav').nth(1).click();
  await page.waitForFunction((t) => document.querySelector('#bk-article-title')?.textContent !== t, title);
  await page.locator('.bk-back').click();
  await page.locator('.bk-hit').first().waitFor();
  await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 5, y);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('English toggle, and usable at 360 px without horizontal scrolling', async () => {
  const page = await open('#q=' + encodeURIComponent('小巨人'), { width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await shot(page, 'narrow-360');
  await page.locator('.bk-lang').click();
  await page.waitForFunction(() => location.hash.includes('lang=en'));
  assert.match(await page.locator('.bk-title').textContent(), /archive/);
  assert.match(await page.locator('.bk-total').textContent(), /results/);
  await page.close();
});

test('no results under a filter offers to drop the filters', async () => {
  const page = await open('#q=' + encodeURIComponent('企业'));
  await page.locator('button.bk-facet[data-facet=year]').first().click();
  await page.locator('.bk-chip').waitFor();
  await search(page, '不存在的词语组合');
  await page.locator('.bk-empty .bk-clear').click();
  await page.waitForFunction(() => !location.hash.includes('f='));
  await page.close();
});

test('half-composed pinyin is not searched; the composed text is', async () => {
  const page = await open();
  const n = await total(page);
  await page.evaluate(async () => {
    const el = document.querySelector('#bk-q');
    el.focus();
    el.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
    el.value = 'zhuan';
    el.dispatchEvent(new InputEvent('input', { data: 'zhuan', isComposing: true, bubbles: true }));
  });
  await page.waitForTimeout(400);
  assert.equal(await total(page), n, 'nothing was searched while composing');
  assert.ok(!(await page.evaluate(() => location.hash)).includes('zhuan'));
  await page.evaluate(() => {
    const el = document.querySelector('#bk-q');
    el.value = '专';
    el.dispatchEvent(new CompositionEvent('compositionend', { data: '专', bubbles: true }));
  });
  await settled(page, '专');
  assert.ok((await total(page)) < n);
  await page.close();
});

test('more results on demand', async () => {
  const page = await open();
  const n = await total(page);
  assert.ok(n > 20, 'the bundled archive has more than one page of results');
  assert.equal(await page.locator('.bk-hit').count(), 20);
  await page.locator('.bk-more').click();
  await page.waitForFunction((n) => document.querySelectorAll('.bk-hit').length === Math.min(n, 40), n);
  await page.close();
});

test('reload keeps query, filters and sort; copy citation confirms', async () => {
  const page = await open('#q=' + encodeURIComponent('企业'));
  await page.locator('button.bk-facet[data-facet=kind]').first().click();
  await page.locator('.bk-sort select').selectOption('oldest');
  await page.waitForFunction(() => location.hash.includes('sort=oldest') && location.hash.includes('f='));
  const before = await page.evaluate(() => location.hash);
  const shown = await dates(page);
  await page.reload();
  await page.locator('#baoku[data-rendered]').waitFor();
  assert.equal(await page.evaluate(() => location.hash), before);
  assert.deepEqual(await dates(page), shown);
  assert.equal(await page.locator('.bk-chip').count(), 1);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.locator('.bk-hit a').first().click();
  await page.locator('.bk-copy-cite').click();
  // Announced in a live region; the button keeps its name.
  await page.locator('.bk-cite [role=status]').filter({ hasText: '已复制' }).waitFor();
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(clip, await page.locator('.bk-citation').textContent());
  await page.close();
});

test('a progress indicator shows while the data downloads', async () => {
  let release;
  const gate = new Promise((r) => { release = r; });
  const slow = await serve({
    override: (p) => (p.startsWith('/data/articles-') ? { body: fs.readFileSync(path.join(DIST, p)), delay: gate } : null),
  });
  const page = await browser.newPage();
  await page.goto(slow.url);
  const bar = page.locator('.bk-loading[role=progressbar]');
  await bar.waitFor();
  assert.match(await bar.textContent(), /载入/);
  release();
  await page.locator('#baoku[data-rendered]').waitFor();
  assert.equal(await bar.count(), 0);
  await page.close();
  await slow.close();
});
