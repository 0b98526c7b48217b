import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { clearChartCache, renderChart } from '../../src/charts/index.js';
import type { ChartSpec } from '../../src/data/types.js';
import { briefing, input, spec } from './fixtures.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const TYPES: readonly Partial<ChartSpec>[] = [
  { type: 'grouped-bar' },
  { type: 'stacked-bar' },
  { type: 'line' },
  { type: 'balance', series: [{ field: 'balance', label: 'Balance' }] },
  { type: 'doughnut', year: 1994 },
];

function heap(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('memory', () => {
  it('stays flat over hundreds of charts (no chart.js instances retained)', () => {
    const renderMany = (n: number, offset: number): void => {
      for (let i = 0; i < n; i++) {
        // A new width each time: every render is a cache miss, then the cache is emptied.
        const s = spec(TYPES[i % TYPES.length]);
        const res = renderChart(s, input(briefing([s]), 300 + offset + i));
        expect(res.asset).toBeDefined();
        clearChartCache();
      }
    };
    renderMany(30, 0);
    const before = heap();
    renderMany(300, 1000);
    const growth = heap() - before;
    expect(growth).toBeLessThan(8 * 1024 * 1024);
  });
});
