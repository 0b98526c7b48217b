import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Block } from '../../src/doc/types.js';
import { renderPdf } from '../../src/render/pdf.js';
import { doc, layout, meta, para, table } from './helpers.js';
import { cleanTemp, insideLive, pageWords, pdfFile } from './pdf-readback.js';

/*
 * Where tables break, read back from the PDF (pdftotext -bbox): random tables of 1 to 40 rows
 * with 0 to 3 notes (the source line and notes under a table), after text of random length so
 * they meet a page foot anywhere. Every row and note carries a marker word (zr<i>z, zn<j>z), so
 * the page each lands on is read from the PDF. Asserted:
 *  - the notes keep with the last row: the page that starts them holds the last row;
 *  - no row alone at either side of a break: the first row's page holds the second, the last
 *    row's page holds the one before it ("top ten" tables no longer end on a lone row);
 *  - a page holding notes holds at least two lines of them, unless they are one line in all.
 */

const VOCAB = ['tariff', 'quota', 'customs', 'exports', 'imports', 'revised', 'estimate', 'partner', 'growth', 'ministry', 'économique', 'coopération'];
const words = (min: number, max: number): fc.Arbitrary<string[]> => fc.array(fc.constantFrom(...VOCAB), { minLength: min, maxLength: max, size: 'max' });

afterAll(cleanTemp);

/** One table: its rows and notes, after some text. */
interface Case {
  readonly before: readonly string[][];
  readonly rows: number;
  readonly notes: readonly string[][];
}

const oneCase: fc.Arbitrary<Case> = fc.record({
  // One-line paragraphs and longer ones: tables meet the page foot at every offset.
  before: fc.array(fc.oneof({ weight: 3, arbitrary: words(1, 3) }, { weight: 1, arbitrary: words(20, 120) }), { maxLength: 12 }),
  rows: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 12 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 40 }) }),
  notes: fc.array(words(3, 60), { maxLength: 3 }),
});

/** Blocks of the cases in one document: every row and note carries its marker word. */
function blocksOf(cases: readonly Case[]): Block[] {
  return cases.flatMap((c, t): Block[] => [
    ...c.before.map((w) => para(w.join(' '))),
    table([['#', 'Exports', 'Imports']], Array.from({ length: c.rows }, (_v, i) => [`zt${t}r${i}z`, `${i + 1} ${VOCAB[i % VOCAB.length] ?? ''}`, 'partner']), 'Top trade',
      c.notes.map((w, j) => [`zt${t}n${j}z`, ...w].join(' '))),
    para(`zt${t}endz`),
  ]);
}

/** Where each table of `cases` broke, read back from the rendered PDF: broken rules, if any. */
async function problems(cases: readonly Case[], o: { paper: 'a4' | 'letter'; lang: 'en' | 'fr' }): Promise<string[]> {
  const paged = layout(doc(blocksOf(cases), [], o.lang), { paper: o.paper });
  const pages = pageWords(pdfFile(await renderPdf(paged, { ...meta, language: o.lang })));
  const pageOf = (marker: string): number => pages.findIndex((ws) => ws.some((w) => w.t === marker));
  const out: string[] = [];
  cases.forEach((c, t) => {
    const row = (i: number): number => pageOf(`zt${t}r${i}z`);
    const last = c.rows - 1;
    for (let i = 0; i < c.rows; i++) if (row(i) < 0) out.push(`table ${t}: row ${i} missing`);
    if (c.rows >= 2 && row(1) !== row(0)) out.push(`table ${t}: the first row alone at a page foot`);
    if (c.rows >= 2 && row(last - 1) !== row(last)) out.push(`table ${t}: the last row alone at a page head`);
    if (c.notes.length === 0) return;
    if (pageOf(`zt${t}n0z`) !== row(last)) out.push(`table ${t}: the notes apart from the last row`);
    // Lines of notes on each page: words of the live area after the last row and before the
    // closing paragraph, grouped by baseline.
    const lastY = (pages[row(last)] ?? []).find((w) => w.t === `zt${t}r${last}z`)?.y1 ?? 0;
    const endPage = pageOf(`zt${t}endz`);
    const lines = pages.map((ws, p) => {
      if (p < row(last) || p > endPage) return 0;
      const start = p === row(last) ? lastY + 2 : -Infinity;
      const end = p === endPage ? ws.find((w) => w.t === `zt${t}endz`)?.y0 ?? Infinity : Infinity;
      return new Set(ws.filter((w) => insideLive(paged, p, w) && w.y0 > start && w.y1 < end).map((w) => Math.round(w.y1))).size;
    });
    const total = lines.reduce((a, b) => a + b, 0);
    if (total > 1 && lines.some((n) => n === 1)) out.push(`table ${t}: one line of notes alone on a page (${lines.join(',')})`);
  });
  return out;
}

describe('tables break with two rows at least on either side, the notes kept with the last row (read back from the PDF)', () => {
  it('"top ten" tables with a source line, after 0 to 40 one-line paragraphs: no lone row, no lone source line', async () => {
    const cases = Array.from({ length: 41 }, (_v, k): Case => ({ before: Array.from({ length: k }, () => ['tariff']), rows: 10, notes: [['Source', 'ministry', 'estimate']] }));
    for (const lang of ['en', 'fr'] as const) expect(await problems(cases, { paper: 'a4', lang })).toEqual([]);
  }, 120_000);

  it('property: tables of 1 to 40 rows with 0 to 3 notes, anywhere on a page', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(oneCase, { minLength: 1, maxLength: 6 }), fc.constantFrom('a4', 'letter') as fc.Arbitrary<'a4' | 'letter'>, fc.constantFrom('en', 'fr') as fc.Arbitrary<'en' | 'fr'>,
        async (cases, paper, lang) => {
          expect(await problems(cases, { paper, lang })).toEqual([]);
        }),
      { seed: 15_000_404, numRuns: Number(process.env['FC_RUNS'] ?? 20) },
    );
  }, 240_000);
});
