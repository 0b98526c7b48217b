/**
 * `openAtomicFile`: a file written piece by piece with writeFileAtomic's guarantees. The
 * target keeps its old bytes until `commit`; a failure or a kill half-way never leaves it
 * half-written, and the next write there sweeps the killed writer's temporary file.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/diag/errors.js';
import { openAtomicFile } from '../../src/util/fs.js';

const dirs: string[] = [];
const fresh = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'briefkit-atomic-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const others = (dir: string): string[] => readdirSync(dir).filter((f) => f !== 'out.pdf').sort();

describe('openAtomicFile', () => {
  it('writes every piece, in order, only on commit; size and hash are those of the bytes', () => {
    fc.assert(fc.property(fc.array(fc.uint8Array({ maxLength: 70_000 }), { maxLength: 12 }), (pieces) => {
      const dir = fresh();
      const path = join(dir, 'out.pdf');
      writeFileSync(path, 'old');
      const f = openAtomicFile(path);
      for (const p of pieces) f.write(p);
      expect(readFileSync(path, 'utf8')).toBe('old');
      const all = Buffer.concat(pieces);
      expect(f.commit()).toEqual({ bytes: all.length, sha256: createHash('sha256').update(all).digest('hex') });
      expect(readFileSync(path).equals(all)).toBe(true);
      expect(others(dir)).toEqual([]);
    }), { numRuns: 25 });
  });

  it('abort keeps the old file and leaves no temporary file; writing after it is a bug', () => {
    const dir = fresh();
    const path = join(dir, 'out.pdf');
    writeFileSync(path, 'old');
    const f = openAtomicFile(path);
    f.write(Buffer.alloc(200_000, 1));
    f.abort();
    f.abort();
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(others(dir)).toEqual([]);
    expect(() => f.write('x')).toThrow(/internal/);
  });

  it('a path under a file is a located output/write error with a hint, not a crash', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'file'), 'x');
    try {
      openAtomicFile(join(dir, 'file', 'out.pdf'));
      expect.fail('opened a file under a file');
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      const d = (e as UserError).diagnostics[0];
      expect(d?.code).toBe('output/write');
      expect(d?.hint).toMatch(/not a folder/);
    }
  });

  it('a writer killed half-way leaves the old file whole; the next write sweeps its temporary file', async () => {
    const dir = fresh();
    const path = join(dir, 'out.pdf');
    writeFileSync(path, 'old');
    // A child that writes 1 MB in pieces, says so, and waits to be killed.
    const script = `import { openAtomicFile } from ${JSON.stringify(join(import.meta.dirname, '../../src/util/fs.ts'))};
const f = openAtomicFile(${JSON.stringify(path)});
for (let i = 0; i < 16; i++) f.write(Buffer.alloc(65536, i));
process.stdout.write('written\\n');
setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => { if (d.toString().includes('written')) resolve(); });
      child.on('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGKILL');
    await exited;
    expect(readFileSync(path, 'utf8')).toBe('old');
    const left = others(dir);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^\.out\.pdf\.\d+\.[0-9a-f]{8}\.tmp$/);
    const next = openAtomicFile(path);
    next.write('new');
    next.commit();
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(others(dir)).toEqual([]);
    expect(existsSync(join(dir, left[0] as string))).toBe(false);
  }, 60_000);
});
