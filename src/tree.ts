/** The document tree stage on its own, kept at its old path; it lives in src/build/tree.ts. */
export { briefingTree, metaOf, templateLocator } from './build/index.js';
export type { BuildInput, BuildOptions, TreeResult } from './build/index.js';
