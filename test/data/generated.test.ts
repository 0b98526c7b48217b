import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultLimits, loadBriefing, type LoadResult } from '../../src/data/index.js';
import { BASE, FIXTURES, where } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'briefkit-data-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function splice(old: string, replacement: string): string {
  expect(BASE).toContain(old);
  return BASE.replace(old, replacement);
}

function ok(r: LoadResult): Extract<LoadResult, { ok: true }>['value'] {
  if (!r.ok) throw new Error(`expected ok, got ${r.diagnostics.map(where).join(', ')}`);
  return r.value;
}

const BULLET = '      - Second bullet.';

describe('inputs generated at run time', () => {
  it.each([
    {
      name: '100,000-character bullet',
      text: splice(BULLET, `      - ${'word '.repeat(20_000).trim()}x`),
      code: 'data/too-long',
      at: [12, 9],
      message: /100000 characters long; the limit is 20000/,
    },
    {
      name: '20,001 astral characters count as characters, not UTF-16 units',
      text: splice(BULLET, `      - ${'😀'.repeat(20_001)}`),
      code: 'data/too-long',
      at: [12, 9],
      message: /20001 characters/,
    },
    {
      name: '300 control characters report 100 problems and a count of the rest',
      text: splice(BULLET, Array.from({ length: 300 }, () => '      - "bell \\a"').join('\n')),
      code: 'data/too-many-problems',
      at: [112, 9],
      message: /^200 more problems not shown \(200 errors\)$/,
    },
    {
      name: 'a briefing nested absurdly deep',
      text: `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      code: 'data/too-large',
      message: /nested too deeply/,
    },
    {
      name: 'JSON nested absurdly deep',
      file: 'deep.json',
      text: `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      code: 'data/too-large',
      at: [1, 65],
    },
  ])('$name → $code', ({ text, code, at, message, file }) => {
    const r = loadBriefing({ file: file ?? 'gen.yaml', text });
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.code === code);
    expect(d, r.diagnostics.slice(0, 5).map(where).join(', ')).toBeDefined();
    if (at) expect([d?.loc?.line, d?.loc?.col]).toEqual(at);
    if (message) expect(d?.message).toMatch(message);
  });

  it('refuses a file over maxFileBytes without reading it', () => {
    const file = join(tmp, 'huge.yaml');
    writeFileSync(file, `${BASE}#${'x'.repeat(defaultLimits.maxFileBytes)}\n`);
    const r = loadBriefing({ file });
    expect(r.diagnostics.map(where)).toEqual(['data/too-large@1:1']);
    expect(r.diagnostics[0]?.message).toMatch(/5\.0 MB; the limit is 5\.0 MB/);
  });

  it('applies maxFileBytes to `text` too', () => {
    const r = loadBriefing({ file: 'x.yaml', text: BASE, limits: { maxFileBytes: 100 } });
    expect(r.diagnostics.map(where)).toEqual(['data/too-large@1:1']);
  });

  it('applies maxStringLength and maxListItems', () => {
    const r = loadBriefing({ file: 'x.yaml', text: BASE, limits: { maxStringLength: 12, maxListItems: 1 } });
    expect(r.diagnostics.map((d) => `${where(d)} ${d.path ?? ''}`)).toEqual([
      'data/too-long@3:8 title',
      'data/too-long@4:11 subtitle',
      'data/too-many@11:7 sections[0].bullets',
      'data/too-long@11:9 sections[0].bullets[0]',
      'data/too-many@19:5 trade.years',
      'data/too-long@24:12 charts[0].title',
      'data/too-many@26:7 charts[0].series',
    ]);
  });

  it.each([
    ['a missing file', 'no/such/file.yaml', /file not found/],
    ['a directory', FIXTURES, /is a directory/],
  ])('reports %s as data/read naming the path', (_what, file, why) => {
    const r = loadBriefing({ file });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map(where)).toEqual(['data/read@1:1']);
    expect(r.diagnostics[0]?.message).toContain(file);
    expect(r.diagnostics[0]?.message).toMatch(why);
    expect(r.diagnostics[0]?.hint).toBeTruthy();
  });

  it('reports a NUL character in `text` as data/not-text', () => {
    const r = loadBriefing({ file: 'x.yaml', text: splice('Mini briefing', 'Mini\0briefing') });
    expect(r.diagnostics.map(where)).toEqual(['data/not-text@3:12']);
  });

  it('reads an unreadable file as data/read', () => {
    const dir = join(tmp, 'locked');
    mkdirSync(dir);
    const file = join(dir, 'x.yaml');
    writeFileSync(file, BASE, { mode: 0o000 });
    const r = loadBriefing({ file });
    // root can read anything; everyone else gets a permission error
    if (process.getuid?.() === 0) expect(r.ok).toBe(true);
    else expect(r.diagnostics.map(where)).toEqual(['data/read@1:1']);
  });
});

describe('valid fixtures load with their text intact', () => {
  const base = ok(loadBriefing({ file: 'base.yaml', text: BASE })).briefing;

  it.each(['valid-bom.yaml', 'valid-crlf.yaml'])('%s gives the same briefing as plain LF text', (f) => {
    const v = ok(loadBriefing({ file: `${FIXTURES}/${f}` }));
    expect({ ...v.briefing, charts: [] }).toEqual({ ...base, charts: [] });
    expect(v.briefing.charts.map((c) => c.loc?.line)).toEqual([22]);
  });

  it('keeps the BOM in `source` (for hashing) but not in the data', () => {
    const v = ok(loadBriefing({ file: `${FIXTURES}/valid-bom.yaml` }));
    expect(v.source.startsWith('\uFEFF')).toBe(true);
    expect(v.briefing.id).toBe('mini');
  });

  it('reads JSON with a BOM and CRLF line ends', () => {
    const v = ok(loadBriefing({ file: `${FIXTURES}/valid-bom-crlf.json` }));
    expect(v.briefing.classification).toBe('NON CLASSIFIÉ');
    expect(v.briefing.charts).toEqual([]);
    expect(v.locate('sections[0].bullets[0]')).toEqual({ file: `${FIXTURES}/valid-bom-crlf.json`, line: 12, col: 9 });
  });

  it('keeps zero-width spaces, emoji and RTL text, NFC-normalising combining marks', () => {
    const v = ok(loadBriefing({ file: `${FIXTURES}/valid-unicode.yaml` }));
    const bullet = v.briefing.sections[0]?.bullets[1] ?? '';
    const written =
      'Zero\u200bwidth, combining e\u0301 and A\u030a, emoji \u{1F1E8}\u{1F1E6} \u{1F44D}\u{1F3FD}, ' +
      'RTL \u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627 \u202Eflip\u202C.';
    expect(bullet).toBe(written.normalize('NFC'));
    expect(bullet).toContain('combining é and Å');
    expect(bullet).toContain('\u200b');
  });

  it('folds `>` block scalars the YAML way', () => {
    const v = ok(loadBriefing({ file: `${FIXTURES}/valid-folded.yaml` }));
    expect(v.briefing.sections[0]?.bullets[1]).toBe('Second bullet, folded over two lines.\nWith a second paragraph.\n');
  });

  it('sorts unsorted years, and locate() still finds each year where it was written', () => {
    const v = ok(loadBriefing({ file: `${FIXTURES}/valid-unsorted-years.yaml` }));
    expect(v.briefing.trade?.years.map((y) => y.year)).toEqual([1993, 1994]);
    expect(v.locate('trade.years[0].year')?.line).toBe(20);
    expect(v.locate('trade.years[1].year')?.line).toBe(19);
  });

  it('keeps a warning-only result usable', () => {
    // 2.2 + 2.5 written as 4.8: off by rounding only, a warning (4.9 is an error).
    const file = `${FIXTURES}/inconsistent-total.yaml`;
    const r = loadBriefing({ file, text: readFileSync(file, 'utf8').replace('twoWay: 4.9', 'twoWay: 4.8') });
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => `${d.severity} ${d.code}`)).toContain('warning data/inconsistent-total');
    expect(ok(r).briefing.trade?.years[1]?.twoWay).toBe(4.8);
  });
});
