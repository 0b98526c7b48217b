import { describe, expect, it } from 'vitest';
import { chartData, renderChart, renderCharts } from '../../src/charts/index.js';
import type { Briefing, ChartSpec, TradeYear } from '../../src/data/types.js';
import { UserError } from '../../src/diag/errors.js';
import type { SourceLoc } from '../../src/diag/types.js';
import { YEARS, briefing, input, spec } from './fixtures.js';

const locate = (path: string): SourceLoc => ({ file: 'data/b.yaml', line: path.length, col: 3 });

function withYears(years: unknown): Briefing {
  const b = briefing();
  return { ...b, trade: b.trade ? { ...b.trade, years: years as readonly TradeYear[] } : undefined };
}

describe('bad specs give located diagnostics and no asset', () => {
  const cases: { name: string; spec: unknown; b?: Briefing; code: string; path: string }[] = [
    { name: 'unknown type', spec: { ...spec(), type: 'pie' }, code: 'data/chart-type', path: 'charts[0].type' },
    { name: 'type missing', spec: { ...spec(), type: undefined }, code: 'data/chart-type', path: 'charts[0].type' },
    {
      name: 'unknown field',
      spec: spec({ series: [{ field: 'exprts' as 'exports', label: 'x' }] }),
      code: 'data/chart-series',
      path: 'charts[0].series[0].field',
    },
    { name: 'doughnut year absent', spec: spec({ type: 'doughnut', year: 1990 }), code: 'data/chart-year', path: 'charts[0].year' },
    { name: 'doughnut without year', spec: spec({ type: 'doughnut' }), code: 'data/chart-year', path: 'charts[0].year' },
    { name: 'x not year', spec: { ...spec(), x: 'month' }, code: 'data/chart-spec', path: 'charts[0].x' },
    { name: 'no trade data', spec: spec(), b: { ...briefing(), trade: undefined }, code: 'data/chart-data', path: 'charts[0]' },
    {
      name: 'value missing in a year',
      spec: spec(),
      b: withYears([{ year: 1994, imports: 2.5 }]),
      code: 'data/chart-data',
      path: 'trade.years[0].exports',
    },
    {
      name: 'non-numeric value',
      spec: spec(),
      b: withYears([{ ...YEARS[1], exports: '2.2' }]),
      code: 'data/chart-data',
      path: 'trade.years[0].exports',
    },
    {
      name: 'non-finite value',
      spec: spec(),
      b: withYears([YEARS[0], { ...YEARS[1], imports: Number.POSITIVE_INFINITY }]),
      code: 'data/chart-data',
      path: 'trade.years[1].imports',
    },
    {
      name: 'balance in a doughnut',
      spec: spec({ type: 'doughnut', year: 1994, series: [{ field: 'balance', label: 'b' }] }),
      code: 'data/chart-series',
      path: 'charts[0].series[0].field',
    },
    {
      name: 'negative share',
      spec: spec({ type: 'doughnut', year: 1994, series: [{ field: 'exports', label: 'e' }] }),
      b: withYears([{ ...YEARS[1], exports: -1 }]),
      code: 'data/chart-data',
      path: 'trade.years[0].exports',
    },
    { name: 'no years', spec: spec(), b: withYears([]), code: 'data/chart-empty', path: 'trade.years' },
    { name: 'no series', spec: spec({ series: [] }), code: 'data/chart-spec', path: 'charts[0].series' },
    {
      name: 'all-zero doughnut',
      spec: spec({ type: 'doughnut', year: 1994 }),
      b: withYears([{ ...YEARS[1], exports: 0, imports: 0 }]),
      code: 'data/chart-empty',
      path: 'charts[0].series',
    },
    { name: 'not an object', spec: 'grouped-bar', code: 'data/chart-spec', path: 'charts[0]' },
    { name: 'no name', spec: { ...spec(), name: '' }, code: 'data/chart-spec', path: 'charts[0].name' },
    { name: 'series not a list', spec: { ...spec(), series: 'exports' }, code: 'data/chart-spec', path: 'charts[0].series' },
  ];
  it.each(cases)('$name -> $code', (c) => {
    const b = { ...(c.b ?? briefing()), charts: [c.spec as ChartSpec] };
    const res = renderCharts({ ...input(b), locate });
    expect(res.assets.size).toBe(0);
    expect(res.diagnostics.map((d) => [d.code, d.path, d.severity])).toEqual([[c.code, c.path, 'error']]);
    expect(res.diagnostics[0]?.loc).toEqual(locate(c.path));
    expect(res.diagnostics[0]?.message).not.toBe('');
    expect(res.diagnostics[0]?.hint, 'every chart problem says how to fix it').toMatch(/\S/);
  });

  it('falls back to the spec location when the path cannot be located', () => {
    const loc = { file: 'data/b.yaml', line: 40, col: 5 };
    const s = { ...spec(), type: 'pie', loc } as unknown as ChartSpec;
    const res = renderChart(s, input(briefing([s])));
    expect(res.diagnostics[0]).toMatchObject({ code: 'data/chart-type', loc });
  });

  it('reports a name used twice and keeps the first chart', () => {
    const res = renderCharts({ ...input(briefing([spec(), spec({ type: 'line' })])), locate });
    expect(res.assets.size).toBe(1);
    expect(res.diagnostics.map((d) => [d.code, d.path])).toEqual([['data/duplicate', 'charts[1].name']]);
  });

  it('draws a balance chart from its first series; the warning is the data stage\'s', () => {
    const res = renderChart(spec({ type: 'balance' }), input());
    expect(res.asset).toBeDefined();
    expect(res.diagnostics).toEqual([]);
  });

  it('chartData throws a UserError holding the diagnostics', () => {
    const s = spec({ type: 'doughnut', year: 1990 });
    expect(() => chartData(s, briefing([s]))).toThrow(UserError);
    expect(chartData(spec(), briefing()).labels).toEqual(['1993*', '1994']);
  });
});
