/**
 * The briefing templates see, after defaults. Every field comes from the generated schema
 * types (via ./input.ts); only what loading changes is written here (lists that default to
 * empty, blocks as a union by `kind`, chart locations), so a schema change the code does not
 * follow fails typecheck.
 */
import type { Diagnostic, SourceLoc } from '../diag/index.js';
import type { BlockBody, BriefingInput, ChartInput, SectionInput, TradeInput } from './input.js';
import type { BriefingTableValue } from './schema-types.js';

/**
 * Language of a briefing, a BCP 47 tag (`en`, `fr`, `ko`, `pt-BR`); drives message catalogs,
 * number formats and hyphenation. Any tag with a catalog in templates/messages/ is accepted.
 */
export type Language = BriefingInput['language'];

/**
 * A prose section of the briefing: a heading, an optional intro, its bullets (a shorthand for
 * one bullet list) and then its blocks in the author's order. Prose (intro, bullets, block
 * text) is rich text: see src/data/rich.ts.
 */
export interface Section extends Omit<SectionInput, 'bullets' | 'blocks'> {
  readonly bullets: NonNullable<SectionInput['bullets']>;
  readonly blocks: readonly ContentBlock[];
}

/** A list item: its rich text and, one level down, its own items (two levels at most). */
export interface ListItem {
  readonly text: string;
  readonly items: readonly string[];
}

/** A table block's body as written. */
type TableInput = BlockBody<'table'>;

/** How a table column's values are written and aligned (numbers right, text left). */
export type ColumnType = TableColumn['type'];

/**
 * A column of a data table: title, type, `unit` (printed in the header; for money, the scale
 * of the values), `currency` (ISO 4217, money columns) and `decimals`.
 */
export type TableColumn = TableInput['columns'][number];

/** A table cell as written: text, a number, or empty. */
export type TableValue = BriefingTableValue;

/**
 * A table given as data: typed columns, rows (always inline here, whatever the file used), a
 * total row (printed last, in bold), notes.
 */
export interface DataTable extends Omit<TableInput, 'rows' | 'notes'> {
  readonly rows: readonly (readonly TableValue[])[];
  readonly notes: NonNullable<TableInput['notes']>;
}

/** What a call-out box is for; the default title comes from the message catalog. */
export type CalloutRole = NonNullable<BlockBody<'callout'>['kind']>;

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
  | ({ readonly kind: 'keyFigures' } & BlockBody<'keyFigures'>)
  | ({ readonly kind: 'quote' } & BlockBody<'quote'>)
  | { readonly kind: 'pageBreak' };

/**
 * Trade with the partner in one year: exports, imports, two-way trade (their sum), the balance
 * (exports minus imports; negative: a deficit) in `Trade.unit` of `Trade.currency`, and
 * `derived` when the values were computed rather than reported (says how).
 */
export type TradeYear = TradeInput['years'][number];

/** A year-on-year change of one measure, in per cent. */
export type Growth = NonNullable<TradeInput['growth']>[number];

/** Where the partner ranks for the reporter (1 = first). */
export type Ranking = NonNullable<TradeInput['rankings']>[number];

/** Scale of the money values. */
export type MoneyUnit = TradeInput['unit'];

/** Trade figures; `years` sorted by year, ascending; the quoted-fact lists default to empty. */
export interface Trade extends Omit<TradeInput, 'growth' | 'rankings' | 'topExports' | 'topImports'>,
  Required<Pick<TradeInput, 'growth' | 'rankings' | 'topExports' | 'topImports'>> {}

/**
 * Phrase parts a translator writes in the data, because they hold grammar a catalog cannot
 * know (French articles and contractions: "vers la Corée", "au Japon", "aux États-Unis").
 * Each fills the catalog placeholder of the same name (`reporterAdjective`, `toPartner`,
 * `fromPartner`); a missing one comes from the catalog's `wording.<name>` pattern.
 */
export type TradeWording = NonNullable<TradeInput['wording']>;

/** Chart kinds a briefing can declare. */
export type ChartType = ChartInput['type'];

/** Which field of `TradeYear` a series plots, and its legend label. */
export type SeriesSpec = ChartInput['series'][number];

/**
 * A chart declared in the data; templates place it by `name`. The same spec feeds the PDF,
 * the slides and the PPTX.
 */
export interface ChartSpec extends ChartInput {
  /** Where the spec stands in its data file, for located errors in later stages. */
  readonly loc?: SourceLoc;
}

/** A validated briefing: the only shape templates ever see. */
export interface Briefing extends Omit<BriefingInput, '$schema' | 'sections' | 'trade' | 'charts'> {
  readonly sections: readonly Section[];
  readonly trade?: Trade;
  readonly charts: readonly ChartSpec[];
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
