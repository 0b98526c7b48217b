/** `briefkit pack --separate`: the briefings' own copies through the real CLI (default: none). */
import { readdirSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { removeTemps, runCli, tmp } from '../robust/helpers.js';

const PACK = 'data/packs/korea-1995.yaml';
afterAll(removeTemps);

it('briefkit pack writes only the bound pack; --separate adds the copies', async () => {
  const plain = tmp();
  expect((await runCli(['pack', PACK, '--out', plain])).code).toBe(0);
  expect(readdirSync(plain).filter((f) => !f.startsWith('.')).sort()).toEqual(['korea-1995-pack.pdf']);
  const sep = tmp();
  expect((await runCli(['pack', PACK, '--out', sep, '--separate'])).code).toBe(0);
  expect(readdirSync(sep).filter((f) => !f.startsWith('.')).sort()).toEqual(['korea-1995-pack', 'korea-1995-pack.pdf']);
  expect(readdirSync(`${sep}/korea-1995-pack`).sort()).toEqual(['canada-coree-1995.pdf', 'canada-korea-1995.pdf']);
  // check agrees with what each wrote.
  expect((await runCli(['check', PACK, '--out', plain])).code).toBe(0);
  expect((await runCli(['check', PACK, '--out', sep])).code).toBe(0);
}, 120_000);
