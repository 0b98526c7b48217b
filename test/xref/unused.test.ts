/**
 * Nothing silently dropped (issue 16): every field the briefing schema accepts is used by a
 * template or the printing code, or listed in docs/fields.md; growth rates no template prints
 * are a data/unused warning at their place.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBriefing } from '../../src/data/load.js';

const schema = JSON.parse(readFileSync('data/schema/briefing.schema.json', 'utf8')) as unknown;

/** Every property name declared anywhere in the schema. */
function propertyNames(v: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) for (const x of v) propertyNames(x, out);
  else if (typeof v === 'object' && v !== null) {
    const props = (v as { properties?: unknown }).properties;
    if (typeof props === 'object' && props !== null) for (const k of Object.keys(props)) out.add(k);
    for (const x of Object.values(v)) propertyNames(x, out);
  }
  return out;
}

/** The sources that print: templates, and the template, layout, slide, chart and pack code. */
function printingSources(): string {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(hbs|ts)$/.test(n)) files.push(p);
    }
  };
  for (const d of ['templates', 'src/template', 'src/layout', 'src/slides', 'src/charts', 'src/pack', 'src/pptx', 'src/render']) walk(d);
  return files.map((f) => readFileSync(f, 'utf8')).join('\n');
}

const listed = [...readFileSync('docs/fields.md', 'utf8').split(/^## /m).find((s) => s.startsWith('Metadata'))?.matchAll(/^- `([^`]+)`/gm) ?? []].map((m) => m[1] as string);

describe('every field the schema accepts is printed or documented as metadata', () => {
  const names = propertyNames(schema);
  const text = printingSources();

  it('docs/fields.md lists metadata fields that the schema has', () => {
    expect(listed.length).toBeGreaterThan(0);
    for (const n of listed) expect(names, n).toContain(n);
  });

  it('every other field is used where pages, slides and charts are made', () => {
    const unused = [...names].filter((n) => !listed.includes(n) && !new RegExp(`(^|[^\\w$])${n.replace(/\$/g, '\\$')}(?![\\w$])`).test(text));
    expect(unused, 'print these fields, or list them in docs/fields.md under Metadata').toEqual([]);
  });
});

describe('growth rates no template prints', () => {
  it('are data/unused warnings at each rate, and the briefing still loads', () => {
    const r = loadBriefing({ file: 'test/fixtures/realistic/canada-japan-1995.yaml' });
    expect(r.ok).toBe(true);
    const unused = r.diagnostics.filter((d) => d.code === 'data/unused');
    expect(unused.map((d) => [d.severity, d.loc?.line, d.loc?.col])).toEqual([['warning', 129, 7], ['warning', 130, 7], ['warning', 131, 7], ['warning', 132, 7]]);
    expect(unused[0]?.message).toContain('two-way');
    expect(unused[1]?.message).toContain('1994');
    expect(unused.every((d) => d.hint)).toBe(true);
  });

  it('the seed, whose rates are the latest year\'s exports and imports, has none', () => {
    const r = loadBriefing({ file: 'data/briefings/canada-korea-1995.yaml' });
    expect(r.diagnostics.filter((d) => d.code === 'data/unused')).toEqual([]);
  });
});
