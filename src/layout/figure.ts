import type { ChartAsset } from '../charts/index.js';
import type { Block, Inline } from '../doc/index.js';
import { fail } from '../diag/index.js';
import type { Line } from '../text/index.js';
import { atom, gap } from './atom.js';
import type { Atom } from './atom.js';
import type { LayoutContext } from './context.js';
import { linesToAtoms, setText, textAtoms } from './paragraph.js';
import { tableAtoms } from './table.js';

export type ChartBlock = Extract<Block, { kind: 'chart' }>;

export const txt = (text: string, bold = false, italic = false): Inline => ({
  kind: 'text', text, style: { ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}) },
});

/** Lines of caption, notes and source kept with the chart: a figure never ends at its chart. */
export const KEEP_LINES = 2;
/**
 * A chart is scaled down to fit a page with its title and first note lines, but not below
 * this: its labels (7 pt and up) would become unreadable. Beyond it the figure is too tall.
 */
export const MIN_CHART_SCALE = 0.5;
/** Space above a figure's title (pt). */
const TITLE_SPACE = 10;

/** The chart a block places, or a located error naming the charts there are. */
export function chartOf(b: ChartBlock, ctx: LayoutContext): ChartAsset {
  const asset = ctx.charts.get(b.name);
  if (asset) return asset;
  return fail('layout/unknown-chart', `the template places chart "${b.name}", which the data does not declare`, {
    loc: b.loc,
    hint: `declare it under charts: in the briefing data, or use one of: ${[...ctx.charts.keys()].join(', ') || 'none'}`,
  });
}

/** "Figure 3. Title", bold, as set above a chart. */
export function titleInlines(n: number, asset: ChartAsset, ctx: LayoutContext): Inline[] {
  return [txt((ctx.messages['figureTitle'] ?? 'Figure {n}. ').replace('{n}', String(n)), true), txt(asset.title, true)];
}

/** Caption, notes and source under a chart: one paragraph each, in that order. */
export function noteParagraphs(asset: ChartAsset, ctx: LayoutContext): Inline[][] {
  const out: Inline[][] = [];
  if (asset.caption) out.push([txt(asset.caption)]);
  for (const note of asset.notes) out.push([txt(note)]);
  if (asset.source) out.push([txt(`${ctx.messages['sourceLabel'] ?? 'Source:'} `, true), txt(asset.source)]);
  return out;
}

/** Style of the lines under a chart. */
export function smallStyle(ctx: LayoutContext): { readonly style: { face: 'regular'; size: number; color: string }; readonly leading: number } {
  const t = ctx.theme;
  return { style: { face: 'regular', size: t.smallSize, color: t.palette.muted }, leading: t.smallSize * 1.35 };
}

/** "Figure 3 (continued)": what a page continuing a figure's notes starts with. */
export function continuedInlines(n: number, ctx: LayoutContext): Inline[] {
  return [txt((ctx.messages['figure'] ?? 'Figure {n} ').replace('{n}', String(n)), true), txt(ctx.messages['continued'] ?? '(continued)', false, true)];
}

/** The scale that fits a chart in `width` and, with `around` pt of title and notes, on a page. */
export function chartScale(b: ChartBlock, asset: ChartAsset, o: { readonly width: number; readonly around: number }, ctx: LayoutContext): number {
  const scale = Math.min(1, o.width / asset.width, (ctx.pageHeight - o.around) / asset.height);
  if (scale < MIN_CHART_SCALE) {
    fail('layout/too-tall', `chart "${asset.name}" (${Math.round(asset.height)} pt tall) fits a page only at ${Math.round(Math.max(0, scale) * 100)} % of its size, too small to read`, {
      loc: b.loc,
      hint: 'shorten the chart\'s title, or draw fewer categories or series so the chart is less tall',
    });
  }
  return scale;
}

/**
 * The note lines of a figure as atoms that pages may break between: the first `KEEP_LINES`
 * stay with the chart, each paragraph keeps two lines at either side of a break, and a page
 * that continues them starts with "Figure n (continued)".
 */
function noteAtoms(paragraphs: readonly (readonly Line[])[], o: { readonly tag: number; readonly continued: readonly Atom[] }, ctx: LayoutContext): Atom[] {
  const small = smallStyle(ctx);
  const out: Atom[] = [];
  paragraphs.forEach((lines, p) => {
    const atoms = linesToAtoms(lines, { ...small, tag: o.tag, justify: false, spaceBefore: p === 0 ? 2 : 0 }, ctx);
    for (const a of atoms) {
      const i = out.length;
      out.push({
        ...a,
        keepWithNext: a.keepWithNext || i < KEEP_LINES - 1,
        ...(i >= KEEP_LINES ? { continuation: o.continued } : {}),
      });
    }
  });
  const last = out[out.length - 1];
  if (last) out[out.length - 1] = { ...last, keepWithNext: false };
  return out;
}

/**
 * A chart figure: numbered title, the vector chart, caption, notes and source, and its data
 * table if asked for. The title, the chart and the first note lines never split; the notes
 * break across pages like text. The figure is one float group: when its head does not fit,
 * it opens the next page and the text after it fills the room (see `paginate`).
 */
export function chartAtoms(b: ChartBlock, parent: number, ctx: LayoutContext): Atom[] {
  const t = ctx.theme;
  const asset = chartOf(b, ctx);
  const n = ++ctx.counters.figure;
  const figTag = ctx.struct.add('Figure', parent, { alt: asset.alt });
  const capTag = ctx.struct.add('Caption', parent);
  const title = textAtoms(titleInlines(n, asset, ctx), {
    style: { face: 'regular', size: t.bodySize, color: t.palette.primary }, leading: t.bodyLeading, spaceBefore: TITLE_SPACE,
    tag: capTag, keepTogether: true, keepWithNext: true, justify: false,
  }, ctx);
  const small = smallStyle(ctx);
  const paragraphs = noteParagraphs(asset, ctx).map((p) => setText(p, { ...small, tag: capTag, justify: false }, ctx));
  const kept = Math.min(KEEP_LINES, paragraphs.reduce((s, p) => s + p.length, 0)) * small.leading + 2;
  const titleH = title.reduce((s, a) => s + a.height, 0);
  const scale = chartScale(b, asset, { width: ctx.width, around: titleH + 6 + kept + 4 }, ctx);
  const w = asset.width * scale;
  const h = asset.height * scale;
  const continued = textAtoms(continuedInlines(n, ctx), { ...small, tag: 'artifact', keepTogether: true, keepWithNext: true, justify: false }, ctx);
  const notes = noteAtoms(paragraphs, { tag: capTag, continued }, ctx);
  const table = asset.showTable && asset.table.length > 1 ? dataTable(b, asset, parent, ctx) : [];
  const chart = atom(h + 6, (x, y, dc) => {
    const box = { x: x + (ctx.width - w) / 2, y: y + 3, width: w, height: h };
    dc.items.push({ kind: 'chart', name: asset.name, box, tag: figTag });
    dc.figure(figTag, box);
  }, { keepWithNext: notes.length > 0 });
  return floatGroup([...title, chart, ...notes, ...table, gap(t.paraSpace + 4)]);
}

/** Marks the first atom as starting a float group of all of them. */
export function floatGroup(atoms: readonly Atom[]): Atom[] {
  const [first, ...rest] = atoms;
  return first ? [{ ...first, float: { size: atoms.length } }, ...rest] : [];
}

function dataTable(b: ChartBlock, asset: ChartAsset, parent: number, ctx: LayoutContext): Atom[] {
  const [head, ...body] = asset.table;
  const cells = (r: readonly string[]) => r.map((c) => ({ content: [txt(c)] }));
  return tableAtoms({
    kind: 'table', header: head ? [cells(head)] : [], body: body.map(cells), align: (head ?? []).map((_c, i) => (i === 0 ? 'left' : 'right')),
    notes: [], loc: b.loc, caption: [txt(asset.title)],
  }, parent, ctx);
}
