import type { ChartAsset } from '../charts/index.js';
import type { DocTree } from '../doc/index.js';
import { createLayout } from './driver.js';
import type { LayoutOptions, LayoutTail, PagedSection } from './driver.js';
import { typesetDisplay } from './typeset.js';
import type { PageGeometry } from './types.js';

/** One briefing inside a pack. */
export interface PackPart {
  readonly tree: DocTree;
  readonly messages: Readonly<Record<string, string>>;
  readonly charts: ReadonlyMap<string, ChartAsset>;
}

/** A pack's page size and theme; `messages` is the catalog of the pack's language. */
export type PackLayoutInput = LayoutOptions;

/** What the end of a pack brings: the front matter and the marking, which depend on every part. */
export interface PackFront {
  /** The pack's own front matter: its cover and master contents. */
  readonly front: DocTree;
  /** Marking on every page: the pack's highest classification. */
  readonly marking: string;
}

export type { PagedSection };

/** What is known once every part is laid out (see `LayoutTail`). */
export type PackTail = LayoutTail;

/** Lays out a pack one part at a time: only one part's atoms and pages exist at once. */
export interface PackLayout {
  readonly geometry: PageGeometry;
  /** Lays out the next briefing (with a blank page before it when it must start on the right). */
  part(p: PackPart): PagedSection;
  /** After the last part: endnotes, front matter and every page's running texts. */
  finish(f: PackFront): PackTail;
}

/**
 * Packs are laid out part by part so that their size does not set the memory they need: a
 * part's pages are final as soon as it is paginated (each briefing starts a page, and on the
 * right in duplex, where the front matter is padded to an even count), and what depends on
 * the whole pack is built last: the contents (front matter, printed first but laid out last),
 * "Page X of Y" and the bookmarks. The pack's own display texts (cover, dividers), made from
 * data as written, are typeset like briefing text. It is the layout driver (`createLayout`) that a single
 * briefing goes through too, with a `part` run per briefing.
 */
export function layoutPack(input: PackLayoutInput): PackLayout {
  const driver = createLayout(input);
  return {
    geometry: driver.geometry,
    part: (p) => driver.run({ kind: 'part', ...p, tree: typesetDisplay(p.tree) }),
    finish: (f) => driver.finish({ front: typesetDisplay(f.front), marking: f.marking }),
  };
}
