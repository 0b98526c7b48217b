/** Moved to the build stage (`src/build/inputs.ts`); kept until every command imports it from there. */
export { DEFAULT_DATA_DIRS, findTargets, validateTarget } from '../build/index.js';
export type { Targets } from '../build/index.js';
