import type { ChartAsset } from '../charts/index.js';
import type { DocMeta } from '../doc/index.js';
import type { Theme } from '../theme/index.js';
import type { StructBuilder } from './struct.js';

/** What block layout needs to know, fixed for one document. */
export interface LayoutContext {
  readonly theme: Theme;
  readonly meta: DocMeta;
  readonly lang: string;
  /** Width of the text column (pt). */
  readonly width: number;
  /** Height of the printable area of a page (pt). */
  readonly pageHeight: number;
  readonly charts: ReadonlyMap<string, ChartAsset>;
  readonly struct: StructBuilder;
  /** Page label of each heading id; filled after pagination, read when pages are drawn. */
  readonly pageRefs: ReadonlyMap<string, string>;
  /** Tables of contents waiting for all headings: built last, spliced in at their marker. */
  readonly deferred: { readonly marker: object; readonly build: (headings: readonly { id: string; level: number; title: string; toc?: boolean }[]) => unknown[] }[];
  /** Running counters for "Figure n" and "Table n". */
  readonly counters: { figure: number; table: number };
  /** Headings collected for the TOC: id, level, text. */
  readonly headings: { id: string; level: number; title: string; toc?: boolean }[];
  readonly messages: Readonly<Record<string, string>>;
}
