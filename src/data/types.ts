import type { Diagnostic, SourceLoc } from '../diag/types.js';

/**
 * Language of a briefing, a BCP 47 tag (`en`, `fr`, `ko`, `pt-BR`); drives message catalogs,
 * number formats and hyphenation. Any tag with a catalog in templates/messages/ is accepted.
 */
export type Language = string;

/**
 * A prose section of the briefing: a heading, an optional intro, its bullets (a shorthand for
 * one bullet list) and then its blocks in the author's order. Prose (intro, bullets, block
 * text) is rich text: see src/data/rich.ts.
 */
export interface Section {
  readonly id: string;
  readonly title: string;
  readonly intro?: string;
  readonly bullets: readonly string[];
  readonly blocks: readonly ContentBlock[];
}

/** A list item: its rich text and, one level down, its own items (two levels at most). */
export interface ListItem {
  readonly text: string;
  readonly items: readonly string[];
}

/** How a table column's values are written and aligned (numbers right, text left). */
export type ColumnType = 'text' | 'number' | 'money' | 'percent' | 'date';

/** A column of a data table. */
export interface TableColumn {
  readonly title: string;
  readonly type: ColumnType;
  /** Unit printed in the header, e.g. `t` or `million`; for money, the scale of the values. */
  readonly unit?: string;
  /** ISO 4217 code for money columns. */
  readonly currency?: string;
  /** Digits after the decimal point for number, money and percent columns. */
  readonly decimals?: number;
}

/** A table cell as written: text, a number, or empty. */
export type TableValue = string | number | null;

/** A table given as data: typed columns, rows (inline or read from a CSV file), a total row. */
export interface DataTable {
  readonly id?: string;
  readonly caption?: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly TableValue[])[];
  /** Printed last, in bold. */
  readonly total?: readonly TableValue[];
  readonly notes: readonly string[];
  readonly source?: string;
}

/** What a call-out box is for; the default title comes from the message catalog. */
export type CalloutRole = 'key-message' | 'if-asked' | 'note';

/**
 * A block of a section, in the author's order. Written in data as a one-key object
 * (`- paragraph: …`, `- table: {…}`); built into this union, discriminated by `kind`.
 */
export type ContentBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'bullets'; readonly items: readonly ListItem[] }
  | { readonly kind: 'numbered'; readonly items: readonly ListItem[] }
  /** A sub-section: level 3 right under a section, 4 below that (deeper ones print as 4). */
  | { readonly kind: 'subsection'; readonly title: string; readonly level: 3 | 4; readonly blocks: readonly ContentBlock[] }
  | ({ readonly kind: 'table' } & DataTable)
  /** A chart declared in `charts`, placed here (and not again with the trade figures). */
  | { readonly kind: 'chart'; readonly name: string }
  | { readonly kind: 'callout'; readonly role: CalloutRole; readonly title?: string; readonly text?: string; readonly bullets: readonly ListItem[] }
  | { readonly kind: 'keyFigures'; readonly title?: string; readonly items: readonly { readonly value: string; readonly label: string; readonly change?: string }[] }
  | { readonly kind: 'quote'; readonly text: string; readonly by?: string }
  | { readonly kind: 'pageBreak' };

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
  /** How the briefing's language writes the reporter and partner in built-in phrases. */
  readonly wording?: TradeWording;
}

/**
 * Phrase parts a translator writes in the data, because they hold grammar a catalog cannot
 * know (French articles and contractions: "vers la Corée", "au Japon", "aux États-Unis").
 * Each fills the catalog placeholder of the same name; a missing one comes from the catalog's
 * `wording.<name>` pattern.
 */
export interface TradeWording {
  /** "Canadian", "canadiennes", "캐나다의". */
  readonly reporterAdjective?: string;
  /** "to Korea", "vers la Corée". */
  readonly toPartner?: string;
  /** "from Korea", "de la Corée". */
  readonly fromPartner?: string;
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
