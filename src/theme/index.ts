export type { Theme, Palette, Margins, FontFace, Paper } from './types.js';
export { defaultTheme } from './default.js';
