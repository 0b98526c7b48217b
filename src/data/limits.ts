/**
 * Resource limits of the data stage. They guard against runaway inputs (a pasted log file, a
 * generated file gone wrong); the JSON Schema's own per-field `maxLength`s still apply, so a
 * limit here can tighten the schema but never loosen it.
 */
export interface DataLimits {
  /** Largest data file accepted, in bytes (checked before the file is read). */
  readonly maxFileBytes: number;
  /** Longest string value accepted, in characters (Unicode code points). */
  readonly maxStringLength: number;
  /** Longest list accepted, in items. */
  readonly maxListItems: number;
}

/** The limits used when the caller gives none: 5 MB, 20,000 characters, 5,000 items. */
export const defaultLimits: DataLimits = Object.freeze({
  maxFileBytes: 5 * 1024 * 1024,
  maxStringLength: 20_000,
  maxListItems: 5_000,
});

/** Fills the limits the caller left out with {@link defaultLimits}. */
export function resolveLimits(partial: Partial<DataLimits> | undefined): DataLimits {
  return { ...defaultLimits, ...(partial ?? {}) };
}
