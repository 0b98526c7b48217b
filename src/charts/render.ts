import type { Briefing, ChartSpec } from '../data/index.js';
import { diag } from '../diag/index.js';
import type { Diagnostic, SourceLoc } from '../diag/index.js';
import { typeset, typoState } from '../text/index.js';
import type { Theme } from '../theme/index.js';
import { cacheGet, cacheSet, chartHash } from './cache.js';
import { buildConfig } from './config.js';
import type { ConfigOptions } from './config.js';
import { seriesRegistry, stylesFor } from './series-keys.js';
import type { SeriesRegistry } from './series-keys.js';
import { checkChart } from './data.js';
import type { ChartData } from './data.js';
import { describeChart } from './describe.js';
import type { ChartAsset } from './types.js';
import { recordChart } from './vector.js';
import type { Recording } from './vector.js';

/** What the chart stage needs: the briefing, the theme and the text column width (pt). */
export interface ChartInput {
  readonly briefing: Briefing;
  readonly theme: Theme;
  /** Width (pt) charts are recorded at: the text column. */
  readonly width: number;
  /** Locates a field path (e.g. `charts[0].type`) in the source, for located diagnostics. */
  readonly locate?: ((path: string) => SourceLoc | undefined) | undefined;
  /**
   * One style per series key for the whole document (see {@link seriesRegistry}); built from
   * `briefing.charts` when not given, so a deck drawn from the same briefing matches its PDF.
   */
  readonly series?: SeriesRegistry | undefined;
}

/** One chart's asset, when it could be drawn, and what was found wrong with it. */
export interface ChartResult {
  readonly asset?: ChartAsset;
  readonly diagnostics: Diagnostic[];
}

/** Space between two half-width charts in a row (pt). */
export const HALF_GUTTER = 18;

/** Chart height (pt) for a width: `width * theme.chartAspect`. */
export function chartHeight(width: number, theme: Theme): number {
  const aspect = Number.isFinite(theme.chartAspect) && theme.chartAspect > 0 ? theme.chartAspect : 0.5;
  return width * aspect;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/** The checked data for a spec, or the diagnostics that stop it (the path names its index). */
export function prepareChart(
  spec: unknown,
  input: ChartInput,
  index?: number,
): { data?: ChartData; diagnostics: Diagnostic[] } {
  const i = index ?? (input.briefing.charts as readonly unknown[]).indexOf(spec);
  const res = checkChart(spec, input.briefing, { path: i >= 0 ? `charts[${i}]` : 'chart', locate: input.locate });
  return res.ok ? { data: res.data, diagnostics: [...res.diagnostics] } : { diagnostics: [...res.diagnostics] };
}

/**
 * Renders one chart to vector ops (see {@link ChartAsset}), from the process-level cache when
 * the spec, the data it reads, the theme and the width are unchanged. A spec that does not fit
 * the data gives diagnostics and no asset: never a blank chart.
 */
export function renderChart(spec: ChartSpec, input: ChartInput, index?: number): ChartResult {
  if (!Number.isFinite(input.width) || input.width <= 0) {
    throw new Error(`internal: chart width must be a positive number of pt, got ${input.width}`);
  }
  const { data, diagnostics } = prepareChart(spec, input, index);
  if (!data) return { diagnostics };
  const raw = spec as unknown as Record<string, unknown>;
  // Texts from the data printed around the chart get the document's typography (quotes, minus).
  const typo = (s: string | undefined): string | undefined => (s === undefined ? undefined : typeset(s, input.briefing.language, typoState()));
  const title = typo(str(raw.title)) ?? spec.name;
  const userNotes = Array.isArray(raw.notes) ? raw.notes.filter((n): n is string => typeof n === 'string').map((n) => typo(n) ?? n) : [];
  const specNoLoc = Object.fromEntries(Object.entries(raw).filter(([k]) => k !== 'loc'));
  // Half-width charts share a row with a gutter; they are taller for their width, so their
  // plot keeps a useful size.
  const half = raw.size === 'half';
  const width = half ? (input.width - HALF_GUTTER) / 2 : input.width;
  const height = half ? width * (spec.type === 'doughnut' ? 0.8 : 0.72) : chartHeight(width, input.theme);
  const registry = input.series ?? seriesRegistry(input.briefing.charts, input.theme);
  // The styles depend on the other charts of the document, so they are part of the key.
  const styles = stylesFor(registry, data.series.map((s) => s.key), input.theme);
  // The language too: titles are typeset and alt texts worded by it.
  const hash = chartHash({ spec: specNoLoc, data, theme: input.theme, width, styles, language: input.briefing.language });
  const cached = cacheGet(hash);
  if (cached) return { asset: cached, diagnostics };

  const { recording: { ops }, labelled } = drawChartData(data, { theme: input.theme, registry, width, height });
  if (!ops.some((op) => op.kind === 'path')) {
    const i = index ?? input.briefing.charts.indexOf(spec);
    const path = i >= 0 ? `charts[${i}]` : 'chart';
    diagnostics.push(
      diag('chart/empty', `chart "${spec.name}" drew nothing`, { path, loc: input.locate?.(path) ?? spec.loc }),
    );
    return { diagnostics };
  }
  const words = describeChart(title, data, userNotes);
  const caption = typo(str(raw.caption));
  const source = typo(str(raw.source));
  const asset: ChartAsset = {
    name: spec.name,
    hash,
    width,
    height,
    ops,
    alt: words.alt,
    title,
    ...(caption ? { caption } : {}),
    ...(source ? { source } : {}),
    notes: words.notes,
    derivedNotes: words.derivedNotes,
    table: words.table,
    showTable: raw.showTable === true,
    half,
    labelled,
  };
  cacheSet(hash, asset);
  return { asset, diagnostics };
}

/**
 * Draws a chart's data at a size: the configuration it settled on, the recording and which
 * value labels were printed. A doughnut whose hole cannot hold its total is drawn again with
 * the total in the legend (the legend then takes room, so the hole is measured as drawn).
 */
export function drawChartData(
  data: ChartData,
  o: { readonly theme: Theme; readonly registry: SeriesRegistry; readonly width: number; readonly height: number },
): { config: ReturnType<typeof buildConfig>; recording: Recording; labelled: number[][] } {
  let labelled: number[][] = [];
  let dropped = false;
  const listen: ConfigOptions = {
    registry: o.registry,
    onLabels: (placed) => {
      labelled = placed.map((xs) => [...xs]);
    },
    onCentre: (fit) => {
      dropped = fit.dropped;
    },
  };
  let config = buildConfig(data, o.theme, listen);
  let recording = recordChart(config, o.width, o.height);
  if (dropped) {
    config = buildConfig(data, o.theme, { ...listen, total: 'legend' });
    recording = recordChart(config, o.width, o.height);
  }
  return { config, recording, labelled };
}

/**
 * Renders every chart of a briefing. Charts with errors are left out of `assets` and reported;
 * a name used twice is an error on the second use.
 */
export function renderCharts(input: ChartInput): {
  assets: ReadonlyMap<string, ChartAsset>;
  diagnostics: Diagnostic[];
} {
  const assets = new Map<string, ChartAsset>();
  const diagnostics: Diagnostic[] = [];
  const charts: unknown = input.briefing.charts;
  if (!Array.isArray(charts)) {
    diagnostics.push(diag('data/chart-spec', 'charts must be a list', { path: 'charts', loc: input.locate?.('charts'), hint: 'write `charts:` as a list of chart specs' }));
    return { assets, diagnostics };
  }
  const seen = new Set<string>();
  const series = input.series ?? seriesRegistry(charts, input.theme);
  (charts as unknown[]).forEach((spec, i) => {
    const name = typeof spec === 'object' && spec !== null ? (spec as { name?: unknown }).name : undefined;
    if (typeof name === 'string' && seen.has(name)) {
      const path = `charts[${i}].name`;
      diagnostics.push(
        diag('data/duplicate', `chart name "${name}" is used twice`, {
          path,
          loc: input.locate?.(path),
          hint: 'templates place charts by name: give each chart its own',
        }),
      );
      return;
    }
    if (typeof name === 'string') seen.add(name);
    const res = renderChart(spec as ChartSpec, { ...input, series }, i);
    diagnostics.push(...res.diagnostics);
    if (res.asset) assets.set(res.asset.name, res.asset);
  });
  return { assets, diagnostics };
}
