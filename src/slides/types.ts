import type { SourceLoc } from '../diag/index.js';
import type { DocMeta, Inline, KeyFigure } from '../doc/index.js';

/** Slide kinds the `::::slide{kind="…"}` directive accepts, as written in the markup. */
export const SLIDE_KINDS = ['title', 'keyfigures', 'chart', 'bullets', 'sources'] as const;

/** One line of speaker notes: plain text, or a list item (shown with a bullet). */
export interface NoteLine {
  readonly text: string;
  readonly item: boolean;
}

/**
 * A part of a slide's speaker notes as written in the markup. `describe` stands for the
 * chart's generated description (alt text and legend notes), filled in once charts exist.
 */
export type NotePart =
  | { readonly kind: 'line'; readonly line: NoteLine }
  | { readonly kind: 'describe' };

/** A talking point: what the slide shows, and the full text when the slide shows less. */
export interface Point {
  readonly content: readonly Inline[];
  /** The full bullet when `content` is shortened (it goes to the speaker notes). */
  readonly full?: string;
}

/** Fields every slide has. */
interface SlideCommon {
  /** Title as inlines; the slide's bookmark and heading. Empty only on a broken slide. */
  readonly title: readonly Inline[];
  readonly notes: readonly NotePart[];
  /** Where the slide is in the generated markup (entry template file). */
  readonly loc: SourceLoc;
  /** Field path of the data the slide shows (e.g. `sections[0]`), from the `data` attribute. */
  readonly data?: string;
}

/**
 * The slide model, discriminated by `kind`. Built by {@link parseSlides} from slide markup;
 * layout turns it into pages (PDF) and the PPTX writer into slides.
 */
export type Slide =
  | (SlideCommon & { readonly kind: 'title'; readonly lines: readonly (readonly Inline[])[] })
  | (SlideCommon & { readonly kind: 'keyFigures'; readonly items: readonly KeyFigure[] })
  | (SlideCommon & {
      readonly kind: 'chart';
      /** Name of a chart declared in the data. */
      readonly chart: string;
      /** Lines under the chart: caption, source. */
      readonly captions: readonly (readonly Inline[])[];
    })
  | (SlideCommon & { readonly kind: 'bullets'; readonly intro?: readonly Inline[]; readonly points: readonly Point[] })
  | (SlideCommon & { readonly kind: 'sources'; readonly points: readonly Point[] });

/** A parsed deck: document facts and slides in order. */
export interface SlideDeck {
  readonly meta: DocMeta;
  readonly slides: readonly Slide[];
}

/** What to do when a slide's text does not fit: continue on a "(cont.)" slide, or fail. */
export type OverflowMode = 'continue' | 'error';
