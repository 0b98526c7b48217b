import { loadBriefing } from './data/index.js';
import type { DataLimits } from './data/index.js';
import type { Briefing } from './data/types.js';
import { hasErrors, UserError } from './diag/errors.js';
import type { Diagnostic, SourceLoc } from './diag/types.js';
import { parseMarkup } from './doc/index.js';
import type { DocMeta, DocTree } from './doc/types.js';
import { renderTemplate } from './template/index.js';
import type { Paper, Theme } from './theme/types.js';
import { formatDate } from './util/format.js';
import { timed } from './util/timing.js';

/** How to build; every field is optional. */
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
  readonly limits?: Partial<DataLimits>;
  /** Refuse documents longer than this many pages (default 10,000): a runaway input fails fast. */
  readonly maxPages?: number;
}

/** What to build: a data file by path, its text, or a data object (validated all the same). */
export type BuildInput =
  | { readonly file: string; readonly text?: string }
  | { readonly data: unknown; readonly name?: string };

/** The document tree stage on its own: data -> template -> markup -> tree. */
export interface TreeResult {
  readonly briefing: Briefing;
  readonly tree: DocTree;
  readonly diagnostics: readonly Diagnostic[];
  readonly dependencies: readonly string[];
  readonly locate: (path: string) => SourceLoc | undefined;
}

export function metaOf(b: Briefing): DocMeta {
  return {
    title: b.title,
    ...(b.subtitle ? { subtitle: b.subtitle } : {}),
    ...(b.author ? { author: b.author } : {}),
    subject: b.subtitle ? `${b.title}: ${b.subtitle}` : b.title,
    ...(b.keywords ? { keywords: b.keywords } : {}),
    language: b.language,
    classification: b.classification,
    date: b.date,
    dateText: formatDate(b.date, b.language),
  };
}

/** Loads, validates and templates a briefing into its document tree. Throws UserError. */
export function briefingTree(input: BuildInput, o: BuildOptions = {}): TreeResult {
  const file = 'file' in input ? input.file : input.name ?? 'briefing.json';
  const text = 'file' in input ? input.text : JSON.stringify(input.data, null, 1);
  const loaded = timed('data', () => loadBriefing({ file, ...(text !== undefined ? { text } : {}), ...(o.limits ? { limits: o.limits } : {}) }));
  if (!loaded.ok) throw new UserError(loaded.diagnostics);
  const briefing = loaded.value.briefing;
  const tpl = timed('template', () => renderTemplate({
    briefing,
    ...(o.templatesDir ? { templatesDir: o.templatesDir } : {}),
    options: { cover: o.cover === true, toc: o.toc === true },
  }));
  const parsed = timed('markup', () => parseMarkup({ markup: tpl.markup, file: tpl.file, meta: metaOf(briefing) }));
  const diagnostics = [...loaded.diagnostics, ...parsed.diagnostics];
  if (hasErrors(parsed.diagnostics)) throw new UserError(diagnostics);
  return { briefing, tree: parsed.tree, diagnostics, dependencies: [file, ...tpl.dependencies], locate: loaded.value.locate };
}

