import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChartAsset } from '../../src/charts/types.js';
import type { Block } from '../../src/doc/types.js';
import type { PagedDocument } from '../../src/layout/types.js';
import { renderPdf } from '../../src/render/pdf.js';
import { chartAsset, doc, heading, layout, list, meta, pageBreak, para, table, wordsOf } from './helpers.js';

/*
 * Property test read back from the PDF: random documents of paragraphs, bullets, tables,
 * headings, page breaks and figures (full width and half-width pairs, with random note
 * lengths), on A4 and Letter, laid out, rendered, and read back with `pdftotext -bbox`.
 * Asserted on the words of the PDF:
 *  - no word outside the page's live area (the content box, between the header and footer
 *    rules), but for the running header and footer's own words;
 *  - no two words overlap;
 *  - every input word is present, in order (a figure may float later, past the text of its
 *    own section, never past a heading of its section's level or higher, a forced break or
 *    another figure);
 *  - no page is less than a third full before a page that is not forced, unless the next
 *    page opens with a figure that could not have fitted (its head never splits).
 * Every block carries marker words (zb<j>z first, ze<j>z last; figures zf<j>z and zg<j>z),
 * so positions in the text are exact. Fixed seed: failures reproduce.
 */

const VOCAB = ['tariff', 'quota', 'customs', 'exports', 'imports', 'revised', 'estimate', 'series', 'partner', 'growth', 'ministry', 'agreement',
  'shipment', 'value', 'trade', 'balance', 'surplus', 'deficit', 'duty', 'market', 'coopération', 'économique', 'réglementation', 'extraordinarily'];
/** Words of the running header and footer (helpers' meta), allowed outside the live area. */
const FURNITURE = new Set([...`${meta.title} ${meta.subtitle ?? ''} ${meta.classification.toUpperCase()} ${meta.dateText} Page of`.split(/\s+/)]);

// size 'max': lengths spread over the whole range (fast-check keeps arrays short by default).
const words = (min: number, max: number): fc.Arbitrary<string[]> => fc.array(fc.constantFrom(...VOCAB), { minLength: min, maxLength: max, size: 'max' });

type Spec =
  | { readonly kind: 'para'; readonly w: string[] }
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly w: string[] }
  | { readonly kind: 'list'; readonly items: string[][] }
  | { readonly kind: 'table'; readonly cols: number; readonly rows: string[][] }
  | { readonly kind: 'figure'; readonly half: boolean; readonly height: number; readonly caption: string[]; readonly notes: string[][] }
  | { readonly kind: 'break' };

const one = (a: fc.Arbitrary<Spec>): fc.Arbitrary<Spec[]> => a.map((x) => [x]);
const spec: fc.Arbitrary<Spec[]> = fc.oneof(
  { weight: 6, arbitrary: one(words(3, 90).map((w): Spec => ({ kind: 'para', w }))) },
  { weight: 2, arbitrary: one(fc.tuple(fc.constantFrom(1, 2, 3) as fc.Arbitrary<1 | 2 | 3>, words(1, 5)).map(([level, w]): Spec => ({ kind: 'heading', level, w }))) },
  { weight: 2, arbitrary: one(fc.array(words(2, 30), { minLength: 1, maxLength: 8, size: 'max' }).map((items): Spec => ({ kind: 'list', items }))) },
  {
    weight: 2,
    arbitrary: one(fc.integer({ min: 2, max: 4 }).chain((cols) =>
      fc.array(fc.array(fc.constantFrom(...VOCAB), { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')), { minLength: cols * 2, maxLength: cols * 12, size: 'max' })
        .map((cells): Spec => ({ kind: 'table', cols, rows: Array.from({ length: Math.floor(cells.length / cols) }, (_v, r) => cells.slice(r * cols, (r + 1) * cols)) })))),
  },
  { weight: 4, arbitrary: one(figureSpec(fc.boolean())) },
  // Two half-width figures in a row share it.
  { weight: 2, arbitrary: fc.tuple(figureSpec(fc.constant(true)), figureSpec(fc.constant(true))).map((p): Spec[] => [...p]) },
  { weight: 1, arbitrary: one(fc.constant<Spec>({ kind: 'break' })) },
);

function figureSpec(half: fc.Arbitrary<boolean>): fc.Arbitrary<Spec> {
  return fc.record({
    half, height: fc.integer({ min: 120, max: 320 }), caption: words(1, 12),
    notes: fc.array(words(5, 160), { maxLength: 6, size: 'max' }),
  }).map((f): Spec => ({ kind: 'figure', ...f }));
}

interface Built {
  readonly blocks: Block[];
  readonly charts: Map<string, ChartAsset>;
  /** Per block: its kind, heading level, and the words it prints in order (figures: as printed). */
  readonly info: { kind: Spec['kind']; level?: number; words: string[] }[];
}

function build(specs: readonly Spec[]): Built {
  const blocks: Block[] = [];
  const charts = new Map<string, ChartAsset>();
  const info: Built['info'] = [];
  let figure = 0;
  specs.forEach((s, j) => {
    const [b, e] = [`zb${j}z`, `ze${j}z`];
    switch (s.kind) {
      case 'para':
        blocks.push(para([b, ...s.w, e].join(' ')));
        break;
      case 'heading':
        blocks.push(heading(s.level, `h${j}`, [b, ...s.w, e].join(' ')));
        break;
      case 'list':
        blocks.push(list(false, s.items.map((w, i) => [...(i === 0 ? [b] : []), ...w, ...(i === s.items.length - 1 ? [e] : [])].join(' '))));
        break;
      case 'table': {
        const [head, ...body] = s.rows;
        blocks.push(table([head ?? []], body.map((r, i) => (i === body.length - 1 ? [...r.slice(0, -1), `${r.at(-1) ?? ''} ${e}`] : r)), `${b} caption`));
        break;
      }
      case 'figure': {
        const name = `f${j}`;
        // Column widths of the seed theme: 451 pt (A4) at full width, half of it less the gutter.
        const width = s.half ? 216 : 451;
        const asset = chartAsset(name, width, s.half ? Math.min(s.height, 200) : s.height, {
          half: s.half, title: `zf${j}z chart`, caption: s.caption.join(' '), notes: s.notes.map((n) => n.join(' ')), source: `customs zg${j}z`,
          ops: [{ kind: 'path', segments: [{ op: 'M', x: 0, y: 0 }, { op: 'L', x: width, y: 0 }, { op: 'L', x: width, y: 100 }, { op: 'L', x: 0, y: 100 }, { op: 'Z' }], paint: { fill: '#dde4ee', opacity: 1 } }],
        });
        charts.set(name, asset);
        blocks.push({ kind: 'chart', name, loc: { file: 'test.md', line: j + 1, col: 1 } });
        info.push({ kind: 'figure', words: [`Figure ${++figure}.`, asset.title, asset.caption ?? '', ...asset.notes, `Source: ${asset.source ?? ''}`].join(' ').split(/\s+/).filter(Boolean) });
        return;
      }
      case 'break':
        blocks.push(pageBreak());
        info.push({ kind: 'break', words: [] });
        return;
    }
    info.push({ kind: s.kind, ...(s.kind === 'heading' ? { level: s.level } : {}), words: wordsOf([blocks.at(-1) as Block]) });
  });
  return { blocks, charts, info };
}

interface Word { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number; readonly t: string }

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Words of each page as pdftotext sees them, boxes in pt from the top-left. */
function readBack(pdf: Buffer): Word[][] {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-pdfprop-'));
  dirs.push(dir);
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, pdf);
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/word>/g)].map((w) => ({
      x0: Number(w[1]), y0: Number(w[2]), x1: Number(w[3]), y1: Number(w[4]), t: unescape(w[5] ?? ''),
    })));
}

const norm = (s: string): string => s.normalize('NFC').replace(/[-\u2010\u00ad]/g, '').replace(/\s+/g, '');

/** Every problem the PDF shows; empty when the document is right. */
function problems(d: PagedDocument, pages: readonly Word[][], built: Built): string[] {
  const out: string[] = [];
  if (pages.length !== d.pages.length) out.push(`PDF has ${pages.length} pages, layout ${d.pages.length}`);
  const body: Word[][] = [];
  pages.forEach((ws, i) => {
    const c = (d.pages[i] ?? d.pages[0])?.content;
    if (!c) return;
    const inside = (w: Word): boolean => w.x0 >= c.x - 1 && w.x1 <= c.x + c.width + 1 && w.y0 >= c.y - 3 && w.y1 <= c.y + c.height + 3;
    body.push(ws.filter(inside));
    for (const w of ws) if (!inside(w) && !FURNITURE.has(w.t) && !/^\d+$/.test(w.t)) out.push(`page ${i + 1}: "${w.t}" outside the live area at [${w.x0},${w.y0},${w.x1},${w.y1}]`);
    // Overlaps: boxes trimmed by a fifth at top and bottom (they include ascent and descent).
    const boxes = ws.map((w) => ({ ...w, y0: w.y0 + (w.y1 - w.y0) * 0.2, y1: w.y1 - (w.y1 - w.y0) * 0.2 }));
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length; b++) {
        const [p, q] = [boxes[a] as Word, boxes[b] as Word];
        if (Math.min(p.x1, q.x1) - Math.max(p.x0, q.x0) > 1 && Math.min(p.y1, q.y1) - Math.max(p.y0, q.y0) > 1) out.push(`page ${i + 1}: "${p.t}" overlaps "${q.t}"`);
      }
    }
  });
  // Reading order, with the text of every page in turn. "Figure n (continued)" heads a page
  // that goes on with a figure's notes, maybe inside a word hyphenated at the page before: it
  // is left out, as a reader skips it.
  const continued = (ws: readonly Word[], i: number): boolean =>
    (ws[i]?.t === 'Figure' && ws[i + 2]?.t === '(continued)') || (ws[i - 1]?.t === 'Figure' && ws[i + 1]?.t === '(continued)') || (ws[i]?.t === '(continued)' && ws[i - 2]?.t === 'Figure');
  const text = body.map((ws) => norm(ws.filter((_w, i) => !continued(ws, i)).map((w) => w.t).join(''))).join('');
  const pos = (marker: string): number => text.indexOf(marker);
  const inOrder = (hay: string, ws: readonly string[]): string | null => {
    let at = 0;
    for (const w of ws.map(norm)) {
      if (!w) continue;
      const k = hay.indexOf(w, at);
      if (k < 0) return w;
      at = k + w.length;
    }
    return null;
  };
  let lastText = -1;
  let lastFigure = -1;
  let level = Infinity;
  built.info.forEach((b, j) => {
    if (b.kind === 'break') return;
    if (b.kind === 'figure') {
      const [s, e] = [pos(`zf${j}z`), pos(`zg${j}z`)];
      if (s < 0 || e < 0) return void out.push(`figure ${j} missing`);
      const miss = inOrder(text.slice(Math.max(0, s - 20), e + 10), b.words);
      if (miss) out.push(`figure ${j}: "${miss}" missing or out of order`);
      if (s < lastText || s < lastFigure) out.push(`figure ${j} moved up`);
      lastFigure = s;
      // It may float past text, up to the end of its section or a forced break.
      const stop = built.info.findIndex((x, k) => k > j && (x.kind === 'break' || (x.kind === 'heading' && (x.level ?? 0) <= level)));
      const stopAt = stop < 0 ? -1 : pos(`zb${stop + (built.info[stop]?.kind === 'break' ? 1 : 0)}z`);
      if (stopAt >= 0 && s > stopAt) out.push(`figure ${j} floated past block ${stop}`);
      return;
    }
    if (b.kind === 'heading') level = b.level ?? Infinity;
    const [s, e] = [pos(`zb${j}z`), pos(`ze${j}z`)];
    if (s < 0 || e < 0) return void out.push(`block ${j} (${b.kind}) missing`);
    if (s < lastText) out.push(`block ${j} (${b.kind}) out of order`);
    lastText = s;
    const miss = inOrder(text.slice(s, e + 10), b.words);
    if (miss) out.push(`block ${j} (${b.kind}): "${miss}" missing or out of order`);
  });
  // Near-empty pages.
  const forcedBefore = new Set<number>();
  built.info.forEach((b, j) => {
    if (b.kind === 'break') forcedBefore.add(j + 1);
  });
  body.forEach((ws, i) => {
    const page = d.pages[i];
    const next = body[i + 1];
    if (!page || !next || next.length === 0) return;
    const c = page.content;
    const fill = Math.max(0, ...ws.map((w) => w.y1 - c.y));
    if (fill >= c.height / 3) return;
    // A forced break: the next page opens with the block after it ("Figure n." may come first).
    const at = next.findIndex((w) => /^z[bf]\d+z$/.test(w.t));
    const k = Number(/\d+/.exec(next[at]?.t ?? '')?.[0] ?? -1);
    if (forcedBefore.has(k) && at >= 0 && at <= 2) return;
    // The next page opens with a figure (maybe under its heading) that did not fit here, and
    // no text could fill in for it: it ends its section, or a break or a figure follows it.
    const nextPage = d.pages[i + 1];
    const chart = nextPage?.items.find((x) => x.kind === 'chart');
    const f = Number(/^zf(\d+)z$/.exec(next.find((w) => /^zf\d+z$/.test(w.t))?.t ?? '')?.[1] ?? -1);
    const after = built.info[f + 1];
    const nothingToFill = after === undefined || after.kind === 'break' || after.kind === 'figure' || (after.kind === 'heading' && (after.level ?? 0) <= levelAt(built, f));
    if (f >= 0 && nothingToFill && chart?.kind === 'chart' && nextPage && fill + (chart.box.y + chart.box.height - nextPage.content.y) + 20 > c.height) return;
    out.push(`page ${i + 1} is ${Math.round((fill / c.height) * 100)} % full before page ${i + 2} ("${next[0]?.t ?? ''}")`);
  });
  return out;
}

/** The level of the section block `j` is in (Infinity before any heading: any heading ends it). */
function levelAt(built: Built, j: number): number {
  for (let k = j - 1; k >= 0; k--) if (built.info[k]?.kind === 'heading') return built.info[k]?.level ?? Infinity;
  return Infinity;
}

describe('layout read back from the PDF, on random documents (fast-check)', () => {
  it('keeps every word inside the live area, without overlaps, in order, and no page near-empty', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(spec, { minLength: 1, maxLength: 14, size: 'max' }), fc.constantFrom('a4', 'letter') as fc.Arbitrary<'a4' | 'letter'>, async (groups, paper) => {
        const built = build(groups.flat());
        const d = layout(doc(built.blocks), { paper, charts: built.charts });
        const pdf = await renderPdf(d, doc([]).meta);
        expect(problems(d, readBack(pdf), built)).toEqual([]);
      }),
      { seed: 15_000_015, numRuns: Number(process.env['FC_RUNS'] ?? 25) },
    );
  }, 240_000);
});
