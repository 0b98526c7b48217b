/**
 * Pack manifests (`loadManifest`) and what turns a briefing's tree into a part of a pack
 * (`packPart`); the build session (src/build/pack.ts) binds the pack.
 */
export { loadManifest } from './manifest.js';
export type { ManifestResult } from './manifest.js';
export type { PackManifest } from './types.js';
export { packPart } from './transform.js';
