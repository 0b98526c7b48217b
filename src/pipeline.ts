import type { Briefing } from './data/types.js';
import { diag, hasErrors, UserError } from './diag/errors.js';
import type { Diagnostic } from './diag/types.js';
import { layoutDocument } from './layout/index.js';
import { columnWidth, pageGeometry } from './layout/geometry.js';
import type { PagedDocument } from './layout/types.js';
import { renderPdf } from './render/pdf.js';
import { TEMPLATES_DIR } from './template/index.js';
import { loadMessages } from './template/messages.js';
import { defaultTheme } from './theme/index.js';
import { briefingTree } from './tree.js';
import type { BuildInput, BuildOptions } from './tree.js';

export type { BuildInput, BuildOptions, TreeResult } from './tree.js';
export { briefingTree } from './tree.js';
import { renderCharts } from './charts/index.js';
import { printTimings, resetTimings, timed, timedAsync } from './util/timing.js';

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
export async function buildBriefing(input: BuildInput, o: BuildOptions = {}): Promise<BuildResult> {
  try {
    resetTimings();
    const { briefing, tree, diagnostics, dependencies, locate } = briefingTree(input, o);
    const theme = o.theme ?? defaultTheme;
    const geometry = pageGeometry({ ...(o.paper ? { paper: o.paper } : {}), duplex: o.duplex ?? false, bleed: o.bleed ?? 0 });
    const charts = timed('charts', () => renderCharts({ briefing, theme, width: columnWidth(geometry, theme), locate }));
    if (hasErrors(charts.diagnostics)) throw new UserError([...diagnostics, ...charts.diagnostics]);
    const messages = loadMessages(o.templatesDir ?? TEMPLATES_DIR, briefing.language);
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

/** Default page limit for one output. */
export const DEFAULT_MAX_PAGES = 10_000;

/** Fails with a located error when a document is longer than the limit allows. */
export function checkPages(pages: number, max: number | undefined, input: BuildInput | { file: string }): void {
  const limit = max ?? DEFAULT_MAX_PAGES;
  if (pages <= limit) return;
  const file = 'file' in input ? input.file : input.name ?? 'briefing.json';
  throw new UserError([diag('layout/too-many-pages', `the document runs to ${pages} pages; the limit is ${limit}`, {
    loc: { file, line: 1, col: 1 },
    hint: 'check for runaway data (a huge table or text), or raise the limit with maxPages',
  })]);
}
