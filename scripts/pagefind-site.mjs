// The site the Pagefind benchmark indexes and drives (scripts/bench-pagefind.mjs):
// the articles read from NDJSON, one HTML page per article, the exact text a
// substring query is checked against, and the search page that runs Pagefind's
// JS API in the browser.
import fs from 'node:fs';

// ---------------------------------------------------------------- articles and text
export function readArticles(file) {
  if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    let a;
    try { a = JSON.parse(line); } catch (e) { throw new Error(`${file}:${i + 1}: not JSON: ${e.message}`); }
    if (typeof a.id !== 'string' || !Array.isArray(a.paragraphs) || (a.headline != null && typeof a.headline !== 'string')) {
      throw new Error(`${file}:${i + 1}: article without id/paragraphs`);
    }
    out.push(a);
  }
  if (out.length === 0) throw new Error(`${file}: no articles`);
  return out;
}

export const HAN = /\p{Script=Han}/u;
export function exactText(a) {
  // headline + kicker + subheadline + paragraphs, all whitespace removed
  return [a.headline || '', a.kicker || '', a.subheadline || '', ...a.paragraphs].join('').replace(/\s+/gu, '');
}

function esc(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function articleHtml(a) {
  // The kicker and subheadline are indexed too, so that Pagefind sees the same text as the exact answer.
  const parts = [];
  if (a.kicker) parts.push(`<p class="kicker">${esc(a.kicker)}</p>`);
  if (a.headline) parts.push(`<h1>${esc(a.headline)}</h1>`); // some articles have no headline
  if (a.subheadline) parts.push(`<h2>${esc(a.subheadline)}</h2>`);
  for (const p of a.paragraphs) parts.push(`<p>${esc(p)}</p>`);
  return `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(a.headline || a.id)}</title></head>\n`
    + `<body data-pagefind-body>\n${parts.join('\n')}\n</body></html>\n`;
}

export const searchPage = (RESULTS_SHOWN) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Pagefind bench</title></head>
<body>
<input id="q" type="search" autocomplete="off">
<p id="status"></p>
<ol id="results"></ol>
<script type="module">
const pf = await import('/pagefind/pagefind.js');
await pf.init();
window.__pf = pf;
window.__results = [];
const input = document.getElementById('q');
const list = document.getElementById('results');
const status = document.getElementById('status');
let seq = 0;
async function run(q, t0) {
  const my = ++seq;
  const r = await pf.search(q);
  const hits = r && r.results ? r.results : [];
  const data = await Promise.all(hits.slice(0, ${RESULTS_SHOWN}).map((x) => x.data()));
  if (my !== seq) return; // superseded by a newer input
  list.replaceChildren(...data.map((d) => {
    const li = document.createElement('li');
    const h = document.createElement('h3');
    h.textContent = (d.meta && d.meta.title) || d.url;
    const p = document.createElement('p');
    p.innerHTML = d.excerpt; // Pagefind's excerpt: escaped text with <mark>
    li.append(h, p);
    return li;
  }));
  status.textContent = hits.length + ' results';
  // rendered: after the next frame has been produced
  await new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
  const t1 = performance.now();
  window.__results.push({ q, ms: t1 - t0, at: t1, total: hits.length, shown: data.length });
}
input.addEventListener('input', () => { run(input.value, performance.now()).catch((e) => { window.__error = String(e); }); });
const q0 = new URLSearchParams(location.search).get('q');
if (q0) { input.value = q0; run(q0, 0).catch((e) => { window.__error = String(e); }); } // t0 = navigation start
window.__ready = true;
</script>
</body></html>
`;

export const BLANK_PAGE = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>blank</title></head><body></body></html>\n';

