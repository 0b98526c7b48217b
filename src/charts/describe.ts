import { formatPercent } from '../util/index.js';
import type { ChartData } from './data.js';
import { chartStrings } from './strings.js';
import { exactDigits, money, valueDigits } from './style.js';

/** The words around a chart: alt text, the data table and legend notes. */
export interface ChartWords {
  readonly alt: string;
  /** Header row, then one row per category (doughnut: per slice). */
  readonly table: string[][];
  /** The chart's own notes from the data. */
  readonly notes: string[];
  /** How derived values were computed, one note per derivation: not printed under the chart. */
  readonly derivedNotes: string[];
}

function lowerFirst(s: string): string {
  // Lower-case a leading capital only when the word goes on in lower case ("Exports", not "APEC").
  return /^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/**
 * Describes a chart from its data, in the briefing's language: what it shows, every value with
 * its unit per category and series, and the trend from the first to the last year.
 */
export function describeChart(title: string, data: ChartData, userNotes: readonly string[] = []): ChartWords {
  const w = chartStrings(data.language);
  const values = data.series.flatMap((s) => s.values);
  const digits = valueDigits(values);
  const exact = exactDigits(values);
  const balance = data.type === 'balance';
  const long = (v: number): string => {
    if (!balance) return money(data, v, { digits, style: 'long' });
    const amount = money(data, Math.abs(v), { digits, style: 'long' });
    const rounded = Number(v.toFixed(digits));
    return w.balanceValue(rounded < 0 ? -1 : rounded > 0 ? 1 : 0, amount);
  };
  const yearText = (i: number): string => `${data.years[i] ?? ''}${data.derived[i] ? ` (${w.derived})` : ''}`;
  const unit = w.unitPhrase(data.unit, data.currency);
  const first = data.years[0] ?? 0;
  const last = data.years[data.years.length - 1] ?? first;
  const sentences: string[] = [];
  const balanceTrend = (label: string, a: number, b: number, lastI: number): string => {
    const abs = (v: number, i: number): string => w.inYear(money(data, Math.abs(v), { digits, style: 'long' }), yearText(i));
    if (a < 0 !== b < 0) return w.balanceTrend(label, 'turned', w.inYear(long(a), yearText(0)), w.inYear(long(b), yearText(lastI)));
    const bigger = Math.abs(b) > Math.abs(a);
    const how = a < 0 ? (bigger ? 'widened' : 'narrowed') : bigger ? 'grew' : 'shrank';
    return w.balanceTrend(label, how, abs(a, 0), abs(b, lastI));
  };
  let table: string[][];

  if (data.type === 'doughnut') {
    const slice = data.series.map((s) => s.values[0] ?? 0);
    const total = slice.reduce((a, b) => a + b, 0);
    const pct = (v: number): string => formatPercent((v / total) * 100, data.language);
    sentences.push(`${w.of(w.typeName.doughnut, title)}, ${w.sharesOf(money(data, total, { digits, style: 'long' }), yearText(0))} (${unit}).`);
    sentences.push(`${w.list(data.series.map((s, i) => w.labelValue(s.label, `${long(slice[i] ?? 0)} (${pct(slice[i] ?? 0)})`)))}.`);
    table = [
      [data.labels[0] ?? '', w.value, w.share],
      ...data.series.map((s, i) => [s.label, money(data, slice[i] ?? 0, { digits: exact }), pct(slice[i] ?? 0)]),
      [w.total, money(data, total, { digits: exact }), pct(total)],
    ];
  } else {
    sentences.push(`${w.of(w.typeName[data.type], title)}, ${w.range(first, last)}, ${unit}.`);
    for (const s of data.series) {
      const items = s.values.map((v, i) => w.inYear(long(v), yearText(i)));
      sentences.push(`${w.labelValue(s.label, items.join(', '))}.`);
    }
    if (data.years.length > 1) {
      const trends = data.series.map((s, j) => {
        const a = s.values[0] ?? 0;
        const b = s.values[s.values.length - 1] ?? 0;
        const label = j === 0 ? s.label : lowerFirst(s.label);
        const fromTo = (v: number, i: number): string => w.inYear(money(data, v, { digits, style: 'long', signed: balance }), yearText(i));
        const lastI = s.values.length - 1;
        if (Number(a.toFixed(digits)) === Number(b.toFixed(digits))) return w.flat(label, long(b), yearText(0), yearText(lastI));
        if (balance) return balanceTrend(label, a, b, lastI);
        return w.trend(label, b > a ? 'up' : 'down', fromTo(a, 0), fromTo(b, lastI));
      });
      sentences.push(`${trends.join('; ')}.`);
    }
    table = [
      [w.year, ...data.series.map((s) => s.label)],
      ...data.labels.map((label, i) => [
        label,
        ...data.series.map((s) => money(data, s.values[i] ?? 0, { digits: exact, signed: balance })),
      ]),
    ];
  }

  // One note per derivation text, naming the years it covers. The printed document says this
  // once, in its text (a footnote); the chart's legend marks the derived values.
  const derivedNotes: string[] = [];
  const byHow = new Map<string, number[]>();
  data.derived.forEach((how, i) => {
    if (how !== undefined) byHow.set(how, [...(byHow.get(how) ?? []), data.years[i] ?? 0]);
  });
  for (const [how, years] of byHow) {
    derivedNotes.push(w.derivedNote(w.list(years.map(String)), how, data.type === 'line' ? 'open' : 'hatched'));
  }
  return { alt: sentences.join(' '), table, notes: [...userNotes], derivedNotes };
}
