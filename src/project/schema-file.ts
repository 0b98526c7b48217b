/**
 * Reading a small settings file (a project config, a marking scheme) the way data files are
 * read: one bounded reader, YAML or JSON with positions, then its JSON Schema with every
 * error at once, located at file:line:col under the file's own code prefix.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { hasErrors } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { resolveLimits } from '../data/index.js';
import type { Locator } from '../data/index.js';
import { formatOf, parseSource } from '../data/index.js';
import { formatPath, pointerToSegs } from '../data/index.js';
import type { PathSeg } from '../data/index.js';
import { readSource } from '../data/index.js';
import { mapSchemaError } from '../data/index.js';
import { fromRoot } from '../util/index.js';

/** A file that parsed and matched its schema, with positions for later checks. */
export type SchemaFileResult =
  | { readonly ok: true; readonly data: unknown; readonly locator: Locator; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const validators = new Map<string, ValidateFunction>();

function validator(name: string): ValidateFunction {
  let v = validators.get(name);
  if (!v) {
    const schema = JSON.parse(readFileSync(fromRoot('data', 'schema', `${name}.schema.json`), 'utf8')) as object;
    v = new Ajv({ allErrors: true, verbose: true, strict: true, strictNumbers: true }).compile(schema);
    validators.set(name, v);
  }
  return v;
}

/** `data/unknown-field` -> `config/unknown-field`: the data stage's wording, this file's code family. */
function recode(d: Diagnostic, prefix: string, schemaName: string): Diagnostic {
  const code = d.code.replace(/^data\//, `${prefix}/`);
  const hint = d.hint?.replace('data/schema/briefing.schema.json', `data/schema/${schemaName}.schema.json`);
  return { ...d, code, ...(hint !== undefined ? { hint } : {}) };
}

/** What a settings file is called in hints: `a project config file`. */
const FILE_WORDS: Readonly<Record<string, string>> = { config: 'a project config file', 'marking-scheme': 'a marking scheme file' };

/**
 * The hint for this file's own fields where the data stage's hint speaks of briefings (trade
 * values, a briefing's top level, bullets): a settings file's error must not send its author
 * to trade figures. Other hints (did-you-mean, allowed values) are the data stage's.
 */
function ownHint(e: ErrorObject, segs: readonly PathSeg[], schemaName: string): string | undefined {
  const parent: unknown = e.parentSchema;
  const desc = typeof parent === 'object' && parent !== null && 'description' in parent && typeof parent.description === 'string' ? parent.description : undefined;
  const field = segs.length ? `\`${formatPath(segs)}\`` : 'this value';
  const about = desc ? ` (${field}: ${desc.replace(/\.$/, '')})` : '';
  switch (e.keyword) {
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const p = e.params as { comparison?: unknown; limit?: unknown };
      return `use a value ${String(p.comparison)} ${String(p.limit)}${about}`;
    }
    case 'type': {
      if (typeof e.data === 'number' && !Number.isFinite(e.data)) return `write a finite number${about}; \`.nan\` and \`.inf\` are not settings`;
      if (segs.length === 0) return `${FILE_WORDS[schemaName] ?? 'a settings file'} is a mapping of \`field: value\` lines starting at the left margin`;
      return undefined;
    }
    case 'maxLength':
      return `shorten the text${about}`;
    default:
      return undefined;
  }
}

/**
 * Reads `file` and checks it against `data/schema/<schemaName>.schema.json`. Diagnostics from
 * reading and parsing keep their `data/…` codes (the same reader as briefings); schema errors
 * take `prefix` (`config/unknown-field`).
 */
export function readSchemaFile(file: string, schemaName: string, prefix: string): SchemaFileResult {
  const limits = resolveLimits(undefined);
  const read = readSource(file, undefined, limits);
  if (!read.ok) return { ok: false, diagnostics: read.diagnostics };
  const parsed = parseSource(file, read.text, { format: formatOf(file), limits });
  if (!parsed.ok) return parsed;
  const { data, locator } = parsed;
  const found: Diagnostic[] = [...parsed.diagnostics];
  const v = validator(schemaName);
  if (!v(data)) {
    for (const e of v.errors ?? []) {
      const segs = pointerToSegs(e.instancePath, data);
      const d = mapSchemaError(e, segs, locator);
      const hint = ownHint(e, segs, schemaName);
      if (d) found.push(recode(hint === undefined ? d : { ...d, hint }, prefix, schemaName));
    }
  }
  if (hasErrors(found)) return { ok: false, diagnostics: found };
  return { ok: true, data, locator, diagnostics: found };
}
