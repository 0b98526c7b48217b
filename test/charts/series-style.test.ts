import { describe, expect, it } from 'vitest';
import { renderCharts, seriesKeys, seriesRegistry, stylesFor } from '../../src/charts/index.js';
import type { ChartAsset, DrawOp } from '../../src/charts/index.js';
import type { ChartSpec } from '../../src/data/types.js';
import { defaultTheme } from '../../src/theme/index.js';
import { briefing, input, spec } from './fixtures.js';

const EX = { field: 'exports', label: 'Exports' } as const;
const IM = { field: 'imports', label: 'Imports' } as const;
const TW = { field: 'twoWay', label: 'Two-way' } as const;

/** The swatch colour drawn for each legend entry: the last filled path before its text. */
function legendColours(ops: readonly DrawOp[], labels: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  let fill: string | undefined;
  for (const op of ops) {
    if (op.kind === 'path' && op.paint.fill) fill = op.paint.fill;
    const text = op.kind === 'text' ? op.text.replace(/\u00a0/g, ' ') : '';
    if (labels.includes(text) && fill && !out.has(text)) out.set(text, fill);
  }
  return out;
}

/** The colours of the drawn series: bar fills and line strokes, as sets. */
function drawnColours(a: ChartAsset): { fills: Set<string>; strokes: Set<string> } {
  const fills = new Set<string>(), strokes = new Set<string>();
  for (const op of a.ops) {
    if (op.kind !== 'path') continue;
    if (op.paint.fill) fills.add(op.paint.fill);
    const segs = op.segments.filter((s) => s.op === 'L').length;
    if (op.paint.stroke && segs >= 1 && (op.paint.lineWidth ?? 0) > 1.2) strokes.add(op.paint.stroke);
  }
  return { fills, strokes };
}

describe('one style per series key for the whole document', () => {
  it.each([
    [['exports'], ['exports']],
    [['exports', 'imports', 'exports'], ['exports', 'imports', 'exports#2']],
    [[], []],
  ])('keys of %j are %j', (fields, keys) => {
    expect(seriesKeys(fields)).toEqual(keys);
  });

  it('a series has the same colour in a bar chart and in line charts that plot it in another position', () => {
    const charts: ChartSpec[] = [
      spec({ name: 'bars', type: 'grouped-bar', series: [EX, IM] }),
      spec({ name: 'lines', type: 'line', series: [IM, TW] }),
      spec({ name: 'lines-2', type: 'line', series: [TW, EX] }),
      spec({ name: 'hbars', type: 'horizontal-bar', series: [IM] }),
      spec({ name: 'share', type: 'doughnut', year: 1994, series: [IM, EX] }),
    ];
    const { assets, diagnostics } = renderCharts(input(briefing(charts)));
    expect(diagnostics).toEqual([]);
    const labels = ['Exports', 'Imports', 'Two-way', 'Exports: $2.2 B', 'Imports: $2.5 B'];
    const colour = (chart: string, label: string): string | undefined => legendColours(assets.get(chart)?.ops ?? [], labels).get(label);
    const ex = colour('bars', 'Exports'), im = colour('bars', 'Imports'), tw = colour('lines', 'Two-way');
    expect(new Set([ex, im, tw]).size).toBe(3);
    expect(colour('lines', 'Imports')).toBe(im);
    expect(colour('lines-2', 'Exports')).toBe(ex);
    expect(colour('lines-2', 'Two-way')).toBe(tw);
    expect(colour('share', 'Imports: $2.5 B')).toBe(im);
    expect(colour('share', 'Exports: $2.2 B')).toBe(ex);
    // And the drawn elements, not only the legend: the lines are stroked, the bars filled, in those colours.
    expect(drawnColours(assets.get('lines') as ChartAsset).strokes).toEqual(new Set([im, tw]));
    expect(drawnColours(assets.get('lines-2') as ChartAsset).strokes).toEqual(new Set([tw, ex]));
    expect(drawnColours(assets.get('hbars') as ChartAsset).fills.has(im as string)).toBe(true);
    expect(drawnColours(assets.get('hbars') as ChartAsset).fills.has(ex as string)).toBe(false);
  });

  it('the registry follows first appearance, skips balance charts and is the same for equal specs', () => {
    const specs = [
      spec({ name: 'b', type: 'balance', series: [{ field: 'balance', label: 'Balance' }] }),
      spec({ name: 'l', type: 'line', series: [TW, IM] }),
      spec({ name: 'g', type: 'grouped-bar', series: [EX, IM, EX] }),
    ];
    const r = seriesRegistry(specs, defaultTheme);
    expect(r.keys).toEqual(['twoWay', 'imports', 'exports', 'exports#2']);
    expect(seriesRegistry(specs, defaultTheme)).toEqual(r);
    const styles = stylesFor(r, ['imports', 'exports', 'unknown'], defaultTheme);
    expect(styles[0]).toBe(r.styles.get('imports'));
    expect(styles[1]).toBe(r.styles.get('exports'));
    // A key the registry lacks takes a style after the registry's, not another key's colour.
    expect([...r.styles.values()].map((s) => s.color)).not.toContain(styles[2]?.color);
  });
});
