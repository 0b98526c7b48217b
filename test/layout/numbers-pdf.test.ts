import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/doc/types.js';
import { layoutDocument } from '../../src/layout/index.js';
import type { PagedDocument } from '../../src/layout/types.js';
import { renderPdf } from '../../src/render/pdf.js';
import { defaultTheme } from '../../src/theme/default.js';
import type { Theme } from '../../src/theme/types.js';
import { tempFile } from '../helpers/pdf.js';
import { anyNumber, numbersIn, plain, word } from '../text/number-arb.js';
import { doc, loc, para, table } from './helpers.js';

/*
 * Numbers are atoms, read back from the PDF: random paragraphs, table cells and key figures
 * full of numbers (every currency, huge, tiny, negative, many digits) are laid out in narrow
 * columns, rendered, and read with `pdftotext -bbox-layout`. Every number of the input must
 * come out whole on one line of the PDF's text, and no word may leave the page.
 */

/** A theme whose column is `width` pt wide on A4 (595 pt). */
function narrow(width: number): Theme {
  const side = (595.28 - width) / 2;
  return { ...defaultTheme, margins: { ...defaultTheme.margins, inside: side, outside: side } };
}

interface TextLine {
  readonly page: number;
  readonly text: string;
}
interface Word {
  readonly page: number;
  readonly x0: number;
  readonly x1: number;
  readonly text: string;
}

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The PDF's text as poppler groups it: lines of words, and every word's box. */
function readBack(pdf: Uint8Array): { lines: TextLine[]; words: Word[]; pageWidth: number } {
  const xml = execFileSync('pdftotext', ['-bbox-layout', tempFile(pdf), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines: TextLine[] = [];
  const words: Word[] = [];
  let pageWidth = 0;
  xml.split('<page ').slice(1).forEach((page, pi) => {
    pageWidth = Number(/width="([\d.]+)"/.exec(page)?.[1] ?? 0);
    for (const line of page.split('<line ').slice(1)) {
      const ws = [...line.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*?)<\/word>/g)].map((m) => ({
        page: pi, x0: Number(m[1]), x1: Number(m[2]), text: unescape(m[3] ?? ''),
      }));
      words.push(...ws);
      lines.push({ page: pi, text: ws.map((w) => w.text).join(' ') });
    }
  });
  return { lines, words, pageWidth };
}

/** Does `line` hold `n` as a whole number (not the middle of a longer one)? */
function holds(line: string, n: string): boolean {
  const p = plain(n).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\d.,])${p}(?![\\d]|[.,]\\d)`, 'u').test(plain(line));
}

/** The numbers of every text in the blocks, in order. */
function numbersOf(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  const inl = (xs: readonly { kind: string; text?: string }[]): string => xs.map((i) => i.text ?? '').join('');
  for (const b of blocks) {
    if (b.kind === 'paragraph') out.push(...numbersIn(inl(b.content)));
    if (b.kind === 'table') for (const r of [...b.header, ...b.body]) for (const c of r) out.push(...numbersIn(inl(c.content)));
    if (b.kind === 'keyFigures') for (const k of b.items) out.push(...numbersIn(k.value), ...numbersIn(k.change ?? ''));
  }
  return out;
}

async function render(blocks: readonly Block[], width: number, lang: 'en' | 'fr'): Promise<{ paged: PagedDocument; pdf: Buffer }> {
  const tree = doc(blocks, [], lang);
  const paged = layoutDocument({ tree, theme: narrow(width), charts: new Map(), messages: {} });
  return { paged, pdf: await renderPdf(paged, tree.meta) };
}

/** Every number of the input on one line of the PDF's text; every word on the page. */
function problems(blocks: readonly Block[], pdf: Uint8Array): string[] {
  const { lines, words, pageWidth } = readBack(pdf);
  const out: string[] = [];
  for (const n of numbersOf(blocks)) {
    if (!lines.some((l) => holds(l.text, n))) out.push(`split or missing: ${JSON.stringify(n)}`);
  }
  for (const w of words) if (w.x0 < 0 || w.x1 > pageWidth) out.push(`off the page: ${JSON.stringify(w.text)} on page ${w.page + 1}`);
  return out;
}

const sentence = fc.array(fc.oneof({ weight: 2, arbitrary: anyNumber }, { weight: 3, arbitrary: word }), { minLength: 1, maxLength: 25 }).map((ws) => ws.join(' '));

const keyFigures = fc.array(fc.record({ value: anyNumber, label: fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' ')), change: fc.option(anyNumber, { nil: undefined }) }), { minLength: 1, maxLength: 5 })
  .map((items): Block => ({ kind: 'keyFigures', items: items.map(({ change, ...k }) => (change === undefined ? k : { ...k, change })), loc }));

const numberTable = fc.integer({ min: 1, max: 6 }).chain((cols) =>
  fc.tuple(
    fc.array(fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')), { minLength: cols, maxLength: cols }),
    fc.array(fc.array(fc.oneof({ weight: 4, arbitrary: anyNumber }, { weight: 1, arbitrary: sentence }), { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 8 }),
  ).map(([header, body]) => table([header], body, 'Figures')),
);

const blocksArb = fc.array(fc.oneof(sentence.map((s) => para(s)), keyFigures, numberTable), { minLength: 1, maxLength: 4 });

describe('numbers read back from the PDF are never split (fast-check)', () => {
  it('paragraphs, table cells and key figures in columns 60 to 320 pt wide', async () => {
    await fc.assert(
      fc.asyncProperty(blocksArb, fc.integer({ min: 60, max: 320 }), fc.constantFrom('en', 'fr') as fc.Arbitrary<'en' | 'fr'>, async (blocks, width, lang) => {
        const { pdf } = await render(blocks, width, lang);
        expect(problems(blocks, pdf)).toEqual([]);
      }),
      { seed: 15_2024, numRuns: Number(process.env['FC_RUNS'] ?? 30) },
    );
  }, 120_000);

  it.each([80, 140, 481])('the numbers of the issue, whole, in a %i pt column', async (width) => {
    const values = ['KRW 4,832,222,327.0', '\u2212KRW 217,086,489.0', 'C$1.2 billion', '12.5 %', 'US$ 3,4 Mrd', '\u2212$0.3\u00a0B'];
    const blocks: Block[] = [
      { kind: 'keyFigures', items: values.slice(0, 4).map((value) => ({ value, label: 'Two-way trade, 1994', change: '\u221228%' })), loc },
      para(`Two-way trade reached ${values.join(' and ')} in 1994, while imports fell.`),
      table([['Year', 'Exports', 'Imports', 'Balance']], [['1993', values[0] ?? '', values[1] ?? '', values[2] ?? ''], ['1994', '12.5 %', '3 %', '\u2212217,086,489']]),
    ];
    const { pdf } = await render(blocks, width, 'en');
    expect(problems(blocks, pdf)).toEqual([]);
  });
});
