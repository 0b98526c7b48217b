/**
 * Numbers as typographic atoms: a number with its sign, its currency (code or symbol) and its
 * unit ("−KRW 217,086,489", "C$1.2 billion", "12.5 %", "US$ 3,4 Mrd", "4,7 G$") is set as
 * one unbreakable word. Line breaking finds them here; nothing in this file draws.
 */

/** Spaces that may sit inside a number atom: a plain space only between its parts. */
const GAP = '[ \\u00a0\\u202f\\u2009]';
/** Spaces Intl and typesetters put in numbers: never break opportunities anyway. */
const FIXED_GAP = '[\\u00a0\\u202f\\u2009]';
const SIGN = '[+\\-\\u2212\\u00b1]';
/** ISO 4217 code ("KRW") or a symbol with an optional country prefix ("$", "C$", "US$", "₩"). */
const CURRENCY = '(?:\\p{Lu}{3}|\\p{Lu}{0,2}\\p{Sc})';
/** Digits with group and decimal separators (no plain space: "in 1994 12 visits" is two numbers). */
const DIGITS = '\\d(?:[\\d.,\\u00a0\\u202f\\u2009\\u066b\\u066c]*\\d)?';
/** Scale and unit words written after a number, in the languages briefings use. */
const WORDS = '(?:billions?|millions?|thousands?|trillions?|milliards?|mille|bn|mn|Mrd|Mio|per' + GAP + 'cent|pour' + GAP + 'cent)';
const SUFFIX =
  '(?:' +
  `${GAP}?[%\\u2030\\u2031]` + // 12.5 %, 3‰
  `|${GAP}?\\p{Sc}(?!\\p{N})` + // 4,7 $ (but "0 $5" is two numbers)
  `|${GAP}\\p{Lu}{3}(?![\\p{L}\\p{N}])` + // 100 KRW
  `|${GAP}?${WORDS}(?![\\p{L}\\p{N}])` + // 1.2 billion, 3,4 Mrd, €3.2bn
  `|${GAP}[kKMBGT]\\p{Sc}` + // 2,2 G$ written with a plain space
  `|${FIXED_GAP}?[kKMBGT](?![\\p{L}\\p{N}])` + // 4.7 B, 2,2 G (short units, never after a plain space)
  ')';

/**
 * A number atom. It starts where no letter or digit precedes it, takes a sign, a currency
 * before or after, and up to two unit words ("4,7 milliards $").
 */
export const NUMBER_ATOM = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${SIGN}(?=[\\p{Sc}\\p{Lu}\\d]))?(?:${CURRENCY}${GAP}?)?(?:${SIGN})?${DIGITS}(?:${SUFFIX}){0,2}`,
  'gu',
);

/** Where number atoms are in `text`: [start, end) offsets in UTF-16 units. */
export function numberRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  if (!/\d/.test(text)) return out;
  NUMBER_ATOM.lastIndex = 0;
  for (const m of text.matchAll(NUMBER_ATOM)) {
    const start = m.index;
    out.push([start, start + m[0].length]);
  }
  return out;
}

/**
 * The text with every plain space inside a number atom made a no-break space, so a line never
 * ends inside one and justification never stretches one.
 */
export function bindNumbers(text: string): string {
  if (!/\d/.test(text) || !text.includes(' ')) return text;
  return text.replace(NUMBER_ATOM, (m) => m.replace(/ /g, '\u00a0'));
}

/** True when the whole text (trimmed) is one number atom: a cell of a numeric column. */
export function isNumberText(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  const r = numberRanges(t);
  return r.length === 1 && r[0]?.[0] === 0 && r[0][1] === t.length;
}

/**
 * Offsets where a word holding a number may be cut when it is wider than the whole line:
 * code point boundaries outside every number atom and the punctuation that clings to it, so
 * "(−KRW 217,086,489.0)," stays whole while a long URL with digits can still be cut.
 */
export function allowedCuts(text: string): number[] {
  const ranges = numberRanges(text).map(([a, b]): [number, number] => {
    let s = a;
    let e = b;
    while (s > 0 && /[\p{P}\p{S}]/u.test(text[s - 1] ?? '')) s--;
    while (e < text.length && /[\p{P}\p{S}]/u.test(text[e] ?? '')) e++;
    return [s, e];
  });
  const out: number[] = [];
  let at = 0;
  for (const ch of text) {
    at += ch.length;
    if (at >= text.length) break;
    if (!ranges.some(([s, e]) => at > s && at < e)) out.push(at);
  }
  return out;
}
