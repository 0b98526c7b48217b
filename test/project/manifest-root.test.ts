/**
 * Pack manifests confine briefing paths to their project: the nearest config's folder, else
 * the working directory when the manifest is in it, else the manifest's own folder.
 */
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadManifest, manifestRoot } from '../../src/pack/manifest.js';

const made: string[] = [];
const SEED = readFileSync('data/briefings/canada-korea-1995.yaml', 'utf8');
function tree(files: Readonly<Record<string, string>>): string {
  const d = realpathSync(mkdtempSync(join(tmpdir(), 'briefkit-packroot-')));
  made.push(d);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(d, name, '..'), { recursive: true });
    writeFileSync(join(d, name), text);
  }
  return d;
}
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
const pack = (list: string): string => `id: p\ntitle: P\ndate: 1995-10-01\nbriefings: ${list}\n`;

describe('pack manifests outside the repository', () => {
  it('a manifest elsewhere with its briefings beside it loads (no config: its own folder is the project)', () => {
    const d = tree({ 'a.yaml': SEED, 'p.yaml': pack('[a.yaml]') });
    expect(manifestRoot(join(d, 'p.yaml'))).toBe(d);
    const r = loadManifest(join(d, 'p.yaml'));
    expect(r.ok, JSON.stringify(r.diagnostics)).toBe(true);
  });

  it('in a project, briefings in a sibling folder load; a path past the project root does not', () => {
    const d = tree({
      'proj/briefkit.config.yaml': 'paper: a4\n', 'proj/data/briefings/a.yaml': SEED, 'outside.yaml': SEED,
      'proj/data/packs/p.yaml': pack('[../briefings/a.yaml]'), 'proj/data/packs/q.yaml': pack('[../../../outside.yaml]'),
    });
    expect(manifestRoot(join(d, 'proj/data/packs/p.yaml'))).toBe(join(d, 'proj'));
    expect(loadManifest(join(d, 'proj/data/packs/p.yaml')).ok).toBe(true);
    const q = loadManifest(join(d, 'proj/data/packs/q.yaml'));
    expect(q.ok).toBe(false);
    const found = q.diagnostics.find((x) => x.code === 'pack/outside-project');
    expect(found?.loc).toMatchObject({ line: 4, col: 13 });
    expect(found?.hint).toContain(join(d, 'proj'));
  });

  it('without a config, a manifest elsewhere may not climb out of its folder', () => {
    const d = tree({ 'a.yaml': SEED, 'sub/p.yaml': pack('[../a.yaml]') });
    const r = loadManifest(join(d, 'sub/p.yaml'));
    expect(r.diagnostics.map((x) => x.code)).toEqual(['pack/outside-project']);
  });

  it('a link out of the project is still refused', () => {
    const d = tree({ 'secret.yaml': SEED, 'proj/briefkit.config.yaml': '{}\n', 'proj/p.yaml': pack('[a.yaml]') });
    symlinkSync(join(d, 'secret.yaml'), join(d, 'proj/a.yaml'));
    const r = loadManifest(join(d, 'proj/p.yaml'));
    expect(r.diagnostics.map((x) => x.code)).toEqual(['pack/outside-project']);
    expect(r.diagnostics[0]?.message).toContain('link');
  });
});
