/**
 * A scheme compiled for reading: every name and alias of every language as a key of folded
 * words, pointing at what it names. Built once per scheme object.
 */
import { ruleProblems } from './rules.js';
import { nameKey } from './text.js';
import type { MarkingNames, MarkingScheme } from './types.js';

/** What a phrase of the scheme names. */
export type Phrase =
  | { readonly kind: 'level'; readonly rank: number }
  | { readonly kind: 'caveat'; readonly id: string }
  | { readonly kind: 'release' };

/** The compiled scheme. */
export interface PhraseTable {
  readonly phrases: ReadonlyMap<string, Phrase>;
  /** The most words any phrase has. */
  readonly longest: number;
  readonly codes: ReadonlySet<string>;
  readonly joiners: ReadonlySet<string>;
  /** Caveat ids and release codes in printing order. */
  readonly caveatOrder: ReadonlyMap<string, number>;
  readonly codeOrder: ReadonlyMap<string, number>;
}

const tables = new WeakMap<MarkingScheme, PhraseTable>();

/** Every spelling of a name, in every language. */
function spellings(names: MarkingNames): string[] {
  return Object.values(names).flatMap((n) => [n.text, ...(n.aliases ?? [])]);
}

function samePhrase(a: Phrase, b: Phrase): boolean {
  if (a.kind === 'level' && b.kind === 'level') return a.rank === b.rank;
  if (a.kind === 'caveat' && b.kind === 'caveat') return a.id === b.id;
  return a.kind === 'release' && b.kind === 'release';
}

/**
 * Compiles a scheme, reporting what makes it ambiguous or unusable (a name with separators or
 * stray characters, one key for two things, a code that is also a phrase, an unknown
 * `whenEmpty`). The built-in schemes have none; a project's scheme will be checked the same way.
 */
export function compileScheme(scheme: MarkingScheme): { readonly table: PhraseTable; readonly problems: readonly string[] } {
  const problems: string[] = [];
  const phrases = new Map<string, Phrase>();
  let longest = 1;
  const add = (name: string, what: Phrase, owner: string): void => {
    const key = nameKey(name);
    if (key === '' || key.includes('/')) {
      problems.push(`${owner}: the name "${name}" is not one group of words (no separators or symbols)`);
      return;
    }
    const prev = phrases.get(key);
    if (prev && !samePhrase(prev, what)) problems.push(`${owner}: the name "${name}" also names something else`);
    phrases.set(key, what);
    longest = Math.max(longest, key.split(' ').length);
  };
  const ids = new Set<string>();
  const named = (id: string, names: MarkingNames, owner: string): void => {
    if (ids.has(id)) problems.push(`${owner}: the id "${id}" is used twice`);
    ids.add(id);
    if (!names[scheme.defaultLanguage]) problems.push(`${owner}: no name in the default language "${scheme.defaultLanguage}"`);
  };
  if (scheme.levels.length === 0) problems.push('the scheme has no level');
  scheme.levels.forEach((l, rank) => {
    named(l.id, l.names, `level ${l.id}`);
    for (const s of spellings(l.names)) add(s, { kind: 'level', rank }, `level ${l.id}`);
  });
  scheme.caveats.forEach((c) => {
    named(c.id, c.names, `caveat ${c.id}`);
    for (const s of spellings(c.names)) add(s, { kind: 'caveat', id: c.id }, `caveat ${c.id}`);
  });
  const r = scheme.release;
  const codes = new Set<string>();
  const joiners = new Set<string>();
  if (r) {
    for (const s of spellings(r.names)) add(s, { kind: 'release' }, 'release');
    for (const c of r.codes) {
      const key = nameKey(c);
      if (key !== c || key.includes(' ')) problems.push(`release: the code "${c}" is not one upper-case word`);
      if (phrases.has(key)) problems.push(`release: the code "${c}" is also a level or caveat`);
      codes.add(key);
    }
    for (const j of r.joiners) {
      const key = nameKey(j);
      if (codes.has(key) || phrases.has(key)) problems.push(`release: the joiner "${j}" is also a code or a name`);
      joiners.add(key);
    }
    if (r.whenEmpty !== undefined && !scheme.caveats.some((c) => c.id === r.whenEmpty)) {
      problems.push(`release: whenEmpty names no caveat of the scheme ("${r.whenEmpty}")`);
    }
  }
  problems.push(...ruleProblems(scheme));
  const table: PhraseTable = {
    phrases, longest, codes, joiners,
    caveatOrder: new Map(scheme.caveats.map((c, i) => [c.id, i])),
    codeOrder: new Map((r?.codes ?? []).map((c, i) => [c, i])),
  };
  return { table, problems };
}

/** The compiled table of a scheme (compiled on first use; problems are for `compileScheme`). */
export function phraseTable(scheme: MarkingScheme): PhraseTable {
  let t = tables.get(scheme);
  if (!t) {
    t = compileScheme(scheme).table;
    tables.set(scheme, t);
  }
  return t;
}
