import { describe, expect, it } from 'vitest';
import { renderChartPng } from '../../src/charts/index.js';
import { briefing, input, spec } from './fixtures.js';

function pngSize(buf: Buffer): [number, number] {
  expect(buf.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

describe('renderChartPng', () => {
  it.each([72, 150])('rasterises at %i dpi from the shared config', (dpi) => {
    const s = spec();
    const r = renderChartPng(s, input(briefing([s])), { dpi });
    expect(r.diagnostics).toEqual([]);
    if (!r.png) throw new Error('no png');
    expect(pngSize(r.png)).toEqual([r.widthPx, r.heightPx]);
    expect(r.widthPx).toBe(Math.floor(451 * (dpi / 72)));
  });

  it('renders every chart type, and reports bad specs instead', () => {
    for (const type of ['stacked-bar', 'horizontal-bar', 'line', 'balance'] as const) {
      const s = spec({ type });
      expect(renderChartPng(s, input(briefing([s])), { dpi: 72 }).png?.length).toBeGreaterThan(1000);
    }
    const d = spec({ type: 'doughnut', year: 1994 });
    expect(renderChartPng(d, input(briefing([d])), { dpi: 72 }).png).toBeDefined();
    const bad = spec({ type: 'doughnut', year: 1900 });
    const r = renderChartPng(bad, input(briefing([bad])), { dpi: 72 });
    expect(r.png).toBeUndefined();
    expect(r.diagnostics.map((x) => x.code)).toEqual(['data/chart-year']);
  });
});
