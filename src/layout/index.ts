import type { ChartAsset } from '../charts/types.js';
import type { DocTree } from '../doc/types.js';
import type { Theme } from '../theme/types.js';
import type { Atom, DrawContext } from './atom.js';
import { blocksToAtoms } from './blocks.js';
import type { LayoutContext } from './context.js';
import { furniture, roman } from './furniture.js';
import { columnWidth, contentBox, pageGeometry } from './geometry.js';
import type { GeometryOptions } from './geometry.js';
import { endnoteAtoms, footnoteBlock } from './notes.js';
import { textAtoms } from './paragraph.js';
import { paginate } from './paginate.js';
import type { PageSlot } from './paginate.js';
import { StructBuilder } from './struct.js';
import type { OutlineEntry, Page, PageItem, PagedDocument, PageLabelRange } from './types.js';

export interface LayoutInput extends GeometryOptions {
  /** The document; for a pack, its front matter (cover, contents). */
  readonly tree: DocTree;
  readonly theme: Theme;
  readonly charts: ReadonlyMap<string, ChartAsset>;
  /** Message catalog of the document's language (running texts, "continued"...). */
  readonly messages?: Readonly<Record<string, string>>;
  /** A pack's briefings, each starting on a right-hand page with its own running texts. */
  readonly parts?: readonly LayoutPart[];
  /** Marking for every page, overriding the trees' own (a pack's highest classification). */
  readonly marking?: string;
}

/** One briefing inside a pack. */
export interface LayoutPart {
  readonly tree: DocTree;
  readonly messages: Readonly<Record<string, string>>;
}

/**
 * Lays out the document tree on pages, in one pass: the table of contents is built after all
 * other blocks and reads its page numbers when drawn, after pagination.
 */
export function layoutDocument(input: LayoutInput): PagedDocument {
  return layoutPass(input, pageGeometry(input));
}

function layoutPass(input: LayoutInput, geometry: ReturnType<typeof pageGeometry>): PagedDocument {
  const pageRefs = new Map<string, string>();
  const t = input.theme;
  const struct = new StructBuilder();
  const docTag = struct.add('Document', -1);
  const first = contentBox(geometry, t.margins, 0);
  const ctx: LayoutContext = {
    theme: t, meta: input.tree.meta, lang: input.tree.meta.language, width: columnWidth(geometry, t), pageHeight: first.height,
    charts: input.charts, struct, pageRefs, deferred: [], counters: { figure: 0, table: 0 }, headings: [], messages: input.messages ?? {},
  };
  const atoms: Atom[] = blocksToAtoms(input.tree.blocks, docTag, ctx);
  const notes = input.tree.notes.map((n, i) => footnoteBlock(n.content, i + 1, struct.add('Note', docTag), ctx));
  const allNotes = [...input.tree.notes];
  const parts = input.parts ?? [];
  const partCtx: LayoutContext[] = [];
  parts.forEach((part, p) => {
    const sect = struct.add('Sect', docTag, { lang: part.tree.meta.language === 'fr' ? 'fr-CA' : 'en-CA' });
    const pc: LayoutContext = { ...ctx, meta: part.tree.meta, lang: part.tree.meta.language, messages: part.messages, counters: { figure: 0, table: 0 } };
    partCtx.push(pc);
    const partAtoms = blocksToAtoms(part.tree.blocks, sect, pc);
    const first = partAtoms[0];
    if (first) partAtoms[0] = { ...first, recto: true, breakBefore: true, startsPart: p };
    atoms.push(...partAtoms);
    // Footnote numbers continue across the pack (the pack transform renumbered them).
    allNotes.push(...part.tree.notes);
    for (const n of part.tree.notes) notes.push(footnoteBlock(n.content, notes.length + 1, struct.add('Note', sect), pc));
  });
  // Contents last, once every heading is known.
  for (const d of ctx.deferred) {
    const at = atoms.indexOf(d.marker as Atom);
    if (at >= 0) atoms.splice(at, 1, ...(d.build(ctx.headings) as Atom[]));
  }
  // Notes too tall for a page foot become endnotes at the end of the document.
  const tooTall = new Set<number>();
  notes.forEach((note, i) => { if (note.height > first.height * 0.4) tooTall.add(i + 1); });
  if (tooTall.size > 0) {
    const sect = struct.add('Sect', docTag);
    atoms.push(...textAtoms([{ kind: 'text', text: input.messages?.['notes'] ?? 'Notes', style: {} }], {
      style: { face: 'bold', size: t.headingSizes[2], color: t.palette.primary }, leading: t.headingSizes[2] * 1.3, spaceBefore: 14,
      tag: struct.add('H3', sect), keepTogether: true, keepWithNext: true, justify: false,
    }, ctx));
    for (const n of tooTall) atoms.push(...endnoteAtoms(allNotes[n - 1]?.content ?? [], n, struct.add('Note', sect), ctx));
  }
  const slots = paginate({
    atoms, height: first.height, duplex: geometry.duplex, noteSeparator: 10,
    noteHeight: (n) => (tooTall.has(n) ? 0 : notes[n - 1]?.height ?? 0),
  });
  const hasCover = input.tree.blocks.some((b) => b.kind === 'cover');
  const labels = pageLabels(slots);
  const bodyCount = slots.filter((s) => !s.front).length;
  const partOf = pageParts(slots);
  const partPages = new Map<number, number[]>();
  partOf.forEach((p, i) => { if (p >= 0) partPages.set(p, [...(partPages.get(p) ?? []), i]); });
  // Every heading's page is known from pagination, before any page is drawn.
  slots.forEach((slot, index) => {
    for (const p of slot.placed) if (p.atom.anchor && !pageRefs.has(p.atom.anchor.id)) pageRefs.set(p.atom.anchor.id, labelText(labels, index));
  });
  const anchors = new Map<string, number>();
  const pages: Page[] = slots.map((slot, index) => {
    const box = contentBox(geometry, t.margins, index);
    const items: PageItem[] = [];
    const pageAnchors: { id: string; y: number }[] = [];
    const dc: DrawContext = {
      page: index, items,
      anchor: (id, y) => { pageAnchors.push({ id, y }); if (!anchors.has(id)) anchors.set(id, index); },
      figure: (id, b) => struct.setBox(id, { ...b, page: index }),
    };
    for (const p of slot.placed) p.atom.draw(box.x, box.y + p.y, dc);
    const foot = slot.notes.filter((n) => !tooTall.has(n));
    let ny = box.y + box.height - foot.reduce((s, n) => s + (notes[n - 1]?.height ?? 0), 0);
    if (foot.length) {
      items.push({ kind: 'line', x1: box.x, y1: ny - 5, x2: box.x + 72, y2: ny - 5, color: t.palette.rule, lineWidth: 0.6, tag: 'artifact' });
    }
    for (const n of foot) {
      const note = notes[n - 1];
      if (!note) continue;
      note.draw(box.x, ny, dc);
      ny += note.height;
    }
    const label = labelText(labels, index);
    const isCover = hasCover && index === 0;
    const p = partOf[index] ?? -1;
    const part = p >= 0 ? parts[p] : undefined;
    const msgs = part?.messages ?? input.messages ?? {};
    const meta = part?.tree.meta ?? input.tree.meta;
    const pageText = slot.front
      ? (msgs['pageFront'] ?? 'Page {n}').replace('{n}', label)
      : (msgs['pageOf'] ?? 'Page {n} of {total}').replace('{n}', label).replace('{total}', String(bodyCount));
    const own = partPages.get(p) ?? [];
    const partText = part ? (msgs['partPageOf'] ?? '{title}, page {n} of {total}').replace('{title}', meta.title).replace('{n}', String(own.indexOf(index) + 1)).replace('{total}', String(own.length)) : undefined;
    items.push(...furniture({
      meta: input.marking ? { ...meta, classification: input.marking } : meta, theme: t, geometry, content: box, pageText,
      ...(partText ? { footerLeft: partText } : {}),
      cover: isCover, blank: slot.blank, blankText: msgs['blankPage'] ?? 'This page intentionally left blank',
    }));
    return { index, items, content: box, anchors: pageAnchors };
  });
  return { pages, outline: outline(ctx.headings, anchors), structure: struct.build(), pageLabels: labels, geometry, charts: input.charts };
}

/** The part (briefing) each page belongs to; -1 for the front matter before the first part. */
function pageParts(slots: readonly PageSlot[]): number[] {
  let cur = -1;
  return slots.map((s) => {
    for (const p of s.placed) if (p.atom.startsPart !== undefined) { cur = p.atom.startsPart; break; }
    return cur;
  });
}

function pageLabels(slots: readonly PageSlot[]): PageLabelRange[] {
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

function outline(headings: readonly { id: string; level: number; title: string }[], anchors: ReadonlyMap<string, number>): OutlineEntry[] {
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
