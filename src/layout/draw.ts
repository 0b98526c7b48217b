import type { DrawContext } from './atom.js';
import type { FootnoteBlock } from './notes.js';
import type { PageSlot } from './paginate.js';
import type { StructBuilder } from './struct.js';
import type { Theme } from '../theme/index.js';
import type { Box, Page, PageItem } from './types.js';

/** What drawing one paginated page needs. */
export interface DrawSlotInput {
  readonly slot: PageSlot;
  /** The page's index, recorded in `Page.index` and in figure boxes. */
  readonly index: number;
  /** The page's content box (pt). */
  readonly box: Box;
  readonly theme: Theme;
  readonly struct: StructBuilder;
  /** Footnote `n` as set at a page foot. */
  readonly note: (n: number) => FootnoteBlock | undefined;
  /** Footnotes set as endnotes instead (too tall for a page foot). */
  readonly isEndnote: (n: number) => boolean;
  /** Heading anchor -> index of the page it is first drawn on; this page's anchors are added. */
  readonly anchorPages?: Map<string, number>;
}

/**
 * Draws a paginated page's atoms and its footnotes (under a short rule) into page items.
 * Running headers and footers are not included: they depend on the whole document.
 */
export function drawSlot(input: DrawSlotInput): Page {
  const { slot, index, box, theme: t } = input;
  const items: PageItem[] = [];
  const anchors: { id: string; y: number }[] = [];
  const dc: DrawContext = {
    page: index, items,
    anchor: (id, y) => {
      anchors.push({ id, y });
      if (input.anchorPages && !input.anchorPages.has(id)) input.anchorPages.set(id, index);
    },
    figure: (id, b) => input.struct.setBox(id, { ...b, page: index }),
  };
  for (const p of slot.placed) p.atom.draw(box.x, box.y + p.y, dc);
  const foot = slot.notes.filter((n) => !input.isEndnote(n));
  let ny = box.y + box.height - foot.reduce((s, n) => s + (input.note(n)?.height ?? 0), 0);
  if (foot.length) {
    items.push({ kind: 'line', x1: box.x, y1: ny - 5, x2: box.x + 72, y2: ny - 5, color: t.palette.rule, lineWidth: 0.6, tag: 'artifact' });
  }
  for (const n of foot) {
    const note = input.note(n);
    if (!note) continue;
    note.draw(box.x, ny, dc);
    ny += note.height;
  }
  return { index, items, content: box, anchors };
}
