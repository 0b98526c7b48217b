/**
 * Diagnostics: what every stage reports to the user. A diagnostic is a value, never thrown on
 * its own; stages collect all of them and the pipeline decides whether to stop.
 */

/** A position in a source file. Lines and columns are 1-based, as editors show them. */
export interface SourceLoc {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export type Severity = 'error' | 'warning';

/**
 * One problem found in the user's input. `code` is stable (tests and scripts match on it);
 * `message` says what is wrong; `hint` says what to do about it.
 */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly loc?: SourceLoc;
  /** Field path in the data, in dotted form with indices: `trade.years[0].exports`. */
  readonly path?: string;
  readonly hint?: string;
}
