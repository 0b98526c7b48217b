/**
 * "Did you mean …?" suggestions for misspelt field names and enum values.
 */

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
  korean: 'ko',
  한국어: 'ko',
  kr: 'ko',
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
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  const allowed = word.length <= 3 ? 1 : Math.max(2, Math.floor(word.length / 3));
  if (best !== undefined && bestD <= allowed) return best;
  return candidates.find((c) => c.toLowerCase().split('-').includes(word.toLowerCase()));
}

/**
 * The Levenshtein distance between two strings, in UTF-16 code units: the fewest insertions,
 * deletions and substitutions that turn `a` into `b`. Our own few lines rather than a
 * dependency: candidates are short names, so the plain two-row dynamic programme is fast
 * enough, and the published package needs one dependency fewer. O(|a|·|b|) time.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  // The shorter string indexes the row, so memory is O(min(|a|, |b|)).
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  if (short.length === 0) return long.length;
  let prev = new Uint32Array(short.length + 1);
  let cur = new Uint32Array(short.length + 1);
  for (let j = 0; j <= short.length; j++) prev[j] = j;
  for (let i = 1; i <= long.length; i++) {
    cur[0] = i;
    const ch = long.charCodeAt(i - 1);
    for (let j = 1; j <= short.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (ch === short.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, (prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[short.length] ?? 0;
}

/** A list of names for messages: `a`, `b` and `c`. */
export function listNames(names: readonly unknown[]): string {
  const q = names.map((n) => `\`${String(n)}\``);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} or ${q[q.length - 1] ?? ''}`;
}
