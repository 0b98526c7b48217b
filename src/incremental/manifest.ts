import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import { UserError, diag } from '../diag/index.js';
import { writeFileAtomic } from '../util/index.js';

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
    if (m.version === 1 && m.outputs && typeof m.outputs === 'object' && !Array.isArray(m.outputs)) return m;
  } catch {
    // No manifest yet, or an unreadable one: everything counts as stale.
  }
  return { version: 1, outputs: {} };
}

export function writeManifest(outDir: string, m: BuildManifest): void {
  const sorted = Object.fromEntries(Object.entries(m.outputs).sort(([a], [b]) => a.localeCompare(b)));
  writeFileAtomic(join(outDir, MANIFEST_NAME), JSON.stringify({ version: 1, outputs: sorted }, null, 2) + '\n');
}

/**
 * How long a build waits for another build's hold on the manifest. A holder only reads, merges
 * and renames one small file (milliseconds), so seconds of waiting mean many builds at once;
 * a lock whose holder died is taken over once it is {@link STALE_MS} old.
 */
const LOCK_RETRIES = { retries: 60, minTimeout: 20, maxTimeout: 300, factor: 1.4, randomize: true } as const;
const STALE_MS = 10_000;

/**
 * Records `outputs` in the folder's build manifest, keeping every other entry: under a lock
 * (`.briefkit-manifest.json.lock`, a folder made atomically by proper-lockfile), the manifest
 * is read again, merged and written atomically (temporary file + rename). Builds into one
 * folder at the same time each keep what the others recorded; a reader (`check`) always sees
 * a whole manifest, the one before or the one after.
 */
export async function updateManifest(outDir: string, outputs: Readonly<Record<string, OutputRecord>>): Promise<void> {
  const file = join(outDir, MANIFEST_NAME);
  let release: () => Promise<void>;
  try {
    release = await lock(file, {
      realpath: false,
      stale: STALE_MS,
      retries: LOCK_RETRIES,
      // The work under the lock is synchronous and short, so the lock's refresh cannot fall
      // behind; should it be taken over all the same, the rename keeps the file whole.
      onCompromised: () => undefined,
    });
  } catch (e) {
    throw lockError(e, file);
  }
  try {
    const current = readManifest(outDir);
    writeManifest(outDir, { version: 1, outputs: { ...current.outputs, ...outputs } });
  } finally {
    await release().catch(() => undefined);
  }
}

function lockError(e: unknown, file: string): UserError {
  const code = (e as { code?: string }).code ?? '';
  const hint =
    code === 'ELOCKED'
      ? `another briefkit build holds ${file}.lock; wait for it, or remove the lock if no build is running`
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'the output folder is not writable: choose another with --out, or fix its permissions'
        : code === 'ENOSPC' || code === 'EDQUOT'
          ? 'the disk is full: free some space and build again'
          : 'check the output folder and try again';
  return new UserError([diag('output/write', `cannot update the build manifest ${file} (${code || String(e)})`, { hint })]);
}
