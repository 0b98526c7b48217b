/**
 * Nothing silently dropped: data the bundled templates accept but never print is a warning
 * (`data/unused`) at its place. Growth rates print only for the latest year's exports and
 * imports (the key figures, on the page and on the slides); a two-way rate or an earlier
 * year's rate is accepted by the schema for the record, and the author is told it is not shown.
 */
import { diag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import type { Locator } from './locator.js';
import { formatPath, isRecord } from './paths.js';

const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

/** `data/unused` warnings for growth rates no template prints; see the module comment. */
export function unusedFields(data: unknown, locator: Locator): Diagnostic[] {
  const trade = isRecord(data) && isRecord(data['trade']) ? data['trade'] : undefined;
  if (!trade) return [];
  const years = list(trade['years']).flatMap((y) => (isRecord(y) && typeof y['year'] === 'number' ? [y['year']] : []));
  const latest = years.length ? Math.max(...years) : undefined;
  const out: Diagnostic[] = [];
  list(trade['growth']).forEach((g, i) => {
    if (!isRecord(g)) return;
    const path = ['trade', 'growth', i];
    const where = { loc: locator.value(path), path: formatPath(path) };
    if (g['measure'] === 'twoWay') {
      out.push(diag('data/unused', 'a two-way growth rate is not printed', { ...where, severity: 'warning', hint: 'the key figures show growth for exports and imports only; write the rate in a section\'s text to print it, or remove it' }));
    } else if (g['year'] !== latest) {
      out.push(diag('data/unused', `the growth rate for ${String(g['year'])} is not printed (only the latest year, ${String(latest)}, is)`, { ...where, severity: 'warning', hint: 'write earlier rates in a section\'s text to print them, or remove them' }));
    }
  });
  return out;
}
