import type { Diagnostic, SourceLoc } from '../diag/types.js';

/** Language of a briefing; drives message catalogs, number formats and hyphenation. */
export type Language = 'en' | 'fr';

/** A prose section of the briefing: a heading and its bullets, verbatim from the source. */
export interface Section {
  readonly id: string;
  readonly title: string;
  readonly intro?: string;
  readonly bullets: readonly string[];
}

/** Trade with the partner in one year. Money values are in `Trade.unit` of `Trade.currency`. */
export interface TradeYear {
  readonly year: number;
  readonly exports: number;
  readonly imports: number;
  /** Exports plus imports. */
  readonly twoWay: number;
  /** Exports minus imports (negative: a deficit). */
  readonly balance: number;
  /** Set when the year's values were computed rather than reported: says how. */
  readonly derived?: string;
}

export interface Growth {
  readonly measure: 'exports' | 'imports' | 'twoWay';
  readonly year: number;
  /** Change over the previous year, in per cent. */
  readonly percent: number;
}

export interface Ranking {
  readonly year: number;
  readonly measure: string;
  readonly scope: string;
  /** 1 = first. */
  readonly rank: number;
}

export type MoneyUnit = 'one' | 'thousand' | 'million' | 'billion';

export interface Trade {
  /** ISO 4217 code, e.g. CAD. */
  readonly currency: string;
  readonly unit: MoneyUnit;
  readonly reporter: string;
  readonly partner: string;
  /** Sorted by year, ascending. */
  readonly years: readonly TradeYear[];
  readonly growth: readonly Growth[];
  readonly rankings: readonly Ranking[];
  readonly topExports: readonly string[];
  readonly topImports: readonly string[];
}

/** Chart kinds a briefing can declare. */
export type ChartType =
  | 'grouped-bar'
  | 'stacked-bar'
  | 'horizontal-bar'
  | 'line'
  | 'doughnut'
  | 'balance';

/** Which field of `TradeYear` a series plots, and its legend label. */
export interface SeriesSpec {
  readonly field: 'exports' | 'imports' | 'twoWay' | 'balance';
  readonly label: string;
}

/**
 * A chart declared in the data; templates place it by `name`. The same spec feeds the PDF,
 * the slides and the PPTX.
 */
export interface ChartSpec {
  readonly name: string;
  readonly type: ChartType;
  readonly title: string;
  readonly caption?: string;
  readonly source?: string;
  readonly notes?: readonly string[];
  /** Category axis field for year-based charts; only `year` today. */
  readonly x?: 'year';
  /** For doughnut charts: which year's values are the shares. */
  readonly year?: number;
  readonly series: readonly SeriesSpec[];
  /** Print the chart's data as a table under it. */
  readonly showTable?: boolean;
  /** Full column width (default) or half, beside the next half-width chart. */
  readonly size?: 'full' | 'half';
  /** Where the spec stands in its data file, for located errors in later stages. */
  readonly loc?: SourceLoc;
}

/** A validated briefing: the only shape templates ever see. */
export interface Briefing {
  readonly id: string;
  readonly language: Language;
  readonly title: string;
  readonly subtitle?: string;
  /** ISO date, YYYY-MM-DD. */
  readonly date: string;
  /** Marking printed top and bottom of every page, e.g. UNCLASSIFIED. */
  readonly classification: string;
  readonly author?: string;
  readonly partner?: string;
  readonly source?: string;
  readonly keywords?: readonly string[];
  readonly sections: readonly Section[];
  readonly trade?: Trade;
  readonly charts: readonly ChartSpec[];
  /** Template folder under templates/, default `fact-sheet`. */
  readonly template?: string;
}

/** A loaded briefing with where it came from. */
export interface LoadedBriefing {
  readonly briefing: Briefing;
  /** Path as given by the user (used in messages). */
  readonly file: string;
  /** Locates a field path (e.g. `charts[0].type`) in the source, when known. */
  readonly locate: (path: string) => SourceLoc | undefined;
  /** The source bytes, for hashing. */
  readonly source: string;
}

export type LoadResult =
  | { readonly ok: true; readonly value: LoadedBriefing; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };
