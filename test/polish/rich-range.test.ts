/**
 * `~` in rich text: between two digits a range that stays a tilde (Korean `14~15일`,
 * `1,350~1,400원`); between other letters and digits a no-break space, as before.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRich, richPlain } from '../../src/data/rich.js';

const plain = (s: string): string => richPlain(parseRich(s).nodes);

describe('~ in rich text', () => {
  it.each([
    ['3월 14~15일', '3월 14~15일'],
    ['1,350~1,400원', '1,350~1,400원'],
    ['2~3', '2~3'],
    ['١~٢', '١~٢'], // Arabic-Indic digits are digits too
    ['Kim~Young~Sam', 'Kim\u00a0Young\u00a0Sam'],
    ['5~%', '5\u00a0%'],
    ['p.~12', 'p.\u00a012'],
    ['12~h', '12\u00a0h'],
    ['a~5', 'a\u00a05'],
    ['5\u00a0000', '5\u00a0000'],
  ])('%s', (src, out) => {
    expect(plain(src)).toBe(out);
  });

  it('never turns a tilde between two digits into a space (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), fc.string(), (a, x, y, b) => {
        const src = `${a.replace(/[\\~]/g, '')} ${x}~${y} ${b.replace(/[\\~]/g, '')}`;
        expect(plain(src)).toContain(`${x}~${y}`);
      }),
    );
  });
});
