/**
 * The deck's typeface and text sizes that fit it. pptxgenjs cannot embed fonts, and a deck
 * naming Source Sans 3 (the PDF's font) re-flows in whatever replaces it where that font is not
 * installed: in LibreOffice that was DejaVu Sans, a fifth wider, and text ran out of its boxes.
 * The deck names Arial instead: every Office has it, and LibreOffice installs Liberation Sans,
 * made with Arial's metrics, and maps Arial to it. Arial is wider than Source Sans 3 (7 % in
 * running text, up to 20 % in capitals), so each text box's sizes are scaled down until every
 * line the PDF layout made is no wider in Arial than it was in Source Sans 3 (Arial at 93 % has
 * Source Sans 3's x-height, so the text looks the same size): PowerPoint's own line breaking
 * then needs no more lines than ours, and the box (same position, same line spacing) holds it.
 */
import type { TextFrame } from '../slides/index.js';
import { textWidth } from '../text/index.js';
import { activeTheme } from '../theme/index.js';
import type { FontFace } from '../theme/index.js';
import { ARIAL_RANGES, ARIAL_WIDTHS } from './arial-widths.js';

/** The typeface written in the deck, its theme and its masters, with the bundled fonts. */
export const FONT_FACE = 'Arial';

/**
 * The typeface the deck names: Arial (see above), or the body family of the theme's own
 * fonts. pptxgenjs cannot embed a font: the deck names it, and it shows where it is installed
 * (the user's own font usually is, on the machines that present their decks).
 */
export function deckFont(): string {
  return activeTheme()?.fonts?.bodyFamily ?? FONT_FACE;
}

type ArialFace = keyof typeof ARIAL_WIDTHS;

function arialFace(face: FontFace): ArialFace {
  switch (face) {
    case 'bold':
    case 'semibold':
      return 'bold';
    case 'boldItalic':
      return 'boldItalic';
    case 'italic':
      return 'italic';
    default:
      return 'regular';
  }
}

/** Arial's advance of a code point in 1/1000 em, or undefined when the table does not have it. */
function arialAdvance(cp: number, face: ArialFace): number | undefined {
  let offset = 0;
  for (const [a, b] of ARIAL_RANGES) {
    if (cp >= a && cp <= b) {
      const w = ARIAL_WIDTHS[face][offset + cp - a];
      return w ? w : undefined;
    }
    offset += b - a + 1;
  }
  return undefined;
}

/**
 * Width (pt) of text set in Arial. Characters Arial lacks (Hangul, say) are drawn by a fallback
 * font in Office and LibreOffice alike; they count at their width in our fonts.
 */
export function arialWidth(text: string, face: FontFace, size: number): number {
  const f = arialFace(face);
  let w = 0;
  for (const ch of text) {
    const adv = arialAdvance(ch.codePointAt(0) ?? 0, f);
    w += adv !== undefined ? (adv / 1000) * size : textWidth(ch, face, size);
  }
  return w;
}

/**
 * The factor (at most 1) to scale a text frame's sizes by so that each of its lines, set in
 * Arial, is no wider than our layout set it in Source Sans 3.
 */
export function frameScale(frame: TextFrame): number {
  // With the theme's own font the deck names the font the layout measured: nothing to fit.
  if (deckFont() !== FONT_FACE) return 1;
  let scale = 1;
  for (const p of frame.paras) {
    for (const line of p.lines) {
      let ours = 0;
      let arial = 0;
      for (const f of line.fragments) {
        ours += textWidth(f.text, f.span.face, f.span.size);
        arial += arialWidth(f.text, f.span.face, f.span.size);
      }
      if (arial > ours && arial > 0) scale = Math.min(scale, ours / arial);
    }
  }
  return scale;
}

/** A size (pt) scaled, rounded down to 0.1 pt (OOXML keeps hundredths; tenths keep XML stable). */
export function scaledSize(size: number, scale: number): number {
  return scale >= 1 ? size : Math.floor(size * scale * 10) / 10;
}
