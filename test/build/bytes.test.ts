/**
 * Output bytes are a contract: every example in data/ and the test fixtures, under every option
 * the CLI offers, must give the same bytes as recorded in test/fixtures/bytes/outputs.json. A
 * refactor keeps them; a change meant to alter output updates the record on purpose
 * (UPDATE_GOLDEN=1) and says why in its commit.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTarget } from '../../src/build/index.js';
import type { TargetOptions } from '../../src/build/index.js';
import { defaultTheme, withGutter } from '../../src/theme/index.js';

delete process.env['SOURCE_DATE_EPOCH'];
const ROOT = join(import.meta.dirname, '../..');
const RECORD = join(ROOT, 'test/fixtures/bytes/outputs.json');

const TARGETS = [
  'data/briefings/canada-korea-1995.yaml',
  'data/briefings/canada-korea-1995.fr.yaml',
  'data/packs/korea-1995.yaml',
  'data/briefings/canada-korea-1995.ko.yaml',
  'data/packs/korea-1995-trilingual.yaml',
  'test/fixtures/stress/figures.yaml',
  'test/fixtures/realistic/canada-japan-1995.yaml',
  // The document kinds of a visit pack (issue 16) and the pack that binds them.
  'data/briefings/korea-visit-1995-programme.yaml',
  'data/briefings/korea-visit-1995-points.yaml',
  'data/briefings/korea-visit-1995-bio-minister.yaml',
  'data/briefings/korea-visit-1995-bio-trade.yaml',
  'data/packs/korea-visit-1995.yaml',
];

/** The option sets of `briefkit build`, one flag at a time and the print set together. */
const OPTIONS: Readonly<Record<string, TargetOptions>> = {
  default: {},
  'cover+toc': { cover: true, toc: true },
  duplex: { duplex: true },
  'duplex+gutter20': { duplex: true, theme: withGutter(defaultTheme, 20) },
  bleed: { bleed: 9 },
  pdfa: { pdfa: true },
  letter: { paper: 'letter' },
  slides: { slides: true },
  all: { cover: true, toc: true, duplex: true, bleed: 9, pdfa: true, slides: true },
};

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe('output bytes stay as recorded', () => {
  const seen: Record<string, string> = {};
  for (const target of TARGETS) {
    for (const [name, options] of Object.entries(OPTIONS)) {
      if (options.slides && target.includes('/packs/')) continue;
      it(`${relative('.', target)} [${name}]`, async () => {
        // Packs write their briefings' copies only when asked: ask, so the copies stay under contract too.
        const r = await buildTarget(join(ROOT, target), target.includes('/packs/') ? { ...options, separate: true } : options);
        expect(r.ok, JSON.stringify(r.diagnostics.slice(0, 3))).toBe(true);
        if (!r.ok) return;
        expect(r.failed ?? []).toEqual([]);
        for (const out of r.outputs) seen[`${target} [${name}] ${out.name}`] = sha(out.bytes);
      });
    }
  }
  it('matches the record', () => {
    const update = process.env['UPDATE_GOLDEN'] === '1' || !existsSync(RECORD);
    const sorted = Object.fromEntries(Object.entries(seen).sort(([a], [b]) => a.localeCompare(b)));
    if (update) {
      mkdirSync(dirname(RECORD), { recursive: true });
      writeFileSync(RECORD, `${JSON.stringify(sorted, null, 1)}\n`);
    }
    const recorded = JSON.parse(readFileSync(RECORD, 'utf8')) as Record<string, string>;
    expect(sorted).toEqual(recorded);
  });
});
