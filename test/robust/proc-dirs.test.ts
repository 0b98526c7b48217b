/**
 * Folders the tool makes for itself (the shaping store's cache folder, the send log's lock)
 * must not loop when they lie under /proc, where Node's recursive mkdir never returns: the
 * build finishes (a cache that cannot be written only costs the next cold start) and `send`
 * stops with a located error. Real CLI in a child process, killed at a time limit.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATA, removeTemps, tmp } from './helpers.js';

const HELPER = resolve('test/helpers/kill-build.ts');
const TSX = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;
const LIMIT_MS = 45_000;

function cli(args: readonly string[], env: Record<string, string>): { code: number | null; signal: string | null; err: string } {
  const r = spawnSync(process.execPath, ['--import', TSX, HELPER, ...args], {
    env: { ...process.env, ...env }, encoding: 'utf8', timeout: LIMIT_MS, killSignal: 'SIGKILL',
  });
  return { code: r.status, signal: r.signal, err: r.stderr };
}

afterAll(removeTemps);

describe('folders under /proc never hang a command', () => {
  it('a shaping-store folder under /proc: the build still writes its PDF and exits 0', () => {
    const out = tmp();
    const r = cli(['build', DEFAULT_DATA, '--out', out, '--force'], { BRIEFKIT_CACHE_DIR: '/proc/self/briefkit-cache' });
    expect(r.signal, 'killed at the time limit: a hang').toBeNull();
    expect(r.code, r.err).toBe(0);
    expect(existsSync(join(out, 'canada-korea-1995.pdf'))).toBe(true);
  }, LIMIT_MS + 5_000);

  it('send --dry-run into an output folder under /proc: exit 1 with a located error, no hang', () => {
    const r = cli(['send', DEFAULT_DATA, '--to', 'desk@example.org', '--dry-run', '--out', '/proc/self/briefkit-mail'], {});
    expect(r.signal, 'killed at the time limit: a hang').toBeNull();
    expect(r.code, r.err).toBe(1);
    expect(r.err).toMatch(/error [a-z]+\/[a-z-]+: /);
  }, LIMIT_MS + 5_000);
});
