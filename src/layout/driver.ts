import type { ChartAsset } from '../charts/index.js';
import { assertNever } from '../diag/index.js';
import type { DocTree } from '../doc/index.js';
import type { Theme } from '../theme/index.js';
import { localeOf } from '../util/index.js';
import type { Atom } from './atom.js';
import { blocksToAtoms } from './blocks.js';
import { resolveRefs } from './xref.js';
import type { LayoutContext } from './context.js';
import { drawSlot } from './draw.js';
import { outline, runningTexts } from './finish.js';
import type { PageOwner, PageRecord } from './finish.js';
import { roman } from './furniture.js';
import { columnWidth, contentBox, pageGeometry } from './geometry.js';
import type { GeometryOptions } from './geometry.js';
import { footnoteBlock } from './notes.js';
import type { FootnoteBlock } from './notes.js';
import { paginate } from './paginate.js';
import { endnotesSection, isTooTall, layoutContext, NOTE_SEPARATOR, recordPageRefs, spliceDeferred } from './shared.js';
import type { PendingEndnote } from './shared.js';
import { StructBuilder } from './struct.js';
import { printedMeta } from './typeset.js';
import type { OutlineEntry, Page, PageGeometry, PageItem, PageLabelRange, StructNode } from './types.js';

/** The layout's page size and theme, and the language of its own texts (a pack's front matter and endnotes). */
export interface LayoutOptions extends GeometryOptions {
  readonly theme: Theme;
  /** Message catalog for the pages no briefing owns: front matter, endnotes. */
  readonly messages: Readonly<Record<string, string>>;
}

/**
 * One run of pages from one document tree. The kinds differ only in policy, never in how
 * pages are made:
 * - `document`: a briefing on its own. Its cover and contents are in its flow (front matter
 *   until the contents end), its footnotes are numbered from 1, footnotes too tall for a page
 *   foot become a "Notes" section at its end, and its structure root is `Document`.
 * - `part`: a briefing inside a pack. It starts on a right-hand page in duplex (a blank page
 *   before it belongs to the previous part), its footnote numbers continue the pack's, its
 *   too-tall footnotes join the pack's endnotes, its structure root is a `Sect` in its own
 *   language, and its footer gives its own page count beside the pack's.
 */
export interface LayoutRun {
  readonly kind: 'document' | 'part';
  readonly tree: DocTree;
  readonly charts: ReadonlyMap<string, ChartAsset>;
  /** Message catalog of the tree's language (running texts, "continued"...). */
  readonly messages: Readonly<Record<string, string>>;
}

/**
 * A stretch of pages (one run, the endnotes or the front matter), final except for the running
 * header and footer, which come with `finish`. `Page.index` counts within its sequence: the
 * body (runs and endnotes, from 0) or the front matter laid out by `finish`.
 */
export interface PagedSection {
  readonly pages: readonly Page[];
  /** Structure elements of this stretch; node 0 is its root (`Document` or `Sect`), whose parent is -1. */
  readonly structure: readonly StructNode[];
  readonly charts: ReadonlyMap<string, ChartAsset>;
}

/** What `finish` is given: what depends on every run. */
export interface LayoutEnd {
  /** Front matter laid out last and printed first (a pack's cover and master contents). */
  readonly front?: DocTree;
  /** Marking on every page instead of each owner's own (a pack's highest classification). */
  readonly marking?: string;
}

/** What is known once every run is laid out. */
export interface LayoutTail {
  /** The "Notes" section (footnotes of parts too tall for a page foot), after the last run. */
  readonly endnotes?: PagedSection;
  /** The front matter given to `finish`, with real page numbers; printed first (no pages without one). */
  readonly front: PagedSection;
  /** Running header and footer of every page in print order: front matter, then body. */
  readonly furniture: readonly (readonly PageItem[])[];
  /** Bookmarks; `page` is the print-order index. */
  readonly outline: readonly OutlineEntry[];
  readonly pageLabels: readonly PageLabelRange[];
  readonly frontPages: number;
  readonly bodyPages: number;
}

/** The layout driver: runs in order, then `finish`. Only one run's atoms and pages exist at a time. */
export interface LayoutDriver {
  readonly geometry: PageGeometry;
  /** Paginates and draws one tree after the previous runs. */
  run(r: LayoutRun): PagedSection;
  /** After the last run: endnotes, front matter, every page's running texts, bookmarks and page labels. */
  finish(end?: LayoutEnd): LayoutTail;
}

type Heading = LayoutContext['headings'][number];
type Sequence = 'front' | 'body';

/** What placing atoms on pages needs besides the atoms. */
interface Placing {
  readonly struct: StructBuilder;
  readonly charts: ReadonlyMap<string, ChartAsset>;
  readonly owner: number;
  readonly sequence: Sequence;
  readonly notes: ReadonlyMap<number, FootnoteBlock>;
  readonly tooTall: ReadonlySet<number>;
  /** Start on a right-hand page in duplex. */
  readonly recto: boolean;
  /** The run's first page is a cover. */
  readonly cover: boolean;
}

/**
 * The one layout driver, for a briefing alone (one `document` run) and for a pack (a `part`
 * run per briefing, then `finish` with the pack's front matter): the same code paginates,
 * records page references, draws pages and footnotes, and at the end words every page's
 * running header and footer, page labels and bookmarks (`runningTexts`). A change to page
 * furniture is made once and shows in both.
 */
export function createLayout(input: LayoutOptions): LayoutDriver {
  const geometry = pageGeometry(input);
  const t = input.theme;
  const height = contentBox(geometry, t.margins, 0).height;
  const width = columnWidth(geometry, t);
  const pageRefs = new Map<string, string>();
  const owners: PageOwner[] = [];
  const pages: Record<Sequence, PageRecord[]> = { front: [], body: [] };
  const counts: Record<Sequence, { front: number; body: number }> = { front: { front: 0, body: 0 }, body: { front: 0, body: 0 } };
  const headings: Record<Sequence, Heading[]> = { front: [], body: [] };
  /** Heading anchor -> index of the page it is first drawn on, within its sequence. */
  const anchors: Record<Sequence, Map<string, number>> = { front: new Map(), body: new Map() };
  const endnotes: PendingEndnote[] = [];
  let noteCount = 0;

  const blankPage = (index: number): Page => ({ index, items: [], content: contentBox(geometry, t.margins, index), anchors: [] });

  const place = (atoms: Atom[], p: Placing): PagedSection => {
    const list = pages[p.sequence];
    const out: Page[] = [];
    const last = list[list.length - 1];
    if (p.recto && geometry.duplex && list.length % 2 === 1 && last) {
      // The page before a right-hand start, left blank, belongs to the run before.
      list.push({ owner: last.owner, blank: true, front: false, cover: false });
      counts[p.sequence].body++;
      out.push(blankPage(list.length - 1));
    }
    const slots = paginate({
      atoms, height, duplex: geometry.duplex, noteSeparator: NOTE_SEPARATOR,
      noteHeight: (n) => (p.tooTall.has(n) ? 0 : p.notes.get(n)?.height ?? 0),
    });
    // Labels count front and body pages apart: roman in front matter, arabic after it.
    const c = counts[p.sequence];
    const front = slots.map((s) => p.sequence === 'front' || s.front);
    const labels = front.map((f) => (f ? roman(++c.front) : String(++c.body)));
    recordPageRefs(slots, pageRefs, (i) => labels[i] ?? '');
    slots.forEach((slot, i) => {
      const index = list.length;
      list.push({ owner: p.owner, blank: slot.blank, front: front[i] ?? false, cover: p.cover && i === 0 });
      out.push(drawSlot({
        slot, index, box: contentBox(geometry, t.margins, index), theme: t, struct: p.struct,
        note: (n) => p.notes.get(n), isEndnote: (n) => p.tooTall.has(n), anchorPages: anchors[p.sequence],
      }));
    });
    return { pages: out, structure: p.struct.build(), charts: p.charts };
  };

  const hasCover = (tree: DocTree): boolean => tree.blocks.some((b) => b.kind === 'cover');

  return {
    geometry,
    run(run) {
      // Titles in running texts, bookmarks and contents are typeset like the text they stand for.
      const r = { ...run, tree: { ...run.tree, meta: printedMeta(run.tree.meta) } };
      const struct = new StructBuilder();
      const document = r.kind === 'document';
      const root = document ? struct.add('Document', -1) : struct.add('Sect', -1, { lang: localeOf(r.tree.meta.language) });
      const ctx = layoutContext({ theme: t, tree: r.tree, charts: r.charts, messages: r.messages }, height, width, struct, pageRefs);
      const atoms = blocksToAtoms(resolveRefs(r.tree.blocks, ctx), root, ctx);
      const notes = new Map<number, FootnoteBlock>();
      const tooTall = new Set<number>();
      const tall: PendingEndnote[] = [];
      for (const note of r.tree.notes) {
        const n = ++noteCount;
        const block = footnoteBlock(note.content, n, struct.add('Note', root), ctx);
        notes.set(n, block);
        if (isTooTall(block, height)) {
          tooTall.add(n);
          tall.push({ n, content: note.content, ctx });
        }
      }
      // Contents last, once every heading is known.
      spliceDeferred(atoms, ctx, ctx.headings);
      switch (r.kind) {
        case 'document':
          // Notes too tall for a page foot become endnotes at the end of the document.
          if (tall.length > 0) atoms.push(...endnotesSection(tall, struct.add('Sect', root), ctx));
          break;
        case 'part':
          // ...and at the end of the pack, after the last part.
          endnotes.push(...tall);
          break;
        default:
          assertNever(r.kind, 'layout run');
      }
      headings.body.push(...ctx.headings);
      owners.push({ meta: r.tree.meta, messages: r.messages, ownCount: !document });
      return place(atoms, {
        struct, charts: r.charts, owner: owners.length - 1, sequence: 'body', notes, tooTall, recto: !document, cover: hasCover(r.tree),
      });
    },
    finish(end = {}) {
      const frontTree = end.front && { ...end.front, meta: printedMeta(end.front.meta) };
      let own: { index: number; ctx: (struct: StructBuilder) => LayoutContext } | undefined;
      // The pages no run owns (endnotes, front matter) are the front tree's, else the first run's.
      const owner = (): NonNullable<typeof own> => {
        if (own) return own;
        const meta = frontTree?.meta ?? (owners[0] as PageOwner).meta;
        owners.push({ meta, messages: input.messages, ownCount: false });
        const tree = { meta };
        own = { index: owners.length - 1, ctx: (struct) => layoutContext({ theme: t, tree, charts: new Map(), messages: input.messages }, height, width, struct, pageRefs) };
        return own;
      };
      const none = { notes: new Map<number, FootnoteBlock>(), tooTall: new Set<number>(), charts: new Map<string, ChartAsset>(), recto: false, cover: false };
      let endnoteSection: PagedSection | undefined;
      if (endnotes.length > 0) {
        const struct = new StructBuilder();
        const o = owner();
        endnoteSection = place(endnotesSection(endnotes.splice(0), struct.add('Sect', -1), o.ctx(struct)), { ...none, struct, owner: o.index, sequence: 'body' });
      }
      let front: PagedSection = { pages: [], structure: [], charts: new Map() };
      if (frontTree) {
        const struct = new StructBuilder();
        const o = owner();
        const ctx = o.ctx(struct);
        const atoms = blocksToAtoms(frontTree.blocks, struct.add('Sect', -1), ctx);
        spliceDeferred(atoms, ctx, [...ctx.headings, ...headings.body]);
        headings.front.push(...ctx.headings);
        const placed = place(atoms, { ...none, struct, owner: o.index, sequence: 'front', cover: hasCover(frontTree) });
        // Padded to an even count in duplex, so the body (laid out before) starts on the right.
        if (geometry.duplex && pages.front.length % 2 === 1) {
          pages.front.push({ owner: o.index, blank: true, front: true, cover: false });
          front = { ...placed, pages: [...placed.pages, blankPage(pages.front.length - 1)] };
        } else front = placed;
      }
      if (pages.body.some((p) => p.front) && pages.front.length > 0) throw new Error('internal: front matter both in a run and laid out last');
      const all = [...pages.front, ...pages.body];
      const frontPages = pages.front.length;
      const printAnchors = new Map<string, number>(anchors.front);
      for (const [id, i] of anchors.body) if (!printAnchors.has(id)) printAnchors.set(id, frontPages + i);
      const texts = runningTexts({ theme: t, geometry, owners, pages: all, ...(end.marking !== undefined ? { marking: end.marking } : {}) });
      return {
        ...(endnoteSection ? { endnotes: endnoteSection } : {}),
        front,
        furniture: texts.furniture,
        outline: outline([...headings.front, ...headings.body], printAnchors),
        pageLabels: texts.pageLabels,
        frontPages, bodyPages: pages.body.length,
      };
    },
  };
}
