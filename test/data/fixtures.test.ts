import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBriefing } from '../../src/data/index.js';
import { FIXTURES, readCases, where } from './helpers.js';

const cases = readCases();

describe('fixture corpus (test/fixtures/bad/data)', () => {
  it('lists every fixture file exactly once, and has at least 30 bad ones', () => {
    const files = readdirSync(FIXTURES).filter((f) => !f.startsWith('.') && f !== 'cases.json');
    expect(cases.map((c) => c.file).sort()).toEqual(files.sort());
    expect(new Set(cases.map((c) => c.file)).size).toBe(cases.length);
    expect(cases.filter((c) => c.code !== null).length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('$file → $code at $line:$col', (c) => {
    const file = `${FIXTURES}/${c.file}`;
    const r = loadBriefing({ file });
    for (const d of r.diagnostics) {
      expect(d.loc?.file, where(d)).toBe(file);
      expect(d.loc?.line, where(d)).toBeGreaterThanOrEqual(1);
      expect(d.loc?.col, where(d)).toBeGreaterThanOrEqual(1);
      expect(d.message.length, where(d)).toBeGreaterThan(0);
      expect(d.hint?.length ?? 0, `${where(d)} has a hint`).toBeGreaterThan(0);
    }
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(r.ok).toBe(errors.length === 0);
    if (c.code === null) {
      expect(r.diagnostics.map(where)).toEqual([]);
      expect(r.ok).toBe(true);
      return;
    }
    const hit = r.diagnostics.find((d) => d.code === c.code && d.loc?.line === c.line && d.loc?.col === c.col);
    expect(hit, `got ${r.diagnostics.map(where).join(', ')}`).toBeDefined();
    if (!hit) return;
    expect(hit.severity).toBe(c.severity);
    if (c.hint !== undefined) expect(hit.hint).toContain(c.hint);
    if (c.message !== undefined) expect(hit.message).toContain(c.message);
    // Warnings alone never stop the pipeline; an error always does.
    if (c.severity === 'warning') expect(r.ok).toBe(true);
    else expect(r.ok).toBe(false);
  });
});
