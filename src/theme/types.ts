/** Design tokens. All lengths are in PostScript points (pt, 1/72 in). */
import type { SafeImage } from '../image/index.js';
import type { FontFace, FontId } from '../text/index.js';

export type { FontFace } from '../text/index.js';

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
  /** Chart grid lines and the zero line; absent: a light blue-grey and the default muted. */
  readonly grid?: string;
  readonly zero?: string;
}

/** Scripts whose bundled font a theme may replace (the text stage's script fonts). */
export type ThemeScript = 'kr' | 'arab' | 'hebr' | 'thai' | 'deva';

/**
 * A theme's own fonts, registered by content (see `registerUserFont`): the font for each face
 * the layout asks for, and per script the font that replaces the bundled one.
 */
export interface ThemeFonts {
  readonly faces: Readonly<Record<FontFace, FontId>>;
  readonly scripts: Readonly<Partial<Record<ThemeScript, { readonly regular: FontId; readonly bold: FontId }>>>;
  /** Family name of the body font: the PPTX names it (pptxgenjs cannot embed fonts). */
  readonly bodyFamily: string;
}

/** A logo drawn on the cover and in the running header. */
export interface ThemeLogo {
  readonly image: SafeImage;
  /** Height on every page, cover included (pt). */
  readonly height: number;
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
  /** The user's fonts; absent: the bundled fonts. */
  readonly fonts?: ThemeFonts;
  readonly logo?: ThemeLogo;
  /**
   * Marking banner colours by level, keyed by every spelling of the level as a folded name
   * key (`SECRET`, `TRES SECRET`; see `nameKey`); a level not listed uses `palette.marking`.
   * Read with `bannerColour`.
   */
  readonly markingColours?: Readonly<Record<string, string>>;
}
