import type { ChartAsset } from '../charts/index.js';
import type { DocTree } from '../doc/index.js';
import type { Theme } from '../theme/index.js';
import { createLayout } from './driver.js';
import type { GeometryOptions } from './geometry.js';
import type { PagedDocument } from './types.js';

export interface LayoutInput extends GeometryOptions {
  readonly tree: DocTree;
  readonly theme: Theme;
  readonly charts: ReadonlyMap<string, ChartAsset>;
  /** Message catalog of the document's language (running texts, "continued"...). */
  readonly messages?: Readonly<Record<string, string>>;
}

/**
 * Lays out one briefing on pages: one `document` run of the layout driver (`createLayout`, the
 * same driver a pack goes through part by part), then its finish for running texts, bookmarks
 * and page labels. One pass: the table of contents is built after all other blocks and reads
 * its page numbers when drawn, after pagination.
 */
export function layoutDocument(input: LayoutInput): PagedDocument {
  const messages = input.messages ?? {};
  const driver = createLayout({ ...input, messages });
  const section = driver.run({ kind: 'document', tree: input.tree, charts: input.charts, messages });
  const tail = driver.finish();
  const pages = section.pages.map((page, i) => ({ ...page, items: [...page.items, ...(tail.furniture[i] ?? [])] }));
  return { pages, outline: tail.outline, structure: section.structure, pageLabels: tail.pageLabels, geometry: driver.geometry, charts: input.charts };
}

export type { LayoutDriver, LayoutEnd, LayoutOptions, LayoutRun, LayoutTail, PagedSection } from './driver.js';
export { labelText } from './finish.js';
export type { PagedDocument } from './types.js';
export type { DrawContext } from './atom.js';
export { PAPER, columnWidth, pageGeometry } from './geometry.js';
export { drawLine } from './lines.js';
export { layoutPack } from './pack.js';
export type { PackLayout, PackTail } from './pack.js';
export { toSpans } from './spans.js';
export { StructBuilder } from './struct.js';
export type { Box, OutlineEntry, Page, PageGeometry, PageItem, PageLabelRange, StructNode, StructRole, Tag } from './types.js';
