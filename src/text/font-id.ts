/**
 * The names of the bundled font files, apart from the code that parses them: layout's public
 * types (`PagedDocument`) name fonts by id, and the published type declarations must not reach
 * fontkit's types (a dev-only package) through them.
 */

/** A concrete font file the renderer embeds: a face of the main family or of a fallback. */
export type FontId =
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
