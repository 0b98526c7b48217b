import type { Briefing, ChartSpec, TradeYear } from '../../src/data/types.js';
import { defaultTheme } from '../../src/theme/index.js';
import type { ChartInput } from '../../src/charts/index.js';

/** The Canada–Korea figures: 1993 derived from the 1994 figures and growth rates. */
export const YEARS: readonly TradeYear[] = [
  {
    year: 1993,
    exports: 1.72,
    imports: 2.19,
    twoWay: 3.91,
    balance: -0.47,
    derived: 'Derived from the 1994 figures and growth rates.',
  },
  { year: 1994, exports: 2.2, imports: 2.5, twoWay: 4.7, balance: -0.3 },
];

export const EXPORTS_IMPORTS = [
  { field: 'exports', label: 'Exports to Korea' },
  { field: 'imports', label: 'Imports from Korea' },
] as const;

/** A chart spec with defaults for the fields a test does not care about. */
export function spec(over: Partial<ChartSpec> = {}): ChartSpec {
  return {
    name: 'trade-by-year',
    type: 'grouped-bar',
    title: 'Canada–Korea merchandise trade',
    x: 'year',
    series: [...EXPORTS_IMPORTS],
    ...over,
  };
}

/** A briefing holding `charts` and the Canada–Korea trade figures. */
export function briefing(charts: readonly ChartSpec[] = [spec()], over: Partial<Briefing> = {}): Briefing {
  return {
    id: 'test',
    language: 'en',
    title: 'Canada – Republic of Korea',
    date: '1995-10-01',
    classification: 'UNCLASSIFIED',
    sections: [],
    trade: {
      currency: 'CAD',
      unit: 'billion',
      reporter: 'Canada',
      partner: 'Republic of Korea',
      years: YEARS,
      growth: [],
      rankings: [],
      topExports: [],
      topImports: [],
    },
    charts,
    ...over,
  };
}

/** Chart input at a typical A4 text column width (pt). */
export function input(b: Briefing = briefing(), width = 451.28): ChartInput {
  return { briefing: b, theme: defaultTheme, width };
}
