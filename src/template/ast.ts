
type Program = hbs.AST.Program;
type Node = hbs.AST.Node;
type Mustache = hbs.AST.MustacheStatement;

/** The helper that every escaped `{{ }}` goes through (see {@link rewriteEscapes}). */
export const ESCAPE_HELPER = '__markup';

/**
 * Rewrites each escaped mustache `{{x}}` into `{{{__markup x}}}`, and `{{helper a b}}` into
 * `{{{__markup (helper a b)}}}`: Handlebars' built-in HTML escaping is replaced by escaping
 * for our markup, without touching Handlebars' global state. `{{{raw}}}` stays raw.
 */
export function rewriteEscapes(program: Program, helperNames: ReadonlySet<string>): void {
  walk(program, (node) => {
    if (node.type !== 'MustacheStatement') return;
    const m = node as Mustache & { escaped: boolean };
    if (!m.escaped) return;
    const path = m.path as hbs.AST.PathExpression;
    const isCall = m.params.length > 0 || m.hash !== undefined ||
      (path.type === 'PathExpression' && helperNames.has(path.original));
    // Handlebars looks up helper parameters leniently; make the data paths we pass strict, so a
    // missing field still fails with the template's line and column.
    if (!isCall && path.type === 'PathExpression') (path as hbs.AST.PathExpression & { strict?: boolean }).strict = true;
    for (const p of m.params) if (p.type === 'PathExpression') (p as hbs.AST.PathExpression & { strict?: boolean }).strict = true;
    const inner: hbs.AST.Expression = isCall
      ? ({ type: 'SubExpression', path: m.path, params: m.params, hash: m.hash, loc: m.loc } as hbs.AST.SubExpression)
      : m.path;
    m.path = { type: 'PathExpression', data: false, depth: 0, parts: [ESCAPE_HELPER], original: ESCAPE_HELPER, loc: m.loc } as hbs.AST.PathExpression;
    m.params = [inner];
    m.hash = undefined as unknown as hbs.AST.Hash;
    m.escaped = false;
  });
}

/** Helpers whose result may be printed with triple braces: they escape what they print. */
const RAW_SAFE = new Set(['attr']);

/**
 * Triple-brace mustaches (`{{{x}}}`) that print something other than an escaping helper's
 * result: data printed raw could make headings, directives or page breaks, so templates may
 * not (found before `rewriteEscapes`, which makes every escaped mustache raw).
 */
export function rawMustaches(program: Program): { text: string; line: number; col: number }[] {
  const out: { text: string; line: number; col: number }[] = [];
  walk(program, (node) => {
    if (node.type !== 'MustacheStatement') return;
    const m = node as Mustache & { escaped: boolean };
    if (m.escaped) return;
    const path = m.path as hbs.AST.PathExpression;
    if (path.type === 'PathExpression' && RAW_SAFE.has(path.original) && m.params.length > 0) return;
    out.push({ text: path.type === 'PathExpression' ? path.original : '…', line: m.loc.start.line, col: m.loc.start.column + 1 });
  });
  return out;
}

/** Names and positions of the partials a template calls. */
export function partialCalls(program: Program): { name: string; line: number; col: number }[] {
  const out: { name: string; line: number; col: number }[] = [];
  walk(program, (node) => {
    if (node.type !== 'PartialStatement' && node.type !== 'PartialBlockStatement') return;
    const p = node as hbs.AST.PartialStatement;
    if (p.name.type === 'PathExpression') {
      out.push({ name: (p.name as hbs.AST.PathExpression).original, line: p.loc.start.line, col: p.loc.start.column + 1 });
    }
  });
  return out;
}

function walk(node: Node | undefined | null, visit: (n: Node) => void): void {
  if (!node || typeof node !== 'object') return;
  visit(node);
  const rec = node as unknown as Record<string, unknown>;
  for (const key of ['body', 'program', 'inverse']) {
    const child = rec[key];
    if (Array.isArray(child)) for (const c of child) walk(c as Node, visit);
    else if (child && typeof child === 'object') walk(child as Node, visit);
  }
}
