import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../../src/data/suggest.js';

/*
 * Our own edit distance replaced the fastest-levenshtein dependency (it was a dev dependency
 * reached from runtime code, so the published package failed to load). That package stays as a
 * dev dependency: the oracle the property below compares against.
 */
describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['subtitel', 'subtitle', 2],
    ['classificaton', 'classification', 1],
    ['same', 'same', 0],
    ['a', 'b', 1],
    ['ab', 'ba', 2],
    ['😀', '😃', 1], // UTF-16 code units: the two emoji share their high surrogate
    ['é', 'e\u0301', 2],
  ])('%j → %j: %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('agrees with fastest-levenshtein on any strings', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '-', 'é', '\uD83D', '\uDE00'), maxLength: 24 });
    fc.assert(fc.property(text, text, (a, b) => editDistance(a, b) === distance(a, b)), { numRuns: 500 });
    const any = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(fc.property(any, any, (a, b) => editDistance(a, b) === distance(a, b)), { numRuns: 300 });
  });

  it('is a metric: zero only for equal strings, symmetric, triangle inequality', () => {
    const s = fc.string({ unit: fc.constantFrom('x', 'y', 'z'), maxLength: 10 });
    fc.assert(fc.property(s, s, s, (a, b, c) => {
      expect(editDistance(a, b) === 0).toBe(a === b);
      expect(editDistance(a, b)).toBe(editDistance(b, a));
      expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c));
      expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
      expect(editDistance(a, b)).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
    }));
  });

  it('stays quick on a hostile field name', () => {
    const long = 'x'.repeat(20_000);
    const t = performance.now();
    expect(suggest(long, ['title', 'subtitle', 'classification', 'date'])).toBeUndefined();
    expect(performance.now() - t).toBeLessThan(2_000);
  });
});
