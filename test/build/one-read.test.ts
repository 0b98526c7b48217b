/**
 * One load per build: `build --slides --force` of a briefing (plan, print PDF, decks, build
 * manifest) opens its data file once, and a pack's manifest and briefings each once too, seen
 * from the outside with strace.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const hasStrace = spawnSync('strace', ['-V']).status === 0;

/** How many times the traced CLI run opened each of `files`. */
function opens(args: readonly string[], files: readonly string[]): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'bk-strace-'));
  const trace = join(dir, 'trace.txt');
  execFileSync('strace', ['-f', '-e', 'trace=open,openat', '-o', trace, process.execPath, '--import', 'tsx', 'test/helpers/kill-build.ts', ...args], {
    cwd: ROOT, stdio: 'pipe', timeout: 120_000,
  });
  const lines = readFileSync(trace, 'utf8').split('\n').filter((l) => / = \d+$/.test(l));
  // Matched by file name (the CLI may open a path relative to the working folder): names are unique here.
  return files.map((f) => lines.filter((l) => l.includes(`/${basename(f)}"`) || l.includes(`"${basename(f)}"`)).length);
}

describe.skipIf(!hasStrace)('each data file is opened once per build (strace)', () => {
  it('build --slides --force of a briefing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bk-one-'));
    const data = join(dir, 'one-9c1.yaml');
    copyFileSync(join(ROOT, 'data/briefings/canada-korea-1995.yaml'), data);
    expect(opens(['build', data, '--slides', '--force', '--out', join(dir, 'out')], [data])).toEqual([1]);
  });

  it('build of a pack: the manifest and each briefing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bk-one-pack-'));
    const a = join(dir, 'part-a-8f3.yaml');
    const b = join(dir, 'part-b-8f3.yaml');
    copyFileSync(join(ROOT, 'data/briefings/canada-korea-1995.yaml'), a);
    copyFileSync(join(ROOT, 'data/briefings/canada-korea-1995.fr.yaml'), b);
    const pack = join(dir, 'pack.yaml');
    writeFileSync(pack, readFileSync(join(ROOT, 'data/packs/korea-1995.yaml'), 'utf8')
      .replace(/- \S*canada-korea-1995\.yaml/, '- part-a-8f3.yaml').replace(/- \S*canada-korea-1995\.fr\.yaml/, '- part-b-8f3.yaml'));
    const counts = opens(['build', pack, '--force', '--out', join(dir, 'out')], [a, b]);
    expect(counts).toEqual([1, 1]);
  });
});
