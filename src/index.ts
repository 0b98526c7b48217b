/// <reference lib="dom" preserve="true" />
/**
 * briefkit's programmatic API. The CLI is a thin layer over these functions.
 *
 * @example
 * ```ts
 * import { buildBriefing } from 'briefkit';
 * const r = await buildBriefing({ file: 'data/briefings/canada-korea-1995.yaml' });
 * if (r.ok) writeFileSync('out.pdf', r.pdf); else console.error(r.diagnostics);
 * ```
 */
export { BuildSession, buildBriefing, buildPack, buildSlides, buildTarget, briefingTree } from './build/index.js';
export type {
  BuildInput, BuildOptions, BuildResult, PackOptions, PackResult, SlidesOptions, SlidesResult, TargetOptions, TargetResult, TreeResult,
} from './build/index.js';
export { loadBriefing } from './data/index.js';
export type { Briefing, ChartSpec, LoadResult } from './data/index.js';
export type { Diagnostic, SourceLoc } from './diag/index.js';
export { formatDiagnostic, formatGithub } from './diag/index.js';
export { UserError } from './diag/index.js';
export { layoutDocument } from './layout/index.js';
export type { PagedDocument } from './layout/index.js';
export { defaultTheme, printTheme, resolveTheme, withTheme } from './theme/index.js';
export type { ThemeResult } from './theme/index.js';
export type { Theme } from './theme/index.js';
export { loadManifest } from './pack/index.js';
export { lastTimings } from './util/index.js';
