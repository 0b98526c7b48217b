/**
 * Templates may not print data with triple braces (except through the escaping `attr` helper):
 * an override that writes `{{{trade.partner}}}` would let data make headings and page breaks.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildBriefing } from '../../src/build/index.js';

const ROOT = join(import.meta.dirname, '../..');

it.each([
  ['{{{trade.partner}}}', 'trade.partner'],
  ['{{{title}}}', 'title'],
  ['{{{t "contents"}}}', 't'],
])('%s in an override partial is template/unescaped at its line and column', async (mustache, name) => {
  const dir = mkdtempSync(join(tmpdir(), 'bk-raw-'));
  cpSync(join(ROOT, 'templates'), join(dir, 'templates'), { recursive: true });
  const partial = join(dir, 'templates', 'fact-sheet', 'partials', 'title-block.hbs');
  const before = readFileSync(partial, 'utf8');
  writeFileSync(partial, `${before}\nPartner: ${mustache}\n`);
  const line = before.split('\n').length + 1;
  const r = await buildBriefing({ file: join(ROOT, 'data/briefings/canada-korea-1995.yaml') }, { templatesDir: join(dir, 'templates') });
  expect(r.ok).toBe(false);
  const d = r.diagnostics.find((x) => x.code === 'template/unescaped');
  expect(d?.message).toContain(name);
  expect(d?.loc?.file).toMatch(/title-block\.hbs$/);
  expect(d?.loc?.line).toBe(line);
  expect(d?.loc?.col).toBe(10);
});
