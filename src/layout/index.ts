import type { ChartAsset } from '../charts/types.js';
import type { DocTree } from '../doc/types.js';
import type { Theme } from '../theme/types.js';
import type { Atom } from './atom.js';
import { blocksToAtoms } from './blocks.js';
import { drawSlot } from './draw.js';
import { furniture, roman } from './furniture.js';
import { columnWidth, contentBox, pageGeometry } from './geometry.js';
import type { GeometryOptions } from './geometry.js';
import { footnoteBlock } from './notes.js';
import { paginate } from './paginate.js';
import type { PageSlot } from './paginate.js';
import { BLANK_TEXT, endnotesSection, isTooTall, layoutContext, NOTE_SEPARATOR, pageText, recordPageRefs, spliceDeferred } from './shared.js';
import { StructBuilder } from './struct.js';
import type { OutlineEntry, Page, PagedDocument, PageLabelRange } from './types.js';

export interface LayoutInput extends GeometryOptions {
  readonly tree: DocTree;
  readonly theme: Theme;
  readonly charts: ReadonlyMap<string, ChartAsset>;
  /** Message catalog of the document's language (running texts, "continued"...). */
  readonly messages?: Readonly<Record<string, string>>;
}

/**
 * Lays out the document tree on pages, in one pass: the table of contents is built after all
 * other blocks and reads its page numbers when drawn, after pagination. (Packs are laid out
 * part by part instead: see `layoutPack`.)
 */
export function layoutDocument(input: LayoutInput): PagedDocument {
  const geometry = pageGeometry(input);
  const pageRefs = new Map<string, string>();
  const t = input.theme;
  const struct = new StructBuilder();
  const docTag = struct.add('Document', -1);
  const first = contentBox(geometry, t.margins, 0);
  const ctx = layoutContext(input, first.height, columnWidth(geometry, t), struct, pageRefs);
  const atoms: Atom[] = blocksToAtoms(input.tree.blocks, docTag, ctx);
  const notes = input.tree.notes.map((n, i) => footnoteBlock(n.content, i + 1, struct.add('Note', docTag), ctx));
  // Contents last, once every heading is known.
  spliceDeferred(atoms, ctx, ctx.headings);
  // Notes too tall for a page foot become endnotes at the end of the document.
  const tooTall = new Set<number>();
  notes.forEach((note, i) => { if (isTooTall(note, first.height)) tooTall.add(i + 1); });
  if (tooTall.size > 0) {
    atoms.push(...endnotesSection([...tooTall].map((n) => ({ n, content: input.tree.notes[n - 1]?.content ?? [], ctx })), struct.add('Sect', docTag), ctx));
  }
  const slots = paginate({
    atoms, height: first.height, duplex: geometry.duplex, noteSeparator: NOTE_SEPARATOR,
    noteHeight: (n) => (tooTall.has(n) ? 0 : notes[n - 1]?.height ?? 0),
  });
  const hasCover = input.tree.blocks.some((b) => b.kind === 'cover');
  const labels = pageLabels(slots);
  const bodyCount = slots.filter((s) => !s.front).length;
  // Every heading's page is known from pagination, before any page is drawn.
  recordPageRefs(slots, pageRefs, (i) => labelText(labels, i));
  const anchors = new Map<string, number>();
  const msgs = input.messages ?? {};
  const pages: Page[] = slots.map((slot, index) => {
    const page = drawSlot({
      slot, index, box: contentBox(geometry, t.margins, index), theme: t, struct,
      note: (n) => notes[n - 1], isEndnote: (n) => tooTall.has(n),
      anchorPages: anchors,
    });
    const furnitureItems = furniture({
      meta: input.tree.meta, theme: t, geometry, content: page.content, index,
      pageText: pageText(msgs, labelText(labels, index), slot.front ? undefined : bodyCount),
      cover: hasCover && index === 0, blank: slot.blank, blankText: msgs['blankPage'] ?? BLANK_TEXT,
    });
    return { ...page, items: [...page.items, ...furnitureItems] };
  });
  return { pages, outline: outline(ctx.headings, anchors), structure: struct.build(), pageLabels: labels, geometry, charts: input.charts };
}

/** Page label ranges: roman numerals for front matter pages, arabic from the first body page. */
export function pageLabels(slots: readonly Pick<PageSlot, 'front'>[]): PageLabelRange[] {
  const frontCount = slots.filter((s) => s.front).length;
  if (frontCount === 0) return [{ start: 0, style: 'arabic', first: 1 }];
  return [{ start: 0, style: 'roman', first: 1 }, ...(frontCount < slots.length ? [{ start: frontCount, style: 'arabic' as const, first: 1 }] : [])];
}

/** The printed label of a page: "ii" in front matter, "3" in the body. */
export function labelText(labels: readonly PageLabelRange[], index: number): string {
  let range = labels[0] as PageLabelRange;
  for (const r of labels) if (r.start <= index) range = r;
  const n = range.first + index - range.start;
  return (range.prefix ?? '') + (range.style === 'roman' ? roman(n) : String(n));
}

export function outline(headings: readonly { id: string; level: number; title: string }[], anchors: ReadonlyMap<string, number>): OutlineEntry[] {
  type Mutable = { title: string; dest: string; page: number; children: Mutable[]; level: number };
  const root: Mutable[] = [];
  const stack: Mutable[] = [];
  for (const h of headings) {
    const page = anchors.get(h.id);
    if (page === undefined) continue;
    const e: Mutable = { title: h.title, dest: h.id, page, children: [], level: h.level };
    while (stack.length && (stack[stack.length - 1] as Mutable).level >= h.level) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.children : root).push(e);
    stack.push(e);
  }
  const strip = (m: Mutable): OutlineEntry => ({ title: m.title, dest: m.dest, page: m.page, children: m.children.map(strip) });
  return root.map(strip);
}

export type { PagedDocument } from './types.js';
