import type { ChartType, Language, MoneyUnit, SeriesSpec } from '../data/types.js';

/** Words the chart stage prints or writes into alt text, per language. */
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

const CURRENCY_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  CAD: ['Canadian dollars', 'dollars canadiens'],
  USD: ['US dollars', 'dollars américains'],
};

const FR_UNITS: Readonly<Record<MoneyUnit, string>> = {
  one: '',
  thousand: 'milliers de ',
  million: 'millions de ',
  billion: 'milliards de ',
};

function listWith(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1] ?? ''}`;
}

const en: ChartStrings = {
  fieldLabel: { exports: 'Exports', imports: 'Imports', twoWay: 'Two-way trade', balance: 'Trade balance' },
  typeName: {
    'grouped-bar': 'Bar chart',
    'stacked-bar': 'Stacked bar chart',
    'horizontal-bar': 'Horizontal bar chart',
    line: 'Line chart',
    doughnut: 'Doughnut chart',
    balance: 'Bar chart',
  },
  year: 'Year',
  share: 'Share',
  value: 'Value',
  surplus: 'Surplus',
  deficit: 'Deficit',
  derived: 'derived',
  derivedLegend: 'Derived values (*)',
  derivedOpen: 'Derived values (*)',
  unitPhrase: (unit, cur) => `in ${unit === 'one' ? '' : `${unit}s of `}${CURRENCY_NAMES[cur]?.[0] ?? cur}`,
  derivedNote: (years, how, mark) =>
    `* ${years} values are derived (${mark === 'hatched' ? 'hatched' : 'open markers'}): ${how}`,
  trend: (label, dir, from, to) => `${label} ${dir === 'up' ? 'rose' : 'fell'} from ${from} to ${to}`,
  flat: (label, value, from, to) => `${label} held steady at ${value} from ${from} to ${to}`,
  range: (a, b) => (a === b ? `${a}` : `${a} to ${b}`),
  of: (chart, title) => `${chart} of ${title}`,
  total: 'Total',
  balanceValue: (sign, amount) => (sign === 0 ? 'balanced' : `${sign < 0 ? 'deficit' : 'surplus'} of ${amount}`),
  balanceTrend: (label, how, from, to) =>
    how === 'turned'
      ? `${label} went from a ${from} to a ${to}`
      : `${label}: the ${how === 'narrowed' || how === 'widened' ? 'deficit' : 'surplus'} ${how} from ${from} to ${to}`,
  sharesOf: (total, year) => `shares of ${total} in ${year}`,
  labelValue: (label, value) => `${label}: ${value}`,
  inYear: (value, year) => `${value} in ${year}`,
  list: (items) => listWith(items, 'and'),
};

const fr: ChartStrings = {
  fieldLabel: {
    exports: 'Exportations',
    imports: 'Importations',
    twoWay: 'Commerce bilatéral',
    balance: 'Solde commercial',
  },
  typeName: {
    'grouped-bar': 'Graphique à barres',
    'stacked-bar': 'Graphique à barres empilées',
    'horizontal-bar': 'Graphique à barres horizontales',
    line: 'Graphique linéaire',
    doughnut: 'Graphique en anneau',
    balance: 'Graphique à barres',
  },
  year: 'Année',
  share: 'Part',
  value: 'Valeur',
  surplus: 'Excédent',
  deficit: 'Déficit',
  derived: 'valeur dérivée',
  derivedLegend: 'Valeurs dérivées (*)',
  derivedOpen: 'Valeurs dérivées (*)',
  unitPhrase: (unit, cur) => `en ${FR_UNITS[unit]}${CURRENCY_NAMES[cur]?.[1] ?? cur}`,
  derivedNote: (years, how, mark) =>
    `* Les valeurs de ${years} sont dérivées (${mark === 'hatched' ? 'hachures' : 'marqueurs vides'})\u00a0: ${how}`,
  trend: (label, dir, from, to) => `${label}\u00a0: ${dir === 'up' ? 'hausse' : 'baisse'} de ${from} à ${to}`,
  flat: (label, value, from, to) => `${label}\u00a0: stable à ${value} de ${from} à ${to}`,
  range: (a, b) => (a === b ? `${a}` : `${a} à ${b}`),
  of: (chart, title) => `${chart}\u00a0: ${title}`,
  total: 'Total',
  balanceValue: (sign, amount) => (sign === 0 ? 'équilibre' : `${sign < 0 ? 'déficit' : 'excédent'} de ${amount}`),
  balanceTrend: (label, how, from, to) => {
    const verb = { narrowed: 'le déficit s’est réduit', widened: 'le déficit s’est creusé', grew: 'l’excédent a augmenté', shrank: 'l’excédent a diminué', turned: 'passage' }[how];
    return how === 'turned' ? `${label}\u00a0: passage d’un ${from} à un ${to}` : `${label}\u00a0: ${verb}, de ${from} à ${to}`;
  },
  sharesOf: (total, year) => `répartition de ${total} en ${year}`,
  labelValue: (label, value) => `${label}\u00a0: ${value}`,
  inYear: (value, year) => `${value} en ${year}`,
  list: (items) => listWith(items, 'et'),
};

/** The strings for a language. */
export function chartStrings(lang: Language): ChartStrings {
  return lang === 'fr' ? fr : en;
}
