/**
 * JSON Schema validation of parsed briefing data: the schema is compiled once per process and
 * every Ajv error becomes a located, worded {@link Diagnostic}.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { fromRoot } from '../util/index.js';
import { precompiledValidator } from '../util/index.js';
import { Ajv, type ErrorObject, type SchemaObject, type ValidateFunction } from 'ajv';
import type { Diagnostic } from '../diag/index.js';
import type { Locator } from './locator.js';
import { pointerToSegs } from './paths.js';
import { mapSchemaError } from './schema-errors.js';

/** Where the briefing JSON Schema lives: `data/schema/briefing.schema.json` of the package. */
export const schemaUrl: URL = pathToFileURL(fromRoot('data', 'schema', 'briefing.schema.json'));

let validator: ValidateFunction | undefined;

/** The briefing JSON Schema, as parsed from {@link schemaUrl}. */
export function briefingSchema(): SchemaObject {
  return JSON.parse(readFileSync(schemaUrl, 'utf8')) as SchemaObject;
}

function compiled(): ValidateFunction {
  if (!validator) validator = precompiledValidator('briefing', readFileSync(schemaUrl, 'utf8'));
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictNumbers: true });
    validator = ajv.compile(briefingSchema());
  }
  return validator;
}

/** Validates `data` against the briefing schema; returns every problem (empty when valid). */
export function validateSchema(data: unknown, locator: Locator): Diagnostic[] {
  const validate = compiled();
  if (validate(data)) return [];
  const errors: readonly ErrorObject[] = validate.errors ?? [];
  const out: Diagnostic[] = [];
  for (const e of errors) {
    const d = mapSchemaError(e, pointerToSegs(e.instancePath, data), locator);
    if (d) out.push(d);
  }
  return out;
}
