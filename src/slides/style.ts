import { PAPER } from '../layout/index.js';
import type { Theme } from '../theme/index.js';

/** A text style: size and line height (pt). */
export interface TextStyle {
  readonly size: number;
  readonly leading: number;
}

/**
 * Slide design tokens, in pt on the 720 x 405 pt (16:9) slide, y down. Sizes are large enough
 * to read projected: titles 26 pt, body 16 pt, nothing under 9 pt.
 */
export interface SlideStyle {
  readonly width: number;
  readonly height: number;
  /** Left and right margin of the content. */
  readonly marginX: number;
  /** Height of the brand bar along the top edge. */
  readonly barHeight: number;
  /** Baseline of the title's first line. */
  readonly titleBaseline: number;
  /** Title sizes tried in turn until the title fits on `titleMaxLines` lines. */
  readonly titleSizes: readonly number[];
  readonly titleMaxLines: number;
  /** Space from the title's last baseline to the top of the accent rule, and the rule's size. */
  readonly accentGap: number;
  readonly accent: { readonly width: number; readonly height: number; readonly color: string };
  /** Space between the accent rule and the content. */
  readonly contentGap: number;
  /** The content ends here (the footer zone lies below). */
  readonly contentBottom: number;
  readonly body: TextStyle;
  readonly sources: TextStyle;
  readonly caption: TextStyle;
  readonly intro: TextStyle;
  /** Space between two points of a list. */
  readonly pointGap: number;
  /** Bullet square size and the text indent after it. */
  readonly bulletSize: number;
  readonly bulletIndent: number;
  /** Longest line of list text: shorter lines read better than the full slide width. */
  readonly measure: number;
  /** Footer and marking text size, and their baselines. */
  readonly smallSize: number;
  readonly markingTop: number;
  readonly footerBaseline: number;
  /** Key-figure cards: value sizes and label sizes tried in turn, padding, gap, most per slide. */
  readonly figure: {
    readonly valueSizes: readonly number[];
    readonly labelSizes: readonly number[];
    readonly changeSize: number;
    readonly padding: number;
    readonly gap: number;
    readonly maxPerSlide: number;
    readonly maxHeight: number;
  };
  /** Title slide: the band behind the title, and its type sizes. */
  readonly cover: {
    readonly bandTop: number;
    readonly bandBottom: number;
    readonly titleSizes: readonly number[];
    readonly subtitle: TextStyle;
    /** Subtitle sizes tried in turn with each title size, when the band is short of room. */
    readonly subtitleSizes: readonly number[];
    readonly meta: TextStyle;
    readonly onBand: string;
    readonly onBandMuted: string;
  };
  /** Charts: text size inside the chart, and the smallest chart height worth showing. */
  readonly chartFontSize: number;
  readonly chartMinHeight: number;
  readonly colors: {
    readonly primary: string;
    readonly text: string;
    readonly muted: string;
    readonly panel: string;
    readonly marking: string;
    readonly positive: string;
    readonly negative: string;
  };
}

/** The slide style for a theme: its colours, with slide-sized type and spacing. */
export function slideStyle(theme: Theme): SlideStyle {
  const p = theme.palette;
  const { width, height } = PAPER.slide16x9;
  return {
    width,
    height,
    marginX: 44,
    barHeight: 6,
    titleBaseline: 64,
    titleSizes: [26, 23, 20],
    titleMaxLines: 2,
    accentGap: 12,
    accent: { width: 44, height: 3, color: p.series[1] ?? p.primary },
    contentGap: 20,
    contentBottom: height - 40,
    body: { size: 16, leading: 21 },
    sources: { size: 13, leading: 17 },
    caption: { size: 11, leading: 14 },
    intro: { size: 16, leading: 21 },
    pointGap: 11,
    bulletSize: 6,
    bulletIndent: 20,
    measure: 600,
    smallSize: 9,
    markingTop: 20,
    footerBaseline: height - 14,
    figure: { valueSizes: [32, 28, 24], labelSizes: [15, 13.5, 12], changeSize: 15, padding: 16, gap: 16, maxPerSlide: 6, maxHeight: 128 },
    cover: {
      bandTop: 44,
      bandBottom: 262,
      titleSizes: [36, 32, 28, 24, 22, 20],
      subtitle: { size: 19, leading: 24 },
      subtitleSizes: [19, 17, 15],
      meta: { size: 14, leading: 19 },
      onBand: '#ffffff',
      onBandMuted: '#d5e1ee',
    },
    chartFontSize: 12,
    chartMinHeight: 120,
    colors: {
      primary: p.primary,
      text: p.text,
      muted: p.muted,
      panel: p.panel,
      marking: p.marking,
      positive: p.positive,
      negative: p.negative,
    },
  };
}
