/**
 * bin/briefkit.js on an internal error (a bug): exit 70 and the stack on stderr, with control,
 * format and bidi characters shown as <U+XXXX> like every other line the tool prints (an
 * error message may quote user data). The bin is run beside a stand-in CLI bundle whose
 * main() rejects.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'briefkit-bin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('prints the stack escaped and exits 70', () => {
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'dist'));
  copyFileSync('bin/briefkit.js', join(dir, 'bin', 'briefkit.js'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  writeFileSync(join(dir, 'dist', 'cli.bundle.mjs'),
    'export async function main() { throw new Error("bad key \\u001b[2J\\u0007 built output/x.pdf \\u202egnp.x\\u2028tail"); }\n');
  const r = spawnSync(process.execPath, [join(dir, 'bin', 'briefkit.js'), 'build'], { encoding: 'utf8' });
  expect(r.status).toBe(70);
  expect(r.stderr).toContain('bad key <U+001B>[2J<U+0007> built output/x.pdf <U+202E>gnp.x<U+2028>tail');
  // eslint-disable-next-line no-control-regex -- looking for raw control characters
  expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2028]/);
  expect(r.stderr).toContain('internal error (a bug)');
});
