import type { Block, Inline } from '../doc/types.js';
import { fail } from '../diag/errors.js';
import { atom, gap } from './atom.js';
import type { Atom } from './atom.js';
import type { LayoutContext } from './context.js';
import { drawLine } from './lines.js';
import { baselineOffset, setText, textAtoms } from './paragraph.js';
import { tableAtoms } from './table.js';

const txt = (text: string, bold = false): Inline => ({ kind: 'text', text, style: bold ? { bold: true } : {} });

/**
 * A chart figure: numbered title, the vector chart, caption, notes and source. The chart and
 * its title never split; a chart taller than the page is scaled to fit (it is a vector).
 */
export function chartAtoms(b: Extract<Block, { kind: 'chart' }>, parent: number, ctx: LayoutContext): Atom[] {
  const t = ctx.theme;
  const asset = ctx.charts.get(b.name);
  if (!asset) {
    fail('layout/unknown-chart', `the template places chart "${b.name}", which the data does not declare`, {
      loc: b.loc,
      hint: `declare it under charts: in the briefing data, or use one of: ${[...ctx.charts.keys()].join(', ') || 'none'}`,
    });
  }
  const n = ++ctx.counters.figure;
  const figTag = ctx.struct.add('Figure', parent, { alt: asset.alt });
  const capTag = ctx.struct.add('Caption', parent);
  const title = textAtoms([txt(`${ctx.lang === 'fr' ? 'Figure' : 'Figure'} ${n}. `, true), txt(asset.title, true)], {
    style: { face: 'regular', size: t.bodySize, color: t.palette.primary }, leading: t.bodyLeading, spaceBefore: 10,
    tag: capTag, keepTogether: true, keepWithNext: true, justify: false,
  }, ctx);
  const titleH = title.reduce((s, a) => s + a.height, 0);
  const maxH = ctx.pageHeight - titleH - 60;
  const scale = Math.min(1, ctx.width / asset.width, maxH / asset.height);
  const w = asset.width * scale;
  const h = asset.height * scale;
  const chart = atom(h + 6, (x, y, dc) => {
    const box = { x: x + (ctx.width - w) / 2, y: y + 3, width: w, height: h };
    dc.items.push({ kind: 'chart', name: asset.name, box, tag: figTag });
    dc.figure(figTag, box);
  }, { keepWithNext: true });
  const small = { face: 'regular' as const, size: t.smallSize, color: t.palette.muted };
  const lines: Inline[][] = [];
  if (asset.caption) lines.push([txt(asset.caption)]);
  for (const note of asset.notes) lines.push([txt(note)]);
  if (asset.source) lines.push([txt(`${ctx.lang === 'fr' ? 'Source :' : 'Source:'} `, true), txt(asset.source)]);
  const after = lines.flatMap((l, i) => textAtoms(l, {
    style: small, leading: t.smallSize * 1.35, tag: capTag, keepTogether: true,
    keepWithNext: i < lines.length - 1, justify: false, spaceBefore: i === 0 ? 2 : 0,
  }, ctx));
  const out = [...title, chart, ...after];
  if (asset.showTable && asset.table.length > 1) {
    const [head, ...body] = asset.table;
    const cells = (r: readonly string[]) => r.map((c) => ({ content: [txt(c)] }));
    out.push(...tableAtoms({
      kind: 'table', header: head ? [cells(head)] : [], body: body.map(cells), align: (head ?? []).map((_c, i) => (i === 0 ? 'left' : 'right')),
      notes: [], loc: b.loc, caption: [txt(asset.title)],
    }, parent, ctx));
  }
  out.push(gap(t.paraSpace + 4));
  return out;
}

/** Space between two half-width figures in a row (pt); matches the chart stage's gutter. */
const GUTTER = 18;

/**
 * Two half-width charts side by side, each with its numbered title above and its caption,
 * notes and source below; the row never splits.
 */
export function chartPairAtoms(blocks: readonly [Extract<Block, { kind: 'chart' }>, Extract<Block, { kind: 'chart' }>], parent: number, ctx: LayoutContext): Atom[] {
  const t = ctx.theme;
  const colW = (ctx.width - GUTTER) / 2;
  const small = { face: 'regular' as const, size: t.smallSize, color: t.palette.muted };
  const smallLeading = t.smallSize * 1.35;
  const columns = blocks.map((b) => {
    const asset = ctx.charts.get(b.name);
    if (!asset) return fail('layout/unknown-chart', `the template places chart "${b.name}", which the data does not declare`, { loc: b.loc });
    const n = ++ctx.counters.figure;
    const figTag = ctx.struct.add('Figure', parent, { alt: asset.alt });
    const capTag = ctx.struct.add('Caption', parent);
    const title = setText([txt(`Figure ${n}. `, true), txt(asset.title, true)], { style: { face: 'regular', size: t.bodySize, color: t.palette.primary }, leading: t.bodyLeading, tag: capTag, justify: false, width: colW }, ctx);
    const scale = Math.min(1, colW / asset.width);
    const w = asset.width * scale;
    const h = asset.height * scale;
    const after: Inline[][] = [];
    if (asset.caption) after.push([txt(asset.caption)]);
    for (const note of asset.notes) after.push([txt(note)]);
    if (asset.source) after.push([txt(`${ctx.lang === 'fr' ? 'Source :' : 'Source:'} `, true), txt(asset.source)]);
    const captionLines = after.flatMap((l) => setText(l, { style: small, leading: smallLeading, tag: capTag, justify: false, width: colW }, ctx));
    const height = title.length * t.bodyLeading + 3 + h + 6 + captionLines.length * smallLeading;
    return { asset, figTag, capTag, title, w, h, captionLines, height, notes: [...title, ...captionLines].flatMap((l) => l.notes) };
  });
  const height = Math.max(...columns.map((c) => c.height));
  return [atom(height, (x, y, dc) => {
    columns.forEach((c, i) => {
      const cx = x + i * (colW + GUTTER);
      let cy = y;
      for (const line of c.title) {
        drawLine(line, cx, cy + baselineOffset(t.bodyLeading, t.bodySize), c.capTag, dc);
        cy += t.bodyLeading;
      }
      const box = { x: cx + (colW - c.w) / 2, y: cy + 3, width: c.w, height: c.h };
      dc.items.push({ kind: 'chart', name: c.asset.name, box, tag: c.figTag });
      dc.figure(c.figTag, box);
      cy += 3 + c.h + 6;
      for (const line of c.captionLines) {
        drawLine(line, cx, cy + baselineOffset(smallLeading, t.smallSize), c.capTag, dc);
        cy += smallLeading;
      }
    });
  }, { spaceBefore: 10, notes: columns.flatMap((c) => c.notes) }), gap(t.paraSpace + 4)];
}
