/**
 * Marking schemes chosen by a project: built-ins by name, a project's own scheme from YAML
 * (schema-checked, located errors), and NATO markings combined to the highest level with
 * every caveat.
 */
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/diag/errors.js';
import { checkMarking, combineMarkings, formatMarking, natoScheme, readMarking } from '../../src/marking/index.js';
import { loadScheme, resolveScheme } from '../../src/project/index.js';
import { loadManifest } from '../../src/pack/manifest.js';

const made: string[] = [];
function dir(): string {
  const d = realpathSync(mkdtempSync(join(tmpdir(), 'briefkit-scheme-')));
  made.push(d);
  return d;
}
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

const AGENCY = `id: agency
defaultLanguage: en
separator: " / "
levels:
  - id: public
    names: { en: { text: PUBLIC }, fr: { text: PUBLIC } }
  - id: internal
    names: { en: { text: INTERNAL, aliases: [INT] }, fr: { text: INTERNE } }
    colors: { text: "#ffffff", background: "#aa0000" }
  - id: restricted
    names: { en: { text: RESTRICTED }, fr: { text: RESTREINT } }
caveats:
  - id: staff
    names: { en: { text: STAFF ONLY }, fr: { text: PERSONNEL SEULEMENT } }
  - id: legal
    names: { en: { text: LEGAL PRIVILEGE } }
`;

function thrown(f: () => unknown): readonly { code: string; loc?: { file: string; line: number; col: number }; hint?: string; message: string }[] {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return e.diagnostics;
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('resolveScheme', () => {
  it.each(['canada', 'nato', 'none'])('gives the built-in %s scheme by name', (name) => {
    expect(resolveScheme(name, '/').id).toBe(name);
  });

  it('defaults to the Canadian scheme', () => {
    expect(resolveScheme(undefined, '/').id).toBe('canada');
  });

  it('an unknown name is an error at the config line, listing the built-ins', () => {
    const d = thrown(() => resolveScheme('natto', '/', { file: 'briefkit.config.yaml', line: 9, col: 10 }));
    expect(d.map((x) => x.code)).toEqual(['marking/unknown-scheme']);
    expect(d[0]?.loc).toEqual({ file: 'briefkit.config.yaml', line: 9, col: 10 });
    expect(d[0]?.hint).toMatch(/canada, nato, none/);
  });

  it('reads a project scheme file relative to the project root: order, aliases per language, caveats, colours', () => {
    const d = dir();
    writeFileSync(join(d, 'agency.yaml'), AGENCY);
    const s = resolveScheme('agency.yaml', d);
    expect(s.levels.map((l) => l.id)).toEqual(['public', 'internal', 'restricted']);
    expect(s.levels[1]?.colors).toEqual({ text: '#ffffff', background: '#aa0000' });
    const a = readMarking('INT / LEGAL PRIVILEGE', s);
    const b = readMarking('restricted // staff only', s);
    const both = combineMarkings([a, b], s);
    expect(formatMarking(both, s, 'en')).toBe('RESTRICTED / STAFF ONLY / LEGAL PRIVILEGE');
    // A caveat without a French name prints in the default language.
    expect(formatMarking(both, s, 'fr')).toBe('RESTREINT / PERSONNEL SEULEMENT / LEGAL PRIVILEGE');
    // The same content gives the same scheme object (compiled tables are shared).
    expect(resolveScheme(join(d, 'agency.yaml'), '/')).toBe(s);
  });

  it('a marking the project scheme cannot read is located and lists what the scheme knows', () => {
    const d = dir();
    writeFileSync(join(d, 'agency.yaml'), AGENCY);
    const s = resolveScheme('agency.yaml', d);
    const diag = checkMarking('SECRET', s, { loc: { file: 'b.yaml', line: 7, col: 17 }, path: 'classification' });
    expect(diag?.code).toBe('marking/unknown');
    expect(diag?.loc).toEqual({ file: 'b.yaml', line: 7, col: 17 });
    expect(diag?.hint).toContain('PUBLIC, INTERNAL (INT, INTERNE), RESTRICTED');
    expect(diag?.hint).toContain('STAFF ONLY');
  });

  const scheme = (levels: string, extra = ''): string => `id: bad\nlevels:\n${levels}${extra}`;
  it.each([
    ['no levels', 'id: bad\nlevels: []\n', 'marking-scheme/empty', 2],
    ['a level without names', scheme('  - id: a\n'), 'marking-scheme/required', 3],
    ['a bad colour', scheme('  - id: a\n    names: { en: { text: A } }\n    colors: { text: red }\n'), 'marking-scheme/format', 5],
    ['an unknown field', scheme('  - id: a\n    names: { en: { text: A } }\n', 'order: ascending\n'), 'marking-scheme/unknown-field', 5],
    ['one name for two levels', scheme('  - id: a\n    names: { en: { text: A } }\n  - id: b\n    names: { en: { text: B, aliases: [A] } }\n'), 'marking-scheme/invalid', 5],
    ['a level without a name in the default language', scheme('  - id: a\n    names: { fr: { text: A } }\n'), 'marking-scheme/invalid', 3],
    ['whenEmpty naming no caveat', scheme('  - id: a\n    names: { en: { text: A } }\n', 'release:\n  names: { en: { text: REL TO } }\n  codes: [CAN]\n  whenEmpty: ceo\n'), 'marking-scheme/invalid', 6],
  ])('a scheme file with %s is a located error', (_name, text, code, line) => {
    const d = dir();
    const f = join(d, 's.yaml');
    writeFileSync(f, text);
    const r = loadScheme(f);
    expect(r.ok).toBe(false);
    const found = r.ok ? undefined : r.diagnostics.find((x) => x.code === code);
    expect(found, JSON.stringify(r)).toBeDefined();
    expect(found?.loc?.file).toBe(f);
    expect(found?.loc?.line).toBe(line);
    expect(found?.hint).toBeTruthy();
  });

  it('a scheme file that is missing is an error at the config line that names it', () => {
    const d = thrown(() => resolveScheme('nowhere.yaml', dir(), { file: 'briefkit.config.yaml', line: 4, col: 10 }));
    expect(d[0]?.code).toBe('data/read');
    expect(d[0]?.loc).toEqual({ file: 'briefkit.config.yaml', line: 4, col: 10 });
  });
});

describe('NATO markings', () => {
  it('a pack of NATO SECRET and NATO CONFIDENTIAL // ATOMAL is NATO SECRET // ATOMAL', () => {
    const parts = ['NATO SECRET', 'NATO CONFIDENTIAL//ATOMAL', 'NU'].map((t) => readMarking(t, natoScheme));
    expect(formatMarking(combineMarkings(parts, natoScheme), natoScheme, 'en')).toBe('NATO SECRET // ATOMAL');
    expect(formatMarking(combineMarkings(parts, natoScheme), natoScheme, 'fr')).toBe('NATO SECRET // ATOMAL');
  });

  it('a pack manifest is read in the project scheme: NATO under nato, an error under canada', () => {
    const d = dir();
    writeFileSync(join(d, 'a.yaml'), readFileSync('data/briefings/canada-korea-1995.yaml', 'utf8'));
    const m = join(d, 'p.yaml');
    writeFileSync(m, 'id: p\ntitle: P\ndate: 1995-10-01\nclassification: NATO RESTRICTED\nbriefings: [a.yaml]\n');
    const nato = loadManifest(m, { scheme: natoScheme });
    expect(nato.ok && nato.manifest.marking).toEqual({ level: 1, caveats: [] });
    const canada = loadManifest(m);
    expect(canada.ok).toBe(false);
    expect(canada.diagnostics.find((x) => x.code === 'marking/unknown')?.loc).toMatchObject({ file: m, line: 4, col: 17 });
  });
});

describe('a pack under the NATO scheme, through the API', () => {
  // Fails today: the data stage reads each briefing's marking in the Canadian scheme
  // (src/data/semantic.ts, src/data/build.ts use defaultScheme), so "NATO SECRET" is refused
  // before the pack sees it. Flip to `it` once BuildOptions.scheme reaches loadBriefing.
  it('is marked with the highest NATO level and every caveat, on every page', async () => {
    const { buildPack } = await import('../../src/build/index.js');
    const { openPdf, pageText } = await import('../helpers/pdfjs.js');
    const d = dir();
    const seed = readFileSync('data/briefings/canada-korea-1995.yaml', 'utf8');
    const briefing = (id: string, marking: string): string => seed.replace('id: canada-korea-1995', `id: ${id}`).replace('classification: UNCLASSIFIED', `classification: ${marking}`);
    writeFileSync(join(d, 'a.yaml'), briefing('a', 'NATO SECRET'));
    writeFileSync(join(d, 'b.yaml'), briefing('b', 'NATO CONFIDENTIAL//ATOMAL'));
    writeFileSync(join(d, 'p.yaml'), 'id: p\ntitle: P\ndate: 1995-10-01\nbriefings: [a.yaml, b.yaml]\n');
    const r = await buildPack(join(d, 'p.yaml'), { scheme: natoScheme, separate: false });
    expect(r.ok && r.marking, JSON.stringify(r.ok ? '' : r.diagnostics)).toBe('NATO SECRET // ATOMAL');
    if (!r.ok) return;
    const doc = await openPdf(r.pdf);
    for (let i = 1; i <= doc.numPages; i++) expect(await pageText(doc, i)).toContain('NATO SECRET // ATOMAL');
  }, 120_000);
});
