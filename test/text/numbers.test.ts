import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakLines, contentWidths } from '../../src/text/lines.js';
import type { Line, Span } from '../../src/text/lines.js';
import { allowedCuts, bindNumbers, isNumberText, numberRanges } from '../../src/text/numbers.js';
import { anyNumber, word } from './number-arb.js';

/*
 * Numbers are atoms: a number with its sign, currency and unit is one unbreakable word. Unit
 * tests of the recogniser and of breakLines, then a fast-check property over random numbers
 * (every currency, huge, tiny, negative, many digits) set in narrow columns.
 */

const span = (text: string, size = 9, face: Span['face'] = 'regular'): Span => ({ text, face, size, color: '#000000' });
const lineText = (l: Line): string => l.fragments.map((f) => f.text).join('');
/** Spaces of any kind as one plain space: how a reader compares what it sees. */
const plain = (s: string): string => s.replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim();
const atoms = (s: string): string[] => numberRanges(s).map(([a, b]) => s.slice(a, b));

describe('numberRanges: what counts as one number', () => {
  it.each([
    ['Trade was −KRW 217,086,489.0 in 1994.', ['−KRW 217,086,489.0', '1994']],
    ['C$1.2 billion', ['C$1.2 billion']],
    ['grew 12.5 % a year', ['12.5 %']],
    ['US$ 3,4 Mrd', ['US$ 3,4 Mrd']],
    ['4,7\u00a0milliards\u00a0$ et plus', ['4,7\u00a0milliards\u00a0$']],
    ['−$0.3\u00a0B balance', ['−$0.3\u00a0B']],
    ['2,2 G$', ['2,2 G$']],
    ['4,7\u00a0G\u00a0USD', ['4,7\u00a0G\u00a0USD']],
    ['rose 28 per cent to $2.2 billion', ['28 per cent', '$2.2 billion']],
    ['€3.2bn', ['€3.2bn']],
    ['-5% and +3%', ['-5%', '+3%']],
    ['exports 2.2 / 1.28 = 1.72,', ['2.2', '1.28', '1.72']],
    // Not numbers, or not joined to what follows.
    ['APEC 1993 Summit', ['1993']],
    ['1993–94', ['1993', '94']],
    ['5 billionaires', ['5']],
    ['in 1994 Korea', ['1994']],
    ['abc123', []],
    ['no digits here', []],
  ])('%j', (text, want) => expect(atoms(text)).toEqual(want));

  it('binds the plain spaces inside numbers only', () => {
    expect(bindNumbers('KRW 4,832 and 12.5 % of C$1.2 billion')).toBe('KRW\u00a04,832 and 12.5\u00a0% of C$1.2\u00a0billion');
  });

  it.each([
    ['−KRW 217,086,489', true], ['12.5 %', true], ['4,7 G$', true], ['1,234', true], ['', false], ['Total', false], ['1,234 (est.)', false],
  ])('isNumberText(%j) = %s', (t, want) => expect(isNumberText(t)).toBe(want));

  it('cuts a long word only outside its numbers and the punctuation around them', () => {
    const text = 'https://example.org/a/(1234567)/b';
    const cuts = allowedCuts(text);
    const [s, e] = numberRanges(text)[0] as [number, number];
    for (const c of cuts) expect(c <= s - 1 || c >= e + 1).toBe(true);
    expect(cuts.length).toBeGreaterThan(20);
  });
});

describe('breakLines never splits a number', () => {
  it.each([
    // [text, width]: the numbers must come out whole, on one line each.
    ['Two-way trade reached −KRW 217,086,489.0 and KRW 4,832,222,327.0 in 1994.', 60],
    ['Two-way trade reached −KRW 217,086,489.0 and KRW 4,832,222,327.0 in 1994.', 90],
    ['Exports rose 28 per cent in 1994 to $2.2 billion, their highest level ever.', 40],
    ['Les exportations ont atteint 4,7\u00a0milliards\u00a0$ (+28\u00a0%) en 1994.', 45],
    ['US$ 3,4 Mrd, C$1.2 billion, 12.5 %, −$0.3\u00a0B', 30],
  ])('%j in %i pt', (text, width) => {
    for (const justify of [false, true]) {
      const lines = breakLines([span(text)], { width, justify, hyphenate: true, lang: 'en' });
      const set = lines.map((l) => plain(lineText(l)));
      for (const a of atoms(text)) expect(set.some((l) => l.includes(plain(a))), `${a} in ${JSON.stringify(set)}`).toBe(true);
      for (const l of lines) expect(l.width).toBeLessThanOrEqual(width + 0.01);
    }
  });

  it('moves a number whole to the next line rather than hyphenating or cutting it', () => {
    const lines = breakLines([span('Total KRW 4,832,222,327')], { width: 90, justify: false, hyphenate: true, lang: 'en' });
    expect(lines.map(lineText)).toEqual(['Total', 'KRW\u00a04,832,222,327']);
  });

  it('sets a number wider than the whole column smaller, on one line, inside the column', () => {
    const text = '−KRW 217,086,489,000,000';
    const natural = contentWidths([span(text, 19, 'bold')]).widestNumber;
    const lines = breakLines([span(text, 19, 'bold')], { width: natural / 2, justify: false, hyphenate: true, lang: 'en' });
    expect(lines).toHaveLength(1);
    const [line] = lines as [Line];
    expect(plain(lineText(line))).toBe(text);
    expect(line.width).toBeLessThanOrEqual(natural / 2 + 0.01);
    expect(line.fragments[0]?.span.size).toBeCloseTo(9.5, 0);
  });

  it('keeps the sign, currency and punctuation with the number when a word must be cut', () => {
    const lines = breakLines([span('(−KRW 217,086,489.0),')], { width: 20, justify: false, hyphenate: true, lang: 'en' });
    expect(lines.map(lineText)).toEqual(['(−KRW\u00a0217,086,489.0),']);
  });

  it('still cuts a long word without numbers between characters (the text stays whole)', () => {
    const long = 'x'.repeat(200);
    const lines = breakLines([span(long)], { width: 50, justify: false, hyphenate: true, lang: 'en' });
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.map(lineText).join('')).toBe(long);
    expect(lines.every((l) => l.fragments.every((f) => f.span.size === 9))).toBe(true);
  });

  it('measures a number as one unbreakable word for table columns', () => {
    const w = contentWidths([span('Total of −KRW 217,086,489 in all')]);
    expect(w.widestNumber).toBeGreaterThan(w.widestWord);
    expect(w.natural).toBeGreaterThan(w.widestNumber);
  });
});

describe('breakLines on random numbers in narrow columns (fast-check)', () => {
  it('sets every number whole on one line, and every line inside its column', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(anyNumber, word), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 4, max: 240 }),
        fc.boolean(),
        fc.constantFrom(7, 9, 19),
        (parts, width, justify, size) => {
          const text = parts.join(' ');
          const lines = breakLines([span(text, size, size > 10 ? 'bold' : 'regular')], { width, justify, hyphenate: true, lang: 'en' });
          const set = lines.map((l) => plain(lineText(l)));
          // Each number of the text (as the text binds it) is whole on some line.
          for (const a of atoms(bindNumbers(text))) expect(set.some((l) => l.includes(plain(a))), `${a} in ${JSON.stringify(set)}`).toBe(true);
          // Only a single letter wider than the column may stick out (numbers are set smaller).
          for (const l of lines) if (l.width > width + 0.01) expect([...plain(lineText(l))]).toHaveLength(1);
          // Nothing lost: the lines hold the text (hyphens added only where words are hyphenated).
          expect(set.join(' ').replace(/-/g, '').replace(/\s/g, '')).toBe(text.replace(/-/g, '').replace(/\s/g, ''));
        },
      ),
      { seed: 15_015, numRuns: Number(process.env['FC_RUNS'] ?? 300) },
    );
  });
});
