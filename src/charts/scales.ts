import type { LegendItem } from 'chart.js';
import type { ChartData } from './data.js';
import type { Marks } from './plugins.js';
import { money, tickDigits } from './style.js';
import type { ChartLook } from './style.js';

/** Scriptable option context, as much of it as our callbacks read. */
export interface Ctx {
  readonly type?: string;
  readonly dataIndex?: number;
  readonly tick?: { readonly value: number };
}

/** The value axis: money ticks, light grid, the zero line emphasised, no border. */
export function valueScale(look: ChartLook, data: ChartData, stacked: boolean, horizontal: boolean): Record<string, unknown> {
  const isZero = (c: Ctx): boolean => c.tick?.value === 0;
  return {
    type: 'linear',
    stacked,
    beginAtZero: true,
    grace: '8%',
    border: { display: false },
    grid: {
      color: (c: Ctx) => (isZero(c) ? look.zero : look.grid),
      lineWidth: (c: Ctx) => (isZero(c) ? 0.9 : 0.5),
      drawTicks: false,
    },
    ticks: {
      font: look.font,
      color: look.muted,
      padding: horizontal ? 3 : 5,
      maxTicksLimit: horizontal ? 6 : 6,
      callback: (value: number | string, _i: number, ticks: readonly { value: number }[]) => {
        const step = ticks.length > 1 ? Math.abs((ticks[1]?.value ?? 0) - (ticks[0]?.value ?? 0)) : 1;
        return money(data, Number(value), { digits: tickDigits(step) });
      },
    },
  };
}

/** The category axis: year labels, no grid, no border. */
export function categoryScale(look: ChartLook, stacked: boolean, offset = true): Record<string, unknown> {
  return {
    type: 'category',
    stacked,
    offset,
    grid: { display: false },
    border: { display: false },
    ticks: { font: look.font, color: look.text, padding: 4, maxRotation: 0, autoSkipPadding: 6 },
  };
}

/** The legend: at the bottom, in the chart font, with square boxes of the text size. */
export function legend(look: ChartLook, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    display: true,
    position: 'bottom',
    align: 'center',
    labels: {
      font: look.font,
      color: look.text,
      boxWidth: legendBox(look).width,
      boxHeight: legendBox(look).height,
      padding: look.size * 1.6,
      ...extra,
    },
  };
}


/** Legend box size (pt). */
export function legendBox(look: ChartLook): { width: number; height: number } {
  return { width: look.size * 1.25, height: look.size };
}

/** One legend entry: its text, its swatch and the pattern drawn over the swatch. */
export interface LegendEntry {
  readonly text: string;
  readonly fill: string;
  readonly stroke?: string;
  readonly mark?: Marks;
  readonly pointStyle?: string;
}

/** Legend items for chart.js, and the swatch patterns for the hatch plugin, in the same order. */
export function legendItems(
  look: ChartLook,
  entries: readonly LegendEntry[],
): { items: () => LegendItem[]; marks: Marks[] } {
  return {
    items: () =>
      entries.map((e, i) => ({
        text: e.text,
        fillStyle: e.fill,
        strokeStyle: e.stroke ?? e.fill,
        lineWidth: e.stroke ? 0.8 : 0,
        fontColor: look.text,
        hidden: false,
        datasetIndex: i,
        ...(e.pointStyle ? { pointStyle: e.pointStyle as LegendItem['pointStyle'] } : {}),
      })),
    marks: entries.map((e) => e.mark),
  };
}
