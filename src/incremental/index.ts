export { inputsHash, targetKind, dataFiles } from './inputs.js';
export type { TargetKind } from './inputs.js';
export { readManifest, updateManifest, MANIFEST_NAME } from './manifest.js';
export type { BuildManifest, OutputRecord } from './manifest.js';
export { outputState } from './status.js';
export type { OutputState } from './status.js';
export { sha256, fileHash, filesUnder } from '../util/index.js';
