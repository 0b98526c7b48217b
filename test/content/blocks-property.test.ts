/**
 * Random lists of section blocks (every kind, nested sub-sections, lists two levels deep,
 * long tables, call-outs and quotations of many lines, half and full charts, page breaks)
 * through the real pipeline on A4 and Letter, read back from the PDF: no word outside the
 * live area and no two words overlapping; every box (call-out, quotation rule) inside the
 * page's content box; every block's marker word present, in the author's order.
 * Fixed seed: failures reproduce (FC_RUNS raises the run count).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/build/index.js';
import { squash } from '../helpers/pdf.js';
import { cleanTemp, insideLive, pageWords, pdfFile, textProblems } from '../layout/pdf-readback.js';
import type { Word } from '../layout/pdf-readback.js';

afterAll(cleanTemp);

const WORDS = ['tariff', 'quota', 'customs', 'exports', 'imports', 'revised', 'partner', 'growth', 'ministry', 'agreement', 'économique',
  'telecommunications', '1995', '12.5', '**bold**', '*em*', 'snake_case', '2 * 3'];
const words = (min: number, max: number): fc.Arbitrary<string> => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((w) => w.join(' '));

/** A block as data; `mark` is filled in later with a unique word that opens its text. */
type Gen = { readonly kind: string; readonly make: (mark: () => string) => Record<string, unknown> };

const item = fc.record({ text: words(1, 30), items: fc.array(words(1, 20), { maxLength: 3 }) });
const leaf: fc.Arbitrary<Gen> = fc.oneof(
  words(1, 120).map((t): Gen => ({ kind: 'paragraph', make: (m) => ({ paragraph: `${m()} ${t}` }) })),
  fc.tuple(fc.boolean(), fc.array(item, { minLength: 1, maxLength: 8 })).map(([numbered, items]): Gen => ({
    kind: 'list',
    make: (m) => ({ [numbered ? 'numbered' : 'bullets']: items.map((i) => (i.items.length ? { text: `${m()} ${i.text}`, items: i.items.map((x) => `${m()} ${x}`) } : `${m()} ${i.text}`)) }),
  })),
  fc.record({ rows: fc.integer({ min: 1, max: 70 }), total: fc.boolean(), caption: fc.boolean() }).map((t): Gen => ({
    kind: 'table',
    make: (m) => ({
      table: {
        ...(t.caption ? { caption: `${m()} caption` } : {}),
        columns: [{ title: 'Item', type: 'text' }, { title: 'Value', type: 'money', currency: 'CAD', unit: 'million', decimals: 1 }, { title: 'Share', type: 'percent' }],
        rows: Array.from({ length: t.rows }, (_v, i) => [`${m()} row ${i}`, 1000 * i + 0.25, i % 100]),
        ...(t.total ? { total: ['Total', 123456.7, 100] } : {}),
        notes: [`${m()} note`],
      },
    }),
  })),
  fc.tuple(fc.constantFrom('key-message', 'if-asked', 'note'), words(1, 150), fc.array(words(1, 20), { maxLength: 4 })).map(([kind, t, bullets]): Gen => ({
    kind: 'callout', make: (m) => ({ callout: { kind, text: `${m()} ${t}`, ...(bullets.length ? { bullets: bullets.map((b) => `${m()} ${b}`) } : {}) } }),
  })),
  words(1, 200).map((t): Gen => ({ kind: 'quote', make: (m) => ({ quote: { text: `${m()} ${t}`, by: 'Speaker' } }) })),
  fc.constant<Gen>({ kind: 'keyFigures', make: (m) => ({ keyFigures: { items: [{ value: '$4.7 billion', label: `${m()} label` }, { value: '28 %', label: 'growth', change: '+3 %' }] } }) }),
  fc.constant<Gen>({ kind: 'chart', make: () => ({ chart: '' }) }),
  fc.constant<Gen>({ kind: 'pageBreak', make: () => ({ pageBreak: true }) }),
);
const block: fc.Arbitrary<Gen> = fc.oneof(
  { weight: 5, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(leaf, { minLength: 1, maxLength: 4 }).map((inner): Gen => ({
    kind: 'subsection', make: (m) => ({ subsection: { title: `${m()} heading`, blocks: inner.map((g) => g.make(m)) } }),
  })) },
);

/** The data, with unique marker words in reading order and charts named in the order placed. */
function data(gens: readonly Gen[], halves: readonly boolean[]): { data: Record<string, unknown>; marks: string[] } {
  const marks: string[] = [];
  const mark = (): string => {
    const w = `mark${String.fromCharCode(97 + Math.floor(marks.length / 26) % 26)}${String.fromCharCode(97 + (marks.length % 26))}`;
    marks.push(w);
    return w;
  };
  let charts = 0;
  const fix = (b: Record<string, unknown>): Record<string, unknown> => {
    if ('chart' in b) return { chart: `c${charts++}` };
    const sub = b['subsection'] as { title: string; blocks: Record<string, unknown>[] } | undefined;
    return sub ? { subsection: { ...sub, blocks: sub.blocks.map(fix) } } : b;
  };
  const blocks = gens.map((g) => fix(g.make(mark)));
  return {
    marks,
    data: {
      id: 'random-blocks', language: 'en', title: 'Random blocks', date: '1995-10-01', classification: 'UNCLASSIFIED',
      sections: [{ id: 's', title: 'Section', blocks }],
      trade: { currency: 'CAD', unit: 'billion', reporter: 'Canada', partner: 'Korea', years: [1992, 1993, 1994].map((year, i) => ({ year, exports: 2 + i, imports: 1 + i, twoWay: 3 + 2 * i, balance: 1 })) },
      charts: Array.from({ length: charts }, (_v, i) => ({
        name: `c${i}`, type: 'grouped-bar', title: `Chart ${i}`, size: halves[i % halves.length] ? 'half' : 'full',
        series: [{ field: 'exports', label: 'Exports' }, { field: 'imports', label: 'Imports' }],
      })),
    },
  };
}

describe('random section blocks, laid out and read back', () => {
  it('nothing off the page or overlapping, boxes inside the content box, every block in order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(block, { minLength: 1, maxLength: 14 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }), fc.constantFrom('a4', 'letter') as fc.Arbitrary<'a4' | 'letter'>, async (gens, halves, paper) => {
        const d = data(gens, halves);
        if (process.env['BLOCKS_DUMP']) (await import('node:fs')).writeFileSync(process.env['BLOCKS_DUMP'], JSON.stringify({ paper, data: d.data }));
        const r = await buildBriefing({ data: d.data, name: 'random-blocks.json' }, { paper });
        if (!r.ok) throw new Error(`build failed: ${JSON.stringify(r.diagnostics.map((x) => `${x.code}: ${x.message} ${x.path ?? ''}`))}`);
        const file = pdfFile(r.pdf);
        const pages = pageWords(file);
        expect(textProblems(r.paged, pages)).toEqual([]);
        r.paged.pages.forEach((p) => {
          for (const it of p.items) {
            if (it.kind !== 'rect' || it.tag !== 'artifact' || it.fill === undefined) continue;
            const c = p.content;
            if (it.height > 40 && it.width > 40 && it.y < c.y) continue; // furniture bands, if any
            expect(it.x >= c.x - 0.5 && it.x + it.width <= c.x + c.width + 0.5 && it.y >= c.y - 0.5 && it.y + it.height <= c.y + c.height + 0.5, JSON.stringify(it)).toBe(true);
          }
        });
        // Words in visual order (top to bottom, then left to right): pdftotext's own reading
        // order takes a table's columns for text columns.
        const visual = (ws: readonly Word[]): Word[] => [...ws].sort((a, b) => Math.round((a.y0 + a.y1) / 4) - Math.round((b.y0 + b.y1) / 4) || a.x0 - b.x0);
        const hay = squash(pages.flatMap((ws, i) => visual(ws.filter((w) => insideLive(r.paged, i, w))).map((w) => w.t)).join(' '));
        let from = 0;
        for (const m of d.marks) {
          const at = hay.indexOf(m, from);
          expect(at, `${m} after ${from}`).toBeGreaterThanOrEqual(0);
          from = at + m.length;
        }
      }),
      { seed: 16_000_016, numRuns: Number(process.env['FC_RUNS'] ?? 8), endOnFailure: true },
    );
  }, 240_000);
});
