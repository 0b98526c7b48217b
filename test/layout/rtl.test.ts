import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { PagedDocument } from '../../src/layout/types.js';
import { buildBriefing } from '../../src/build/index.js';
import { SAMPLES } from '../text/script-samples.js';
import { cleanTemp, pageWords, pdfFile } from './pdf-readback.js';
import type { Word } from './pdf-readback.js';

/*
 * Right-to-left paragraphs, read back from the PDF (pdftotext -bbox): a paragraph or list item
 * whose first strong character is Arabic or Hebrew (Unicode bidi P2/P3) is set from the right
 * edge of its column with its bullet on the right; one whose first strong character is Latin
 * stays left-aligned with its bullet on the left, whatever right-to-left words it holds.
 */

const FILE = 'data/briefings/canada-korea-1995.yaml';
const SOURCE = readFileSync(FILE, 'utf8');

afterAll(cleanTemp);

/** The seed's head with one section: an optional intro and `bullets`. */
function source(bullets: readonly string[], intro?: string): string {
  return SOURCE.slice(0, SOURCE.indexOf('sections:')) +
    `sections:\n  - id: rtl\n    title: Directions\n${intro !== undefined ? `    intro: ${JSON.stringify(intro)}\n` : ''}    bullets:\n${bullets.map((b) => `      - ${JSON.stringify(b)}\n`).join('')}`;
}

async function build(bullets: readonly string[], intro?: string): Promise<{ paged: PagedDocument; words: Word[] }> {
  const r = await buildBriefing({ file: FILE, text: source(bullets, intro) });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return { paged: r.paged, words: pageWords(pdfFile(r.pdf))[0] ?? [] };
}

/** Words on the line whose baseline box overlaps `w`'s (same line of text), `w` excluded. */
const lineOf = (words: readonly Word[], w: Word): Word[] =>
  words.filter((v) => v !== w && Math.abs((v.y0 + v.y1) / 2 - (w.y0 + w.y1) / 2) < 3 && v.x0 > 40);

/** Bullets of the page (bold "•" glyphs), top to bottom, each with the words of its line. */
function bullets(words: readonly Word[]): { mark: Word; line: Word[] }[] {
  return words.filter((w) => w.t === '•').sort((a, b) => a.y0 - b.y0).map((mark) => ({ mark, line: lineOf(words, mark) }));
}

const right = (ws: readonly Word[]): number => Math.max(...ws.map((w) => w.x1));
const left = (ws: readonly Word[]): number => Math.min(...ws.map((w) => w.x0));

/** The direction P2/P3 give: that of the first strong letter (Arabic and Hebrew are right to left). */
const rtlFirst = (s: string): boolean => /^[^\p{L}]*[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(s);

describe('right-to-left paragraphs start at the right edge (Unicode bidi P2/P3, read back from the PDF)', () => {
  it('a bullet opening with Hebrew is right-aligned with its bullet on the right; one opening with Latin stays left', async () => {
    const { paged, words } = await build(['משרד החוץ Canada trade', 'Canada trade משרד החוץ']);
    const c = paged.pages[0]?.content;
    if (!c) throw new Error('no page');
    const [he, en] = bullets(words);
    if (!he || !en) throw new Error(`bullets not found: ${JSON.stringify(words.map((w) => w.t))}`);
    // Hebrew first: the text ends at the column's right edge, the bullet right of it.
    expect(right(he.line)).toBeGreaterThan(c.x + c.width - 30);
    expect(he.mark.x0).toBeGreaterThan(right(he.line));
    expect(he.mark.x1).toBeLessThanOrEqual(c.x + c.width + 0.5);
    expect(left(he.line)).toBeGreaterThan(c.x + c.width / 2);
    // Latin first: bullet at the left margin, text after it, far from the right edge.
    expect(en.mark.x0).toBeLessThan(c.x + 10);
    expect(left(en.line)).toBeGreaterThan(en.mark.x1);
    expect(right(en.line)).toBeLessThan(c.x + c.width / 2);
  }, 60_000);

  it('a paragraph opening with Arabic ends at the right margin', async () => {
    const { paged, words } = await build(['Canada'], 'مع كندا 2024 trade');
    const c = paged.pages[0]?.content;
    if (!c) throw new Error('no page');
    const trade = words.find((w) => w.t === 'trade');
    if (!trade) throw new Error('intro not found');
    const line = [trade, ...lineOf(words, trade)];
    expect(Math.abs(right(line) - (c.x + c.width))).toBeLessThan(1);
    expect(left(line)).toBeGreaterThan(c.x + c.width / 2);
  }, 60_000);

  it('property: random mixes of Latin, Hebrew and Arabic words: each bullet is set from the side its first strong letter gives', async () => {
    const word = fc.constantFrom(...SAMPLES.Latin, ...SAMPLES.Hebrew, ...SAMPLES.Arabic, '2024', '(', ')');
    // Short bullets (one line each), at least one letter.
    const bullet = fc.array(word, { minLength: 1, maxLength: 5 }).filter((ws) => ws.some((w) => /\p{L}/u.test(w))).map((ws) => ws.join(' '));
    await fc.assert(
      fc.asyncProperty(fc.array(bullet, { minLength: 1, maxLength: 6 }), async (bs) => {
        const { paged, words } = await build(bs);
        const c = paged.pages[0]?.content;
        if (!c) throw new Error('no page');
        const found = bullets(words);
        expect(found.length).toBe(bs.length);
        bs.forEach((b, i) => {
          const f = found[i];
          if (!f) throw new Error('bullet missing');
          const label = `bullet ${i + 1} "${b}"`;
          if (rtlFirst(b)) {
            expect(f.mark.x0, label).toBeGreaterThan(right(f.line));
            expect(f.mark.x1, label).toBeGreaterThan(c.x + c.width - 12);
          } else {
            expect(f.mark.x1, label).toBeLessThan(left(f.line));
            expect(f.mark.x0, label).toBeLessThan(c.x + 12);
          }
        });
      }),
      { seed: 15_000_403, numRuns: Number(process.env['FC_RUNS'] ?? 8) },
    );
  }, 180_000);
});
