// The release bundle in headless Chromium: search, read, and the URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, shot, typeQuery, search, settled } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(hash = '') {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + hash);
  await page.locator('#baoku[data-rendered]').waitFor();
  return { page, errors };
}

test('typing 专精特新 lists matching articles with highlights, and one opens', async () => {
  const { page, errors } = await open();
  await typeQuery(page, '专精特新');
  await settled(page, '专精特新');
  const hits = page.locator('.bk-hit');
  const n = await hits.count();
  assert.ok(n >= 3, `expected several results, got ${n}`);
  // Every listed result shows the query highlighted in its headline or snippet.
  for (let i = 0; i < n; i++) {
    const marks = await hits.nth(i).locator('mark').allTextContents();
    assert.ok(marks.some((m) => m.includes('专精特新') || '专精特新'.includes(m)), `result ${i} has no highlight: ${marks}`);
  }
  const total = Number(await page.locator('.bk-total strong').textContent());
  assert.equal(total, n, 'all results fit on the first page for this corpus');
  await shot(page, 'search-zhuanjingtexin');

  const title = (await hits.first().locator('.bk-headline').textContent()).trim();
  await hits.first().locator('a').click();
  await page.locator('article.bk-article').waitFor();
  assert.equal((await page.locator('#bk-article-title').textContent()).trim(), title);
  const paras = await page.locator('.bk-body p').count();
  assert.ok(paras >= 1);
  const bodyMarks = await page.locator('.bk-body mark').count();
  const headMarks = await page.locator('#bk-article-title mark').count();
  assert.ok(bodyMarks + headMarks >= 1, 'the reader view highlights the query');
  assert.match(page.url(), /[#&]a=/, 'the open article is in the URL');
  await shot(page, 'reader');

  // Back returns to the list with the query kept.
  await page.goBack();
  await page.locator('.bk-hit').first().waitFor();
  assert.equal(await page.locator('#bk-q').inputValue(), '专精特新');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a shared link restores query and open article', async () => {
  const { page } = await open('#q=' + encodeURIComponent('小巨人'));
  await page.locator('.bk-hit').first().waitFor();
  assert.equal(await page.locator('#bk-q').inputValue(), '小巨人');
  const id = await page.locator('.bk-hit').first().getAttribute('data-id');
  await page.close();
  const again = await open('#q=' + encodeURIComponent('小巨人') + '&a=' + encodeURIComponent(id));
  await again.page.locator('article.bk-article').waitFor();
  assert.ok((await again.page.locator('.bk-body mark').count()) >= 1);
  await again.page.close();
});

test('a query with no match says so', async () => {
  const { page } = await open();
  await search(page, '不存在的词语组合');
  await page.locator('.bk-empty').waitFor();
  assert.match(await page.locator('.bk-empty').textContent(), /不存在的词语组合/);
  await page.close();
});

test('the reader lists key figures with their sentences, documents and related articles', async () => {
  const { page, errors } = await open('#q=' + encodeURIComponent('亿元'));
  await settled(page, '亿元');
  await page.locator('.bk-hit a').first().click();
  await page.locator('article.bk-article').waitFor();
  const figures = page.locator('.bk-figures li');
  await figures.first().waitFor();
  const first = await figures.first().textContent();
  assert.match(first, /亿元/, 'a figure in 亿元');
  assert.ok((await figures.first().locator('.bk-sentence').textContent()).length > 4, 'with its sentence');
  // Related articles open in the reader.
  const rel = page.locator('.bk-related button');
  await rel.first().waitFor();
  const title = (await rel.first().textContent()).trim();
  await rel.first().click();
  await page.waitForFunction((t) => document.querySelector('#bk-article-title')?.textContent.trim() === t, title);
  await shot(page, 'reader-extras');
  assert.deepEqual(errors, []);
  await page.close();
});
