/**
 * Korean is set word by word: a line breaks at spaces, never between the syllables of a word
 * (CSS `word-break: keep-all`). PowerPoint breaks East Asian text anywhere unless a paragraph
 * says otherwise: DrawingML's `eaLnBrk` ("an East Asian word can be broken in half") is true
 * when omitted (ECMA-376 §21.1.2.2.7), so each paragraph of a Korean deck gets
 * `eaLnBrk="0"`, as the PDF's line breaker does (src/text/lines.ts breaks only at spaces and
 * after dashes).
 */

/** Languages (primary subtag) whose words are never broken across lines. */
const KEEP_WORDS: ReadonlySet<string> = new Set(['ko']);

/** Whether a language breaks lines between words only. */
export function keepsWords(lang: string): boolean {
  return KEEP_WORDS.has(lang.split('-')[0] ?? '');
}

/** A slide's XML with every paragraph marked `eaLnBrk="0"` when the language keeps words whole. */
export function keepWords(xml: string, lang: string): string {
  if (!keepsWords(lang)) return xml;
  return xml
    .replace(/<a:pPr(?![^>]*\beaLnBrk=)/g, '<a:pPr eaLnBrk="0"')
    // A paragraph without properties gets them first (a:pPr is a:p's first child).
    .replace(/<a:p>(?!<a:pPr)/g, '<a:p><a:pPr eaLnBrk="0"/>');
}
