import type { SourceLoc } from '../diag/index.js';
import type { Box, PageItem } from './types.js';

/** What an atom may record while it draws itself onto a page. */
export interface DrawContext {
  readonly page: number;
  readonly items: PageItem[];
  anchor(id: string, y: number): void;
  /** Records where a Figure structure element ended up, for its BBox. */
  figure(struct: number, box: Box): void;
}

/**
 * The unit of pagination: a vertical slice that is never broken, with rules about breaking
 * after it. Paragraph lines, table rows, headings and figures all become atoms.
 */
export interface Atom {
  /** Height (pt). */
  readonly height: number;
  /** Space above (pt); dropped when the atom starts a page. */
  readonly spaceBefore: number;
  /** Forbids a page break between this atom and the next (headings, orphan/widow lines). */
  readonly keepWithNext: boolean;
  /** Footnote numbers referenced inside: their texts go to the foot of the same page. */
  readonly notes: readonly number[];
  /** A gap between blocks: dropped at the top of a page, and where it would start one. */
  readonly discardable?: boolean;
  /** Starts a new page before this atom. */
  readonly breakBefore?: boolean;
  /** Starts on a right-hand (odd) page, inserting a blank page if needed. */
  readonly recto?: boolean;
  /** Atoms repeated at the top of the next page when a break falls right before this one. */
  readonly continuation?: readonly Atom[];
  /** Heading anchor and its outline entry. */
  readonly anchor?: { readonly id: string; readonly level: number; readonly title: string };
  /** Marks the end of the front matter (cover, contents): body page numbering starts after. */
  readonly endsFrontMatter?: boolean;
  /**
   * Starts a figure that may float: this atom and the `size - 1` atoms after it move as one
   * group. When the group's head (its atoms up to the first that does not keep with the next)
   * does not fit on the current page, the group goes to the top of the next page and the
   * text after it fills the room left (see `paginate`).
   */
  readonly float?: { readonly size: number };
  /** Where the block this atom comes from is written, for located layout errors. */
  readonly loc?: SourceLoc;
  /** Splits an atom taller than a page into a head that fits `room` (pt) and the rest. */
  split?(room: number): readonly [Atom, Atom] | null;
  /** Draws the atom with its top-left at (x, y). */
  draw(x: number, y: number, ctx: DrawContext): void;
}

/** Builds a spacer-free atom from a height and a draw function. */
export function atom(height: number, draw: Atom['draw'], extra: Partial<Omit<Atom, 'height' | 'draw'>> = {}): Atom {
  return { height, spaceBefore: 0, keepWithNext: false, notes: [], draw, ...extra };
}

/** A vertical gap between blocks (pt), dropped at page tops. */
export function gap(height: number): Atom {
  return atom(height, () => undefined, { discardable: true });
}
