import type { Briefing } from './data/types.js';
import { hasErrors, UserError } from './diag/errors.js';
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
    const { briefing, tree, diagnostics, dependencies, locate } = briefingTree(input, o);
    const theme = o.theme ?? defaultTheme;
    const geometry = pageGeometry({ ...(o.paper ? { paper: o.paper } : {}), duplex: o.duplex ?? false, bleed: o.bleed ?? 0 });
    const charts = renderCharts({ briefing, theme, width: columnWidth(geometry, theme), locate });
    if (hasErrors(charts.diagnostics)) throw new UserError([...diagnostics, ...charts.diagnostics]);
    const messages = loadMessages(o.templatesDir ?? TEMPLATES_DIR, briefing.language);
    const paged = layoutDocument({
      tree, theme, charts: charts.assets, messages,
      ...(o.paper ? { paper: o.paper } : {}), duplex: o.duplex ?? false, bleed: o.bleed ?? 0,
    });
    const pdf = await renderPdf(paged, tree.meta, { pdfa: o.pdfa === true });
    return { ok: true, pdf, briefing, pages: paged.pages.length, paged, diagnostics: [...diagnostics, ...charts.diagnostics], dependencies };
  } catch (e) {
    if (e instanceof UserError) return { ok: false, diagnostics: e.diagnostics };
    throw e;
  }
}
