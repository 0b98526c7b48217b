/**
 * "Did you mean …?" suggestions for misspelt field names and enum values.
 */
import { distance } from 'fastest-levenshtein';

/** Common words for chart kinds that are not their briefkit names. */
const ALIASES: Readonly<Record<string, string>> = {
  bar: 'grouped-bar',
  bars: 'grouped-bar',
  column: 'grouped-bar',
  columns: 'grouped-bar',
  stacked: 'stacked-bar',
  hbar: 'horizontal-bar',
  pie: 'doughnut',
  donut: 'doughnut',
  ring: 'doughnut',
  area: 'line',
  deficit: 'balance',
  surplus: 'balance',
  total: 'twoWay',
  'two-way': 'twoWay',
  two_way: 'twoWay',
  twoway: 'twoWay',
  english: 'en',
  french: 'fr',
  français: 'fr',
};

/**
 * The candidate closest to `word`, or undefined when none is close enough to be a likely
 * typo. Tries, in order: a different spelling of case or separators, a known synonym, a small
 * edit distance (1 for words of up to 3 letters, else a third of the word, minimum 2), and a candidate that has the word as
 * one of its hyphenated parts (`bar` → `grouped-bar`).
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0 || word.length === 0) return undefined;
  const squash = (s: string): string => s.toLowerCase().replace(/[-_\s]/g, '');
  const w = squash(word);
  const same = candidates.find((c) => squash(c) === w);
  if (same !== undefined) return same;
  const alias = ALIASES[word.toLowerCase().trim()];
  if (alias !== undefined && candidates.includes(alias)) return alias;
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  const allowed = word.length <= 3 ? 1 : Math.max(2, Math.floor(word.length / 3));
  if (best !== undefined && bestD <= allowed) return best;
  return candidates.find((c) => c.toLowerCase().split('-').includes(word.toLowerCase()));
}

/** A list of names for messages: `a`, `b` and `c`. */
export function listNames(names: readonly unknown[]): string {
  const q = names.map((n) => `\`${String(n)}\``);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} or ${q[q.length - 1] ?? ''}`;
}
