import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
const tmp = (p: string): string => {
  const d = mkdtempSync(join(tmpdir(), p));
  made.push(d);
  return d;
};

/** Builds in a fresh process with the given shaping cache folder (or none). */
function build(out: string, cache: string | null): Buffer {
  execFileSync(process.execPath, ['--import', 'tsx', 'test/helpers/kill-build.ts', 'build', 'data/briefings/canada-korea-1995.yaml', '--out', out, '--force'], {
    env: { ...process.env, ...(cache ? { BRIEFKIT_CACHE_DIR: cache } : { BRIEFKIT_CACHE: '0' }) },
    stdio: 'pipe',
  });
  return readFileSync(join(out, 'canada-korea-1995.pdf'));
}

describe('the shaping cache kept between processes', () => {
  it('gives byte-identical PDFs whether it is empty, filled, or off', () => {
    const cache = tmp('briefkit-cache-');
    const off = build(tmp('briefkit-o1-'), null);
    expect(existsSync(cache) && readdirSync(cache)).toEqual([]);
    const cold = build(tmp('briefkit-o2-'), cache);
    const files = readdirSync(cache);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^shaping-[0-9a-f]{16}\.json$/);
    const warm = build(tmp('briefkit-o3-'), cache);
    expect(cold.equals(off)).toBe(true);
    expect(warm.equals(off)).toBe(true);
  }, 120_000);
});
