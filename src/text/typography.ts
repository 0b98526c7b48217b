/**
 * Typography for text from data: curly quotes by language and a real minus sign before
 * negative numbers. Applied at the markup stage (`src/doc/inline.ts`) and to the texts printed
 * around charts; code spans and link targets never come here, and URLs written in text are
 * skipped.
 */

/**
 * A language tag (BCP 47). French and Korean have their own entry; any other language gets
 * the English curly quotes until it is given one here.
 */
export type QuoteLang = string;

interface QuoteSet {
  readonly open2: string;
  readonly close2: string;
  readonly open1: string;
  readonly close1: string;
}

const NBSP = '\u00a0';
const SETS: Readonly<Record<'en' | 'fr' | 'ko', QuoteSet>> = {
  en: { open2: '\u201c', close2: '\u201d', open1: '\u2018', close1: '\u2019' },
  ko: { open2: '\u201c', close2: '\u201d', open1: '\u2018', close1: '\u2019' },
  // French: guillemets with no-break spaces inside; quotes within quotes are English doubles.
  fr: { open2: `\u00ab${NBSP}`, close2: `${NBSP}\u00bb`, open1: '\u201c', close1: '\u201d' },
};

/** State carried from one text node to the next within a paragraph. */
export interface TypoState {
  /** The last character set so far ('' at a paragraph's start). */
  prev: string;
  /** A single quote was opened and not yet closed (French sets it as a double). */
  singleOpen: boolean;
  /** A double quote was opened and not yet closed: the next one closes it, `" spaced "` too. */
  doubleOpen: boolean;
}

/** A fresh state, for the start of a paragraph. */
export function typoState(): TypoState {
  return { prev: '', singleOpen: false, doubleOpen: false };
}

/** A URL in running text: left exactly as written. */
const URL = /(?:https?:\/\/|mailto:|www\.)[^\s<>]+/giu;

/** A quote opens after nothing, a space, an opening bracket, a dash or another opening quote. */
const OPENS_AFTER = /^$|[\s([{\u2014\u2013/\u00ab\u201c\u2018-]$/u;

function convert(text: string, q: QuoteSet, lang: QuoteLang, st: TypoState): string {
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const next = chars[i + 1] ?? '';
    const opening = OPENS_AFTER.test(st.prev);
    let put = ch;
    if (ch === '"') {
      // Opens where a quote can open ("l’« Asie »" too), unless one is open: then it closes.
      if (!st.doubleOpen && (opening || st.prev === '\u2019')) {
        st.doubleOpen = true;
        put = q.open2;
        if (lang === 'fr') while (/\s/u.test(chars[i + 1] ?? '')) i++;
      } else {
        st.doubleOpen = false;
        put = q.close2;
        if (lang === 'fr') out = out.replace(/\s+$/u, '');
      }
    } else if (ch === "'") {
      if (!opening && /[\p{L}\p{N}]/u.test(st.prev) && /\p{L}/u.test(next)) put = '\u2019'; // l'Asie, Korea's
      else if (opening && /\p{N}/u.test(next)) put = '\u2019'; // '90s
      else if (opening) {
        put = q.open1;
        st.singleOpen = true;
      } else if (st.singleOpen) {
        put = q.close1;
        st.singleOpen = false;
      } else put = '\u2019';
    } else if (ch === '-' && opening && (/\d/.test(next) || (/\p{Sc}/u.test(next) && /\d/.test(chars[i + 2] ?? ''))) && !/[-\u2010\u2013\u2014/]/u.test(st.prev)) {
      put = '\u2212'; // -5 % is a negative number: one minus sign everywhere
    }
    out += put;
    st.prev = put.slice(-1);
  }
  return out;
}

/**
 * Curly quotes for `lang` and minus signs for negative numbers in `text`, continuing from
 * `st` (a paragraph's text nodes share one state, so a quote opened before bold text closes
 * after it). Text already typeset (curly quotes, U+2212) is left alone.
 */
export function typeset(text: string, lang: QuoteLang, st: TypoState): string {
  if (!/["'-]/.test(text)) {
    if (text !== '') st.prev = [...text].at(-1) ?? st.prev;
    return text;
  }
  const q = Object.hasOwn(SETS, lang) ? SETS[lang as keyof typeof SETS] : SETS.en;
  let out = '';
  let at = 0;
  for (const m of text.matchAll(URL)) {
    out += convert(text.slice(at, m.index), q, lang, st) + m[0];
    st.prev = m[0].slice(-1);
    at = m.index + m[0].length;
  }
  return out + convert(text.slice(at), q, lang, st);
}

/** Tells typesetting that verbatim text (a code span) was set: quotes after it close. */
export function skipVerbatim(text: string, st: TypoState): void {
  if (text !== '') st.prev = [...text].at(-1) ?? st.prev;
}
