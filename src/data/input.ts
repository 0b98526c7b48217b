/**
 * The shape of briefing data as the data stage sees it once it has passed the JSON Schema:
 * the generated schema types (src/data/schema-types.ts, from data/schema/briefing.schema.json),
 * read-only, with table rows inline (the loader reads `rows: { csv: … }` in first). The
 * {@link Briefing} of ./types.ts is derived from these, so the schema is the one place a field
 * is declared.
 */
import type { BriefingBlock, BriefingChart, BriefingFile, BriefingSection, BriefingTableValue, BriefingTrade } from './schema-types.js';

/** `T` with every object and array in it read-only: stages never mutate their input. */
export type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** A block exactly as the schema accepts it in a file (a table's rows may name a CSV file). */
type BlockFileInput = DeepReadonly<BriefingBlock>;

/** Table rows inline: one value per column. */
type InlineRows = readonly (readonly DeepReadonly<BriefingTableValue>[])[];

type FileBody<K extends string> = BlockFileInput extends infer B ? (B extends { readonly [P in K]: infer V } ? V : never) : never;

/** A table as written, after loading: its rows inline. */
interface SchemaTable extends Omit<FileBody<'table'>, 'rows'> {
  readonly rows: InlineRows;
}

/** A sub-section as written, after loading (an interface: the block type is recursive). */
interface SchemaSubsection extends Omit<FileBody<'subsection'>, 'blocks'> {
  readonly blocks: readonly SchemaBlock[];
}

/** One block `B` as written, after loading. Distributes over the block union. */
type Loaded<B> = B extends { readonly table: unknown }
  ? { readonly table: SchemaTable }
  : B extends { readonly subsection: unknown }
    ? { readonly subsection: SchemaSubsection }
    : B;

/** A block as written (`- paragraph: …`, `- table: {…}`), with table rows inline. */
export type SchemaBlock = Loaded<BlockFileInput>;

/** The body of the block written `{ key: body }`, e.g. `BlockBody<'table'>`. */
export type BlockBody<K extends string> = SchemaBlock extends infer B ? (B extends { readonly [P in K]: infer V } ? V : never) : never;

/** A section as written: bullets and blocks are each optional (one of them is needed). */
export interface SectionInput extends Omit<DeepReadonly<BriefingSection>, 'blocks'> {
  readonly blocks?: readonly SchemaBlock[];
}

/** `trade` as written: the quoted-fact lists are optional. */
export type TradeInput = DeepReadonly<BriefingTrade>;

/** A chart as written: never has `loc` (the schema forbids it; the loader fills it in). */
export type ChartInput = DeepReadonly<BriefingChart>;

/** A briefing as written in its data file, with table rows inline. */
export interface BriefingInput extends Omit<DeepReadonly<BriefingFile>, 'sections'> {
  readonly sections: readonly SectionInput[];
}
