/**
 * The names of the bundled font files, apart from the code that parses them: layout's public
 * types (`PagedDocument`) name fonts by id, and the published type declarations must not reach
 * fontkit's types (a dev-only package) through them.
 */

/** A font file shipped in assets/fonts/: a face of the main family or of a fallback. */
export type BundledFontId =
  | 'main-regular'
  | 'main-italic'
  | 'main-semibold'
  | 'main-bold'
  | 'kr-regular'
  | 'kr-bold'
  | 'arab-regular'
  | 'arab-bold'
  | 'hebr-regular'
  | 'hebr-bold'
  | 'thai-regular'
  | 'thai-bold'
  | 'deva-regular'
  | 'deva-bold'
  | 'han-regular'
  | 'symbol-regular'
  | 'emoji-regular';

/**
 * A font file of the user's (a theme's), named by a hash of its content: the same bytes are
 * the same font wherever they are read from, and an edited file is another font (never one
 * parsed, shaped or cached before the edit).
 */
export type UserFontId = `user-${string}`;

/** A concrete font file the renderer embeds: bundled, or the user's. */
export type FontId = BundledFontId | UserFontId;

/** Faces the layout asks for; the text stage maps them to bundled font files. */
export type FontFace = 'regular' | 'italic' | 'semibold' | 'bold' | 'boldItalic';
