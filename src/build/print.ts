/**
 * The print writer: a prepared briefing laid out on pages and drawn as a PDF.
 */
import { renderCharts } from '../charts/index.js';
import type { Briefing } from '../data/index.js';
import { hasErrors, UserError } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { layoutDocument } from '../layout/index.js';
import { columnWidth, pageGeometry } from '../layout/index.js';
import type { PagedDocument } from '../layout/index.js';
import { renderPdf } from '../render/index.js';
import { TEMPLATES_DIR } from '../template/index.js';
import { loadMessages } from '../template/index.js';
import { defaultTheme } from '../theme/index.js';
import { printTimings, resetTimings, timed, timedAsync } from '../util/index.js';
import { checkPages } from './options.js';
import type { BuildInput, BuildOptions } from './options.js';
import type { SourceStore } from './sources.js';
import { briefingTree } from './tree.js';

/** A built print PDF, or the diagnostics that stopped it. */
export type BuildResult =
  | {
      readonly ok: true;
      readonly pdf: Buffer;
      readonly briefing: Briefing;
      readonly pages: number;
      readonly paged: PagedDocument;
      /** Warnings (errors stop the build). */
      readonly diagnostics: readonly Diagnostic[];
      /** Files the output depends on (data, templates), for build manifests. */
      readonly dependencies: readonly string[];
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * Builds one briefing into PDF bytes: data -> template -> tree -> charts -> layout -> PDF.
 * User errors come back as diagnostics (`ok: false`); internal errors throw.
 */
export async function printBriefing(input: BuildInput, o: BuildOptions = {}, store?: SourceStore): Promise<BuildResult> {
  try {
    resetTimings();
    const { briefing, tree, diagnostics, dependencies, locate } = briefingTree(input, o, store);
    const theme = o.theme ?? defaultTheme;
    const geometry = pageGeometry({ ...(o.paper ? { paper: o.paper } : {}), duplex: o.duplex ?? false, bleed: o.bleed ?? 0 });
    const charts = timed('charts', () => renderCharts({ briefing, theme, width: columnWidth(geometry, theme), locate }));
    if (hasErrors(charts.diagnostics)) throw new UserError([...diagnostics, ...charts.diagnostics]);
    const messages = loadMessages(o.templatesDir ? [o.templatesDir, TEMPLATES_DIR] : TEMPLATES_DIR, briefing.language);
    const paged = timed('layout', () => layoutDocument({
      tree, theme, charts: charts.assets, messages,
      ...(o.paper ? { paper: o.paper } : {}), duplex: o.duplex ?? false, bleed: o.bleed ?? 0,
    }));
    checkPages(paged.pages.length, o.maxPages, input);
    const pdf = await timedAsync('render', () => renderPdf(paged, tree.meta, { pdfa: o.pdfa === true }));
    printTimings(briefing.id);
    return { ok: true, pdf, briefing, pages: paged.pages.length, paged, diagnostics: [...diagnostics, ...charts.diagnostics], dependencies };
  } catch (e) {
    if (e instanceof UserError) return { ok: false, diagnostics: e.diagnostics };
    throw e;
  }
}
