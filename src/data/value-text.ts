/**
 * Briefing data handed over as a value (the API's `{ data }`) becomes JSON text for the
 * loader, which then validates it like a file. Its shape is checked first, without
 * recursion: a value nested too deeply, holding itself or expanding to more text than a file
 * may hold would otherwise overflow the stack or memory of the serialiser.
 */
import { diag, UserError } from '../diag/index.js';
import { valueProblem } from './bounds.js';
import { resolveLimits, type DataLimits } from './limits.js';

const WHY = {
  cycle: 'it contains itself (a circular reference)',
  depth: 'it is nested too deeply',
  size: 'it holds too many values',
} as const;

/** The JSON text of `data`, or a `data/too-large` UserError located at `name`. */
export function dataText(data: unknown, name: string, limits?: Partial<DataLimits>): string {
  const all = resolveLimits(limits);
  // Each value takes at least two bytes of JSON text: more than this could never load.
  const problem = valueProblem(data, all.maxDepth, Math.ceil(all.maxFileBytes / 2));
  if (problem) {
    throw new UserError([diag('data/too-large', `the data is too large to load: ${WHY[problem]}`, {
      loc: { file: name, line: 1, col: 1 },
      hint: 'pass plain briefing data: a few levels of objects and lists, without shared or circular references',
    })]);
  }
  return JSON.stringify(data, null, 1);
}
