import bidiModule from 'bidi-js';
import type { FontFace } from './font-id.js';
import { splitRuns } from './measure.js';

/** Characters of right-to-left scripts and the explicit RTL controls: only then is bidi run. */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f\u202b\u202e\u2067\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

// bidi-js is CommonJS (`module.exports` is the factory) with ES-style types, which TypeScript
// reads as a namespace holding `default`: at run time the default import is the factory.
const bidiFactory = bidiModule as unknown as typeof bidiModule.default;
type Bidi = ReturnType<typeof bidiFactory>;

let bidi: Bidi | undefined;
const engine = (): Bidi => (bidi ??= bidiFactory());

/** Whether text needs the bidi algorithm (it has right-to-left characters). */
export const hasRtl = (text: string): boolean => RTL.test(text);

/** The paragraph's base level by the Unicode rules (P2, P3: its first strong character): 0 or 1. */
export function baseLevel(text: string): 0 | 1 {
  const p = engine().getEmbeddingLevels(text).paragraphs[0];
  return p && p.level % 2 === 1 ? 1 : 0;
}

/** A piece of a line in one style, one level and one font run, in logical order. */
export interface BidiPiece<S> {
  readonly text: string;
  readonly style: S;
  /** Bidi embedding level: odd is right to left. */
  readonly level: number;
  /** The text as written, when `text` was mirrored for drawing (for the text layer). */
  readonly actual?: string;
}

/**
 * Splits a line's pieces (logical order) at bidi level changes and at font/script runs, so
 * each piece is drawn as one run: the renderer shapes an Arabic or Hebrew run right to left
 * (fontkit reverses its glyphs), and {@link visualOrder} places the pieces. A piece of
 * neutral characters at an odd level (brackets, punctuation between right-to-left words) is
 * mirrored and reversed here, since no shaper sees it as right to left (rule L4).
 */
export function bidiPieces<S>(pieces: readonly { text: string; style: S; face: FontFace }[], base: 0 | 1): BidiPiece<S>[] {
  const text = pieces.map((p) => p.text).join('');
  const { levels } = engine().getEmbeddingLevels(text, base === 1 ? 'rtl' : 'ltr');
  const out: BidiPiece<S>[] = [];
  let at = 0;
  for (const p of pieces) {
    let start = 0;
    for (let i = 1; i <= p.text.length; i++) {
      if (i < p.text.length && levels[at + i] === levels[at + start]) continue;
      // Never split a surrogate pair (both halves have the same level).
      const part = p.text.slice(start, i);
      const level = levels[at + start] ?? base;
      for (const run of splitRuns(part, p.face)) {
        const drawn = level % 2 === 1 ? mirrorNeutral(run.text) : run.text;
        out.push({ text: drawn, style: p.style, level, ...(drawn !== run.text ? { actual: run.text } : {}) });
      }
      start = i;
    }
    at += p.text.length;
  }
  return out;
}

/** Neutral text at an odd level, reversed with its brackets mirrored; other text as it is. */
function mirrorNeutral(text: string): string {
  if (hasRtl(text) || /[\p{L}\p{N}]/u.test(text)) return text;
  return [...text].reverse().map((c) => engine().getMirroredCharacter(c) ?? c).join('');
}

/**
 * The visual order of pieces (indices, left to right) by rule L2: from the highest level down
 * to the lowest odd level, every sequence of pieces at that level or higher is reversed.
 */
export function visualOrder(levels: readonly number[]): number[] {
  const order = levels.map((_, i) => i);
  const max = Math.max(0, ...levels);
  const minOdd = Math.min(...levels.filter((l) => l % 2 === 1), max + 1);
  for (let level = max; level >= minOdd && level > 0; level--) {
    for (let i = 0; i < order.length; ) {
      if ((levels[order[i]!] ?? 0) < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < order.length && (levels[order[j]!] ?? 0) >= level) j++;
      const rev = order.slice(i, j).reverse();
      order.splice(i, j - i, ...rev);
      i = j;
    }
  }
  return order;
}
