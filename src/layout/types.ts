import type { ChartAsset } from '../charts/index.js';
import type { FontId } from '../text/index.js';
import type { Paper } from '../theme/index.js';

/**
 * The layout stage's output: pages of items at fixed positions. Coordinates are pt from the
 * top-left corner of the page's media box, y down. The renderer draws exactly this and never
 * paginates; golden tests compare it as JSON.
 */
export interface PagedDocument {
  readonly pages: readonly Page[];
  /** Bookmarks mirroring the heading hierarchy. */
  readonly outline: readonly OutlineEntry[];
  /** Logical structure for the tagged PDF. Node ids index this array. */
  readonly structure: readonly StructNode[];
  /** Page label ranges (front matter roman, body arabic); page indices are 0-based. */
  readonly pageLabels: readonly PageLabelRange[];
  readonly geometry: PageGeometry;
  /** Chart drawings referenced by `chart` items, by name. */
  readonly charts: ReadonlyMap<string, ChartAsset>;
}

export interface PageGeometry {
  readonly paper: Paper;
  /** Trim size (pt). */
  readonly width: number;
  readonly height: number;
  /** Bleed added on every side of the trim box (pt); 0 when not printing with bleed. */
  readonly bleed: number;
  /** Offset of the trim box inside the media box (pt): bleed plus room for crop marks. */
  readonly trimOffset: number;
  readonly duplex: boolean;
}

export interface Page {
  /** 0-based physical index in the document. */
  readonly index: number;
  readonly items: readonly PageItem[];
  /** The printable area items must stay inside (pt, media-box coordinates). */
  readonly content: Box;
  /** Named destinations on this page (heading ids), with their y (pt). */
  readonly anchors: readonly { readonly id: string; readonly y: number }[];
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Reference from a drawn item to the structure element it belongs to; `artifact` for page furniture. */
export type Tag = number | 'artifact';

export type PageItem =
  | {
      readonly kind: 'text';
      /** Left end of the baseline (pt). */
      readonly x: number;
      readonly y: number;
      readonly text: string;
      readonly font: FontId;
      readonly size: number;
      readonly color: string;
      /** Extra space added to each space character (pt), for justified lines. */
      readonly wordSpacing: number;
      readonly features: readonly string[];
      readonly width: number;
      readonly tag: Tag;
      /** Text for the text layer (ActualText) when the glyphs drawn show another: mirrored brackets. */
      readonly actual?: string;
    }
  | {
      readonly kind: 'rect';
      readonly x: number;
      readonly y: number;
      readonly width: number;
      readonly height: number;
      readonly fill?: string;
      readonly stroke?: string;
      readonly lineWidth?: number;
      readonly tag: Tag;
    }
  | {
      readonly kind: 'line';
      readonly x1: number;
      readonly y1: number;
      readonly x2: number;
      readonly y2: number;
      readonly color: string;
      readonly lineWidth: number;
      readonly tag: Tag;
    }
  | { readonly kind: 'chart'; readonly name: string; readonly box: Box; readonly tag: Tag }
  /** A clickable area: an external URI or an internal jump to a named destination. */
  | { readonly kind: 'link'; readonly box: Box; readonly href?: string; readonly dest?: string; readonly tag: Tag };

/** Structure element roles we emit (PDF 1.7 standard structure types). */
export type StructRole =
  | 'Document' | 'Sect' | 'Div' | 'H1' | 'H2' | 'H3' | 'H4' | 'BlockQuote' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody'
  | 'Table' | 'THead' | 'TBody' | 'TR' | 'TH' | 'TD' | 'Figure' | 'Caption' | 'Note' | 'TOC' | 'TOCI' | 'Link' | 'Reference';

export interface StructNode {
  readonly id: number;
  readonly role: StructRole;
  /** Parent id, or -1 for children of the structure tree root. */
  readonly parent: number;
  /** Alternate description (Figure). */
  readonly alt?: string;
  /** Figure bounding box on its page (pt, media-box coordinates). */
  readonly bbox?: Box & { readonly page: number };
  /** Language of the element's content, when it differs from the document's (BCP 47). */
  readonly lang?: string;
  /** Header cell scope. */
  readonly scope?: 'Column' | 'Row';
}

export interface OutlineEntry {
  readonly title: string;
  /** Named destination (heading id). */
  readonly dest: string;
  readonly page: number;
  readonly children: readonly OutlineEntry[];
}

export interface PageLabelRange {
  /** First page index (0-based) the range applies to. */
  readonly start: number;
  readonly style: 'roman' | 'arabic';
  /** Number of the first page in the range. */
  readonly first: number;
  readonly prefix?: string;
}
