import type { ChartAsset } from '../charts/index.js';
import type { DocMeta, Inline } from '../doc/index.js';
import type { Theme } from '../theme/index.js';
import type { Atom } from './atom.js';
import type { LayoutContext } from './context.js';
import type { PageSlot } from './paginate.js';
import type { FootnoteBlock } from './notes.js';
import { endnoteAtoms } from './notes.js';
import { textAtoms } from './paragraph.js';
import type { StructBuilder } from './struct.js';

/** Space above the first footnote of a page, for its separator rule (pt). */
export const NOTE_SEPARATOR = 10;

/** The fixed facts block layout reads, for one document or one part of a pack. */
export function layoutContext(
  input: { readonly theme: Theme; readonly tree: { readonly meta: DocMeta }; readonly charts: ReadonlyMap<string, ChartAsset>; readonly messages?: Readonly<Record<string, string>> },
  pageHeight: number, width: number, struct: StructBuilder, pageRefs: ReadonlyMap<string, string>,
): LayoutContext {
  const meta = input.tree.meta;
  return {
    theme: input.theme, meta, lang: meta.language, width, pageHeight, charts: input.charts, struct, pageRefs,
    deferred: [], counters: { figure: 0, table: 0 }, headings: [], messages: input.messages ?? {},
  };
}

/** Builds the deferred blocks (tables of contents) now that `headings` are known, in place. */
export function spliceDeferred(atoms: Atom[], ctx: LayoutContext, headings: LayoutContext['headings']): void {
  for (const d of ctx.deferred) {
    const at = atoms.indexOf(d.marker as Atom);
    if (at >= 0) atoms.splice(at, 1, ...(d.build(headings) as Atom[]));
  }
}

/** Records the printed page label of each heading in `slots` (the first page it is on). */
export function recordPageRefs(slots: readonly PageSlot[], pageRefs: Map<string, string>, label: (slot: number) => string): void {
  slots.forEach((slot, i) => {
    for (const p of slot.placed) if (p.atom.anchor && !pageRefs.has(p.atom.anchor.id)) pageRefs.set(p.atom.anchor.id, label(i));
  });
}

/** A footnote over 40 % of the page's height is set as an endnote instead. */
export function isTooTall(note: FootnoteBlock, pageHeight: number): boolean {
  return note.height > pageHeight * 0.4;
}

/** An endnote waiting for the "Notes" section: its number, text and the context it was written in. */
export interface PendingEndnote {
  readonly n: number;
  readonly content: readonly Inline[];
  readonly ctx: LayoutContext;
}

/** The "Notes" section that carries the endnotes, under structure element `sect`. */
export function endnotesSection(notes: readonly PendingEndnote[], sect: number, ctx: LayoutContext, breakBefore = false): Atom[] {
  const t = ctx.theme;
  const atoms = textAtoms([{ kind: 'text', text: ctx.messages['notes'] ?? 'Notes', style: {} }], {
    style: { face: 'bold', size: t.headingSizes[2], color: t.palette.primary }, leading: t.headingSizes[2] * 1.3, spaceBefore: 14,
    tag: ctx.struct.add('H3', sect), keepTogether: true, keepWithNext: true, justify: false,
  }, ctx);
  if (breakBefore && atoms[0]) atoms[0] = { ...atoms[0], breakBefore: true };
  for (const e of notes) atoms.push(...endnoteAtoms(e.content, e.n, ctx.struct.add('Note', sect), e.ctx));
  return atoms;
}
