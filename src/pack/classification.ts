/**
 * Canadian security markings from lowest to highest, in English and French. A pack is marked
 * with the highest marking of the pack and its briefings.
 */
const LEVELS: readonly (readonly string[])[] = [
  ['UNCLASSIFIED', 'NON CLASSIFIÉ', 'NON CLASSIFIE'],
  ['PROTECTED A', 'PROTÉGÉ A', 'PROTEGE A'],
  ['PROTECTED B', 'PROTÉGÉ B', 'PROTEGE B'],
  ['PROTECTED C', 'PROTÉGÉ C', 'PROTEGE C'],
  ['CONFIDENTIAL', 'CONFIDENTIEL'],
  ['SECRET'],
  ['TOP SECRET', 'TRÈS SECRET', 'TRES SECRET'],
];

/** Rank of a marking (0 = unclassified), or -1 when it is not a known marking. */
export function markingRank(marking: string): number {
  const m = marking.trim().toUpperCase().replace(/\s+/g, ' ');
  // Caveats after a slash or comma ("SECRET // CANADIAN EYES ONLY") do not change the level.
  const head = m.split(/\s*(?:\/\/|\/|,)\s*/)[0] ?? m;
  return LEVELS.findIndex((names) => names.includes(head));
}

/** The highest of several markings; unknown markings rank above none but keep their text. */
export function highestMarking(markings: readonly string[]): string {
  let best = markings[0] ?? 'UNCLASSIFIED';
  let rank = markingRank(best);
  for (const m of markings.slice(1)) {
    const r = markingRank(m);
    if (r > rank) {
      best = m;
      rank = r;
    }
  }
  return best;
}
