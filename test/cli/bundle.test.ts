import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pdfInfo, plainPdf, qpdfCheck } from '../helpers/pdf.js';

/*
 * The other CLI tests run the TypeScript sources. These run what users run: bin/briefkit.js
 * and the bundle `npm run build` made (the README's set-up builds it), where modules that read
 * files beside themselves (pdfkit's colour profile) or start worker threads find them.
 */
const out = mkdtempSync(join(tmpdir(), 'briefkit-bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const cli = (...args: string[]): string => {
  if (!existsSync('dist/cli.bundle.mjs')) throw new Error('dist/cli.bundle.mjs is missing: run `npm run build` first');
  return execFileSync(process.execPath, ['bin/briefkit.js', ...args], { encoding: 'utf8' });
};

describe('the bundled CLI', () => {
  it('writes PDF/A briefings and packs (colour profile found beside the bundle)', () => {
    cli('build', 'data/briefings/canada-korea-1995.yaml', '--pdfa', '--force', '--out', out);
    cli('pack', 'data/packs/korea-1995.yaml', '--pdfa', '--out', out);
    for (const f of ['canada-korea-1995.pdf', 'korea-1995-pack.pdf']) {
      const file = join(out, f);
      expect(qpdfCheck(file)).toMatch(/No syntax or stream encoding errors/);
      expect(pdfInfo(file)['Tagged']).toBe('yes');
      const plain = plainPdf(file);
      expect(plain).toContain('/OutputIntents');
      expect(plain).toContain('/DestOutputProfile');
    }
  }, 120_000);

  it('builds several targets on the bundled worker threads (the worker bundle found from a chunk)', () => {
    const many = join(out, 'many');
    const text = cli('build', 'data/briefings/canada-korea-1995.yaml', 'data/briefings/canada-korea-1995.fr.yaml', '--jobs', '2', '--force', '--out', many);
    expect(text).not.toMatch(/internal error/);
    for (const f of ['canada-korea-1995.pdf', 'canada-coree-1995.pdf']) expect(qpdfCheck(join(many, f))).toMatch(/No syntax or stream encoding errors/);
  }, 120_000);

  it('reads pack briefings on the bundled worker thread', () => {
    expect(existsSync('dist/prepare.bundle.mjs')).toBe(true);
    // The thread must do the reading: one that fails to start would hand its work back silently.
    const script = [
      "import('./dist/build/prepare-pool.js').then(async (m) => {",
      "  const s = m.prepareParts(['data/briefings/canada-korea-1995.yaml', 'data/briefings/canada-korea-1995.fr.yaml'], {}, 480, 1);",
      "  const parts = [await s.next(), await s.next()];",
      "  const threads = s.threads();",
      "  await s.close();",
      "  process.stdout.write(JSON.stringify({ ok: parts.map((p) => p.ok), threads }));",
      "})",
    ].join('\n');
    expect(JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }))).toEqual({ ok: [true, true], threads: 1 });
  }, 120_000);
});
