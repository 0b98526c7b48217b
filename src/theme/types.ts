/** Design tokens. All lengths are in PostScript points (pt, 1/72 in). */

/** Faces the layout asks for; the text stage maps them to bundled font files. */
export type FontFace = 'regular' | 'italic' | 'semibold' | 'bold' | 'boldItalic';

/** Paper sizes we lay out for. */
export type Paper = 'a4' | 'letter' | 'slide16x9';

export interface Margins {
  readonly top: number;
  readonly bottom: number;
  /**
   * Binding side, used only in duplex (single-sided pages have `outside` on both sides): the
   * outside margin plus a gutter for the binding, so facing pages mirror each other.
   */
  readonly inside: number;
  /** Outer side in duplex; both sides single-sided. */
  readonly outside: number;
}

export interface Palette {
  /** Headings, rules, the title bar. */
  readonly primary: string;
  readonly text: string;
  readonly muted: string;
  readonly rule: string;
  readonly panel: string;
  readonly marking: string;
  readonly positive: string;
  readonly negative: string;
  /** Chart series colours in order: colour-blind safe and distinct in greyscale. */
  readonly series: readonly string[];
}

export interface Theme {
  readonly name: string;
  readonly margins: Margins;
  readonly palette: Palette;
  /** Body text size and line height (pt). */
  readonly bodySize: number;
  readonly bodyLeading: number;
  /** Heading sizes by level 1..3 (pt). */
  readonly headingSizes: readonly [number, number, number];
  readonly smallSize: number;
  /** Space after a paragraph (pt). */
  readonly paraSpace: number;
  readonly justify: boolean;
  readonly hyphenate: boolean;
  /** Hanging indent of list items (pt). */
  readonly listIndent: number;
  /** Chart height as a fraction of its width. */
  readonly chartAspect: number;
  /** Chart text size (pt). */
  readonly chartFontSize: number;
}
