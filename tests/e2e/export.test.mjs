// Getting results out of the widget: the result list as CSV and NDJSON,
// one article's reference as GB/T 7714, RIS and BibTeX, and its link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, launch } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(hash = '') {
  const ctx = await browser.newContext({ acceptDownloads: true, viewport: { width: 1200, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(server.url + hash);
  await page.locator('#baoku[data-rendered]').waitFor();
  return page;
}

async function downloaded(page, click) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: d.suggestedFilename(), text: fs.readFileSync(await d.path(), 'utf8') };
}

test('the whole result list exports as CSV and NDJSON, beyond the shown page', async () => {
  const page = await open('#q=' + encodeURIComponent('企业'));
  const total = Number(await page.locator('.bk-total strong').textContent());
  const shown = await page.locator('.bk-hit').count();
  assert.ok(total > shown, `more results (${total}) than shown (${shown})`);
  const csv = await downloaded(page, () => page.locator('.bk-export-csv').click());
  assert.equal(csv.name, 'baoku-results.csv');
  assert.ok(csv.text.startsWith('\uFEFFid,date,'), 'BOM and header');
  const lines = csv.text.split('\r\n').filter((l) => l.length);
  assert.equal(lines.length, total + 1);
  assert.match(lines[1], /#a=/);
  await page.locator('.bk-export [role=status]').filter({ hasText: String(total) }).waitFor();
  const nd = await downloaded(page, () => page.locator('.bk-export-ndjson').click());
  const rows = nd.text.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(rows.length, total);
  for (const r of rows) assert.ok(r.id && r.link.includes('#a=') && Array.isArray(r.paragraphs));
  // Same articles, same order as the list.
  const firstIds = await page.locator('.bk-hit').evaluateAll((l) => l.map((e) => e.dataset.id));
  assert.deepEqual(rows.slice(0, firstIds.length).map((r) => r.id), firstIds);
  await page.context().close();
});

test('reader: RIS and BibTeX downloads, copy link; the citation marks an inferred date and omits placeholders', async () => {
  const page = await open('#q=' + encodeURIComponent('企业') + '&sort=oldest');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.locator('.bk-hit a').first().click();
  await page.locator('article.bk-article').waitFor();
  const id = new URLSearchParams((await page.evaluate(() => location.hash)).slice(1)).get('a');
  const cite = await page.locator('.bk-citation').textContent();
  assert.ok(!cite.includes('不详'), cite);
  if (await page.locator('.bk-facts dd', { hasText: '推断' }).count()) {
    assert.match(cite, /\[\d{4}-\d{2}-\d{2}\]/, `inferred date in brackets: ${cite}`);
  }
  const ris = await downloaded(page, () => page.locator('.bk-ris').click());
  assert.match(ris.name, /\.ris$/);
  assert.match(ris.text, /^TY  - NEWS\r\n/);
  assert.match(ris.text, /ER  - \r\n$/);
  assert.ok(ris.text.includes(`#a=${id}`));
  const bib = await downloaded(page, () => page.locator('.bk-bibtex').click());
  assert.match(bib.text, /^@article\{/);
  assert.match(bib.text, /langid = \{chinese\}/);
  await page.locator('.bk-copy-link').click();
  await page.locator('.bk-cite [role=status]').filter({ hasText: '链接已复制' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.endsWith(`#a=${id}`), link);
  // The copied link opens the article.
  const other = await page.context().newPage();
  await other.goto(link);
  await other.locator('article.bk-article').waitFor();
  assert.equal(await other.locator('#bk-article-title').textContent(), await page.locator('#bk-article-title').textContent());
  await page.context().close();
});

test('an untitled photo is cited by its full caption, not the shortened list title', async () => {
  const page = await open('#f=kind%3Aphoto');
  const titles = await page.locator('.bk-hit .bk-headline').allTextContents();
  const i = titles.findIndex((t) => t.endsWith('…'));
  assert.ok(i >= 0, `an untitled photo with a long caption: ${titles}`);
  await page.locator('.bk-hit a').nth(i).click();
  await page.locator('article.bk-article').waitFor();
  const caption = (await page.locator('.bk-body p').first().textContent()).trim();
  const cite = await page.locator('.bk-citation').textContent();
  // The caption's opening (more than the 28-character list title) is in the citation.
  const head = caption.slice(0, Math.min(caption.length, 40));
  assert.ok(cite.includes(head.slice(0, 30)), `${cite} / ${caption}`);
  assert.ok(!cite.includes('…'), cite);
  await page.context().close();
});
