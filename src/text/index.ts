export { breakLines } from './lines.js';
export type { Span, Fragment, Line, BreakOptions } from './lines.js';
export { textWidth, splitRuns, runWidth, ascent, capHeight, TEXT_FEATURES, NUMBER_FEATURES } from './measure.js';
export type { Run } from './measure.js';
export { FONT_IDS, fontPath, fontBytes, getFont, mainFont, fallbackFont } from './fonts.js';
export type { FontId } from './fonts.js';
export { fontsHash, recordFontsHash } from './fonts-hash.js';
