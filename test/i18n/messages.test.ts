/**
 * Message catalogs: the list of languages is the files present; catalogs merge key by key over
 * an ordered list of template roots; a parsed catalog is keyed by its bytes, so an edited file
 * is read again in a long-lived process; `checkCatalog`/`checkLanguage` list missing keys at
 * the catalog's file:line; an unknown language is a located error listing what there is.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/diag/errors.js';
import type { Diagnostic } from '../../src/diag/types.js';
import { availableLanguages, checkCatalog, checkLanguage, loadMessages, TEMPLATES_DIR } from '../../src/template/index.js';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
/** A template root holding `messages/<lang>.json` for each entry (text as given). */
function root(catalogs: Readonly<Record<string, string>>): string {
  const d = mkdtempSync(join(tmpdir(), 'briefkit-i18n-'));
  made.push(d);
  mkdirSync(join(d, 'messages'));
  for (const [lang, text] of Object.entries(catalogs)) writeFileSync(join(d, 'messages', `${lang}.json`), text);
  return d;
}
function thrown(f: () => unknown): Diagnostic {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError && e.diagnostics[0]) return e.diagnostics[0];
    throw e;
  }
  throw new Error('no error thrown');
}
const bundled = (lang: string): Record<string, string> =>
  JSON.parse(readFileSync(join(TEMPLATES_DIR, 'messages', `${lang}.json`), 'utf8')) as Record<string, string>;

describe('the languages are the catalogs present', () => {
  it('lists the bundled catalogs, Korean included', () => {
    expect(availableLanguages(TEMPLATES_DIR)).toEqual(['en', 'fr', 'ko']);
  });
  it('adds a project catalog and ignores files that are not language tags', () => {
    const r = root({ 'pt-BR': '{}', notes: '{}', 'EN': '{}' });
    expect(availableLanguages([r, TEMPLATES_DIR])).toEqual(['en', 'fr', 'ko', 'pt-BR']);
  });
});

describe('a catalog is cached by its content, never by path alone', () => {
  it('an edited catalog gives the new text in the same process', () => {
    const r = root({ en: JSON.stringify({ contents: 'Contents' }) });
    expect(loadMessages(r, 'en')['contents']).toBe('Contents');
    writeFileSync(join(r, 'messages', 'en.json'), JSON.stringify({ contents: 'Table of contents' }));
    expect(loadMessages(r, 'en')['contents']).toBe('Table of contents');
  });
  it('an unchanged catalog is the same object (parsed once)', () => {
    const r = root({ en: JSON.stringify({ a: 'x' }) });
    expect(loadMessages(r, 'en')).toBe(loadMessages(r, 'en'));
  });
  it('an edit in the project layer shows through the merge', () => {
    const r = root({ fr: JSON.stringify({ contents: 'Sommaire' }) });
    expect(loadMessages([r, TEMPLATES_DIR], 'fr')['contents']).toBe('Sommaire');
    writeFileSync(join(r, 'messages', 'fr.json'), JSON.stringify({ contents: 'Table' }));
    expect(loadMessages([r, TEMPLATES_DIR], 'fr')['contents']).toBe('Table');
  });
});

describe('catalogs merge key by key over the roots, first root first', () => {
  it('the project overrides one key; every other key comes from the bundled catalog', () => {
    const r = root({ en: JSON.stringify({ contents: 'In this briefing' }) });
    const m = loadMessages([r, TEMPLATES_DIR], 'en');
    const en = bundled('en');
    expect(m['contents']).toBe('In this briefing');
    for (const k of Object.keys(en).filter((k) => k !== 'contents')) expect(m[k], k).toBe(en[k]);
  });
  it('a language only the project has is loaded from it', () => {
    const r = root({ es: JSON.stringify({ contents: 'Índice' }) });
    expect(loadMessages([r, TEMPLATES_DIR], 'es')['contents']).toBe('Índice');
  });
  it('a broken project catalog is a located error in that file', () => {
    const r = root({ en: '{\n  "contents": 3\n}' });
    const d = thrown(() => loadMessages([r, TEMPLATES_DIR], 'en'));
    expect(d.code).toBe('template/messages');
    expect(d.loc?.file).toContain(join('messages', 'en.json'));
    expect(d.loc?.line).toBe(2);
  });
});

describe('a language without a catalog', () => {
  const ref = { file: 'briefing.yaml', line: 2, col: 11 };
  it.each([
    ['es', undefined],
    ['EN', 'en'],
    ['english', 'en'],
    ['korean', 'ko'],
    ['fr-BE', 'fr'],
  ])('%s: located at the language field, lists the languages, suggests %s', (lang, near) => {
    const d = thrown(() => loadMessages(TEMPLATES_DIR, lang, ref));
    expect(d.code).toBe('template/language');
    expect(d.loc).toEqual(ref);
    expect(d.hint).toContain('en, fr, ko');
    if (near) expect(d.message).toContain(`did you mean "${near}"`);
    else expect(d.message).not.toContain('did you mean');
  });
});

describe('missing keys are listed at the catalog', () => {
  it('checkCatalog: one warning per key English has, at the catalog\'s last line', () => {
    const en = JSON.stringify({ a: 'A', b: 'B {x}', c: 'C' }, null, 2);
    const r = root({ en, de: '{\n  "a": "A"\n}\n' });
    const d = checkCatalog(join(r, 'messages', 'de.json'));
    expect(d.map((x) => [x.code, x.severity, x.loc?.line])).toEqual([
      ['template/missing-message', 'warning', 3],
      ['template/missing-message', 'warning', 3],
    ]);
    expect(d.map((x) => x.message)).toEqual([
      'the de message catalog lacks "b" (English: "B {x}")',
      'the de message catalog lacks "c" (English: "C")',
    ]);
    expect(d[0]?.loc?.file).toContain(join('messages', 'de.json'));
  });
  it('ordinal keys are needed only for the language\'s own Intl categories', () => {
    const en = JSON.stringify({ 'ordinal.one': '{n}st', 'ordinal.two': '{n}nd', 'ordinal.few': '{n}rd', 'ordinal.other': '{n}th' });
    const r = root({ en, ko: JSON.stringify({ 'ordinal.other': '{n}위' }), fr: JSON.stringify({ 'ordinal.other': '{n}e' }) });
    expect(checkCatalog(join(r, 'messages', 'ko.json'))).toEqual([]);
    expect(checkCatalog(join(r, 'messages', 'fr.json')).map((x) => x.message)).toEqual(['the fr message catalog lacks "ordinal.one" (English: "{n}st")']);
  });
  it.each(['en', 'fr', 'ko'])('the bundled %s catalog is complete', (lang) => {
    expect(checkCatalog(join(TEMPLATES_DIR, 'messages', `${lang}.json`))).toEqual([]);
  });
  it('checkLanguage compares the merged catalogs: a partial project catalog lacks nothing', () => {
    const r = root({ fr: JSON.stringify({ contents: 'Sommaire' }) });
    expect(checkLanguage([r, TEMPLATES_DIR], 'fr')).toEqual([]);
    expect(checkLanguage([TEMPLATES_DIR], 'es', { file: 'x.yaml', line: 2, col: 11 })[0]?.code).toBe('template/language');
  });
});
