import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearChartCache, drawChartData, labelPriorities, seriesRegistry, thinLabels } from '../../src/charts/index.js';
import type { Box, ChartData, DrawOp, LabelCandidate } from '../../src/charts/index.js';
import { runWidth, splitRuns } from '../../src/text/measure.js';
import { defaultTheme } from '../../src/theme/index.js';

const GAP = 3;
const tooClose = (a: Box, b: Box, gap: number): boolean =>
  a.l < b.r + gap - 1e-9 && b.l < a.r + gap - 1e-9 && a.t < b.b + gap - 1e-9 && b.t < a.b + gap - 1e-9;
const within = (b: Box, a: Box): boolean => b.l >= a.l - 1e-9 && b.r <= a.r + 1e-9 && b.t >= a.t - 1e-9 && b.b <= a.b + 1e-9;

describe('labelPriorities', () => {
  it.each([
    [[5], [0]],
    [[1, 2], [0, 0]],
    [[1, 9, 2, 3, 4], [0, 0, 3, 4, 0]],
    [[3, 1, 2, 2, 2, 2, 2, 9, 4], [0, 0, 4, 5, 3, 5, 4, 0, 0]],
  ])('%j: first, last and extremes first, then by halving', (values, want) => {
    expect(labelPriorities(values)).toEqual(want);
  });
});

describe('thinLabels', () => {
  const area = { l: 0, t: 0, r: 100, b: 50 };
  it.each<[string, LabelCandidate[], number[]]>([
    ['keeps labels that fit', [{ id: 0, priority: 0, boxes: [{ l: 0, t: 0, r: 10, b: 5 }] }, { id: 1, priority: 0, boxes: [{ l: 20, t: 0, r: 30, b: 5 }] }], [0, 1]],
    ['drops the later of two overlapping labels', [{ id: 0, priority: 0, boxes: [{ l: 0, t: 0, r: 10, b: 5 }] }, { id: 1, priority: 0, boxes: [{ l: 5, t: 0, r: 15, b: 5 }] }], [0]],
    ['keeps the higher priority one', [{ id: 0, priority: 3, boxes: [{ l: 0, t: 0, r: 10, b: 5 }] }, { id: 1, priority: 0, boxes: [{ l: 5, t: 0, r: 15, b: 5 }] }], [1]],
    ['moves a label to its second position', [{ id: 0, priority: 0, boxes: [{ l: 0, t: 0, r: 10, b: 5 }] }, { id: 1, priority: 1, boxes: [{ l: 5, t: 0, r: 15, b: 5 }, { l: 5, t: 20, r: 15, b: 25 }] }], [0, 1]],
    ['keeps the minimum spacing', [{ id: 0, priority: 0, boxes: [{ l: 0, t: 0, r: 10, b: 5 }] }, { id: 1, priority: 0, boxes: [{ l: 11, t: 0, r: 20, b: 5 }] }], [0]],
    ['never outside the area', [{ id: 0, priority: 0, boxes: [{ l: 95, t: 0, r: 105, b: 5 }] }, { id: 1, priority: 0, boxes: [{ l: 0, t: -1, r: 10, b: 4 }] }], []],
    ['never a non-finite box', [{ id: 0, priority: 0, boxes: [{ l: Number.NaN, t: 0, r: 10, b: 5 }] }], []],
  ])('%s', (_name, cands, ids) => {
    expect(thinLabels(cands, { area, gap: GAP }).map((k) => k.id)).toEqual(ids);
  });

  it('clears obstacles, except the label\u2019s own', () => {
    const cands = [{ id: 0, priority: 0, boxes: [{ l: 0, t: 0, r: 10, b: 5 }], own: 0 }, { id: 1, priority: 0, boxes: [{ l: 30, t: 0, r: 40, b: 5 }] }];
    const obstacles = [{ l: 0, t: 0, r: 10, b: 50 }, { l: 35, t: 3, r: 45, b: 50 }];
    expect(thinLabels(cands, { area, gap: GAP, obstacles }).map((k) => k.id)).toEqual([0]);
  });

  // A line chart's labels as the plugin builds them: one per point, above or below it, in an
  // area the size of a chart's plot, from values up to 10^15 and below zero.
  const series = fc.array(fc.oneof(fc.double({ min: -1e15, max: 1e15, noNaN: true }), fc.integer({ min: -1000, max: 1000 })), { minLength: 2, maxLength: 60 });
  it('never keeps two labels closer than the spacing, nor one outside the area (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(series, { minLength: 1, maxLength: 3 }), fc.integer({ min: 80, max: 600 }), (data, width) => {
        const plot = { l: 40, t: 5, r: 40 + width, b: 5 + width / 2 };
        const all = data.flat();
        const lo = Math.min(...all), hi = Math.max(...all);
        const yOf = (v: number): number => plot.b - ((v - lo) / (hi - lo || 1)) * (plot.b - plot.t);
        const cands: LabelCandidate[] = [];
        data.forEach((values, d) => {
          const pr = labelPriorities(values);
          values.forEach((v, i) => {
            const x = plot.l + ((i + 0.5) / values.length) * width;
            const w = String(Math.round(v)).length * 4.2 + 8;
            const cx = Math.max(plot.l + 1, Math.min(x - w / 2, plot.r - w - 1));
            const y = yOf(v);
            cands.push({ id: d * 100 + i, priority: pr[i] ?? 0, boxes: [{ l: cx, t: y - 12, r: cx + w, b: y - 5 }, { l: cx, t: y + 5, r: cx + w, b: y + 12 }] });
          });
        });
        const kept = thinLabels(cands, { area: plot, gap: GAP });
        for (const [i, a] of kept.entries()) {
          expect(within(a.box, plot)).toBe(true);
          for (const b of kept.slice(i + 1)) expect(tooClose(a.box, b.box, GAP)).toBe(false);
        }
        // Thinning keeps something whenever a first label fits at all.
        if (cands.some((c) => c.priority === 0 && c.boxes.some((b) => within(b, plot)))) expect(kept.length).toBeGreaterThan(0);
      }),
      { seed: 1511, numRuns: 300 },
    );
  });
});

/** The value labels (semibold text) of a drawing, as boxes in chart space. */
function labelBoxes(ops: readonly DrawOp[]): Box[] {
  return ops.flatMap((op) => {
    if (op.kind !== 'text' || op.face !== 'semibold') return [];
    const w = splitRuns(op.text, op.face).reduce((s, r) => s + runWidth(r.text, r.font, op.size), 0);
    return [{ l: op.x, t: op.y - op.size * 0.66, r: op.x + w, b: op.y }];
  });
}

/** The plot area: the extent of the value axis' grid lines (they span it). */
function plotArea(ops: readonly DrawOp[]): Box {
  let l = Infinity, t = Infinity, r = -Infinity, b = -Infinity;
  for (const op of ops) {
    if (op.kind !== 'path' || !op.paint.stroke || op.paint.fill) continue;
    if (!['#dde1e6', '#5a6270'].includes(op.paint.stroke)) continue;
    const pts = op.segments.flatMap((s) => (s.op === 'Z' ? [] : [s]));
    if (pts.length !== 2 || Math.abs((pts[0]?.y ?? 0) - (pts[1]?.y ?? 1)) > 0.01) continue;
    for (const p of pts) {
      l = Math.min(l, p.x); r = Math.max(r, p.x); t = Math.min(t, p.y); b = Math.max(b, p.y);
    }
  }
  return { l, t, r, b };
}

describe('value labels of drawn charts (fast-check)', () => {
  it('line and bar charts of 2 to 60 points: labels inside the plot area, none overlapping', () => {
    clearChartCache();
    const value = fc.oneof(fc.integer({ min: -9_999_999_999, max: 9_999_999_999 }), fc.double({ min: -5, max: 5, noNaN: true }));
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 60 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.array(value, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 2 }))),
        fc.constantFrom('line', 'grouped-bar', 'balance') as fc.Arbitrary<ChartData['type']>,
        ([n, series], type) => {
          const years = Array.from({ length: n }, (_, i) => 1990 + i);
          const fields = ['exports', 'imports'] as const;
          const data: ChartData = {
            type, language: 'en', currency: 'KRW', unit: 'one',
            labels: years.map(String), years, derived: years.map(() => undefined),
            series: (type === 'balance' ? series.slice(0, 1) : series).map((values, j) => ({ field: fields[j] ?? 'exports', key: fields[j] ?? 'exports', label: `S${j}`, values })),
          };
          const { recording, labelled } = drawChartData(data, { theme: defaultTheme, registry: seriesRegistry([], defaultTheme), width: 451, height: 225 });
          const boxes = labelBoxes(recording.ops);
          const area = plotArea(recording.ops);
          expect(boxes.length).toBe(labelled.flat().length);
          for (const [i, a] of boxes.entries()) {
            expect(within(a, { l: area.l - 0.5, t: area.t - 0.5, r: area.r + 0.5, b: area.b + 0.5 }), JSON.stringify({ a, area })).toBe(true);
            for (const c of boxes.slice(i + 1)) expect(tooClose(a, c, 0), JSON.stringify([a, c])).toBe(false);
          }
          // Money is what is printed, in full.
          for (const op of recording.ops) if (op.kind === 'text' && op.face === 'semibold') expect(op.text).toMatch(/^[\u2212+]?KRW\s\S/u);
        },
      ),
      { seed: 1512, numRuns: Number(process.env['FC_RUNS'] ?? 40) },
    );
  }, 120_000);
});
