import type { ChartType, Language, MoneyUnit, SeriesSpec } from '../data/index.js';
import { loadMessages, TEMPLATES_DIR, type Messages } from '../template/index.js';

/** Words the chart stage prints or writes into alt text, from the language's message catalog (`chart.*` keys). */
export interface ChartStrings {
  readonly fieldLabel: Readonly<Record<SeriesSpec['field'], string>>;
  readonly typeName: Readonly<Record<ChartType, string>>;
  readonly year: string;
  readonly share: string;
  readonly value: string;
  readonly surplus: string;
  readonly deficit: string;
  readonly derived: string;
  /** Legend entries for derived values: hatched bars, open markers. */
  readonly derivedLegend: string;
  readonly derivedOpen: string;
  /** "in billions of Canadian dollars". */
  readonly unitPhrase: (unit: MoneyUnit, currency: string) => string;
  /** Legend note for derived years; `how` says how the values were computed. */
  readonly derivedNote: (years: string, how: string, mark: 'hatched' | 'open') => string;
  /** A change between two points, e.g. "Exports rose from $1.7 billion in 1993 to …". */
  readonly trend: (label: string, dir: 'up' | 'down', from: string, to: string) => string;
  /** No change: "Exports held steady at $2.2 billion from 1993 to 1994". */
  readonly flat: (label: string, value: string, from: string, to: string) => string;
  readonly range: (first: number, last: number) => string;
  readonly of: (chart: string, title: string) => string;
  readonly total: string;
  /** A balance in words: "deficit of $0.5 billion". */
  readonly balanceValue: (sign: -1 | 0 | 1, amount: string) => string;
  /**
   * A balance's change: `narrowed`/`widened` for a deficit, `grew`/`shrank` for a surplus,
   * `turned` when the sign changed (from and to then carry their own words).
   */
  readonly balanceTrend: (label: string, how: 'narrowed' | 'widened' | 'grew' | 'shrank' | 'turned', from: string, to: string) => string;
  /** Doughnut alt text lead: "shares of $4.7 billion in 1994". */
  readonly sharesOf: (total: string, year: string) => string;
  /** "Label: value", with French spacing before the colon. */
  readonly labelValue: (label: string, value: string) => string;
  /** A value in a year: "$2.2 billion in 1994". */
  readonly inYear: (value: string, year: string) => string;
  readonly list: (items: readonly string[]) => string;
}

/** `text` with its `{name}` placeholders filled. */
function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : m));
}

/** The chart words of a catalog. A missing key is a build error naming it (never English in a French chart). */
export function chartStringsOf(m: Messages, lang: Language): ChartStrings {
  const get = (key: string): string => {
    const v = Object.hasOwn(m, key) ? m[key] : undefined;
    if (v === undefined) throw new Error(`message "${key}" is not in the ${lang} catalog`);
    return v;
  };
  const t = (key: string, values: Readonly<Record<string, string | number>> = {}): string => fill(get(key), values);
  const types: readonly ChartType[] = ['grouped-bar', 'stacked-bar', 'horizontal-bar', 'line', 'doughnut', 'balance'];
  return {
    fieldLabel: { exports: t('chart.field.exports'), imports: t('chart.field.imports'), twoWay: t('chart.field.twoWay'), balance: t('chart.field.balance') },
    typeName: Object.fromEntries(types.map((k) => [k, t(`chart.type.${k}`)])) as Record<ChartType, string>,
    year: t('chart.year'),
    share: t('chart.share'),
    value: t('chart.value'),
    surplus: t('chart.surplus'),
    deficit: t('chart.deficit'),
    derived: t('chart.derived'),
    derivedLegend: t('chart.derivedLegend'),
    derivedOpen: t('chart.derivedOpen'),
    // A currency the catalog has no name for is written as its code.
    unitPhrase: (unit: MoneyUnit, cur: string) => t(`chart.unit.${unit}`, { currency: Object.hasOwn(m, `currency.${cur}`) ? get(`currency.${cur}`) : cur }),
    derivedNote: (years, how, mark) => t(`chart.derivedNote.${mark === 'hatched' ? 'hatched' : 'open'}`, { years, how }),
    trend: (label, dir, from, to) => t(`chart.trend.${dir}`, { label, from, to }),
    flat: (label, value, from, to) => t('chart.flat', { label, value, from, to }),
    range: (first, last) => (first === last ? `${first}` : t('chart.range', { first, last })),
    of: (chart, title) => t('chart.of', { chart, title }),
    total: t('chart.total'),
    balanceValue: (sign, amount) => (sign === 0 ? t('chart.balance.zero') : t(`chart.balance.${sign < 0 ? 'deficit' : 'surplus'}`, { amount })),
    balanceTrend: (label, how, from, to) => t(`chart.balanceTrend.${how}`, { label, from, to }),
    sharesOf: (total, year) => t('chart.sharesOf', { total, year }),
    labelValue: (label, value) => t('chart.labelValue', { label, value }),
    inYear: (value, year) => t('chart.inYear', { value, year }),
    list: (items) => (items.length <= 1 ? items.join('') : t('list', { first: items.slice(0, -1).join(', '), last: items[items.length - 1] ?? '' })),
  };
}

const byCatalog = new WeakMap<Messages, ChartStrings>();

/**
 * The chart words for a language, from the bundled catalog (or `messages` when the caller
 * has the merged one). Built once per catalog object; a catalog edited on disk is a new
 * object (see loadMessages), so the words follow the edit.
 */
export function chartStrings(lang: Language, messages?: Messages): ChartStrings {
  const m = messages ?? loadMessages(TEMPLATES_DIR, lang);
  let w = byCatalog.get(m);
  if (!w) {
    w = chartStringsOf(m, lang);
    byCatalog.set(m, w);
  }
  return w;
}
