import type { PageItem } from '../layout/index.js';

/** pdfkit's embedded font, as far as the text writer uses it. */
export interface EmbeddedFontLike {
  readonly id: string;
  readonly font: { hasGlyphForCodePoint(cp: number): boolean; layout(text: string, features?: string[]): { glyphs: readonly { codePoints: number[] }[] } };
  ref(): unknown;
  encode(text: string, features?: string[]): [string[], GlyphPosition[]];
}

interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

type TextItem = Extract<PageItem, { kind: 'text' }>;

const num = (v: number): string => {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};

/**
 * Writes one positioned run of text straight into the page's content stream: the glyphs
 * (shaped once per process, see font-cache.ts), kerning as TJ adjustments, extra word spacing
 * on the space glyphs themselves (so spaces stay in the text for readers). Layout already
 * placed the run; pdfkit's general text() would measure, align and wrap it all over again.
 */
export function writeText(doc: PDFKit.PDFDocument, font: EmbeddedFontLike, it: TextItem): void {
  const page = doc.page as unknown as { fonts: Record<string, unknown>; height: number };
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  doc.fillColor(it.color);
  const [encoded, positions] = font.encode(it.text, [...it.features]);
  const scale = it.size / 1000;
  const spaceExtra = it.wordSpacing / scale;
  const chars = [...it.text];
  const sameCount = chars.length === encoded.length;
  const out: string[] = ['q', `1 0 0 -1 0 ${num(page.height)} cm`];
  // A character no bundled font has prints as a box; ActualText keeps the real text for
  // readers, search and assistive technology.
  const actual = it.actual ?? (needsActualText(it.text, font) ? it.text : undefined);
  if (actual !== undefined) out.push(`/Span <</ActualText <FEFF${utf16Hex(actual)}>>> BDC`);
  out.push('BT', `/${font.id} ${num(it.size)} Tf`);
  const baseY = page.height - it.y;
  let x = it.x;
  out.push(`1 0 0 1 ${num(x)} ${num(baseY)} Tm`);
  // Arabic letters are drawn as a skeleton glyph plus dots (reh and zain share one), and a
  // ToUnicode map gives a glyph one meaning per font: each Arabic glyph carries its own
  // characters as ActualText. One span per glyph, not per run, so readers that place
  // ActualText by position (poppler) still order the right-to-left glyphs as drawn.
  const own = actual === undefined && ARABIC.test(it.text) ? font.font.layout(it.text, [...it.features]).glyphs.map((g) => g.codePoints) : [];
  const perGlyph = own.length === encoded.length;
  let run: string[] = [];
  let hex = '';
  const flush = (): void => {
    if (hex) run.push(`<${hex}>`);
    hex = '';
    if (run.length) out.push(`[${run.join(' ')}] TJ`);
    run = [];
  };
  for (let i = 0; i < encoded.length; i++) {
    const pos = positions[i] as GlyphPosition;
    const isSpace = sameCount && chars[i] === ' ';
    const cps = perGlyph ? own[i] ?? [] : [];
    if (cps.length > 0) {
      flush();
      out.push(`/Span <</ActualText <FEFF${utf16Hex(String.fromCodePoint(...cps))}>>> BDC`);
    }
    if (pos.xOffset || pos.yOffset) {
      flush();
      out.push(`1 0 0 1 ${num(x + pos.xOffset * scale)} ${num(baseY + pos.yOffset * scale)} Tm`);
      out.push(`[<${encoded[i]}>] TJ`);
      out.push(`1 0 0 1 ${num(x + pos.xAdvance * scale)} ${num(baseY)} Tm`);
    } else {
      hex += encoded[i];
      const adjust = pos.xAdvance - pos.advanceWidth + (isSpace ? spaceExtra : 0);
      if (Math.abs(adjust) > 1e-6) {
        run.push(`<${hex}>`, num(-adjust));
        hex = '';
      }
    }
    x += (pos.xAdvance + (isSpace ? spaceExtra : 0)) * scale;
    if (cps.length > 0) {
      flush();
      out.push('EMC');
    }
  }
  flush();
  out.push('ET');
  if (actual !== undefined) out.push('EMC');
  out.push('Q');
  doc.addContent(out.join('\n'));
}

/**
 * Scripts whose glyphs do not map one to one, in order, to the characters: right-to-left runs
 * (drawn reversed), Arabic joining forms and ligatures, Indic reordered vowel signs. Their
 * runs carry their logical text as ActualText, so extraction reads what was written.
 */
const ARABIC = /\p{Script=Arabic}/u;
const COMPLEX = /[\p{Script=Thai}\p{Script=Devanagari}]/u;

function needsActualText(text: string, font: EmbeddedFontLike): boolean {
  if (/^[\x20-\x7e]*$/.test(text)) return false;
  if (COMPLEX.test(text)) return true;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp > 0x20 && !font.font.hasGlyphForCodePoint(cp)) return true;
  }
  return false;
}

function utf16Hex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return hex;
}
