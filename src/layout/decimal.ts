import type { TableCell } from '../doc/index.js';
import type { Line } from '../text/index.js';
import { textWidth } from '../text/index.js';
import { isNumberText, numberRanges } from '../text/index.js';
import { decimalMark } from '../util/index.js';
import type { SpanStyle } from './spans.js';
import { toSpans } from './spans.js';

/*
 * Numbers in a table column line up on their decimal point: each number is right-aligned with
 * room on its right for the widest decimals-and-unit tail of its column ("12.5 %" over
 * "3 %" puts the 3 under the 2).
 */

/** Cells that say "no value" and may stand in a numeric column. */
const NO_VALUE = /^(?:[-\u2013\u2014.\u2026]+|n\/?a|s\.o\.)$/i;

const cellText = (c: TableCell | undefined): string =>
  (c?.content ?? []).map((i) => (i.kind === 'text' ? i.text : i.kind === 'link' ? i.children.map((x) => (x.kind === 'text' ? x.text : '')).join('') : '')).join('');

/** A column of numbers: every body cell is one number atom, empty, or a dash for none. */
export function isNumericColumn(cells: readonly (TableCell | undefined)[]): boolean {
  let numbers = 0;
  for (const c of cells) {
    const s = cellText(c).trim();
    if (s === '' || NO_VALUE.test(s)) continue;
    if (!isNumberText(s)) return false;
    numbers++;
  }
  return numbers > 0;
}

/**
 * Where the integer part of the last number in `text` ends: at its decimal mark (`.` in
 * English, `,` in French: the language's own, by Intl) when a digit follows it, else after its last digit. Null without a
 * number.
 */
export function integerEnd(text: string, lang: string): number | null {
  const last = numberRanges(text).at(-1);
  if (!last) return null;
  const [a, b] = last;
  const atom = text.slice(a, b);
  const mark = decimalMark(lang) === ',' ? /,(?=\d)/g : /\.(?=\d)/g;
  let at = -1;
  for (const m of atom.matchAll(mark)) at = m.index;
  if (at >= 0) return a + at;
  let digit = -1;
  for (let i = 0; i < atom.length; i++) if (/\d/.test(atom[i] ?? '')) digit = i;
  return a + digit + 1;
}

/** Widths (pt) of a cell's text before and from the integer end, set on one line in `style`. */
export function splitWidths(cell: TableCell | undefined, style: SpanStyle, lang: string): { head: number; tail: number } | null {
  const spans = toSpans(cell?.content ?? [], style);
  const text = spans.map((s) => s.text).join('');
  const end = integerEnd(text, lang);
  const s0 = spans[0];
  if (end === null || !s0) return null;
  const w = (s: string): number => textWidth(s, s0.face, s0.size, s0.features);
  return { head: w(text.slice(0, end)), tail: w(text.slice(end)) };
}

/** Width (pt) of a set line's text from its integer end, or null when it holds no number. */
export function lineTail(line: Line, lang: string): number | null {
  const text = line.fragments.map((f) => f.text).join('');
  const end = integerEnd(text, lang);
  if (end === null) return null;
  let off = 0;
  let w = 0;
  for (const f of line.fragments) {
    const from = Math.max(0, end - off);
    if (from < f.text.length) w += textWidth(f.text.slice(from).trimEnd(), f.span.face, f.span.size, f.span.features);
    off += f.text.length;
  }
  return w;
}
