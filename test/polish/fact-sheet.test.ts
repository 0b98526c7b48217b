/**
 * The new user's fact sheets (en, fr, ko; test/fixtures/polish) built by the real CLI and read
 * back from the PDF: the author's `derived` text is printed (not the catalog's fixed sentence),
 * trade without top exports or imports has no empty table, a key figure's "-2 %" change has
 * the U+2212 minus, and Korean ranges keep their tilde.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageTexts } from '../helpers/pdf.js';
import { removeTemps, runCli, tmp } from '../robust/helpers.js';

const FIX = 'test/fixtures/polish';
const PDFS = { en: 'fs-canada-vietnam-2026.pdf', fr: 'fs-canada-vietnam-2026-fr.pdf', ko: 'fs-canada-vietnam-2026-ko.pdf' } as const;
type Lang = keyof typeof PDFS;
const text: Partial<Record<Lang, string>> = {};

beforeAll(async () => {
  const out = tmp('briefkit-polish-');
  const r = await runCli(['build', `${FIX}/fact-sheet-en.yaml`, `${FIX}/fact-sheet-fr.yaml`, `${FIX}/fact-sheet-ko.yaml`, '--out', out]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  for (const lang of Object.keys(PDFS) as Lang[]) text[lang] = pageTexts(join(out, PDFS[lang])).join('\n').replace(/\s+/g, ' ');
}, 120_000);
afterAll(removeTemps);

describe('fact sheet wording (new-user report)', () => {
  it.each([
    ['en', 'Figures for 2026: Estimated from January–November data.', 'derived from later figures'],
    ['fr', 'Chiffres de 2026 : Estimation d’après les données de janvier à novembre.', 'taux de croissance'],
    ['ko', '2026년 수치: 1~11월 자료에 근거한 추정치.', '증가율로 산출한'],
  ] as const)('%s prints the author’s derived text, not the catalog sentence', (lang, shown, catalog) => {
    expect(text[lang]).toContain(shown);
    expect(text[lang]).not.toContain(catalog);
  });

  it.each([
    ['en', 'Major Canadian exports', 'Top exports', 'Source: Illustrative figures by the briefing unit'],
    ['fr', 'Principales exportations canadiennes', 'Principales importations du', 'Source : Chiffres fictifs'],
    ['ko', '주요 수출품', '주요 수입품', '출처: 브리핑과 작성 가상 수치'],
  ] as const)('%s has no top-trade table without top exports or imports, and keeps the source', (lang, caption, header, source) => {
    expect(text[lang]).not.toContain(caption);
    expect(text[lang]).not.toContain(header);
    expect(text[lang]).toContain(source);
  });

  it.each(['en', 'fr', 'ko'] as const)('%s prints the "-2 %%" change with U+2212', (lang) => {
    expect(text[lang]).toContain('\u22122 %');
    expect(text[lang]).not.toMatch(/(^|\s)-2 %/);
  });

  it('keeps Korean ranges as tildes', () => {
    expect(text.ko).toContain('3월 14~15일');
    expect(text.ko).toContain('1,350~1,400원');
  });
});

describe('French catalog', () => {
  it('has no straight apostrophe in any message (the body text has curly ones)', () => {
    const fr = JSON.parse(readFileSync('templates/messages/fr.json', 'utf8')) as Record<string, string>;
    expect(Object.entries(fr).filter(([, v]) => v.includes("'"))).toEqual([]);
    expect(fr['briefingLabel']).toBe('Note d’information {n} de {total}');
  });
});
