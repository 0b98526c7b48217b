/**
 * Call-out boxes and quotations: their blocks set narrower, inside a tinted box with an accent
 * bar (call-outs) or beside a rule (quotations). The box is drawn per atom, so it follows its
 * content across a page break without a box to split.
 */
import type { Block } from '../doc/index.js';
import { atom, gap } from './atom.js';
import type { Atom } from './atom.js';
import type { LayoutContext } from './context.js';
import { textAtoms } from './paragraph.js';

/** Lays out blocks under a structure parent with a given context (blocks.ts's own). */
export type LayoutBlocks = (blocks: readonly Block[], parent: number, ctx: LayoutContext, indent: number) => Atom[];

/** Inner padding of a call-out box (pt). */
const PAD = 9;
const BAR = 3;

/**
 * Draws `paint` behind each atom over its whole height, space above included (a box has no
 * holes); the space is kept inside the box even at a page top. Atoms keep their other rules.
 */
function boxed(atoms: readonly Atom[], paint: (x: number, y: number, h: number, dc: Parameters<Atom['draw']>[2]) => void): Atom[] {
  return atoms.map((a) => {
    const h = a.height + a.spaceBefore;
    // Not splittable any more: a split would lose the box (call-outs hold only text).
    return {
      ...a,
      split: undefined,
      height: h,
      spaceBefore: 0,
      discardable: false,
      draw: (x: number, y: number, dc: Parameters<Atom['draw']>[2]) => {
        paint(x, y, h, dc);
        a.draw(x, y + a.spaceBefore, dc);
      },
    };
  });
}

/** A call-out: title in bold, then its blocks, in a tinted box with an accent bar; tagged Div. */
export function calloutAtoms(b: Extract<Block, { kind: 'callout' }>, parent: number, ctx: LayoutContext, layout: LayoutBlocks): Atom[] {
  const t = ctx.theme;
  const div = ctx.struct.add('Div', parent);
  const inner: LayoutContext = { ...ctx, width: ctx.width - PAD };
  const head = b.title.length
    ? textAtoms(b.title, {
        style: { face: 'bold', size: t.bodySize, color: t.palette.primary },
        leading: t.bodyLeading, indent: PAD + BAR, tag: ctx.struct.add('P', div), keepTogether: true, keepWithNext: true, justify: false,
      }, inner)
    : [];
  const body = layout(b.blocks, div, inner, PAD + BAR);
  // The last gap of the content is the box's bottom padding.
  while (body.length && body[body.length - 1]?.discardable) body.pop();
  const atoms = [atom(PAD - 2, () => undefined, { keepWithNext: true }), ...head, ...body, atom(PAD - 2, () => undefined)];
  return [
    ...boxed(atoms, (x, y, h, dc) => {
      dc.items.push({ kind: 'rect', x, y, width: ctx.width, height: h, fill: t.palette.panel, tag: 'artifact' });
      dc.items.push({ kind: 'rect', x, y, width: BAR, height: h, fill: t.palette.primary, tag: 'artifact' });
    }),
    gap(t.paraSpace + 4),
  ];
}

/** A quotation: its blocks indented beside a rule, the attribution under them; tagged BlockQuote. */
export function quoteAtoms(b: Extract<Block, { kind: 'quote' }>, parent: number, ctx: LayoutContext, layout: LayoutBlocks): Atom[] {
  const t = ctx.theme;
  const bq = ctx.struct.add('BlockQuote', parent);
  const indent = t.listIndent + 4;
  const inner: LayoutContext = { ...ctx, width: ctx.width - t.listIndent };
  const body = layout(b.blocks, bq, inner, indent);
  while (body.length && body[body.length - 1]?.discardable) body.pop();
  if (b.by) {
    body.push(...textAtoms([{ kind: 'text', text: '\u2014\u2009', style: {} }, ...b.by], {
      style: { face: 'regular', size: t.smallSize + 0.5, color: t.palette.muted },
      leading: t.smallSize * 1.5, indent, spaceBefore: 2, tag: ctx.struct.add('P', bq), keepTogether: true, justify: false,
    }, inner));
  }
  return [
    ...boxed(body, (x, y, h, dc) => {
      dc.items.push({ kind: 'rect', x: x + t.listIndent / 2, y, width: 1.5, height: h, fill: t.palette.rule, tag: 'artifact' });
    }),
    gap(t.paraSpace + 2),
  ];
}
