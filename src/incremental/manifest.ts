import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/fs.js';

/** One output file and what it was built from. */
export interface OutputRecord {
  /** The data file (briefing or pack manifest) the output comes from. */
  readonly source: string;
  /** Hash of all inputs (see `inputsHash`). */
  readonly inputs: string;
  /** Hash of the output's bytes, to notice outputs edited or replaced by hand. */
  readonly output: string;
}

/** The build manifest in the output folder: every output with the hash of its inputs. */
export interface BuildManifest {
  readonly version: 1;
  readonly outputs: Readonly<Record<string, OutputRecord>>;
}

export const MANIFEST_NAME = '.briefkit-manifest.json';

export function readManifest(outDir: string): BuildManifest {
  try {
    const m = JSON.parse(readFileSync(join(outDir, MANIFEST_NAME), 'utf8')) as BuildManifest;
    if (m.version === 1 && m.outputs && typeof m.outputs === 'object') return m;
  } catch {
    // No manifest yet, or an unreadable one: everything counts as stale.
  }
  return { version: 1, outputs: {} };
}

export function writeManifest(outDir: string, m: BuildManifest): void {
  const sorted = Object.fromEntries(Object.entries(m.outputs).sort(([a], [b]) => a.localeCompare(b)));
  writeFileAtomic(join(outDir, MANIFEST_NAME), JSON.stringify({ version: 1, outputs: sorted }, null, 2) + '\n');
}
