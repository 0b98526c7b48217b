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
export { buildBriefing, briefingTree } from './pipeline.js';
export type { BuildInput, BuildOptions, BuildResult, TreeResult } from './pipeline.js';
export { loadBriefing } from './data/index.js';
export type { Briefing, ChartSpec, LoadResult } from './data/index.js';
export type { Diagnostic, SourceLoc } from './diag/types.js';
export { formatDiagnostic, formatGithub } from './diag/format.js';
export { UserError } from './diag/errors.js';
export { layoutDocument } from './layout/index.js';
export type { PagedDocument } from './layout/types.js';
export { defaultTheme } from './theme/index.js';
export type { Theme } from './theme/types.js';
export { buildPack, loadManifest } from './pack/index.js';
export type { PackResult, PackOptions } from './pack/index.js';
export { buildTarget } from './targets.js';
export type { TargetOptions, TargetResult } from './targets.js';
export { lastTimings } from './util/timing.js';
