/**
 * Checks of a kind's fields the schema cannot make: the links of every field the schema
 * declares as rich text (`data/link`; plain fields print as written), and portion markings: readable in the scheme (`marking/unknown`) and no
 * higher than the briefing's own classification (`data/portion-marking`), since the banner
 * must cover every paragraph on the page.
 */
import { diag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { checkMarking, dominates, formatMarking, parseMarking } from '../marking/index.js';
import type { MarkingScheme } from '../marking/index.js';
import { kindEntries } from './kinds.js';
import type { Locator } from './locator.js';
import { formatPath, type PathSeg } from './paths.js';
import { parseRich } from './rich.js';
import { briefingSchema } from './schema.js';

type Node = Readonly<Record<string, unknown>>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

let defs: Node | undefined;
let props: Node | undefined;

/** The schema's definitions, read once (the file does not change while a process runs). */
function definitions(): Node {
  defs ??= (briefingSchema()['definitions'] ?? {}) as Node;
  return defs;
}

/** The schema's top-level properties, read once. */
function briefingSchemaProperties(): Node {
  props ??= (briefingSchema()['properties'] ?? {}) as Node;
  return props;
}

/** The schema that applies to `v` where `schema` does: `$ref` followed, a `oneOf` branch chosen by the value's type. */
function resolve(schema: unknown, v: unknown): Node | undefined {
  if (!isNode(schema)) return undefined;
  const ref = schema['$ref'];
  if (typeof ref === 'string') return resolve(definitions()[ref.replace('#/definitions/', '')], v);
  const branches = schema['oneOf'];
  if (Array.isArray(branches)) return branches.map((b) => resolve(b, v)).find((b) => b !== undefined && (b['type'] === 'object') === isNode(v));
  return schema;
}

/** Every check of the kind fields of schema-valid input. */
export function checkKinds(input: object, classification: string, locator: Locator, scheme: MarkingScheme): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (segs: readonly PathSeg[]): { loc: ReturnType<Locator['value']>; path: string } => ({ loc: locator.value([...segs]), path: formatPath([...segs]) });
  const doc = parseMarking(classification, scheme);
  const rich = definitions()['richText'];
  const walk = (v: unknown, schema: unknown, segs: readonly PathSeg[]): void => {
    const here = resolve(schema, v);
    if (typeof v === 'string') {
      if (here !== rich) return;
      for (const p of parseRich(v).problems) out.push(diag(p.code, p.message, { ...at(segs), hint: p.hint }));
    } else if (Array.isArray(v)) {
      v.forEach((x: unknown, i) => walk(x, here?.['items'], [...segs, i]));
    } else if (isNode(v)) {
      const props = isNode(here?.['properties']) ? here['properties'] : {};
      for (const [k, x] of Object.entries(v)) {
        if (k === 'marking' && typeof x === 'string') marking(x, [...segs, k]);
        else walk(x, props[k], [...segs, k]);
      }
    }
  };
  const marking = (text: string, segs: readonly PathSeg[]): void => {
    const bad = checkMarking(text, scheme, at(segs));
    if (bad) {
      out.push(bad);
      return;
    }
    const m = parseMarking(text, scheme);
    if (m.ok && doc.ok && !dominates(doc.marking, m.marking)) {
      out.push(diag('data/portion-marking', `the portion is marked "${formatMarking(m.marking, scheme, scheme.defaultLanguage)}", which the briefing's classification "${formatMarking(doc.marking, scheme, scheme.defaultLanguage)}" does not cover`, {
        ...at(segs), hint: 'raise the briefing\'s `classification` to cover every portion, or take the portion out',
      }));
    }
  };
  const top = briefingSchemaProperties();
  for (const [k, v] of kindEntries(input)) walk(v, top[k], [k]);
  return out;
}
