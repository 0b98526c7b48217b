/**
 * docs/templates.md against the code: the helpers the renderer registers, the briefing's
 * top-level fields (schema) and the view model's, and the directives the parser knows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBriefing } from '../../src/data/index.js';
import { parseMarkup } from '../../src/doc/index.js';
import { helperNames } from '../../src/template/render.js';
import { buildView } from '../../src/template/view.js';

const doc = readFileSync('docs/templates.md', 'utf8');
/** The `### \`name\`` headings of one `## Section`. */
function headings(section: string): string[] {
  const start = doc.indexOf(`\n## ${section}\n`);
  const end = doc.indexOf('\n## ', start + 1);
  const body = doc.slice(start, end < 0 ? undefined : end);
  return [...body.matchAll(/^### `([^`]+)`$/gm)].map((m) => m[1] ?? '');
}
/** The `- \`field\`` entries (several per line allowed) of one `### Heading`. */
function fields(heading: string): string[] {
  const start = doc.indexOf(`\n### ${heading}\n`);
  const body = doc.slice(start, doc.indexOf('\n##', start + 1));
  return [...body.matchAll(/^- (.*?):/gm)].flatMap((m) => [...(m[1] ?? '').matchAll(/`([^`]+)`/g)].map((x) => x[1] ?? ''));
}

describe('docs/templates.md', () => {
  it('lists exactly the helpers templates can call', () => {
    const builtin = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log', 'helperMissing', 'blockHelperMissing']);
    const ours = [...helperNames()].filter((n) => !builtin.has(n) && !n.startsWith('__')).sort();
    expect(headings('Helpers').sort(), 'document each helper of src/template/helpers.ts under "## Helpers"').toEqual(ours);
  });

  it('lists exactly the briefing fields of the schema and the view model', () => {
    const schema = JSON.parse(readFileSync('data/schema/briefing.schema.json', 'utf8')) as { properties: Record<string, unknown> };
    const briefingFields = Object.keys(schema.properties).filter((k) => k !== '$schema').sort();
    expect(fields('Briefing fields').sort(), 'document each top-level schema field under "### Briefing fields"').toEqual(briefingFields);
    const loaded = loadBriefing({ file: 'data/briefings/canada-korea-1995.yaml' });
    if (!loaded.ok) throw new Error('seed does not load');
    const b = loaded.value.briefing;
    const derived = Object.keys(buildView(b, {})).filter((k) => !Object.hasOwn(schema.properties, k) && !Object.hasOwn(b, k)).sort();
    expect(derived.length).toBeGreaterThan(0);
    expect(fields('Derived fields').sort(), 'document each field buildView adds under "### Derived fields"').toEqual(derived);
  });

  it('lists exactly the directives the markup parser knows', () => {
    const r = parseMarkup({ markup: '::no-such-directive\n', file: 'x.hbs', meta: { title: 'x', subject: 'x', language: 'en', classification: 'UNCLASSIFIED', date: '2000-01-01', dateText: '' } });
    const hint = r.diagnostics.find((d) => d.code === 'doc/unknown-directive')?.hint ?? '';
    const known = [...hint.matchAll(/(:{2,3}[a-z-]+)/g)].map((m) => m[1] ?? '').sort();
    expect(known.length).toBeGreaterThan(5);
    expect(headings('Directives').sort(), 'document each directive under "## Directives"').toEqual(known);
  });
});
