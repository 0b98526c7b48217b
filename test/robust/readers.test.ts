/**
 * Independent readers: every PDF the product makes in the default configuration, with
 * --cover --toc --duplex, --paper letter, --bleed 9, --pdfa, and the pack (bound and each
 * briefing) passes qpdf --check with no warnings, opens in pdf.js with no warning (every page:
 * text, operators, annotations, structure tree) and renders page by page with pdftoppm with
 * nothing on stderr. None holds active content.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildPack } from '../../src/build/index.js';
import { buildBriefing } from '../../src/build/index.js';
import type { BuildOptions } from '../../src/build/index.js';
import { DEFAULT_DATA, qpdfCheck, scanPdf, removeTemps, tmp } from './helpers.js';

afterAll(removeTemps);

const CONFIGS: Record<string, BuildOptions> = {
  default: {},
  'cover-toc-duplex': { cover: true, toc: true, duplex: true },
  letter: { paper: 'letter' },
  'bleed-9': { bleed: 9 },
  pdfa: { pdfa: true },
};

const pdfs: { name: string; path: string; bytes: Buffer }[] = [];

beforeAll(async () => {
  const dir = tmp('briefkit-readers-');
  const keep = (name: string, bytes: Buffer): void => {
    const path = join(dir, `${name}.pdf`);
    writeFileSync(path, bytes);
    pdfs.push({ name, path, bytes });
  };
  for (const [name, o] of Object.entries(CONFIGS)) {
    const r = await buildBriefing({ file: DEFAULT_DATA }, o);
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.diagnostics)}`);
    keep(name, r.pdf);
  }
  const pack = await buildPack('data/packs/korea-1995.yaml', { separate: true });
  if (!pack.ok) throw new Error(`pack: ${JSON.stringify(pack.diagnostics)}`);
  keep('pack', pack.pdf);
  for (const b of pack.briefings) keep(`pack-${b.briefing.id}`, b.pdf);
}, 120_000);

/** Everything pdf.js says (verbosity 1: warnings and errors) while reading every page. */
async function pdfjsWarnings(bytes: Uint8Array): Promise<string[]> {
  const said: string[] = [];
  for (const k of ['log', 'info', 'warn', 'error'] as const) {
    vi.spyOn(console, k).mockImplementation((...a: unknown[]) => { said.push(`${k}: ${a.map(String).join(' ')}`); });
  }
  try {
    const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 1, isEvalSupported: false }).promise;
    try {
      expect(doc.numPages).toBeGreaterThan(0);
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const text = await page.getTextContent();
        expect(text.items.length, `page ${n} has text`).toBeGreaterThan(0);
        await page.getOperatorList();
        await page.getAnnotations();
        await page.getStructTree();
      }
      await doc.getOutline();
      await doc.getMetadata();
      await doc.getPageLabels();
    } finally {
      await doc.destroy();
    }
  } finally {
    vi.restoreAllMocks();
  }
  return said;
}

const NAMES = [...Object.keys(CONFIGS), 'pack', 'pack-canada-korea-1995', 'pack-canada-coree-1995'];

describe('every PDF the product makes, read by independent readers', () => {
  it('covers every configuration and the pack with each of its briefings', () => {
    expect(pdfs.map((p) => p.name).slice(0, 6)).toEqual(NAMES.slice(0, 6));
    expect(pdfs.length).toBeGreaterThanOrEqual(8);
  });

  it('(control) the pdf.js check does hear warnings: a PDF with a wrong startxref', async () => {
    const broken = Buffer.from(pdfs[0]?.bytes.toString('latin1').replace(/startxref\s+\d+/, 'startxref\n123') ?? '', 'latin1');
    expect((await pdfjsWarnings(broken)).join('\n')).toMatch(/Warning/);
  });

  describe.each(NAMES.map((n, i) => ({ n, i })))('$n', ({ i }) => {
    const pdf = (): { name: string; path: string; bytes: Buffer } => {
      const p = pdfs[i];
      if (!p) throw new Error(`no PDF ${i}`);
      return p;
    };

    it('qpdf --check: no errors and no warnings', () => {
      const { status, output } = qpdfCheck(pdf().path);
      expect(output).toMatch(/No syntax or stream encoding errors found/);
      expect(output).not.toMatch(/WARNING/i);
      expect(status, output).toBe(0);
    });

    it('pdf.js opens it and reads every page with no warning', async () => {
      expect(await pdfjsWarnings(pdf().bytes)).toEqual([]);
    });

    it('pdftoppm renders every page with nothing on stderr', () => {
      const out = join(tmp('briefkit-ppm-'), 'page');
      const r = spawnSync('pdftoppm', ['-r', '24', '-gray', pdf().path, out], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
    });

    it('holds no active content (JavaScript, launch, forms, embedded files, non-web URIs)', () => {
      expect(scanPdf(pdf().path).found).toEqual([]);
    });
  });
});
