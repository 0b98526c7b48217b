import type { FontFace } from '../theme/index.js';

/**
 * A chart drawn by chart.js, recorded as vector drawing operations in chart space:
 * origin top-left, y down, units pt. The renderer replays them into the PDF, so charts stay
 * vectors and their text stays real, searchable text in the document's fonts.
 */
export type DrawOp =
  | { readonly kind: 'path'; readonly segments: readonly PathSeg[]; readonly paint: Paint }
  | {
      readonly kind: 'text';
      readonly text: string;
      /** Left end of the baseline, after alignment was applied (pt). */
      readonly x: number;
      readonly y: number;
      readonly face: FontFace;
      readonly size: number;
      readonly color: string;
      readonly opacity: number;
      /** Rotation about (x, y) in radians, clockwise as on canvas. */
      readonly rotation: number;
    }
  | { readonly kind: 'clip'; readonly segments: readonly PathSeg[] }
  | { readonly kind: 'save' }
  | { readonly kind: 'restore' };

export type PathSeg =
  | { readonly op: 'M' | 'L'; readonly x: number; readonly y: number }
  | {
      readonly op: 'C';
      readonly x1: number;
      readonly y1: number;
      readonly x2: number;
      readonly y2: number;
      readonly x: number;
      readonly y: number;
    }
  | { readonly op: 'Z' };

export interface Paint {
  readonly fill?: string;
  /** Hatch pattern over the fill, for derived values and greyscale separation. */
  readonly hatch?: 'diagonal' | 'dots';
  readonly stroke?: string;
  /** Stroke width (pt). */
  readonly lineWidth?: number;
  readonly dash?: readonly number[];
  readonly opacity: number;
  readonly lineCap?: 'butt' | 'round' | 'square';
  readonly lineJoin?: 'miter' | 'round' | 'bevel';
}

/** One chart ready to place: its drawing, its size and what it means in words. */
export interface ChartAsset {
  readonly name: string;
  /** Content hash of spec, data, size and theme: equal hashes draw equal charts. */
  readonly hash: string;
  /** Size (pt) the drawing was recorded at. */
  readonly width: number;
  readonly height: number;
  readonly ops: readonly DrawOp[];
  /** Alt text generated from the data: what it shows, the values, the trend. */
  readonly alt: string;
  readonly title: string;
  readonly caption?: string;
  readonly source?: string;
  /** Notes printed under the chart (the chart's own, from the data). */
  readonly notes: readonly string[];
  /**
   * How derived values (hatched bars, open markers) were computed: for speaker notes and the
   * like. A document says it once in its text, so it is not printed under every chart.
   */
  readonly derivedNotes?: readonly string[];
  /** The data as a table (first row is the header), for `showTable` and accessibility. */
  readonly table: readonly (readonly string[])[];
  readonly showTable: boolean;
  /** Drawn at half the column width, to stand beside another half-width chart. */
  readonly half: boolean;
  /**
   * Which value labels the drawing printed: element indices per series (dense series are
   * thinned, colliding labels dropped). The PPTX keeps the same ones.
   */
  readonly labelled?: readonly (readonly number[])[];
}
