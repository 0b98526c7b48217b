import type { ChartAsset } from '../charts/index.js';
import type { Line } from '../text/index.js';
import { atom, gap } from './atom.js';
import type { Atom, DrawContext } from './atom.js';
import type { LayoutContext } from './context.js';
import { chartAtoms, chartOf, chartScale, continuedInlines, floatGroup, KEEP_LINES, noteParagraphs, smallStyle, titleInlines } from './figure.js';
import type { ChartBlock } from './figure.js';
import { drawLine } from './lines.js';
import { baselineOffset, setText } from './paragraph.js';

/** Space between two half-width figures in a row (pt); matches the chart stage's gutter. */
const GUTTER = 18;

/** One of the two figures of a row, set in its column. */
interface Column {
  readonly b: ChartBlock;
  readonly asset: ChartAsset;
  readonly title: readonly Line[];
  /** Caption, notes and source lines, in order. */
  readonly notes: readonly Line[];
}

/**
 * Two half-width figures side by side: titles and charts in one row (charts aligned), then
 * their caption, notes and source in rows of lines, which pages may break between (the first
 * `KEEP_LINES` rows stay with the charts; a page continuing them starts with "Figure n
 * (continued)" over each column that goes on). A pair whose notes would not fit on one page
 * even at a page top is stacked instead: each figure alone, its notes at the full measure,
 * where they take half the lines and no half-empty column runs on for pages.
 */
export function chartPairAtoms(blocks: readonly [ChartBlock, ChartBlock], parent: number, ctx: LayoutContext): Atom[] {
  const t = ctx.theme;
  const colW = (ctx.width - GUTTER) / 2;
  const small = smallStyle(ctx);
  const titleStyle = { style: { face: 'regular' as const, size: t.bodySize, color: t.palette.primary }, leading: t.bodyLeading, justify: false, width: colW };
  // Measured before figure numbers and structure elements are taken: stacking takes its own.
  const cols = blocks.map((b, i): Column => {
    const asset = chartOf(b, ctx);
    return {
      b, asset,
      title: setText(titleInlines(ctx.counters.figure + 1 + i, asset, ctx), { ...titleStyle, tag: 'artifact' }, ctx),
      notes: noteParagraphs(asset, ctx).flatMap((p) => setText(p, { ...small, tag: 'artifact', justify: false, width: colW }, ctx)),
    };
  });
  const titleH = Math.max(...cols.map((c) => c.title.length)) * t.bodyLeading;
  const rows = Math.max(...cols.map((c) => c.notes.length));
  const kept = Math.min(KEEP_LINES, rows) * small.leading + 2;
  const scales = cols.map((c) => chartScale(c.b, c.asset, { width: colW, around: titleH + 9 + kept + 4 }, ctx));
  const chartH = Math.max(...cols.map((c, i) => c.asset.height * (scales[i] ?? 1)));
  const headH = titleH + 3 + chartH + 6;
  if (headH + 2 + rows * small.leading > ctx.pageHeight) return [...chartAtoms(blocks[0], parent, ctx), ...chartAtoms(blocks[1], parent, ctx)];

  const placed = cols.map((c, i) => {
    const n = ++ctx.counters.figure;
    const figTag = ctx.struct.add('Figure', parent, { alt: c.asset.alt });
    const capTag = ctx.struct.add('Caption', parent);
    const scale = scales[i] ?? 1;
    return { ...c, n, figTag, capTag, x: i * (colW + GUTTER), w: c.asset.width * scale, h: c.asset.height * scale };
  });
  const head = atom(headH, (x, y, dc) => {
    for (const c of placed) {
      c.title.forEach((line, i) => drawLine(line, x + c.x, y + i * t.bodyLeading + baselineOffset(t.bodyLeading, t.bodySize), c.capTag, dc));
      const box = { x: x + c.x + (colW - c.w) / 2, y: y + titleH + 3, width: c.w, height: c.h };
      dc.items.push({ kind: 'chart', name: c.asset.name, box, tag: c.figTag });
      dc.figure(c.figTag, box);
    }
  }, { spaceBefore: 10, keepWithNext: rows > 0, notes: placed.flatMap((c) => c.title.flatMap((l) => l.notes)) });

  // "(continued)" over the columns that still have lines from row r on.
  const continued = new Map<string, Atom[]>();
  const continuedFor = (r: number): Atom[] => {
    const goOn = placed.filter((c) => c.notes.length > r);
    const key = goOn.map((c) => c.n).join(',');
    const known = continued.get(key);
    if (known) return known;
    const lines = goOn.map((c) => ({ c, line: setText(continuedInlines(c.n, ctx), { ...small, tag: 'artifact', justify: false, width: colW }, ctx)[0] }));
    const made = [atom(small.leading, (x, y, dc) => {
      for (const { c, line } of lines) if (line) drawLine(line, x + c.x, y + baselineOffset(small.leading, small.style.size), 'artifact', dc);
    }, { keepWithNext: true })];
    continued.set(key, made);
    return made;
  };
  const noteRows = Array.from({ length: rows }, (_v, r) => atom(small.leading, (x, y, dc: DrawContext) => {
    for (const c of placed) {
      const line = c.notes[r];
      if (line) drawLine(line, x + c.x, y + baselineOffset(small.leading, small.style.size), c.capTag, dc);
    }
  }, {
    spaceBefore: r === 0 ? 2 : 0,
    // The first rows stay with the charts, the last two together (no widow line).
    keepWithNext: r < KEEP_LINES - 1 || r === rows - 2,
    notes: placed.flatMap((c) => c.notes[r]?.notes ?? []),
    ...(r >= KEEP_LINES ? { continuation: continuedFor(r) } : {}),
  }));
  return floatGroup([head, ...noteRows, gap(t.paraSpace + 4)]);
}
