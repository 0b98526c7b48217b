/**
 * One chart rule set (src/data/chart-rules.ts): the data stage (loading a file) and the chart
 * stage (a spec handed to `checkChart`) report the same problem with the same code and path,
 * every problem located with a hint; over hostile specs the rules never throw and decide
 * exactly when the chart stage can extract data.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkChart } from '../../src/charts/index.js';
import { chartProblems, loadBriefing } from '../../src/data/index.js';
import type { Briefing } from '../../src/data/types.js';

const YEARS = [
  { year: 1993, exports: 1.72, imports: 2.19, twoWay: 3.91, balance: -0.47 },
  { year: 1994, exports: 2.2, imports: 2.5, twoWay: 4.7, balance: -0.3 },
];
const TRADE = { currency: 'CAD', unit: 'billion', reporter: 'Canada', partner: 'Korea', years: YEARS };
const SERIES = [{ field: 'exports', label: 'Exports' }, { field: 'imports', label: 'Imports' }];
const chart = (over: Record<string, unknown>): Record<string, unknown> => ({ name: 'c', type: 'grouped-bar', title: 'Trade', series: SERIES, ...over });

/** A briefing file's data holding one chart. */
function data(c: Record<string, unknown>, trade: unknown): Record<string, unknown> {
  return {
    id: 'b', language: 'en', title: 'T', date: '1995-10-01', classification: 'UNCLASSIFIED',
    sections: [{ id: 's', title: 'S', bullets: ['One.'] }],
    ...(trade === undefined ? {} : { trade }),
    charts: [c],
  };
}

const cases: { name: string; chart: Record<string, unknown>; trade?: unknown; code: string; path: string; severity: 'error' | 'warning' }[] = [
  { name: 'doughnut without a year', chart: chart({ type: 'doughnut' }), code: 'data/chart-year', path: 'charts[0].year', severity: 'error' },
  { name: 'doughnut of a year with no figures', chart: chart({ type: 'doughnut', year: 1990 }), code: 'data/chart-year', path: 'charts[0].year', severity: 'error' },
  { name: 'year on a bar chart', chart: chart({ year: 1994 }), code: 'data/chart-year', path: 'charts[0].year', severity: 'warning' },
  {
    name: 'balance in a doughnut',
    chart: chart({ type: 'doughnut', year: 1994, series: [{ field: 'balance', label: 'B' }] }),
    code: 'data/chart-series', path: 'charts[0].series[0].field', severity: 'error',
  },
  { name: 'no trade data', chart: chart({}), trade: undefined, code: 'data/chart-data', path: 'charts[0]', severity: 'error' },
  {
    name: 'doughnut with only zero shares',
    chart: chart({ type: 'doughnut', year: 1994 }),
    trade: { ...TRADE, years: [{ year: 1994, exports: 0, imports: 0, twoWay: 0, balance: 0 }] },
    code: 'data/chart-empty', path: 'charts[0].series', severity: 'error',
  },
  { name: 'balance chart with two series', chart: chart({ type: 'balance' }), code: 'data/chart-extra-series', path: 'charts[0].series[1]', severity: 'warning' },
];

describe('one rule set, one code per problem', () => {
  it.each(cases)('$name: $code at $path in the data stage and the chart stage', (c) => {
    const d = data(c.chart, 'trade' in c ? c.trade : TRADE);
    const loaded = loadBriefing({ file: 'b.json', text: JSON.stringify(d, null, 2) });
    const found = loaded.diagnostics.filter((x) => x.code.startsWith('data/chart-'));
    expect(found.map((x) => [x.code, x.path, x.severity])).toEqual([[c.code, c.path, c.severity]]);
    expect(found[0]?.loc?.file).toBe('b.json');
    expect(found[0]?.loc?.line, 'located in the file').toBeGreaterThan(1);
    expect(found[0]?.hint, 'says how to fix it').toMatch(/\S/);

    // The chart stage, given the same spec in a briefing that never passed the data stage.
    const briefing = { ...d, trade: 'trade' in c ? c.trade : TRADE } as unknown as Briefing;
    const res = checkChart(c.chart, briefing, { path: 'charts[0]', locate: (p) => ({ file: 'b.json', line: p.length, col: 1 }) });
    if (c.severity === 'warning') {
      // Warnings are the data stage's to report (once per build); the chart is still drawn.
      expect(res.ok).toBe(true);
      expect(res.diagnostics).toEqual([]);
    } else {
      expect(res.ok).toBe(false);
      expect(res.diagnostics.map((x) => [x.code, x.path])).toEqual([[c.code, c.path]]);
      expect(res.diagnostics[0]?.loc?.line).toBeGreaterThan(0);
    }
  });

  it('reports the year of a doughnut even when a series is also wrong (all errors at once)', () => {
    const problems = chartProblems(chart({ type: 'doughnut', series: [{ field: 'balance', label: 'B' }] }), ['charts', 0], TRADE);
    expect(problems.map((p) => p.code)).toEqual(['data/chart-series', 'data/chart-year']);
  });
});

const CODES = ['data/chart-spec', 'data/chart-type', 'data/chart-series', 'data/chart-extra-series', 'data/chart-year', 'data/chart-data', 'data/chart-empty'];
const hostile = fc.oneof(fc.anything(), fc.constantFrom(-1, 0, 1994, Number.NaN, Number.POSITIVE_INFINITY, '', 'doughnut', 'balance', 'exports', null));
const hostileSpec = fc.record(
  {
    name: fc.oneof(fc.constant('c'), hostile),
    type: fc.oneof(fc.constantFrom('grouped-bar', 'line', 'doughnut', 'balance', 'pie'), hostile),
    year: fc.oneof(fc.constantFrom(1993, 1994, 1990), hostile),
    x: fc.oneof(fc.constant('year'), hostile),
    series: fc.oneof(
      fc.array(fc.record({ field: fc.oneof(fc.constantFrom('exports', 'imports', 'twoWay', 'balance'), hostile), label: hostile }), { maxLength: 4 }),
      hostile,
    ),
  },
  { requiredKeys: [] },
);
const hostileYear = fc.record(
  { year: fc.oneof(fc.constantFrom(1993, 1994), hostile), exports: fc.oneof(fc.double(), hostile), imports: fc.double(), twoWay: fc.double(), balance: fc.double(), derived: hostile },
  { requiredKeys: ['year'] },
);
const hostileTrade = fc.oneof(
  fc.record({ currency: hostile, unit: fc.oneof(fc.constantFrom('billion', 'one'), hostile), years: fc.oneof(fc.array(hostileYear, { maxLength: 3 }), hostile) }),
  hostile,
);

describe('hostile specs and trade data', () => {
  it('never throw, use the known codes with a hint, and decide exactly when data is extracted', () => {
    fc.assert(
      fc.property(fc.oneof(hostileSpec, hostile), hostileTrade, (spec, trade) => {
        const problems = chartProblems(spec, ['charts', 0], trade);
        for (const p of problems) {
          expect(CODES).toContain(p.code);
          expect(p.hint).toMatch(/\S/);
          expect(p.path[0] === 'charts' || p.path[0] === 'trade').toBe(true);
        }
        const briefing = { language: 'en', charts: [spec], trade } as unknown as Briefing;
        const res = checkChart(spec, briefing, { path: 'charts[0]' });
        expect(res.ok).toBe(!problems.some((p) => p.severity === 'error'));
        if (res.ok) {
          expect(res.data.labels.length).toBe(res.data.years.length);
          for (const s of res.data.series) {
            expect(s.values.length).toBe(res.data.years.length);
            for (const v of s.values) expect(Number.isFinite(v)).toBe(true);
          }
        }
      }),
      { numRuns: 400, seed: 0x14c4 },
    );
  });
});
