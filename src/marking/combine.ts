/**
 * Markings of several documents made one: what a pack or a message with several attachments
 * is marked with. It is never lower than any part and never loses a restriction.
 */
import { intersect, sortCaveats, sortCodes } from './parse.js';
import { phraseTable } from './table.js';
import type { Marking, MarkingScheme } from './types.js';

/**
 * The highest level, the union of every caveat, and release only where every marking allows
 * it: a release list survives only when every marking has one (a marking without a list
 * authorises no release), as the codes all lists share; when they share none, the scheme's
 * `whenEmpty` caveat is added instead. Throws on an empty list (an internal error: a pack or
 * a message always has a part).
 */
export function combineMarkings(markings: readonly Marking[], scheme: MarkingScheme): Marking {
  if (markings.length === 0) throw new Error('internal: no marking to combine');
  const table = phraseTable(scheme);
  const level = Math.max(...markings.map((m) => m.level));
  const caveats = markings.flatMap((m) => m.caveats);
  const lists = markings.map((m) => m.releasableTo);
  const every = lists.every((l) => l !== undefined);
  const allowed = every ? intersect(lists.map((l) => new Set(l))) : undefined;
  const none = scheme.release?.whenEmpty;
  if (allowed && allowed.size === 0 && none) caveats.push(none);
  return {
    level,
    caveats: sortCaveats(caveats, table),
    ...(allowed && allowed.size > 0 ? { releasableTo: sortCodes(allowed, table) } : {}),
  };
}

/**
 * True when `a` is at least as restrictive as `b`: a level as high, every caveat of `b`, and
 * release to no one `b` does not allow (no list: release to no one).
 */
export function dominates(a: Marking, b: Marking): boolean {
  if (a.level < b.level) return false;
  if (!b.caveats.every((c) => a.caveats.includes(c))) return false;
  if (a.releasableTo === undefined) return true;
  const allowedByB = b.releasableTo;
  return allowedByB !== undefined && a.releasableTo.every((c) => allowedByB.includes(c));
}

/** Two markings say the same thing. */
export function sameMarking(a: Marking, b: Marking): boolean {
  return dominates(a, b) && dominates(b, a);
}
