import { describe, expect, it } from 'vitest';
import type { ChartAsset } from '../../src/charts/types.js';
import { UserError } from '../../src/diag/errors.js';
import type { Diagnostic } from '../../src/diag/types.js';
import type { Block } from '../../src/doc/types.js';
import { blocksToAtoms } from '../../src/layout/blocks.js';
import { layoutContext } from '../../src/layout/shared.js';
import { StructBuilder } from '../../src/layout/struct.js';
import type { Page, PagedDocument } from '../../src/layout/types.js';
import { defaultTheme } from '../../src/theme/index.js';
import {
  bodyText, chartAsset, chartBlock, doc, expectGolden, heading, isText, layout, linesOnPages, missingInOrder, para, placementProblems,
  streamText, wordsOf,
} from './helpers.js';

/*
 * Figures whose notes do not fit where they stand: notes that break across pages under full
 * and half-width charts, a pair whose notes are too long to stand side by side, a figure that
 * floats while the text after it fills the page, and a figure no page can hold. Goldens in
 * test/golden/layout/figure-*.json; every case also checks its invariants directly.
 */

const WORDS = ['tariff', 'quota', 'customs', 'exports', 'imports', 'revised', 'estimate', 'series', 'partner', 'growth', 'ministry', 'agreement'];
/** `n` words of deterministic text, starting with a marker word. */
const text = (marker: string, n: number): string =>
  [marker, ...Array.from({ length: n - 1 }, (_v, i) => WORDS[(i * 7 + marker.length) % WORDS.length] as string)].join(' ');
const fillers = (n: number): Block[] => Array.from({ length: n }, (_v, i) => para(`Filler line ${i + 1}.`));

/** The words a figure prints: title, caption, notes, source, in order. */
function figureWords(n: number, a: ChartAsset): string[] {
  return [`Figure ${n}.`, a.title, a.caption ?? '', ...a.notes, a.source ? `Source: ${a.source}` : ''].join(' ').split(/\s+/).filter(Boolean);
}

const contentBottom = (p: Page): number => p.content.y + p.content.height;
const charts = (d: PagedDocument, page: number) => (d.pages[page] as Page).items.flatMap((i) => (i.kind === 'chart' ? [i] : []));
const pageOfChart = (d: PagedDocument, name: string): number => d.pages.findIndex((p) => p.items.some((i) => i.kind === 'chart' && i.name === name));
/** Artifact text at the top of a page's content box (what continues from the page before). */
const topArtifacts = (p: Page): string => p.items.filter(isText).filter((i) => i.tag === 'artifact' && i.y > p.content.y && i.y < p.content.y + 14).map((i) => i.text).join('');

function check(d: PagedDocument, words: readonly string[]): void {
  expect(placementProblems(d)).toEqual([]);
  expect(missingInOrder(streamText(d), words)).toBeNull();
  // Nothing body-tagged under the content box's foot (baselines are checked by placementProblems).
  for (const p of d.pages) for (const c of p.items) if (c.kind === 'chart') expect(c.box.y + c.box.height).toBeLessThanOrEqual(contentBottom(p) + 0.01);
}

function layoutError(blocks: readonly Block[], assets: ReadonlyMap<string, ChartAsset>): Diagnostic[] {
  try {
    layout(doc(blocks), { charts: assets });
  } catch (e) {
    if (e instanceof UserError) return [...e.diagnostics];
    throw e;
  }
  throw new Error('layout did not fail');
}

describe('figures: notes break across pages', () => {
  it('long notes under a full-width chart continue on the next pages, the chart kept with its first lines', () => {
    const asset = chartAsset('long', 451, 225, {
      caption: 'Exports and imports by year.', source: 'Customs data',
      notes: Array.from({ length: 6 }, (_v, i) => text(`note${i + 1}`, 110)),
    });
    const before = fillers(20);
    const blocks = [...before, chartBlock('long'), para('After the figure.')];
    const d = layout(doc(blocks), { charts: new Map([['long', asset]]) });
    check(d, [...wordsOf(before), ...figureWords(1, asset), 'After', 'the', 'figure.']);
    const at = pageOfChart(d, 'long');
    const chart = charts(d, at)[0];
    // The chart has at least two lines of its caption under it on its page.
    const cap = d.structure.find((s) => s.role === 'Caption')?.id as number;
    const under = bodyText(d.pages[at] as Page).filter((i) => i.tag === cap && chart && i.y > chart.box.y + chart.box.height);
    expect(new Set(under.map((i) => i.y)).size).toBeGreaterThanOrEqual(2);
    // The notes run on over the next page, which says what it continues.
    const spread = linesOnPages(d, cap);
    expect(spread.length).toBeGreaterThanOrEqual(2);
    for (const { page } of spread.slice(1)) expect(topArtifacts(d.pages[page] as Page)).toBe('Figure 1 (continued)');
    expectGolden('figure-long-notes', d);
  });

  it('notes of different lengths under two half-width charts break in rows, side by side', () => {
    const left = chartAsset('left', 216, 155, { half: true, caption: 'Trade balance.', source: 'Customs' });
    const right = chartAsset('right', 216, 173, { half: true, caption: 'Shares.', notes: [text('rnote1', 70), text('rnote2', 70)], source: 'Customs' });
    const before = fillers(22);
    const blocks = [...before, chartBlock('left'), chartBlock('right'), para('After the pair.')];
    const d = layout(doc(blocks), { charts: new Map([['left', left], ['right', right]]) });
    // Lines of the two columns interleave in the stream: check each figure's words on its own.
    const rest = [...wordsOf(before), 'After', 'the', 'pair.'];
    check(d, rest);
    for (const [n, a] of [[1, left], [2, right]] as const) {
      const tag = d.structure.filter((s) => s.role === 'Caption')[n - 1]?.id as number;
      const words = d.pages.flatMap((p) => bodyText(p).filter((i) => i.tag === tag).map((i) => i.text)).join('');
      expect(missingInOrder(words, figureWords(n, a))).toBeNull();
    }
    // Both charts on one page, top-aligned, side by side.
    const page = pageOfChart(d, 'left');
    const [c1, c2] = charts(d, page);
    expect(page).toBe(pageOfChart(d, 'right'));
    expect(c1?.box.y).toBe(c2?.box.y);
    expect((c1?.box.x ?? 0) + (c1?.box.width ?? 0)).toBeLessThan(c2?.box.x ?? 0);
    // The right column's notes go on over the next page, under "Figure 2 (continued)" only.
    const capRight = d.structure.filter((s) => s.role === 'Caption')[1]?.id as number;
    const spread = linesOnPages(d, capRight);
    expect(spread.map((s) => s.page)).toEqual([page, page + 1]);
    expect(topArtifacts(d.pages[page + 1] as Page)).toBe('Figure 2 (continued)');
    // ...set over the right column, where its lines go on.
    const next = d.pages[page + 1] as Page;
    const contLine = next.items.filter(isText).find((i) => i.text.startsWith('Figure 2'));
    const rightLines = bodyText(next).filter((i) => i.tag === capRight);
    expect(contLine?.x).toBeCloseTo(Math.min(...rightLines.map((i) => i.x)), 1);
    expect(contLine?.x).toBeGreaterThan(next.content.x + next.content.width / 2);
    expectGolden('figure-pair-rows', d);
  });

  it('a half-width pair whose notes would not fit on one page is stacked, its notes at the full measure', () => {
    const left = chartAsset('left', 216, 155, { half: true, caption: 'Trade balance.' });
    const right = chartAsset('right', 216, 173, { half: true, caption: 'Shares.', notes: Array.from({ length: 9 }, (_v, i) => text(`rn${i}`, 110)) });
    const blocks = [para('Before.'), chartBlock('left'), chartBlock('right'), para('After.')];
    const d = layout(doc(blocks), { charts: new Map([['left', left], ['right', right]]) });
    check(d, ['Before.', ...figureWords(1, left), ...figureWords(2, right), 'After.']);
    const p0 = d.pages[0] as Page;
    const [c1, c2] = charts(d, 0);
    expect(c2 && c1 && c2.box.y > c1.box.y + c1.box.height).toBe(true);
    // A note line of the second figure runs past the middle of the column.
    const capRight = d.structure.filter((s) => s.role === 'Caption')[1]?.id as number;
    const widest = Math.max(...d.pages.flatMap((p) => bodyText(p).filter((i) => i.tag === capRight).map((i) => i.x + i.width)));
    expect(widest).toBeGreaterThan(p0.content.x + p0.content.width * 0.75);
    expectGolden('figure-pair-stacked', d);
  });
});

describe('figures: floats', () => {
  it('a figure that does not fit opens the next page; the rest of its section fills the room, not the next section', () => {
    const asset = chartAsset('big', 451, 300, { caption: 'A figure too tall for the room left.', source: 'Customs data' });
    const blocks = [
      heading(2, 'trade', 'Trade'), ...fillers(18), chartBlock('big'),
      para(text('alpha', 40)), heading(3, 'sub', 'Subsection'), para(text('beta', 30)),
      heading(2, 'next', 'Next section'), para(text('gamma', 40)),
    ];
    const d = layout(doc(blocks), { charts: new Map([['big', asset]]) });
    const [before, after] = [blocks.slice(0, 19), blocks.slice(20)];
    const words = wordsOf(after);
    const next = words.indexOf('Next');
    check(d, [...wordsOf(before), ...words.slice(0, next), ...figureWords(1, asset), ...words.slice(next)]);
    expect(pageOfChart(d, 'big')).toBe(1);
    const onFirst = bodyText(d.pages[0] as Page).map((i) => i.text).join(' ');
    // The paragraph, the subsection and its text filled in; the next level-2 section did not.
    expect(onFirst).toContain('alpha');
    expect(onFirst).toContain('Subsection');
    expect(onFirst).toContain('beta');
    expect(onFirst).not.toContain('Next section');
    // The figure opens its page.
    const p1 = d.pages[1] as Page;
    expect(bodyText(p1)[0]?.text).toBe('Figure 1. ');
    expectGolden('figure-floats', d);
  });

  it('with no text to fill in, the heading above the figure moves with it (no heading at a page foot)', () => {
    const asset = chartAsset('big', 451, 300, { caption: 'Caption.' });
    const blocks = [...fillers(22), heading(2, 'h', 'Heading above'), chartBlock('big'), heading(2, 'n', 'Next heading'), para('Text.')];
    const d = layout(doc(blocks), { charts: new Map([['big', asset]]) });
    check(d, wordsOf(blocks));
    expect(bodyText(d.pages[0] as Page).map((i) => i.text).join(' ')).not.toContain('Heading above');
    expect(bodyText(d.pages[1] as Page)[0]?.text).toBe('Heading above');
  });
});

describe('figures: too tall for any page', () => {
  const at = { file: 'templates/fact-sheet/document.hbs', line: 12, col: 1 };
  it('a chart that would have to shrink below half its size is a located error, never an overflow', () => {
    const tall = chartAsset('tall', 451, 2400);
    const diags = layoutError([para('Before.'), { kind: 'chart', name: 'tall', loc: at }], new Map([['tall', tall]]));
    expect(diags).toEqual([expect.objectContaining({ code: 'layout/too-tall', severity: 'error', loc: at, hint: expect.stringContaining('chart') as unknown })]);
  });

  it('also in a half-width pair', () => {
    const ok = chartAsset('ok', 216, 155, { half: true });
    const tall = chartAsset('tall', 216, 2000, { half: true });
    const diags = layoutError([chartBlock('ok'), { kind: 'chart', name: 'tall', loc: at }], new Map([['ok', ok], ['tall', tall]]));
    expect(diags.map((x) => [x.code, x.loc])).toEqual([['layout/too-tall', at]]);
  });

  it('a chart scaled down to fit keeps its title and first note lines on the page', () => {
    const big = chartAsset('big', 451, 900, { caption: text('cap', 60) });
    const d = layout(doc([chartBlock('big')]), { charts: new Map([['big', big]]) });
    check(d, figureWords(1, big));
    const p0 = d.pages[0] as Page;
    const chart = charts(d, 0)[0];
    const cap = d.structure.find((s) => s.role === 'Caption')?.id as number;
    const under = bodyText(p0).filter((i) => i.tag === cap && chart && i.y > chart.box.y + chart.box.height);
    expect(new Set(under.map((i) => i.y)).size).toBeGreaterThanOrEqual(2);
  });

  it('every atom of a block carries the block\'s source location (for located layout errors)', () => {
    const ctx = layoutContext({ theme: defaultTheme, tree: doc([]), charts: new Map() }, 700, 451, new StructBuilder(), new Map());
    const blocks: Block[] = [
      { ...para(text('p', 80)), loc: { file: 'a.hbs', line: 1, col: 1 } },
      { ...heading(2, 'h', 'Heading'), loc: { file: 'a.hbs', line: 3, col: 1 } },
      // An item's first paragraph is set with the list; a second one is a block of its own.
      { kind: 'list', ordered: false, items: [[para('Item.'), { ...para('More.'), loc: { file: 'a.hbs', line: 6, col: 3 } }]], loc: { file: 'a.hbs', line: 5, col: 1 } },
    ];
    const atoms = blocksToAtoms(blocks, 0, ctx);
    expect(atoms.every((a) => a.loc !== undefined)).toBe(true);
    expect(new Set(atoms.map((a) => `${a.loc?.line}:${a.loc?.col}`))).toEqual(new Set(['1:1', '3:1', '5:1', '6:3']));
  });
});
