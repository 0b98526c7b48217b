import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from '../util/index.js';
import Handlebars from 'handlebars';
import type { Briefing } from '../data/index.js';
import { refTargets } from '../data/index.js';
import { UserError, diag } from '../diag/index.js';
import type { Diagnostic, SourceLoc } from '../diag/index.js';
import { ESCAPE_HELPER, partialCalls, rawMustaches, rewriteEscapes } from './ast.js';
import { RenderBudget, TemplateLimitError, defaultRenderLimits } from './budget.js';
import type { RenderLimits } from './budget.js';
import { escapeMarkup } from './escape.js';
import { RichNotes } from './rich.js';
import { locateText, templateDiag } from './diagnose.js';
import { confine, displayPath, readTemplateFile, templateRoot } from './files.js';
import { makeHelpers } from './helpers.js';
import { loadMessages } from './messages.js';
import { tradeWording } from './wording.js';
import { precompiledPartials, precompiledSpec } from './precompiled.js';
import { buildView } from './view.js';

/** The templates shipped with briefkit: `templates/` at the package root. */
export const TEMPLATES_DIR = fromRoot('templates') + '/';

export interface TemplateInput {
  readonly briefing: Briefing;
  /** Folder holding template kinds; default: the bundled `templates/`. */
  readonly templatesDir?: string;
  /** Template kind (a folder under templatesDir); default: the briefing's, else `fact-sheet`. */
  readonly kind?: string;
  /** Entry file in the kind's folder; default `document.hbs`. */
  readonly entry?: string;
  /** Locates a field of the data, for errors about what the data asks of templates. */
  readonly locate?: (path: string) => SourceLoc | undefined;
  /** Switches templates may test, e.g. `options.cover`. */
  readonly options?: Readonly<Record<string, boolean>>;
  /** Bounds on the rendering (default {@link defaultRenderLimits}); tests pass smaller ones. */
  readonly limits?: Partial<RenderLimits>;
}

export interface TemplateOutput {
  /** The generated markup. */
  readonly markup: string;
  /** The entry template's path, for messages about the markup. */
  readonly file: string;
  /** Every file the output depends on (templates, partials, messages), for build hashes. */
  readonly dependencies: readonly string[];
  /** The text of the entry template and its partials, by display path, for locating markup. */
  readonly sources: ReadonlyMap<string, string>;
}

/** What a compiled template is called with: helpers, partials and decorators of one rendering. */
interface Runtime {
  readonly helpers: Record<string, unknown>;
  readonly partials: Record<string, unknown>;
  readonly decorators: Record<string, unknown>;
}

interface Compiled {
  readonly render: (view: unknown, rt: Runtime) => string;
}
const cache = new Map<string, { src: string; compiled: Compiled }>();

/** A template file inside the template folder `root` (a real path), read confined and bounded. */
function readTemplate(root: string, path: string): string {
  return readTemplateFile(root, path, { what: 'template file', hint: 'check the template kind name and that the file exists under templates/' });
}

const BUILTIN = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log', 'helperMissing', 'blockHelperMissing']);

/** Options every template is compiled with (at run time, or ahead of time by `npm run build`). */
export const COMPILE_OPTIONS = { strict: true, noEscape: false, preventIndent: true } as const;

/** Names that templates call as helpers: ours, the escaping wrapper and Handlebars' own. */
let helperNameSet: ReadonlySet<string> | undefined;
export function helperNames(): ReadonlySet<string> {
  helperNameSet ??= new Set([...Object.keys(makeHelpers({ lang: 'en', currency: 'CAD', unit: 'billion', messages: {} })), ESCAPE_HELPER, ...BUILTIN]);
  return helperNameSet;
}

type TemplateFn = (view: unknown, options: unknown) => string;

const calls = new Map<string, { src: string; calls: ReturnType<typeof partialCalls> }>();

/** The partials a template calls (from its build-time record when there is one). */
function callsOf(file: string, src: string, templatesDir: string): ReturnType<typeof partialCalls> {
  const hit = calls.get(file);
  if (hit && hit.src === src) return hit.calls;
  let found = precompiledPartials(file, src, templatesDir);
  if (!found) {
    let ast: hbs.AST.Program;
    try {
      ast = Handlebars.parse(src);
    } catch (e) {
      throw new UserError([templateDiag(e, file, 'template/syntax', 'fix the Handlebars syntax at this place', src)]);
    }
    found = partialCalls(ast);
  }
  calls.set(file, { src, calls: found });
  return found;
}

/** Compiles one of our own templates (never user-supplied ones), once per content. */
function compile(file: string, src: string, helperNames: ReadonlySet<string>, templatesDir: string): Compiled {
  const hit = cache.get(file);
  if (hit && hit.src === src) return hit.compiled;
  const spec = precompiledSpec(file, src, templatesDir);
  let fn: TemplateFn;
  if (spec) fn = Handlebars.template(spec as Parameters<typeof Handlebars.template>[0]) as unknown as TemplateFn;
  else {
    let ast: hbs.AST.Program;
    try {
      ast = Handlebars.parse(src);
    } catch (e) {
      throw new UserError([templateDiag(e, file, 'template/syntax', 'fix the Handlebars syntax at this place', src)]);
    }
    const raw = rawMustaches(ast);
    if (raw.length) {
      throw new UserError(raw.map((r) => diag('template/unescaped', `{{{${r.text}}}} prints data unescaped: it could make headings, directives or page breaks`, {
        loc: { file: displayPath(file), line: r.line, col: r.col },
        hint: 'write {{…}} (escaped for the markup), or {{{attr …}}} inside a directive attribute',
      })));
    }
    rewriteEscapes(ast, helperNames);
    fn = Handlebars.compile(ast, COMPILE_OPTIONS) as unknown as TemplateFn;
  }
  const compiled: Compiled = {
    render: (view, rt) =>
      fn(view, { ...rt, allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false }),
  };
  cache.set(file, { src, compiled });
  return compiled;
}

/**
 * Helpers that throw say where they were called: Handlebars hands each helper the location
 * of its mustache, which we attach to the error for the diagnostic.
 */
function located(fn: unknown): unknown {
  if (typeof fn !== 'function') return fn;
  return function (this: unknown, ...args: unknown[]): unknown {
    try {
      return (fn as (...a: unknown[]) => unknown).apply(this, args);
    } catch (e) {
      const loc = (args[args.length - 1] as { loc?: { start?: { line: number; column: number } } } | undefined)?.loc?.start;
      const err = e as { lineNumber?: number; column?: number };
      if (loc && err && typeof err === 'object' && err.lineNumber === undefined) {
        err.lineNumber = loc.line;
        err.column = loc.column;
      }
      throw e;
    }
  };
}

/** Where `name` is first called from `file` (for errors raised at a partial call). */
function callSite(file: string, src: string | undefined, name: string, root: string): { line: number; column: number } | undefined {
  if (src === undefined) return undefined;
  try {
    const c = callsOf(file, src, root).find((x) => x.name === name);
    return c ? { line: c.line, column: c.col - 1 } : undefined;
  } catch {
    return undefined;
  }
}

/** One folder of template kinds: as given, and its real path (files are confined to it). */
interface Layer {
  readonly dir: string;
  readonly real: string;
}

/**
 * The folders a rendering reads, highest first: the given templates folder (a project's
 * `templates/`, `--templates`) over the bundled one, or the bundled one alone. A kind's files
 * come file by file from the highest folder that has them.
 */
function layersOf(templatesDir: string | undefined, ref?: SourceLoc): Layer[] {
  const bundled: Layer = { dir: TEMPLATES_DIR, real: templateRoot(TEMPLATES_DIR) };
  if (templatesDir === undefined) return [bundled];
  const real = templateRoot(templatesDir, ref);
  return real === bundled.real ? [bundled] : [{ dir: templatesDir, real }, bundled];
}

/** The kinds the layers offer (folders with a `document.hbs`), for hints. */
function kindsOf(layers: readonly Layer[]): string[] {
  const kinds = new Set<string>();
  for (const l of layers) {
    for (const d of readdirSync(l.dir, { withFileTypes: true })) {
      if (d.isDirectory() && d.name !== 'messages' && existsSync(join(l.dir, d.name, 'document.hbs'))) kinds.add(d.name);
    }
  }
  return [...kinds].sort();
}

/** A partial's name from its path under a `partials/` folder. */
function partialName(partialDir: string, path: string): string {
  return path.slice(partialDir.length + 1).replace(/\.hbs$/, '');
}

/**
 * The kind's partials (`partials/*.hbs`) in one layer, read confined to that layer's folder. A
 * partial that is a link leading outside is refused at the first place that calls it (else at
 * the link).
 */
function readPartials(layer: Layer, partialDir: string, callers: ReadonlyMap<string, string>): Map<string, string> {
  const rootReal = layer.real;
  const sources = new Map<string, string>();
  if (confine(rootReal, partialDir) === undefined) return sources;
  const files = readdirSync(partialDir).filter((f) => f.endsWith('.hbs')).sort();
  const outside: string[] = [];
  for (const f of files) {
    const path = join(partialDir, f);
    try {
      confine(rootReal, path);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      outside.push(path);
      continue;
    }
    sources.set(path, readTemplate(rootReal, path));
  }
  const found: Diagnostic[] = [];
  for (const path of outside) {
    const name = partialName(partialDir, path);
    let ref: SourceLoc | undefined;
    for (const [file, src] of [...callers, ...sources]) {
      const at = callSite(file, src, name, rootReal);
      if (at) {
        ref = { file: displayPath(file), line: at.line, col: at.column + 1 };
        break;
      }
    }
    try {
      confine(rootReal, path, ref);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      found.push(...e.diagnostics);
    }
  }
  if (found.length > 0) throw new UserError(found);
  return sources;
}

/** The kind whose partials every other print kind builds on. */
const BASE_KIND = 'fact-sheet';

/**
 * Fills the template kind's `document.hbs` (strict mode: a missing field is an error at the
 * template's file:line:col) and returns the markup. Data text is escaped for the markup.
 * A given templates folder is laid over the bundled one file by file: its `<kind>/document.hbs`
 * and each of its `<kind>/partials/*.hbs` replace the bundled file of that name, the rest come
 * from the bundled kind, and a kind of its own is a new kind. Every file is read inside its own
 * folder ({@link readTemplateFile}); the rendering is bounded in output, block runs and
 * partial depth ({@link RenderBudget}).
 */
export function renderTemplate(input: TemplateInput): TemplateOutput {
  const b = input.briefing;
  const layers = layersOf(input.templatesDir);
  const kind = input.kind ?? b.template ?? 'fact-sheet';
  const ref = input.locate?.('template');
  // The layers that have this kind, highest first (each kind folder confined to its layer).
  const kindLayers = layers.filter((l) => confine(l.real, join(l.dir, kind), ref) !== undefined);
  const top = kindLayers[0];
  if (top === undefined) {
    throw new UserError([diag('template/unknown-kind', `no template kind "${kind}" in ${layers.map((l) => displayPath(l.dir)).join(' or ')}`, {
      loc: ref,
      hint: `use one of: ${kindsOf(layers).join(', ')}`,
    })]);
  }
  // Catalogs merge key by key, the project's over the bundled one; each one read is an input.
  const messageFiles = layers.map((l) => join(l.dir, 'messages', `${b.language}.json`)).filter((f) => existsSync(f));
  const messages = loadMessages(layers.map((l) => l.dir), b.language, input.locate?.('language'));
  const budget = new RenderBudget({ ...defaultRenderLimits, ...input.limits });
  const notes = new RichNotes(refTargets(b));
  const helpers: Record<string, unknown> = makeHelpers({
    lang: b.language,
    currency: b.trade?.currency ?? 'CAD',
    unit: b.trade?.unit ?? 'billion',
    messages,
    notes,
    ...(b.trade ? { values: tradeWording(b.trade, messages) } : {}),
  });
  helpers[ESCAPE_HELPER] = (v: unknown) => (v instanceof Handlebars.SafeString ? v.toString() : escapeMarkup(v === undefined || v === null ? '' : String(v)));
  // Our helpers and the built-in block helpers report where they were called from, and count
  // what they make (every `{{value}}` goes through the escaping helper).
  for (const name of Object.keys(helpers)) helpers[name] = located(budget.helper(helpers[name], name === ESCAPE_HELPER));
  for (const name of ['if', 'unless', 'each', 'with', 'blockHelperMissing']) helpers[name] = located(budget.helper(Handlebars.helpers[name]));
  // `{{log}}` would print template values to the terminal unescaped: it prints nothing.
  helpers['log'] = () => '';
  const names = helperNames();

  const entryName = input.entry ?? 'document.hbs';
  const entryLayer = kindLayers.find((l) => confine(l.real, join(l.dir, kind, entryName)) !== undefined) ?? top;
  const entry = join(entryLayer.dir, kind, entryName);
  const entrySrc = readTemplate(entryLayer.real, entry);
  // Each file's own folder: for confinement and for the precompiled form of bundled files.
  const layerOf = new Map<string, Layer>([[entry, entryLayer]]);
  // Partials by name, the highest layer's file winning; lower layers first so higher ones replace.
  const byName = new Map<string, string>();
  const sources = new Map<string, string>();
  // A document kind other than the fact sheet (a programme, a biography, …) takes the partials it
  // does not write from the fact sheet (title block, sections, every block), so a new kind is a
  // document.hbs and the partials it changes.
  const base = kind === BASE_KIND || kind === 'slides' ? [] : layers.filter((l) => confine(l.real, join(l.dir, BASE_KIND)) !== undefined);
  const partialDirs = [
    ...[...base].reverse().map((layer) => ({ layer, partialDir: join(layer.dir, BASE_KIND, 'partials') })),
    ...[...kindLayers].reverse().map((layer) => ({ layer, partialDir: join(layer.dir, kind, 'partials') })),
  ];
  for (const { layer, partialDir } of partialDirs) {
    for (const [path, src] of readPartials(layer, partialDir, new Map([[entry, entrySrc]]))) {
      const name = partialName(partialDir, path);
      const prev = byName.get(name);
      if (prev !== undefined) sources.delete(prev);
      byName.set(name, path);
      sources.set(path, src);
      layerOf.set(path, layer);
    }
  }
  const nameOf = new Map([...byName].map(([n, p]) => [p, n]));
  const dirOf = (path: string): string => (layerOf.get(path) ?? top).dir;
  const deps = [...messageFiles, ...sources.keys(), entry];
  const partials: Record<string, unknown> = {};

  // Unknown partials are found before rendering, with the place that calls them.
  const known = new Set(byName.keys());
  const missing: Diagnostic[] = [];
  for (const [path, src] of [[entry, entrySrc] as const, ...sources]) {
    for (const call of callsOf(path, src, dirOf(path))) {
      if (!known.has(call.name)) {
        missing.push(diag('template/missing-partial', `partial "${call.name}" not found`, {
          loc: { file: displayPath(path), line: call.line, col: call.col },
          hint: `create ${displayPath(join(top.dir, kind, 'partials', call.name + '.hbs'))}, or fix the name (known: ${[...known].join(', ') || 'none'})`,
        }));
      }
    }
  }
  if (missing.length > 0) throw new UserError(missing);

  const view = buildView(b, input.options ?? {});
  const srcOf = (path: string): string | undefined => (path === entry ? entrySrc : sources.get(path));
  let current = entry;
  // An inline partial that recurses is reported where it is defined.
  const defined = (name: string): { line: number; column: number } | undefined => {
    const at = locateText(srcOf(current) ?? '', `{{#*inline "${name}"`);
    return at ? { line: at[0], column: at[1] - 1 } : undefined;
  };
  const rt: Runtime = { helpers, partials, decorators: budget.decorators(defined) };
  try {
    for (const [path, src] of sources) {
      current = path;
      const c = compile(path, src, names, dirOf(path));
      const name = nameOf.get(path) ?? path;
      partials[name] = budget.partial(name, (ctx: unknown) => {
        const outer = current;
        current = path;
        const out = c.render(ctx, rt);
        current = outer;
        return out;
      }, () => callSite(current, srcOf(current), name, dirOf(current)));
    }
    current = entry;
    // Footnotes written in data text (`^[…]`) are defined after everything else.
    const markup = compile(entry, entrySrc, names, dirOf(entry)).render(view, rt) + notes.definitions();
    budget.finish(markup);
    const texts = new Map<string, string>([[displayPath(entry), entrySrc], ...[...sources].map(([p, t]) => [displayPath(p), t] as [string, string])]);
    return { markup, file: displayPath(entry), dependencies: deps, sources: texts };
  } catch (e) {
    if (e instanceof UserError) throw e;
    if (e instanceof TemplateLimitError) throw new UserError([templateDiag(e, current, e.code, e.hint, srcOf(current))]);
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new UserError([diag('template/recursion', 'the template nests too deeply (the call stack ran out): a partial that calls itself never ends', {
        loc: { file: displayPath(current), line: 1, col: 1 },
        hint: 'stop the recursion: call a partial from itself only under a condition that becomes false',
      })]);
    }
    throw new UserError([templateDiag(e, current, 'template/error', 'fix the template or the data it reads', srcOf(current))]);
  }
}
