import type { Inline } from '../doc/index.js';

/** Words ending in a full stop that do not end a sentence (English and French). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'no', 'vs', 'etc', 'e.g', 'i.e', 'approx', 'dept', 'gov', 'hon', 'inc', 'ltd', 'co', 'jr', 'sr',
  'm', 'mm', 'mme', 'mmes', 'mlle', 'p', 'env', 'art', 'p.ex', 'c.-à-d', 'cf', 'min', 'sen', 'rep', 'u.s', 'u.k', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec',
]);

/**
 * Where the first sentence of `text` ends (an index just after its closing punctuation), or
 * `text.length` when it is one sentence. A full stop ends a sentence when a space and a
 * capital letter (or an opening quote or parenthesis) follow it and the word before it is not
 * a known abbreviation or a single initial.
 */
export function firstSentenceEnd(text: string): number {
  const re = /[.!?]["'’”»)]*(?=\s+["'‘“«(]?\p{Lu})/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(0, m.index);
    const word = (/([\p{L}.-]+)$/u.exec(before)?.[1] ?? '').toLowerCase();
    if (text[m.index] === '.' && (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word))) continue;
    return m.index + m[0].length;
  }
  return text.length;
}

/** Cuts inlines after `n` characters of their plain text (links keep their target). */
function cut(items: readonly Inline[], n: number): { out: Inline[]; used: number } {
  const out: Inline[] = [];
  let used = 0;
  for (const i of items) {
    if (used >= n) break;
    if (i.kind === 'text') {
      const take = i.text.slice(0, n - used);
      out.push({ ...i, text: take });
      used += take.length;
    } else if (i.kind === 'link') {
      const inner = cut(i.children, n - used);
      out.push({ ...i, children: inner.out });
      used += inner.used;
    } else if (i.kind === 'break') {
      out.push(i);
      used += 1;
    } else out.push(i);
  }
  return { out, used };
}

/** Plain text as {@link cut} counts it. */
function textOf(items: readonly Inline[]): string {
  return items.map((i) => (i.kind === 'text' ? i.text : i.kind === 'link' ? textOf(i.children) : i.kind === 'break' ? ' ' : '')).join('');
}

/**
 * The first sentence of some inlines, or undefined when they are a single sentence already
 * (so callers can tell whether anything was left out).
 */
export function firstSentence(items: readonly Inline[]): Inline[] | undefined {
  const text = textOf(items);
  const end = firstSentenceEnd(text);
  if (text.slice(end).trim() === '') return undefined;
  return cut(items, end).out;
}
