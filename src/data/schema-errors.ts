/**
 * Turns one Ajv error into a diagnostic: a stable code, a located message saying what is
 * wrong, and a hint saying what to do (with a "did you mean" when a typo is likely).
 */
import type { ErrorObject } from 'ajv';
import { diag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { charCount, clip, describeValue, num, typeHint, typeName } from './describe.js';
import type { Locator } from './locator.js';
import { formatPath, isRecord, type PathSeg } from './paths.js';
import { listNames, suggest } from './suggest.js';
import { readdirSync } from 'node:fs';
import { fromRoot } from '../util/index.js';

const ID_PATTERN = '^[a-z0-9][a-z0-9-]*$';
const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
const CURRENCY_PATTERN = '^[A-Z]{3}$';
const LANGUAGE_PATTERN = '^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$';

/** The languages with a bundled catalog (templates/messages/<tag>.json): the list is the files, not code. */
function bundledLanguages(): string[] {
  try {
    return readdirSync(fromRoot('templates', 'messages')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
  } catch {
    return [];
  }
}

function param(e: ErrorObject, name: string): unknown {
  return (e.params as Record<string, unknown>)[name];
}

/** `charts[0].type` → `type`; the root → `the briefing`. */
function fieldName(segs: readonly PathSeg[]): string {
  const last = segs[segs.length - 1];
  return last === undefined ? 'the briefing' : typeof last === 'number' ? `item ${last + 1} of \`${formatPath(segs.slice(0, -1))}\`` : `\`${last}\``;
}

function propertiesOf(schema: unknown): Record<string, unknown> {
  return isRecord(schema) && isRecord(schema.properties) ? schema.properties : {};
}

function descriptionOf(schema: unknown): string | undefined {
  return isRecord(schema) && typeof schema.description === 'string' ? schema.description : undefined;
}

/** Maps one Ajv error (with `verbose: true`) to a diagnostic; undefined for pure noise. */
export function mapSchemaError(e: ErrorObject, segs: readonly PathSeg[], locator: Locator): Diagnostic | undefined {
  const path = formatPath(segs);
  const value: unknown = e.data;
  const at = { loc: locator.value(segs), path: path || undefined };
  switch (e.keyword) {
    case 'type': {
      const t = String(param(e, 'type'));
      if (typeof value === 'number' && !Number.isFinite(value) && /number|integer/.test(t)) {
        return diag('data/range', `${fieldName(segs)} must be a finite number, got ${num(value)}`, {
          ...at,
          hint: 'write the actual figure; `.nan` and `.inf` are not values a briefing can print',
        });
      }
      if (segs.length === 0) {
        return diag('data/type', `expected ${typeName(t)} at the top of the file, got ${describeValue(value)}`, {
          ...at,
          hint: 'a briefing file is a mapping of `field: value` lines starting at the left margin (`id:`, `title:`, …)',
        });
      }
      return diag('data/type', `expected ${typeName(t)}, got ${describeValue(value)}`, { ...at, hint: typeHint(t, value) });
    }
    case 'required': {
      const missing = String(param(e, 'missingProperty'));
      const desc = descriptionOf(propertiesOf(e.parentSchema)[missing]);
      const inWhat = segs.length === 0 ? '' : ` in \`${path}\``;
      return diag('data/required', `missing required field \`${missing}\`${inWhat}`, {
        loc: locator.value(segs),
        path: formatPath([...segs, missing]),
        hint: `add \`${missing}:\` here${desc ? ` (${desc})` : ''}`,
      });
    }
    case 'additionalProperties': {
      const key = String(param(e, 'additionalProperty'));
      const known = Object.keys(propertiesOf(e.parentSchema)).filter((k) => k !== '$schema');
      const guess = suggest(key, known);
      const keySegs = [...segs, key];
      return diag('data/unknown-field', `unknown field \`${clip(key)}\`${segs.length ? ` in \`${path}\`` : ''}`, {
        loc: locator.key(keySegs),
        path: formatPath(keySegs),
        hint: guess ? `did you mean \`${guess}\`?` : `remove it or check its spelling; fields allowed here: ${listNames(known)}`,
      });
    }
    case 'enum': {
      const allowed = (param(e, 'allowedValues') as unknown[] | undefined) ?? [];
      const guess = typeof value === 'string' ? suggest(value, allowed.map(String)) : undefined;
      return diag('data/enum', `${describeValue(value)} is not allowed for ${fieldName(segs)}; allowed: ${listNames(allowed)}`, {
        ...at,
        hint: guess ? `did you mean \`${guess}\`?` : `use one of ${listNames(allowed)}`,
      });
    }
    case 'pattern':
      return patternDiag(String(param(e, 'pattern')), value, segs, at);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const cmp = String(param(e, 'comparison'));
      const limit = Number(param(e, 'limit'));
      const neg = e.keyword === 'minimum' && limit === 0;
      return diag('data/range', `${fieldName(segs)} is ${num(Number(value))}; it must be ${cmp} ${num(limit)}`, {
        ...at,
        hint: neg ? 'trade values cannot be negative (a deficit belongs in `balance`)' : `use a value ${cmp} ${num(limit)}`,
      });
    }
    case 'minLength':
      return diag('data/empty', `${fieldName(segs)} is empty text`, {
        ...at,
        hint: 'write the text, or remove the field if it is optional',
      });
    case 'maxLength': {
      const len = typeof value === 'string' ? charCount(value) : 0;
      return diag('data/too-long', `${fieldName(segs)} is ${len} characters long; the limit is ${String(param(e, 'limit'))}`, {
        ...at,
        hint: 'shorten the text, or split it (e.g. into several bullets)',
      });
    }
    case 'minItems':
      return diag('data/empty', `${fieldName(segs)} is an empty list; it needs at least ${String(param(e, 'limit'))} item`, {
        ...at,
        hint: 'add items under it, one `- item` per line',
      });
    case 'maxItems': {
      const n = Array.isArray(value) ? value.length : 0;
      return diag('data/too-many', `${fieldName(segs)} has ${n} items; the limit is ${String(param(e, 'limit'))}`, {
        ...at,
        hint: 'shorten the list',
      });
    }
    case 'if':
    case 'anyOf':
    case 'oneOf':
      return undefined; // the branches' own errors say more
    default:
      return diag('data/schema', `${fieldName(segs)} ${e.message ?? 'is invalid'}`, { ...at, hint: 'see data/schema/briefing.schema.json for the expected format' });
  }
}

function patternDiag(
  pattern: string,
  value: unknown,
  segs: readonly PathSeg[],
  at: { loc: Diagnostic['loc']; path: string | undefined },
): Diagnostic {
  const s = typeof value === 'string' ? value : String(value);
  if (pattern === ID_PATTERN) {
    const slug = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    return diag('data/format', `\`${clip(s)}\` is not a valid name for ${fieldName(segs)}`, {
      ...at,
      hint: `use lowercase letters, digits and hyphens only${slug && slug !== s ? `; did you mean \`${slug}\`?` : ''}`,
    });
  }
  if (pattern === DATE_PATTERN) {
    return diag('data/format', `\`${clip(s)}\` is not a date written YYYY-MM-DD`, {
      ...at,
      hint: 'write the date as YYYY-MM-DD, e.g. 1995-10-01',
    });
  }
  if (pattern === LANGUAGE_PATTERN) {
    // Still an enumeration to the user (the tags with a catalog), read from the catalogs.
    const known = bundledLanguages();
    const guess = suggest(s, known);
    return diag('data/enum', `\`${clip(s)}\` is not a language tag for ${fieldName(segs)}; languages with a catalog: ${listNames(known)}`, {
      ...at,
      hint: guess ? `did you mean \`${guess}\`?` : 'write a BCP 47 tag such as `en`, `fr-CA` or `ko`, with a catalog in templates/messages/<tag>.json',
    });
  }
  if (pattern === CURRENCY_PATTERN) {
    return diag('data/format', `\`${clip(s)}\` is not an ISO 4217 currency code`, {
      ...at,
      hint: /^[a-z]{3}$/i.test(s) ? `write it in capitals: \`${s.toUpperCase()}\`` : 'write the three-letter code in capitals, e.g. `CAD`',
    });
  }
  return diag('data/format', `\`${clip(s)}\` does not have the expected form for ${fieldName(segs)}`, {
    ...at,
    hint: `it must match ${pattern}`,
  });
}
