/**
 * Checks of a kind's fields the schema cannot make: every prose string's links
 * (`data/link`), and portion markings: readable in the scheme (`marking/unknown`) and no
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

/** Every check of the kind fields of schema-valid input. */
export function checkKinds(input: object, classification: string, locator: Locator, scheme: MarkingScheme): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (segs: readonly PathSeg[]): { loc: ReturnType<Locator['value']>; path: string } => ({ loc: locator.value([...segs]), path: formatPath([...segs]) });
  const doc = parseMarking(classification, scheme);
  const walk = (v: unknown, segs: readonly PathSeg[]): void => {
    if (typeof v === 'string') {
      for (const p of parseRich(v).problems) out.push(diag(p.code, p.message, { ...at(segs), hint: p.hint }));
    } else if (Array.isArray(v)) {
      v.forEach((x: unknown, i) => walk(x, [...segs, i]));
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (k === 'marking' && typeof x === 'string') marking(x, [...segs, k]);
        else walk(x, [...segs, k]);
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
  for (const [k, v] of kindEntries(input)) walk(v, [k]);
  return out;
}
