/**
 * The data stage: loading and validating briefing data files. See {@link loadBriefing}.
 */
export { loadBriefing } from './load.js';
export { dataText } from './value-text.js';
export type { LoadInput } from './load.js';
export { defaultLimits } from './limits.js';
export type { DataLimits } from './limits.js';
export { briefingSchema } from './schema.js';
export { formatPath, parsePath } from './paths.js';
export type { PathSeg } from './paths.js';
export type * from './types.js';
export { formatOf, parseSource } from './parse.js';
export type { ParseResult } from './parse.js';
export { readSource, readBounded, checkFile } from './read.js';
export type { ReadResult } from './read.js';
export { resolveLimits } from './limits.js';
export { isRecord } from './paths.js';
export { chartProblems } from './chart-rules.js';
export type { ChartProblem } from './chart-rules.js';
export { csvDependencies } from './csv-rows.js';
export { Locator } from './locator.js';
export { pointerToSegs } from './paths.js';
export { peekData } from './peek.js';
export { parseRich, richPlain } from './rich.js';
export type { RichNode } from './rich.js';
export { refTargets } from './xref.js';
export type { RefKind, RefTarget } from './xref.js';
export { mapSchemaError } from './schema-errors.js';
export { suggest } from './suggest.js';
export { checkValues } from './text-checks.js';
