// Browser benchmark of the release bundle (run by `./x bench`, not a test):
// first-visit transfer by file, navigation → first results, and
// keystroke → rendered results from the app's performance marks.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve, launch, typeQuery, DIST } from './harness.mjs';

const median = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const p95 = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.round((s.length - 1) * 0.95)]; };

const server = await serve();
const browser = await launch();

// 1. What a first visit transfers.
const page0 = await browser.newPage();
const fetched = new Set();
page0.on('requestfinished', (r) => fetched.add(new URL(r.url()).pathname.slice(1) || 'index.html'));
await page0.goto(server.url);
await page0.locator('#baoku[data-rendered]').waitFor();
await page0.waitForTimeout(1500); // let the service worker precache (same files)
await page0.close();
fetched.add('sw.js'); // fetched by the service worker registration
let rawTotal = 0, gzTotal = 0;
console.log('\n| file | bytes | gzip |\n|---|---|---|');
for (const f of [...fetched].filter((f) => f && fs.existsSync(path.join(DIST, f))).sort()) {
  const b = fs.readFileSync(path.join(DIST, f));
  const g = zlib.gzipSync(b, { level: 9 }).length;
  rawTotal += b.length; gzTotal += g;
  console.log(`| ${f} | ${b.length} | ${g} |`);
}
console.log(`| **first visit total** | ${rawTotal} | ${gzTotal} (${(gzTotal / 1000).toFixed(0)} kB) |`);

// 2. Navigation → first results, against a plain static page loaded the same way.
const nav = [], base = [];
for (let i = 0; i < 7; i++) {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const p = await ctx.newPage();
  await p.goto(server.url + 'embed-demo.css');
  base.push(await p.evaluate(() => performance.getEntriesByType('navigation')[0].responseEnd));
  await p.goto(server.url);
  await p.locator('#baoku[data-rendered]').waitFor();
  nav.push(await p.evaluate(() => performance.getEntriesByName('baoku-rendered')[0].startTime));
  await ctx.close();
}
console.log(`\nnavigation → first results: median ${median(nav).toFixed(0)} ms over ${nav.length} cold loads (static-file navigation baseline ${median(base).toFixed(1)} ms)`);

// 3. Keystroke → rendered results.
const page = await browser.newPage();
await page.goto(server.url);
await page.locator('#baoku[data-rendered]').waitFor();
const queries = ['专精特新', '小巨人 奖励', '1.3亿元', '轴', '企业', 'RCEP', '高新区 贷款', '-企业', '发展|创新', '不存在的词'];
const search = [], render = [], debounce = [];
for (let rep = 0; rep < 3; rep++) {
  for (const q of queries) {
    await page.evaluate(() => performance.clearMarks());
    await typeQuery(page, q);
    const tTyped = await page.evaluate(() => performance.now());
    await page.waitForFunction(() => performance.getEntriesByName('baoku-rendered').length > 0
      && performance.getEntriesByName('baoku-query').length > 0
      && performance.getEntriesByName('baoku-rendered').at(-1).startTime > performance.getEntriesByName('baoku-query').at(-1).startTime);
    const m = await page.evaluate(() => ({
      q: performance.getEntriesByName('baoku-query').at(-1).startTime,
      s: performance.getEntriesByName('baoku-searched').at(-1).startTime,
      r: performance.getEntriesByName('baoku-rendered').at(-1).startTime,
    }));
    search.push(m.s - m.q);
    render.push(m.r - m.q);
    debounce.push(m.q - tTyped);
  }
}
console.log(`keystroke → rendered results (after the ${'120'} ms debounce): median ${median(render).toFixed(2)} ms, p95 ${p95(render).toFixed(2)} ms; of which search median ${median(search).toFixed(2)} ms (${render.length} samples)`);
await browser.close();
await server.close();
