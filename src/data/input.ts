/**
 * The shape of briefing data as written in a file, once it has passed the JSON Schema. It
 * differs from {@link Briefing} only where the file may leave things out that the briefing
 * always has (lists default to empty) and in the editor-only `$schema` key.
 */
import type { BlockInput } from './blocks.js';
import type { Briefing, ChartSpec, Section, Trade } from './types.js';

/** `trade` as written: the quoted-fact lists are optional. */
export interface TradeInput extends Omit<Trade, 'growth' | 'rankings' | 'topExports' | 'topImports'> {
  readonly growth?: Trade['growth'];
  readonly rankings?: Trade['rankings'];
  readonly topExports?: Trade['topExports'];
  readonly topImports?: Trade['topImports'];
}

/** A chart as written: never has `loc` (the schema forbids it; the loader fills it in). */
export type ChartInput = Omit<ChartSpec, 'loc'>;

/** A section as written: bullets and blocks are each optional (one of them is needed). */
export interface SectionInput extends Omit<Section, 'bullets' | 'blocks'> {
  readonly bullets?: readonly string[];
  readonly blocks?: readonly BlockInput[];
}

/** A briefing as written in its data file. */
export interface BriefingInput extends Omit<Briefing, 'trade' | 'charts' | 'sections'> {
  readonly $schema?: string;
  readonly sections: readonly SectionInput[];
  readonly trade?: TradeInput;
  readonly charts?: readonly ChartInput[];
}
