/**
 * Totals that do not add up (new-user report, item 1): beyond rounding of the figures as
 * written is an error (the total would be printed as a headline figure); within it, a warning.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadBriefing } from '../../src/data/index.js';
import { halfUnit, roundingSlack } from '../../src/data/semantic.js';

const doc = (row: string): string => `id: t
language: en
title: T
date: 2026-01-01
classification: UNCLASSIFIED
sections:
  - { id: one, title: One, bullets: [A point.] }
trade:
  currency: CAD
  unit: billion
  reporter: Canada
  partner: Korea
  years:
    - ${row}
`;

function totals(row: string): { ok: boolean; found: string[] } {
  const r = loadBriefing({ file: 't.yaml', text: doc(row) });
  // Column of a field's value in the row (the row starts after `    - ` on line 14).
  const at = (d: { loc?: { line: number; col: number } }): string => {
    const field = ['twoWay', 'balance'].find((f) => d.loc?.col === 7 + row.indexOf(`${f}: `) + f.length + 2);
    return `${d.loc?.line}:${field ?? d.loc?.col}`;
  };
  const found = r.diagnostics.filter((d) => d.code === 'data/inconsistent-total').map((d) => `${d.severity} ${at(d)}`);
  return { ok: r.ok, found };
}

describe('trade totals', () => {
  it.each([
    // the new user's file: 5 + 3 = 9 is within rounding of whole numbers (5.4 + 3.4 = 8.8); 5 − 3 = 7 is not
    ['{ year: 2026, exports: 5, imports: 3, twoWay: 9, balance: 7 }', false, ['warning 14:twoWay', 'error 14:balance']],
    ['{ year: 2026, exports: 5, imports: 3, twoWay: 8, balance: 2 }', true, []],
    ['{ year: 2026, exports: 5, imports: 3, twoWay: 10, balance: 2 }', false, ['error 14:twoWay']],
    ['{ year: 2026, exports: 2.2, imports: 2.5, twoWay: 4.8, balance: -0.3 }', true, ['warning 14:twoWay']],
    ['{ year: 2026, exports: 2.2, imports: 2.5, twoWay: 4.9, balance: -0.3 }', false, ['error 14:twoWay']],
    ['{ year: 2026, exports: 1.72, imports: 2.19, twoWay: 3.92, balance: -0.47 }', true, ['warning 14:twoWay']],
    ['{ year: 2026, exports: 1.72, imports: 2.19, twoWay: 3.93, balance: -0.47 }', false, ['error 14:twoWay']],
    ['{ year: 2026, exports: 1.72, imports: 2.19, twoWay: 3.91, balance: 0.47 }', false, ['error 14:balance']],
    ['{ year: 2026, exports: 0.1, imports: 0.2, twoWay: 0.3, balance: -0.1 }', true, []],
  ])('%s', (row, ok, found) => {
    expect(totals(row)).toEqual({ ok, found });
  });

  it.each([
    [5, 0.5],
    [1.2, 0.05],
    [1.72, 0.005],
    [-0.47, 0.005],
    [1e21, 0.5],
    [1.5e-7, 0.5e-8],
  ])('half a unit of the last decimal of %s is %s', (n, half) => {
    expect(halfUnit(n)).toBeCloseTo(half, 12);
  });

  it('never calls a correctly rounded total an error (property)', () => {
    // True values with 3 decimals, written rounded to 1: the written total is off by rounding only.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99_999 }), (a, b) => {
        const r1 = (x: number): number => Math.round(x / 100) / 10;
        const [e, i] = [r1(a), r1(b)];
        const t = r1(a + b);
        expect(Math.abs(t - (e + i))).toBeLessThanOrEqual(roundingSlack(e, i) + 1e-9);
      }),
    );
  });
});
