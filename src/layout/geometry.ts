import type { Margins, Paper, Theme } from '../theme/index.js';
import type { Box, PageGeometry } from './types.js';

/** Paper sizes (pt). */
export const PAPER: Readonly<Record<Paper, { width: number; height: number }>> = {
  a4: { width: 595.28, height: 841.89 },
  letter: { width: 612, height: 792 },
  /** PowerPoint's 16:9 slide, 10 in x 5.625 in. */
  slide16x9: { width: 720, height: 405 },
};

export interface GeometryOptions {
  readonly paper?: Paper;
  readonly duplex?: boolean;
  /** Bleed (pt) for commercial print; 0 for office printing. */
  readonly bleed?: number;
}

export function pageGeometry(o: GeometryOptions): PageGeometry {
  const paper = o.paper ?? 'a4';
  const bleed = o.bleed ?? 0;
  // With bleed, the media box also leaves a slug for crop marks outside the bleed.
  return { paper, ...PAPER[paper], bleed, trimOffset: bleed > 0 ? bleed + 18 : 0, duplex: o.duplex ?? false };
}

/**
 * Whether page `index` (0-based, physical) is a right-hand page. The first page is a recto;
 * single-sided output counts every page as one (its outer edge is on the right).
 */
export function isRecto(g: PageGeometry, index: number): boolean {
  return !g.duplex || index % 2 === 0;
}

/**
 * The content box of a page in media-box coordinates. Single-sided, both side margins are the
 * outside margin. In duplex the inside (binding) margin, wider by the theme's gutter, is on
 * the left of right-hand (odd-numbered) pages and on the right of left-hand pages.
 */
export function contentBox(g: PageGeometry, m: Margins, index: number): Box {
  const recto = isRecto(g, index);
  const left = g.duplex ? (recto ? m.inside : m.outside) : m.outside;
  const right = g.duplex ? (recto ? m.outside : m.inside) : m.outside;
  return { x: g.trimOffset + left, y: g.trimOffset + m.top, width: g.width - left - right, height: g.height - m.top - m.bottom };
}

/**
 * Column width, the same on every page of a document (mirrored margins swap sides, not
 * widths): narrower in duplex by the binding gutter.
 */
export function columnWidth(g: PageGeometry, t: Theme): number {
  return g.duplex ? g.width - t.margins.inside - t.margins.outside : g.width - 2 * t.margins.outside;
}
