import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
} from 'chart.js';
import type { ChartConfiguration } from 'chart.js';
import { cloneConfig } from './config.js';
import { RecordingContext } from './recorder.js';
import type { DrawOp } from './types.js';

let registered = false;

/** Registers the chart.js parts our charts use, once per process. */
function register(): void {
  if (registered) return;
  Chart.register(
    BarController,
    LineController,
    DoughnutController,
    BarElement,
    LineElement,
    PointElement,
    ArcElement,
    CategoryScale,
    LinearScale,
    Legend,
  );
  registered = true;
}

/** What the recorder captured. */
export interface Recording {
  readonly ops: DrawOp[];
  /** Font families chart.js asked for. */
  readonly families: ReadonlySet<string>;
}

/**
 * Draws a chart.js configuration onto a {@link RecordingContext} of `width` x `height` pt and
 * returns the ops. chart.js sizes its canvas in whole units, so the drawing covers
 * `floor(width)` x `floor(height)` from the top-left corner. The chart is destroyed after
 * drawing, so nothing is retained between charts.
 */
export function recordChart(config: ChartConfiguration, width: number, height: number): Recording {
  register();
  const canvas: { width: number; height: number; style: Record<string, string>; getContext: () => RecordingContext } = {
    width: Math.floor(width),
    height: Math.floor(height),
    style: {},
    getContext: () => ctx,
  };
  const ctx = new RecordingContext(canvas);
  const cfg = cloneConfig(config);
  const chart = new Chart(canvas as unknown as ConstructorParameters<typeof Chart>[0], cfg);
  try {
    return { ops: ctx.ops, families: ctx.families };
  } finally {
    chart.destroy();
  }
}
