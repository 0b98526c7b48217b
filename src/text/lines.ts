import type { FontFace } from './font-id.js';
import { breakPoints } from './hyphenate.js';
import { textWidth } from './measure.js';
import { allowedCuts, bindNumbers, numberRanges } from './numbers.js';
import { baseLevel, bidiPieces, hasRtl, visualOrder } from './bidi.js';

/** A stretch of styled text to set. */
export interface Span {
  readonly text: string;
  readonly face: FontFace;
  /** Font size (pt). */
  readonly size: number;
  readonly color: string;
  readonly features?: readonly string[];
  readonly href?: string;
  /** Raise (pt) for superscripts such as footnote numbers. */
  readonly rise?: number;
  /** Footnote number this span refers to, if it is a reference mark. */
  readonly note?: number;
}

/** A piece of a line in one style, positioned from the line's start. */
export interface Fragment {
  readonly text: string;
  readonly span: Span;
  /** Offset from the line's left edge (pt), justification included. */
  readonly x: number;
  readonly width: number;
  /** The text as written, when `text` is drawn otherwise (mirrored brackets in right-to-left lines). */
  readonly actual?: string;
}

export interface Line {
  readonly fragments: readonly Fragment[];
  /** Width of the set text (pt). */
  readonly width: number;
  /** Extra space per space character (pt); non-zero only on justified lines. */
  readonly wordSpacing: number;
  /** Footnote numbers referenced on this line. */
  readonly notes: readonly number[];
  /**
   * Set when the paragraph is right to left (its first strong character is Arabic, Hebrew...,
   * Unicode bidi P2/P3): the line is set from the right edge of its column.
   */
  readonly rtl?: true;
}

export interface BreakOptions {
  /** Line width (pt). */
  readonly width: number;
  readonly justify: boolean;
  readonly hyphenate: boolean;
  readonly lang: string;
  /** Width of the first line when it differs (pt), e.g. after a run-in label. */
  readonly firstWidth?: number;
}

/** A word: pieces of one or more spans with no break opportunity inside, plus its trailing space. */
interface Word {
  pieces: { text: string; span: Span }[];
  spaceAfter: Span | null;
}

function toWords(spans: readonly Span[]): Word[] {
  const words: Word[] = [];
  let cur: Word = { pieces: [], spaceAfter: null };
  for (const span of spans) {
    // Break after spaces and after hyphens/dashes/slashes inside words; never inside a number
    // with its sign, currency and unit (their spaces become no-break spaces).
    const parts = bindNumbers(span.text).split(/( +|\t|\u200b)/);
    for (const part of parts) {
      if (part === '') continue;
      if (part === '\u200b') {
        // A zero-width space: a break opportunity inside a word, with no space drawn.
        if (cur.pieces.length > 0) {
          words.push(cur);
          cur = { pieces: [], spaceAfter: null };
        }
        continue;
      }
      if (/^( +|\t)$/.test(part)) {
        if (cur.pieces.length > 0) {
          cur.spaceAfter = span;
          words.push(cur);
          cur = { pieces: [], spaceAfter: null };
        }
        continue;
      }
      // After a dash between a letter or digit and a letter: "co-|operation", not "-|KRW 5".
      const sub = part.split(/(?<=[\p{L}\p{N}][-\u2010\u2013\u2014/])(?=\p{L})/u);
      sub.forEach((s, i) => {
        cur.pieces.push({ text: s, span });
        if (i < sub.length - 1) {
          words.push(cur);
          cur = { pieces: [], spaceAfter: null };
        }
      });
    }
  }
  if (cur.pieces.length > 0) words.push(cur);
  return words;
}

const measure = (p: { text: string; span: Span }): number =>
  textWidth(p.text, p.span.face, p.span.size, p.span.features);

function wordWidth(w: Word): number {
  let s = 0;
  for (const p of w.pieces) s += measure(p);
  return s;
}
function spaceWidth(span: Span): number {
  return textWidth(' ', span.face, span.size, span.features);
}

/** Widths (pt) that size a table column from its content, pdfmake-style. */
export interface ContentWidths {
  /** Widest word without a number: the column could still cut it between characters. */
  readonly widestWord: number;
  /** Widest word holding a number atom: anything narrower shrinks the number. */
  readonly widestNumber: number;
  /** The whole text on one line. */
  readonly natural: number;
}

/** Measures styled text the way {@link breakLines} sees it: its unbreakable words and its full width. */
export function contentWidths(spans: readonly Span[]): ContentWidths {
  let widestWord = 0;
  let widestNumber = 0;
  let natural = 0;
  const words = toWords(spans);
  words.forEach((w, i) => {
    const ww = wordWidth(w);
    if (w.pieces.some((p) => /\d/.test(p.text)) && numberRanges(w.pieces.map((p) => p.text).join('')).length > 0) {
      widestNumber = Math.max(widestNumber, ww);
    } else widestWord = Math.max(widestWord, ww);
    natural += ww + (i < words.length - 1 && w.spaceAfter ? spaceWidth(w.spaceAfter) : 0);
  });
  return { widestWord, widestNumber, natural };
}

/**
 * Breaks styled text into lines (greedy, first fit). A word that does not fit is hyphenated
 * when the language's patterns allow; a word wider than the line is broken between
 * characters, so nothing is ever set outside the column. A number with its sign, currency and
 * unit is never broken or hyphenated: it moves whole to the next line, and one wider than the
 * whole line is set smaller to fit (see {@link splitWord}).
 */
export function breakLines(spans: readonly Span[], o: BreakOptions): Line[] {
  const words = toWords(spans);
  const lines: { words: Word[] }[] = [];
  let line: Word[] = [];
  let lineW = 0;
  const avail = (): number => (lines.length === 0 ? o.firstWidth ?? o.width : o.width);
  const queue = [...words];
  const heads = new Map<Word, Split>();
  const endLine = (): void => {
    lines.push({ words: settle(line, queue, avail(), heads) });
    line = [];
    lineW = 0;
  };
  while (queue.length > 0) {
    const w = queue.shift() as Word;
    const prev = line[line.length - 1];
    const gap = prev?.spaceAfter ? spaceWidth(prev.spaceAfter) : 0;
    const ww = wordWidth(w);
    if (lineW + gap + ww <= avail() + 0.01) {
      line.push(w);
      lineW += gap + ww;
      if (queue.length === 0) endLine();
      continue;
    }
    const room = avail() - lineW - gap;
    const split = splitWord(w, room, o, line.length === 0);
    if (split) {
      line.push(split.head);
      if (split.tail) {
        queue.unshift(split.tail);
        heads.set(split.head, { whole: w, tail: split.tail });
      }
    } else if (line.length === 0) {
      line.push(w);
    } else {
      queue.unshift(w);
    }
    endLine();
  }
  if (lines.length === 0) lines.push({ words: [] });
  // Right-to-left text: lines are broken in logical order above, and each is reordered by the
  // Unicode bidi algorithm with the paragraph's direction (its first strong character).
  const all = spans.map((s) => s.text).join('');
  const base = hasRtl(all) ? baseLevel(all) : undefined;
  return lines.map((l, i) => setLine(l.words, i === lines.length - 1, { width: i === 0 ? o.firstWidth ?? o.width : o.width, justify: o.justify, base }));
}

/** A word cut at a line end: the word as it was and the tail queued for the next line. */
interface Split {
  readonly whole: Word;
  readonly tail: Word;
}

/**
 * The words of a line that fit `width` as the line is set. Words are measured one by one
 * while breaking, but a line is set as whole runs: a digit or a space takes the script (and
 * font) of its neighbours ("12.5" after Thai is set in the Thai font) and kerning spans the
 * pieces, so the set line may be wider than the sum of its words (a hyphenated "écono-" was
 * set 2 pt past the margin). Words that push it over go back to the queue, a hyphenated
 * head as its whole word; a line's only word stays (splitWord has fitted it alone).
 */
function settle(line: Word[], queue: Word[], width: number, heads: Map<Word, Split>): Word[] {
  const out = [...line];
  while (out.length > 1 && setLine(out, true, { width, justify: false, base: undefined }).width > width + 0.01) {
    const last = out.pop() as Word;
    const split = heads.get(last);
    if (split && queue[0] === split.tail) queue.splice(0, 1, split.whole);
    else queue.unshift(last);
  }
  return out;
}

/** The word set at a smaller size so it is `room` wide: a number too wide for its column. */
function shrink(w: Word, room: number): Word {
  const k = Math.max(0.01, Math.min(1, (room - 0.02) / Math.max(wordWidth(w), 1e-6)));
  if (k >= 1) return w;
  const scaled = new Map<Span, Span>();
  const of = (span: Span): Span => {
    let s = scaled.get(span);
    if (!s) {
      s = { ...span, size: span.size * k, ...(span.rise !== undefined ? { rise: span.rise * k } : {}) };
      scaled.set(span, s);
    }
    return s;
  };
  return { pieces: w.pieces.map((p) => ({ text: p.text, span: of(p.span) })), spaceAfter: w.spaceAfter };
}

/**
 * Splits a word so its head (with a hyphen where hyphenated) fits `room`. When `force`, the
 * word stands alone on a line and is cut between characters if it has no hyphenation point,
 * but never inside a number atom or next to the punctuation around one: a number that is
 * wider than the whole line is set smaller instead (it keeps its line height), however
 * narrow the column, so a number is never split and never drawn past its column.
 */
function splitWord(w: Word, room: number, o: BreakOptions, force: boolean): { head: Word; tail: Word | null } | null {
  const text = w.pieces.map((p) => p.text).join('');
  const cut = (at: number, hyphen: boolean): [Word, Word] => {
    const head: Word = { pieces: [], spaceAfter: null };
    const tail: Word = { pieces: [], spaceAfter: w.spaceAfter };
    let off = 0;
    for (const p of w.pieces) {
      const end = off + p.text.length;
      if (end <= at) head.pieces.push(p);
      else if (off >= at) tail.pieces.push(p);
      else {
        head.pieces.push({ text: p.text.slice(0, at - off), span: p.span });
        tail.pieces.push({ text: p.text.slice(at - off), span: p.span });
      }
      off = end;
    }
    const last = head.pieces[head.pieces.length - 1];
    if (hyphen && last) head.pieces[head.pieces.length - 1] = { text: last.text + '-', span: last.span };
    return [head, tail];
  };
  const pair = ([head, tail]: [Word, Word]): { head: Word; tail: Word } => ({ head, tail });
  // Words with digits are never hyphenated ("2.2 bil-lion", "B-52-" would misread).
  const numeric = /\d/.test(text);
  if (o.hyphenate && room > 0 && !numeric) {
    // Elisions hyphenate as one word ("l’inves-tissement"); the patterns know the straight apostrophe.
    const letters = text.match(/^(\P{L}*)([\p{L}\u00ad'\u2019]+)/u);
    if (letters) {
      const lead = (letters[1] ?? '').length;
      const points = breakPoints((letters[2] ?? '').replace(/\u2019/g, "'"), o.lang).map((p) => p + lead).reverse();
      for (const p of points) {
        const [head] = cut(p, true);
        if (wordWidth(head) <= room) return pair(cut(p, true));
      }
    }
  }
  if (!force) return null;
  // A word wider than the whole line: cut where it fits, at a code point boundary outside
  // any number.
  const cuts = numeric ? allowedCuts(text) : codePointCuts(text);
  let at = 0;
  for (const c of cuts) {
    if (wordWidth(cut(c, false)[0]) > room) break;
    at = c;
  }
  if (at === 0) {
    const first = cuts[0] ?? text.length;
    const head = first >= text.length ? w : cut(first, false)[0];
    if (numeric && numberRanges(head.pieces.map((p) => p.text).join('')).length > 0) {
      return first >= text.length ? { head: shrink(w, room), tail: null } : { head: shrink(head, room), tail: cut(first, false)[1] };
    }
    at = first;
  }
  return at >= text.length ? null : pair(cut(at, false));
}

/** Every code point boundary inside `text` (offsets in UTF-16 units). */
function codePointCuts(text: string): number[] {
  const out: number[] = [];
  let at = 0;
  for (const ch of text) {
    at += ch.length;
    if (at < text.length) out.push(at);
  }
  return out;
}

interface SetOptions {
  readonly width: number;
  readonly justify: boolean;
  /** The paragraph's bidi base level, when it has right-to-left text. */
  readonly base: 0 | 1 | undefined;
}

function setLine(words: readonly Word[], last: boolean, o: SetOptions): Line {
  const { width, justify } = o;
  // Merge pieces of equal style (spaces included) into fragments.
  const merged: { text: string; span: Span; spaces: number }[] = [];
  words.forEach((w, wi) => {
    w.pieces.forEach((p) => {
      const m = merged[merged.length - 1];
      if (m && m.span === p.span) m.text += p.text;
      else merged.push({ text: p.text, span: p.span, spaces: 0 });
    });
    if (wi < words.length - 1 && w.spaceAfter) {
      const m = merged[merged.length - 1];
      if (m && m.span === w.spaceAfter) {
        m.text += ' ';
        m.spaces++;
      } else merged.push({ text: ' ', span: w.spaceAfter, spaces: 1 });
    }
  });
  const natural = merged.reduce((s, m) => s + textWidth(m.text, m.span.face, m.span.size, m.span.features), 0);
  const spaces = merged.reduce((s, m) => s + m.spaces, 0);
  const wordSpacing = justify && !last && spaces > 0 && natural < width ? (width - natural) / spaces : 0;
  if (o.base !== undefined) {
    const line = setBidiLine(merged, wordSpacing, o.base);
    return o.base === 1 ? { ...line, rtl: true } : line;
  }
  let x = 0;
  const fragments: Fragment[] = merged.map((m) => {
    const w = textWidth(m.text, m.span.face, m.span.size, m.span.features) + m.spaces * wordSpacing;
    const f = { text: m.text, span: m.span, x, width: w };
    x += w;
    return f;
  });
  const notes = merged.flatMap((m) => (m.span.note !== undefined ? [m.span.note] : []));
  return { fragments, width: x, wordSpacing, notes };
}

/**
 * A line with right-to-left text: its pieces split by bidi level and font run, placed in
 * visual order (rule L2), and listed in logical order, so the text layer (and a reader
 * following the content stream) reads the words as written while they are drawn right to left.
 */
function setBidiLine(merged: readonly { text: string; span: Span }[], wordSpacing: number, base: 0 | 1): Line {
  const pieces = bidiPieces(merged.map((m) => ({ text: m.text, style: m.span, face: m.span.face })), base);
  const widths = pieces.map((p) => {
    const spaces = (p.text.match(/ /g) ?? []).length;
    return textWidth(p.text, p.style.face, p.style.size, p.style.features) + spaces * wordSpacing;
  });
  const xs = new Array<number>(pieces.length).fill(0);
  let x = 0;
  for (const i of visualOrder(pieces.map((p) => p.level))) {
    xs[i] = x;
    x += widths[i] ?? 0;
  }
  const fragments: Fragment[] = pieces.map((p, i) => ({
    text: p.text, span: p.style, x: xs[i] ?? 0, width: widths[i] ?? 0, ...(p.actual !== undefined ? { actual: p.actual } : {}),
  }));
  const notes = merged.flatMap((m) => (m.span.note !== undefined ? [m.span.note] : []));
  return { fragments, width: x, wordSpacing, notes };
}
