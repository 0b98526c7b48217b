/**
 * Real duplex, read back from the PDF (word boxes from `pdftotext -bbox`): on facing pages the
 * text block moves by the binding gutter, and the page number and running title sit on the
 * outer edge (right on right-hand pages, left on left-hand pages), for briefings and packs.
 * Single-sided output does not depend on the gutter at all. A pack's footer keeps each
 * briefing's own "page n of m" whatever the length of its title.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/index.js';
import { buildPack } from '../../src/build/index.js';
import { DEFAULT_GUTTER_MM, defaultTheme, PT_PER_MM, withGutter } from '../../src/theme/index.js';
import { ellipsize, fitFooter } from '../../src/layout/furniture.js';
import { tempFile } from '../helpers/pdf.js';
import { removeTemps, runCli, tmp } from '../robust/helpers.js';

const FILE = 'data/briefings/canada-korea-1995.yaml';
const SOURCE = readFileSync(FILE, 'utf8');
const PACK = 'data/packs/korea-1995.yaml';
const A4 = { width: 595.28, height: 841.89 };
const OUTSIDE = defaultTheme.margins.outside;
const GUTTER = DEFAULT_GUTTER_MM * PT_PER_MM;

interface Word { x0: number; y0: number; x1: number; y1: number; text: string }

/** Words of every page with their boxes (pt, top-left origin). */
function words(path: string): Word[][] {
  const html = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return html.split('<page ').slice(1).map((p) => [...p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5] ?? '' })));
}

/** The page's measurements: left edge of its text, and where its footer's page number and header's title are. */
function sides(page: readonly Word[], pageWord: RegExp, title: string): { left: number; right: number; number?: Word; title?: Word } {
  // The marking is centred and outside the column: leave it out of the text block's edges.
  const text = page.filter((w) => !/^(UNCLASSIFIED|NON CLASSIFIÉ)$/.test(w.text));
  const footer = text.filter((w) => w.y0 > A4.height - 60);
  const header = text.filter((w) => w.y1 < 72);
  const number = footer.find((w, i) => pageWord.test(w.text) && /^\d+$/.test(footer[i + 1]?.text ?? ''));
  const titleWord = header.find((w) => w.text === title);
  return { left: Math.min(...text.map((w) => w.x0)), right: Math.max(...text.map((w) => w.x1)), ...(number ? { number } : {}), ...(titleWord ? { title: titleWord } : {}) };
}

let briefing: Word[][] = [];
let single: Word[][] = [];
let pack: Word[][] = [];

beforeAll(async () => {
  const d = await buildBriefing({ file: FILE }, { duplex: true, cover: true, toc: true });
  const s = await buildBriefing({ file: FILE }, { cover: true, toc: true });
  const p = await buildPack(PACK, { separate: false, threads: 0 });
  if (!d.ok || !s.ok || !p.ok) throw new Error('build failed');
  briefing = words(tempFile(d.pdf));
  single = words(tempFile(s.pdf));
  pack = words(tempFile(p.pdf));
}, 120_000);
const made: string[] = [];
afterAll(() => {
  removeTemps();
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

describe('duplex: the binding gutter and the outer edge, read from the PDF', () => {
  // The cover (page 1) has no running texts; pages 2.. have header and footer.
  it.each([['a briefing', () => briefing], ['a pack', () => pack]] as const)(
    '%s: the text block is wider inside by the gutter, mirrored on facing pages', (_what, pages) => {
      const ps = pages();
      expect(ps.length).toBeGreaterThanOrEqual(4);
      for (let i = 1; i < ps.length; i++) {
        const s = sides(ps[i] as Word[], /^Page$/, 'Canada');
        if (!Number.isFinite(s.left)) continue;
        const recto = i % 2 === 0;
        // Right-hand pages: the inside margin (outside + gutter) on the left; left-hand pages: on the right.
        if (recto) {
          expect(s.left, `page ${i + 1}`).toBeCloseTo(OUTSIDE + GUTTER, 0);
          expect(s.right, `page ${i + 1}`).toBeLessThanOrEqual(A4.width - OUTSIDE + 0.5);
        } else {
          expect(s.left, `page ${i + 1}`).toBeCloseTo(OUTSIDE, 0);
          expect(s.right, `page ${i + 1}`).toBeLessThanOrEqual(A4.width - OUTSIDE - GUTTER + 0.5);
        }
      }
      // Facing pages 2 and 3: left edges differ by the gutter.
      const l2 = sides(ps[1] as Word[], /^Page$/, 'Canada').left;
      const l3 = sides(ps[2] as Word[], /^Page$/, 'Canada').left;
      expect(l3 - l2).toBeCloseTo(GUTTER, 0);
    });

  it.each([['a briefing', () => briefing], ['a pack', () => pack]] as const)(
    '%s: the page number and the running title are on the outer edge', (_what, pages) => {
      const ps = pages();
      let checked = 0;
      for (let i = 1; i < ps.length; i++) {
        const s = sides(ps[i] as Word[], /^(Page)$/, 'Canada');
        if (!s.number) continue;
        const recto = i % 2 === 0;
        const footer = (ps[i] as Word[]).filter((w) => w.y0 > A4.height - 60 && w.y0 < A4.height - 30);
        if (recto) {
          // "Page 3 of 5": its last word ends at the right edge of the column.
          expect(Math.max(...footer.map((w) => w.x1)), `page ${i + 1}`).toBeCloseTo(A4.width - OUTSIDE, 0);
          expect(s.number.x0, `page ${i + 1}`).toBeGreaterThan(A4.width / 2);
          if (s.title) expect(s.title.x0, `page ${i + 1}`).toBeGreaterThan(A4.width / 2);
        } else {
          expect(s.number.x0, `page ${i + 1}`).toBeCloseTo(OUTSIDE, 0);
          if (s.title) expect(s.title.x0, `page ${i + 1}`).toBeCloseTo(OUTSIDE, 0);
        }
        checked++;
      }
      expect(checked).toBeGreaterThanOrEqual(3);
    });

  it('single-sided: both margins are the outside margin and the page number is on the right of every page', () => {
    for (let i = 1; i < single.length; i++) {
      const s = sides(single[i] as Word[], /^Page$/, 'Canada');
      expect(s.left).toBeCloseTo(OUTSIDE, 0);
      if (s.number) expect(s.number.x0).toBeGreaterThan(A4.width / 2);
    }
  });

  it('single-sided output is byte-identical whatever the gutter (it applies to duplex only)', async () => {
    const a = await buildBriefing({ file: FILE }, {});
    const b = await buildBriefing({ file: FILE }, { theme: withGutter(defaultTheme, 30) });
    if (!a.ok || !b.ok) throw new Error('build failed');
    expect(Buffer.compare(a.pdf, b.pdf)).toBe(0);
  });
});

describe('--gutter', () => {
  it('sets the gutter in millimetres: facing pages differ by it', async () => {
    const out = tmp();
    const r = await runCli(['build', FILE, '--duplex', '--gutter', '20', '--out', out, '--force']);
    expect(r.code).toBe(0);
    const ps = words(join(out, 'canada-korea-1995.pdf'));
    expect(sides(ps[0] as Word[], /^Page$/, 'Canada').left).toBeCloseTo(OUTSIDE + 20 * PT_PER_MM, 0);
    expect(sides(ps[1] as Word[], /^Page$/, 'Canada').left).toBeCloseTo(OUTSIDE, 0);
  });

  it.each(['-3', '51', 'wide'])('refuses %s with exit 2 and writes nothing', async (v) => {
    const out = tmp();
    const r = await runCli(['build', FILE, '--duplex', '--gutter', v, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--gutter takes a number of millimetres/);
    expect(execFileSync('ls', ['-A', out], { encoding: 'utf8' }).trim()).toBe('');
  });
});

describe('pack footer: a long title never eats the briefing\'s own "page n of m"', () => {
  const LONG = `Canada and the Republic of Korea: ${'a very long title about trade, investment, science and technology co-operation, '.repeat(3)}the end`.slice(0, 276);

  it.each([true, false])('a 276-character title (duplex %s): every body page shows "…, page n of m" in full', async (duplex) => {
    expect([...LONG]).toHaveLength(276);
    // Pack briefings must be inside the project: a folder under test/, removed afterwards.
    const dir = mkdtempSync(join(process.cwd(), 'test', '.tmp-duplex-'));
    made.push(dir);
    const data = SOURCE.replace(/^title: .*$/m, () => `title: ${JSON.stringify(LONG)}`);
    writeFileSync(join(dir, 'long.yaml'), data);
    writeFileSync(join(dir, 'fr.yaml'), readFileSync('data/briefings/canada-korea-1995.fr.yaml', 'utf8'));
    writeFileSync(join(dir, 'pack.yaml'), readFileSync(PACK, 'utf8').replace(/^briefings:[\s\S]*?(?=^distribution:)/m, () => 'briefings:\n  - long.yaml\n  - fr.yaml\n'));
    const r = await buildPack(relative(process.cwd(), join(dir, 'pack.yaml')), { separate: false, threads: 0, duplex });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const text = execFileSync('pdftotext', ['-layout', tempFile(r.pdf), '-'], { encoding: 'utf8' });
    const own = [...text.matchAll(/…, page (\d+) of (\d+)/g)];
    // Every page of the long-titled briefing carries its own count, shortened title first.
    expect(own.length).toBeGreaterThanOrEqual(3);
    const total = Number(own[0]?.[2]);
    expect(own.map((m) => Number(m[1]))).toEqual(Array.from({ length: total }, (_v, i) => i + 1));
    expect(text).toMatch(/Canada and the Republic of Korea: a very long/);
  });

  it('fitFooter shortens only the title, measured, on grapheme boundaries', () => {
    const width = (s: string): number => [...s].length;
    expect(fitFooter('T'.repeat(50) + ', page 2 of 5', 'T'.repeat(50), 30, width)).toBe(`${'T'.repeat(16)}…, page 2 of 5`);
    expect(fitFooter('short, page 2 of 5', 'short', 30, width)).toBe('short, page 2 of 5');
    // A flag (two regional indicators) or an accented letter is never cut in two.
    expect(ellipsize('ab\u{1F1E8}\u{1F1E6}cd', 4.5, width)).toBe('ab…');
    expect(ellipsize('abe\u0301cd', 4.5, width)).toBe('ab…');
    expect(ellipsize('abc', 3, width)).toBe('abc');
  });
});
