/**
 * The one rule set for chart specs: what a chart must be to be drawn from the briefing's
 * trade data. The data stage runs it on every loaded chart (src/data/semantic.ts) and the
 * chart stage runs it again before it extracts a chart's data (src/charts/data.ts), because
 * the chart stage also takes specs that never passed the schema. One problem, one code:
 *
 * - `data/chart-spec`: the spec itself is malformed (not an object, no name, no series, `x`
 *   other than `year`); the schema catches these in files.
 * - `data/chart-type`: a type the chart stage does not draw.
 * - `data/chart-series`: a series plots something it cannot (not a trade field; `balance` in
 *   a doughnut, whose shares cannot be negative).
 * - `data/chart-extra-series` (warning): a balance chart plots only its first series.
 * - `data/chart-year`: a doughnut without a year or with a year `trade.years` lacks; `year`
 *   on another type (warning: ignored).
 * - `data/chart-data`: the trade data the chart reads is missing or unusable.
 * - `data/chart-empty`: nothing to draw (no years; a doughnut with only zero shares).
 *
 * Rules take plain values (`unknown`) and never throw; problems carry field paths, located
 * by the caller.
 */
import type { ChartType, MoneyUnit, SeriesSpec } from './types.js';
import type { PathSeg } from './paths.js';
import { isRecord } from './paths.js';
import { listNames } from './suggest.js';

/** Chart types the chart stage draws. */
export const CHART_TYPES: readonly ChartType[] = ['grouped-bar', 'stacked-bar', 'horizontal-bar', 'line', 'doughnut', 'balance'];
/** Trade fields a series may plot. */
export const SERIES_FIELDS: readonly SeriesSpec['field'][] = ['exports', 'imports', 'twoWay', 'balance'];
/** Scales of money values. */
export const MONEY_UNITS: readonly MoneyUnit[] = ['one', 'thousand', 'million', 'billion'];

/** One broken rule: a stable code, the field it is about, and how to fix it. */
export interface ChartProblem {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  /** The field the problem is about, from the briefing's root: `charts[2].year`. */
  readonly path: readonly PathSeg[];
  /** Where to point when `path` is not written (a missing field): its parent. */
  readonly near?: readonly PathSeg[];
  readonly message: string;
  readonly hint: string;
}

const isIn = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);

/**
 * Every problem of the chart `spec` at `at` (e.g. `['charts', 2]`) against the briefing's
 * `trade` (as given: it may be absent or malformed). Empty: the chart can be drawn. The spec
 * checks stop at the first one that leaves nothing to check further.
 */
export function chartProblems(spec: unknown, at: readonly PathSeg[], trade: unknown): ChartProblem[] {
  const out: ChartProblem[] = [];
  const add = (code: string, path: readonly PathSeg[], message: string, hint: string, more: Partial<ChartProblem> = {}): ChartProblem[] => {
    out.push({ code, severity: 'error', path, message, hint, ...more });
    return out;
  };
  if (!isRecord(spec)) return add('data/chart-spec', at, 'a chart must be an object with name, type and series', 'write the chart as `name:`, `type:`, `title:` and `series:`');
  const name = spec.name;
  if (typeof name !== 'string' || name.trim() === '') {
    return add('data/chart-spec', [...at, 'name'], 'a chart needs a non-empty name', 'templates place charts by name: add `name:`', { near: at });
  }
  const type = spec.type;
  if (!isIn(CHART_TYPES, type)) {
    return add('data/chart-type', [...at, 'type'], `chart \`${name}\` has unknown type ${JSON.stringify(type)}`, `use one of: ${CHART_TYPES.join(', ')}`, { near: at });
  }
  if (spec.x !== undefined && spec.x !== 'year') {
    add('data/chart-spec', [...at, 'x'], `chart \`${name}\` plots x=${JSON.stringify(spec.x)}, but only \`year\` exists`, 'remove `x`, or write `x: year`');
  }
  const series = spec.series;
  if (!Array.isArray(series) || series.length === 0) {
    return add('data/chart-spec', [...at, 'series'], `chart \`${name}\` has no series to plot`, 'add `series:` with at least one `field:` and `label:`', { near: at });
  }
  (series as unknown[]).forEach((s, k) => {
    const field = isRecord(s) ? s.field : undefined;
    const path = [...at, 'series', k, 'field'];
    if (!isIn(SERIES_FIELDS, field)) {
      add('data/chart-series', path, `chart \`${name}\` series ${k + 1} plots ${JSON.stringify(field)}, which is not a trade field`, `use one of: ${SERIES_FIELDS.join(', ')}`, { near: [...at, 'series', k] });
    } else if (type === 'doughnut' && field === 'balance') {
      add('data/chart-series', path, `doughnut chart \`${name}\` cannot show \`balance\`: shares cannot be negative`, 'use `exports`, `imports` or `twoWay`, or draw the balance with a `balance` chart');
    }
  });
  if (type === 'balance' && series.length > 1) {
    add('data/chart-extra-series', [...at, 'series', 1], `balance chart \`${name}\` plots only its first series`, 'remove the other series, or draw them in another chart', { severity: 'warning' });
  }
  // The year and trade rules still run (all errors at once), over the series that are usable.
  const seriesOk = !out.some((p) => p.severity === 'error');
  return [...out, ...tradeProblems({ spec, name, type, at, seriesOk }, trade)];
}

interface Spec {
  readonly spec: Readonly<Record<string, unknown>>;
  readonly name: string;
  readonly type: ChartType;
  readonly at: readonly PathSeg[];
  /** False when a series was reported: values are then checked only for the usable ones. */
  readonly seriesOk: boolean;
}

/** The rules about the trade data a well-formed spec reads. */
function tradeProblems({ spec, name, type, at, seriesOk }: Spec, trade: unknown): ChartProblem[] {
  const out: ChartProblem[] = [];
  const add = (code: string, path: readonly PathSeg[], message: string, hint: string, more: Partial<ChartProblem> = {}): ChartProblem[] => {
    out.push({ code, severity: 'error', path, message, hint, ...more });
    return out;
  };
  const year = spec.year;
  if (type !== 'doughnut' && year !== undefined) {
    add('data/chart-year', [...at, 'year'], `\`year\` is only used by doughnut charts; chart \`${name}\` (${type}) ignores it`, 'remove `year`, or make the chart a doughnut', { severity: 'warning' });
  }
  if (!isRecord(trade) || !Array.isArray(trade.years)) {
    return add('data/chart-data', at, `chart \`${name}\` needs trade data, and the briefing has none`, 'add a `trade:` section with `years`, or remove the chart');
  }
  if (!isIn(MONEY_UNITS, trade.unit)) {
    return add('data/chart-data', ['trade', 'unit'], `trade unit ${JSON.stringify(trade.unit)} is not one of ${MONEY_UNITS.join(', ')}`, `use one of: ${MONEY_UNITS.join(', ')}`, { near: ['trade'] });
  }
  const years = trade.years as unknown[];
  const known = years.map((y) => (isRecord(y) ? y.year : undefined)).filter((y): y is number => typeof y === 'number');
  let rows = years.map((y, k) => ({ y, k }));
  if (type === 'doughnut') {
    if (typeof year !== 'number') {
      return add('data/chart-year', [...at, 'year'], `doughnut chart \`${name}\` needs a \`year\`: the year whose values are the shares`,
        known.length ? `add \`year:\` with one of ${listNames(known)}` : 'add `year:` with one of the years in `trade.years`', { near: at });
    }
    rows = rows.filter(({ y }) => isRecord(y) && y.year === year);
    if (rows.length === 0) {
      return add('data/chart-year', [...at, 'year'], `chart \`${name}\` shows ${year}, but \`trade.years\` has no figures for ${year}`,
        known.length ? `use one of ${listNames(known)}, or add ${year} to \`trade.years\`` : `add ${year} to \`trade.years\``);
    }
  }
  if (rows.length === 0) return add('data/chart-empty', ['trade', 'years'], `chart \`${name}\` has no years to plot`, 'add figures to `trade.years`', { near: ['trade'] });
  const fields = (spec.series as unknown[]).map((s) => (isRecord(s) ? s.field : undefined));
  const usable = (f: unknown): f is SeriesSpec['field'] => isIn(SERIES_FIELDS, f) && !(type === 'doughnut' && f === 'balance');
  const plotted = (type === 'balance' ? fields.slice(0, 1) : fields).filter(usable);
  let nonZero = false;
  for (const { y, k } of rows) {
    const yp: PathSeg[] = ['trade', 'years', k];
    if (!isRecord(y)) return add('data/chart-data', yp, `trade year ${k + 1} is not an object`, 'write each year as `year:`, `exports:`, `imports:`, `twoWay:` and `balance:`');
    if (typeof y.year !== 'number' || !Number.isInteger(y.year)) {
      return add('data/chart-data', [...yp, 'year'], `trade year ${k + 1} has year ${JSON.stringify(y.year)}, not a whole number`, 'write the year as a whole number, e.g. 1994', { near: yp });
    }
    for (const f of plotted) {
      const v = y[f];
      if (v === undefined || v === null) {
        return add('data/chart-data', [...yp, f], `chart \`${name}\` plots ${f}, which ${y.year} does not have`, `add \`${f}:\` to the ${y.year} figures`, { near: yp });
      }
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        return add('data/chart-data', [...yp, f], `${f} for ${y.year} is ${JSON.stringify(v)}, not a finite number`, 'write the value as a number');
      }
      if (type === 'doughnut' && v < 0) {
        return add('data/chart-data', [...yp, f], `doughnut chart \`${name}\` cannot show the negative share ${f} = ${v}`, 'shares cannot be negative: draw the values with a bar chart');
      }
      if (v !== 0) nonZero = true;
    }
  }
  if (type === 'doughnut' && seriesOk && !nonZero) {
    add('data/chart-empty', [...at, 'series'], `doughnut chart \`${name}\` has only zero values: there are no shares to show`, `show another year, or draw ${String(year)} with a bar chart`);
  }
  return out;
}
