/**
 * Words for people: why a text is not a marking, and what the scheme knows.
 */
import { assertNever } from '../diag/index.js';
import { visibleText } from './text.js';
import type { MarkingNames, MarkingProblem, MarkingScheme } from './types.js';

/** The canonical name in `lang`, else in the scheme's default language. */
export function nameIn(names: MarkingNames, scheme: MarkingScheme, lang: string): string {
  return (names[lang] ?? names[scheme.defaultLanguage])?.text ?? '';
}

/** One sentence saying why the text could not be read. */
export function describeProblem(p: MarkingProblem, scheme: MarkingScheme): string {
  switch (p.kind) {
    case 'empty':
      return 'it has no words, only spaces, separators or invisible characters';
    case 'character':
      return `"${visibleText(p.char)}" is not part of any marking`;
    case 'unknown':
      return `the ${scheme.id} scheme has no level or caveat ${p.words.map((w) => `"${visibleText(w)}"`).join(', ')}`;
    case 'no-level':
      return 'it names no level: caveats alone do not say how sensitive it is';
    case 'two-levels':
      return `it names two levels, ${p.levels.map((r) => nameIn(scheme.levels[r]?.names ?? {}, scheme, scheme.defaultLanguage)).join(' and ')}: write only the one that applies`;
    case 'release-empty':
      return 'its release list names no country';
    case 'contradictory':
      return `${p.parts.map((x) => `"${x}"`).join(' and ')} contradict each other (${p.why})`;
    default:
      return assertNever(p, 'marking problem');
  }
}

/** Every spelling in the default language (canonical first, then aliases in parentheses), and in the others. */
function listed(names: MarkingNames, scheme: MarkingScheme): string {
  const main = names[scheme.defaultLanguage];
  const others = Object.entries(names).filter(([l]) => l !== scheme.defaultLanguage).map(([, n]) => n.text).filter((t) => t !== main?.text);
  const aliases = [...(main?.aliases ?? []), ...others];
  return `${main?.text ?? ''}${aliases.length ? ` (${aliases.join(', ')})` : ''}`;
}

/** What the scheme reads: its levels lowest first, its caveats, its release list, an example. */
export function schemeHint(scheme: MarkingScheme): string {
  const levels = scheme.levels.map((l) => listed(l.names, scheme)).join(', ');
  const caveats = scheme.caveats.map((c) => listed(c.names, scheme));
  const r = scheme.release;
  if (r) caveats.push(`${nameIn(r.names, scheme, scheme.defaultLanguage)} <${r.codes.slice(0, 3).join(', ')}, …>`);
  const top = scheme.levels[scheme.levels.length - 1];
  const example = [top ? nameIn(top.names, scheme, scheme.defaultLanguage) : '', ...scheme.caveats.slice(0, 1).map((c) => nameIn(c.names, scheme, scheme.defaultLanguage))].join(scheme.separator);
  return `the ${scheme.id} scheme knows the levels ${levels}${caveats.length ? ` and the caveats ${caveats.join(', ')}` : ''}; write one level, then any caveats after "//", e.g. "${example}"`;
}
