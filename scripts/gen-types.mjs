/* global process, console */
// Generates src/data/schema-types.ts, the TypeScript types of the data files as the JSON
// Schemas in data/schema/ accept them, with json-schema-to-typescript. The hand-written types
// (src/data/types.ts, src/data/input.ts) are derived from these, so a schema change that the
// code does not follow fails `npm run typecheck`; test/data/schema-types.test.ts regenerates in
// memory and fails when the committed file is stale.
//
//   node scripts/gen-types.mjs                  writes src/data/schema-types.ts
//   node scripts/gen-types.mjs --stdout         prints what it would write
//   node scripts/gen-types.mjs --stdout <dir>   ... from the schemas in <dir> (tests)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = 'src/data/schema-types.ts';

/** Each schema, the name of its root type and the prefix of its definitions' types. */
const SCHEMAS = [
  { file: 'briefing', name: 'BriefingFile', prefix: 'Briefing' },
  { file: 'pack', name: 'PackFile', prefix: 'Pack' },
  { file: 'theme', name: 'ThemeFile', prefix: 'Theme' },
  { file: 'config', name: 'ConfigFile', prefix: 'Config' },
  { file: 'marking-scheme', name: 'MarkingSchemeFile', prefix: 'MarkingScheme' },
];

const pascal = (s) => s.replace(/(^|[-_])([a-z0-9])/g, (_, __, c) => c.toUpperCase());
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A copy of `node` shaped for the generator; the schema files stay as they are.
 * - `$ref` with sibling keywords (a description) becomes a bare `$ref`, so each definition is
 *   one named type rather than `ListItems`, `ListItems1`, `ListItems2`.
 * - An object with exactly one of its named keys (`minProperties` = `maxProperties` = 1, no
 *   other keys: a block `- paragraph: …`) becomes a union of one-key objects, which is what
 *   the schema accepts; the generator alone would make one object with every key optional.
 */
function shape(node) {
  if (Array.isArray(node)) return node.map(shape);
  if (!isObject(node)) return node;
  if (typeof node.$ref === 'string') return { $ref: node.$ref };
  const out = {};
  for (const [k, v] of Object.entries(node)) out[k] = shape(v);
  if (out.minProperties === 1 && out.maxProperties === 1 && out.additionalProperties === false && isObject(out.properties)) {
    const { properties, ...rest } = out;
    delete rest.minProperties;
    delete rest.maxProperties;
    delete rest.type;
    return {
      ...rest,
      anyOf: Object.entries(properties).map(([k, v]) => ({
        type: 'object',
        additionalProperties: false,
        required: [k],
        properties: { [k]: v },
      })),
    };
  }
  return out;
}

/** The schema with its root and definitions named, ready for the generator. */
function prepare(schema, { name, prefix }) {
  const s = shape(schema);
  s.title = name;
  for (const [key, def] of Object.entries(s.definitions ?? {})) def.title = prefix + pascal(key);
  return s;
}

/** The text of src/data/schema-types.ts for the schemas in `schemaDir`. */
export async function generate(schemaDir = join(root, 'data/schema')) {
  const parts = [
    '/**',
    ' * GENERATED FILE: do not edit. Made by scripts/gen-types.mjs from data/schema/*.schema.json;',
    ' * change a schema, then run `npm run gen:types`. The types of data files as the schemas',
    ' * accept them (before defaults). src/data/types.ts and src/data/input.ts derive from these.',
    ' */',
    '',
  ];
  for (const entry of SCHEMAS) {
    const file = `data/schema/${entry.file}.schema.json`;
    const schema = JSON.parse(readFileSync(join(schemaDir, `${entry.file}.schema.json`), 'utf8'));
    const ts = await compile(prepare(schema, entry), entry.name, {
      bannerComment: `// From ${file}.`,
      additionalProperties: false,
      ignoreMinAndMaxItems: true,
      unknownAny: true,
      strictIndexSignatures: true,
      declareExternallyReferenced: true,
      unreachableDefinitions: false,
      cwd: schemaDir,
      format: true,
      style: { singleQuote: true, printWidth: 110 },
    });
    parts.push(ts.trim(), '');
  }
  return parts.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const stdout = process.argv.indexOf('--stdout');
  const dir = stdout > 0 ? process.argv[stdout + 1] : undefined;
  const text = await generate(dir === undefined ? undefined : resolve(dir));
  if (stdout > 0) process.stdout.write(text);
  else {
    writeFileSync(join(root, OUT), text);
    console.log(`wrote ${OUT}`);
  }
}
