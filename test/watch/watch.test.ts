/**
 * The shared watcher: atomic saves (a temporary file renamed over the original) are seen every
 * time, new and deleted files are seen, editor temporary files are not, and a burst of saves is
 * one call.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchFiles } from '../../src/watch/index.js';
import type { Watcher } from '../../src/watch/index.js';
import { isEditorTemp } from '../../src/watch/ignore.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const dirs: string[] = [];
const watchers: Watcher[] = [];

function project(): string {
  const d = mkdtempSync(join(tmpdir(), 'briefkit-watch-'));
  dirs.push(d);
  return d;
}

/** Starts a watcher that records each call; `until(n)` waits for the n-th call. */
async function record(paths: string[], debounceMs = 40): Promise<{ calls: string[][]; until(n: number): Promise<void> }> {
  const calls: string[][] = [];
  const w = watchFiles(paths, { debounceMs, onChange: (files) => { calls.push([...files]); } });
  watchers.push(w);
  await w.ready;
  return {
    calls,
    async until(n) {
      for (let i = 0; i < 200 && calls.length < n; i++) await sleep(25);
    },
  };
}

afterEach(async () => {
  for (const w of watchers.splice(0)) await w.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('watchFiles', () => {
  it('sees five saves that rename a temporary file over the watched file', async () => {
    const d = project();
    const f = join(d, 'x.yaml');
    writeFileSync(f, 'v: 0\n');
    const r = await record([f]);
    for (let i = 1; i <= 5; i++) {
      writeFileSync(`${f}.tmp`, `v: ${i}\n`);
      renameSync(`${f}.tmp`, f);
      await r.until(i);
      expect(r.calls.length).toBe(i);
    }
    expect(r.calls).toEqual(Array.from({ length: 5 }, () => [f]));
  });

  it('sees a deleted file and the file created again, not its neighbours', async () => {
    const d = project();
    const f = join(d, 'x.yaml');
    writeFileSync(f, 'v: 0\n');
    const r = await record([f]);
    writeFileSync(join(d, 'other.yaml'), 'not watched');
    unlinkSync(f);
    await r.until(1);
    await sleep(300); // the atomic-save window: a quick re-create would be a change
    writeFileSync(f, 'v: 1\n');
    await r.until(2);
    expect(r.calls).toEqual([[f], [f]]);
  });

  it('sees new files in a watched folder, below it too, and ignores editor temporary files', async () => {
    const d = project();
    mkdirSync(join(d, 'sub'));
    const r = await record([d]);
    for (const junk of ['.x.yaml.swp', 'x.yaml~', '4913', 'x.yaml___jb_tmp___', 'x.pdf.1234.tmp']) writeFileSync(join(d, junk), '');
    await sleep(300);
    expect(r.calls).toEqual([]);
    writeFileSync(join(d, 'new.yaml'), 'a: 1\n');
    writeFileSync(join(d, 'sub', 'deep.yaml'), 'a: 1\n');
    await r.until(1);
    expect(r.calls).toEqual([[join(d, 'new.yaml'), join(d, 'sub', 'deep.yaml')].sort()]);
  });

  it('makes one call of a burst, and never overlaps calls', async () => {
    const d = project();
    const f = join(d, 'x.yaml');
    writeFileSync(f, '');
    let active = 0;
    let overlapped = false;
    const calls: string[][] = [];
    const w = watchFiles([d], {
      debounceMs: 150,
      onChange: async (files) => {
        active += 1;
        overlapped ||= active > 1;
        calls.push([...files]);
        await sleep(400);
        active -= 1;
      },
    });
    watchers.push(w);
    await w.ready;
    for (let i = 0; i < 10; i++) {
      writeFileSync(f, `v: ${i}\n`);
      await sleep(10);
    }
    for (let i = 0; i < 100 && calls.length < 1; i++) await sleep(25);
    // Saves while the first call runs: gathered into one more call after it.
    writeFileSync(join(d, 'a.yaml'), '1');
    await sleep(200);
    writeFileSync(join(d, 'b.yaml'), '1');
    for (let i = 0; i < 100 && calls.length < 2; i++) await sleep(25);
    await sleep(600);
    expect(calls).toEqual([[f], [join(d, 'a.yaml'), join(d, 'b.yaml')]]);
    expect(overlapped).toBe(false);
  });
});

describe('isEditorTemp', () => {
  it.each([
    ['.x.yaml.swp', true], ['.x.yaml.swx', true], ['x.yaml~', true], ['.#x.yaml', true], ['#x.yaml#', true],
    ['4913', true], ['x.yaml___jb_tmp___', true], ['x.yaml___jb_old___', true], ['x.pdf.ab12.tmp', true],
    ['.goutputstream-ABC123', true], ['sedAb12Cd', true],
    ['x.yaml', false], ['x.json', false], ['swp.yaml', false], ['4913.yaml', false], ['tmp', false], ['sed.yaml', false],
  ])('%s -> %s', (name, expected) => {
    expect(isEditorTemp(name)).toBe(expected);
  });
});
