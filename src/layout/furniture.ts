import type { DocMeta } from '../doc/index.js';
import type { Theme } from '../theme/index.js';
import { bannerColour } from '../theme/index.js';
import { textWidth } from '../text/index.js';
import type { FontFace } from '../theme/index.js';
import { isRecto } from './geometry.js';
import type { Box, PageGeometry, PageItem } from './types.js';
import { TEXT_FEATURES, runWidth, splitRuns } from '../text/index.js';

export interface FurnitureInput {
  readonly meta: DocMeta;
  readonly theme: Theme;
  readonly geometry: PageGeometry;
  readonly content: Box;
  /** Physical page index (0-based): in duplex, even pages are right-hand pages. */
  readonly index: number;
  /** "Page 3 of 12" / "Page ii": already worded; on the outer edge. */
  readonly pageText: string;
  /**
   * Footer text on the inner side (the left, single-sided); default: the subtitle. In packs:
   * the briefing's title and own page count.
   */
  readonly footerLeft?: string;
  /**
   * The part of `footerLeft` that is shortened with an ellipsis when the footer is too long
   * (a briefing's title), so that the rest ("page 2 of 5") always shows; default: all of it.
   */
  readonly footerShrink?: string;
  /** Cover pages carry only the classification marking. */
  readonly cover: boolean;
  readonly blank: boolean;
  readonly blankText: string;
}

/** Text as artifact items, one per font run (fallback fonts for scripts the main font lacks). */
function text(s: string, x: number, y: number, face: FontFace, size: number, color: string): PageItem[] {
  let rx = x;
  return splitRuns(s, face).map((r) => {
    const width = runWidth(r.text, r.font, size);
    const item: PageItem = { kind: 'text', x: rx, y, text: r.text, font: r.font, size, color, wordSpacing: 0, features: TEXT_FEATURES, width, tag: 'artifact' };
    rx += width;
    return item;
  });
}

/**
 * Running header and footer, drawn after pagination as artifacts: the classification marking
 * top and bottom (centred, as government documents require), the title and date in the
 * header, "Page X of Y" in the footer. Single-sided, the title and the footer text are on the
 * left, the date and page number on the right; in duplex the running title and the page
 * number are on the outer edge (right on right-hand pages, left on left-hand pages) and the
 * date and footer text on the inner side.
 */
export function furniture(f: FurnitureInput): PageItem[] {
  const { theme: t, geometry: g, content: c } = f;
  const items: PageItem[] = [];
  const pageLeft = g.trimOffset;
  const centre = pageLeft + g.width / 2;
  const marking = f.meta.classification.toUpperCase();
  const mSize = 8.5;
  const mW = textWidth(marking, 'bold', mSize);
  const top = g.trimOffset + 26;
  const bottom = g.trimOffset + g.height - 20;
  const mColour = bannerColour(t, marking);
  items.push(...text(marking, centre - mW / 2, top, 'bold', mSize, mColour));
  items.push(...text(marking, centre - mW / 2, bottom, 'bold', mSize, mColour));
  if (f.blank) {
    const w = textWidth(f.blankText, 'italic', 10);
    items.push(...text(f.blankText, centre - w / 2, g.trimOffset + g.height / 2, 'italic', 10, t.palette.muted));
  }
  if (f.cover) return items;
  const s = t.smallSize;
  const muted = t.palette.muted;
  // Where a text of width w starts at one edge of the column or the other.
  const atLeft = c.x;
  const atRight = (w: number): number => c.x + c.width - w;
  const outerRight = isRecto(g, f.index);
  const headY = c.y - 16;
  const date = f.meta.dateText;
  const dateW = textWidth(date, 'regular', s);
  const shown = ellipsize(f.meta.title, c.width - dateW - 24, (x) => textWidth(x, 'regular', s));
  const titleW = textWidth(shown, 'regular', s);
  // Single-sided keeps the title on the left; in duplex the running title is on the outer edge.
  const titleRight = g.duplex && outerRight;
  items.push(...text(shown, titleRight ? atRight(titleW) : atLeft, headY, 'regular', s, muted));
  items.push(...text(date, titleRight ? atLeft : atRight(dateW), headY, 'regular', s, muted));
  items.push({ kind: 'line', x1: c.x, y1: headY + 5, x2: c.x + c.width, y2: headY + 5, color: t.palette.rule, lineWidth: 0.5, tag: 'artifact' });
  const footY = c.y + c.height + 26;
  items.push({ kind: 'line', x1: c.x, y1: footY - 11, x2: c.x + c.width, y2: footY - 11, color: t.palette.rule, lineWidth: 0.5, tag: 'artifact' });
  const pw = textWidth(f.pageText, 'regular', s);
  items.push(...text(f.pageText, outerRight ? atRight(pw) : atLeft, footY, 'regular', s, muted));
  const inner = f.footerLeft ?? f.meta.subtitle;
  if (inner) {
    const sub = fitFooter(inner, f.footerShrink ?? inner, c.width - pw - 24, (x) => textWidth(x, 'regular', s));
    items.push(...text(sub, outerRight ? atLeft : atRight(textWidth(sub, 'regular', s)), footY, 'regular', s, muted));
  }
  return items;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The longest start of `s` (whole grapheme clusters, so no character or surrogate pair is
 * cut in two) that, with an ellipsis, is at most `max` wide; `s` itself when it fits.
 */
export function ellipsize(s: string, max: number, width: (s: string) => number): string {
  if (width(s) <= max) return s;
  const cuts = [...graphemes.segment(s)].map((g) => g.index);
  const at = (k: number): string => (k === 0 ? '…' : s.slice(0, cuts[k]).trimEnd() + '…');
  // Widths grow with the prefix: binary search for the longest that fits.
  let lo = 0;
  let hi = cuts.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (width(at(mid)) <= max) lo = mid;
    else hi = mid - 1;
  }
  return at(lo);
}

/**
 * Fits `text` into `max` by shortening only its part `shrink` (the first occurrence), so the
 * rest (a page count) is never eaten by the ellipsis; shortens the whole text only when even
 * an ellipsis for `shrink` leaves it too wide.
 */
export function fitFooter(text: string, shrink: string, max: number, width: (s: string) => number): string {
  const at = shrink ? text.indexOf(shrink) : -1;
  if (at < 0 || width(text) <= max) return ellipsize(text, max, width);
  const before = text.slice(0, at);
  const after = text.slice(at + shrink.length);
  const room = max - width(before + after);
  if (room < width('…')) return ellipsize(text, max, width);
  // Widths are close to additive; measure the whole and shorten further if kerning disagrees.
  let r = room;
  let shown = ellipsize(shrink, r, width);
  while (width(before + shown + after) > max && shown !== '…') shown = ellipsize(shrink, (r -= 1), width);
  return before + shown + after;
}

/** Lower-case roman numerals for front-matter page labels. */
export function roman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  let v = n;
  for (const [k, s] of table) while (v >= k) { out += s; v -= k; }
  return out;
}
