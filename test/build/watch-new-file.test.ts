/**
 * `build --watch` with no file named builds the project's data folders, and a data file added
 * while it watches is built on the next cycle (targets are looked for again each cycle).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { until } from '../helpers/until.js';
import { afterEach, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const kids: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const k of kids.splice(0)) k.kill('SIGKILL');
});


it('a briefing added under watch is built', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bk-watch-new-'));
  const data = join(dir, 'data');
  mkdirSync(data);
  copyFileSync(join(ROOT, 'data/briefings/canada-korea-1995.yaml'), join(data, 'a.yaml'));
  const out = join(dir, 'out');
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/kill-build.ts', 'build', '--watch'], {
    cwd: ROOT, env: { ...process.env, BRIEFKIT_DATA: data, BRIEFKIT_OUTPUT: out },
  });
  kids.push(child);
  child.stdout.on('data', (b: Buffer) => { log += b.toString(); });
  child.stderr.on('data', (b: Buffer) => { log += b.toString(); });
  await until('the first build', () => log.includes('watching'));
  expect(existsSync(join(out, 'canada-korea-1995.pdf'))).toBe(true);
  // A second briefing with its own id, written into the watched folder.
  const second = readFileSync(join(ROOT, 'data/briefings/canada-korea-1995.yaml'), 'utf8').replace(/^id: .*$/m, 'id: added-under-watch');
  writeFileSync(join(data, 'b.yaml'), second);
  await until('the added briefing to be built', () => existsSync(join(out, 'added-under-watch.pdf')));
}, 180_000);
