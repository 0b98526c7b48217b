/**
 * The data types come from the JSON Schemas (scripts/gen-types.mjs -> src/data/schema-types.ts)
 * so they cannot drift: the committed file must be what the generator makes from the schemas
 * today, a schema change must show in the generated types, and the types still kept by hand
 * elsewhere must equal the generated ones (checked by `npm run typecheck`, which covers test/).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { BlockInput } from '../../src/data/blocks.js';
import type { Briefing, ChartSpec, Section, Trade } from '../../src/data/types.js';
import type { BriefingInput, DeepReadonly, SchemaBlock } from '../../src/data/input.js';
import type { ConfigFile } from '../../src/data/schema-types.js';
import type { ProjectConfig } from '../../src/project/config.js';

const OUT = 'src/data/schema-types.ts';
const generate = (dir?: string): string =>
  execFileSync(process.execPath, ['scripts/gen-types.mjs', '--stdout', ...(dir ? [dir] : [])], { encoding: 'utf8' });

describe('generated schema types', () => {
  it('the committed file is what the schemas give today', () => {
    const committed = readFileSync(OUT, 'utf8');
    expect(committed.startsWith('/**\n * GENERATED FILE: do not edit.'), 'the file says it is generated').toBe(true);
    expect(generate() === committed, `${OUT} is stale: run npm run gen:types`).toBe(true);
  }, 30_000);

  it('a schema change shows in the generated types (so a stale file is caught)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefkit-gen-types-'));
    try {
      cpSync('data/schema', dir, { recursive: true });
      const file = join(dir, 'briefing.schema.json');
      const schema = JSON.parse(readFileSync(file, 'utf8')) as { properties: Record<string, unknown>; required: string[] };
      schema.properties.reviewer = { description: 'Who reviewed the briefing.', type: 'string' };
      schema.required.push('reviewer');
      writeFileSync(file, JSON.stringify(schema));
      const changed = generate(dir);
      expect(changed).not.toBe(readFileSync(OUT, 'utf8'));
      expect(changed).toMatch(/export (interface BriefingFile|type BriefingFile =) \{[^]*?\n {2}reviewer: string;/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('a one-key block is a union of one-key objects, as the schema accepts it', () => {
    const text = readFileSync(OUT, 'utf8');
    const block = /export type BriefingBlock =([^]*?);\n\/\*\*/.exec(text)?.[1] ?? '';
    for (const kind of ['paragraph', 'bullets', 'numbered', 'subsection', 'table', 'chart', 'callout', 'keyFigures', 'quote', 'pageBreak']) {
      expect(block, kind).toMatch(new RegExp(`\\|\\s*\\{\\s*(/\\*\\*[^]*?\\*/\\s*)?${kind}: `));
    }
    expect(block, 'not one object with every kind optional').not.toMatch(/paragraph\?:/);
  });

  it('types kept by hand elsewhere equal the generated ones', () => {
    // Compile-time checks: a schema change that these types do not follow fails typecheck.
    expectTypeOf<BlockInput>().toEqualTypeOf<SchemaBlock>();
    expectTypeOf<ProjectConfig>().toEqualTypeOf<DeepReadonly<Omit<ConfigFile, '$schema'>>>();
    // The normalised briefing keeps every field of the input but the editor-only `$schema`.
    expectTypeOf<keyof Briefing>().toEqualTypeOf<Exclude<keyof BriefingInput, '$schema'>>();
    expectTypeOf<Section['bullets']>().toEqualTypeOf<readonly string[]>();
    expectTypeOf<Trade['growth']>().toEqualTypeOf<NonNullable<NonNullable<BriefingInput['trade']>['growth']>>();
    expectTypeOf<Omit<ChartSpec, 'loc'>>().toEqualTypeOf<Omit<NonNullable<BriefingInput['charts']>[number], never>>();
  });
});
