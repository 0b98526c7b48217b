import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ChartAsset } from '../../src/charts/types.js';
import type { SourceLoc } from '../../src/diag/types.js';
import type { Block, DocMeta, DocTree, Inline, TableCell } from '../../src/doc/types.js';
import { layoutDocument } from '../../src/layout/index.js';
import type { LayoutInput } from '../../src/layout/index.js';
import type { Page, PageItem, PagedDocument } from '../../src/layout/types.js';
import { defaultTheme } from '../../src/theme/default.js';

/** Builders for hand-made document trees: blocks are plain objects, as the doc stage makes them. */
export const loc: SourceLoc = { file: 'test.md', line: 1, col: 1 };

export const meta: DocMeta = {
  title: 'Layout test briefing',
  subtitle: 'Synthetic documents',
  language: 'en',
  classification: 'Official',
  date: '2024-05-01',
  dateText: '1 May 2024',
};

export const t = (text: string, style: { bold?: boolean; italic?: boolean } = {}): Inline => ({ kind: 'text', text, style });
export const heading = (level: 1 | 2 | 3, id: string, text: string): Block => ({ kind: 'heading', level, id, content: [t(text)], loc });
export const para = (text: string | readonly Inline[], role: 'body' | 'lead' | 'note' = 'body'): Block => ({
  kind: 'paragraph', content: typeof text === 'string' ? [t(text)] : text, role, loc,
});
export const list = (ordered: boolean, items: readonly string[]): Block => ({ kind: 'list', ordered, items: items.map((s) => [para(s)]), loc });
export const cell = (s: string): TableCell => ({ content: [t(s)] });
export const table = (header: readonly (readonly string[])[], body: readonly (readonly string[])[], caption?: string, notes: readonly string[] = []): Block => ({
  kind: 'table',
  ...(caption !== undefined ? { caption: [t(caption)] } : {}),
  header: header.map((r) => r.map(cell)),
  body: body.map((r) => r.map(cell)),
  align: [],
  notes: notes.map((n) => [t(n)]),
  loc,
});
export const pageBreak = (): Block => ({ kind: 'pageBreak', loc });
export const toc = (): Block => ({ kind: 'toc', title: [], loc });
export const chartBlock = (name: string): Block => ({ kind: 'chart', name, loc });

export function chartAsset(name: string, width: number, height: number, extra: Partial<ChartAsset> = {}): ChartAsset {
  return { name, hash: `hash-${name}`, width, height, ops: [], alt: `Alt text of ${name}`, title: `Chart ${name}`, notes: [], table: [], showTable: false, half: false, ...extra };
}

export function doc(blocks: readonly Block[], notes: readonly string[] = [], language: 'en' | 'fr' = 'en'): DocTree {
  return { meta: { ...meta, language }, blocks, notes: notes.map((n, i) => ({ id: `n${i + 1}`, content: [t(n)] })) };
}

export function layout(tree: DocTree, extra: Partial<LayoutInput> = {}): PagedDocument {
  return layoutDocument({ tree, theme: defaultTheme, charts: new Map(), messages: {}, ...extra });
}

export type TextItem = Extract<PageItem, { kind: 'text' }>;
export const isText = (i: PageItem): i is TextItem => i.kind === 'text';

/** Non-artifact text items of a page, in drawing order. */
export const bodyText = (p: Page): TextItem[] => p.items.filter(isText).filter((i) => i.tag !== 'artifact');

/** All non-artifact text of the document, pages in order, with whitespace removed. */
export function streamText(d: PagedDocument, normalise = (s: string) => s.replace(/\s+/g, '')): string {
  return d.pages.map((p) => bodyText(p).map((i) => normalise(i.text)).join('')).join('');
}

/** Words made comparable with the drawn text: no whitespace, no hyphens (hyphenation adds them). */
export const normaliseWord = (w: string): string => w.replace(/\s+/g, '').replace(/[-\u2010]/g, '');

/**
 * Checks that `words` occur in `haystack` in order (each after the previous one). Returns the
 * first word not found, or null.
 */
export function missingInOrder(haystack: string, words: readonly string[]): { word: string; index: number } | null {
  const h = normaliseWord(haystack);
  let at = 0;
  for (let i = 0; i < words.length; i++) {
    const w = normaliseWord(words[i] as string);
    if (w === '') continue;
    const k = h.indexOf(w, at);
    if (k < 0) return { word: words[i] as string, index: i };
    at = k + w.length;
  }
  return null;
}

export const round1 = (n: number): number => Math.round(n * 10) / 10;

export interface GoldenPage {
  readonly content: number[];
  readonly anchors: (string | number)[][];
  readonly items: unknown[];
}
export interface Golden {
  readonly pageLabels: unknown;
  readonly outline: unknown;
  readonly pages: GoldenPage[];
}

/**
 * A compact, stable JSON view of the pages for goldens: per page its content box, anchors and
 * items, each item as [kind, x, y, ...] rounded to 0.1 pt; tags are structure ids or "A".
 */
export function serialise(d: PagedDocument): Golden {
  return {
    pageLabels: d.pageLabels,
    outline: d.outline,
    pages: d.pages.map((p) => ({
      content: [round1(p.content.x), round1(p.content.y), round1(p.content.width), round1(p.content.height)],
      anchors: p.anchors.map((a) => [a.id, round1(a.y)]),
      items: p.items.map((i): unknown => {
        const tag = i.tag === 'artifact' ? 'A' : i.tag;
        switch (i.kind) {
          case 'text':
            return ['text', round1(i.x), round1(i.y), i.text, i.font, i.size, tag];
          case 'rect':
            return ['rect', round1(i.x), round1(i.y), round1(i.width), round1(i.height), i.fill ?? i.stroke ?? '', tag];
          case 'line':
            return ['line', round1(i.x1), round1(i.y1), round1(i.x2), round1(i.y2), tag];
          case 'chart':
            return ['chart', i.name, round1(i.box.x), round1(i.box.y), round1(i.box.width), round1(i.box.height), tag];
          case 'link':
            return ['link', i.href ?? `#${i.dest ?? ''}`, round1(i.box.x), round1(i.box.y), round1(i.box.width), round1(i.box.height), tag];
        }
      }),
    })),
  };
}

/**
 * Bounds of an item (pt, media box): [left, top, right, bottom]. Text spans from its cap height
 * (0.75 em above the baseline) down to its baseline; descenders are not counted.
 */
export function bounds(i: PageItem): [number, number, number, number] {
  switch (i.kind) {
    case 'text':
      return [i.x, i.y - i.size * 0.75, i.x + i.width, i.y];
    case 'rect':
      return [i.x, i.y, i.x + i.width, i.y + i.height];
    case 'line':
      return [Math.min(i.x1, i.x2), Math.min(i.y1, i.y2), Math.max(i.x1, i.x2), Math.max(i.y1, i.y2)];
    case 'chart':
    case 'link':
      return [i.box.x, i.box.y, i.box.x + i.box.width, i.box.y + i.box.height];
  }
}

/**
 * Problems with where items are drawn: non-artifact text outside the page's content box
 * horizontally (0.5 pt tolerance), and any drawn item outside the printable area (18 pt from
 * the media box edges).
 */
export function placementProblems(d: PagedDocument, margin = 18): string[] {
  const out: string[] = [];
  const W = d.geometry.width + 2 * d.geometry.trimOffset;
  const H = d.geometry.height + 2 * d.geometry.trimOffset;
  for (const p of d.pages) {
    const c = p.content;
    for (const i of p.items) {
      if (i.kind === 'link') continue;
      const [l, top, r, b] = bounds(i);
      const where = `page ${p.index} ${i.kind} ${i.kind === 'text' ? JSON.stringify(i.text.slice(0, 30)) : ''} [${l.toFixed(1)},${top.toFixed(1)},${r.toFixed(1)},${b.toFixed(1)}]`;
      if (l < margin - 0.01 || r > W - margin + 0.01 || top < margin - 0.01 || b > H - margin + 0.01) out.push(`outside printable area: ${where}`);
      if (i.kind === 'text' && i.tag !== 'artifact') {
        if (i.x < c.x - 0.5 || i.x + i.width > c.x + c.width + 0.5) out.push(`outside content box horizontally: ${where}`);
        if (i.y < c.y - 0.5 || i.y > c.y + c.height + 0.5) out.push(`baseline outside content box vertically: ${where}`);
      }
    }
  }
  return out;
}

/** Non-artifact text of each structure element, in drawing order, whitespace removed. */
export function textByTag(d: PagedDocument): Map<number, string> {
  const out = new Map<number, string>();
  for (const p of d.pages) {
    for (const i of bodyText(p)) {
      const tag = i.tag as number;
      out.set(tag, (out.get(tag) ?? '') + i.text.replace(/\s+/g, ''));
    }
  }
  return out;
}

/** Pages (0-based) and distinct baselines on each where text of structure element `tag` is drawn. */
export function linesOnPages(d: PagedDocument, tag: number): { page: number; lines: number }[] {
  const out: { page: number; lines: number }[] = [];
  for (const p of d.pages) {
    const ys = new Set(bodyText(p).filter((i) => i.tag === tag).map((i) => round1(i.y)));
    if (ys.size) out.push({ page: p.index, lines: ys.size });
  }
  return out;
}

/** JSON with one page item per line: diffs of goldens then show which items moved. */
export function formatGolden(v: ReturnType<typeof serialise>): string {
  const { pages, ...rest } = v;
  const head = Object.entries(rest).map(([k, x]) => `  ${JSON.stringify(k)}: ${JSON.stringify(x)}`);
  const body = pages.map((p) => {
    const { items, ...pr } = p;
    const fields = Object.entries(pr).map(([k, x]) => `${JSON.stringify(k)}: ${JSON.stringify(x)}`).join(', ');
    return `    { ${fields}, "items": [\n${items.map((i) => `      ${JSON.stringify(i)}`).join(',\n')}\n    ] }`;
  });
  return `{\n${head.join(',\n')},\n  "pages": [\n${body.join(',\n')}\n  ]\n}\n`;
}

const GOLDEN_DIR = fileURLToPath(new URL('../golden/layout/', import.meta.url));

/**
 * Compares the document with `test/golden/layout/<name>.json`. The file is written when it is
 * missing or when UPDATE_GOLDEN=1; otherwise a difference fails the test.
 */
export function expectGolden(name: string, d: PagedDocument): void {
  const file = join(GOLDEN_DIR, `${name}.json`);
  const text = formatGolden(serialise(d));
  if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(file)) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, text);
    return;
  }
  const want = readFileSync(file, 'utf8');
  if (want === text) return;
  // Parsed comparison for a readable diff.
  expect(JSON.parse(text), `layout differs from ${file} (UPDATE_GOLDEN=1 rewrites it after review)`).toEqual(JSON.parse(want));
  expect(text).toBe(want);
}

const inlineText = (xs: readonly Inline[]): string =>
  xs.map((i) => (i.kind === 'text' ? i.text : i.kind === 'link' ? inlineText(i.children) : i.kind === 'break' ? ' ' : '')).join('');

/** The words of the blocks' text in reading order (tables row by row, cell by cell). */
export function wordsOf(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  const add = (s: string): void => {
    for (const w of s.split(/\s+/)) if (w !== '') out.push(w);
  };
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
      case 'paragraph':
        add(inlineText(b.content));
        break;
      case 'list':
        for (const item of b.items) out.push(...wordsOf(item));
        break;
      case 'table':
        if (b.caption) add(inlineText(b.caption));
        for (const r of [...b.header, ...b.body]) for (const c of r) add(inlineText(c.content));
        for (const n of b.notes) add(inlineText(n));
        break;
      case 'titleBlock':
      case 'cover':
        add(inlineText(b.title));
        for (const l of b.lines) add(inlineText(l));
        break;
      case 'keyFigures':
        if (b.title) add(inlineText(b.title));
        for (const k of b.items) add(`${k.value} ${k.change ?? ''} ${k.label}`);
        break;
      default:
        break;
    }
  }
  return out;
}
