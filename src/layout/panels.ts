import type { Block, Inline } from '../doc/index.js';
import { breakLines, contentWidths } from '../text/index.js';
import { atom, gap } from './atom.js';
import type { Atom } from './atom.js';
import type { LayoutContext } from './context.js';
import { textAtoms } from './paragraph.js';
import { rowAtom } from './rows.js';
import type { Cell, CellLine } from './rows.js';
import { toSpans } from './spans.js';
import type { SpanStyle } from './spans.js';

const txt = (text: string): Inline[] => [{ kind: 'text', text, style: {} }];

/** The title block at the top of a fact sheet: accent bar, title, subtitle, meta line. */
export function titleBlockAtoms(b: Extract<Block, { kind: 'titleBlock' }>, parent: number, ctx: LayoutContext): Atom[] {
  const t = ctx.theme;
  const bar = 5;
  const indent = 14;
  const h1 = ctx.struct.add('H1', parent);
  const accent = (x: number, y: number, h: number, dc: Parameters<Atom['draw']>[2]): void => {
    dc.items.push({ kind: 'rect', x, y, width: bar, height: h, fill: t.palette.primary, tag: 'artifact' });
  };
  const withBar = (a: Atom): Atom => ({ ...a, draw: (x, y, dc) => { accent(x, y, a.height, dc); a.draw(x, y, dc); } });
  const atoms: Atom[] = textAtoms(b.title, {
    style: { face: 'bold', size: t.headingSizes[0], color: t.palette.primary },
    leading: t.headingSizes[0] * 1.15, indent, tag: h1, keepTogether: true, keepWithNext: true, justify: false, hyphenate: false,
    anchor: { id: b.id ?? 'title', level: 1, title: ctx.meta.title },
  }, ctx).map(withBar);
  ctx.headings.push({ id: b.id ?? 'title', level: 1, title: ctx.meta.title });
  b.lines.forEach((line, i) => {
    const sub = i === 0 && b.lines.length > 1;
    atoms.push(...textAtoms(line, {
      style: sub ? { face: 'regular', size: 13, color: t.palette.text } : { face: 'regular', size: t.smallSize + 0.5, color: t.palette.muted },
      leading: sub ? 17 : 13, indent, tag: ctx.struct.add('P', parent), keepTogether: true, keepWithNext: true, justify: false, hyphenate: false,
    }, ctx).map(withBar));
  });
  atoms.push(gap(14));
  return atoms;
}

/** A cover page: title low on the page, subtitle, date and author, then a page break. */
export function coverAtoms(b: Extract<Block, { kind: 'cover' }>, parent: number, ctx: LayoutContext): Atom[] {
  const t = ctx.theme;
  const sect = ctx.struct.add('Sect', parent);
  const atoms: Atom[] = [atom(ctx.pageHeight * 0.3, (x, y, dc) => {
    dc.items.push({ kind: 'rect', x, y: y + ctx.pageHeight * 0.3 - 40, width: 60, height: 6, fill: t.palette.primary, tag: 'artifact' });
  }, { keepWithNext: true })];
  const coverId = b.id ?? 'cover-title';
  ctx.headings.push({ id: coverId, level: 1, title: ctx.meta.title, toc: false });
  atoms.push(...textAtoms(b.title, {
    style: { face: 'bold', size: 30, color: t.palette.primary }, leading: 36, tag: ctx.struct.add('H1', sect),
    keepTogether: true, keepWithNext: true, justify: false, hyphenate: false, anchor: { id: coverId, level: 1, title: ctx.meta.title },
  }, ctx));
  b.lines.forEach((line, i) => {
    atoms.push(...textAtoms(line, {
      style: i === 0 ? { face: 'regular', size: 16, color: t.palette.text } : { face: 'regular', size: 11, color: t.palette.muted },
      leading: i === 0 ? 24 : 16, spaceBefore: i === 0 ? 8 : 2, tag: ctx.struct.add('P', sect), keepTogether: true, keepWithNext: true, justify: false, hyphenate: false,
    }, ctx));
  });
  atoms.push(atom(0, () => undefined, { breakBefore: true, endsFrontMatter: true }));
  return atoms;
}

/** Size (pt) and leading of a key figure's value. */
const VALUE_SIZE = 19;
const VALUE_LEADING = 23;
/** A value is set at no less than this share of its size while fewer figures a row would help. */
const MIN_VALUE_SCALE = 0.75;

/**
 * Figures a row and the size of their values: values are numbers that never break, so a
 * panel whose widest value does not fit its column is set with fewer figures a row (4, then
 * half as many, then 1), and every value of the panel at one size that fits its column.
 */
export function keyFigureFit(valueWidths: readonly number[], width: number): { perRow: number; size: number } {
  const n = Math.max(1, valueWidths.length);
  const widest = Math.max(0, ...valueWidths);
  const room = (perRow: number): number => width / perRow - 10;
  const first = Math.min(4, n);
  const candidates = [...new Set([first, Math.ceil(first / 2), 1])];
  const perRow = candidates.find((c) => widest * MIN_VALUE_SCALE <= room(c)) ?? 1;
  const size = widest > room(perRow) ? Math.max(0.1, (VALUE_SIZE * room(perRow)) / widest) : VALUE_SIZE;
  return { perRow, size };
}

/** The key-figures panel: a tinted box with up to four figures a row. */
export function keyFigureAtoms(b: Extract<Block, { kind: 'keyFigures' }>, parent: number, ctx: LayoutContext): Atom[] {
  const t = ctx.theme;
  const sect = ctx.struct.add('Div', parent);
  const pad = 12;
  const valueStyle = (size: number): SpanStyle => ({ face: 'bold', size, color: t.palette.primary });
  const fit = keyFigureFit(b.items.map((k) => contentWidths(toSpans(txt(k.value), valueStyle(VALUE_SIZE))).widestNumber), ctx.width - 2 * pad);
  const perRow = fit.perRow;
  const colW = (ctx.width - 2 * pad) / perRow;
  const panel = (x: number, y: number, h: number, dc: Parameters<Atom['draw']>[2]): void => {
    dc.items.push({ kind: 'rect', x, y, width: ctx.width, height: h, fill: t.palette.panel, tag: 'artifact' });
    dc.items.push({ kind: 'rect', x, y, width: 3, height: h, fill: t.palette.primary, tag: 'artifact' });
  };
  const set = (content: readonly Inline[], style: SpanStyle, leading: number, width: number, hyphenate = true): CellLine[] =>
    breakLines(toSpans(content, style), { width, justify: false, hyphenate, lang: ctx.lang }).map((line) => ({ line, leading, size: style.size }));
  const out: Atom[] = [];
  if (b.title) {
    out.push(rowAtom({
      cells: [{ x: pad, width: ctx.width - 2 * pad, lines: set(b.title, { face: 'bold', size: t.bodySize, color: t.palette.primary }, 14, ctx.width - 2 * pad, false), align: 'left', tag: ctx.struct.add('H3', sect), pad: 0 }],
      width: ctx.width, padTop: pad - 2, padBottom: 2, keepWithNext: true, spaceBefore: 2, background: panel,
    }));
  }
  // Labels are short display text ("Exports to the Republic of Korea"): never hyphenated,
  // wrapped at spaces, and set smaller when one word is wider than the column (it would
  // otherwise be cut between letters).
  const labelStyle: SpanStyle = { face: 'regular', size: t.smallSize + 0.5, color: t.palette.muted };
  const labelLines = (label: string, room: number): CellLine[] => {
    const widest = contentWidths(toSpans(txt(label), labelStyle)).widestWord;
    const k = widest > room ? (room - 0.05) / widest : 1;
    return set(txt(label), { ...labelStyle, size: labelStyle.size * k }, 11.5 * k, room, false);
  };
  const valueLeading = fit.size < VALUE_SIZE ? Math.ceil((VALUE_LEADING * fit.size) / VALUE_SIZE) : VALUE_LEADING;
  for (let r = 0; r * perRow < b.items.length; r++) {
    const items = b.items.slice(r * perRow, (r + 1) * perRow);
    const cells: Cell[] = items.map((k, i) => {
      const tag = ctx.struct.add('P', sect);
      const change = k.change ?? '';
      const neg = /^[-\u2212]/.test(change);
      const lines = [
        ...set(txt(k.value), valueStyle(fit.size), valueLeading, colW - 10),
        ...(change ? set(txt(change), { face: 'bold', size: t.smallSize + 0.5, color: neg ? t.palette.negative : t.palette.positive }, 12, colW - 10) : []),
        ...labelLines(k.label, colW - 10),
      ];
      return { x: pad + i * colW, width: colW, lines, align: 'left', tag, pad: 0 };
    });
    const last = (r + 1) * perRow >= b.items.length;
    out.push(rowAtom({ cells, width: ctx.width, padTop: 4, padBottom: last ? pad : 4, keepWithNext: !last, background: panel }));
  }
  out.push(gap(10));
  return out;
}

/** A divider page: the briefing's number, its title and subtitle, then a page break. */
export function dividerAtoms(b: Extract<Block, { kind: 'divider' }>, parent: number, ctx: LayoutContext): Atom[] {
  const t = ctx.theme;
  const sect = ctx.struct.add('Div', parent);
  const atoms: Atom[] = [atom(ctx.pageHeight * 0.28, (x, y, dc) => {
    dc.items.push({ kind: 'rect', x, y: y + ctx.pageHeight * 0.28 - 30, width: ctx.width, height: 2, fill: t.palette.primary, tag: 'artifact' });
  }, { keepWithNext: true })];
  atoms.push(...textAtoms(txt(b.label), {
    style: { face: 'semibold', size: 13, color: t.palette.muted }, leading: 20, tag: ctx.struct.add('P', sect), keepTogether: true, keepWithNext: true, justify: false,
  }, ctx));
  // The contents list says what each part is when it is not a fact sheet: "Visit programme: …".
  const title = b.docKind ? `${b.docKind}: ${ctx.meta.title}` : ctx.meta.title;
  ctx.headings.push({ id: b.id, level: 1, title });
  atoms.push(...textAtoms(b.title, {
    style: { face: 'bold', size: 26, color: t.palette.primary }, leading: 32, tag: ctx.struct.add('H1', sect),
    keepTogether: true, keepWithNext: true, justify: false, hyphenate: false, anchor: { id: b.id, level: 1, title },
  }, ctx));
  b.lines.forEach((line) => {
    atoms.push(...textAtoms(line, {
      style: { face: 'regular', size: 13, color: t.palette.text }, leading: 19, spaceBefore: 4, tag: ctx.struct.add('P', sect), keepTogether: true, keepWithNext: true, justify: false, hyphenate: false,
    }, ctx));
  });
  // The briefing itself starts on a right-hand page too; the divider's back stays blank.
  atoms.push(atom(0, () => undefined, { breakBefore: true, recto: true }));
  return atoms;
}
