// Browsing like a newspaper reader: the list of issues, one issue's pages
// in page order with previous/next article and issue; facets that take
// several values and keep the others visible; separate byline facets;
// suggestions when nothing matches.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, shot, openWidget } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const open = (hash = '', viewport = undefined) => openWidget(browser, server.url + hash, viewport);
const hashParams = async (page) => new URLSearchParams((await page.evaluate(() => location.hash)).slice(1));
const total = async (page) => Number(await page.locator('.bk-total strong').textContent());

test('issues: list by year and month → an issue in page order → previous/next article and issue', async () => {
  const page = await open();
  await page.locator('.bk-issues-btn').click();
  await page.locator('.bk-issues').waitFor();
  assert.equal((await hashParams(page)).get('v'), 'issues');
  const days = await page.locator('.bk-day').evaluateAll((l) => l.map((e) => e.dataset.day));
  assert.ok(days.length >= 2, String(days));
  // Newest first.
  assert.deepEqual([...days].sort().reverse(), days);
  await page.locator(`.bk-day[data-day="${days[0]}"]`).click();
  await page.locator('.bk-issue').waitFor();
  assert.deepEqual((await hashParams(page)).getAll('f'), [`day:${days[0]}`]);
  assert.match(await page.locator('#bk-issue-title').textContent(), new RegExp(days[0]));
  // Pages in order, each article under its page, the lead story first.
  const pages = await page.locator('.bk-page h3').allTextContents();
  assert.ok(pages.length >= 1);
  const first = await page.locator('.bk-page .bk-hit:not(.bk-teaser)').first();
  assert.ok(!(await first.getAttribute('class')).includes('bk-teaser'));
  // Teasers are one line, not empty cards.
  for (const t of await page.locator('.bk-teaser').all()) assert.equal(await t.locator('.bk-snippet').count(), 0);
  await shot(page, 'issue-view');
  // Page jump buttons reach each page heading.
  await page.locator('.bk-page-jump').last().click();
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H3');
  // Read the first article; "next" goes to the next one in the issue.
  const ids = await page.locator('.bk-page .bk-hit:not(.bk-teaser)').evaluateAll((l) => l.map((e) => e.dataset.id));
  await page.locator('.bk-page .bk-hit:not(.bk-teaser) a').first().click();
  await page.locator('article.bk-article').waitFor();
  if (ids.length > 1) {
    await page.locator('.bk-article-nav .bk-nav').nth(1).click();
    await page.waitForFunction((id) => new URLSearchParams(location.hash.slice(1)).get('a') === id, ids[1]);
  }
  await page.keyboard.press('Escape');
  await page.locator('.bk-issue').waitFor();
  // Older issue.
  await page.locator('.bk-issue .bk-article-nav .bk-nav').first().click();
  await page.waitForFunction((d) => new URLSearchParams(location.hash.slice(1)).getAll('f')[0] === `day:${d}`, days[1]);
  await page.locator('#bk-issue-title', { hasText: days[1] }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('facets: several values of one facet (OR), the others stay visible with live counts', async () => {
  const page = await open('#q=' + encodeURIComponent('企业'));
  const years = page.locator('button.bk-facet[data-facet=year]');
  const values = await years.evaluateAll((l) => l.map((e) => [e.dataset.value, Number(e.querySelector('.bk-count').textContent)]));
  assert.ok(values.length >= 2);
  const all = await total(page);
  await years.first().click();
  await page.waitForFunction((n) => Number(document.querySelector('.bk-total strong').textContent) === n, values[0][1]);
  // The other years are still offered, with their counts for the query.
  assert.deepEqual(await years.evaluateAll((l) => l.map((e) => [e.dataset.value, Number(e.querySelector('.bk-count').textContent)])), values);
  assert.equal(await years.first().getAttribute('aria-pressed'), 'true');
  await years.nth(1).click();
  await page.waitForFunction((n) => Number(document.querySelector('.bk-total strong').textContent) === n, values[0][1] + values[1][1]);
  assert.equal((await hashParams(page)).getAll('f').length, 2);
  // Another facet narrows (AND), and its counts follow the chosen years.
  const kinds = page.locator('button.bk-facet[data-facet=kind]');
  const kindSum = (await kinds.evaluateAll((l) => l.map((e) => Number(e.querySelector('.bk-count').textContent)))).reduce((a, b) => a + b, 0);
  assert.ok(kindSum >= values[0][1] + values[1][1] && kindSum <= all);
  await page.close();
});

test('bylines: separate reporter, correspondent and author facets', async () => {
  const page = await open();
  // Correspondents and authors come with the extra columns, a moment after the first results.
  for (const f of ['reporter', 'correspondent', 'author']) {
    await page.locator(`button.bk-facet[data-facet=${f}]`).first().waitFor();
  }
  const c = page.locator('button.bk-facet[data-facet=correspondent]').first();
  const name = await c.getAttribute('data-value');
  await c.click();
  await page.waitForFunction(() => location.hash.includes('correspondent'));
  await page.locator('.bk-hit a').first().click();
  await page.locator('article.bk-article').waitFor();
  assert.match(await page.locator('.bk-byline').textContent(), new RegExp(name));
  await page.close();
});

test('nothing found: suggestions that do find something, in one click', async () => {
  const page = await open('#q=' + encodeURIComponent('小巨人奖励'));
  await page.locator('.bk-empty').waitFor();
  const s = page.locator('.bk-suggestion').first();
  await s.waitFor();
  assert.match(await s.textContent(), /小巨人 奖励/);
  await s.click();
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('q') === '小巨人 奖励');
  await page.locator('.bk-hit').first().waitFor();
  assert.ok((await total(page)) >= 1);
  // Under a filter that excludes everything: drop the filter.
  const p2 = await open('#q=' + encodeURIComponent('小巨人') + '&f=kind%3Anotice');
  await p2.locator('.bk-suggestion').first().waitFor();
  assert.match(await p2.locator('.bk-suggestion').first().textContent(), /去掉筛选/);
  await p2.close();
  await page.close();
});
