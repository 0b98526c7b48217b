import type { ChartAsset } from '../charts/types.js';
import type { DocMeta } from '../doc/types.js';
import type { Theme } from '../theme/types.js';
import type { StructBuilder } from './struct.js';

/** What block layout needs to know, fixed for one document. */
export interface LayoutContext {
  readonly theme: Theme;
  readonly meta: DocMeta;
  readonly lang: 'en' | 'fr';
  /** Width of the text column (pt). */
  readonly width: number;
  /** Height of the printable area of a page (pt). */
  readonly pageHeight: number;
  readonly charts: ReadonlyMap<string, ChartAsset>;
  readonly struct: StructBuilder;
  /** Page number text of each heading id, from the previous layout pass (for the TOC). */
  readonly pageRefs: ReadonlyMap<string, string>;
  /** Headings found by the previous layout pass, for the table of contents. */
  readonly tocEntries: readonly { readonly id: string; readonly level: number; readonly title: string; readonly toc?: boolean }[];
  /** Running counters for "Figure n" and "Table n". */
  readonly counters: { figure: number; table: number };
  /** Headings collected for the TOC: id, level, text. */
  readonly headings: { id: string; level: number; title: string; toc?: boolean }[];
  readonly messages: Readonly<Record<string, string>>;
}
