export { parseMarkup } from './parse.js';
export type { ParseInput, ParseOutput } from './parse.js';
export { plainText } from './inline.js';
export type * from './types.js';
export { createContext } from './context.js';
export type { ParseContext } from './context.js';
export { inlines } from './inline.js';
