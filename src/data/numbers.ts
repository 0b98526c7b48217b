/**
 * A bound on every number in the data, whatever its field. Sums and differences of figures
 * (two-way trade, balances, totals, chart scales) are made later from these numbers; with
 * every number at most `maxNumber` in size, each of them stays finite and exact enough to
 * print, so none can overflow to infinity or NaN (figures near 1e308 made builds hang, or
 * fail with an internal error on `NaN`).
 */
import { diag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { num } from './describe.js';
import type { DataLimits } from './limits.js';
import type { Locator } from './locator.js';
import { formatPath, type PathSeg } from './paths.js';

/** `1e+15` as `10^15`, the way the limit is written in messages. */
function power(x: number): string {
  const e = Math.log10(x);
  return Number.isInteger(e) ? `10^${e}` : num(x);
}

/**
 * A number larger in size than `limits.maxNumber`, reported at its field (called by
 * `checkValues` as it walks the data). Numbers that are not finite (`.inf`, `.nan`) are left
 * to the schema, which reports them as `data/range` too.
 */
export function checkNumber(v: number, segs: PathSeg[], locator: Locator, limits: DataLimits): Diagnostic | undefined {
  return Number.isFinite(v) && Math.abs(v) > limits.maxNumber ? tooBig(v, segs, locator, limits) : undefined;
}

function tooBig(v: number, segs: PathSeg[], locator: Locator, limits: DataLimits): Diagnostic {
  const last = segs[segs.length - 1];
  const name = typeof last === 'string' ? `\`${last}\`` : 'the number';
  return diag('data/range', `${name} is ${num(v)}; numbers in briefing data must be at most ${power(limits.maxNumber)} in size (sums and charts made from them would overflow)`, {
    loc: locator.value(segs),
    path: formatPath(segs),
    hint: `check the figure for a typing error (an exponent such as \`e308\`, extra digits)${segs[0] === 'trade' && segs[1] === 'years' ? '; for very large amounts choose a larger `trade.unit`' : ''}`,
  });
}
