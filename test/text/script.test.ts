import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visualOrder } from '../../src/text/bidi.js';
import { breakLines } from '../../src/text/lines.js';
import type { Span } from '../../src/text/lines.js';
import { getFont } from '../../src/text/fonts.js';
import { splitRuns } from '../../src/text/measure.js';
import { missingGlyphs } from '../../src/text/coverage.js';
import { scriptOf } from '../../src/text/script.js';
import { SAMPLES } from './script-samples.js';


describe('script itemisation (issue 15)', () => {
  it.each([
    ['Greek in Latin text is its own run, in the main font', 'the letters Γαδχ stay', [['the letters ', 'Latin', 'main-regular'], ['Γαδχ ', 'Greek', 'main-regular'], ['stay', 'Latin', 'main-regular']]],
    ['Arabic with its punctuation in the Arabic font, spaces in the main font', 'مع (كندا)', [['مع', 'Arabic', 'arab-regular'], [' ', 'Arabic', 'main-regular'], ['(كندا)', 'Arabic', 'arab-regular']]],
    ['Hebrew', 'משרד', [['משרד', 'Hebrew', 'hebr-regular']]],
    ['Thai', 'กระทรวง', [['กระทรวง', 'Thai', 'thai-regular']]],
    ['Devanagari with its marks', 'विदेश', [['विदेश', 'Devanagari', 'deva-regular']]],
    ['Hangul with the main font\'s spaces', '대한 민국', [['대한', 'Hangul', 'kr-regular'], [' ', 'Hangul', 'main-regular'], ['민국', 'Hangul', 'kr-regular']]],
    ['an ideograph the Korean font lacks', '中这', [['中', 'Han', 'kr-regular'], ['这', 'Han', 'han-regular']]],
    ['an emoji', 'a 😀', [['a ', 'Latin', 'main-regular'], ['😀', 'Latin', 'emoji-regular']]],
    ['leading Common characters take the script that follows', '(Γα)', [['(Γα)', 'Greek', 'main-regular']]],
    ['a space after Hangul goes with the Latin word that follows in its font', '대한 end.', [['대한', 'Hangul', 'kr-regular'], [' end.', 'Latin', 'main-regular']]],
  ] as const)('%s', (_what, text, runs) => {
    expect(splitRuns(text, 'regular').map((r) => [r.text, r.script, r.font])).toEqual(runs);
  });

  it('bold text takes the bold face of script fonts that have one', () => {
    expect(splitRuns('كندا', 'bold').map((r) => r.font)).toEqual(['arab-bold']);
    expect(splitRuns('กระทรวง', 'semibold').map((r) => r.font)).toEqual(['thai-bold']);
  });

  it('every script the brief names has a font: nothing is missing', () => {
    for (const words of Object.values(SAMPLES)) for (const w of words) expect(missingGlyphs(w), w).toEqual([]);
  });

  const word = fc.constantFrom(...Object.values(SAMPLES).flat());
  const mix = fc.array(word, { minLength: 1, maxLength: 12 }).chain((ws) =>
    fc.array(fc.constantFrom(' ', ''), { minLength: ws.length, maxLength: ws.length }).map((gaps) => ws.map((w, i) => w + gaps[i]).join('')));

  it('property: runs cover the text in order, each in one script, each drawn by a font that has every character', () => {
    fc.assert(
      fc.property(mix, fc.constantFrom('regular', 'bold', 'italic') as fc.Arbitrary<'regular' | 'bold' | 'italic'>, (text, face) => {
        const runs = splitRuns(text, face);
        expect(runs.map((r) => r.text).join('')).toBe(text);
        for (const r of runs) {
          const scripts = new Set([...r.text].map(scriptOf).filter((s) => s !== null));
          expect(scripts.size, r.text).toBeLessThanOrEqual(1);
          const f = getFont(r.font);
          for (const ch of r.text) if (!/\p{M}/u.test(ch)) expect(f.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0), `${ch} in ${r.font}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('bidi reordering (rule L2)', () => {
  it.each([
    [[0, 0, 0], [0, 1, 2]],
    [[1, 1, 1], [2, 1, 0]],
    [[0, 1, 1, 0], [0, 2, 1, 3]],
    [[1, 2, 2, 1], [3, 1, 2, 0]],
    [[0, 1, 2, 1, 0], [0, 3, 2, 1, 4]],
  ])('levels %j are drawn in the order %j', (levels, order) => {
    expect(visualOrder(levels)).toEqual(order);
  });

  const span: Span = { text: '', face: 'regular', size: 10, color: '#000' };
  const set = (text: string, width = 1000) =>
    breakLines([{ ...span, text }], { width, justify: false, hyphenate: false, lang: 'en' });

  it('an Arabic sentence with a number: words right to left, the number left to right, listed in logical order', () => {
    const [line] = set('وزارة الخارجية 2024 مع كندا');
    const f = line!.fragments;
    // Logical order is kept (the text layer reads as written)...
    expect(f.map((x) => x.text).join('')).toBe('وزارة الخارجية 2024 مع كندا');
    // ...and drawn right to left: the first word is rightmost, the number between the phrases.
    const at = (s: string): number => f.find((x) => x.text.includes(s))!.x;
    expect(at('وزارة')).toBeGreaterThan(at('2024'));
    expect(at('2024')).toBeGreaterThan(at('كندا'));
    const digits = f.find((x) => x.text.includes('2024'))!;
    expect(digits.text.trim()).toBe('2024');
  });

  it('a Latin paragraph with a Hebrew phrase keeps Latin left to right, the phrase reversed', () => {
    const [line] = set('Office משרד החוץ today');
    const at = (s: string): number => line!.fragments.find((x) => x.text.includes(s))!.x;
    expect(at('Office')).toBeLessThan(at('החוץ'));
    expect(at('החוץ')).toBeLessThan(at('משרד'));
    expect(at('משרד')).toBeLessThan(at('today'));
  });

  it('right-to-left paragraphs break in logical order and every line is reordered', () => {
    const words = Array.from({ length: 40 }, (_, i) => SAMPLES.Arabic[i % 3]!);
    const lines = set(words.join(' '), 120);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.map((l) => l.fragments.map((x) => x.text).join('').trim()).join(' ').split(/\s+/)).toEqual(words);
    for (const l of lines) {
      // Pieces placed right to left: x decreases along the logical order.
      const xs = l.fragments.filter((x) => x.text.trim() !== '').map((x) => x.x);
      expect(xs).toEqual([...xs].sort((a, b) => b - a));
      expect(l.width).toBeLessThanOrEqual(120.01);
    }
  });

  it('Latin-only text is untouched by bidi (same fragments as before: one per style)', () => {
    const [line] = set('Canada – Republic of Korea 2024');
    expect(line!.fragments.map((x) => x.text)).toEqual(['Canada – Republic of Korea 2024']);
  });
});
