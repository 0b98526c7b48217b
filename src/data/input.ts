/**
 * The shape of briefing data as written in a file, once it has passed the JSON Schema. It
 * differs from {@link Briefing} only where the file may leave things out that the briefing
 * always has (lists default to empty) and in the editor-only `$schema` key.
 */
import type { Briefing, ChartSpec, Trade } from './types.js';

/** `trade` as written: the quoted-fact lists are optional. */
export interface TradeInput extends Omit<Trade, 'growth' | 'rankings' | 'topExports' | 'topImports'> {
  readonly growth?: Trade['growth'];
  readonly rankings?: Trade['rankings'];
  readonly topExports?: Trade['topExports'];
  readonly topImports?: Trade['topImports'];
}

/** A chart as written: never has `loc` (the schema forbids it; the loader fills it in). */
export type ChartInput = Omit<ChartSpec, 'loc'>;

/** A briefing as written in its data file. */
export interface BriefingInput extends Omit<Briefing, 'trade' | 'charts'> {
  readonly $schema?: string;
  readonly trade?: TradeInput;
  readonly charts?: readonly ChartInput[];
}
