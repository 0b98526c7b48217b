/**
 * A table's CSV file is one of its target's inputs: editing the CSV makes the outputs stale
 * (the build session's inputs hash changes), and an untouched CSV keeps the hash.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BuildSession } from '../../src/build/session.js';

const dir = mkdtempSync(join(tmpdir(), 'briefkit-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CSV rows in the build manifest', () => {
  it('an edit to the CSV file changes the inputs hash of the target', () => {
    const file = join(dir, 'csv-table.yaml');
    copyFileSync('test/fixtures/xref/csv-table.yaml', file);
    copyFileSync('test/fixtures/xref/exports.csv', join(dir, 'exports.csv'));
    const before = new BuildSession().inputs(file);
    expect(Object.keys(before)).toEqual(['csv-table.pdf']);
    expect(new BuildSession().inputs(file)).toEqual(before);
    writeFileSync(join(dir, 'exports.csv'), 'Product,Value,Share,Since\nCoal,1,2,\n');
    expect(new BuildSession().inputs(file)['csv-table.pdf']).not.toBe(before['csv-table.pdf']);
  });
});
