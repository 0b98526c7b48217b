import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/doc/types.js';
import { keyFigureFit } from '../../src/layout/panels.js';
import type { PagedDocument } from '../../src/layout/types.js';
import { buildBriefing } from '../../src/index.js';
import { textWidth } from '../../src/text/measure.js';
import { pageTexts, tempFile } from '../helpers/pdf.js';
import { bodyText, doc, heading, layout, loc, para, placementProblems, table } from './helpers.js';
import type { TextItem } from './helpers.js';

/*
 * Numbers in tables and key figures, display titles and the seed's typography, read from the
 * laid-out pages (positions) and from the PDF (text).
 */

const texts = (d: PagedDocument): TextItem[] => d.pages.flatMap((p) => bodyText(p));
const find = (d: PagedDocument, s: string): TextItem => {
  const hit = texts(d).find((i) => i.text.replace(/\u00a0/g, ' ').trim() === s.replace(/\u00a0/g, ' '));
  if (!hit) throw new Error(`no text item ${JSON.stringify(s)} in ${JSON.stringify(texts(d).map((i) => i.text))}`);
  return hit;
};
/** x (pt) where a set number's integer part ends: its decimal point, or its last digit. */
const decimalX = (i: TextItem, mark = '.'): number => {
  const m = new RegExp(`\\${mark}\\d`).exec(i.text);
  const end = m ? m.index : (i.text.match(/^.*\d/)?.[0].length ?? i.text.length);
  return i.x + textWidth(i.text.slice(0, end), 'regular', i.size, i.features);
};

describe('tables of numbers', () => {
  it('right-aligns numbers on their decimal point (tabular figures)', () => {
    const values = ['12.5 %', '3 %', '1,234.56 %', '\u22127.25 %', '100 %'];
    const blocks: Block[] = [table([['Region', 'Growth']], values.map((v, i) => [`Region ${i + 1}`, v]))];
    const d = layout(doc(blocks));
    expect(placementProblems(d)).toEqual([]);
    const xs = values.map((v) => decimalX(find(d, v)));
    for (const x of xs) expect(x).toBeCloseTo(xs[0] as number, 1);
    // Plain right alignment would have put the last characters under each other instead.
    const rights = values.map((v) => find(d, v)).map((i) => i.x + i.width);
    expect(Math.max(...rights) - Math.min(...rights)).toBeGreaterThan(5);
    expect(find(d, '3 %').features).toContain('tnum');
  });

  it('aligns French decimals on the comma', () => {
    const values = ['12,5\u00a0%', '3\u00a0%', '1\u00a0234,75\u00a0%'];
    const d = layout(doc([table([['Région', 'Croissance']], values.map((v) => ['x', v]))], [], 'fr'));
    const xs = values.map((v) => decimalX(find(d, v), ','));
    for (const x of xs) expect(x).toBeCloseTo(xs[0] as number, 1);
  });

  it('sizes columns from their figures, not their header: a long header wraps over short numbers', () => {
    const header = 'Canadian merchandise exports to the Republic of Korea in billions of dollars';
    const blocks: Block[] = [table([['Year', header, 'Notes on the figures and their sources']], [['1993', '1.7', 'Derived from the growth rates of the following year, as the source says.'], ['1994', '2.2', 'Reported.']])];
    const d = layout(doc(blocks));
    expect(placementProblems(d)).toEqual([]);
    const headerLines = texts(d).filter((i) => header.includes(i.text.trim()) && i.text.trim().length > 3 && i.y < find(d, '1.7').y);
    // The header is set on several lines, in a column narrower than its one-line width.
    expect(new Set(headerLines.map((i) => Math.round(i.y))).size).toBeGreaterThan(1);
    const notes = find(d, 'Reported.');
    const figure = find(d, '2.2');
    expect(notes.x - figure.x).toBeLessThan(textWidth(header, 'bold', figure.size));
  });

  it('never narrows a column below its widest number: the number stays whole at full size', () => {
    const big = '\u2212KRW 217,086,489,000';
    const blocks: Block[] = [table([['A', 'B', 'C', 'D']], [['text words here', big, 'more words in this cell', 'and more words here too']])];
    const d = layout(doc(blocks));
    const item = texts(d).find((i) => i.text.includes('217,086,489,000'));
    expect(item?.text.replace(/\u00a0/g, ' ')).toBe(big);
    expect(item?.size).toBe(9.5);
  });
});

describe('key figures', () => {
  it.each([
    // [widths of the values (pt at 19 pt), panel width] -> per row, size
    [[60, 60, 60, 60], 457, 4, 19],
    [[170, 160, 150, 175], 457, 2, 19],
    [[120, 60, 60, 60], 457, 4, 19 * (457 / 4 - 10) / 120],
    [[500], 457, 1, 19 * 447 / 500],
    [[], 457, 1, 19],
  ])('%j in %i pt: %i a row at %f pt', (widths, width, perRow, size) => {
    const fit = keyFigureFit(widths, width);
    expect(fit.perRow).toBe(perRow);
    expect(fit.size).toBeCloseTo(size, 3);
  });

  it('sets ten-digit KRW values whole, two a row, at full size', () => {
    const items = ['KRW 11,941,456,629', 'KRW 6,185,244,579', 'KRW 5,756,212,050', '+KRW 429,032,528'].map((value) => ({ value, label: 'Two-way trade, 1994' }));
    const d = layout(doc([{ kind: 'keyFigures', items, loc }]));
    expect(placementProblems(d)).toEqual([]);
    const values = items.map((k) => texts(d).find((i) => i.text.replace(/\u00a0/g, ' ') === k.value));
    expect(values.every((v) => v?.size === 19)).toBe(true);
    expect(new Set(values.map((v) => Math.round(v?.y ?? 0))).size).toBe(2);
  });
});

describe('display titles are not hyphenated', () => {
  it('headings break between words only, while body text in the same column hyphenates', () => {
    const long = 'Internationalization telecommunications administrations reconceptualization responsibilities';
    const blocks: Block[] = [heading(1, 'h', long), heading(2, 'h2', long), para(`${long} ${long} ${long}`)];
    const d = layout(doc(blocks), { paper: 'a4' });
    const struct = d.structure;
    const role = (i: TextItem): string => struct.find((s) => s.id === i.tag)?.role ?? '';
    const ends = texts(d).filter((i) => /\p{L}-$/u.test(i.text.trimEnd()));
    expect(ends.filter((i) => /^H\d$/.test(role(i)))).toEqual([]);
    expect(ends.some((i) => role(i) === 'P')).toBe(true);
  });
});

describe('the seed fact sheet', () => {
  it('prints the derived-years note once, curly apostrophes, and a minus sign for negative figures', async () => {
    const file = 'data/briefings/canada-korea-1995.yaml';
    const text = readFileSync(file, 'utf8').replace('- { measure: imports, year: 1994, percent: 14 }', '- { measure: imports, year: 1994, percent: -14 }');
    const r = await buildBriefing({ file, text }, {});
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const pdfText = pageTexts(tempFile(r.pdf)).join('\n').replace(/\s+/g, ' ');
    // The derivation: once, in the author's words after the year (not the catalog's fixed sentence).
    expect(pdfText.match(/Derived from the 1994 figures/g)).toHaveLength(1);
    expect(pdfText).toContain('Figures for 1993: Derived from the 1994 figures and growth rates');
    expect(pdfText).not.toContain('derived from later figures and growth rates');
    expect(pdfText).toContain('Canada’s trade relationship');
    expect(pdfText).not.toMatch(/\p{L}'\p{L}/u);
    expect(pdfText).toContain('\u221214%');
    expect(pdfText).toContain('\u2212$0.3 B');
    expect(pdfText).not.toMatch(/(^|\s)-\d/);
  });
});
