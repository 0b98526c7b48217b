import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerSlides } from '../../src/cli/slides.js';
import { FILE, longSection } from './helpers.js';

async function run(args: readonly string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  let code = 0;
  const program = new Command('briefkit').exitOverride().configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => err.push(s) });
  registerSlides(program, { out: (s) => out.push(s), err: (s) => err.push(s) }, (c) => { code = c; });
  await program.parseAsync(['slides', ...args], { from: 'user' });
  return { code, out, err };
}

describe('briefkit slides', () => {
  it('writes <id>-slides.pdf and <id>.pptx into --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefkit-slides-'));
    const r = await run([FILE, '--out', dir]);
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toMatch(/built .*canada-korea-1995-slides\.pdf \(8 slides, \d+ KB\)\nbuilt .*canada-korea-1995\.pptx \(8 slides, \d+ KB\)/);
    expect(readFileSync(join(dir, 'canada-korea-1995-slides.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(join(dir, 'canada-korea-1995.pptx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('exits 1 with a located slides/overflow under --overflow error, leaving no output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefkit-slides-'));
    const data = join(dir, 'long.json');
    writeFileSync(data, JSON.stringify(longSection(9, { id: 'long-deck' }), null, 1));
    const r = await run([data, '--out', dir, '--overflow', 'error']);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/slides\/overflow/);
    expect(r.err.join('\n')).toContain('long.json:');
    expect(existsSync(join(dir, 'long-deck.pptx'))).toBe(false);
  });
});
