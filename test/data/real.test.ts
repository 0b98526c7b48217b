import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBriefing, type Briefing } from '../../src/data/index.js';

const FILE = 'data/briefings/canada-korea-1995.yaml';

function load(): { briefing: Briefing; locate: (p: string) => unknown; source: string } {
  const r = loadBriefing({ file: FILE });
  expect(r.diagnostics).toEqual([]);
  if (!r.ok) throw new Error('real file must load');
  return r.value;
}

/** Every object reachable from `v`, with its path. */
function objects(v: unknown, path = 'briefing', out: [string, object][] = []): [string, object][] {
  if (typeof v === 'object' && v !== null) {
    out.push([path, v]);
    for (const [k, x] of Object.entries(v)) objects(x, `${path}.${k}`, out);
  }
  return out;
}

describe('the real briefing (canada-korea-1995.yaml)', () => {
  it('loads with no errors and no warnings', () => {
    const r = loadBriefing({ file: FILE });
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toEqual([]);
  });

  it('gives the same result from `text` as from the file', () => {
    const text = readFileSync(FILE, 'utf8');
    const r = loadBriefing({ file: FILE, text });
    expect(r.ok && r.value.briefing).toEqual(load().briefing);
    expect(r.ok && r.value.source).toBe(text);
  });

  it('holds the expected content', () => {
    const b = load().briefing;
    expect(b.id).toBe('canada-korea-1995');
    expect(b.language).toBe('en');
    expect(b.date).toBe('1995-10-01');
    expect(b.sections.map((s) => [s.id, s.bullets.length])).toEqual([
      ['political-relations', 4],
      ['trade', 3],
    ]);
    expect(b.sections[0]?.bullets[2]).toContain('Jean Chrétien');
    expect(b.sections[0]?.bullets[0]).not.toMatch(/\n/); // `>-` folds lines into spaces
    expect(b.trade?.years.map((y) => y.year)).toEqual([1993, 1994]);
    expect(b.trade?.years[1]).toEqual({ year: 1994, exports: 2.2, imports: 2.5, twoWay: 4.7, balance: -0.3 });
    expect(b.trade?.growth).toHaveLength(2);
    expect(b.charts.map((c) => [c.name, c.type])).toEqual([
      ['trade-by-year', 'grouped-bar'],
      ['trade-balance', 'balance'],
      ['two-way-1994', 'doughnut'],
    ]);
    expect(b.charts[2]?.year).toBe(1994);
    expect('$schema' in b).toBe(false);
  });

  it('is a deep-frozen tree of plain objects and arrays', () => {
    for (const [path, o] of objects(load().briefing)) {
      expect(Object.isFrozen(o), path).toBe(true);
      const proto: unknown = Object.getPrototypeOf(o);
      expect(proto === Object.prototype || proto === Array.prototype, path).toBe(true);
    }
  });

  it('returns a fresh object on every load', () => {
    expect(load().briefing).not.toBe(load().briefing);
  });

  it('attaches source locations to charts', () => {
    const b = load().briefing;
    expect(b.charts.map((c) => c.loc)).toEqual([
      { file: FILE, line: 104, col: 5 },
      { file: FILE, line: 113, col: 5 },
      { file: FILE, line: 122, col: 5 },
    ]);
  });

  it.each([
    ['charts[0].type', 105, 11],
    ['charts[2].year', 128, 11],
    ['trade.years[1]', 74, 7],
    ['sections[1]', 43, 5],
    ['trade', 61, 3],
    ['', 5, 1],
    // missing fields locate their nearest existing ancestor
    ['charts[0].nothing', 104, 5],
    ['charts[9].type', 104, 3],
  ])('locate(%j) is line %i col %i', (path, line, col) => {
    expect(load().locate(path)).toEqual({ file: FILE, line, col });
  });
});
