export type { Theme, Palette, Margins, FontFace, Paper, ThemeFonts, ThemeLogo, ThemeScript } from './types.js';
export { defaultTheme, DEFAULT_GUTTER_MM, PT_PER_MM, withGutter } from './default.js';
export { BUILTIN_THEMES, printTheme } from './builtin.js';
export { resolveTheme } from './resolve.js';
export type { ThemeResult } from './resolve.js';
export { activeTheme, withTheme } from './scope.js';
export { bannerColour, contrast } from './marking.js';
