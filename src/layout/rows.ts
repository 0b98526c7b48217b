import type { Line } from '../text/index.js';
import { atom } from './atom.js';
import type { Atom, DrawContext } from './atom.js';
import { drawLine } from './lines.js';
import { baselineOffset } from './paragraph.js';
import type { Tag } from './types.js';

/** One set line inside a cell, with its own leading (pt). */
export interface CellLine {
  readonly line: Line;
  readonly leading: number;
  readonly size: number;
  /** Space (pt) kept free right of a right-aligned line: lines up decimal points in a column. */
  readonly inset?: number;
}

export interface Cell {
  /** Offset from the row's left edge and width (pt). */
  readonly x: number;
  readonly width: number;
  readonly lines: readonly CellLine[];
  readonly align: 'left' | 'right' | 'center';
  readonly tag: Tag;
  /** Inner horizontal padding (pt). */
  readonly pad: number;
}

export interface RowSpec {
  readonly cells: readonly Cell[];
  readonly padTop: number;
  readonly padBottom: number;
  /** Full row width (pt). */
  readonly width: number;
  readonly fill?: string;
  /** A rule under the row. */
  readonly rule?: { readonly color: string; readonly width: number };
  readonly keepWithNext?: boolean;
  readonly spaceBefore?: number;
  readonly continuation?: readonly Atom[];
  /** Draws extra items behind the row (panel backgrounds). */
  readonly background?: (x: number, y: number, height: number, ctx: DrawContext) => void;
}

function cellHeight(c: Cell): number {
  return c.lines.reduce((s, l) => s + l.leading, 0);
}

/**
 * A row of cells as one atom. A row taller than a page splits between lines of its cells,
 * so an oversized cell continues on the next page instead of being clipped.
 */
export function rowAtom(spec: RowSpec): Atom {
  const height = spec.padTop + Math.max(0, ...spec.cells.map(cellHeight)) + spec.padBottom;
  const draw = (x: number, y: number, ctx: DrawContext): void => {
    spec.background?.(x, y, height, ctx);
    if (spec.fill) ctx.items.push({ kind: 'rect', x, y, width: spec.width, height, fill: spec.fill, tag: 'artifact' });
    for (const c of spec.cells) {
      let ly = y + spec.padTop;
      for (const l of c.lines) {
        const inner = c.width - 2 * c.pad;
        const inset = Math.max(0, Math.min(l.inset ?? 0, inner - l.line.width));
        const shift = c.align === 'right' ? inner - l.line.width - inset : c.align === 'center' ? (inner - l.line.width) / 2 : 0;
        // A line wider than the inner width (a glyph in a column squeezed below glyph + padding)
        // takes from the right padding rather than spilling past the cell, and the column.
        const lx = Math.max(0, Math.min(c.pad + Math.max(0, shift), c.width - l.line.width));
        drawLine(l.line, x + c.x + lx, ly + baselineOffset(l.leading, l.size), c.tag, ctx);
        ly += l.leading;
      }
    }
    if (spec.rule) {
      ctx.items.push({ kind: 'line', x1: x, y1: y + height, x2: x + spec.width, y2: y + height, color: spec.rule.color, lineWidth: spec.rule.width, tag: 'artifact' });
    }
  };
  const notes = spec.cells.flatMap((c) => c.lines.flatMap((l) => l.line.notes));
  return atom(height, draw, {
    keepWithNext: spec.keepWithNext ?? false,
    spaceBefore: spec.spaceBefore ?? 0,
    notes,
    ...(spec.continuation ? { continuation: spec.continuation } : {}),
    split: (room) => splitRow(spec, room),
  });
}

function splitRow(spec: RowSpec, room: number): readonly [Atom, Atom] | null {
  const avail = room - spec.padTop - spec.padBottom;
  const heads: Cell[] = [];
  const tails: Cell[] = [];
  let moved = false;
  for (const c of spec.cells) {
    let h = 0;
    let k = 0;
    while (k < c.lines.length && h + (c.lines[k]?.leading ?? 0) <= avail) h += c.lines[k++]?.leading ?? 0;
    if (k > 0) moved = true;
    heads.push({ ...c, lines: c.lines.slice(0, k) });
    tails.push({ ...c, lines: c.lines.slice(k) });
  }
  if (!moved || tails.every((c) => c.lines.length === 0)) return null;
  const { rule: _r, ...noRule } = spec;
  void _r;
  return [rowAtom({ ...noRule, cells: heads, keepWithNext: false }), rowAtom({ ...spec, cells: tails, spaceBefore: 0 })];
}
