import type { Theme } from '../theme/index.js';
import { formatMoney } from '../util/index.js';
import { CHART_FAMILY_CSS, luma } from './css.js';
import type { ChartData } from './data.js';
import type { Mark } from './plugins.js';

/** How one series is painted: a colour, and a pattern when colour alone cannot separate it. */
export interface SeriesStyle {
  readonly color: string;
  /** Set when the palette has no colour left whose grey differs enough from the others. */
  readonly mark?: Mark;
  /** Line charts: dash pattern and marker shape (pt). */
  readonly dash: readonly number[];
  readonly pointStyle: 'circle' | 'rect' | 'triangle' | 'rectRot';
}

/** Smallest difference in grey (luma, 0..1) that still reads as a different series in print. */
const MIN_GREY_STEP = 0.12;
const DASHES: readonly (readonly number[])[] = [[], [5, 2.5], [1.5, 2], [6, 2, 1.5, 2]];
const POINTS: readonly SeriesStyle['pointStyle'][] = ['circle', 'rect', 'triangle', 'rectRot'];

/**
 * Colours for `n` series from the theme's palette, in palette order but skipping colours
 * whose grey is within {@link MIN_GREY_STEP} of one already taken; series left without such a
 * colour get a dot pattern. Line series also differ by dash and marker.
 */
export function seriesStyles(n: number, theme: Theme): SeriesStyle[] {
  const palette = theme.palette.series.length ? theme.palette.series : ['#1f4e79', '#e69f00', '#009e73'];
  const taken: string[] = [];
  const out: SeriesStyle[] = [];
  for (let i = 0; i < n; i++) {
    const free = palette.find((c) => !taken.includes(c) && taken.every((t) => Math.abs(luma(t) - luma(c)) >= MIN_GREY_STEP));
    const color = free ?? palette.find((c) => !taken.includes(c)) ?? palette[i % palette.length] ?? '#1f4e79';
    taken.push(color);
    out.push({
      color,
      ...(free ? {} : { mark: 'dots' as const }),
      dash: DASHES[i % DASHES.length] ?? [],
      pointStyle: POINTS[i % POINTS.length] ?? 'circle',
    });
  }
  return out;
}

/** Chart colours and sizes (pt) derived from the theme. */
export interface ChartLook {
  readonly size: number;
  readonly font: { family: string; size: number; weight: 'normal'; lineHeight: number };
  readonly css: (weight?: 'normal' | 'bold' | '600', size?: number) => string;
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly zero: string;
}

/** The look of every chart in a theme: document font at `theme.chartFontSize`, light grid. */
export function chartLook(theme: Theme): ChartLook {
  const size = theme.chartFontSize;
  return {
    size,
    font: { family: CHART_FAMILY_CSS, size, weight: 'normal', lineHeight: 1.2 },
    css: (weight = 'normal', s = size) => `${weight === 'normal' ? '' : `${weight} `}${s}px ${CHART_FAMILY_CSS}`,
    text: theme.palette.text,
    muted: theme.palette.muted,
    grid: theme.palette.grid ?? '#dde1e6',
    zero: theme.palette.zero ?? '#5a6270',
  };
}

/** Digits to print for values: enough to separate them, at most 2. */
export function valueDigits(values: readonly number[]): number {
  const max = Math.max(0, ...values.map((v) => Math.abs(v)));
  if (max >= 100) return 0;
  return 1;
}

/** Digits needed to print values exactly (0 to 2): the table and alt text keep the data's precision. */
export function exactDigits(values: readonly number[]): number {
  let d = 0;
  for (const v of values) {
    while (d < 2 && Math.abs(Math.round(v * 10 ** d) - v * 10 ** d) > 1e-6) d++;
  }
  return Math.max(d, valueDigits(values) ? 1 : 0);
}

/** Money in the chart's currency and unit: `$2.2 B` / `2,2 G$` (short) or long words. */
export function money(
  data: ChartData,
  v: number,
  o: { digits: number; style?: 'short' | 'long'; signed?: boolean },
): string {
  return formatMoney(v, data.language, {
    currency: data.currency,
    unit: data.unit,
    style: o.style ?? 'short',
    digits: o.digits,
    signed: o.signed ?? false,
  });
}

/** Digits for axis ticks from their step: `$0.5 B` steps need one, `$1 B` steps none. */
export function tickDigits(step: number): number {
  const s = Math.abs(step);
  if (!Number.isFinite(s) || s === 0 || s >= 1) return 0;
  if (s >= 0.1 - 1e-9) return 1;
  return 2;
}
