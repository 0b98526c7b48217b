/**
 * Issue 17's done-when for themes: one theme changes the accent colour, sets the body font to
 * a user font file and adds a logo, and the print PDF, the slides PDF and the PPTX all show it,
 * read back from the files. Also: the `default` theme gives today's bytes, `print` is grey.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTarget } from '../../src/build/index.js';
import type { TargetOptions, TargetResult } from '../../src/build/index.js';
import { resolveTheme, withTheme } from '../../src/theme/index.js';
import type { Theme } from '../../src/theme/index.js';
import { imageCount, pdfFonts, plainPdf, tempFile } from '../helpers/pdf.js';

delete process.env['SOURCE_DATE_EPOCH'];
const ROOT = join(import.meta.dirname, '../..');
const SEED = join(ROOT, 'data/briefings/canada-korea-1995.yaml');
const ACCENT = '#d81b60';
const LOGO = '#00a3e0';

type Outputs = Record<string, Uint8Array>;

async function build(theme: Theme | undefined, o: TargetOptions = {}): Promise<Outputs> {
  const run = (): Promise<TargetResult> => buildTarget(SEED, { ...o, ...(theme ? { theme } : {}) });
  const r = theme ? await withTheme(theme, run) : await run();
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics.slice(0, 3)));
  expect(r.failed ?? []).toEqual([]);
  return Object.fromEntries(r.outputs.map((x) => [x.name, x.bytes]));
}

function resolved(files: Record<string, string | Buffer>, spec = 'theme.yaml'): Theme {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-theme-'));
  writeFileSync(join(dir, 'briefkit.config.yaml'), `theme: ${spec}\n`);
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  mkdirSync(join(dir, 'fonts'), { recursive: true });
  // A user font file: DejaVu Sans under the project's own name (no bundled font sets body text).
  copyFileSync(join(ROOT, 'assets/fonts/DejaVuSans.ttf'), join(dir, 'fonts/HouseSans.ttf'));
  const r = resolveTheme(spec, dir);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.theme;
}

const rgb = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);

/** Every fill or stroke colour set in the file's content streams, as [r, g, b] in 0..1. */
function colours(pdf: Uint8Array): number[][] {
  const text = plainPdf(tempFile(pdf));
  return [...text.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (?:scn|SCN|rg|RG)\b/g)].map((m) => [Number(m[1]), Number(m[2]), Number(m[3])]);
}

const hasColour = (pdf: Uint8Array, hex: string): boolean => colours(pdf).some((c) => c.every((v, i) => Math.abs(v - (rgb(hex)[i] ?? -1)) < 0.002));
const fontNames = (pdf: Uint8Array): string[] => pdfFonts(tempFile(pdf)).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));

describe('a theme with an accent colour, a user body font and a logo', () => {
  let out: Outputs;
  beforeAll(async () => {
    const theme = resolved({
      'theme.yaml': `palette:\n  accent: "${ACCENT}"\nfonts:\n  body: fonts/HouseSans.ttf\nlogo:\n  file: brand/logo.svg\n  height: 9\n`,
      'brand/logo.svg': `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"><metadata>x</metadata><rect width="40" height="20" rx="3" fill="${LOGO}"/></svg>`,
    });
    out = await build(theme, { slides: true });
  }, 60_000);

  it('builds the print PDF, the slides PDF and the PPTX', () => {
    expect(Object.keys(out).sort()).toEqual(['canada-korea-1995-slides.pdf', 'canada-korea-1995.pdf', 'canada-korea-1995.pptx']);
  });

  it.each(['canada-korea-1995.pdf', 'canada-korea-1995-slides.pdf'])('%s: the user font is embedded and sets the Latin text (no bundled Latin font)', (name) => {
    const fonts = fontNames(out[name] as Uint8Array);
    expect(fonts).toContain('DejaVuSans');
    expect(fonts.filter((f) => f.startsWith('SourceSans3'))).toEqual([]);
  });

  it.each(['canada-korea-1995.pdf', 'canada-korea-1995-slides.pdf'])('%s: the accent colour and the logo are drawn', (name) => {
    const pdf = out[name] as Uint8Array;
    expect(hasColour(pdf, ACCENT), 'accent').toBe(true);
    expect(hasColour(pdf, LOGO), 'logo').toBe(true);
    expect(hasColour(pdf, '#1f4e79'), "the default theme's accent").toBe(false);
  });

  it('the PPTX names the user font in its theme and its text, and uses the accent colour', async () => {
    const zip = await JSZip.loadAsync(out['canada-korea-1995.pptx'] as Uint8Array);
    const theme = await zip.file('ppt/theme/theme1.xml')?.async('string');
    expect(theme).toContain('typeface="DejaVu Sans"');
    const slides = await Promise.all(Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).map((f) => zip.file(f)?.async('string') ?? ''));
    const all = slides.join('\n');
    expect(all).toContain('typeface="DejaVu Sans"');
    expect(all).not.toContain('typeface="Arial"');
    expect(all).toContain(`srgbClr val="${ACCENT.slice(1).toUpperCase()}"`);
  });
});

describe('built-in themes', () => {
  it('`default`, resolved and entered, gives exactly the bytes of a build without a theme', async () => {
    const r = resolveTheme('default', ROOT);
    if (!r.ok) throw new Error('default');
    const plain = await build(undefined, { slides: true });
    const themed = await build(r.theme, { slides: true });
    expect(Object.keys(themed).sort()).toEqual(Object.keys(plain).sort());
    for (const [name, bytes] of Object.entries(plain)) expect(Buffer.from(themed[name] as Uint8Array).equals(Buffer.from(bytes)), name).toBe(true);
  }, 60_000);

  it('`print` draws every colour in grey', async () => {
    const r = resolveTheme('print', ROOT);
    if (!r.ok) throw new Error('print');
    const pdf = (await build(r.theme))['canada-korea-1995.pdf'] as Uint8Array;
    const cs = colours(pdf);
    expect(cs.length).toBeGreaterThan(50);
    const chromatic = cs.filter(([a, b, c]) => Math.abs((a ?? 0) - (b ?? 0)) > 0.002 || Math.abs((b ?? 0) - (c ?? 0)) > 0.002);
    expect(chromatic).toEqual([]);
  }, 60_000);

  it('a PNG logo is embedded once however many pages show it', async () => {
    const p = new PNG({ width: 8, height: 4 });
    for (let i = 0; i < p.data.length; i += 4) p.data.set([0, 163, 224, i % 8 === 0 ? 0 : 255], i);
    const theme = resolved({ 'theme.yaml': 'logo:\n  file: logo.png\n', 'logo.png': PNG.sync.write(p) });
    const pdf = (await build(theme))['canada-korea-1995.pdf'] as Uint8Array;
    const path = tempFile(pdf);
    // pdfimages lists each placement; the file holds one image object.
    expect(imageCount(path)).toBeGreaterThan(1);
    expect(plainPdf(path).match(/\/Subtype \/Image/g)).toHaveLength(1);
  }, 60_000);
});
