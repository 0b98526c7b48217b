import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/build/index.js';
import { pageTexts, pdfFonts, qpdfCheck, squash, tempFile } from '../helpers/pdf.js';

/*
 * Font subsets are encoded once per glyph list and process (src/render/font-cache.ts). A
 * document must get the subset of its own glyphs, whatever was built before it.
 */
describe('font subsets shared across documents', () => {
  it('gives each document its own glyphs, and the same bytes when built again', async () => {
    const build = async (file: string): Promise<Buffer> => {
      const r = await buildBriefing({ file });
      if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
      return r.pdf;
    };
    const en = await build('data/briefings/canada-korea-1995.yaml');
    const fr = await build('data/briefings/canada-korea-1995.fr.yaml');
    const enAgain = await build('data/briefings/canada-korea-1995.yaml');
    expect(Buffer.compare(en, enAgain)).toBe(0);
    const frFile = tempFile(fr);
    expect(qpdfCheck(frFile)).toMatch(/No syntax or stream encoding errors/);
    expect(pdfFonts(frFile).every((f) => f.emb && f.sub)).toBe(true);
    const text = squash(pageTexts(frFile).join(''));
    for (const word of ['Relationspolitiques', 'CoréeduNord', 'développement', 'Républiquede']) expect(text).toContain(word);
    // The French briefing built by a fresh process (nothing cached) has the same bytes as the
    // one built here after the English one: it embeds its own subset, not a cached one.
    const fresh = tempFile(Buffer.alloc(0), 'fresh.pdf');
    const script = `import('./src/build/index.ts').then(async (m) => { const r = await m.buildBriefing({ file: 'data/briefings/canada-korea-1995.fr.yaml' }); if (r.ok) (await import('node:fs')).writeFileSync(${JSON.stringify(fresh)}, r.pdf); })`;
    execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { env: { ...process.env, BRIEFKIT_CACHE: '0' } });
    expect(Buffer.compare(readFileSync(fresh), fr)).toBe(0);
  }, 60_000);
});
