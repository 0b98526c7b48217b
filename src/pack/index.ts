export { buildPack } from './build.js';
export type { PackResult, PackBriefing, PackOptions } from './build.js';
export { loadManifest } from './manifest.js';
export type { ManifestResult } from './manifest.js';
export type { PackManifest } from './types.js';
