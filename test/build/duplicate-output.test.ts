/**
 * Two targets that would write one output file (two briefings, or a briefing and a pack, with
 * one id) are both refused at their `id`, whatever their markings: neither overwrites the other.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const SEED = readFileSync(join(import.meta.dirname, '../../data/briefings/canada-korea-1995.yaml'), 'utf8');

it('two briefings with one id: build/duplicate-output at each id line, nothing written, exit 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bk-dup-'));
  const a = join(dir, 'a.yaml');
  const b = join(dir, 'b.yaml');
  writeFileSync(a, SEED);
  writeFileSync(b, SEED.replace(/^classification: .*$/m, 'classification: SECRET'));
  const idLine = SEED.split('\n').findIndex((l) => l.startsWith('id:')) + 1;
  const out = join(dir, 'out');
  const err: string[] = [];
  const code = await main(['build', a, b, '--out', out, '--jobs', '1'], { out: () => undefined, err: (s) => err.push(s) });
  expect(code).toBe(1);
  const text = err.join('\n');
  expect(text).toContain(`${a}:${idLine}:5: error build/duplicate-output`);
  expect(text).toContain(`${b}:${idLine}:5: error build/duplicate-output`);
  expect(existsSync(join(out, 'canada-korea-1995.pdf'))).toBe(false);
});
