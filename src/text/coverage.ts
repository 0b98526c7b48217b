import { fontFor, scriptOf } from './script.js';

/** Characters that are never drawn: joiners, direction marks, variation selectors, BOM. */
export const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * Characters of `text` that none of the bundled fonts can draw (they would print as empty
 * boxes: the font's .notdef glyph, which PDF/A forbids), each once, in order. Controls, the
 * ASCII space and ignorable characters do not count (they are never drawn); other spaces do,
 * since they are drawn as glyphs (U+2005 or U+2028, say, are in none of the fonts).
 */
export function missingGlyphs(text: string): string[] {
  if (/^[\x20-\x7e\t\n\r]*$/.test(text)) return [];
  const out = new Set<string>();
  for (const ch of text.replace(IGNORABLE, '')) {
    const cp = ch.codePointAt(0) ?? 0;
    // Every bundled font is tried (a Common character in any script's run ends in the same chain).
    if (cp <= 0x20 || fontFor(ch, scriptOf(ch) ?? 'Latin', 'regular') !== undefined) continue;
    out.add(ch);
  }
  return [...out];
}

/** "★ (U+2605)" for messages. */
export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return `"${ch}" (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`;
}
