/**
 * The benchmark is not a test (the machine is noisy; targets are read from its table, never
 * asserted): CI never runs it, and vitest never collects it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import config from '../../vitest.config.js';

const workflows = ['.github/workflows', 'templates/project']
  .flatMap((d) => readdirSync(d).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(d, f)));

it.each(workflows)('%s does not run the bench', (file) => {
  expect(readFileSync(file, 'utf8')).not.toMatch(/npm run bench|bench\/run\.js|node bench\//);
});

it('vitest collects nothing under bench/, and the bench has no test files', () => {
  const include = config.test?.include ?? [];
  expect(include.length).toBeGreaterThan(0);
  for (const pattern of include) expect(pattern.startsWith('test/')).toBe(true);
  expect(readdirSync('bench').filter((f) => /\.(test|spec)\.[cm]?[jt]s$/.test(f))).toEqual([]);
});
