/**
 * The one marking parser. Text is read fully or not at all: a word the scheme does not know,
 * a missing or doubled level, anything that is not a level, caveat or release list makes it
 * an error, never a marking of some lower rank.
 */
import { describeProblem } from './describe.js';
import { releaseText, ruleProblem } from './rules.js';
import { phraseTable } from './table.js';
import type { Phrase, PhraseTable } from './table.js';
import { tokenize } from './text.js';
import type { Word } from './text.js';
import type { Marking, MarkingProblem, MarkingResult, MarkingScheme } from './types.js';

const fail = (problem: MarkingProblem, scheme: MarkingScheme): MarkingResult => ({ ok: false, problem, reason: describeProblem(problem, scheme) });

/** What reading the words found so far. */
interface Found {
  readonly levels: Set<number>;
  readonly caveats: Set<string>;
  /** Each release list met (a marking may repeat its list, but two different lists contradict). */
  readonly lists: Set<string>[];
  readonly unknown: string[];
  /** Inside a release list: codes and joiners are read until another word comes. */
  list: Set<string> | undefined;
}

/**
 * Reads a marking with a scheme: NFKC, invisible characters removed, case and accents
 * ignored; `//`, `/`, ` - `, dashes, `( )`, `[ ]`, `,`, `;` and spaces all separate; one level
 * (in any of the scheme's languages, repeated if wished: `UNCLASSIFIED / NON CLASSIFIÉ`),
 * caveats in any order, possibly repeated, and a release list (`REL TO CAN, USA`, repeated
 * only as itself). A marking that breaks a rule of the scheme (`NOFORN` with a release list,
 * `ATOMAL` below NATO CONFIDENTIAL) is refused as `contradictory`.
 */
export function parseMarking(text: string, scheme: MarkingScheme): MarkingResult {
  const tokens = tokenize(text);
  if (!tokens.ok) return fail({ kind: 'character', char: tokens.char }, scheme);
  if (tokens.groups.length === 0) return fail({ kind: 'empty' }, scheme);
  const table = phraseTable(scheme);
  const found: Found = { levels: new Set(), caveats: new Set(), lists: [], unknown: [], list: undefined };
  for (const group of tokens.groups) readGroup(group, table, found);
  if (found.unknown.length) return fail({ kind: 'unknown', words: found.unknown }, scheme);
  if (found.lists.some((l) => l.size === 0)) return fail({ kind: 'release-empty' }, scheme);
  const levels = [...found.levels].sort((a, b) => a - b);
  const level = levels[0];
  if (level === undefined) return fail({ kind: 'no-level' }, scheme);
  if (levels.length > 1) return fail({ kind: 'two-levels', levels }, scheme);
  const caveats = sortCaveats(found.caveats, table);
  const lists = found.lists.map((l) => sortCodes(l, table));
  const distinct = [...new Set(lists.map((l) => l.join(', ')))];
  if (distinct.length > 1) {
    // Two different lists: reading them as their intersection (or as CEO when they share
    // nothing) would print a release nobody wrote.
    const parts = lists.map((l) => releaseText(l, scheme));
    return fail({ kind: 'contradictory', parts, why: 'a marking has one release list', fix: 'write one release list naming every country that may receive it' }, scheme);
  }
  const marking: Marking = lists[0] ? { level, caveats, releasableTo: lists[0] } : { level, caveats };
  const broken = ruleProblem(marking, scheme);
  return broken ? fail(broken, scheme) : { ok: true, marking };
}

/** Reads one group's words, longest phrase first, into `found`. */
function readGroup(group: readonly Word[], table: PhraseTable, found: Found): void {
  const words = group.map((w) => w.key);
  let i = 0;
  while (i < words.length) {
    const w = words[i] as string;
    const hit = longestPhrase(words, i, table);
    // In a release list, a code is a code unless a longer phrase starts with it (`CAN EYES ONLY`).
    if (found.list && (!hit || hit.length === 1) && (table.codes.has(w) || table.joiners.has(w))) {
      if (table.codes.has(w)) found.list.add(w);
      i += 1;
      continue;
    }
    found.list = undefined;
    if (!hit) {
      found.unknown.push(group[i]?.text ?? w);
      i += 1;
      continue;
    }
    const { phrase, length } = hit;
    i += length;
    switch (phrase.kind) {
      case 'level':
        found.levels.add(phrase.rank);
        break;
      case 'caveat':
        found.caveats.add(phrase.id);
        break;
      case 'release':
        found.list = new Set();
        found.lists.push(found.list);
        break;
    }
  }
}

function longestPhrase(words: readonly string[], at: number, table: PhraseTable): { phrase: Phrase; length: number } | undefined {
  for (let n = Math.min(table.longest, words.length - at); n >= 1; n--) {
    const phrase = table.phrases.get(words.slice(at, at + n).join(' '));
    if (phrase) return { phrase, length: n };
  }
  return undefined;
}

/** Codes every list allows; undefined when there is no list. */
export function intersect(lists: readonly ReadonlySet<string>[]): Set<string> | undefined {
  const [first, ...rest] = lists;
  if (!first) return undefined;
  return new Set([...first].filter((c) => rest.every((l) => l.has(c))));
}

export function sortCaveats(ids: Iterable<string>, table: PhraseTable): string[] {
  return [...new Set(ids)].sort((a, b) => (table.caveatOrder.get(a) ?? 0) - (table.caveatOrder.get(b) ?? 0));
}

export function sortCodes(codes: Iterable<string>, table: PhraseTable): string[] {
  return [...new Set(codes)].sort((a, b) => (table.codeOrder.get(a) ?? 0) - (table.codeOrder.get(b) ?? 0));
}
