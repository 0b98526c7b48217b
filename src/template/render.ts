import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fromRoot } from '../util/root.js';
import Handlebars from 'handlebars';
import type { Briefing } from '../data/types.js';
import { UserError, diag } from '../diag/errors.js';
import type { Diagnostic, SourceLoc } from '../diag/types.js';
import { ESCAPE_HELPER, partialCalls, rewriteEscapes } from './ast.js';
import { escapeMarkup } from './escape.js';
import { makeHelpers } from './helpers.js';
import { loadMessages } from './messages.js';
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

interface Compiled {
  readonly render: (view: unknown, helpers: Record<string, unknown>, partials: Record<string, unknown>) => string;
}
const cache = new Map<string, { src: string; compiled: Compiled }>();

function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel.startsWith('..') ? p : rel;
}

function readTemplate(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UserError([diag('template/missing', `template file not found: ${displayPath(path)}`, {
      hint: 'check the template kind name and that the file exists under templates/',
    })]);
  }
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
    rewriteEscapes(ast, helperNames);
    fn = Handlebars.compile(ast, COMPILE_OPTIONS) as unknown as TemplateFn;
  }
  const compiled: Compiled = {
    render: (view, helpers, partials) =>
      fn(view, { helpers: helpers as never, partials: partials as never, allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false }),
  };
  cache.set(file, { src, compiled });
  return compiled;
}

/** Turns a Handlebars exception into a located diagnostic. */
function templateDiag(e: unknown, file: string, code: string, hint: string, src?: string): Diagnostic {
  const err = e as { message?: string; lineNumber?: number; column?: number };
  const full = String(err.message ?? e);
  let msg = full.split('\n')[0] ?? '';
  let line = err.lineNumber ?? 1;
  let col = (err.column ?? 0) + 1;
  const parse = /^Parse error on line (\d+):\n(.*)\n(-*)\^\n(.*)$/s.exec(full);
  if (parse) {
    // "Parse error on line 3:\n<text>\n------^\nExpecting 'CLOSE', got 'EOF'": place the caret.
    line = Number(parse[1]);
    const shown = parse[2] ?? '';
    const caret = (parse[3] ?? '').length;
    const text = src?.split('\n')[line - 1] ?? '';
    const at = shown.startsWith('...') ? text.indexOf(shown.slice(3)) + caret - 3 : text.indexOf(shown) + caret;
    col = Math.max(1, at + 1);
    msg = `the template does not parse: ${parseExpectation(parse[4] ?? '')}`;
  }
  const property = /^Cannot use 'in' operator to search for '([^']+)' in/.exec(msg);
  if (property) {
    msg = `the template reads "${property[1]}" from a value that is text or a number, which has no fields`;
    if (src && !err.lineNumber) {
      const found = locateText(src, `.${property[1]}`);
      if (found) [line, col] = found;
    }
  }
  const notDefined = /^"([^"]+)" not defined/.exec(msg);
  const message = notDefined
    ? `the template uses the field "${notDefined[1]}", which the data does not have`
    : msg.replace(/ - \d+:\d+$/, '');
  return diag(notDefined ? 'template/missing-field' : parse ? 'template/syntax' : code, message, {
    loc: { file: displayPath(file), line, col },
    hint: notDefined ? `add "${notDefined[1]}" to the briefing data, or guard it in the template with {{#if}}` : hint,
  });
}

const TOKENS: Readonly<Record<string, string>> = {
  CLOSE: '}}', CLOSE_UNESCAPED: '}}}', CLOSE_RAW_BLOCK: '}}}}', OPEN_ENDBLOCK: '{{/…}}', EOF: 'the end of the file',
  INVALID: 'a character that cannot stand there', ID: 'a name', OPEN_INVERSE_CHAIN: '{{else}}', INVERSE: '{{else}}',
};

/** "Expecting 'CLOSE', 'ID', … got 'EOF'" in words: what was expected first, and what came. */
function parseExpectation(line: string): string {
  const m = /^Expecting (.*), got '([^']+)'$/.exec(line);
  if (!m) return line;
  const expected = (m[1] ?? '').split(/,\s*/).map((t) => t.replace(/'/g, ''));
  const first = expected.find((t) => TOKENS[t]) ?? expected[0] ?? '';
  const others = expected.length - 1;
  return `expected ${TOKENS[first] ?? first}${others > 0 ? ` (or one of ${others} other tokens)` : ''}, found ${TOKENS[m[2] ?? ''] ?? m[2]}`;
}

/** 1-based line and column of the first occurrence of `needle` in `src`. */
export function locateText(src: string, needle: string): [number, number] | undefined {
  const i = src.indexOf(needle);
  if (i < 0) return undefined;
  const before = src.slice(0, i).split('\n');
  return [before.length, (before[before.length - 1] ?? '').length + 1];
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

/**
 * Fills the template kind's `document.hbs` (strict mode: a missing field is an error at the
 * template's file:line:col) and returns the markup. Data text is escaped for the markup.
 */
export function renderTemplate(input: TemplateInput): TemplateOutput {
  const b = input.briefing;
  const root = input.templatesDir ?? TEMPLATES_DIR;
  const kind = input.kind ?? b.template ?? 'fact-sheet';
  const dir = join(root, kind);
  if (!existsSync(dir)) {
    throw new UserError([diag('template/unknown-kind', `no template kind "${kind}" in ${displayPath(root)}`, {
      loc: input.locate?.('template'),
      hint: `use one of: ${readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'messages').map((d) => d.name).join(', ')}`,
    })]);
  }
  const messagesFile = join(root, 'messages', `${b.language}.json`);
  const messages = loadMessages(root, b.language);
  const helpers: Record<string, unknown> = makeHelpers({
    lang: b.language,
    currency: b.trade?.currency ?? 'CAD',
    unit: b.trade?.unit ?? 'billion',
    messages,
  });
  helpers[ESCAPE_HELPER] = (v: unknown) => (v instanceof Handlebars.SafeString ? v.toString() : escapeMarkup(v === undefined || v === null ? '' : String(v)));
  // Our helpers and the built-in block helpers report where they were called from.
  for (const name of Object.keys(helpers)) helpers[name] = located(helpers[name]);
  for (const name of ['if', 'unless', 'each', 'with']) helpers[name] = located(Handlebars.helpers[name]);
  const names = helperNames();

  const deps = [messagesFile];
  const partials: Record<string, unknown> = {};
  const partialDir = join(dir, 'partials');
  const partialFiles = existsSync(partialDir) ? readdirSync(partialDir).filter((f) => f.endsWith('.hbs')).sort() : [];
  const sources = new Map<string, string>();
  for (const f of partialFiles) {
    const path = join(partialDir, f);
    sources.set(path, readTemplate(path));
    deps.push(path);
  }
  const entry = join(dir, input.entry ?? 'document.hbs');
  const entrySrc = readTemplate(entry);
  deps.push(entry);

  // Unknown partials are found before rendering, with the place that calls them.
  const known = new Set(partialFiles.map((f) => f.replace(/\.hbs$/, '')));
  const missing: Diagnostic[] = [];
  for (const [path, src] of [[entry, entrySrc] as const, ...sources]) {
    for (const call of callsOf(path, src, root)) {
      if (!known.has(call.name)) {
        missing.push(diag('template/missing-partial', `partial "${call.name}" not found`, {
          loc: { file: displayPath(path), line: call.line, col: call.col },
          hint: `create ${displayPath(join(partialDir, call.name + '.hbs'))}, or fix the name (known: ${[...known].join(', ') || 'none'})`,
        }));
      }
    }
  }
  if (missing.length > 0) throw new UserError(missing);

  const view = buildView(b, input.options ?? {});
  let current = entry;
  try {
    for (const [path, src] of sources) {
      current = path;
      const c = compile(path, src, names, root);
      const name = path.slice(partialDir.length + 1).replace(/\.hbs$/, '');
      partials[name] = (ctx: unknown) => {
        const outer = current;
        current = path;
        const out = c.render(ctx, helpers, partials);
        current = outer;
        return out;
      };
    }
    current = entry;
    const markup = compile(entry, entrySrc, names, root).render(view, helpers, partials);
    const texts = new Map<string, string>([[displayPath(entry), entrySrc], ...[...sources].map(([p, t]) => [displayPath(p), t] as [string, string])]);
    return { markup, file: displayPath(entry), dependencies: deps, sources: texts };
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError([templateDiag(e, current, 'template/error', 'fix the template or the data it reads', current === entry ? entrySrc : sources.get(current))]);
  }
}
