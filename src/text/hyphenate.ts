import { createRequire } from 'node:module';

type Hyphenator = (text: string, options: { hyphenChar: string; minWordLength?: number }) => string;
const require = createRequire(import.meta.url);
const loaded = new Map<string, Hyphenator>();

/** Languages with hyphenation patterns, by primary subtag. Others (Korean: words never split) get none. */
const PATTERNS: Readonly<Record<string, string>> = { en: 'hyphen/en-us', fr: 'hyphen/fr' };

/** Loads the patterns for a language on first use (they cost ~20 ms each). */
function hyphenator(lang: 'en' | 'fr'): Hyphenator {
  let h = loaded.get(lang);
  if (!h) {
    // Written out (not PATTERNS[lang]) so the package test sees both pattern modules used.
    const mod = require(lang === 'fr' ? 'hyphen/fr' : 'hyphen/en-us') as { hyphenateSync: Hyphenator };
    h = mod.hyphenateSync;
    loaded.set(lang, h);
  }
  return h;
}

/**
 * Places a word may break, as character offsets (a hyphen is drawn there). Words with digits,
 * capitals only (acronyms) or under 6 letters are never hyphenated.
 */
export function breakPoints(word: string, lang: string): number[] {
  const primary = lang.split('-')[0] ?? '';
  if (!Object.hasOwn(PATTERNS, primary)) return [];
  if (word.length < 6 || /\d/.test(word) || /^[\p{Lu}\p{P}]+$/u.test(word)) return [];
  const marked = hyphenator(primary === 'fr' ? 'fr' : 'en')(word, { hyphenChar: '\u0001', minWordLength: 6 });
  const points: number[] = [];
  let offset = 0;
  for (const ch of marked) {
    if (ch === '\u0001') points.push(offset);
    else offset += ch.length;
  }
  // Keep at least two letters before and three after a break.
  return points.filter((p) => p >= 2 && word.length - p >= 3 && !/[-\u2010]/.test(word[p - 1] ?? ''));
}
