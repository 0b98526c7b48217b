import type { Block, Inline, TableCell } from '../doc/index.js';
import { breakLines, contentWidths } from '../text/index.js';
import { NUMBER_FEATURES } from '../text/index.js';
import { atom, gap } from './atom.js';
import type { Atom } from './atom.js';
import type { LayoutContext } from './context.js';
import { isNumericColumn, lineTail, splitWidths } from './decimal.js';
import { textAtoms } from './paragraph.js';
import { rowAtom } from './rows.js';
import type { Cell, CellLine, RowSpec } from './rows.js';
import { toSpans } from './spans.js';
import type { SpanStyle } from './spans.js';
import type { Tag } from './types.js';

type TableBlock = Extract<Block, { kind: 'table' }>;
const PAD = 5;

/** Column widths from each column's widest word (min) and natural width (max), pdfmake-style. */
export function columnWidths(mins: readonly number[], maxs: readonly number[], total: number): number[] {
  const sumMax = maxs.reduce((a, b) => a + b, 0);
  const sumMin = mins.reduce((a, b) => a + b, 0);
  if (sumMax <= total) {
    // Everything fits on one line: give the spare room to the wider columns.
    const spare = total - sumMax;
    return maxs.map((m) => m + (sumMax > 0 ? (spare * m) / sumMax : spare / maxs.length));
  }
  if (sumMin >= total) return mins.map((m) => (sumMin > 0 ? (m * total) / sumMin : total / mins.length));
  const flex = sumMax - sumMin;
  return mins.map((m, i) => m + ((total - sumMin) * ((maxs[i] ?? m) - m)) / flex);
}

/** Widest word (pt) that still counts towards a column's minimum: longer ones are cut. */
const WORD_CAP = 160;

/** A column's measured widths (pt, padding included) and its widest decimals-and-unit tail. */
interface ColumnMeasure {
  readonly min: number;
  readonly max: number;
  readonly tail: number;
}

/**
 * Measures a column from its content: the minimum is its widest unbreakable word (a number
 * whole, however long; other words up to {@link WORD_CAP}), header words included; the
 * maximum is its widest body cell on one line, so a long header wraps rather than widening
 * a column of short figures. Numbers aligned on their decimal point need the widest integer
 * part plus the widest tail.
 */
function measureCol(
  rows: { readonly header: readonly (readonly TableCell[])[]; readonly body: readonly (readonly TableCell[])[] },
  col: number,
  style: { readonly head: SpanStyle; readonly body: SpanStyle; readonly numeric: boolean; readonly lang: string },
  pad: number,
): ColumnMeasure {
  let min = 0;
  let max = 0;
  let head = 0;
  let tail = 0;
  const measure = (cell: TableCell | undefined, st: SpanStyle, countMax: boolean): void => {
    const w = contentWidths(toSpans(cell?.content ?? [], st));
    min = Math.max(min, Math.min(w.widestWord, WORD_CAP), w.widestNumber);
    if (countMax) max = Math.max(max, w.natural);
  };
  for (const r of rows.header) measure(r[col], style.head, false);
  for (const r of rows.body) {
    measure(r[col], style.body, true);
    if (!style.numeric) continue;
    const split = splitWidths(r[col], style.body, style.lang);
    if (split) {
      head = Math.max(head, split.head);
      tail = Math.max(tail, split.tail);
    }
  }
  max = Math.max(max, min, head + tail);
  return { min: min + 2 * pad, max: max + 2 * pad, tail };
}

/**
 * A table as atoms: caption, header row, body rows. Pages break between rows; on the next
 * page the caption says "(continued)" and the header rows are repeated.
 */
export function tableAtoms(b: TableBlock, parent: number, ctx: LayoutContext): Atom[] {
  const t = ctx.theme;
  const n = Math.max(...[...b.header, ...b.body].map((r) => r.length), 1);
  const numeric = Array.from({ length: n }, (_v, c) => b.align[c] === 'right' || isNumericColumn(b.body.map((r) => r[c])));
  // Very many columns: smaller type and padding, so one glyph still fits a column.
  const perCol = ctx.width / n;
  const size = perCol >= 28 ? t.bodySize - 1 : Math.max(4, (t.bodySize - 1) * perCol / 28);
  const pad = Math.min(PAD, perCol * 0.12);
  const bodyStyle = (c: number): SpanStyle => ({ face: 'regular', size, color: t.palette.text, ...(numeric[c] ? { features: NUMBER_FEATURES } : {}) });
  const headStyle = (): SpanStyle => ({ face: 'bold', size, color: '#ffffff' });
  const mm = Array.from({ length: n }, (_v, c) => measureCol(b, c, { head: headStyle(), body: bodyStyle(c), numeric: numeric[c] === true, lang: ctx.lang }, pad));
  const widths = columnWidths(mm.map((m) => m.min), mm.map((m) => m.max), ctx.width);
  const xs = widths.map((_w, i) => widths.slice(0, i).reduce((a, c) => a + c, 0));
  const number = ++ctx.counters.table;
  const tableTag = ctx.struct.add('Table', parent);
  const out: Atom[] = [];

  const captionText = (suffix: string): Inline[] => [
    { kind: 'text', text: (ctx.messages['table'] ?? 'Table {n}. ').replace('{n}', String(number)), style: { bold: true } },
    ...(b.caption ?? []).map((i) => (i.kind === 'text' ? { ...i, style: { ...i.style, bold: true } } : i)),
    ...(suffix ? [{ kind: 'text' as const, text: ` ${suffix}`, style: { italic: true } }] : []),
  ];
  const captionAtoms = (tag: Tag, suffix: string, spaceBefore: number): Atom[] =>
    textAtoms(captionText(suffix), {
      style: { face: 'regular', size: t.bodySize, color: t.palette.primary },
      leading: t.bodyLeading, spaceBefore, tag, keepTogether: true, keepWithNext: true, justify: false,
    }, ctx).concat(atom(3, () => undefined, { keepWithNext: true }));

  if (b.caption) out.push(...captionAtoms(ctx.struct.add('Caption', tableTag), '', 10));

  const makeRow = (row: readonly TableCell[], o: { header: boolean; index: number; tags: Tag[] | null; rowTag: Tag }): RowSpec => {
    const cells: Cell[] = Array.from({ length: n }, (_v, c) => {
      const style = o.header ? headStyle() : bodyStyle(c);
      const w = widths[c] ?? 0;
      const lines = breakLines(toSpans(row[c]?.content ?? [], style), { width: Math.max(2, w - 2 * pad), justify: false, hyphenate: !numeric[c], lang: ctx.lang });
      // A one-line number sits with its decimal point under the others of its column.
      const tail = !o.header && numeric[c] && lines.length === 1 && lines[0] ? lineTail(lines[0], ctx.lang) : null;
      const inset = tail === null ? 0 : Math.max(0, (mm[c]?.tail ?? 0) - tail);
      const cellLines: CellLine[] = lines.map((line) => ({ line, leading: style.size * 1.3, size: style.size, ...(inset > 0 ? { inset } : {}) }));
      return { x: xs[c] ?? 0, width: w, lines: cellLines, align: numeric[c] ? 'right' : 'left', tag: o.tags?.[c] ?? 'artifact', pad };
    });
    return {
      cells, width: ctx.width, padTop: 3.5, padBottom: 3.5,
      ...(o.header ? { fill: t.palette.primary } : o.index % 2 === 1 ? { fill: t.palette.panel } : {}),
      rule: { color: t.palette.rule, width: 0.5 },
    };
  };
  const structRow = (group: number, header: boolean): Tag[] => {
    const tr = ctx.struct.add('TR', group);
    return Array.from({ length: n }, () => ctx.struct.add(header ? 'TH' : 'TD', tr, header ? { scope: 'Column' } : {}));
  };

  // Repeated on every continuation page: as artifacts, since the first copy is the real one.
  const repeat: Atom[] = [
    ...(b.caption ? captionAtoms('artifact', ctx.messages['continued'] ?? '(continued)', 0) : []),
    ...b.header.map((r, i) => rowAtom({ ...makeRow(r, { header: true, index: i, tags: null, rowTag: 'artifact' }), keepWithNext: true })),
  ];
  if (b.header.length) {
    const thead = ctx.struct.add('THead', tableTag);
    b.header.forEach((r, i) => out.push(rowAtom({ ...makeRow(r, { header: true, index: i, tags: structRow(thead, true), rowTag: 'artifact' }), keepWithNext: true })));
  }
  const tbody = ctx.struct.add('TBody', tableTag);
  const rows = b.body.length;
  b.body.forEach((r, i) => {
    const spec = makeRow(r, { header: false, index: i, tags: structRow(tbody, false), rowTag: 'artifact' });
    // Two rows at least at either side of a page break (no row alone at the foot of a page or
    // at the head of the next: the last of a "top ten"), and the last row keeps with the
    // notes (the source line), whose first two lines keep together.
    const keep = (i === 0 && rows > 1) || (i === rows - 2 && rows >= 3) || (i === rows - 1 && b.notes.length > 0);
    out.push(rowAtom({ ...spec, ...(keep ? { keepWithNext: true } : {}), continuation: repeat }));
  });
  const notes = b.notes.flatMap((note, i) => textAtoms(note, {
    style: { face: 'regular', size: t.smallSize, color: t.palette.muted },
    leading: t.smallSize * 1.35, spaceBefore: i === 0 ? 4 : 0, tag: ctx.struct.add('Note', tableTag), justify: false,
  }, ctx));
  // The notes break like one paragraph: two lines at least at either side (a one-line source
  // and a one-line note stay together, and with the last row).
  out.push(...notes.map((a, i) => (i === 0 && notes.length > 1) || i === notes.length - 2 ? { ...a, keepWithNext: true } : a));
  out.push(gap(t.paraSpace + 4));
  return out;
}
