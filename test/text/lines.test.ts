import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakLines } from '../../src/text/lines.js';
import type { Span } from '../../src/text/lines.js';
import { textWidth } from '../../src/text/measure.js';
import { SAMPLES } from './script-samples.js';

/*
 * The line breaker measures words one by one, but a line is set (and drawn) as whole runs:
 * digits and spaces take the script and font of their neighbours ("12.5" after Thai is set in
 * the Thai font), and kerning spans the words. A set line must still fit its width: found by
 * the random-briefing test as a hyphenated "écono-" 2 pt past the right margin.
 */

const span = (text: string, size = 10.5): Span => ({ text, face: 'regular', size, color: '#000' });

/** The width of a line as drawn: each fragment's text measured whole. */
const drawn = (l: ReturnType<typeof breakLines>[number]): number =>
  l.fragments.reduce((s, f) => s + textWidth(f.text, f.span.face, f.span.size, f.span.features), 0);

/** Words of a line's text (a line's only word may be cut or shrunk to fit: it is allowed). */
const wordsOf = (l: ReturnType<typeof breakLines>[number]): number => l.fragments.map((f) => f.text).join('').trim().split(/\s+/).length;

describe('breakLines: a set line fits its width', () => {
  it('the line that ran 2 pt past the margin (Thai, then digits, then a hyphenated French word)', () => {
    const text = 'customs กระทรวง 12.5 surplus agreement estimate quota revised extraordinarily telecommunications économique deficit';
    const width = 474;
    const lines = breakLines([span(text)], { width, justify: false, hyphenate: true, lang: 'fr' });
    for (const l of lines) expect(drawn(l)).toBeLessThanOrEqual(width + 0.01);
    // Every word is still there, in order.
    expect(lines.map((l) => l.fragments.map((f) => f.text).join('')).join(' ').replace(/-(?=\S)|- /g, '').replace(/\s+/g, ' ').trim()).toBe(text);
  });

  it('property: words of every script, digits and long French words, at any width: no line of two words or more is wider than its column', () => {
    const LATIN = ['customs', 'économique', 'coopération', 'extraordinarily', 'telecommunications', '12.5', '1995', 'quota', 'l’investissement'];
    const word = fc.constantFrom(...LATIN, ...Object.values(SAMPLES).flat());
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 60 }), fc.integer({ min: 60, max: 520 }), fc.constantFrom('en', 'fr') as fc.Arbitrary<'en' | 'fr'>, fc.boolean(), (ws, width, lang, justify) => {
        const lines = breakLines([span(ws.join(' '))], { width, justify, hyphenate: true, lang });
        for (const l of lines) if (wordsOf(l) > 1) expect(drawn(l), ws.join(' ')).toBeLessThanOrEqual(width + 0.01);
      }),
      { seed: 15_000_401, numRuns: 400 },
    );
  });
});
