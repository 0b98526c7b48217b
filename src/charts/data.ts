import type { Diagnostic, SourceLoc } from '../diag/index.js';
import { UserError, diag } from '../diag/index.js';
import { chartProblems, formatPath, isRecord, parsePath } from '../data/index.js';
import type { Briefing, ChartSpec, ChartType, Language, MoneyUnit, SeriesSpec, Trade, TradeYear } from '../data/index.js';
import { seriesKeys } from './series-keys.js';
import { chartStrings } from './strings.js';

/** Chart types the chart stage draws, and the trade fields a series may plot (the data rules'). */

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

function specLoc(spec: unknown): SourceLoc | undefined {
  if (!isRecord(spec) || !isRecord(spec.loc)) return undefined;
  const { file, line, col } = spec.loc;
  return typeof file === 'string' && typeof line === 'number' && typeof col === 'number' ? { file, line, col } : undefined;
}

/**
 * Checks a chart spec against the briefing without trusting either (the API takes plain
 * objects), with the data stage's chart rules (src/data/chart-rules.ts: the same codes as
 * `validate`), and extracts the data it plots. Never throws. Warnings are left to the data
 * stage, which reports them once for a loaded briefing; only errors stop a chart here.
 */
export function checkChart(spec: unknown, briefing: Briefing, where: ChartWhere): ChartDataResult {
  const fallback = specLoc(spec);
  const at = parsePath(where.path);
  const errors = chartProblems(spec, at, briefing.trade)
    .filter((p) => p.severity === 'error')
    .map((p) => diag(p.code, p.message, { path: formatPath([...p.path]), loc: where.locate?.(formatPath([...p.path])) ?? where.locate?.(formatPath([...(p.near ?? at)])) ?? fallback, hint: p.hint }));
  if (errors.length > 0 || !isRecord(spec)) return { ok: false, diagnostics: errors };
  return { ok: true, data: extract(spec as unknown as ChartSpec, briefing), diagnostics: [] };
}

/** The data of a spec that passed the chart rules against `briefing.trade`. */
function extract(spec: ChartSpec, briefing: Briefing): ChartData {
  const type = spec.type;
  const words = chartStrings(briefing.language);
  const trade = briefing.trade as Trade;
  // A balance chart plots its first series only (the rules warn about the others).
  const specs = type === 'balance' ? spec.series.slice(0, 1) : spec.series;
  const series = specs.map((s) => {
    const raw: unknown = (s as { label?: unknown }).label;
    return { field: s.field, label: typeof raw === 'string' && raw.trim() ? raw : words.fieldLabel[s.field] };
  });
  const rows = type === 'doughnut' ? trade.years.filter((y) => y.year === spec.year) : trade.years;
  // Categories in year order, whatever order the data came in.
  const sorted = [...rows].sort((a, b) => a.year - b.year);
  const how = (y: TradeYear): string | undefined => {
    const d: unknown = y.derived;
    return typeof d === 'string' && d.trim() ? d.trim() : undefined;
  };
  const keys = seriesKeys(series.map((s) => s.field));
  const currency: unknown = trade.currency;
  return {
    type,
    language: briefing.language,
    currency: typeof currency === 'string' && currency ? currency : 'CAD',
    unit: trade.unit,
    labels: sorted.map((y) => (how(y) ? `${y.year}*` : `${y.year}`)),
    years: sorted.map((y) => y.year),
    derived: sorted.map(how),
    series: series.map((s, j) => ({ ...s, key: keys[j] ?? s.field, values: sorted.map((y) => y[s.field]) })),
  };
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
