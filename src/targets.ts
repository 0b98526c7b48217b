/** The API's target entry point, kept at its old path; the build lives in src/build/. */
export { buildTarget } from './build/index.js';
export type { TargetOptions, TargetOutput, TargetResult } from './build/index.js';
