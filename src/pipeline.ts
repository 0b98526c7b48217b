/** The API's single-briefing entry points, kept at their old path; the build lives in src/build/. */
export { buildBriefing, briefingTree, checkPages, DEFAULT_MAX_PAGES } from './build/index.js';
export type { BuildInput, BuildOptions, BuildResult, TreeResult } from './build/index.js';
