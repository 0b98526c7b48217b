/**
 * What a build is asked to do: the options every command and API call maps onto, resolved
 * once per session.
 */
import type { DataLimits } from '../data/index.js';
import { diag, UserError } from '../diag/index.js';
import type { MarkingScheme } from '../marking/index.js';
import type { Paper, Theme } from '../theme/index.js';

/** How to build a document; every field is optional. */
export interface BuildOptions {
  readonly paper?: Paper;
  /** Mirrored margins for two-sided printing. */
  readonly duplex?: boolean;
  /** Bleed (pt) with trim/bleed boxes and crop marks, for commercial print. */
  readonly bleed?: number;
  /** PDF/A-2a archival output. */
  readonly pdfa?: boolean;
  /** Add a cover page / a table of contents (template switches). */
  readonly cover?: boolean;
  readonly toc?: boolean;
  readonly templatesDir?: string;
  readonly theme?: Theme;
  /** The marking scheme packs combine their parts' markings in (default: the Canadian one). */
  readonly scheme?: MarkingScheme;
  readonly limits?: Partial<DataLimits>;
  /** Refuse documents longer than this many pages (default 10,000): a runaway input fails fast. */
  readonly maxPages?: number;
}

/** What to build: a data file by path, its text, or a data object (validated all the same). */
export type BuildInput =
  | { readonly file: string; readonly text?: string }
  | { readonly data: unknown; readonly name?: string };

/** Build options plus which outputs a target writes. */
export interface TargetOptions extends BuildOptions {
  /** Also write the slide decks of briefings: `<id>-slides.pdf` and `<id>.pptx`. */
  readonly slides?: boolean;
  /** Slide text that does not fit: continue on a "(cont.)" slide (default), or fail the decks. */
  readonly slidesOverflow?: 'continue' | 'error';
  /** Write only the decks of briefings (`briefkit slides`): no print PDF. Implies `slides`. */
  readonly decksOnly?: boolean;
  /** Packs also write each briefing alone in the pack's print settings: `<pack id>/<id>.pdf`. */
  readonly separate?: boolean;
}

/**
 * The options a print PDF is built from: the deck options do not change it, so `build` after
 * `build --slides` (and `check` without `--slides`) finds it up to date; nor does `separate`
 * change a pack or its copies (it only says whether the copies are written).
 */
export function printOptions(o: TargetOptions): TargetOptions {
  return Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'slides' && k !== 'slidesOverflow' && k !== 'decksOnly' && k !== 'separate')) as TargetOptions;
}

/** Default page limit for one output. */
export const DEFAULT_MAX_PAGES = 10_000;

/** Fails with a located error when a document is longer than the limit allows. */
export function checkPages(pages: number, max: number | undefined, input: BuildInput | { file: string }): void {
  const limit = max ?? DEFAULT_MAX_PAGES;
  if (pages <= limit) return;
  const file = 'file' in input ? input.file : input.name ?? 'briefing.json';
  throw new UserError([diag('layout/too-many-pages', `the document runs to ${pages} pages; the limit is ${limit}`, {
    loc: { file, line: 1, col: 1 },
    hint: 'check for runaway data (a huge table or text), or raise the limit with maxPages',
  })]);
}

/** The file name an input is known by in messages. */
export function inputName(input: BuildInput): string {
  return 'file' in input ? input.file : input.name ?? 'briefing.json';
}
