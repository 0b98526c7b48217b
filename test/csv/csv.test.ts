/**
 * The CSV reader (src/data/csv.ts) and CSV table rows (src/data/csv-rows.ts): RFC 4180 cases
 * table-driven, hostile fields round-tripped with fast-check, cell values per column type, and
 * a briefing whose rows come from a CSV file read back from its PDF.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/data/csv.js';
import { cell, csvDependencies } from '../../src/data/csv-rows.js';
import { parseRich, richPlain } from '../../src/data/rich.js';
import { loadBriefing } from '../../src/data/load.js';
import { buildBriefing } from '../../src/index.js';
import { pageTexts, squash, tempFile } from '../helpers/pdf.js';

const texts = (src: string): string[][] => {
  const r = parseCsv(src);
  if (!r.ok) throw new Error(`${r.message} at ${r.line}:${r.col}`);
  return r.records.map((rec) => rec.map((f) => f.text));
};

describe('parseCsv: RFC 4180', () => {
  it.each([
    ['plain LF', 'a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['CRLF', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['lone CR', 'a,b\r1,2', [['a', 'b'], ['1', '2']]],
    ['no final line break', 'a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['BOM skipped', '\ufeffa,b\n', [['a', 'b']]],
    ['quoted comma', '"a,b",c\n', [['a,b', 'c']]],
    ['doubled quote', '"say ""hi""",x\n', [['say "hi"', 'x']]],
    ['line breaks in quotes', '"one\r\ntwo\nthree",x\n', [['one\r\ntwo\nthree', 'x']]],
    ['empty fields', ',,\n', [['', '', '']]],
    ['trailing comma', 'a,\n', [['a', '']]],
    ['blank lines skipped', '\n\na\n\r\n\nb\n', [['a'], ['b']]],
    ['empty quoted field', '"",x', [['', 'x']]],
    ['empty text', '', []],
  ])('%s', (_name, src, want) => {
    expect(texts(src)).toEqual(want);
  });

  it.each([
    ['unclosed quote', 'a,b\n"x,1\n2\n', 2, 1, 'not closed'],
    ['text after closing quote', '"a"b,c\n', 1, 4, 'after the closing quote'],
    ['quote inside an unquoted field', 'a,b"c\n', 1, 4, 'inside an unquoted field'],
  ])('%s: a located problem', (_name, src, line, col, message) => {
    const r = parseCsv(src);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect([r.line, r.col]).toEqual([line, col]);
    expect(r.message).toContain(message);
    expect(r.hint).not.toBe('');
  });

  it('locates each field at its line and column, after quoted line breaks', () => {
    const r = parseCsv('a,"b\nc",d\r\ne,f');
    expect(r.ok && r.records.map((rec) => rec.map((f) => [f.line, f.col]))).toEqual([[[1, 1], [1, 3], [2, 4]], [[3, 1], [3, 3]]]);
  });

  it('refuses more records or fields than its limits', () => {
    expect(parseCsv('a\nb\nc\n', { maxRecords: 2, maxFields: 5, maxFieldLength: 10 }).ok).toBe(false);
    expect(parseCsv('a,b,c\n', { maxRecords: 2, maxFields: 2, maxFieldLength: 10 }).ok).toBe(false);
    expect(parseCsv('"abcdefghijklmnop"\n', { maxRecords: 2, maxFields: 2, maxFieldLength: 10 }).ok).toBe(false);
  });
});

/** Hostile field text: quotes, commas, CR/LF, formula prefixes, markup and control characters. */
const hostile = fc.array(fc.constantFrom('"', ',', '\r', '\n', '\r\n', '=', '+', '-', '@', '*', '_', '[', ']', '(', ')', '^', '~', '\\', '\t', '\u0007', 'a', 'Z', '1', ' ', 'é', '한', '\u00a0'), { maxLength: 12 }).map((a) => a.join(''));

/** RFC 4180 writing: a field with a quote, comma or line break is quoted, quotes doubled. */
const write = (records: string[][], eol: string): string =>
  records.map((r) => r.map((f) => (/[",\r\n]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f)).join(',')).join(eol) + eol;

describe('parseCsv over hostile fields (fast-check)', () => {
  it('reads back what an RFC 4180 writer wrote, with CRLF or LF and with or without a BOM', () => {
    fc.assert(fc.property(fc.array(fc.array(hostile, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), (records, eol, bom) => {
      expect(texts((bom ? '\ufeff' : '') + write(records, eol))).toEqual(records);
    }), { numRuns: 300 });
  });

  it('never throws on any text, and every problem is inside the text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200, unit: fc.constantFrom('"', ',', '\r', '\n', 'a', ' ', '\ufeff') }), (src) => {
      const r = parseCsv(src);
      if (!r.ok) {
        const lines = src.split(/\r\n|\r|\n/);
        expect(r.line).toBeGreaterThanOrEqual(1);
        expect(r.line).toBeLessThanOrEqual(lines.length);
        expect(r.col).toBeGreaterThanOrEqual(1);
      }
    }), { numRuns: 500 });
  });
});

describe('cell values for their column', () => {
  const value = (text: string, type: string): { v: unknown; problem?: string } => {
    let problem: string | undefined;
    const v = cell({ text, line: 1, col: 1 }, { title: 'C', type }, (m) => (problem = m));
    return { v, ...(problem === undefined ? {} : { problem }) };
  };

  it.each([
    ['512.3', 'money', 512.3],
    [' -4 ', 'number', -4],
    ['\u22122.5', 'percent', -2.5],
    ['.5', 'number', 0.5],
    ['', 'number', null],
    ['1995-10-01', 'date', '1995-10-01'],
    ['  ', 'text', null],
  ])('%j as %s is %j', (text, type, want) => {
    expect(value(text, type)).toEqual({ v: want });
  });

  it.each([
    ['1,234', 'money'], ['12 %', 'percent'], ['1e3', 'number'], ['NaN', 'number'], ['1e999', 'number'], ['9'.repeat(20), 'number'], ['01/02/1990', 'date'], ['a\u0000b', 'text'],
  ])('%j as %s is a problem', (text, type) => {
    expect(value(text, type).problem).toBeDefined();
  });

  it('prints a text cell as written: markup, formula prefixes and backslashes stay characters (fast-check)', () => {
    fc.assert(fc.property(hostile, (text) => {
      const { v, problem } = value(text, 'text');
      if (problem !== undefined) return;
      const want = text.trim().replace(/\s*(\r\n|\r|\n)\s*/g, ' ');
      if (want === '') {
        expect(v).toBeNull();
        return;
      }
      const parsed = parseRich(v as string);
      expect(parsed.problems).toEqual([]);
      expect(parsed.nodes.every((n) => n.kind === 'text')).toBe(true);
      expect(richPlain(parsed.nodes)).toBe(want);
    }), { numRuns: 500 });
  });
});

describe('a table whose rows are a CSV file', () => {
  const file = join('test', 'fixtures', 'xref', 'csv-table.yaml');

  it('loads the rows typed by column, and names the CSV file as an input', () => {
    const r = loadBriefing({ file });
    expect(r.diagnostics).toEqual([]);
    if (!r.ok) return;
    const table = r.value.briefing.sections[0]?.blocks[1];
    expect(table?.kind === 'table' && table.rows.map((row) => row.slice(1))).toEqual([[512.3, 23.3, '1990-01-01'], [301, 13.7, null], [12.5, 0.6, '1992-03-04']]);
    expect(csvDependencies({ sections: [{ blocks: [{ table: { rows: { csv: 'exports.csv' } } }] }] }, file)).toEqual([join('test', 'fixtures', 'xref', 'exports.csv')]);
  });

  it('prints them in the PDF: quoted commas and a formula-like cell as written', async () => {
    const r = await buildBriefing({ file });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const text = squash(pageTexts(tempFile(r.pdf, 'csv-table.pdf')).join('\n'));
    for (const s of ['Kilo before the table', 'Coal and lignite', '512.3', '23.3%', '1 January 1990', 'Pulp, bleached', '301.0', '=SUM(A1:A2) "formula"', 'Lima after the table']) {
      expect(text).toContain(squash(s));
    }
    expect(text.indexOf('Coalandlignite')).toBeLessThan(text.indexOf('Pulp,bleached'));
    expect(text).not.toContain('\\');
  }, 60_000);
});
