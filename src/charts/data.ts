import type { Diagnostic, SourceLoc } from '../diag/types.js';
import { UserError, diag } from '../diag/errors.js';
import type { Briefing, ChartSpec, ChartType, Language, MoneyUnit, SeriesSpec } from '../data/types.js';
import { seriesKeys } from './series-keys.js';
import { chartStrings } from './strings.js';

/** Chart types the chart stage draws. */
export const CHART_TYPES: readonly ChartType[] = ['grouped-bar', 'stacked-bar', 'horizontal-bar', 'line', 'doughnut', 'balance'];
/** Trade fields a series may plot. */
export const SERIES_FIELDS: readonly SeriesSpec['field'][] = ['exports', 'imports', 'twoWay', 'balance'];
const UNITS: readonly MoneyUnit[] = ['one', 'thousand', 'million', 'billion'];

/** One plotted series: its field, legend label and one value per category. */
export interface SeriesData {
  readonly field: SeriesSpec['field'];
  /** The series' key in the document's `SeriesRegistry`: its field (`imports#2` for a repeat). */
  readonly key: string;
  readonly label: string;
  readonly values: readonly number[];
}

/**
 * What a chart plots, independent of how it is drawn (the PDF, PNG and PPTX writers share it):
 * a table of categories (years) by series. A doughnut has one category, `spec.year`, and its
 * slices are the series.
 */
export interface ChartData {
  readonly type: ChartType;
  readonly language: Language;
  readonly currency: string;
  readonly unit: MoneyUnit;
  /** Category labels as printed: `1994`, or `1993*` when the year's values are derived. */
  readonly labels: readonly string[];
  readonly years: readonly number[];
  /** Per category: how the values were computed, when they were not reported. */
  readonly derived: readonly (string | undefined)[];
  readonly series: readonly SeriesData[];
}

/** Where a chart spec stands, for located diagnostics. */
export interface ChartWhere {
  /** Field path of the spec, e.g. `charts[2]`. */
  readonly path: string;
  readonly locate?: ((path: string) => SourceLoc | undefined) | undefined;
}

/** The result of checking a spec against the briefing: the data, or why there is none. */
export type ChartDataResult =
  | { readonly ok: true; readonly data: ChartData; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function specLoc(spec: unknown): SourceLoc | undefined {
  if (!isRecord(spec) || !isRecord(spec.loc)) return undefined;
  const { file, line, col } = spec.loc;
  return typeof file === 'string' && typeof line === 'number' && typeof col === 'number' ? { file, line, col } : undefined;
}

/**
 * Checks a chart spec against the briefing without trusting either (the API takes plain
 * objects), and extracts the data it plots. Never throws.
 */
export function checkChart(spec: unknown, briefing: Briefing, where: ChartWhere): ChartDataResult {
  const out: Diagnostic[] = [];
  const fallback = specLoc(spec);
  const at = (path: string): { path: string; loc: SourceLoc | undefined } => ({
    path,
    loc: where.locate?.(path) ?? fallback,
  });
  const err = (code: string, path: string, message: string, hint?: string): ChartDataResult => {
    out.push(diag(code, message, { ...at(path), hint }));
    return { ok: false, diagnostics: out };
  };
  const p = where.path;
  if (!isRecord(spec)) return err('chart/invalid-spec', p, 'a chart must be an object with name, type and series');
  const name = spec.name;
  if (typeof name !== 'string' || name.trim() === '') {
    return err('chart/invalid-spec', `${p}.name`, 'a chart needs a non-empty name', 'templates place charts by name');
  }
  const type = spec.type;
  if (typeof type !== 'string' || !(CHART_TYPES as readonly string[]).includes(type)) {
    return err('chart/unknown-type', `${p}.type`, `chart "${name}" has unknown type ${JSON.stringify(type)}`,
      `use one of: ${CHART_TYPES.join(', ')}`);
  }
  const chartType = type as ChartType;
  if (spec.x !== undefined && spec.x !== 'year') {
    return err('chart/missing-data', `${p}.x`, `chart "${name}" plots x=${JSON.stringify(spec.x)}, but only "year" exists`);
  }
  if (!Array.isArray(spec.series)) return err('chart/invalid-spec', `${p}.series`, `chart "${name}" needs a series list`);
  if (spec.series.length === 0) return err('chart/empty', `${p}.series`, `chart "${name}" has no series to plot`);
  const lang: Language = briefing.language;
  const words = chartStrings(lang);
  const series: { field: SeriesSpec['field']; label: string }[] = [];
  for (const [j, s] of (spec.series as unknown[]).entries()) {
    const field = isRecord(s) ? s.field : undefined;
    if (typeof field !== 'string' || !(SERIES_FIELDS as readonly string[]).includes(field)) {
      return err('chart/missing-data', `${p}.series[${j}].field`,
        `chart "${name}" series ${j + 1} plots ${JSON.stringify(field)}, which is not a trade field`,
        `use one of: ${SERIES_FIELDS.join(', ')}`);
    }
    const f = field as SeriesSpec['field'];
    const label = isRecord(s) && typeof s.label === 'string' && s.label.trim() ? s.label : words.fieldLabel[f];
    series.push({ field: f, label });
  }
  if (chartType === 'balance' && series.length > 1) {
    out.push(diag('chart/extra-series', `balance chart "${name}" plots only its first series`,
      { ...at(`${p}.series[1]`), severity: 'warning' }));
    series.length = 1;
  }
  const trade: unknown = briefing.trade;
  if (!isRecord(trade) || !Array.isArray(trade.years)) {
    return err('chart/missing-data', 'trade', `chart "${name}" needs trade data, and the briefing has none`);
  }
  const unit = trade.unit;
  if (typeof unit !== 'string' || !(UNITS as readonly string[]).includes(unit)) {
    return err('chart/bad-value', 'trade.unit', `trade unit ${JSON.stringify(unit)} is not one of ${UNITS.join(', ')}`);
  }
  const currency = typeof trade.currency === 'string' && trade.currency ? trade.currency : 'CAD';
  let rows = (trade.years as unknown[]).map((y, k) => ({ y, k }));
  if (chartType === 'doughnut') {
    const year = spec.year;
    if (typeof year !== 'number') return err('chart/missing-data', `${p}.year`, `doughnut chart "${name}" needs a year`);
    rows = rows.filter(({ y }) => isRecord(y) && y.year === year);
    if (rows.length === 0) {
      return err('chart/missing-data', `${p}.year`, `chart "${name}" shows ${year}, which is not among the trade years`);
    }
  }
  if (rows.length === 0) return err('chart/empty', 'trade.years', `chart "${name}" has no years to plot`);
  const labels: string[] = [];
  const years: number[] = [];
  const derived: (string | undefined)[] = [];
  const values: number[][] = series.map(() => []);
  for (const { y, k } of rows) {
    const yp = `trade.years[${k}]`;
    if (!isRecord(y)) return err('chart/bad-value', yp, `trade year ${k + 1} is not an object`);
    if (typeof y.year !== 'number' || !Number.isInteger(y.year)) {
      return err('chart/bad-value', `${yp}.year`, `trade year ${k + 1} has year ${JSON.stringify(y.year)}, not a whole number`);
    }
    const how = typeof y.derived === 'string' && y.derived.trim() ? y.derived.trim() : undefined;
    labels.push(how ? `${y.year}*` : `${y.year}`);
    years.push(y.year);
    derived.push(how);
    for (const [j, s] of series.entries()) {
      const v = y[s.field];
      if (v === undefined || v === null) {
        return err('chart/missing-data', `${yp}.${s.field}`, `chart "${name}" plots ${s.field}, which ${y.year} does not have`);
      }
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        return err('chart/bad-value', `${yp}.${s.field}`, `${s.field} for ${y.year} is ${JSON.stringify(v)}, not a finite number`);
      }
      if (chartType === 'doughnut' && v < 0) {
        return err('chart/bad-value', `${yp}.${s.field}`, `doughnut chart "${name}" cannot show the negative share ${s.field} = ${v}`);
      }
      values[j]?.push(v);
    }
  }
  if (chartType === 'doughnut' && values.every((v) => (v[0] ?? 0) === 0)) {
    return err('chart/empty', `${p}.series`, `doughnut chart "${name}" has only zero values: there are no shares to show`);
  }
  // Categories in year order, whatever order the data came in.
  const order = years.map((_, i) => i).sort((a, b) => (years[a] ?? 0) - (years[b] ?? 0));
  const pick = <T>(xs: readonly T[]): T[] => order.map((i) => xs[i] as T);
  const keys = seriesKeys(series.map((s) => s.field));
  const data: ChartData = {
    type: chartType,
    language: lang,
    currency,
    unit: unit as MoneyUnit,
    labels: pick(labels),
    years: pick(years),
    derived: pick(derived),
    series: series.map((s, j) => ({ ...s, key: keys[j] ?? s.field, values: pick(values[j] ?? []) })),
  };
  return { ok: true, data, diagnostics: out };
}

/**
 * The data a chart plots (labels, series, derived flags). Throws a `UserError` holding the
 * diagnostics when the spec does not fit the briefing.
 */
export function chartData(spec: ChartSpec, briefing: Briefing, where?: ChartWhere): ChartData {
  const index = briefing.charts.indexOf(spec);
  const res = checkChart(spec, briefing, where ?? { path: index >= 0 ? `charts[${index}]` : 'chart' });
  if (!res.ok) throw new UserError(res.diagnostics);
  return res.data;
}
