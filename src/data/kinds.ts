/**
 * Fields of a document kind (`programme:`, `person:`, `points:`): top-level data that only
 * one kind's templates read. They are declared in the schema alone and reach the templates
 * as validated, NFC-normalised plain data, so a new kind needs a schema fragment, a template
 * folder and catalog entries, and no code. Objects that carry a `marking` get their portion
 * mark (`portion: "(C)"`) read in the briefing's marking scheme.
 */
import { readMarking } from '../marking/index.js';
import type { Marking, MarkingNames, MarkingScheme } from '../marking/index.js';

/** Plain data as the schema accepts it. */
export type KindValue = string | number | boolean | null | readonly KindValue[] | { readonly [key: string]: KindValue };

/** Top-level fields every kind shares (the briefing's own); every other top-level key is a kind field. */
export const CORE_FIELDS: ReadonlySet<string> = new Set([
  '$schema', 'id', 'language', 'title', 'subtitle', 'date', 'classification', 'author', 'partner', 'source',
  'keywords', 'sections', 'trade', 'charts', 'template',
]);

/** The kind fields of schema-valid input, with where each stands, in file order. */
export function kindEntries(input: object): [string, unknown][] {
  return Object.entries(input).filter(([k]) => !CORE_FIELDS.has(k));
}

/**
 * The shortest spelling of a caveat in `lang` or the scheme's default language (its text or an
 * alias): a portion mark is an abbreviation, and `CEO` is how French documents mark it too.
 */
function shortest(names: MarkingNames, scheme: MarkingScheme, lang: string): string {
  const all = [names[lang], names[scheme.defaultLanguage]].flatMap((n) => (n ? [n.text, ...(n.aliases ?? [])] : []));
  return all.reduce((a, b) => (b.length < a.length ? b : a), all[0] ?? '');
}

/** A level's or list's canonical name in `lang`, else in the scheme's default language. */
function nameOf(names: MarkingNames, scheme: MarkingScheme, lang: string): string {
  return (names[lang] ?? names[scheme.defaultLanguage])?.text ?? '';
}

/**
 * A portion mark: the initials of the level's name in the language (`U`, `C`, `PB`, `TS`,
 * `NU`), then each caveat by its shortest spelling and any release list, in parentheses:
 * `(C)`, `(S//CEO)`, `(PB//REL TO CAN, USA)`.
 */
export function portionMark(m: Marking, scheme: MarkingScheme, lang: string): string {
  const level = scheme.levels[m.level];
  const initials = nameOf(level?.names ?? {}, scheme, lang).split(/\s+/u).map((w) => w.charAt(0)).join('');
  const parts = [initials];
  for (const id of m.caveats) {
    const c = scheme.caveats.find((x) => x.id === id);
    if (c) parts.push(shortest(c.names, scheme, lang));
  }
  if (m.releasableTo && scheme.release) parts.push(`${nameOf(scheme.release.names, scheme, lang)} ${m.releasableTo.join(', ')}`);
  return `(${parts.join('//')})`;
}

function build(v: unknown, scheme: MarkingScheme, lang: string): KindValue {
  if (typeof v === 'string') return v.normalize('NFC');
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
  if (Array.isArray(v)) return v.map((x: unknown) => build(x, scheme, lang));
  const out: Record<string, KindValue> = {};
  // `portion` is ours, made from `marking` (checked by checkKinds, so it reads); one read from a
  // briefing written back is dropped and made again.
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (k !== 'portion') out[k] = build(x, scheme, lang);
  if (typeof out['marking'] === 'string') out['portion'] = portionMark(readMarking(out['marking'], scheme), scheme, lang);
  return out;
}

/** The kind fields of schema-valid, checked input, ready for the templates. */
export function buildKindFields(input: object, scheme: MarkingScheme, lang: string): Record<string, KindValue> {
  const out: Record<string, KindValue> = {};
  for (const [k, v] of kindEntries(input)) out[k] = build(v, scheme, lang);
  return out;
}
