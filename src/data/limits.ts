/**
 * Resource limits of the data stage. They guard against runaway inputs (a pasted log file, a
 * generated file gone wrong, a hostile file): each is checked before the work it bounds, so
 * no input can hang a command or exhaust its memory or stack. The JSON Schema's own per-field
 * `maxLength`s still apply, so a limit here can tighten the schema but never loosen it.
 */
export interface DataLimits {
  /**
   * Largest data file accepted, in bytes: checked against the file's size before it is read,
   * and again while reading (at most this many bytes plus one are ever read).
   */
  readonly maxFileBytes: number;
  /** Longest string value accepted, in characters (Unicode code points). */
  readonly maxStringLength: number;
  /** Longest list accepted, in items. */
  readonly maxListItems: number;
  /**
   * Deepest nesting of lists and mappings accepted, in levels, counting what YAML aliases
   * expand to. Checked while parsing, before any recursive work on the data.
   */
  readonly maxDepth: number;
  /**
   * Most nodes (values, lists, mappings) that YAML aliases may add to the document in all,
   * however many anchors they use. Checked before the aliases are expanded.
   */
  readonly maxAliasNodes: number;
  /**
   * Largest magnitude of any number in the data. Keeps every sum, difference and chart scale
   * made from the figures finite and exact enough to print.
   */
  readonly maxNumber: number;
}

/**
 * The limits used when the caller gives none: 5 MB, 20,000 characters, 5,000 items, 64 levels,
 * 10,000 aliased nodes, numbers up to 10^15 (a quadrillion of the briefing's unit).
 */
export const defaultLimits: DataLimits = Object.freeze({
  maxFileBytes: 5 * 1024 * 1024,
  maxStringLength: 20_000,
  maxListItems: 5_000,
  maxDepth: 64,
  maxAliasNodes: 10_000,
  maxNumber: 1e15,
});

/** Fills the limits the caller left out with {@link defaultLimits}. */
export function resolveLimits(partial: Partial<DataLimits> | undefined): DataLimits {
  return { ...defaultLimits, ...(partial ?? {}) };
}
