/**
 * `briefkit init`: the scaffold is written whole, validates and builds; an existing file is
 * never overwritten and then nothing at all is written.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { registerConfig } from '../../src/cli/config.js';
import { registerInit } from '../../src/cli/init.js';
import { loadBriefing } from '../../src/data/index.js';
import { loadManifest } from '../../src/pack/manifest.js';
import { resolveSettings } from '../../src/project/index.js';
import { initProject, scaffoldFiles } from '../../src/project/scaffold.js';

const made: string[] = [];
function tmp(): string {
  const d = realpathSync(mkdtempSync(join(tmpdir(), 'briefkit-init-')));
  made.push(d);
  return d;
}
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** Runs one command as the CLI registers it; returns exit code and output lines. */
async function run(register: typeof registerInit, args: readonly string[], cwd?: string): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  let code = 0;
  const program = new Command('briefkit').exitOverride();
  register(program, { out: (s) => out.push(s), err: (s) => err.push(s) }, (c) => { code = Math.max(code, c); });
  const before = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    await program.parseAsync([...args], { from: 'user' });
  } finally {
    process.chdir(before);
  }
  return { code, out, err };
}

function listing(d: string): string[] {
  return readdirSync(d, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(d.length + 1)).sort();
}

describe('briefkit init', () => {
  it('scaffolds a project whose example briefing and pack are valid and whose settings resolve', async () => {
    const d = tmp();
    const r = await run(registerInit, ['init', 'demo'], d);
    expect(r.code).toBe(0);
    const p = join(d, 'demo');
    expect(listing(p)).toEqual(expect.arrayContaining([
      '.gitignore', 'briefkit.config.yaml', 'data/briefings/example.yaml', 'data/packs/example-pack.yaml', 'templates/README.md',
    ]));
    expect(r.out).toContain('created demo/briefkit.config.yaml');
    expect(readFileSync(join(p, '.gitignore'), 'utf8')).toMatch(/^output\/$/m);
    const b = loadBriefing({ file: join(p, 'data/briefings/example.yaml') });
    expect(b.ok, JSON.stringify(b.diagnostics)).toBe(true);
    const m = loadManifest(join(p, 'data/packs/example-pack.yaml'));
    expect(m.ok, JSON.stringify(m.diagnostics)).toBe(true);
    const s = resolveSettings({ cwd: join(p, 'data'), env: {} });
    expect(s.ok && s.resolved.root).toBe(p);
    expect(s.ok && s.resolved.values.templates).toBe(join(p, 'templates'));
  });

  it('copies the CI workflow when the package has one', () => {
    const has = existsSync('templates/project/ci-workflow.yml');
    expect(scaffoldFiles().some((f) => f.target === '.github/workflows/briefkit.yml')).toBe(has);
  });

  it('refuses to overwrite: every existing file is a located error, exit 1, nothing written', async () => {
    const d = tmp();
    mkdirSync(join(d, 'data/packs'), { recursive: true });
    writeFileSync(join(d, '.gitignore'), 'mine\n');
    writeFileSync(join(d, 'data/packs/example-pack.yaml'), 'mine\n');
    const before = listing(d);
    const r = await run(registerInit, ['init', d]);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/\.gitignore:1:1: error init\/exists/);
    expect(r.err.join('\n')).toMatch(/example-pack\.yaml:1:1: error init\/exists/);
    expect(listing(d)).toEqual(before);
    expect(readFileSync(join(d, '.gitignore'), 'utf8')).toBe('mine\n');
  });

  it('a write that fails takes back what was written', () => {
    const d = tmp();
    const files = [...scaffoldFiles().slice(0, 2), { source: join(d, 'no-such-source'), target: 'zz/last.txt' }];
    expect(() => initProject(join(d, 'p'), files)).toThrow();
    expect(existsSync(join(d, 'p'))).toBe(false);
  });

  it('init --reporter json prints one JSON document', async () => {
    const d = tmp();
    const r = await run(registerInit, ['init', 'x', '--reporter', 'json'], d);
    const doc = JSON.parse(r.out.join('')) as { files: string[] };
    expect(doc.files).toContain('briefkit.config.yaml');
  });
});

describe('briefkit config', () => {
  it('prints each setting with its origin; --reporter json gives one document', async () => {
    const d = tmp();
    writeFileSync(join(d, 'briefkit.config.yaml'), 'paper: letter\nmarking: nato\n');
    const text = await run(registerConfig, ['config', '--out', 'pdf'], d);
    expect(text.code).toBe(0);
    expect(text.out).toContain('config   briefkit.config.yaml');
    expect(text.out.join('\n')).toMatch(/^paper +letter +\(config briefkit\.config\.yaml:1:8\)$/m);
    expect(text.out.join('\n')).toMatch(/^output +pdf +\(flag --out\)$/m);
    const json = await run(registerConfig, ['config', '--reporter', 'json'], d);
    expect(json.out.length).toBe(1);
    const doc = JSON.parse(json.out[0] ?? '') as { root: string; settings: Record<string, { value: unknown; origin: { kind: string } }> };
    expect(doc.root).toBe(d);
    expect(doc.settings['marking']).toEqual({ value: 'nato', origin: { kind: 'config', loc: { file: 'briefkit.config.yaml', line: 2, col: 10 } } });
    expect(doc.settings['duplex']).toEqual({ value: false, origin: { kind: 'default' } });
  });

  it('a bad config is a located error and exit 1', async () => {
    const d = tmp();
    writeFileSync(join(d, 'briefkit.config.yaml'), 'paper: a4\nslide: true\n');
    const r = await run(registerConfig, ['config'], d);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/briefkit\.config\.yaml:2:1: error config\/unknown-field/);
  });
});
