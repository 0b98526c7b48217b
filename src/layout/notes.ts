import type { Inline } from '../doc/index.js';
import type { DrawContext } from './atom.js';
import type { LayoutContext } from './context.js';
import { drawLine } from './lines.js';
import { baselineOffset, setText, textAtoms } from './paragraph.js';
import type { Atom } from './atom.js';
import { mainFont } from '../text/index.js';

export interface FootnoteBlock {
  /** Height at the page foot (pt). */
  readonly height: number;
  draw(x: number, y: number, ctx: DrawContext): void;
}

/** A footnote set small with its number hanging in the margin of the note area. */
export function footnoteBlock(content: readonly Inline[], n: number, tag: number, ctx: LayoutContext): FootnoteBlock {
  const t = ctx.theme;
  const size = t.smallSize;
  const leading = size * 1.3;
  const indent = 12;
  const lines = setText(content, { style: { face: 'regular', size, color: t.palette.muted }, leading, indent, tag, justify: false }, ctx);
  return {
    height: lines.length * leading + 2,
    draw(x, y, dc) {
      const base = baselineOffset(leading, size);
      dc.items.push({ kind: 'text', x, y: y + base - size * 0.3, text: String(n), font: mainFont('regular'), size: size * 0.75, color: t.palette.muted, wordSpacing: 0, features: [], width: size * 0.5, tag });
      lines.forEach((line, i) => drawLine(line, x + indent, y + i * leading + base, tag, dc));
    },
  };
}

/**
 * A footnote too tall for the foot of a page (over 40 % of it) is set as an endnote instead:
 * numbered paragraphs in a "Notes" section at the end, which break across pages like text.
 */
export function endnoteAtoms(content: readonly Inline[], n: number, tag: number, ctx: LayoutContext): Atom[] {
  const t = ctx.theme;
  return textAtoms([{ kind: 'text', text: `${n}. `, style: { bold: true } }, ...content], {
    style: { face: 'regular', size: t.smallSize, color: t.palette.muted }, leading: t.smallSize * 1.35, tag, justify: false, spaceBefore: 4,
  }, ctx);
}
