/**
 * Ways of writing a marking: every spelling the scheme knows, separators, case and invisible
 * characters. Shared by the generated table and the property tests.
 */
import type { MarkingNames, MarkingScheme } from '../../src/marking/index.js';

/** Characters nobody sees: zero-width, joiners, BOM, bidi controls, soft hyphen, variation selector, fillers. */
export const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u202e', '\u202a', '\u2066', '\u2069', '\u00ad', '\u180e', '\u034f', '\ufe0f', '\u3164', '\u061c'];

/** Separator between two parts: (a, b) => text. */
export const SEPARATORS: readonly ((a: string, b: string) => string)[] = [
  (a, b) => `${a} // ${b}`,
  (a, b) => `${a}//${b}`,
  (a, b) => `${a} / ${b}`,
  (a, b) => `${a}/${b}`,
  (a, b) => `${a} - ${b}`,
  (a, b) => `${a} \u2013 ${b}`,
  (a, b) => `${a} \u2014 ${b}`,
  (a, b) => `${a} (${b})`,
  (a, b) => `${a}, ${b}`,
  (a, b) => `${a}; ${b}`,
  (a, b) => `${a}   ${b}`,
  (a, b) => `${a}\t${b}`,
  (a, b) => `${a} [${b}]`,
  (a, b) => `${a}\u00a0//\u00a0${b}`,
  (a, b) => `${a} \uff0f\uff0f ${b}`,
];

/** Case styles. */
export const CASES: readonly ((s: string) => string)[] = [
  (s) => s,
  (s) => s.toLowerCase(),
  (s) => s.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_m, sp: string, c: string) => sp + c.toUpperCase()),
  (s) => [...s].map((c, i) => (i % 2 ? c.toLowerCase() : c.toUpperCase())).join(''),
];

/** Without accents: `PROTÉGÉ B` → `PROTEGE B`. */
export const unaccented = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');

/** Every spelling of a name: each language's text and aliases, and each without accents. */
export function spellingsOf(names: MarkingNames): string[] {
  const all = Object.values(names).flatMap((n) => [n.text, ...(n.aliases ?? [])]);
  return [...new Set([...all, ...all.map(unaccented)])];
}

/** A small seeded generator, so the table is the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Inserts `n` invisible characters at positions chosen by `rand` (between code points). */
export function sprinkle(s: string, n: number, rand: () => number): string {
  const cps = [...s];
  for (let k = 0; k < n; k++) {
    const at = Math.floor(rand() * (cps.length + 1));
    const ch = INVISIBLES[Math.floor(rand() * INVISIBLES.length)] ?? '\u200b';
    cps.splice(at, 0, ch);
  }
  return cps.join('');
}

/** Names of the scheme's levels and caveats, for messages. */
export function levelIds(scheme: MarkingScheme): string[] {
  return scheme.levels.map((l) => l.id);
}
