// Slides are their own target (issue 15): a deck that fails never costs the print PDF; text
// that does not fit shrinks, then continues evenly (never one item alone on a "(cont.)"
// slide); slide errors point at the data field; the PPTX names a font Office and LibreOffice
// both have, with text sized so that it stays in its boxes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { main } from '../../src/cli/main.js';
import { buildSlides } from '../../src/build/index.js';
import type { SlidePlan } from '../../src/slides/index.js';
import { evenGroups, splitItems } from '../../src/slides/split.js';
import { tempFile } from '../helpers/pdf.js';
import { baseData, buildOk, FILE, hasSoffice, longSection } from './helpers.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => { out += s + '\n'; }, err: (s) => { err += s + '\n'; } });
  return { code, out, err };
}

interface Word { text: string; xMin: number; yMin: number; xMax: number; yMax: number }

/** Every word of every page, with its box (pt), from `pdftotext -bbox`. */
function pageWords(pdf: string): { width: number; height: number; words: Word[] }[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return html.split('<page ').slice(1).map((page) => {
    const width = Number(/width="([\d.]+)"/.exec(page)?.[1]);
    const height = Number(/height="([\d.]+)"/.exec(page)?.[1]);
    const words = [...page.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)]
      .map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5] ?? '' }));
    return { width, height, words };
  });
}

/** Words that leave the slide, or content words that reach into the footer zone (under `bottom`). */
function outside(pdf: string, bottom: number): string[] {
  const bad: string[] = [];
  pageWords(pdf).forEach((p, i) => {
    for (const w of p.words) {
      const off = w.xMin < -0.5 || w.yMin < -0.5 || w.xMax > p.width + 0.5 || w.yMax > p.height + 0.5;
      // Content starts above the footer zone; a word that starts there and ends below it ran over.
      const over = w.yMin < bottom && w.yMax > bottom + 2;
      if (off || over) bad.push(`slide ${i + 1}: "${w.text}" at ${w.xMin},${w.yMin}-${w.xMax},${w.yMax}`);
    }
  });
  return bad;
}

/** Items (points, or key-figure cards) on each slide that continues another. */
function continuationItems(plans: readonly SlidePlan[]): number[] {
  return plans.filter((p) => p.part > 1).map((p) => p.frames.reduce((n, f) => n + (f.kind === 'text' && (f.use === 'list' || f.use === 'figure') ? f.paras.length / (f.use === 'figure' ? 2 : 1) : 0), 0));
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'briefkit-own-'));
}

/** A briefing as YAML in a scratch folder; returns its path and text. */
function yamlFile(dir: string, data: Record<string, unknown>, name = 'deck.yaml'): { path: string; text: string } {
  const text = stringify(data, { lineWidth: 0 });
  const path = join(dir, name);
  writeFileSync(path, text);
  return { path, text };
}

/** 1-based line and column of the first `key:` in YAML text. */
function fieldAt(text: string, key: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(`${key}:`));
  return `${i + 1}:${key.length + 3}`;
}

describe('split over continuation slides', () => {
  it.each([
    ['5 equal points, 4 a slide: 3 + 2', [10, 10, 10, 10, 10], 40, [3, 2]],
    ['7 equal points, 4 a slide: 4 + 3', [10, 10, 10, 10, 10, 10, 10], 40, [4, 3]],
    ['3 points, 2 a slide: 1 + 2, never 2 + 1', [10, 10, 10], 20, [1, 2]],
    ['2 points that cannot share a slide: 1 + 1 (nothing else exists)', [30, 30], 40, [1, 1]],
    ['9 points, 4 a slide: 3 + 3 + 3', Array.from({ length: 9 }, () => 10), 40, [3, 3, 3]],
    ['a tall point first: 1 + 2', [35, 10, 10], 40, [1, 2]],
    ['fits on one', [10, 10], 40, [2]],
  ])('%s', (_name, heights, room, want) => {
    expect(splitItems({ heights, gap: 0, first: room, rest: room })).toEqual(want);
  });

  it.each([[1, 6, [1]], [6, 6, [6]], [7, 6, [4, 3]], [13, 6, [5, 4, 4]], [5, 4, [3, 2]], [40, 6, [6, 6, 6, 6, 6, 5, 5]]])('%i key figures, %i a slide: %j', (n, max, want) => {
    expect(evenGroups(n, max)).toEqual(want);
  });

  it('never leaves one item alone on a continuation slide when two fit one (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 33 }), { minLength: 1, maxLength: 60 }), (hs) => {
      const sizes = splitItems({ heights: hs, gap: 2, first: 100, rest: 100 });
      expect(sizes).toBeDefined();
      expect((sizes ?? []).reduce((a, b) => a + b, 0)).toBe(hs.length);
      // Items at most a third of the room: any two or three share a slide.
      expect((sizes ?? []).slice(1).every((n) => n >= 2)).toBe(true);
    }), { numRuns: 300 });
  });
});

describe('realistic data builds its deck', () => {
  it.each([
    ['currency EUR, partner "Republic of Korea"', { currency: 'EUR', partner: 'Republic of Korea' }],
    ['currency KRW in units, partner "Republic of Korea"', { currency: 'KRW', unit: 'one', partner: 'Republic of Korea' }],
    ['currency USD, partner "Democratic Socialist Republic of Sri Lanka"', { currency: 'USD', partner: 'Democratic Socialist Republic of Sri Lanka' }],
  ])('%s: key figures fit their cards, on one slide', async (_name, trade) => {
    const base = baseData();
    const data = { ...base, trade: { ...(base['trade'] as Record<string, unknown>), ...trade } };
    const r = await buildOk({ data, name: 'variant.json' }, { overflow: 'error' });
    expect(r.plans.filter((p) => p.source.kind === 'keyFigures')).toHaveLength(1);
    expect(outside(tempFile(r.pdf, 'deck.pdf'), r.plans[0] ? 365 : 0)).toEqual([]);
  }, 60_000);
});

describe('a failing deck never stops the print PDF', () => {
  it('build --slides --overflow error: print PDF byte-identical to a plain build, exit 1, recorded; check agrees', async () => {
    const dir = scratch();
    const { path } = yamlFile(dir, longSection(9, { id: 'long-deck' }));
    const withSlides = join(dir, 'with');
    const plain = join(dir, 'plain');
    const a = await run(['build', path, '--slides', '--overflow', 'error', '--out', withSlides]);
    expect(a.code).toBe(1);
    expect(a.err).toMatch(/slides\/overflow/);
    expect(a.err).toContain('deck.yaml:');
    expect(a.err).toMatch(/long-deck-slides\.pdf, .*long-deck\.pptx not built/);
    expect(existsSync(join(withSlides, 'long-deck-slides.pdf'))).toBe(false);
    expect(existsSync(join(withSlides, 'long-deck.pptx'))).toBe(false);
    const b = await run(['build', path, '--out', plain]);
    expect(b.code).toBe(0);
    expect(readFileSync(join(withSlides, 'long-deck.pdf')).equals(readFileSync(join(plain, 'long-deck.pdf')))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(withSlides, '.briefkit-manifest.json'), 'utf8')) as { outputs: Record<string, unknown> };
    expect(Object.keys(manifest.outputs)).toEqual(['long-deck.pdf']);
    const c = await run(['check', path, '--slides', '--overflow', 'error', '--out', withSlides]);
    expect(c.code).toBe(1);
    expect(c.err).toMatch(/missing \S*long-deck-slides\.pdf, \S*long-deck\.pptx; up-to-date \S*long-deck\.pdf/);
    // In continue mode the same data builds everything, and check passes.
    const d = await run(['build', path, '--slides', '--out', withSlides]);
    expect(d.code).toBe(0);
    expect((await run(['check', path, '--slides', '--out', withSlides])).code).toBe(0);
  }, 120_000);
});

describe('slide errors point at the data', () => {
  it('a 400-character title is an error at the title field, and no deck is made', async () => {
    const dir = scratch();
    const { path, text } = yamlFile(dir, { ...baseData(), title: 'Canada and Korea '.repeat(24).slice(0, 400) });
    const r = await run(['slides', path, '--out', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`deck.yaml:${fieldAt(text, 'title')}: error`);
    expect(r.err).not.toContain('document.hbs');
  }, 60_000);

  it('a title too wide for the title slide is slides/overflow at the title field, not at document.hbs:1:1', async () => {
    const dir = scratch();
    const title = 'WWWWWWWW '.repeat(33).trim();
    const { path, text } = yamlFile(dir, { ...baseData(), title, subtitle: 'MMMMMMMM '.repeat(30).trim() });
    const r = await run(['slides', path, '--out', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`deck.yaml:${fieldAt(text, 'title')}: error slides/overflow`);
    expect(r.err).not.toContain('document.hbs');
    // The print PDF of the same data is still built alongside the failing deck.
    const b = await run(['build', path, '--slides', '--out', join(dir, 'out')]);
    expect(b.code).toBe(1);
    expect(existsSync(join(dir, 'out', 'canada-korea-1995.pdf'))).toBe(true);
  }, 60_000);

  it('a 276-character title shrinks onto the title slide', async () => {
    const r = await buildOk({ data: { ...baseData(), title: 'Canada and the Republic of Korea, bilateral relations and trade '.repeat(5).slice(0, 276).trim() }, name: 'long.json' }, { overflow: 'error' });
    expect(outside(tempFile(r.pdf, 'deck.pdf'), 365)).toEqual([]);
  }, 60_000);
});

describe('overflow read back from the slide PDF (property)', () => {
  const words = ['trade', 'Korea', 'investment', 'co-operation', 'Asia-Pacific', 'partnership', 'technology', 'EUR 4,832,222,327', 'environmental', 'Republic'];
  const sentence = (n: number, seed: number): string => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(words[(seed + i * 7) % words.length] as string);
    return out.join(' ') + '.';
  };
  it('no continuation slide holds a single item, and no text leaves the slide', async () => {
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 1, max: 40 }),
      fc.array(fc.integer({ min: 1, max: 28 }), { minLength: 40, maxLength: 40 }),
      fc.integer({ min: 0, max: 36 }),
      async (bullets, lengths, rankings) => {
        const base = baseData();
        const trade = base['trade'] as Record<string, unknown>;
        const data = {
          ...base,
          sections: [{ id: 's', title: 'Talking points', bullets: Array.from({ length: bullets }, (_v, i) => sentence(lengths[i] ?? 5, i)) }],
          trade: {
            ...trade,
            rankings: Array.from({ length: rankings }, (_v, i) => ({ year: 1994, measure: i % 2 ? 'export destination' : 'import source', scope: i % 3 ? 'world' : 'Asia-Pacific', rank: i + 1 })),
          },
        };
        const r = await buildSlides({ data, name: 'random.json' });
        if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
        for (const n of continuationItems(r.plans)) expect(n).toBeGreaterThanOrEqual(2);
        expect(outside(tempFile(r.pdf, 'deck.pdf'), r.plans.length ? 365 : 0)).toEqual([]);
      },
    ), { numRuns: 12 });
  }, 600_000);
});

describe('the PPTX in LibreOffice', () => {
  it.skipIf(!hasSoffice())('names Arial, and no text leaves its slide or runs into the footer once LibreOffice sets it', async () => {
    const base = baseData();
    const data = { ...base, trade: { ...(base['trade'] as Record<string, unknown>), currency: 'EUR', partner: 'Republic of Korea' } };
    const r = await buildOk({ data: longSection(7, data), name: 'lo.json' });
    const dir = scratch();
    const path = join(dir, 'deck.pptx');
    writeFileSync(path, r.pptx);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, path], { stdio: 'ignore', timeout: 120_000 });
    const pdf = join(dir, 'deck.pdf');
    expect(pageWords(pdf)).toHaveLength(r.plans.length);
    expect(outside(pdf, 365)).toEqual([]);
  }, 150_000);

  it('sizes each text box for Arial: the PPTX text is no larger than the PDF text', async () => {
    const r = await buildOk({ file: FILE });
    const { zipText } = await import('./helpers.js');
    const path = tempFile(r.pptx, 'deck.pptx');
    const xml = zipText(path, 'ppt/slides/slide1.xml');
    expect(xml).toContain('typeface="Arial"');
    expect(xml).not.toContain('Source Sans 3');
    // The cover title is 36 pt in the PDF; in Arial it is set smaller so its line is no wider.
    const sizes = [...xml.matchAll(/sz="(\d+)" b="1"/g)].map((m) => Number(m[1]));
    expect(Math.max(...sizes)).toBeLessThan(3600);
    expect(Math.max(...sizes)).toBeGreaterThan(3000);
  }, 60_000);
});
