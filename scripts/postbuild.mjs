// Trunk post-build hook (also runnable by hand: node scripts/postbuild.mjs dist).
// 1. Moves Trunk's inline loader into a content-hashed file, so the page
//    runs under `script-src 'self'` (no inline script).
// 2. Writes baoku-embed.js, the loader for <baoku-archive> host-page embeds.
// 3. Writes sw.js (scripts/sw.mjs), a service worker that precaches the app
//    and the corpus data and answers only the URLs it owns.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { writeServiceWorker } from './sw.mjs';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
const hash = (s) => crypto.createHash('sha256').update(s).digest('hex').slice(0, 16);
const write = (name, text) => {
  const tmp = path.join(dir, name + '.tmp');
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, path.join(dir, name));
};

const htmlPath = path.join(dir, 'index.html');
let html = fs.readFileSync(htmlPath, 'utf8');
// Attribute quotes are optional: release builds minify the HTML.
const inline = html.match(/<script type="?module"?>([\s\S]*?)<\/script>/);
if (!inline) throw new Error('postbuild: no inline loader in index.html (already processed?)');
const jsName = inline[1].match(/from '\.\/([^']+\.js)'/)?.[1];
const wasmName = inline[1].match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
const cssName = html.match(/href="?\.\/([^"\s>]+\.css)"?/)?.[1];
if (!jsName || !wasmName || !cssName) throw new Error('postbuild: cannot find the app files in index.html');

const boot = `${inline[1].trim()}
// Offline: register the worker once the archive has loaded (#baoku gets
// data-rendered), so its install finds every file in the HTTP cache instead of
// racing the page's own downloads; after 30 s it registers anyway.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  const register = () => navigator.serviceWorker.register('./sw.js')
    .catch((e) => console.warn('baoku: offline cache unavailable:', e));
  const host = document.getElementById('baoku');
  if (!host || host.hasAttribute('data-rendered')) register();
  else {
    let done = false;
    const once = () => { if (!done) { done = true; watch.disconnect(); register(); } };
    const watch = new MutationObserver(() => { if (host.hasAttribute('data-rendered')) once(); });
    watch.observe(host, { attributes: true, attributeFilter: ['data-rendered'] });
    setTimeout(once, 30000);
  }
}
`;
const bootName = `boot-${hash(boot)}.js`;
write(bootName, boot);
html = html.replace(inline[0], `<script type="module" src="./${bootName}"></script>`);
write('index.html', html);

const embed = `// Baoku embed loader: <script type="module" src=".../baoku-embed.js"></script>
// then <baoku-archive data-src="data/" query="专精特新" lang="zh" theme="dark" url-state="off" timeout="20"></baoku-archive>.
// API: el.setQuery(text); el.addEventListener('baoku-open', e => e.detail.id / .headline / .date).
const here = new URL('.', import.meta.url);
window.__baokuEmbed = true;
let ready;
function load() {
  ready ??= import(new URL('./${jsName}', here).href).then(async (m) => {
    await m.default({ module_or_path: new URL('./${wasmName}', here) });
    return m;
  });
  return ready;
}
class BaokuArchive extends HTMLElement {
  static observedAttributes = ['query'];
  connectedCallback() {
    if (this.__baoku) return;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = new URL('./${cssName}', here).href;
    const mountPoint = document.createElement('div');
    root.replaceChildren(css, mountPoint);
    const src = this.getAttribute('data-src');
    const dataUrl = src ? new URL(src, document.baseURI).href : new URL('./data/', here).href;
    const token = {};
    this.__baoku = token;
    // The latest query the host asked for, even before the widget listened.
    load().then((m) => {
      if (this.__baoku !== token) return; // removed before it started
      token.app = m.mount(mountPoint, this, dataUrl, this.__baokuQuery ?? this.getAttribute('query'), this.getAttribute('lang'),
        this.getAttribute('theme'), this.getAttribute('url-state') !== 'off', this.getAttribute('timeout'));
    }).catch((e) => { mountPoint.textContent = 'Baoku could not start: ' + e; });
  }
  // Removed from the page: the widget goes, with its listeners and roles
  // (a later insertion mounts it again).
  disconnectedCallback() {
    const t = this.__baoku;
    this.__baoku = null;
    if (t?.app) { t.app.unmount(); t.app.free(); }
  }
  // Every change counts, the first included (old is null then); the widget
  // reads __baokuQuery when it starts listening, so none is lost.
  attributeChangedCallback(name, old, value) {
    if (name === 'query' && value !== old) this.setQuery(value ?? '');
  }
  setQuery(text) {
    this.__baokuQuery = String(text);
    this.dispatchEvent(new CustomEvent('baoku-set-query', { detail: String(text) }));
  }
}
if (!customElements.get('baoku-archive')) customElements.define('baoku-archive', BaokuArchive);
`;
write('baoku-embed.js', embed);

// The service worker: precaches the app and (small archives) the data,
// answers only the URLs it owns. See scripts/sw.mjs.
const sw = writeServiceWorker(dir);
console.error(`postbuild: ${bootName}, baoku-embed.js, sw.js (${sw.precached.length} files precached, `
  + `data ${sw.dataBytes} bytes${sw.smallData ? ', all precached' : ''}, cache baoku-${sw.version})`);
