/**
 * Checking a theme file against data/schema/theme.schema.json: every Ajv error becomes a
 * located `theme/…` diagnostic with a hint (the fields a mapping allows, the colour syntax,
 * the range), all at once.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { ErrorObject, SchemaObject, ValidateFunction } from 'ajv';
import { diag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import type { ParseResult } from '../data/index.js';
import { fromRoot } from '../util/index.js';

/** Field positions of a parsed file (the data stage's locator). */
export type Locator = Extract<ParseResult, { ok: true }>['locator'];
type Seg = string | number;

/** The theme JSON Schema file of the package. */
export const THEME_SCHEMA_FILE = fromRoot('data', 'schema', 'theme.schema.json');

let compiled: { validate: ValidateFunction; schema: SchemaObject } | undefined;

function validator(): { validate: ValidateFunction; schema: SchemaObject } {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(THEME_SCHEMA_FILE, 'utf8')) as SchemaObject;
    compiled = { validate: new Ajv({ allErrors: true, verbose: true, strict: true, strictNumbers: true }).compile(schema), schema };
  }
  return compiled;
}

function segsOf(pointer: string): Seg[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => {
    const t = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(t) ? Number(t) : t;
  });
}

const pathText = (segs: readonly Seg[]): string => segs.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');

function field(segs: readonly Seg[]): string {
  const last = segs[segs.length - 1];
  if (last === undefined) return 'the theme';
  return typeof last === 'number' ? `item ${last + 1} of \`${pathText(segs.slice(0, -1))}\`` : `\`${pathText(segs)}\``;
}

function shown(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/** Edit distance, for "did you mean" (names are short). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** The closest of `names` to `name`, when close enough to be a typo. */
export function closest(name: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const n of names) {
    const d = distance(name.toLowerCase(), n.toLowerCase());
    if (d < bestD) [best, bestD] = [n, d];
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(name.length / 3)) ? best : undefined;
}

function allowedFields(e: ErrorObject): string[] {
  const s = e.parentSchema as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(s?.properties ?? {}).filter((k) => k !== '$schema');
}

function one(e: ErrorObject, locator: Locator): Diagnostic | undefined {
  const segs = segsOf(e.instancePath);
  const path = pathText(segs) || undefined;
  const p = e.params as Record<string, unknown>;
  const at = { loc: locator.value(segs), ...(path ? { path } : {}) };
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String(p['additionalProperty']);
      const key = [...segs, name];
      const allowed = allowedFields(e);
      const near = closest(name, allowed);
      return diag('theme/unknown-field', `${field(key)} is not a theme field`, {
        loc: locator.key(key), path: pathText(key),
        hint: `${near ? `did you mean \`${near}\`? ` : ''}${segs.length ? `\`${pathText(segs)}\`` : 'a theme'} takes: ${allowed.join(', ')} (see data/schema/theme.schema.json)`,
      });
    }
    case 'pattern':
      if (String(p['pattern']).startsWith('^#')) {
        return diag('theme/colour', `${field(segs)} must be a colour written #rrggbb, got ${shown(e.data)}`, { ...at, hint: 'write six hexadecimal digits after #, for example #1f4e79 (names such as `blue` and #rgb are not read)' });
      }
      return diag('theme/name', `${field(segs)} must be lowercase letters, digits and hyphens, got ${shown(e.data)}`, { ...at, hint: 'for example `ministry-blue`' });
    case 'type':
      if (isFamily(segs)) return diag('theme/type', `${field(segs)} must be a font file path or a mapping of faces (regular, italic, semibold, bold), got ${shown(e.data)}`, { ...at, hint: 'for example `body: fonts/Body-Regular.ttf`' });
      return diag('theme/type', `${field(segs)} must be ${p['type'] === 'object' ? 'a mapping' : p['type'] === 'array' ? 'a list' : `a ${String(p['type'])}`}, got ${shown(e.data)}`, { ...at, hint: 'see data/schema/theme.schema.json for the shape of each field' });
    case 'minimum':
    case 'maximum':
      return diag('theme/range', `${field(segs)} must be ${e.keyword === 'minimum' ? 'at least' : 'at most'} ${String(p['limit'])}, got ${shown(e.data)}`, { ...at, hint: segs[0] === 'margins' ? 'margins are in millimetres, from 8 to 60' : 'logo heights are in millimetres, from 3 to 20' });
    case 'minItems':
    case 'maxItems':
      return diag('theme/range', `${field(segs)} must list ${e.keyword === 'minItems' ? 'at least' : 'at most'} ${String(p['limit'])} colours`, { ...at, hint: 'give 2 to 12 series colours, the first for the first series' });
    case 'enum':
      return diag('theme/unknown-theme', `${field(segs)} must be one of ${(p['allowedValues'] as unknown[]).map((v) => `\`${String(v)}\``).join(', ')}, got ${shown(e.data)}`, { ...at, hint: 'a theme extends a built-in theme: `default` or `print`' });
    case 'required':
      return diag('theme/required', `${field(segs)} needs \`${String(p['missingProperty'])}\``, { ...at, hint: segs[0] === 'logo' ? 'give the logo file: `logo: { file: logo.svg }`' : 'a font family needs at least its `regular` file' });
    case 'minLength':
    case 'maxLength':
    case 'maxProperties':
      return diag('theme/range', `${field(segs)} is ${e.keyword === 'minLength' ? 'empty' : 'too long'}`, { ...at, hint: 'see data/schema/theme.schema.json for the limits' });
    case 'propertyNames':
    case 'oneOf':
      return undefined;
    default:
      return diag('theme/invalid', `${field(segs)}: ${e.message ?? 'invalid'}`, { ...at, hint: 'see data/schema/theme.schema.json' });
  }
}

function valueAt(data: unknown, segs: readonly Seg[]): unknown {
  let v = data;
  for (const s of segs) v = typeof v === 'object' && v !== null ? (v as Record<string | number, unknown>)[s] : undefined;
  return v;
}

/** `fonts.body`, `fonts.headings`, `fonts.fallback.<script>`: where a font family is written. */
function isFamily(segs: readonly Seg[]): boolean {
  return segs[0] === 'fonts' && (segs.length === 2 ? segs[1] !== 'fallback' : segs.length === 3 && segs[1] === 'fallback');
}

/**
 * A font family is a path or a mapping of faces (`oneOf`): Ajv reports the branch that does
 * not apply as well. Keep the errors of the branch the value is written as; a value that is
 * neither gets one type error.
 */
function relevant(e: ErrorObject, data: unknown): boolean {
  const segs = segsOf(e.instancePath);
  if (!isFamily(segs)) return true;
  const v = valueAt(data, segs);
  const isObject = typeof v === 'object' && v !== null && !Array.isArray(v);
  if (e.keyword === 'type') return typeof v !== 'string' && !isObject;
  const objectBranch = e.schemaPath.includes('/oneOf/1');
  return typeof v === 'string' ? !objectBranch : objectBranch;
}

/** Every schema problem of a parsed theme, located; empty when it matches. */
export function checkThemeSchema(data: unknown, locator: Locator): Diagnostic[] {
  const { validate } = validator();
  if (validate(data)) return [];
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    if (!relevant(e, data)) continue;
    const d = one(e, locator);
    if (!d) continue;
    const key = `${d.code} ${d.path ?? ''} ${d.message}`;
    if (!seen.has(key)) out.push(d);
    seen.add(key);
  }
  return out;
}
