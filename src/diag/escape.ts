/**
 * Terminal safety: text that came from the user (data values and keys, file names, server
 * replies) is shown with every character a terminal could act on, or that hides or reorders
 * text, written as a visible `<U+XXXX>` escape. Such text then cannot move the cursor, clear
 * the screen, ring the bell, reverse the reading order or start a new output line that looks
 * like one of ours (a fake `built output/x.pdf`).
 */

/**
 * Characters never written raw: C0 controls (tab and line feed included), DEL, C1 controls,
 * format characters (`Cf`: bidi embeddings, overrides and isolates, zero-width joiners, soft
 * hyphen, BOM, tag characters…), the line and paragraph separators, and lone surrogates.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|\p{Cf}|\p{Cs}/gu;

/** The same, but keeping line feeds: for whole output text whose lines we made ourselves. */
// eslint-disable-next-line no-control-regex -- as above
const UNSAFE_BUT_NL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]|\p{Cf}|\p{Cs}/gu;

/** Characters JSON.stringify leaves raw that a terminal may act on or that hide text. */
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029]|\p{Cf}/gu;

/** `<U+001B>`: the code point in upper-case hex, at least four digits. */
function visible(ch: string): string {
  return `<U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`;
}

/**
 * One piece of user text for a terminal line: every unsafe character (line feeds and tabs
 * too) becomes `<U+XXXX>`; everything else (letters of any script, emoji, spaces) is kept.
 */
export function showText(s: string): string {
  return s.replace(UNSAFE, visible);
}

/**
 * Whole output text (one or more lines we composed): unsafe characters are escaped as in
 * {@link showText} but line feeds are kept. Idempotent, so it can guard every line written
 * without changing text that {@link showText} already made safe.
 */
export function showLines(s: string): string {
  return s.replace(UNSAFE_BUT_NL, visible);
}

/**
 * A value as one line of JSON whose bytes are safe on a terminal: `JSON.stringify` escapes C0
 * controls and lone surrogates, and this also writes DEL, C1 controls, format characters and
 * the line and paragraph separators as `\uXXXX`. `JSON.parse` gives back the same value.
 */
export function jsonLine(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(JSON_UNSAFE, (ch) =>
    Array.from({ length: ch.length }, (_v, i) => `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''));
}
