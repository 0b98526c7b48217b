import type { FontFace } from './font-id.js';
import { getFont, mainFont, scriptFont } from './fonts.js';
import type { FontId, ScriptFont } from './fonts.js';

/**
 * The scripts itemisation tells apart (Unicode Script property names). `Other` is any other
 * script: fontkit finds which from the run's own letters when it shapes it.
 */
export type ScriptName =
  | 'Latin' | 'Greek' | 'Cyrillic' | 'Arabic' | 'Hebrew' | 'Thai' | 'Devanagari'
  | 'Hangul' | 'Han' | 'Hiragana' | 'Katakana' | 'Other';

/** A stretch of text in one script and drawn with one font. */
export interface ScriptRun {
  readonly text: string;
  readonly font: FontId;
  /** Common characters (spaces, digits, punctuation) take the script of their neighbours. */
  readonly script: ScriptName;
}

const SCRIPTS: readonly (readonly [ScriptName, RegExp])[] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Han', /\p{Script=Han}/u],
  ['Hiragana', /\p{Script=Hiragana}/u],
  ['Katakana', /\p{Script=Katakana}/u],
];

const COMMON = /[\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;
/** Characters that belong to the character before them: marks, joiners, variation selectors. */
const INHERITED = /[\p{Script=Inherited}\p{M}\u200c\u200d]/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

/** The script of one character, or null for Common and Inherited characters. */
export function scriptOf(ch: string): ScriptName | null {
  if (COMMON.test(ch)) return null;
  for (const [name, re] of SCRIPTS) if (re.test(ch)) return name;
  return 'Other';
}

/** The font a script's letters are drawn with first, if not the main font. */
const OWN: Partial<Record<ScriptName, ScriptFont>> = {
  Arabic: 'arab', Hebrew: 'hebr', Thai: 'thai', Devanagari: 'deva', Hangul: 'kr', Han: 'kr', Hiragana: 'kr', Katakana: 'kr',
};

/**
 * Scripts whose punctuation is drawn with the script's own font when it has them
 * (they are designed to match, and shaping sees the whole phrase). Hangul and Han text keep
 * the main font's spaces and Latin punctuation, as they always have.
 */
const OWN_COMMONS: ReadonlySet<ScriptName> = new Set(['Arabic', 'Hebrew', 'Thai', 'Devanagari']);

/** Then every other bundled font, in this order: the first that has the character draws it. */
function chain(face: FontFace, pictographic: boolean): FontId[] {
  const kr = scriptFont('kr', face);
  const rest: FontId[] = [scriptFont('arab', face), scriptFont('hebr', face), scriptFont('thai', face), scriptFont('deva', face)];
  return pictographic
    ? [mainFont(face), 'emoji-regular', 'symbol-regular', kr, 'han-regular', ...rest]
    : [mainFont(face), kr, 'han-regular', 'symbol-regular', 'emoji-regular', ...rest];
}

const has = (id: FontId, cp: number): boolean => getFont(id).hasGlyphForCodePoint(cp);

/**
 * The bundled font that draws one character in a run of `script`, or undefined when none has
 * it (it is then drawn with the main font's .notdef and reported: see coverage.ts).
 */
export function fontFor(ch: string, script: ScriptName, face: FontFace): FontId | undefined {
  const cp = ch.codePointAt(0) ?? 0;
  const own = OWN[script];
  const common = scriptOf(ch) === null;
  // The space stays in the main font everywhere: line breaking measures spaces apart from words.
  if (own && (!common || (OWN_COMMONS.has(script) && ch !== ' '))) {
    const id = scriptFont(own, face);
    if (has(id, cp)) return id;
    if (script === 'Han' || script === 'Hiragana' || script === 'Katakana') {
      if (has('han-regular', cp)) return 'han-regular';
    }
  }
  // Printable ASCII is always in the main font.
  if (cp >= 0x20 && cp < 0x7f) return mainFont(face);
  for (const id of chain(face, PICTOGRAPHIC.test(ch))) if (has(id, cp)) return id;
  return undefined;
}

/**
 * Splits text into runs by Unicode script, then by font: each run is in one script (Common
 * characters take the script of the text before them, or after them at the start) and is
 * drawn with one font, so that it can be shaped with its script (Greek as Greek, not as
 * Latin look-alikes; Arabic joined and right to left). Marks, joiners and variation selectors
 * stay with the character they follow. Ignorable characters must be removed before.
 */
export function itemize(text: string, face: FontFace): ScriptRun[] {
  const chars = [...text];
  const scripts: (ScriptName | null)[] = chars.map(scriptOf);
  // Leading Common characters take the first script that follows; then each takes the one before.
  let first: ScriptName = 'Latin';
  for (const s of scripts) if (s !== null) { first = s; break; }
  const runs: ScriptRun[] = [];
  let cur = '';
  let curFont: FontId | undefined;
  let curScript: ScriptName = first;
  let prev: ScriptName = first;
  // Whether the current run has a character of its own script yet: a run of only Common
  // characters (a space after Hangul, in the main font) takes the script of the letters that
  // follow in the same font, as fontkit would find it.
  let strong = false;
  chars.forEach((ch, i) => {
    const own = scripts[i] ?? null;
    const script = own ?? prev;
    prev = script;
    const inherited = cur !== '' && INHERITED.test(ch);
    const font = inherited ? (curFont as FontId) : (fontFor(ch, script, face) ?? mainFont(face));
    if (cur !== '' && font === curFont && !strong && own !== null) curScript = own;
    if (cur !== '' && (font !== curFont || (script !== curScript && !inherited))) {
      runs.push({ text: cur, font: curFont as FontId, script: curScript });
      cur = '';
    }
    if (cur === '') {
      curFont = font;
      curScript = script;
      strong = false;
    }
    if (own !== null) strong = true;
    cur += ch;
  });
  if (cur !== '') runs.push({ text: cur, font: curFont as FontId, script: curScript });
  return runs;
}
