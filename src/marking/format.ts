/**
 * Markings as banner text, and the checks that turn unreadable text into located errors.
 */
import { diag, UserError } from '../diag/index.js';
import type { Diagnostic, SourceLoc } from '../diag/index.js';
import { nameIn, schemeHint } from './describe.js';
import { parseMarking } from './parse.js';
import { builtinSchemes } from './schemes.js';
import { visibleText } from './text.js';
import type { Marking, MarkingScheme } from './types.js';

/**
 * The banner for a marking in a language (the scheme's default language when it has no names
 * in `lang`): level, then caveats in the scheme's order, then the release list, joined by the
 * scheme's separator: `TOP SECRET // CANADIAN EYES ONLY // NOFORN`,
 * `SECRET // RÉSERVÉ AUX CANADIENS`, `SECRET // REL TO CAN, USA`. Empty for a scheme whose
 * markings are not printed. Reading the banner back gives the same marking.
 */
export function formatMarking(marking: Marking, scheme: MarkingScheme, lang: string): string {
  if (!scheme.printed) return '';
  const level = scheme.levels[marking.level];
  if (!level) throw new Error(`internal: level ${marking.level} is not in the ${scheme.id} scheme`);
  const parts = [nameIn(level.names, scheme, lang)];
  for (const id of marking.caveats) {
    const c = scheme.caveats.find((x) => x.id === id);
    if (!c) throw new Error(`internal: caveat ${id} is not in the ${scheme.id} scheme`);
    parts.push(nameIn(c.names, scheme, lang));
  }
  if (marking.releasableTo && scheme.release) parts.push(`${nameIn(scheme.release.names, scheme, lang)} ${marking.releasableTo.join(', ')}`);
  return parts.join(scheme.separator);
}

/** Where a marking was written: its value's position and field path. */
export interface MarkingField {
  readonly loc?: SourceLoc | undefined;
  readonly path?: string | undefined;
}

/**
 * `marking/unknown` for text the scheme cannot read, or undefined when it reads. The message
 * names the text with invisible characters shown as `<U+XXXX>`; the hint lists what the scheme
 * knows.
 */
export function checkMarking(text: string, scheme: MarkingScheme, at: MarkingField): Diagnostic | undefined {
  const r = parseMarking(text, scheme);
  if (r.ok) return undefined;
  if (r.problem.kind === 'contradictory') {
    return diag('marking/contradictory', `the marking "${visibleText(text)}" contradicts itself: ${r.reason}`, { loc: at.loc, path: at.path, hint: r.problem.fix });
  }
  return diag('marking/unknown', `cannot read the marking "${visibleText(text)}": ${r.reason}`, { loc: at.loc, path: at.path, hint: [otherSchemeHint(text, scheme), schemeHint(scheme)].filter((h) => h !== undefined).join('; otherwise: ') });
}

/**
 * When the text reads as a marking of another built-in scheme (`NATO SECRET` under canada),
 * the hint says how to choose that scheme, rather than listing levels the user did not mean.
 */
function otherSchemeHint(text: string, scheme: MarkingScheme): string | undefined {
  const other = Object.values(builtinSchemes).find((s) => s.id !== scheme.id && s.printed && parseMarking(text, s).ok);
  if (!other) return undefined;
  return `"${visibleText(text)}" is a marking of the ${other.id} scheme, and this project uses the ${scheme.id} scheme: choose ${other.id} with \`marking: ${other.id}\` in briefkit.config.yaml or \`--marking ${other.id}\` on the command line`;
}

/**
 * Reads a marking that must be readable (it passed {@link checkMarking} when it was loaded).
 * Throws a `UserError` with `marking/unknown` otherwise, so unreadable text is never printed
 * or ranked, whatever path it came by.
 */
export function readMarking(text: string, scheme: MarkingScheme, at: MarkingField = {}): Marking {
  const r = parseMarking(text, scheme);
  if (r.ok) return r.marking;
  throw new UserError([checkMarking(text, scheme, at) ?? diag('marking/unknown', r.reason)]);
}

/** The canonical banner of a marking text in `lang` (see {@link readMarking} for unreadable text). */
export function markingBanner(text: string, scheme: MarkingScheme, lang: string): string {
  return formatMarking(readMarking(text, scheme), scheme, lang);
}
