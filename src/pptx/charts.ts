import { stylesFor } from '../charts/index.js';
import type { ChartData, SeriesRegistry, SeriesStyle } from '../charts/index.js';
import { seriesStyles } from '../charts/index.js';
import { tint } from '../charts/index.js';
import type { Theme } from '../theme/index.js';
import { formatMoney, localeOf, moneyDigits } from '../util/index.js';
import type { ChartName, ChartOptions, ChartSeries } from './lib.js';
import { deckFont, hex } from './units.js';
import { attrText, xmlSafe } from './xml.js';
import type { ChartPatch, PointPaint, SeriesPatch } from './chart-xml.js';

/** A native chart for `slide.addChart`: its type, its data (written to the data sheet) and options. */
export interface NativeChart {
  readonly type: ChartName;
  readonly data: ChartSeries[];
  readonly options: ChartOptions;
  /** What pptxgenjs cannot write, applied to the chart part afterwards (see `patchChartXml`). */
  readonly patch: ChartPatch;
}

/** How light derived bars are behind their hatching (as in the PDF). */
const DERIVED_TINT = 0.62;
/** Marker size of line charts (pt). */
const MARKER = 7;

/** What {@link nativeChart} needs besides the data. */
export interface NativeChartOptions {
  readonly theme: Theme;
  readonly fontSize: number;
  readonly alt: string;
  readonly title: string;
  /** The document's series styles, so a series has the PDF's colour (by position without it). */
  readonly registry?: SeriesRegistry | undefined;
  /** The value labels the PDF drawing printed, per series; the others are hidden here too. */
  readonly labelled?: readonly (readonly number[])[] | undefined;
}

/**
 * The per-point changes: derived points hatched (bars, slices) or open (line markers), deficits
 * dotted, and labels hidden where the PDF thinned them.
 */
function chartPatch(data: ChartData, colors: readonly string[], o: NativeChartOptions): ChartPatch {
  const p = o.theme.palette;
  const derived = data.derived.map((d) => d !== undefined);
  const hiddenOf = (j: number, n: number): number[] => {
    const shown = o.labelled?.[j];
    return shown ? Array.from({ length: n }, (_, i) => i).filter((i) => !shown.includes(i)) : [];
  };
  const hatch = (idx: number, color: string): PointPaint => ({ kind: 'pattern', idx, preset: 'wdUpDiag', fg: hex(color), bg: hex(tint(color, DERIVED_TINT)) });
  if (data.type === 'doughnut') {
    const n = data.series.length;
    const points = derived[0] ? data.series.map((_, i) => hatch(i, `#${colors[i] ?? '1A1A1A'}`)) : [];
    return { series: [{ points, hiddenLabels: hiddenOf(0, n), bar: false }] };
  }
  const series = data.series.map((s, j): SeriesPatch => {
    const color = `#${colors[j] ?? '1A1A1A'}`;
    const points: PointPaint[] = [];
    s.values.forEach((v, i) => {
      if (data.type === 'line') {
        if (derived[i]) points.push({ kind: 'open-marker', idx: i, color: hex(color), size: MARKER });
      } else if (data.type === 'balance') {
        const sign = v < 0 ? p.negative : p.positive;
        if (derived[i]) points.push(hatch(i, sign));
        else if (v < 0) points.push({ kind: 'pattern', idx: i, preset: 'pct75', fg: hex(sign), bg: 'FFFFFF' });
      } else if (derived[i]) points.push(hatch(i, color));
    });
    return { points, hiddenLabels: hiddenOf(j, s.values.length), bar: data.type !== 'line' };
  });
  return { series };
}

/** Series colours (no `#`) for the chart's series keys, as the PDF paints them. */
function seriesColors(data: ChartData, o: NativeChartOptions): string[] {
  const styles: SeriesStyle[] = o.registry
    ? stylesFor(o.registry, data.series.map((s) => s.key), o.theme)
    : seriesStyles(data.series.length, o.theme);
  return styles.map((s) => hex(s.color));
}

/** Excel number format literal: text in double quotes (quotes inside are dropped). */
function literal(s: string): string {
  return s ? `"${s.replace(/"/g, '')}"` : '';
}

/**
 * A number format showing values as the briefing writes money in short style ("$2.2 B",
 * "2,2 G$"), derived from our own formatter so the chart and the text agree; negative values
 * get a real minus sign.
 */
export function moneyFormat(data: ChartData): string {
  // Decimals follow the currency and unit as in the text: "$2.2 B", but "KRW 217,086,489".
  const digits = data.unit === 'one' ? 0 : moneyDigits(1.5, { currency: data.currency, unit: data.unit, digits: 1 });
  const sample = formatMoney(8, data.language, { currency: data.currency, unit: data.unit, style: 'short', digits });
  // A language that writes 8 billion in its own large-number words ("CA$80억") has no fixed
  // affix around the amount: its values are plain numbers, the unit is in the axis title.
  const m = /^(\D*?)8(?:[.,]0+)?(\D*)$/u.exec(sample);
  const pos = `${literal(m?.[1] ?? '')}#,##0${digits > 0 ? `.${'0'.repeat(digits)}` : ''}${literal(m?.[2] ?? '')}`;
  return `${pos};"\u2212"${pos}`;
}

/** A round step for a value axis spanning `range`: 1, 2, 2.5 or 5 times a power of ten, about five steps. */
export function niceStep(range: number): number {
  if (!(range > 0)) return 1;
  const raw = range / 5;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const m = [1, 2, 2.5, 5, 10].find((k) => k * pow >= raw) ?? 10;
  return m * pow;
}

/**
 * Value-axis bounds with room for value labels outside negative bars: PowerPoint's automatic
 * minimum hugs the lowest bar, so its label would fall on the category labels.
 */
function negativeRoom(values: readonly number[]): Partial<ChartOptions> {
  const min = Math.min(0, ...values);
  if (min >= 0) return {};
  const max = Math.max(0, ...values);
  const step = niceStep(max - min);
  const round = (v: number): number => Number(v.toFixed(10));
  return {
    valAxisMinVal: round(Math.floor((min - step * 0.6) / step) * step),
    ...(max <= 0 ? { valAxisMaxVal: 0 } : {}),
    valAxisMajorUnit: round(step),
    catAxisLabelPos: 'low',
  };
}

/**
 * Horizontal bars read top-down in year order, as in the PDF: categories from max to min, the
 * value axis crossing at the last category (the bottom). Both values are valid OOXML that the
 * pptxgenjs typings do not list.
 */
const TOP_DOWN = { catAxisOrientation: 'maxMin', catAxisCrossesAt: 'max' } as unknown as Partial<ChartOptions>;

/**
 * The native PowerPoint chart for a chart's data: grouped and stacked columns, horizontal
 * bars, lines, a doughnut (one slice per series, in `spec.year`) and the balance as columns
 * that turn the theme's negative colour below zero. Labels keep the `*` of derived years.
 */
export function nativeChart(data: ChartData, o: NativeChartOptions): NativeChart {
  const p = o.theme.palette;
  // One colour per series, the PDF's: with one series, a single colour (more colours than
  // series would make pptxgenjs colour each bar differently).
  const colors = seriesColors(data, o);
  const patch = chartPatch(data, colors, o);
  const text = hex(p.text);
  const muted = hex(p.muted);
  const base: ChartOptions = {
    altText: attrText(o.alt),
    objectName: attrText(o.title),
    chartColors: colors,
    showTitle: false,
    showLegend: data.series.length > 1,
    legendPos: 'b',
    legendFontFace: deckFont(),
    legendFontSize: o.fontSize,
    legendColor: text,
    catAxisLabelFontFace: deckFont(),
    catAxisLabelFontSize: o.fontSize,
    catAxisLabelColor: text,
    catAxisLineColor: hex(p.rule),
    valAxisLabelFontFace: deckFont(),
    valAxisLabelFontSize: o.fontSize,
    valAxisLabelColor: muted,
    valAxisLabelFormatCode: moneyFormat(data),
    valAxisLineShow: false,
    valGridLine: { color: hex(p.rule), size: 0.5, style: 'solid' },
    catGridLine: { style: 'none' },
    showValue: true,
    dataLabelFontFace: deckFont(),
    dataLabelFontSize: o.fontSize - 1,
    dataLabelColor: text,
    dataLabelFormatCode: moneyFormat(data),
    lang: localeOf(data.language),
  };
  const series = data.series.map((s) => ({ name: xmlSafe(s.label), labels: data.labels.map(xmlSafe), values: [...s.values] }));
  switch (data.type) {
    case 'grouped-bar':
    case 'stacked-bar':
    case 'horizontal-bar':
      return {
        type: 'bar',
        data: series,
        patch,
        options: {
          ...base,
          barDir: data.type === 'horizontal-bar' ? 'bar' : 'col',
          barGrouping: data.type === 'stacked-bar' ? 'stacked' : 'clustered',
          barGapWidthPct: 110,
          ...(data.type === 'stacked-bar' ? { barOverlapPct: 100 } : { barOverlapPct: -15 }),
          ...(data.type === 'stacked-bar' ? {} : negativeRoom(data.series.flatMap((s) => s.values))),
          ...(data.type === 'horizontal-bar' ? TOP_DOWN : {}),
          dataLabelPosition: data.type === 'stacked-bar' ? 'ctr' : 'outEnd',
          ...(data.type === 'stacked-bar' ? { dataLabelColor: 'FFFFFF' } : {}),
        },
      };
    case 'balance':
      return {
        type: 'bar',
        data: series.slice(0, 1),
        patch,
        options: {
          ...base,
          barDir: 'col',
          barGrouping: 'clustered',
          barGapWidthPct: 180,
          ...negativeRoom(data.series[0]?.values ?? []),
          chartColors: [hex(p.positive)],
          invertedColors: [hex(p.negative)],
          showLegend: false,
          dataLabelPosition: 'outEnd',
        },
      };
    case 'line':
      return {
        type: 'line',
        data: series,
        patch,
        options: { ...base, lineSize: 2.5, lineDataSymbol: 'circle', lineDataSymbolSize: 7, dataLabelPosition: 't' },
      };
    case 'doughnut':
      return {
        type: 'doughnut',
        patch,
        data: [{ name: xmlSafe(o.title), labels: data.series.map((s) => xmlSafe(s.label)), values: data.series.map((s) => s.values[0] ?? 0) }],
        options: {
          ...base,
          showLegend: true,
          legendPos: 'b',
          showValue: false,
          showPercent: true,
          dataLabelFormatCode: '0%',
          dataLabelColor: 'FFFFFF',
          dataLabelFontSize: o.fontSize + 1,
          dataLabelFontBold: true,
          holeSize: 55,
          dataNoEffects: true,
        },
      };
    default: {
      const never: never = data.type;
      throw new Error(`internal: no native chart for ${String(never)}`);
    }
  }
}
