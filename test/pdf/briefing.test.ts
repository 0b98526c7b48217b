import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/index.js';
import { imageCount, pageTexts, pdfFonts, pdfInfo, plainPdf, qpdfCheck, squash, tempFile } from '../helpers/pdf.js';
import { seedSentences } from '../helpers/seed.js';

const FILE = 'data/briefings/canada-korea-1995.yaml';
let pdf: Buffer;
let path: string;
let texts: string[];

beforeAll(async () => {
  const r = await buildBriefing({ file: FILE });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  expect(r.diagnostics).toEqual([]);
  pdf = r.pdf;
  path = tempFile(pdf);
  texts = pageTexts(path);
});

describe('the default briefing PDF', () => {
  it('holds every sentence of the 1995 source fact sheet', () => {
    const all = squash(texts.join('\n'));
    const sentences = seedSentences();
    expect(sentences.length).toBeGreaterThanOrEqual(14);
    for (const s of sentences) expect(all, s).toContain(squash(s));
  });

  it('embeds and subsets every font, with Unicode maps', () => {
    const fonts = pdfFonts(path);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f, f.name).toMatchObject({ emb: true, sub: true, uni: true });
  });

  it('passes qpdf --check without warnings', () => {
    expect(qpdfCheck(path)).toMatch(/No syntax or stream encoding errors/);
    expect(qpdfCheck(path)).not.toMatch(/WARNINGS/);
  });

  it('has the marking top and bottom, the title and "Page X of Y" on every page', () => {
    const n = texts.length;
    expect(Number(pdfInfo(path)['Pages'])).toBe(n);
    texts.forEach((t, i) => {
      expect(t.match(/UNCLASSIFIED/g)?.length, `page ${i + 1}`).toBe(2);
      expect(t).toContain(`Page ${i + 1} of ${n}`);
      expect(t).toContain('Canada – Republic of Korea');
    });
  });

  it('places the trade charts as vectors with numbered captions and sources', () => {
    const all = texts.join('\n');
    expect(imageCount(path)).toBe(0);
    for (const n of [1, 2, 3]) expect(all).toMatch(new RegExp(`Figure ${n}\\.`));
    expect(all).toContain('Canada–Korea merchandise trade');
    expect(all).toMatch(/Source:/);
    // Chart text is real text: legends and tick labels can be found.
    expect(all).toContain('Exports to Korea');
    expect(all).toMatch(/1993\*/);
  });

  it('sets document metadata: title, subject, author, language, tagged', () => {
    const info = pdfInfo(path);
    expect(info['Title']).toBe('Canada – Republic of Korea');
    expect(info['Author']).toContain('Foreign Affairs');
    expect(info['Tagged']).toBe('yes');
    // The catalog sits in a compressed object stream.
    expect(plainPdf(path)).toMatch(/\/Lang \(en-CA\)/);
  });

  it('is byte-identical when built twice', async () => {
    const again = await buildBriefing({ file: FILE });
    expect(again.ok && again.pdf.equals(pdf)).toBe(true);
  });

  it('carries the structure tree with Figure alt text', () => {
    const out = execFileSync('pdfinfo', ['-struct', path], { encoding: 'utf8' });
    for (const role of ['Document', 'H1', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Figure', 'Caption', 'Note']) {
      expect(out, role).toMatch(new RegExp(`^\\s*${role}\\b`, 'm'));
    }
    expect(out).toMatch(/Figure \(block\)|Figure/);
  });
});
