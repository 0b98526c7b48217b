import type { DocMeta } from '../doc/types.js';
import type { Theme } from '../theme/types.js';
import { textWidth } from '../text/measure.js';
import type { FontFace } from '../theme/types.js';
import type { Box, PageGeometry, PageItem } from './types.js';
import { TEXT_FEATURES, runWidth, splitRuns } from '../text/measure.js';

export interface FurnitureInput {
  readonly meta: DocMeta;
  readonly theme: Theme;
  readonly geometry: PageGeometry;
  readonly content: Box;
  /** "Page 3 of 12" / "Page ii": already worded. */
  readonly pageText: string;
  /** Left footer text; default: the subtitle. In packs: the briefing's own page count. */
  readonly footerLeft?: string;
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
 * header, "Page X of Y" in the footer.
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
  items.push(...text(marking, centre - mW / 2, top, 'bold', mSize, t.palette.marking));
  items.push(...text(marking, centre - mW / 2, bottom, 'bold', mSize, t.palette.marking));
  if (f.blank) {
    const w = textWidth(f.blankText, 'italic', 10);
    items.push(...text(f.blankText, centre - w / 2, g.trimOffset + g.height / 2, 'italic', 10, t.palette.muted));
  }
  if (f.cover) return items;
  const s = t.smallSize;
  const headY = c.y - 16;
  const title = f.meta.title;
  const date = f.meta.dateText;
  const dateW = textWidth(date, 'regular', s);
  let shown = title;
  const maxTitle = c.width - dateW - 24;
  while (shown.length > 1 && textWidth(shown, 'regular', s) > maxTitle) shown = shown.slice(0, -2) + '…';
  items.push(...text(shown, c.x, headY, 'regular', s, t.palette.muted));
  items.push(...text(date, c.x + c.width - dateW, headY, 'regular', s, t.palette.muted));
  items.push({ kind: 'line', x1: c.x, y1: headY + 5, x2: c.x + c.width, y2: headY + 5, color: t.palette.rule, lineWidth: 0.5, tag: 'artifact' });
  const footY = c.y + c.height + 26;
  items.push({ kind: 'line', x1: c.x, y1: footY - 11, x2: c.x + c.width, y2: footY - 11, color: t.palette.rule, lineWidth: 0.5, tag: 'artifact' });
  const pw = textWidth(f.pageText, 'regular', s);
  items.push(...text(f.pageText, c.x + c.width - pw, footY, 'regular', s, t.palette.muted));
  const left = f.footerLeft ?? f.meta.subtitle;
  if (left) {
    let sub = left;
    while (sub.length > 1 && textWidth(sub, 'regular', s) > c.width - pw - 24) sub = sub.slice(0, -2) + '…';
    items.push(...text(sub, c.x, footY, 'regular', s, t.palette.muted));
  }
  return items;
}

/** Lower-case roman numerals for front-matter page labels. */
export function roman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  let v = n;
  for (const [k, s] of table) while (v >= k) { out += s; v -= k; }
  return out;
}
