import type { ChartConfiguration, Plugin } from 'chart.js';
import type { Theme } from '../theme/index.js';
import { formatPercent } from '../util/index.js';
import { luma, tint } from './css.js';
import type { ChartData } from './data.js';
import { valueLabelPlugin } from './labels.js';
import type { LabelOptions } from './labels.js';
import { centrePlugin } from './centre.js';
import type { CentreFit } from './centre.js';
import { hatchPlugin, markList } from './plugins.js';
import type { Mark, MarkPaint, Marks } from './plugins.js';
import { stylesFor } from './series-keys.js';
import type { SeriesRegistry } from './series-keys.js';
import { chartStrings } from './strings.js';
import { categoryScale, legend, legendBox, legendItems, valueScale } from './scales.js';
import type { Ctx, LegendEntry } from './scales.js';
import { chartLook, money, seriesStyles, valueDigits } from './style.js';

/** How light derived bars are under their hatch lines (0 keeps the colour, 1 is white). */
const DERIVED_TINT = 0.62;
const HATCH = { spacing: 3.5, lineWidth: 0.9 };

/** Choices made outside one chart, and listeners for what its drawing decided. */
export interface ConfigOptions {
  /**
   * The document's series styles: one colour, dash and marker per series key across every chart
   * of the briefing and its deck. Without it the chart's series are styled by position.
   */
  readonly registry?: SeriesRegistry;
  /** Where a doughnut prints its total: in the hole (default), or in the legend when the hole cannot hold it. */
  readonly total?: 'hole' | 'legend';
  /** Hears which value labels were printed (element indices per dataset) after each draw. */
  readonly onLabels?: (placed: readonly (readonly number[])[]) => void;
  /** Hears what the doughnut's hole printed. */
  readonly onCentre?: (fit: CentreFit) => void;
}

/** The chart.js configuration of a chart's checked data (`chartData`), shared by every output. */
export function buildConfig(data: ChartData, theme: Theme, o: ConfigOptions = {}): ChartConfiguration {
  const look = chartLook(theme);
  const words = chartStrings(data.language);
  const derived = data.derived.map((d) => d !== undefined);
  const anyDerived = derived.some(Boolean);
  const keys = data.series.map((s) => s.key);
  const styles = o.registry ? stylesFor(o.registry, keys, theme) : seriesStyles(data.series.length, theme);
  const digits = valueDigits(data.series.flatMap((s) => s.values));
  const isDerived = (c: Ctx): boolean => c.type === 'data' && derived[c.dataIndex ?? -1] === true;
  const onColor = (color: string): string => (luma(color) < 0.55 ? '#ffffff' : look.text);
  /** The pattern over element `i` of a series painted `color`: hatch if derived, else its dots. */
  const markFor = (i: number, color: string, mark?: Mark): MarkPaint | undefined =>
    derived[i] ? { mark: 'diagonal', color } : mark ? { mark, color: onColor(color) } : undefined;
  const derivedEntry: LegendEntry = {
    text: words.derivedLegend,
    fill: '#ffffff',
    stroke: look.text,
    mark: { mark: 'diagonal', color: look.text },
  };
  const type = data.type;
  const withDerived = (entries: LegendEntry[]): LegendEntry[] => (anyDerived ? [...entries, derivedEntry] : entries);
  const labels = (l: Omit<LabelOptions, 'font' | 'size' | 'color' | 'gap' | 'onPlaced'>): Plugin =>
    valueLabelPlugin({
      font: look.css('600', look.size - 0.5), size: look.size - 0.5, color: look.text, gap: 2.5, ...l,
      ...(o.onLabels ? { onPlaced: o.onLabels } : {}),
    });
  const box = legendBox(look);
  const finish = (
    chartType: 'bar' | 'line' | 'doughnut',
    chartData: Record<string, unknown>,
    options: Record<string, unknown>,
    entries: LegendEntry[],
    plugins: Plugin[],
    legendExtra: Record<string, unknown> = {},
  ): ChartConfiguration => {
    const lg = legendItems(look, entries);
    const hatch = hatchPlugin({
      mark: hatchMarks,
      ...HATCH,
      legend: { marks: lg.marks, boxWidth: box.width, boxHeight: box.height, fontSize: look.size },
    });
    return {
      type: chartType,
      data: chartData,
      options: {
        animation: false,
        responsive: false,
        maintainAspectRatio: false,
        devicePixelRatio: 1,
        events: [],
        layout: { padding: { top: 4, right: 4, bottom: 0, left: 0 } },
        ...options,
        plugins: {
          legend: legend(look, { generateLabels: lg.items, ...legendExtra }),
          title: { display: false },
          subtitle: { display: false },
          tooltip: { enabled: false },
        },
      },
      // Patterns first, so value labels are drawn over them.
      plugins: [hatch, ...plugins],
    } as unknown as ChartConfiguration;
  };
  let hatchMarks: (d: number, i: number) => Marks = () => undefined;

  if (type === 'doughnut') {
    const values = data.series.map((s) => s.values[0] ?? 0);
    const total = values.reduce((a, b) => a + b, 0);
    const colors = styles.map((s) => (derived[0] ? tint(s.color, DERIVED_TINT) : s.color));
    hatchMarks = (_d, i) => markFor(0, styles[i]?.color ?? look.text, styles[i]?.mark);
    const texts = data.series.map((s, i) => words.labelValue(s.label, money(data, values[i] ?? 0, { digits })));
    const totalText = money(data, total, { digits });
    // A total the hole cannot hold is said in the legend, after the slices.
    const totalEntry: LegendEntry[] = o.total === 'legend'
      ? [{ text: words.labelValue(words.total, totalText), fill: 'rgba(255, 255, 255, 0)', stroke: 'rgba(255, 255, 255, 0)' }]
      : [];
    return finish(
      'doughnut',
      { labels: texts, datasets: [{ data: values, backgroundColor: colors, borderColor: '#ffffff', borderWidth: 1.5 }] },
      { cutout: '56%' },
      withDerived([
        ...texts.map((text, i) => ({ text, fill: colors[i] ?? look.text, mark: markFor(-1, colors[i] ?? '', styles[i]?.mark) })),
        ...totalEntry,
      ]),
      [
        labels({
          place: 'inside',
          text: (_d, i) => formatPercent(((values[i] ?? 0) / total) * 100, data.language),
          fills: (_d, i) => colors[i] ?? '#ffffff',
          backdrop: (d, i) => hatchMarks(d, i) !== undefined,
        }),
        centrePlugin({
          total: o.total === 'legend' ? '' : totalText,
          note: data.labels[0] ?? '',
          size: look.size * 1.5,
          minSize: look.size,
          noteSize: look.size,
          color: look.text,
          noteColor: look.muted,
          font: (weight, size) => look.css(weight, size),
        }, o.onCentre),
      ],
    );
  }

  if (type === 'line') {
    const datasets = data.series.map((s, j) => {
      const st = styles[j] ?? { color: look.text, dash: [], pointStyle: 'circle' as const };
      return {
        label: s.label,
        data: [...s.values],
        borderColor: st.color,
        backgroundColor: st.color,
        borderWidth: 1.6,
        borderDash: [...st.dash],
        pointStyle: st.pointStyle,
        pointRadius: 3,
        pointBorderWidth: 1.2,
        // Derived years get open markers.
        pointBackgroundColor: (c: Ctx) => (isDerived(c) ? '#ffffff' : st.color),
        tension: 0,
        fill: false,
      };
    });
    const entries: LegendEntry[] = data.series.map((s, j) => ({
      text: s.label,
      fill: styles[j]?.color ?? look.text,
      pointStyle: styles[j]?.pointStyle ?? 'circle',
    }));
    if (anyDerived) entries.push({ text: words.derivedOpen, fill: '#ffffff', stroke: look.text, pointStyle: 'circle' });
    return finish(
      'line',
      { labels: [...data.labels], datasets },
      { scales: { x: categoryScale(look, false), y: valueScale(look, data, false, false) } },
      entries,
      [labels({ place: 'point', text: (d, i) => money(data, data.series[d]?.values[i] ?? 0, { digits }) })],
      { usePointStyle: true, boxHeight: look.size * 0.6 },
    );
  }

  const horizontal = type === 'horizontal-bar';
  const stacked = type === 'stacked-bar';
  const balance = type === 'balance';
  const signColor = (v: number): string => (v < 0 ? theme.palette.negative : theme.palette.positive);
  const colorOf = (d: number, i: number): string =>
    balance ? signColor(data.series[d]?.values[i] ?? 0) : (styles[d]?.color ?? look.text);
  const fillOf = (d: number, i: number): string => (derived[i] ? tint(colorOf(d, i), DERIVED_TINT) : colorOf(d, i));
  // Sign by pattern as well as colour: surplus and deficit colours can print as the same grey,
  // so deficits are dotted (white on the colour, or the colour on a derived bar's light tint).
  const deficitDots = (i: number): MarkPaint => ({ mark: 'dots', color: derived[i] ? theme.palette.negative : '#ffffff' });
  const negative = (d: number, i: number): boolean => (data.series[d]?.values[i] ?? 0) < 0;
  hatchMarks = (d, i) => {
    const own = markFor(i, colorOf(d, i), balance ? undefined : styles[d]?.mark);
    return balance && negative(d, i) ? [...markList(own), deficitDots(i)] : own;
  };
  const datasets = data.series.map((s, j) => ({
    label: s.label,
    data: [...s.values],
    backgroundColor: (c: Ctx) => fillOf(j, c.type === 'data' ? (c.dataIndex ?? 0) : -1),
    borderColor: (c: Ctx) => colorOf(j, c.dataIndex ?? 0),
    borderWidth: (c: Ctx) => (isDerived(c) ? 0.8 : 0),
    borderSkipped: false,
    categoryPercentage: 0.72,
    barPercentage: 0.9,
    maxBarThickness: 44,
  }));
  const signs = new Set((data.series[0]?.values ?? []).map((v) => v < 0));
  const entries: LegendEntry[] = balance
    ? [false, true]
        .filter((neg) => signs.has(neg))
        .map((neg) => ({ text: neg ? words.deficit : words.surplus, fill: signColor(neg ? -1 : 1), ...(neg ? { mark: deficitDots(-1) } : {}) }))
    : data.series.map((s, j) => ({ text: s.label, fill: colorOf(j, -1), mark: markFor(-1, colorOf(j, -1), styles[j]?.mark) }));
  const valueAxis = valueScale(look, data, stacked, horizontal);
  const catAxis = categoryScale(look, stacked);
  return finish(
    'bar',
    { labels: [...data.labels], datasets },
    { indexAxis: horizontal ? 'y' : 'x', scales: horizontal ? { x: valueAxis, y: catAxis } : { x: catAxis, y: valueAxis } },
    withDerived(entries),
    [
      labels({
        place: stacked ? 'inside' : 'end',
        text: (d, i) => money(data, data.series[d]?.values[i] ?? 0, { digits, signed: balance }),
        fills: fillOf,
        backdrop: (d, i) => hatchMarks(d, i) !== undefined,
      }),
    ],
  );
}

/**
 * A deep copy of a configuration: plain objects and arrays are copied, functions and other
 * objects shared. chart.js and chartjs-node-canvas write into the config they are given.
 */
export function cloneConfig<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => cloneConfig(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cloneConfig(v);
    return out as T;
  }
  return value;
}
