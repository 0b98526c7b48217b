/**
 * Checks that need more than the JSON Schema: real calendar dates, unique names, totals that
 * add up, and charts that can be drawn from the data. Runs only on schema-valid data.
 */
import { diag } from '../diag/index.js';
import type { Diagnostic, SourceLoc } from '../diag/index.js';
import { checkMarking, defaultScheme } from '../marking/index.js';
import type { MarkingScheme } from '../marking/index.js';
import { checkSections } from './check-blocks.js';
import { checkKinds } from './check-kinds.js';
import { num } from './describe.js';
import { chartProblems } from './chart-rules.js';
import type { BriefingInput, TradeInput } from './input.js';
import type { Locator } from './locator.js';
import { formatPath, type PathSeg } from './paths.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Days in `month` (1-12) of `year`, Gregorian calendar. */
function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Runs the semantic checks. Allowed slack for totals: 0.011 plus 0.5 % of exports + imports,
 * which covers figures rounded to one or two decimals.
 */
export function checkSemantics(b: BriefingInput, locator: Locator, scheme: MarkingScheme = defaultScheme): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (segs: PathSeg[]): { loc: SourceLoc; path: string } => ({ loc: locator.value(segs), path: formatPath(segs) });

  checkDate(b.date, at(['date']), out);
  // A marking is read fully or it is an error: never ranked, never printed as something else.
  const marking = checkMarking(b.classification, scheme, at(['classification']));
  if (marking) out.push(marking);
  uniques(b.sections.map((s) => s.id), ['sections'], 'id', 'section id', locator, out);
  out.push(...checkSections(b, locator));
  out.push(...checkKinds(b, b.classification, locator, scheme));
  if (b.trade) checkTrade(b.trade, locator, out);
  const charts = b.charts ?? [];
  uniques(charts.map((c) => c.name), ['charts'], 'name', 'chart name', locator, out);
  charts.forEach((c, i) => {
    for (const p of chartProblems(c, ['charts', i], b.trade)) {
      out.push(diag(p.code, p.message, { loc: locator.value([...(p.near ?? p.path)]), path: formatPath([...p.path]), severity: p.severity, hint: p.hint }));
    }
  });
  return out;
}

function checkDate(date: string, at: { loc: SourceLoc; path: string }, out: Diagnostic[]): void {
  const [y = 0, m = 0, d = 0] = date.split('-').map(Number);
  let why: string | undefined;
  if (m < 1 || m > 12) why = `there is no month ${m}`;
  else if (d < 1 || d > daysIn(y, m)) why = `${MONTHS[m - 1] ?? ''} ${y} has ${daysIn(y, m)} days`;
  if (why) out.push(diag('data/date', `\`${date}\` is not a real date: ${why}`, { ...at, hint: 'write an existing date as YYYY-MM-DD, e.g. 1995-10-01' }));
}

function uniques(values: readonly (string | number)[], list: PathSeg[], field: string, what: string, locator: Locator, out: Diagnostic[]): void {
  const first = new Map<string | number, number>();
  values.forEach((v, i) => {
    const prev = first.get(v);
    if (prev === undefined) {
      first.set(v, i);
      return;
    }
    const segs = [...list, i, field];
    const prevLoc = locator.value([...list, prev, field]);
    out.push(
      diag('data/duplicate', `${what} \`${String(v)}\` is used twice (first at line ${prevLoc.line})`, {
        loc: locator.value(segs),
        path: formatPath(segs),
        hint: `each ${what} must be unique: rename one of them${what === 'year' ? ' or merge the two entries' : ''}`,
      }),
    );
  });
}

function checkTrade(t: TradeInput, locator: Locator, out: Diagnostic[]): void {
  uniques(t.years.map((y) => y.year), ['trade', 'years'], 'year', 'year', locator, out);
  t.years.forEach((y, i) => {
    const tol = 0.011 + 0.005 * (Math.abs(y.exports) + Math.abs(y.imports));
    const sum = y.exports + y.imports;
    const diff = y.exports - y.imports;
    const warn = (field: string, msg: string): void => {
      const segs = ['trade', 'years', i, field];
      out.push(
        diag('data/inconsistent-total', msg, {
          loc: locator.value(segs),
          path: formatPath(segs),
          severity: 'warning',
          hint: `check the ${y.year} figures: one of them is probably mistyped (differences from rounding are allowed)`,
        }),
      );
    };
    if (Math.abs(y.twoWay - sum) > tol) {
      warn('twoWay', `two-way trade for ${y.year} is ${num(y.twoWay)}, but exports + imports = ${num(y.exports)} + ${num(y.imports)} = ${num(sum)}`);
    }
    if (Math.abs(y.balance - diff) > tol) {
      warn('balance', `the balance for ${y.year} is ${num(y.balance)}, but exports − imports = ${num(y.exports)} − ${num(y.imports)} = ${num(diff)}`);
    }
  });
}
