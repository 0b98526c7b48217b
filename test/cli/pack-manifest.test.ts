/**
 * `briefkit pack` records what it wrote in the build manifest, under the same inputs hash as
 * `build` of the manifest, so `check` right after it agrees (it used to say "stale"), and a
 * pack built with other options is stale for a default `check`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { removeTemps, runCli, tmp } from '../robust/helpers.js';

const PACK = 'data/packs/korea-1995.yaml';
afterAll(removeTemps);

it('pack, then check: exit 0, every output of the pack recorded', async () => {
  const out = tmp();
  const p = await runCli(['pack', PACK, '--out', out]);
  expect(p.code, p.err).toBe(0);
  const manifest = JSON.parse(readFileSync(join(out, '.briefkit-manifest.json'), 'utf8')) as { outputs: Record<string, { source: string }> };
  // The briefings' own copies are opt-in (--separate: test/pack/separate-cli.test.ts).
  expect(Object.keys(manifest.outputs).sort()).toEqual(['korea-1995-pack.pdf']);
  const c = await runCli(['check', PACK, '--out', out]);
  expect(c.code, c.out + c.err).toBe(0);
  // A later build of the same manifest finds it up to date.
  const b = await runCli(['build', PACK, '--out', out]);
  expect(b.code, b.err).toBe(0);
  expect(b.out).toMatch(/up to date/);
}, 120_000);

it('a pack on letter paper is stale for a default check, up to date for check --paper letter', async () => {
  const out = tmp();
  expect((await runCli(['pack', PACK, '--out', out, '--paper', 'letter'])).code).toBe(0);
  expect((await runCli(['check', PACK, '--out', out])).code).toBe(1);
  expect((await runCli(['check', PACK, '--out', out, '--paper', 'letter'])).code).toBe(0);
}, 120_000);
