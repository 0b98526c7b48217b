import type { ChartAsset } from '../charts/types.js';
import type { DocMeta, DocTree } from '../doc/types.js';
import type { Theme } from '../theme/types.js';
import { localeOf } from '../util/format.js';
import type { Atom } from './atom.js';
import { blocksToAtoms } from './blocks.js';
import type { LayoutContext } from './context.js';
import { drawSlot } from './draw.js';
import { furniture, roman } from './furniture.js';
import { columnWidth, contentBox, pageGeometry } from './geometry.js';
import type { GeometryOptions } from './geometry.js';
import { outline } from './index.js';
import { footnoteBlock } from './notes.js';
import type { FootnoteBlock } from './notes.js';
import { paginate } from './paginate.js';
import { BLANK_TEXT, endnotesSection, isTooTall, layoutContext, NOTE_SEPARATOR, pageText, recordPageRefs, spliceDeferred } from './shared.js';
import type { PendingEndnote } from './shared.js';
import { StructBuilder } from './struct.js';
import type { OutlineEntry, Page, PageGeometry, PageItem, PageLabelRange, StructNode } from './types.js';

/** One briefing inside a pack. */
export interface PackPart {
  readonly tree: DocTree;
  readonly messages: Readonly<Record<string, string>>;
  readonly charts: ReadonlyMap<string, ChartAsset>;
}

export interface PackLayoutInput extends GeometryOptions {
  readonly theme: Theme;
  /** Message catalog of the pack's language. */
  readonly messages: Readonly<Record<string, string>>;
}

/** What the end of a pack brings: the front matter and the marking, which depend on every part. */
export interface PackFront {
  /** The pack's own front matter: its cover and master contents. */
  readonly front: DocTree;
  /** Marking on every page: the pack's highest classification. */
  readonly marking: string;
}

/**
 * A stretch of a pack's pages (one briefing, the endnotes or the front matter), final except
 * for the running header and footer, which come with the tail. `Page.index` counts within
 * the body (the briefings and endnotes, from 0) or within the front matter.
 */
export interface PagedSection {
  readonly pages: readonly Page[];
  /** Structure elements of this stretch; node 0 is its `Sect`, whose parent (-1) is the pack's `Document`. */
  readonly structure: readonly StructNode[];
  readonly charts: ReadonlyMap<string, ChartAsset>;
}

/** What is known once every part is laid out. */
export interface PackTail {
  /** The "Notes" section (footnotes too tall for a page foot), after the last briefing. */
  readonly endnotes?: PagedSection;
  /** Cover and contents, with real page numbers; printed first. */
  readonly front: PagedSection;
  /** Running header and footer of every page in print order: front matter, then body. */
  readonly furniture: readonly (readonly PageItem[])[];
  /** Bookmarks; `page` is the print-order index. */
  readonly outline: readonly OutlineEntry[];
  readonly pageLabels: readonly PageLabelRange[];
  readonly frontPages: number;
  readonly bodyPages: number;
}

/** Lays out a pack one part at a time: only one part's atoms and pages exist at once. */
export interface PackLayout {
  readonly geometry: PageGeometry;
  /** Lays out the next briefing (with a blank page before it when it must start on the right). */
  part(p: PackPart): PagedSection;
  /** After the last part: endnotes, front matter and every page's running texts. */
  finish(f: PackFront): PackTail;
}

type Heading = LayoutContext['headings'][number];

/** First body page and page count of each part (a part's pages are consecutive). */
function partSpans(records: readonly { part: number }[]): Map<number, { first: number; count: number }> {
  const spans = new Map<number, { first: number; count: number }>();
  records.forEach((r, j) => {
    const s = spans.get(r.part);
    if (s) s.count++;
    else spans.set(r.part, { first: j, count: 1 });
  });
  return spans;
}

/**
 * Packs are laid out part by part so that their size does not set the memory they need: a
 * part's pages are final as soon as it is paginated (each briefing starts a page, and on the
 * right in duplex, where the front matter is padded to an even count), and what depends on
 * the whole pack is built last: the contents (front matter, printed first but laid out last),
 * "Page X of Y" and the bookmarks.
 */
export function layoutPack(input: PackLayoutInput): PackLayout {
  const geometry = pageGeometry(input);
  const t = input.theme;
  const height = contentBox(geometry, t.margins, 0).height;
  const width = columnWidth(geometry, t);
  const pageRefs = new Map<string, string>();
  const headings: Heading[] = [];
  /** Body page index of each heading. */
  const anchorPage = new Map<string, number>();
  /** One per body page: the part it belongs to (-1: the endnotes), and whether it is blank. */
  const records: { part: number; blank: boolean }[] = [];
  const parts: { meta: DocMeta; messages: Readonly<Record<string, string>> }[] = [];
  const endnotes: PendingEndnote[] = [];
  let noteCount = 0;

  const section = (atoms: Atom[], struct: StructBuilder, charts: ReadonlyMap<string, ChartAsset>, part: number, notes: ReadonlyMap<number, FootnoteBlock>, tooTall: ReadonlySet<number>): PagedSection => {
    const pages: Page[] = [];
    if (geometry.duplex && records.length % 2 === 1 && part > 0) {
      // A briefing starts on a right-hand page: the page before it, left blank, belongs to the previous one.
      records.push({ part: part - 1, blank: true });
      pages.push({ index: records.length - 1, items: [], content: contentBox(geometry, t.margins, records.length - 1), anchors: [] });
    }
    const slots = paginate({
      atoms, height, duplex: geometry.duplex, noteSeparator: NOTE_SEPARATOR,
      noteHeight: (n) => (tooTall.has(n) ? 0 : notes.get(n)?.height ?? 0),
    });
    const start = records.length;
    recordPageRefs(slots, pageRefs, (i) => String(start + i + 1));
    for (const slot of slots) {
      const index = records.length;
      records.push({ part, blank: slot.blank });
      pages.push(drawSlot({
        slot, index, box: contentBox(geometry, t.margins, index), theme: t, struct,
        note: (n) => notes.get(n), isEndnote: (n) => tooTall.has(n),
        anchorPages: anchorPage,
      }));
    }
    return { pages, structure: struct.build(), charts };
  };

  return {
    geometry,
    part(p) {
      const struct = new StructBuilder();
      const sect = struct.add('Sect', -1, { lang: localeOf(p.tree.meta.language) });
      const ctx = layoutContext({ theme: t, tree: p.tree, charts: p.charts, messages: p.messages }, height, width, struct, pageRefs);
      const atoms = blocksToAtoms(p.tree.blocks, sect, ctx);
      spliceDeferred(atoms, ctx, ctx.headings);
      // Footnote numbers continue across the pack (the pack transform renumbered them).
      const notes = new Map<number, FootnoteBlock>();
      const tooTall = new Set<number>();
      for (const note of p.tree.notes) {
        const n = ++noteCount;
        const block = footnoteBlock(note.content, n, struct.add('Note', sect), ctx);
        notes.set(n, block);
        if (isTooTall(block, height)) {
          tooTall.add(n);
          endnotes.push({ n, content: note.content, ctx });
        }
      }
      headings.push(...ctx.headings);
      parts.push({ meta: p.tree.meta, messages: p.messages });
      return section(atoms, struct, p.charts, parts.length - 1, notes, tooTall);
    },
    finish(f) {
      const { front: frontTree, marking } = f;
      const frontCtx = (struct: StructBuilder): LayoutContext => layoutContext({ theme: t, tree: frontTree, charts: new Map(), messages: input.messages }, height, width, struct, pageRefs);
      let endnoteSection: PagedSection | undefined;
      if (endnotes.length > 0) {
        const struct = new StructBuilder();
        const ctx = frontCtx(struct);
        endnoteSection = section(endnotesSection(endnotes, struct.add('Sect', -1), ctx), struct, new Map(), -1, new Map(), new Set());
      }
      const front = frontMatter(frontTree, frontCtx(new StructBuilder()));
      const bodyPages = records.length;
      const frontPages = front.pages.length;
      const all = [...front.headings, ...headings];
      const spans = partSpans(records);
      const anchors = new Map<string, number>(front.anchors);
      for (const [id, i] of anchorPage) if (!anchors.has(id)) anchors.set(id, frontPages + i);
      return {
        ...(endnoteSection ? { endnotes: endnoteSection } : {}),
        front: { pages: front.pages, structure: front.structure, charts: new Map() },
        furniture: [
          ...front.pages.map((_p, i) => frontFurniture(frontTree, marking, i, front.blank[i] ?? false)),
          ...records.map((r, j) => bodyFurniture(r, j, frontTree.meta, marking, frontPages, spans)),
        ],
        outline: outline(all, anchors),
        pageLabels: [{ start: 0, style: 'roman', first: 1 }, ...(bodyPages > 0 ? [{ start: frontPages, style: 'arabic' as const, first: 1 }] : [])],
        frontPages, bodyPages,
      };
    },
  };

  /** Cover and contents, padded to an even page count in duplex so the body starts on the right. */
  function frontMatter(tree: DocTree, ctx: LayoutContext) {
    const struct = ctx.struct;
    const sect = struct.add('Sect', -1);
    const atoms = blocksToAtoms(tree.blocks, sect, ctx);
    spliceDeferred(atoms, ctx, [...ctx.headings, ...headings]);
    const slots = paginate({ atoms, height, duplex: geometry.duplex, noteSeparator: NOTE_SEPARATOR, noteHeight: () => 0 });
    recordPageRefs(slots, pageRefs, (i) => roman(i + 1));
    const anchors = new Map<string, number>();
    const pages: Page[] = slots.map((slot, index) => drawSlot({
      slot, index, box: contentBox(geometry, t.margins, index), theme: t, struct,
      note: () => undefined, isEndnote: () => false,
      anchorPages: anchors,
    }));
    const blank = slots.map((s) => s.blank);
    if (geometry.duplex && pages.length % 2 === 1) {
      pages.push({ index: pages.length, items: [], content: contentBox(geometry, t.margins, pages.length), anchors: [] });
      blank.push(true);
    }
    return { pages, blank, anchors, headings: ctx.headings, structure: struct.build() };
  }

  function frontFurniture(tree: DocTree, marking: string, i: number, blank: boolean): PageItem[] {
    return furniture({
      meta: { ...tree.meta, classification: marking }, theme: t, geometry, content: contentBox(geometry, t.margins, i), index: i,
      pageText: pageText(input.messages, roman(i + 1), undefined),
      cover: i === 0 && tree.blocks.some((b) => b.kind === 'cover'), blank, blankText: input.messages['blankPage'] ?? BLANK_TEXT,
    });
  }

  function bodyFurniture(
    r: { part: number; blank: boolean }, j: number, packMeta: DocMeta, marking: string, frontPages: number, spans: ReadonlyMap<number, { first: number; count: number }>,
  ): PageItem[] {
    const part = parts[r.part];
    const msgs = part?.messages ?? input.messages;
    const meta = part?.meta ?? packMeta;
    let partText: string | undefined;
    const own = spans.get(r.part);
    if (part && own) {
      const values: Record<string, string> = { title: meta.title, n: String(j - own.first + 1), total: String(own.count) };
      // One pass with a function: a title holding "{n}" or "$&" stays as written.
      partText = (msgs['partPageOf'] ?? '{title}, page {n} of {total}').replace(/\{(title|n|total)\}/g, (_m, k: string) => values[k] ?? '');
    }
    return furniture({
      meta: { ...meta, classification: marking }, theme: t, geometry, content: contentBox(geometry, t.margins, frontPages + j), index: frontPages + j,
      // Only the title gives way to a long footer: the briefing's own page count always shows.
      pageText: pageText(msgs, String(j + 1), records.length), ...(partText ? { footerLeft: partText, footerShrink: meta.title } : {}),
      cover: false, blank: r.blank, blankText: msgs['blankPage'] ?? BLANK_TEXT,
    });
  }
}
