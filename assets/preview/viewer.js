/* global document, window, EventSource */
// The preview's viewer: shows one target's PDF with pdf.js (a canvas and a text layer per page),
// and loads the new PDF in place when the server says a build finished, keeping the page and
// the offset within it in view. Diagnostics are shown over the last good build, as text only
// (never as HTML: they quote the author's data).
import { GlobalWorkerOptions, getDocument, TextLayer } from '/pdfjs/pdf.mjs';

GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.mjs';

const body = document.body;
const key = body.dataset.target ?? '';
const deck = body.dataset.deck === '1';
const viewer = document.getElementById('viewer');
const overlay = document.getElementById('overlay');
const list = document.getElementById('diags');
const status = document.getElementById('status');
/** CSS px per PDF point. */
const SCALE = 1.25;

let shown = null; // URL of the PDF on screen
let loading = Promise.resolve();

/** The page at the top of the view and how far into it (0..1): survives a reload of the PDF. */
function position() {
  const pages = [...viewer.querySelectorAll('.page')];
  const y = window.scrollY;
  for (let i = 0; i < pages.length; i++) {
    const p = pages[i];
    if (p.offsetTop + p.offsetHeight > y) return { page: i, offset: Math.max(0, (y - p.offsetTop) / p.offsetHeight) };
  }
  return { page: 0, offset: 0 };
}

function restore(pos) {
  const pages = viewer.querySelectorAll('.page');
  const p = pages[Math.min(pos.page, pages.length - 1)];
  if (p) window.scrollTo(0, p.offsetTop + pos.offset * p.offsetHeight);
}

async function renderPage(pdf, n) {
  const page = await pdf.getPage(n);
  const viewport = page.getViewport({ scale: SCALE });
  const div = document.createElement('div');
  div.className = 'page';
  div.dataset.page = String(n);
  div.style.setProperty('--scale-factor', String(SCALE));
  div.style.width = `${viewport.width}px`;
  div.style.height = `${viewport.height}px`;
  const canvas = document.createElement('canvas');
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${viewport.width}px`;
  canvas.style.height = `${viewport.height}px`;
  const text = document.createElement('div');
  text.className = 'textLayer';
  div.append(canvas, text);
  await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport, transform: ratio === 1 ? null : [ratio, 0, 0, ratio, 0, 0] }).promise;
  await new TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
  return div;
}

/** Loads `url` and swaps it in whole, so the view never shows a half-drawn document. */
async function load(url, version) {
  const pdf = await getDocument({ url, isEvalSupported: false }).promise;
  const pages = document.createElement('div');
  pages.className = 'pages';
  for (let n = 1; n <= pdf.numPages; n++) pages.append(await renderPage(pdf, n));
  const pos = position();
  viewer.replaceChildren(pages);
  restore(pos);
  await pdf.destroy();
  shown = url;
  body.dataset.version = String(version);
  body.dataset.pdf = url;
}

function showDiagnostics(diags) {
  const items = diags.map((d) => {
    const li = document.createElement('li');
    li.className = d.severity === 'error' ? 'error' : 'warning';
    const where = d.loc ? `${d.loc.file}:${d.loc.line}:${d.loc.col} ` : '';
    const loc = document.createElement('span');
    loc.className = 'loc';
    loc.textContent = where;
    const code = document.createElement('span');
    code.className = 'code';
    code.textContent = d.code;
    li.append(loc, code, document.createTextNode(` ${d.message}${d.path ? ` (field ${d.path})` : ''}`));
    if (d.hint) {
      const hint = document.createElement('div');
      hint.className = 'hint';
      hint.textContent = `hint: ${d.hint}`;
      li.append(hint);
    }
    return li;
  });
  list.replaceChildren(...items);
}

function update(s) {
  status.textContent = s.building ? 'building...' : s.failed ? 'build failed' : s.failed === null ? 'waiting' : 'up to date';
  body.dataset.state = s.building ? 'building' : s.failed ? 'failed' : 'ok';
  const errors = s.diagnostics.filter((d) => d.severity === 'error');
  showDiagnostics(s.failed ? s.diagnostics : s.diagnostics.filter((d) => d.severity === 'warning'));
  overlay.hidden = !(s.failed && errors.length > 0);
  if (s.pdf && s.pdf !== shown && !s.building) {
    const url = s.pdf;
    loading = loading.then(() => (url === shown ? undefined : load(url, s.version))).catch((e) => {
      status.textContent = `could not show the PDF: ${e && e.message ? e.message : String(e)}`;
    });
  }
}

const events = new EventSource(`/events?t=${encodeURIComponent(key)}${deck ? '&deck=1' : ''}`);
events.addEventListener('state', (ev) => update(JSON.parse(ev.data)));
events.addEventListener('error', () => {
  status.textContent = 'disconnected (is briefkit preview still running?)';
});
