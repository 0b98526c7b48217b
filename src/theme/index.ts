export type { Theme, Palette, Margins, FontFace, Paper } from './types.js';
export { defaultTheme, DEFAULT_GUTTER_MM, PT_PER_MM, withGutter } from './default.js';
