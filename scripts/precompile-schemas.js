// Generates standalone Ajv validators for the data schemas into dist/schemas/, so the CLI does
// not compile the schemas at every start. Each file records the hash of the schema it was
// made from; the loader ignores a validator made from an older schema.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

mkdirSync('dist/schemas', { recursive: true });
for (const name of ['briefing', 'pack']) {
  const text = readFileSync(`data/schema/${name}.schema.json`, 'utf8');
  // The same options the data stage compiles with (src/data/schema.ts, src/pack/manifest.ts).
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictNumbers: true, code: { source: true } });
  const validate = ajv.compile(JSON.parse(text));
  const code = standaloneCode.default ? standaloneCode.default(ajv, validate) : standaloneCode(ajv, validate);
  const hash = createHash('sha256').update(text).digest('hex');
  writeFileSync(`dist/schemas/${name}.validate.cjs`, `${code}\nmodule.exports.schemaHash = ${JSON.stringify(hash)};\nmodule.exports.validate = module.exports;\n`);
}

// The fonts' content hash, so build manifests need not hash 13 MB of fonts at every start.
const { recordFontsHash } = await import('../dist/text/fonts-hash.js');
recordFontsHash();
