import type { Inline } from '../doc/index.js';
import { breakLines } from '../text/index.js';
import type { Line } from '../text/index.js';
import { atom } from './atom.js';
import type { Atom } from './atom.js';
import type { LayoutContext } from './context.js';
import { drawLine } from './lines.js';
import { toSpans } from './spans.js';
import type { SpanStyle } from './spans.js';
import type { Tag } from './types.js';

export interface TextBlockOptions {
  readonly style: SpanStyle;
  /** Line height (pt). */
  readonly leading: number;
  readonly indent?: number;
  readonly width?: number;
  readonly spaceBefore?: number;
  readonly justify?: boolean;
  /**
   * Hyphenate where the theme does (default); false for display titles. Display type (bold
   * at a heading size or larger: headings, titles) is never hyphenated.
   */
  readonly hyphenate?: boolean;
  readonly align?: 'left' | 'right' | 'center';
  readonly tag: Tag;
  /** Keep every line together (headings, captions). */
  readonly keepTogether?: boolean;
  readonly keepWithNext?: boolean;
  /**
   * Drawn on the first line only, e.g. a list bullet: receives the column's left edge, the
   * baseline and whether the paragraph is right to left (its bullet then goes on the right).
   */
  readonly firstLineExtra?: (at: { readonly x: number; readonly baseline: number; readonly rtl: boolean }, ctx: Parameters<Atom['draw']>[2]) => void;
  readonly anchor?: Atom['anchor'];
}

/** Display type: bold at the smallest heading size or larger. It is never hyphenated. */
export function isDisplay(style: SpanStyle, ctx: LayoutContext): boolean {
  return style.face === 'bold' && style.size >= ctx.theme.headingSizes[2];
}

/** Sets inlines into lines for the given style and column. */
export function setText(content: readonly Inline[], o: TextBlockOptions, ctx: LayoutContext): Line[] {
  const width = (o.width ?? ctx.width) - (o.indent ?? 0);
  return breakLines(toSpans(content, o.style), {
    width,
    justify: o.justify ?? ctx.theme.justify,
    hyphenate: ctx.theme.hyphenate && o.hyphenate !== false && !isDisplay(o.style, ctx),
    lang: ctx.lang,
  });
}

/** The baseline of a line sits this far below the line box top (pt). */
export function baselineOffset(leading: number, size: number): number {
  return (leading - size) / 2 + size * 0.8;
}

/**
 * Paragraph-like text as atoms: one per line, so pages may break between lines, with at least
 * two lines kept at the foot and at the head of a page (no orphans or widows).
 */
export function textAtoms(content: readonly Inline[], o: TextBlockOptions, ctx: LayoutContext): Atom[] {
  const lines = setText(content, o, ctx);
  return linesToAtoms(lines, o, ctx);
}

export function linesToAtoms(lines: readonly Line[], o: TextBlockOptions, ctx: LayoutContext): Atom[] {
  const n = lines.length;
  const width = (o.width ?? ctx.width) - (o.indent ?? 0);
  const base = baselineOffset(o.leading, o.style.size);
  // A right-to-left paragraph starts at the right edge: its lines are right-aligned (unless
  // centred) and its indent (a list's hanging indent) is on the right.
  const rtl = lines[0]?.rtl === true;
  const atoms = lines.map((line, i): Atom => {
    const keep = o.keepTogether === true ? i < n - 1 : (i === 0 && n > 1) || (i === n - 2 && n >= 2);
    const end = o.align === 'right' || (rtl && o.align !== 'center');
    const shift = end ? width - line.width : o.align === 'center' ? (width - line.width) / 2 : 0;
    return atom(o.leading, (x, y, dc) => {
      const bx = rtl ? x : x + (o.indent ?? 0);
      if (i === 0 && o.firstLineExtra) o.firstLineExtra({ x, baseline: y + base, rtl }, dc);
      if (i === 0 && o.anchor) dc.anchor(o.anchor.id, y);
      drawLine(line, bx + shift, y + base, o.tag, dc);
    }, {
      spaceBefore: i === 0 ? o.spaceBefore ?? 0 : 0,
      keepWithNext: keep || (i === n - 1 && o.keepWithNext === true),
      notes: line.notes,
      ...(i === 0 && o.anchor ? { anchor: o.anchor } : {}),
    });
  });
  return atoms;
}
