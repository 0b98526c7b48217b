/**
 * Marking banner colours in a theme: unreadable colours and unknown levels are located
 * errors; a level's colour reaches the banner of a document at that level (read back from
 * the PDF's content stream), in English and French, and other levels keep the default.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTarget } from '../../src/build/index.js';
import { bannerColour, contrast, resolveTheme, withTheme } from '../../src/theme/index.js';
import type { Theme } from '../../src/theme/index.js';
import { plainPdf, tempFile } from '../helpers/pdf.js';

delete process.env['SOURCE_DATE_EPOCH'];
const ROOT = join(import.meta.dirname, '../..');
const BAD = join(ROOT, 'test/fixtures/bad/trust');

describe('contrast', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#ff0000', '#ffffff', 4],
    ['#a4161a', '#ffffff', 7.75],
  ])('%s on %s is %s:1', (a, b, ratio) => {
    expect(contrast(a, b)).toBeCloseTo(ratio, 1);
  });
});

describe('theme marking colours that are refused', () => {
  it.each([
    ['white-banner.theme.yaml', 'theme/contrast', 2, '1.00:1', 'WCAG AA'],
    ['pale-level.theme.yaml', 'theme/contrast', 4, '4.00:1', '4.5:1'],
    ['unknown-level.theme.yaml', 'theme/unknown-level', 4, 'SECERT', 'did you mean `SECRET`'],
  ])('%s: %s at line %i', (file, code, line, message, hint) => {
    const r = resolveTheme(file, BAD);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const d = r.diagnostics[0];
    expect(d?.code).toBe(code);
    expect(d?.loc?.line).toBe(line);
    expect(d?.message).toContain(message);
    expect(d?.hint).toContain(hint);
  });

  it('lists every built-in scheme\'s levels for an unknown level', () => {
    const r = resolveTheme('unknown-level.theme.yaml', BAD);
    const hint = r.ok ? '' : r.diagnostics[0]?.hint ?? '';
    expect(hint).toContain('canada: UNCLASSIFIED, PROTECTED A');
    expect(hint).toContain('nato: NATO UNCLASSIFIED');
  });
});

const LEVEL = '#7b3f00';
const DEFAULT = '#6a1b9a';

function theme(): Theme {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-banner-'));
  writeFileSync(join(dir, 'theme.yaml'), `marking:\n  default: "${DEFAULT}"\n  levels:\n    SECRET: "${LEVEL}"\n    NATO SECRET: "#0b6e4f"\n`);
  const r = resolveTheme('theme.yaml', dir);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.theme;
}

describe('bannerColour', () => {
  const t = theme();
  it.each([
    ['SECRET', LEVEL],
    ['SECRET // CANADIAN EYES ONLY', LEVEL],
    ['SECRET // RÉSERVÉ AUX CANADIENS', LEVEL],
    ['TOP SECRET', DEFAULT],
    ['TRÈS SECRET', DEFAULT],
    ['NATO SECRET', '#0b6e4f'],
    ['UNCLASSIFIED', DEFAULT],
    ['', DEFAULT],
  ])('%j → %s', (banner, colour) => {
    expect(bannerColour(t, banner)).toBe(colour);
  });
});

const rgb = (hex: string): string => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => String(Math.round(v * 1000) / 1000)).join(' ');

/** Whether the PDF sets `hex` as a fill colour (pdfkit writes rg with up to 4 decimals). */
function fills(pdf: Uint8Array, hex: string): boolean {
  const want = rgb(hex).split(' ').map(Number);
  const text = plainPdf(tempFile(pdf));
  return [...text.matchAll(/([\d.]+) ([\d.]+) ([\d.]+) (?:scn|rg)\b/g)].some((m) => [m[1], m[2], m[3]].every((v, i) => Math.abs(Number(v) - (want[i] ?? -1)) < 0.002));
}

describe('the banner of a SECRET document', () => {
  const seed = readFileSync(join(ROOT, 'data/briefings/canada-korea-1995.yaml'), 'utf8');
  async function pdf(classification: string, language = 'en'): Promise<Uint8Array> {
    const dir = mkdtempSync(join(tmpdir(), 'briefkit-banner-doc-'));
    const file = join(dir, 'doc.yaml');
    writeFileSync(file, seed.replace(/^classification: .*$/m, `classification: "${classification}"`).replace(/^language: en$/m, `language: ${language}`));
    const r = await withTheme(theme(), () => buildTarget(file, { theme: theme() }));
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics.slice(0, 3)));
    const out = r.outputs.find((o) => o.name.endsWith('.pdf'));
    if (!out) throw new Error('no PDF');
    return out.bytes;
  }

  it('is drawn in the SECRET colour; an UNCLASSIFIED one in the default colour', async () => {
    const secret = await pdf('SECRET // CEO');
    expect(fills(secret, LEVEL)).toBe(true);
    expect(fills(secret, DEFAULT)).toBe(false);
    const unclassified = await pdf('UNCLASSIFIED');
    expect(fills(unclassified, LEVEL)).toBe(false);
    expect(fills(unclassified, DEFAULT)).toBe(true);
  }, 60_000);
});
