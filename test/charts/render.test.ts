import { beforeEach, describe, expect, it } from 'vitest';
import { chartCacheStats, clearChartCache, renderChart, renderCharts } from '../../src/charts/index.js';
import type { ChartAsset, DrawOp } from '../../src/charts/index.js';
import type { ChartSpec } from '../../src/data/types.js';
import { EXPORTS_IMPORTS, briefing, input, spec } from './fixtures.js';

function render(s: ChartSpec, lang: 'en' | 'fr' = 'en'): ChartAsset {
  const res = renderChart(s, input(briefing([s], { language: lang })));
  expect(res.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  if (!res.asset) throw new Error('no asset');
  return res.asset;
}

function texts(a: ChartAsset): string[] {
  return a.ops.flatMap((op) => (op.kind === 'text' ? [op.text] : []));
}

type Box = { l: number; t: number; r: number; b: number };
function box(op: DrawOp): Box {
  const segs = op.kind === 'path' || op.kind === 'clip' ? op.segments : [];
  const xs = segs.flatMap((s) => (s.op === 'Z' ? [] : [s.x]));
  const ys = segs.flatMap((s) => (s.op === 'Z' ? [] : [s.y]));
  return { l: Math.min(...xs), t: Math.min(...ys), r: Math.max(...xs), b: Math.max(...ys) };
}

/** Hatch groups: a clip followed by a stroked path of several separate lines. */
function hatches(a: ChartAsset): Box[] {
  const out: Box[] = [];
  a.ops.forEach((op, i) => {
    const next = a.ops[i + 1];
    if (op.kind !== 'clip' || next?.kind !== 'path' || !next.paint.stroke) return;
    if (next.segments.filter((s) => s.op === 'M').length >= 3) out.push(box(op));
  });
  return out;
}

const NBSP = '\u00a0';

describe('chart types', () => {
  beforeEach(() => clearChartCache());
  const cases: { type: ChartSpec['type']; extra?: Partial<ChartSpec>; expect: string[] }[] = [
    { type: 'grouped-bar', expect: ['1993*', '1994', `$2${NBSP}B`, `$2.2${NBSP}B`, `$2.5${NBSP}B`, 'Exports to Korea', 'Imports from Korea'] },
    { type: 'stacked-bar', expect: ['1993*', '1994', `$4${NBSP}B`, `$2.5${NBSP}B`, 'Imports from Korea'] },
    { type: 'horizontal-bar', expect: ['1993*', '1994', `$1${NBSP}B`, `$1.7${NBSP}B`, 'Exports to Korea'] },
    { type: 'line', expect: ['1993*', '1994', `$1${NBSP}B`, `$2.5${NBSP}B`, 'Exports to Korea', 'Derived values (*)'] },
    {
      type: 'balance',
      extra: { series: [{ field: 'balance', label: 'Trade balance' }] },
      expect: ['1993*', `−$0.3${NBSP}B`, `−$0.5${NBSP}B`, 'Deficit', `$0.0${NBSP}B`],
    },
    {
      type: 'doughnut',
      extra: { year: 1994 },
      expect: [`Exports to Korea: $2.2${NBSP}B`, `Imports from Korea: $2.5${NBSP}B`, `47%`, `53%`, `$4.7${NBSP}B`, '1994'],
    },
  ];
  it.each(cases)('$type draws paths and the expected text', (c) => {
    const a = render(spec({ type: c.type, ...c.extra }));
    expect(a.ops.some((op) => op.kind === 'path')).toBe(true);
    const t = texts(a);
    for (const s of c.expect) expect(t).toContain(s);
    expect(a.width).toBe(451.28);
    expect(a.height).toBeCloseTo(451.28 * 0.5);
    // Text stays inside the recorded area and is printed at the theme's chart size.
    for (const op of a.ops) {
      if (op.kind !== 'text') continue;
      expect(op.x).toBeGreaterThanOrEqual(0);
      expect(op.y).toBeLessThanOrEqual(a.height);
      expect(op.size).toBeGreaterThanOrEqual(7.5);
      expect(op.face).toMatch(/regular|semibold|bold/);
    }
  });

  it('puts no title inside the chart', () => {
    expect(texts(render(spec()))).not.toContain('Canada–Korea merchandise trade');
  });
});

describe('derived years', () => {
  it.each(['grouped-bar', 'stacked-bar', 'horizontal-bar', 'balance'] as const)('%s hatches the derived bars only', (type) => {
    const a = render(spec({ type }));
    const bars = hatches(a).filter((h) => h.r - h.l > 12 || h.b - h.t > 12);
    expect(bars.length).toBeGreaterThanOrEqual(type === 'balance' ? 1 : 2);
    // Every hatched bar sits with the 1993 category: left of (or above) the 1994 bars.
    const y1994 = a.ops.find((op) => op.kind === 'text' && op.text === '1994');
    if (y1994?.kind !== 'text') throw new Error('no 1994 label');
    for (const h of bars) {
      if (type === 'horizontal-bar') expect(h.b).toBeLessThan(y1994.y - 4);
      else expect(h.r).toBeLessThan(y1994.x);
    }
    // How they were derived goes to derivedNotes (speaker notes); the document says it once in its text.
    expect(a.derivedNotes?.join(' ')).toContain('* 1993 values are derived (hatched): Derived from the 1994 figures');
    expect(a.notes).toEqual([]);
    expect(texts(a)).toContain('Derived values (*)');
  });

  it('does not hatch or note anything when no year is derived', () => {
    const years = briefing().trade?.years.map(({ derived: _d, ...y }) => y) ?? [];
    const b = briefing([spec()]);
    const plain = { ...b, trade: b.trade ? { ...b.trade, years } : undefined };
    const a = renderChart(spec(), input(plain)).asset;
    expect(a && hatches(a)).toEqual([]);
    expect(a?.notes).toEqual([]);
    expect(a?.derivedNotes).toEqual([]);
    expect(a && texts(a)).toContain('1993');
  });

  it('notes open markers on line charts, in French too', () => {
    expect(render(spec({ type: 'line' })).derivedNotes?.[0]).toMatch(/^\* 1993 values are derived \(open markers\)/);
    expect(render(spec({ type: 'line' }), 'fr').derivedNotes?.[0]).toMatch(/^\* Les valeurs de 1993 sont dérivées \(marqueurs vides\)/);
  });
});

describe('languages', () => {
  it('formats ticks and labels by locale', () => {
    const en = texts(render(spec()));
    const fr = texts(render(spec(), 'fr'));
    expect(en).toContain(`$2.2${NBSP}B`);
    expect(fr).toContain(`2,2${NBSP}G$`);
    expect(fr).toContain(`2${NBSP}G$`);
    expect(fr).toContain('Valeurs dérivées (*)');
  });

  it('writes alt text with values, units and the trend', () => {
    const en = render(spec()).alt;
    expect(en).toContain('in billions of Canadian dollars');
    expect(en).toContain('Exports to Korea: $1.7 billion in 1993 (derived), $2.2 billion in 1994.');
    expect(en).toContain('Exports to Korea rose from $1.7 billion in 1993 (derived) to $2.2 billion in 1994');
    expect(en).toContain('imports from Korea rose from $2.2 billion in 1993 (derived) to $2.5 billion in 1994');
    const fr = render(spec(), 'fr').alt;
    expect(fr).toContain('milliards de dollars canadiens');
    expect(fr).toMatch(/Exports to Korea\u00a0: hausse de 1,7\u00a0milliard\u00a0\$ en 1993 \(valeur dérivée\)/);
    const balance = render(spec({ type: 'balance', series: [{ field: 'balance', label: 'Trade balance' }] })).alt;
    expect(balance).toContain('the deficit narrowed from $0.5 billion in 1993 (derived) to $0.3 billion in 1994');
    const doughnut = render(spec({ type: 'doughnut', year: 1994 })).alt;
    expect(doughnut).toContain('$2.2 billion (47');
  });

  it('builds the data table with a header row', () => {
    const a = render(spec({ showTable: true }));
    expect(a.showTable).toBe(true);
    expect(a.table).toEqual([
      ['Year', 'Exports to Korea', 'Imports from Korea'],
      ['1993*', `$1.72${NBSP}B`, `$2.19${NBSP}B`],
      ['1994', `$2.20${NBSP}B`, `$2.50${NBSP}B`],
    ]);
  });
});

describe('cache and determinism', () => {
  beforeEach(() => clearChartCache());
  it('renders the same ops twice, with the same hash', () => {
    const s = spec({ type: 'line' });
    const a = renderChart(s, input(briefing([s]))).asset;
    clearChartCache();
    const b = renderChart(s, input(briefing([s]))).asset;
    expect(a).not.toBe(b);
    expect(JSON.stringify(b?.ops)).toBe(JSON.stringify(a?.ops));
    expect(b?.hash).toBe(a?.hash);
    expect(a?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves unchanged charts from the cache', () => {
    const charts = [spec(), spec({ name: 'b', type: 'balance', series: [{ field: 'balance', label: 'Balance' }] })];
    const first = renderCharts(input(briefing(charts)));
    expect(chartCacheStats()).toMatchObject({ hits: 0, misses: 2 });
    const again = renderCharts(input(briefing(charts)));
    expect(chartCacheStats()).toMatchObject({ hits: 2, misses: 2 });
    expect(again.assets.get('b')).toBe(first.assets.get('b'));
    // A changed chart, width or location-only change.
    renderCharts(input(briefing([spec({ series: [EXPORTS_IMPORTS[0]] })])));
    expect(chartCacheStats().misses).toBe(3);
    renderCharts(input(briefing(charts), 400));
    expect(chartCacheStats().misses).toBe(5);
    renderCharts(input(briefing([{ ...charts[0]!, loc: { file: 'x.yaml', line: 3, col: 1 } }])));
    expect(chartCacheStats().hits).toBe(3);
  });
});
