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
 * Runs the semantic checks. Totals off by rounding are warnings, beyond it errors
 * ({@link roundingSlack}).
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

/**
 * Half a unit of the last decimal of `n` as JSON/YAML gave it (5 → 0.5, 1.72 → 0.005). A
 * trailing zero the parser dropped (`1.20`) makes the slack larger, never a false error.
 */
export function halfUnit(n: number): number {
  const m = /^-?\d+(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(String(Math.abs(n)));
  if (!m) return 0.5;
  const decimals = (m[1]?.length ?? 0) - Number(m[2] ?? 0);
  return 0.5 * 10 ** -Math.max(0, decimals);
}

/**
 * How far a total may be from exports ± imports and still be rounding: half a unit of the last
 * written decimal of each input, summed (5 + 3 may be 8 or 9; 2.2 + 2.5 is 4.6 to 4.8). A
 * difference up to that is a warning; beyond it one figure is wrong, which is an error, because
 * the total is printed as a headline figure.
 */
export function roundingSlack(exports: number, imports: number): number {
  return halfUnit(exports) + halfUnit(imports);
}

/** Binary floating point noise in a sum of decimals (0.1 + 0.2 is not 0.3). */
const noise = (x: number): number => 1e-9 * Math.max(1, Math.abs(x));

function checkTrade(t: TradeInput, locator: Locator, out: Diagnostic[]): void {
  uniques(t.years.map((y) => y.year), ['trade', 'years'], 'year', 'year', locator, out);
  t.years.forEach((y, i) => {
    const slack = roundingSlack(y.exports, y.imports);
    const sum = y.exports + y.imports;
    const diff = y.exports - y.imports;
    const report = (field: string, off: number, msg: string): void => {
      const segs = ['trade', 'years', i, field];
      const wrong = off > slack + noise(sum);
      out.push(
        diag('data/inconsistent-total', msg, {
          loc: locator.value(segs),
          path: formatPath(segs),
          severity: wrong ? 'error' : 'warning',
          hint: wrong
            ? `check the ${y.year} figures: the difference is more than rounding the figures as written allows (±${num(slack)}), so one of them is mistyped`
            : `check the ${y.year} figures: the difference is within rounding, but a reader adding them up will notice`,
        }),
      );
    };
    // Out-of-range figures are data/range errors already; their sums mean nothing.
    if (!Number.isFinite(sum) || !Number.isFinite(diff)) return;
    // Equal as decimals is fine; any visible difference is reported, as a warning or an error.
    const twoWayOff = Math.abs(y.twoWay - sum);
    if (twoWayOff > noise(sum)) {
      report('twoWay', twoWayOff, `two-way trade for ${y.year} is ${num(y.twoWay)}, but exports + imports = ${num(y.exports)} + ${num(y.imports)} = ${num(sum)}`);
    }
    const balanceOff = Math.abs(y.balance - diff);
    if (balanceOff > noise(sum)) {
      report('balance', balanceOff, `the balance for ${y.year} is ${num(y.balance)}, but exports − imports = ${num(y.exports)} − ${num(y.imports)} = ${num(diff)}`);
    }
  });
}
