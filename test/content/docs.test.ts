/**
 * docs/blocks.md cannot drift from the schema: every block kind the schema accepts has a
 * section there, every section names a kind the schema knows, and every YAML example is a
 * valid `blocks:` list (loaded through the real data stage).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadBriefing } from '../../src/data/index.js';

const ROOT = join(import.meta.dirname, '../..');
const doc = readFileSync(join(ROOT, 'docs/blocks.md'), 'utf8');
const schema = JSON.parse(readFileSync(join(ROOT, 'data/schema/briefing.schema.json'), 'utf8')) as {
  definitions: { block: { properties: Record<string, { description?: string }> } };
};
const kinds = Object.keys(schema.definitions.block.properties);

/** `## kind` sections and the YAML examples in each. */
const sections = [...doc.split(/^## /m).slice(1)].map((s) => ({
  name: s.split('\n')[0]?.trim() ?? '',
  examples: [...s.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? ''),
}));

function briefingWith(blocks: unknown): string {
  return stringify({
    id: 'docs', language: 'en', title: 'Docs', date: '1995-10-01', classification: 'UNCLASSIFIED',
    sections: [{ id: 's', title: 'S', blocks }],
    trade: { currency: 'CAD', unit: 'billion', reporter: 'Canada', partner: 'Korea', years: [{ year: 1994, exports: 2.2, imports: 2.5, twoWay: 4.7, balance: -0.3 }] },
    charts: [{ name: 'trade-by-year', type: 'grouped-bar', title: 'Trade', series: [{ field: 'exports', label: 'Exports' }] }],
  });
}

describe('docs/blocks.md', () => {
  it('has one section per block kind of the schema, and no other kinds', () => {
    const named = sections.map((s) => s.name).filter((n) => n !== 'Rich text');
    expect(named.sort()).toEqual([...kinds].sort());
    for (const k of kinds) expect(schema.definitions.block.properties[k]?.description, k).toBeTruthy();
  });

  for (const s of sections.filter((x) => kinds.includes(x.name))) {
    it(`${s.name}: its example is a valid block of that kind`, () => {
      expect(s.examples.length).toBeGreaterThan(0);
      for (const ex of s.examples) {
        const blocks = parse(ex) as Record<string, unknown>[];
        expect(Object.keys(blocks[0] ?? {})).toEqual([s.name]);
        const r = loadBriefing({ file: `docs-${s.name}.yaml`, text: briefingWith(blocks) });
        expect(r.diagnostics.filter((d) => d.severity === 'error'), ex).toEqual([]);
        expect(r.ok).toBe(true);
      }
    });
  }
});
