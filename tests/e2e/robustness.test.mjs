// Bad data and hostile input: a clear error with Retry, never a blank page,
// and corpus text always rendered as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, shot, typeQuery, ROOT } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function withServer(override, fn) {
  const server = await serve({ override });
  try { await fn(server); } finally { await server.close(); }
}

async function expectError(server, pattern, name, hash = '') {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + hash);
  const alert = page.locator('.bk-error[role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), pattern);
  assert.equal(await page.locator('.bk-error button').count(), 1, 'a Retry button');
  await shot(page, `error-${name}`);
  assert.deepEqual(errors, []);
  return page;
}

test('missing data: error with Retry, and Retry recovers once the data is back', async () => {
  let broken = true;
  await withServer((p) => (broken && p === '/data/manifest.json' ? { status: 404, body: 'gone' } : null), async (server) => {
    const page = await expectError(server, /manifest\.json.*404/, 'missing');
    broken = false;
    await page.locator('.bk-error button').click();
    await page.locator('.bk-input').waitFor();
    await page.locator('#baoku[data-rendered]').waitFor();
    assert.ok(Number(await page.locator('.bk-total strong').textContent()) > 10);
    await page.close();
  });
});

test('corrupt JSON: error names the file', async () => {
  await withServer((p) => (p === '/data/manifest.json' ? { body: '{"format_version": 1, "shards": [' } : null), async (server) => {
    (await expectError(server, /manifest\.json is not valid Baoku data/, 'corrupt')).close();
  });
});

test('corrupt index chunk: the search error names the chunk', async () => {
  await withServer((p) => (/^\/data\/idx-[0-9a-f]+\/g\/\d+\.bin$/.test(p) ? { body: '\xff\xff\xff garbage', type: 'application/octet-stream' } : null), async (server) => {
    (await expectError(server, /g\/\d+\.bin is not valid Baoku data/, 'corrupt-chunk', '#q=' + encodeURIComponent('专精特新'))).close();
  });
});

test('corrupt meta file: error names it', async () => {
  await withServer((p) => (/^\/data\/idx-[0-9a-f]+\/meta\.bin$/.test(p) ? { body: 'BKM3\x05', type: 'application/octet-stream' } : null), async (server) => {
    (await expectError(server, /meta\.bin is not valid Baoku data/, 'corrupt-meta')).close();
  });
});

test('a crafted manifest pointing outside the data folder is refused', async () => {
  const bad = JSON.stringify({ format_version: 3, article_count: 1, dir: '../../etc', boot: [], gram_chunks: 0, pos_chunks: 0, id_buckets: 1, total_bytes: 0 });
  await withServer((p) => (p === '/data/manifest.json' ? { body: bad } : null), async (server) => {
    (await expectError(server, /manifest\.json is not valid Baoku data: dir/, 'crafted-manifest')).close();
  });
});

test('data of another format version: error says to rebuild', async () => {
  await withServer((p) => (p === '/data/manifest.json' ? { body: '{"format_version": 999, "article_count": 0, "shards": []}' } : null), async (server) => {
    (await expectError(server, /version 999.*rebuild/, 'version')).close();
  });
});

test('corpus text with <script> and <img onerror> shows literally and runs nothing', async () => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-hostile-'));
  execFileSync('cargo', ['run', '--quiet', '--profile', 'native', '-p', 'baoku-cli', '--bin', 'baoku', '--',
    'build', path.join(ROOT, 'tests/fixtures/pages-hostile'), '--out', data], { cwd: ROOT, stdio: 'inherit' });
  // Files of the bundled corpus's build are 404 here.
  const override = (p) => {
    if (!p.startsWith('/data/')) return null;
    const f = path.join(data, p.slice('/data/'.length));
    if (!f.startsWith(data)) return { status: 403, body: '' };
    return fs.existsSync(f) ? { body: fs.readFileSync(f) } : { status: 404, body: 'not found' };
  };
  await withServer(override, async (server) => {
    const page = await browser.newPage();
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    await page.goto(server.url + '#q=script');
    await page.locator('.bk-hit').first().waitFor();
    await page.locator('.bk-hit a').first().click();
    await page.locator('article.bk-article').waitFor();
    const body = await page.locator('.bk-body').textContent();
    assert.ok(body.includes('<script>window.__pwned=1</script>'), body);
    assert.ok(body.includes('<img src=x onerror="window.__pwned=2">'), body);
    assert.ok(body.includes('&lt;实体&gt;'));
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('.bk-app script, .bk-app img, .bk-app b').count(), 0);
    assert.deepEqual(dialogs, []);
    await shot(page, 'hostile-text');
    await page.close();
  });
});

test('hostile queries give a sensible answer, never a blank page', async () => {
  await withServer(null, async (server) => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url);
    await page.locator('#baoku[data-rendered]').waitFor();
    const queries = ['"', '-', '|||', '<img src=x onerror=alert(1)>', '😀😀', '，。！', '"unterminated 专精', ' '];
    for (const q of queries) {
      await typeQuery(page, q);
      await page.waitForFunction((q) => document.querySelector('#bk-q').value === q, q);
      await page.waitForTimeout(200);
      assert.ok(await page.locator('.bk-total, .bk-empty').count() >= 1, `query ${q} left no result area`);
    }
    // A 10,000-character query: pasted, not typed.
    const huge = '专精特新'.repeat(2500);
    await page.locator('#bk-q').fill(huge);
    await page.locator('.bk-empty').waitFor({ timeout: 10_000 });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
