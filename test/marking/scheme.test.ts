/**
 * Schemes as data: the built-ins are unambiguous, a bad scheme is reported, NATO and `none`
 * behave as documented, and the hint lists what a scheme knows.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  builtinSchemes, canadaScheme, combineMarkings, compileScheme, defaultScheme, formatMarking, languageGaps, natoScheme, noneScheme, parseMarking,
  schemeHint,
} from '../../src/marking/index.js';
import { loadScheme } from '../../src/project/index.js';
import type { Marking, MarkingScheme } from '../../src/marking/index.js';

const read = (text: string, scheme: MarkingScheme): Marking => {
  const r = parseMarking(text, scheme);
  if (!r.ok) throw new Error(`${text}: ${r.reason}`);
  return r.marking;
};

describe('marking schemes', () => {
  it.each(Object.values(builtinSchemes).map((s) => [s.id, s] as const))('%s compiles without ambiguity', (_id, s) => {
    expect(compileScheme(s).problems).toEqual([]);
  });

  it('defaults to the Canadian scheme, lowest level first', () => {
    expect(defaultScheme).toBe(canadaScheme);
    expect(canadaScheme.levels.map((l) => l.names['en']?.text)).toEqual([
      'UNCLASSIFIED', 'PROTECTED A', 'PROTECTED B', 'PROTECTED C', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET',
    ]);
    expect(canadaScheme.levels.map((l) => l.names['fr']?.text)).toEqual([
      'NON CLASSIFIÉ', 'PROTÉGÉ A', 'PROTÉGÉ B', 'PROTÉGÉ C', 'CONFIDENTIEL', 'SECRET', 'TRÈS SECRET',
    ]);
  });

  it('reports what makes a scheme ambiguous or unusable', () => {
    const bad: MarkingScheme = {
      id: 'bad', defaultLanguage: 'en', separator: ' // ', printed: true,
      levels: [
        { id: 'low', names: { en: { text: 'LOW' } } },
        { id: 'low', names: { fr: { text: 'HAUT' } } },
        { id: 'high', names: { en: { text: 'low' } } },
      ],
      caveats: [{ id: 'x', names: { en: { text: 'EYES/ONLY' } } }],
      release: { names: { en: { text: 'REL TO' } }, codes: ['LOW', 'two words'], joiners: ['AND'], whenEmpty: 'nobody' },
    };
    const problems = compileScheme(bad).problems.join('\n');
    expect(problems).toContain('the id "low" is used twice');
    expect(problems).toContain('no name in the default language "en"');
    expect(problems).toContain('the name "low" also names something else');
    expect(problems).toContain('"EYES/ONLY" is not one group of words');
    expect(problems).toContain('the code "LOW" is also a level or caveat');
    expect(problems).toContain('the code "two words" is not one upper-case word');
    expect(problems).toContain('whenEmpty names no caveat');
  });

  it('marks a NATO pack with the highest NATO level and every caveat', () => {
    const parts = ['NATO UNCLASSIFIED', 'nato secret - atomal', 'NATO CONFIDENTIAL', 'NR'].map((t) => read(t, natoScheme));
    const pack = combineMarkings(parts, natoScheme);
    expect(formatMarking(pack, natoScheme, 'en')).toBe('NATO SECRET // ATOMAL');
    expect(formatMarking(combineMarkings([...parts, read('CTS', natoScheme)], natoScheme), natoScheme, 'fr')).toBe('COSMIC TRÈS SECRET // ATOMAL');
    expect(parseMarking('SECRET', natoScheme).ok).toBe(false);
    expect(parseMarking('NATO SECRET', canadaScheme).ok).toBe(false);
  });

  it('`none` reads UNMARKED and prints nothing; a real marking is an error under it', () => {
    expect(formatMarking(read('unmarked', noneScheme), noneScheme, 'en')).toBe('');
    expect(formatMarking(read('NONE', noneScheme), noneScheme, 'fr')).toBe('');
    expect(parseMarking('SECRET', noneScheme).ok).toBe(false);
    expect(parseMarking('UNCLASSIFIED', noneScheme).ok).toBe(false);
  });

  it('combines release lists by what they share, and drops them when a part has none', () => {
    const s = canadaScheme;
    const banner = (...t: string[]): string => formatMarking(combineMarkings(t.map((x) => read(x, s)), s), s, 'en');
    expect(banner('SECRET // REL TO CAN, USA, GBR', 'CONFIDENTIAL // REL TO CAN, GBR')).toBe('SECRET // REL TO CAN, GBR');
    expect(banner('SECRET // REL TO USA', 'SECRET // REL TO GBR')).toBe('SECRET // CANADIAN EYES ONLY');
    expect(banner('SECRET // REL TO CAN, USA', 'UNCLASSIFIED')).toBe('SECRET');
    expect(banner('CONFIDENTIAL', 'CONFIDENTIAL // CANADIAN EYES ONLY')).toBe('CONFIDENTIAL // CANADIAN EYES ONLY');
    expect(() => combineMarkings([], s)).toThrow(/internal/);
  });

  it('hints at every level and caveat it knows', () => {
    const hint = schemeHint(canadaScheme);
    for (const l of canadaScheme.levels) expect(hint).toContain(l.names['en']?.text);
    for (const c of canadaScheme.caveats) expect(hint).toContain(c.names['en']?.text);
    expect(hint).toContain('TRÈS SECRET');
    expect(hint).toContain('REL TO');
  });
});

describe('scheme rules and languages', () => {
  it('a rule naming no caveat or level of the scheme is a problem of the scheme', () => {
    const bad: MarkingScheme = {
      ...natoScheme, rules: [
        { kind: 'min-level', part: 'atoml', level: 'nato-secret', why: 'x' },
        { kind: 'excludes', caveat: 'atomal', other: 'crypto', why: 'x' },
        { kind: 'no-release', caveat: 'atomal', why: 'x' },
      ],
    };
    expect(compileScheme(bad).problems).toEqual([
      'rules: "atoml" is no caveat of the scheme',
      'rules: "crypto" is no caveat of the scheme',
      'rules: "atomal" excludes release lists, but the scheme has none',
    ]);
  });

  it('an excludes rule refuses the two caveats together, naming both', () => {
    const s: MarkingScheme = {
      ...natoScheme, caveats: [...natoScheme.caveats, { id: 'bohemia', names: { en: { text: 'BOHEMIA' } } }],
      rules: [{ kind: 'excludes', caveat: 'atomal', other: 'bohemia', why: 'BOHEMIA material is never ATOMAL' }],
    };
    const r = parseMarking('NATO SECRET // ATOMAL // BOHEMIA', s);
    expect(r.ok ? undefined : r.problem).toMatchObject({ kind: 'contradictory', parts: ['ATOMAL', 'BOHEMIA'] });
    expect(parseMarking('NATO SECRET // BOHEMIA', s).ok).toBe(true);
  });

  it.each(Object.values(builtinSchemes).map((s) => [s.id, s] as const))('%s names everything in every language it uses', (_id, s) => {
    expect(languageGaps(s)).toEqual([]);
  });

  it('a caveat without a French name in a scheme that uses French is reported', () => {
    const s: MarkingScheme = { ...natoScheme, caveats: [...natoScheme.caveats, { id: 'crypto', names: { en: { text: 'CRYPTO' } } }] };
    expect(languageGaps(s)).toEqual(['caveat crypto: no "fr" name']);
  });

  it('Korean banners print the English names: no scheme invents Korean ones', () => {
    expect(formatMarking(read('PROTECTED A', canadaScheme), canadaScheme, 'ko')).toBe('PROTECTED A');
    expect(Object.values(builtinSchemes).flatMap((s) => s.levels.flatMap((l) => Object.keys(l.names)))).not.toContain('ko');
  });
});

describe('loadScheme warns of a name left to the default language', () => {
  it('marking/fallback-language at the caveat', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefkit-scheme-'));
    const file = join(dir, 'scheme.yaml');
    writeFileSync(file, [
      'id: house', 'levels:', '  - id: low', '    names: { en: { text: LOW }, fr: { text: BAS } }', 'caveats:', '  - id: staff', '    names: { en: { text: STAFF ONLY } }', '',
    ].join('\n'));
    const r = loadScheme(file);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map((w) => [w.code, w.severity, w.loc?.line])).toEqual([['marking/fallback-language', 'warning', 6]]);
    expect(r.warnings[0]?.message).toContain('caveat staff: no "fr" name');
  });
});
