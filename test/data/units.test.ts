import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { briefingSchema, formatPath, loadBriefing, parsePath, type PathSeg } from '../../src/data/index.js';
import type { ChartType, Growth, Language, MoneyUnit, SeriesSpec } from '../../src/data/index.js';
import { checkJson } from '../../src/data/json-check.js';
import { firstInvalidUtf8 } from '../../src/data/read.js';
import { suggest } from '../../src/data/suggest.js';
import { availableLanguages, LANGUAGE_TAG, TEMPLATES_DIR } from '../../src/template/index.js';
import { BASE } from './helpers.js';

describe('field paths', () => {
  it.each<[string, PathSeg[]]>([
    ['', []],
    ['title', ['title']],
    ['charts[0].type', ['charts', 0, 'type']],
    ['trade.years[12].twoWay', ['trade', 'years', 12, 'twoWay']],
    ['sections[0]["odd key"]', ['sections', 0, 'odd key']],
    ['["a.b"]["[x]"]', ['a.b', '[x]']],
    ['$schema', ['$schema']],
  ])('%j ⇄ %j', (text, segs) => {
    expect(formatPath(segs)).toBe(text);
    expect(parsePath(text)).toEqual(segs);
  });

  it('round-trips any segments', () => {
    const seg = fc.oneof(fc.nat({ max: 10_000 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(seg, { maxLength: 6 }), (segs) => {
        expect(parsePath(formatPath(segs))).toEqual(segs);
      }),
    );
  });
});

describe('strict JSON syntax check', () => {
  it('accepts whatever JSON.stringify writes', () => {
    fc.assert(fc.property(fc.json(), (text) => checkJson(text) === undefined));
  });

  it('agrees with JSON.parse on damaged JSON', () => {
    const damaged = fc
      .tuple(fc.json(), fc.nat(), fc.nat({ max: 3 }), fc.constantFrom('', ',', '}', ']', '"', "'", ':', '/', ' ', '0', '-', '\\', 'x', '\n'))
      .map(([text, at, del, ins]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + ins + text.slice(i + del);
      });
    fc.assert(
      fc.property(damaged, (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(checkJson(text) === undefined).toBe(parses);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['{"a": 1,}', 8, 'trailing comma is not allowed'],
    ['[1, 2', 5, 'unexpected end of file'],
    ['{"a": 01}', 6, 'leading zeros'],
    ['{"a": "x\ny"}', 8, 'line break inside a string'],
    ['{"a": "\\q"}', 7, 'invalid escape'],
    ['{a: 1}', 1, 'double-quoted'],
    ['{"a": undefined}', 6, '`undefined` is not a JSON value'],
    ['{} {}', 3, 'after the end of the JSON value'],
  ])('%j fails at offset %i: %s', (text, offset, message) => {
    const err = checkJson(text);
    expect(err?.offset).toBe(offset);
    expect(err?.message).toContain(message);
  });
});

describe('UTF-8 validation', () => {
  it('accepts every string Node encodes', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), (s) => firstInvalidUtf8(Buffer.from(s, 'utf8')) === -1));
  });

  it.each([
    [[0x61, 0xc3], 1, 'truncated sequence'],
    [[0xc0, 0xaf], 0, 'overlong'],
    [[0xed, 0xa0, 0x80], 0, 'surrogate'],
    [[0xf4, 0x90, 0x80, 0x80], 0, 'above U+10FFFF'],
    [[0x61, 0x80], 1, 'lone continuation byte'],
  ])('%j is invalid at %i (%s)', (bytes, at) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(at);
  });
});

describe('suggestions', () => {
  it.each([
    ['subtitel', ['title', 'subtitle'], 'subtitle'],
    ['bar', ['grouped-bar', 'stacked-bar', 'line'], 'grouped-bar'],
    ['pie', ['line', 'doughnut'], 'doughnut'],
    ['TwoWay', ['exports', 'twoWay'], 'twoWay'],
    ['two_way', ['exports', 'twoWay'], 'twoWay'],
    ['classificaton', ['classification', 'date'], 'classification'],
    ['xyzzy', ['title', 'subtitle'], undefined],
    ['q', ['en', 'fr'], undefined],
  ])('%j among %j → %j', (word, candidates, expected) => {
    expect(suggest(word, candidates)).toBe(expected);
  });
});

describe('JSON Schema matches the types', () => {
  // Records keyed by the union types: adding a member to types.ts without listing it here
  // fails to compile, and the schema must list exactly the same values.
  const chartTypes: Record<ChartType, true> = {
    'grouped-bar': true,
    'stacked-bar': true,
    'horizontal-bar': true,
    line: true,
    doughnut: true,
    balance: true,
  };
  const units: Record<MoneyUnit, true> = { one: true, thousand: true, million: true, billion: true };
  const fields: Record<SeriesSpec['field'], true> = { exports: true, imports: true, twoWay: true, balance: true };
  const measures: Record<Growth['measure'], true> = { exports: true, imports: true, twoWay: true };
  const schema = briefingSchema() as { properties: Record<string, { enum?: string[] }>; definitions: Record<string, { properties: Record<string, { enum?: string[] }> }> };
  const defs = schema.definitions;

  it.each([
    ['chart type', defs.chart?.properties.type?.enum, chartTypes],
    ['money unit', defs.trade?.properties.unit?.enum, units],
    ['series field', defs.series?.properties.field?.enum, fields],
    ['growth measure', defs.growth?.properties.measure?.enum, measures],
  ])('%s enum', (_name, listed, expected) => {
    expect([...(listed ?? [])].sort()).toEqual(Object.keys(expected).sort());
  });
  // Languages are the catalogs present, not a list: the schema has the tag pattern the loader
  // uses, and every bundled catalog's name matches it.
  it('language is a BCP 47 tag pattern that every bundled catalog matches', () => {
    const lang = schema.properties.language as { enum?: unknown; pattern?: string };
    expect(lang.enum).toBeUndefined();
    expect(lang.pattern).toBe(LANGUAGE_TAG.source);
    const tags: Language[] = availableLanguages(TEMPLATES_DIR);
    expect(tags).toEqual(expect.arrayContaining(['en', 'fr', 'ko']));
    for (const t of tags) expect(new RegExp(lang.pattern ?? '').test(t)).toBe(true);
    for (const bad of ['english', 'EN', 'fr_CA', '']) expect(new RegExp(lang.pattern ?? '').test(bad)).toBe(false);
  });
});

describe('robustness', () => {
  it('never throws on arbitrary text, as YAML or JSON', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.boolean(), (text, json) => {
        const r = loadBriefing({ file: json ? 'x.json' : 'x.yaml', text });
        expect(r.ok || r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on a damaged valid briefing, and every diagnostic is located', () => {
    const damaged = fc
      .tuple(fc.nat(), fc.nat({ max: 4 }), fc.string({ unit: 'binary', maxLength: 6 }))
      .map(([at, del, ins]) => {
        const i = at % (BASE.length + 1);
        return BASE.slice(0, i) + ins + BASE.slice(i + del);
      });
    fc.assert(
      fc.property(damaged, (text) => {
        const r = loadBriefing({ file: 'x.yaml', text });
        for (const d of r.diagnostics) {
          expect(d.loc, d.code).toBeDefined();
          expect(d.hint, d.code).toBeTruthy();
        }
        if (r.ok) expect(Object.isFrozen(r.value.briefing)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
