/**
 * What a command tells its user, as typed events, and the reporter that prints them in one of
 * four forms. Commands never format lines themselves: they hand events to a {@link Reporter}.
 */
import type { Diagnostic } from '../diag/index.js';

/** The output forms `--reporter` chooses. */
export type ReporterKind = 'text' | 'json' | 'jsonl' | 'github';

/** Every {@link ReporterKind}, for the option's choices. */
export const REPORTER_KINDS: readonly ReporterKind[] = ['text', 'json', 'jsonl', 'github'];

/**
 * How much text and github print: `quiet` only errors (and what makes a command fail, such as
 * stale outputs), `normal` today's lines, `verbose` also the detail notes. The json and jsonl
 * forms always carry every event but verbose notes (those with `verbose`).
 */
export type Verbosity = 'quiet' | 'normal' | 'verbose';

/** What kind of file an output is. */
export type OutputKind = 'pdf' | 'slides-pdf' | 'pptx' | 'pack-pdf' | 'eml' | 'diff-png';

/** A file a command wrote. */
export interface OutputInfo {
  readonly path: string;
  readonly kind: OutputKind;
  /** Pages (slides for a deck); absent when not counted. */
  readonly pages?: number;
  /** Size in bytes. */
  readonly bytes?: number;
  /** The security marking printed on it, when there is one. */
  readonly marking?: string;
}

/** Whether a target's outputs match their inputs (`build` skips, `check` lists). */
export type TargetState = 'up-to-date' | 'stale' | 'missing' | 'modified' | 'unknown';

/** One target's state, and each of its outputs' states. */
export interface StateInfo {
  /** The data file or pack manifest. */
  readonly file: string;
  /** The worst state of its outputs (`unknown`: the data cannot be read). */
  readonly state: TargetState;
  readonly outputs?: readonly { readonly path: string; readonly state: TargetState }[];
}

/** One page compared by `diff`. */
export interface PageInfo {
  /** 1-based page number. */
  readonly page: number;
  readonly status: 'same' | 'changed' | 'added' | 'removed';
  /** The side-by-side PNG written for a changed page. */
  readonly image?: string;
}

/** What happened to one message for one recipient in `send`. */
export interface DeliveryInfo {
  /** The briefing or pack id. */
  readonly id: string;
  readonly recipient: string;
  readonly status: 'sent' | 'skipped' | 'held' | 'uncertain' | 'written';
  /** The `.eml` file of a dry run. */
  readonly file?: string;
}

/** A target whose outputs were not written (its diagnostics say why; the previous files stay). */
export interface FailedInfo {
  readonly file: string;
  /** The outputs not written; empty when none could be named. */
  readonly paths: readonly string[];
}

/** How a command ended; `end` takes it once, last. */
export interface EndInfo {
  readonly exitCode: number;
  /** Total time, in ms. */
  readonly ms?: number;
}

/**
 * The one way every command reports. Events may come in any order; `end` comes last and
 * flushes what a form holds back (json prints its one document there). Text from data, file
 * names and servers is escaped by the reporter: callers pass it raw.
 */
export interface Reporter {
  readonly kind: ReporterKind;
  diagnostics(ds: readonly Diagnostic[]): void;
  output(o: OutputInfo): void;
  failed(f: FailedInfo): void;
  state(s: StateInfo): void;
  page(p: PageInfo, files: { readonly old: string; readonly new: string }): void;
  delivery(d: DeliveryInfo): void;
  /** A line for people (`watching data/`, `3 targets in 812 ms`); `verbose` ones only with --verbose. */
  note(text: string, o?: { readonly verbose?: boolean }): void;
  /** Long work: an updating line on a terminal (text form, not quiet, not CI), else nothing. */
  progress(done: number, total: number, label: string): void;
  end(e: EndInfo): void;
}

/** Where a reporter writes: two line sinks, and the terminal stream for progress (if any). */
export interface ReporterIo {
  out(line: string): void;
  err(line: string): void;
  /** The stream a progress line is drawn on; drawn only when `isTTY` is true. */
  readonly tty?: { readonly isTTY?: boolean; write(s: string): unknown };
}

/** Options of {@link createReporter}. */
export interface ReporterOptions {
  readonly kind: ReporterKind;
  readonly verbosity?: Verbosity;
  /** The command name, recorded in json output. */
  readonly command: string;
  readonly io: ReporterIo;
  /** Environment for CI and NO_COLOR (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}
