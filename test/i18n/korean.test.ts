/**
 * Korean: the fact sheet translated for this project builds as a PDF, slides and PPTX, set in
 * Korean style (lines break at spaces only, never inside a Hangul word, no hyphens; dates
 * "1995년 10월 1일"; money in 억), and the three-language pack lists its contents in
 * English, French and Korean. Everything is read back from the files.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildTarget } from '../../src/build/index.js';
import { breakLines } from '../../src/text/lines.js';
import type { Span } from '../../src/text/lines.js';
import { textWidth } from '../../src/text/measure.js';
import { keepWords } from '../../src/pptx/words.js';
import { pageTexts, tempFile } from '../helpers/pdf.js';

const ROOT = join(import.meta.dirname, '../..');
const KO = join(ROOT, 'data/briefings/canada-korea-1995.ko.yaml');
const PACK = join(ROOT, 'data/packs/korea-1995-trilingual.yaml');
const HANGUL = /\p{Script=Hangul}/u;

/** Every string in the Korean data, and its words as written (split at spaces). */
function sourceStrings(): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v.replace(/\s+/g, ' '));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(parse(readFileSync(KO, 'utf8')));
  return out;
}
const WORDS = new Set(sourceStrings().flatMap((s) => s.split(' ')));

/** Words of each text line of each page, from `pdftotext -bbox-layout` (poppler's own lines). */
function bboxLines(pdf: string): string[][] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const dec = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<line[^>]*>([\s\S]*?)<\/line>/g)].map((m) => [...(m[1] ?? '').matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => dec(w[1] ?? '')));
}

/**
 * Line ends that cut a Hangul word: the last word of a line joined to the first of the next
 * is a word of the data, while the piece at the line end is not one.
 */
function cutWords(lines: readonly string[][]): string[] {
  const cuts: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const last = lines[i]?.at(-1);
    const first = lines[i + 1]?.[0];
    if (!last || !first || !HANGUL.test(last + first)) continue;
    if (WORDS.has(last + first) && !WORDS.has(last)) cuts.push(`${last}|${first}`);
    if (last.endsWith('-') && HANGUL.test(last)) cuts.push(`${last}|${first}`);
  }
  return cuts;
}

let factSheet = '';
let slides = '';
let pptx = '';
let pack = '';
beforeAll(async () => {
  const r = await buildTarget(KO, { slides: true });
  expect(r.ok, JSON.stringify(r.diagnostics.slice(0, 3))).toBe(true);
  if (!r.ok) return;
  for (const o of r.outputs) {
    const path = tempFile(o.bytes, o.name);
    if (o.name.endsWith('-slides.pdf')) slides = path;
    else if (o.name.endsWith('.pptx')) pptx = path;
    else factSheet = path;
  }
  const p = await buildTarget(PACK, {});
  expect(p.ok, JSON.stringify(p.diagnostics.slice(0, 3))).toBe(true);
  if (!p.ok) return;
  const whole = p.outputs.find((o) => !o.name.includes('/'));
  if (whole) pack = tempFile(whole.bytes, whole.name);
}, 120_000);

describe('the Korean fact sheet', () => {
  it('is marked as a translation made for this project, on the page', () => {
    const text = pageTexts(factSheet).join('\n');
    expect(text).toContain('briefkit 프로젝트를 위해 영어 원문에서 번역한 비공식 번역본');
  });

  it('breaks lines at spaces only: no line ends inside a Hangul word, no hyphen', () => {
    const lines = bboxLines(factSheet);
    expect(lines.length).toBeGreaterThan(40);
    // The body really wraps: some data sentence is spread over lines.
    expect(lines.filter((l) => l.some((w) => HANGUL.test(w))).length).toBeGreaterThan(30);
    expect(cutWords(lines)).toEqual([]);
    expect(cutWords(bboxLines(slides))).toEqual([]);
  });

  it('writes dates, money and labels in Korean', () => {
    const text = pageTexts(factSheet).join('\n');
    expect(text).toContain('1995년 10월 1일');
    expect(text).toContain('CA$47억');
    expect(text).toContain('캐나다의 대한국 수출');
    expect(text).toContain('그림 1. 캐나다–한국 상품 교역');
    expect(text).toContain('3쪽 중 1쪽');
    expect(text).not.toMatch(/Figure|Source:|Page \d/);
  });

  it('has slides and a PPTX in Korean', () => {
    expect(pageTexts(slides).join('\n')).toContain('정치 관계');
    const xml = execFileSync('unzip', ['-p', pptx, 'ppt/slides/*.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(xml).toContain('정치 관계');
    expect(xml).toMatch(/lang="ko"/);
    expect(xml).not.toMatch(/lang="en-CA"/);
    // PowerPoint keeps Korean words whole only when told: every paragraph says eaLnBrk="0".
    const paragraphs = xml.match(/<a:p>/g)?.length ?? 0;
    expect(paragraphs).toBeGreaterThan(20);
    expect(xml.match(/<a:p><a:pPr eaLnBrk="0"/g)?.length).toBe(paragraphs);
  });
});

describe('the three-language pack', () => {
  it('lists its contents in English, French and Korean', () => {
    const contents = pageTexts(pack).find((t) => t.includes('Contents')) ?? '';
    for (const title of ['Canada – Republic of Korea', 'Political relations', 'Canada – République de Corée', 'Relations politiques', '캐나다–대한민국', '정치 관계', '수치로 본 교역']) {
      expect(contents).toContain(title);
    }
    const all = pageTexts(pack).join('\n');
    expect(all).toContain('1995년 10월 1일');
    expect(all).toContain('1er octobre 1995');
  });
});

describe('line breaking of Korean text (lines.ts), any width', () => {
  const bullets = sourceStrings().filter((s) => HANGUL.test(s) && s.length > 60);
  const span = (text: string): Span => ({ text, face: 'regular', size: 10.5, color: '#000' });
  it('every line ends at a space or after a dash, never between two Hangul syllables', () => {
    fc.assert(fc.property(fc.constantFrom(...bullets), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (text, k, justify) => {
      const widest = Math.max(...text.split(/[ \u2013]/).map((w) => textWidth(w, 'regular', 10.5)));
      const width = widest + k * 300;
      const lines = breakLines([span(text)], { width, justify, hyphenate: true, lang: 'ko' }).map((l) => l.fragments.map((f) => f.text).join(''));
      // The lines hold the text as written, nothing added (no hyphen), nothing lost.
      expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      let at = 0;
      for (const line of lines.slice(0, -1)) {
        at = text.indexOf(line.trim(), at) + line.trim().length;
        const before = text[at - 1] ?? '';
        const after = text.slice(at).trimStart()[0] ?? '';
        expect(HANGUL.test(before) && HANGUL.test(after) && text[at] !== ' ', `${line}|${text.slice(at, at + 5)}`).toBe(false);
      }
    }), { numRuns: 60 });
  });
});

describe('PPTX paragraphs keep Korean words whole (keepWords)', () => {
  it.each([
    ['ko', '<a:p><a:pPr algn="l"/><a:r/></a:p><a:p><a:r/></a:p>', '<a:p><a:pPr eaLnBrk="0" algn="l"/><a:r/></a:p><a:p><a:pPr eaLnBrk="0"/><a:r/></a:p>'],
    ['ko-KR', '<a:p><a:pPr eaLnBrk="1"/></a:p>', '<a:p><a:pPr eaLnBrk="1"/></a:p>'],
    ['en', '<a:p><a:r/></a:p>', '<a:p><a:r/></a:p>'],
    ['fr', '<a:p><a:pPr algn="l"/></a:p>', '<a:p><a:pPr algn="l"/></a:p>'],
  ])('%s', (lang, xml, out) => expect(keepWords(xml, lang)).toBe(out));
});
