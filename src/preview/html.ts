/**
 * The preview's HTML, made on the server. Everything that comes from the project (file names,
 * titles, diagnostics) is hostile: it is escaped for the element or attribute it goes into.
 * Pages hold no inline script or style: the Content-Security-Policy forbids both.
 */
import { showText } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(s: string): string {
  return showText(s).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One target on the listing page. */
export interface ListedTarget {
  /** Stable key of the target in URLs (hex). */
  readonly key: string;
  /** The data file, relative to the project folder. */
  readonly file: string;
  readonly kind: 'briefing' | 'pack';
  /** The title from the data, when it could be read. */
  readonly title?: string;
  /** URLs of chart thumbnails (PNG). */
  readonly thumbs: readonly string[];
}

/** What the listing page says about chart thumbnails. */
export type ThumbState = { readonly kind: 'ok' } | { readonly kind: 'unavailable'; readonly reason: string };

function page(title: string, body: string, script?: string, bodyAttrs = ''): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '<link rel="stylesheet" href="/assets/preview.css">',
    script ? `<script type="module" src="${script}"></script>` : '',
    `</head><body${bodyAttrs}>`,
    body,
    '</body></html>',
  ].join('\n');
}

/** One diagnostic as a list item: `file:line:col`, severity, code, message, field, hint. */
export function diagnosticHtml(d: Diagnostic): string {
  const where = d.loc ? `<span class="loc">${escapeHtml(d.loc.file)}:${d.loc.line}:${d.loc.col}</span> ` : '';
  const field = d.path ? ` <span class="field">(field ${escapeHtml(d.path)})</span>` : '';
  const hint = d.hint ? `<div class="hint">hint: ${escapeHtml(d.hint)}</div>` : '';
  return `<li class="${d.severity === 'error' ? 'error' : 'warning'}">${where}<span class="code">${escapeHtml(d.code)}</span> ${escapeHtml(d.message)}${field}${hint}</li>`;
}

/** The start page: every briefing and pack of the project, with chart thumbnails. */
export function listPage(project: string, targets: readonly ListedTarget[], problems: readonly Diagnostic[], thumbs: ThumbState): string {
  const items = targets.map((t) => {
    const view = `/view?t=${t.key}`;
    const deck = t.kind === 'briefing' ? ` <a class="deck" href="${view}&amp;deck=1">slides</a>` : '';
    const imgs = t.thumbs.map((u, i) => `<img src="${escapeHtml(u)}" alt="chart ${i + 1}" width="180">`).join('');
    return `<li class="target"><a class="open" href="${view}">${escapeHtml(t.title ?? t.file)}</a>${deck}`
      + ` <span class="kind">${t.kind}</span> <span class="file">${escapeHtml(t.file)}</span>`
      + (imgs ? `<div class="thumbs">${imgs}</div>` : '') + '</li>';
  });
  const note = thumbs.kind === 'unavailable' ? `<p class="note" id="thumbs-note">Chart thumbnails are not shown: ${escapeHtml(thumbs.reason)}</p>` : '';
  const probs = problems.length ? `<ul class="diags">${problems.map(diagnosticHtml).join('')}</ul>` : '';
  return page('briefkit preview', [
    `<header><h1>briefkit preview</h1><span class="file">${escapeHtml(project)}</span></header>`,
    '<main class="list">',
    probs,
    note,
    `<ul class="targets">${items.join('\n')}</ul>`,
    '</main>',
  ].join('\n'));
}

/** The viewer shell for one target; `viewer.js` fills it from the server's events. */
export function viewPage(t: ListedTarget, deck: boolean): string {
  const view = `/view?t=${t.key}`;
  const nav = t.kind === 'briefing'
    ? `<nav><a href="${view}"${deck ? '' : ' aria-current="page"'}>Print</a> <a href="${view}&amp;deck=1"${deck ? ' aria-current="page"' : ''}>Slides</a></nav>`
    : '';
  return page(`${t.title ?? t.file} - briefkit preview`, [
    `<header><a href="/">All briefings</a> <strong id="title">${escapeHtml(t.title ?? t.file)}</strong> ${nav} <span id="status" role="status">starting</span></header>`,
    '<section id="overlay" role="alert" hidden><h2>Not built: the page shows the last good build</h2><ul id="diags" class="diags"></ul></section>',
    '<main id="viewer"></main>',
  ].join('\n'), '/assets/viewer.js', ` data-target="${t.key}" data-deck="${deck ? '1' : '0'}"`);
}
