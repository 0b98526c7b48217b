/**
 * Preparing a briefing: data -> template -> markup -> document tree, with every problem
 * located in the data or the template that caused it.
 */
import { dataText, loadBriefing } from '../data/index.js';
import type { Briefing } from '../data/index.js';
import { diag, hasErrors, UserError } from '../diag/index.js';
import { describeChar, missingGlyphs } from '../text/index.js';
import type { Diagnostic, SourceLoc } from '../diag/index.js';
import { parseMarkup } from '../doc/index.js';
import type { DocMeta, DocTree } from '../doc/index.js';
import { locateText, renderTemplate } from '../template/index.js';
import { formatDate } from '../util/index.js';
import { timed } from '../util/index.js';
import { inputName } from './options.js';
import type { BuildInput, BuildOptions } from './options.js';
import type { SourceStore } from './sources.js';

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

/**
 * Loads, validates and templates a briefing into its document tree. Throws UserError. A file
 * given by path is loaded through the session's `store` when there is one (read once).
 */
export function briefingTree(input: BuildInput, o: BuildOptions = {}, store?: SourceStore): TreeResult {
  const file = inputName(input);
  const loaded = timed('data', () => loadInput(input, o, store));
  if (!loaded.ok) throw new UserError(loaded.diagnostics);
  const briefing = loaded.value.briefing;
  const tpl = timed('template', () => renderTemplate({
    briefing,
    ...(o.templatesDir ? { templatesDir: o.templatesDir } : {}),
    options: { cover: o.cover === true, toc: o.toc === true },
    locate: loaded.value.locate,
  }));
  const parsed = timed('markup', () => parseMarkup({ markup: tpl.markup, file: tpl.file, meta: metaOf(briefing) }));
  // Problems found in the markup are reported where the template wrote that markup.
  const where = templateLocator(tpl.markup, tpl.sources);
  const markupDiags = parsed.diagnostics.map((d) => (d.loc ? { ...d, loc: where(d.loc) } : d));
  const diagnostics = [...loaded.diagnostics, ...glyphWarnings(briefing, loaded.value.locate, o.pdfa === true), ...markupDiags];
  if (hasErrors(diagnostics)) throw new UserError(diagnostics);
  const tree = { ...parsed.tree, blocks: parsed.tree.blocks.map((b) => (b.kind === 'chart' ? { ...b, loc: where(b.loc) } : b)) };
  return { briefing, tree, diagnostics, dependencies: [file, ...tpl.dependencies], locate: loaded.value.locate };
}


/** The input loaded and validated: through the session's store for a file read from disk. */
export function loadInput(input: BuildInput, o: BuildOptions, store?: SourceStore): ReturnType<typeof loadBriefing> {
  const file = inputName(input);
  if ('file' in input && input.text === undefined && store) return store.load(file);
  const text = 'file' in input ? input.text : dataText(input.data, file, o.limits);
  return loadBriefing({ file, ...(text !== undefined ? { text } : {}), ...(o.limits ? { limits: o.limits } : {}), ...(o.scheme ? { scheme: o.scheme } : {}) });
}

/**
 * Warns, at the field, about characters none of the bundled fonts can draw: they would print
 * as empty boxes (the PDF keeps them as text all the same). For PDF/A it is an error: the box
 * is the font's .notdef glyph, which ISO 19005-2 6.2.11.8 forbids.
 */
function glyphWarnings(b: Briefing, locate: (path: string) => SourceLoc | undefined, pdfa: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'string') {
      const missing = missingGlyphs(v);
      if (missing.length) {
        const chars = `${missing.slice(0, 5).map(describeChar).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''} ${missing.length === 1 ? 'is' : 'are'} in none of the bundled fonts`;
        const cover = 'the bundled fonts cover Latin, Greek, Cyrillic, Arabic, Hebrew, Thai, Devanagari, Hangul, common Chinese and Japanese characters, emoji and symbols';
        out.push(pdfa
          ? diag('text/missing-glyph', `${chars}: PDF/A forbids printing ${missing.length === 1 ? 'it' : 'them'} as an empty box (.notdef)`, {
            path, loc: locate(path), hint: `replace the character or write it out in words, or build without --pdfa; ${cover}`,
          })
          : diag('text/missing-glyph', `${chars} and will print as an empty box`, {
            severity: 'warning', path, loc: locate(path), hint: `replace the character, or write it out in words; ${cover}`,
          }));
      }
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== 'loc') walk(x, path ? `${path}.${k}` : k);
  };
  walk(b, '');
  return out;
}

/**
 * Maps a position in the generated markup back to the template that wrote it: markup syntax
 * (links, directives) comes from template text, never from data (data is escaped), so the
 * text at that position is found verbatim in exactly one template. Falls back to the markup
 * position when it cannot be found.
 */
export function templateLocator(markup: string, sources: ReadonlyMap<string, string>): (loc: SourceLoc) => SourceLoc {
  const lines = markup.split('\n');
  return (loc) => {
    const rest = (lines[loc.line - 1] ?? '').slice(loc.col - 1);
    for (let len = Math.min(rest.length, 80); len >= 4; len--) {
      const needle = rest.slice(0, len);
      const hits: SourceLoc[] = [];
      for (const [file, src] of sources) {
        const found = locateText(src, needle);
        if (found) hits.push({ file, line: found[0], col: found[1] });
      }
      if (hits.length === 1) return hits[0] as SourceLoc;
      if (hits.length > 1) break;
    }
    return loc;
  };
}
