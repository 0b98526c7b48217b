import type { Box, StructRole } from '../layout/index.js';
import type { Line, Span } from '../text/index.js';
import type { NoteLine, Slide } from './types.js';

/**
 * A paragraph set for a slide: its spans (the PPTX writer re-flows these in an editable text
 * box) and the lines our own line breaker made of them (the PDF draws these).
 */
export interface TextPara {
  readonly spans: readonly Span[];
  readonly lines: readonly Line[];
  /** Font size of the paragraph's body text (pt). */
  readonly size: number;
  /** Line height (pt). */
  readonly leading: number;
  /** Offset of the paragraph's first line box from the frame's top (pt). */
  readonly top: number;
  /** Left indent of every line inside the frame (pt). */
  readonly indent: number;
  readonly align: 'left' | 'center' | 'right';
  /** A square bullet of this colour hangs left of the first line. */
  readonly bullet?: string;
  /** Structure role of the paragraph in the tagged PDF. */
  readonly role: StructRole;
}

/** A text box: paragraphs set inside a box (pt, slide coordinates, y down). */
export interface TextFrame {
  readonly kind: 'text';
  readonly box: Box;
  readonly paras: readonly TextPara[];
  /** `title` frames get the slide's bookmark; `list` frames are tagged L/LI; `furniture` are artifacts. */
  readonly use: 'title' | 'body' | 'list' | 'caption' | 'figure' | 'furniture';
  /** Set on the slide number, which the PPTX writes as a slide-number field. */
  readonly field?: 'slideNumber';
}

/** Everything placed on a slide, in drawing order. */
export type Frame =
  | TextFrame
  | { readonly kind: 'rect'; readonly box: Box; readonly fill: string; readonly furniture: boolean }
  | {
      readonly kind: 'chart';
      readonly box: Box;
      /** Key of the slide-sized chart asset in the paged document's chart map. */
      readonly key: string;
      /** Name of the chart in the data. */
      readonly name: string;
      readonly alt: string;
    };

/** One laid-out slide: its frames, its plain title (bookmark) and its speaker notes. */
export interface SlidePlan {
  /** 0-based slide index. */
  readonly index: number;
  readonly source: Slide;
  /** Title as shown, "(cont.)" included. */
  readonly title: string;
  /** Frames for the slide's own content (no furniture). */
  readonly frames: readonly Frame[];
  /** Brand bar, markings, footer: the same on every slide of a kind (PPTX puts them on the master). */
  readonly furniture: readonly Frame[];
  readonly notes: readonly NoteLine[];
  /** Part number (1-based) when a slide's content continues over several slides. */
  readonly part: number;
}
