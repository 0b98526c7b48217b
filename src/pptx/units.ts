import type { Box } from '../layout/index.js';
import type { FontFace } from '../theme/index.js';

/** The typeface written in the deck (see `fonts.ts` for why it is Arial). */
export { deckFont } from './fonts.js';

/** Points per inch: pptxgenjs positions are in inches, our layout in pt. */
const PT_PER_IN = 72;

/** A colour as pptxgenjs wants it: six hex digits, no `#`. */
export function hex(color: string): string {
  const c = color.replace(/^#/, '');
  return (c.length === 3 ? c.replace(/./g, (d) => d + d) : c).toUpperCase();
}

/** Inches, rounded to 1/1000 in so equal layouts give equal XML. */
export function inch(pt: number): number {
  return Math.round((pt / PT_PER_IN) * 1000) / 1000;
}

/** A box in pt as pptxgenjs position options (inches), grown by `grow` pt right and down. */
export function position(b: Box, grow = 0): { x: number; y: number; w: number; h: number } {
  return { x: inch(b.x), y: inch(b.y), w: inch(b.width + grow), h: inch(b.height + grow) };
}

/** Whether a face is drawn bold in the deck (semibold has no separate PowerPoint style). */
export function isBold(face: FontFace): boolean {
  return face === 'bold' || face === 'semibold' || face === 'boldItalic';
}

export function isItalic(face: FontFace): boolean {
  return face === 'italic' || face === 'boldItalic';
}
