/**
 * The build session: one place where a build is put together (see `session.ts`), the loop
 * that builds targets and writes their outputs (`run.ts`), and the API entry points.
 */
export { BuildSession, buildBriefing, buildPack, buildSlides, buildTarget } from './session.js';
export type { TargetOutput, TargetResult } from './session.js';
export type { TargetKind } from './sources.js';
export type { BuildInput, BuildOptions, TargetOptions } from './options.js';
export type { BuildResult } from './print.js';
export type { SlidesOptions, SlidesResult } from './deck.js';
export type { PackBriefing, PackOptions, PackResult } from './pack.js';
export { briefingTree } from './tree.js';
export type { TreeResult } from './tree.js';
export { prepareParts } from './prepare-pool.js';
export type { PartSource } from './prepare-pool.js';
export { planTargets, runTargets } from './run.js';
export type { Plan, PlanState, RunEvent, RunOptions } from './run.js';
export { DEFAULT_DATA_DIRS, findTargets, validateTarget } from './inputs.js';
export type { Targets } from './inputs.js';
