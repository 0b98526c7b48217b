import { renderCharts } from '../charts/index.js';
import type { ChartAsset } from '../charts/index.js';
import type { Briefing } from '../data/index.js';
import { hasErrors, UserError } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import type { DocTree } from '../doc/index.js';
import { defaultTheme } from '../theme/index.js';
import type { BuildOptions } from './options.js';
import type { SourceStore } from './sources.js';
import { briefingTree } from './tree.js';

/** One briefing read for a pack: its tree and charts, or why it cannot be used. */
export type PreparedPart =
  | { readonly ok: true; readonly tree: DocTree; readonly briefing: Briefing; readonly charts: ReadonlyMap<string, ChartAsset>; readonly deps: readonly string[]; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * Reads one briefing of a pack (data, template, markup) and draws its charts: through the
 * session's store on the main thread, or from the `text` the session read when on a worker.
 */
export function preparePart(file: string, o: BuildOptions, width: number, store?: SourceStore, text?: string): PreparedPart {
  try {
    const t = briefingTree(text !== undefined ? { file, text } : { file }, { ...o, cover: false, toc: false }, store);
    const charts = renderCharts({ briefing: t.briefing, theme: o.theme ?? defaultTheme, width, locate: t.locate });
    if (hasErrors(charts.diagnostics)) return { ok: false, diagnostics: [...t.diagnostics, ...charts.diagnostics] };
    return { ok: true, tree: t.tree, briefing: t.briefing, charts: charts.assets, deps: t.dependencies, diagnostics: t.diagnostics };
  } catch (e) {
    if (e instanceof UserError) return { ok: false, diagnostics: e.diagnostics };
    throw e;
  }
}
