import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileHash } from '../util/index.js';
import type { BuildManifest } from './manifest.js';

export type OutputState = 'up-to-date' | 'missing' | 'stale' | 'modified';

/** Whether an output must be rebuilt: missing, built from other inputs, or changed since. */
export function outputState(outDir: string, name: string, inputs: string, manifest: BuildManifest): OutputState {
  const path = join(outDir, name);
  if (!existsSync(path)) return 'missing';
  const rec = manifest.outputs[name];
  if (!rec || rec.inputs !== inputs) return 'stale';
  if (fileHash(path) !== rec.output) return 'modified';
  return 'up-to-date';
}
