/**
 * `build --watch` through the real CLI (a child process): an editor that saves by renaming a
 * temporary file over the data file (vim, JetBrains, `sed -i`) gets one rebuild per save, five
 * times in a row; a file created in a watched folder is seen too.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const HELPER = 'test/helpers/kill-build.ts';
const SOURCE = 'data/briefings/canada-korea-1995.yaml';
const TITLE = 'title: Canada – Republic of Korea';

let child: ChildProcess | undefined;
let dir: string | undefined;

afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Waits until `out()` holds `count` matches of `re`, or fails after `ms`. */
async function until(out: () => string, re: RegExp, count: number, ms: number): Promise<void> {
  const started = Date.now();
  while ((out().match(new RegExp(re.source, `${re.flags}g`)) ?? []).length < count) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${count} x ${re} in:\n${out()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('build --watch', () => {
  it('rebuilds once for each of five saves by rename', async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefkit-watch-cli-'));
    mkdirSync(join(dir, 'data'));
    const file = join(dir, 'data', 'x.yaml');
    copyFileSync(SOURCE, file);
    const text = readFileSync(SOURCE, 'utf8');
    const out = join(dir, 'out');
    child = spawn(process.execPath, ['--import', 'tsx', HELPER, 'build', file, '--out', out, '--watch'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (b: Buffer) => { stdout += b.toString(); });
    child.stderr?.on('data', (b: Buffer) => { stderr += b.toString(); });
    const all = (): string => `${stdout}\n--- stderr\n${stderr}`;
    await until(() => stdout, /^watching /m, 1, 60_000);
    expect(stdout.match(/^built .*canada-korea-1995\.pdf/gm)).toHaveLength(1);
    for (let i = 1; i <= 5; i++) {
      const tmp = join(dir, 'data', `.x.yaml.${i}.swp`);
      writeFileSync(tmp, text.replace(TITLE, `${TITLE} (save ${i})`));
      renameSync(tmp, file);
      await until(all, /^built .*canada-korea-1995\.pdf/m, i + 1, 60_000);
    }
    // A moment for any extra rebuild to show: there must be none.
    await new Promise((r) => setTimeout(r, 800));
    expect(stdout.match(/^built .*canada-korea-1995\.pdf/gm)).toHaveLength(6);
    expect(stderr).toBe('');
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => child?.once('exit', (c) => r(c)));
    expect(code).toBe(0);
  }, 240_000);
});
