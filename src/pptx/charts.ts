import type { ChartData } from '../charts/index.js';
import type { Theme } from '../theme/types.js';
import { formatMoney, moneyDigits } from '../util/format.js';
import type { ChartName, ChartOptions, ChartSeries } from './lib.js';
import { FONT_FACE, hex } from './units.js';
import { attrText, xmlSafe } from './xml.js';

/** A native chart for `slide.addChart`: its type, its data (written to the data sheet) and options. */
export interface NativeChart {
  readonly type: ChartName;
  readonly data: ChartSeries[];
  readonly options: ChartOptions;
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
  const m = /^(.*?)8(?:[.,]0+)?(.*)$/u.exec(sample);
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
export function nativeChart(data: ChartData, o: { readonly theme: Theme; readonly fontSize: number; readonly alt: string; readonly title: string }): NativeChart {
  const p = o.theme.palette;
  const colors = p.series.map(hex);
  const text = hex(p.text);
  const muted = hex(p.muted);
  const base: ChartOptions = {
    altText: attrText(o.alt),
    objectName: attrText(o.title),
    chartColors: colors,
    showTitle: false,
    showLegend: data.series.length > 1,
    legendPos: 'b',
    legendFontFace: FONT_FACE,
    legendFontSize: o.fontSize,
    legendColor: text,
    catAxisLabelFontFace: FONT_FACE,
    catAxisLabelFontSize: o.fontSize,
    catAxisLabelColor: text,
    catAxisLineColor: hex(p.rule),
    valAxisLabelFontFace: FONT_FACE,
    valAxisLabelFontSize: o.fontSize,
    valAxisLabelColor: muted,
    valAxisLabelFormatCode: moneyFormat(data),
    valAxisLineShow: false,
    valGridLine: { color: hex(p.rule), size: 0.5, style: 'solid' },
    catGridLine: { style: 'none' },
    showValue: true,
    dataLabelFontFace: FONT_FACE,
    dataLabelFontSize: o.fontSize - 1,
    dataLabelColor: text,
    dataLabelFormatCode: moneyFormat(data),
    lang: data.language === 'fr' ? 'fr-CA' : 'en-CA',
  };
  const series = data.series.map((s) => ({ name: xmlSafe(s.label), labels: data.labels.map(xmlSafe), values: [...s.values] }));
  switch (data.type) {
    case 'grouped-bar':
    case 'stacked-bar':
    case 'horizontal-bar':
      return {
        type: 'bar',
        data: series,
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
        options: { ...base, lineSize: 2.5, lineDataSymbol: 'circle', lineDataSymbolSize: 7, dataLabelPosition: 't' },
      };
    case 'doughnut':
      return {
        type: 'doughnut',
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
