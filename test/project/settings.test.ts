/**
 * Settings with their origins: default < config file (at its line) < BRIEFKIT_* < flag, paths
 * relative to where they were given, and every bad config or value a located diagnostic.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject, resolveSettings, settingsText } from '../../src/project/index.js';
import { projectRoot } from '../../src/util/index.js';
import type { SettingsInput } from '../../src/project/index.js';

const made: string[] = [];
function project(files: Readonly<Record<string, string>>): string {
  const d = realpathSync(mkdtempSync(join(tmpdir(), 'briefkit-project-')));
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

const ok = (input: SettingsInput) => {
  const r = resolveSettings({ env: {}, ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.resolved;
};

describe('resolveSettings', () => {
  it('without a config file: the working directory is the project and every value is a default', () => {
    const d = project({});
    const r = ok({ cwd: d });
    expect(r.root).toBe(d);
    expect(r.configFile).toBeUndefined();
    expect(r.values.data).toEqual([join(d, 'data/briefings'), join(d, 'data/packs')]);
    expect(r.values.output).toBe(join(d, 'output'));
    expect(r.values.templates).toBeUndefined();
    for (const s of Object.values(r.settings)) expect(s.origin).toEqual({ kind: 'default' });
  });

  it('finds the nearest config above the working directory; its paths are relative to it', () => {
    const d = project({ 'briefkit.config.yaml': 'paper: letter\n\noutput: build/pdf\ntemplates: tpl\n', 'a/b/.keep': '' });
    const r = ok({ cwd: join(d, 'a', 'b') });
    expect(r.root).toBe(d);
    expect(r.values.output).toBe(join(d, 'build/pdf'));
    expect(r.values.templates).toBe(join(d, 'tpl'));
    expect(r.settings.paper).toEqual({ value: 'letter', origin: { kind: 'config', loc: { file: join(d, 'briefkit.config.yaml'), line: 1, col: 8 } } });
    expect(r.settings.output.origin).toMatchObject({ kind: 'config', loc: { line: 3 } });
    expect(projectRoot(join(d, 'a', 'b'))).toBe(d);
  });

  it.each([
    ['default only', {}, {}, 'a4', 'default'],
    ['config', { paper: 'letter' }, {}, 'letter', 'config'],
    ['environment over config', { paper: 'letter' }, { env: { BRIEFKIT_PAPER: 'a4' } }, 'a4', 'env'],
    ['flag over environment', { paper: 'letter' }, { env: { BRIEFKIT_PAPER: 'a4' }, flags: { paper: 'letter' } }, 'letter', 'flag'],
  ] as const)('precedence: %s', (_name, config, input, value, origin) => {
    const d = project({ 'briefkit.config.json': JSON.stringify(config) });
    const r = ok({ cwd: d, ...input });
    expect(r.settings.paper.value).toBe(value);
    expect(r.settings.paper.origin.kind).toBe(origin);
  });

  it('reads every kind of value from the environment and flags, paths relative to the working directory', () => {
    const d = project({ 'briefkit.config.yaml': 'duplex: false\n', 'sub/.keep': '' });
    const r = ok({
      cwd: join(d, 'sub'),
      env: { BRIEFKIT_DUPLEX: 'yes', BRIEFKIT_GUTTER: '15', BRIEFKIT_DATA: 'x, y', BRIEFKIT_LANGUAGES: 'en,ko', BRIEFKIT_MARKING: 'nato', BRIEFKIT_CACHE: '0' },
      flags: { out: 'pdfs', theme: 'themes/grey.yaml', pdfa: true },
    });
    expect(r.values).toMatchObject({
      duplex: true, gutter: 15, data: [join(d, 'sub/x'), join(d, 'sub/y')], languages: ['en', 'ko'], marking: 'nato',
      output: join(d, 'sub/pdfs'), theme: join(d, 'sub/themes/grey.yaml'), pdfa: true, slides: false,
    });
    expect(r.settings.duplex.origin).toEqual({ kind: 'env', name: 'BRIEFKIT_DUPLEX' });
    expect(r.settings.output.origin).toEqual({ kind: 'flag', name: '--out' });
    const text = settingsText(r, join(d, 'sub')).join('\n');
    expect(text).toMatch(/^duplex +true +\(env BRIEFKIT_DUPLEX\)$/m);
    expect(text).toMatch(/^output +pdfs +\(flag --out\)$/m);
    expect(text).toMatch(/^paper +a4 +\(default\)$/m);
  });

  it.each([
    ['an unknown field', 'papr: a4\n', 'config/unknown-field', 1, 1],
    ['a wrong paper', 'paper: a5\n', 'config/enum', 1, 8],
    ['a wrong type', 'duplex: maybe\n', 'config/type', 1, 9],
    ['a path out of the project', 'output: ../elsewhere\n', 'config/outside-project', 1, 9],
    ['an absolute path', 'data: [/etc]\n', 'config/outside-project', 1, 7],
    ['broken YAML', 'paper: [a4\n', 'data/yaml-syntax', 2, 1],
  ])('a config with %s is a located error', (_name, text, code, line, col) => {
    const d = project({ 'briefkit.config.yaml': text });
    const r = resolveSettings({ cwd: d, env: {} });
    expect(r.ok).toBe(false);
    const found = r.diagnostics.find((x) => x.code === code);
    expect(found, JSON.stringify(r.diagnostics)).toBeDefined();
    expect(found?.loc).toMatchObject({ file: join(d, 'briefkit.config.yaml'), line, col });
    expect(found?.hint).toBeTruthy();
  });

  it('two config files in one folder are an error, not a guess', () => {
    const d = project({ 'briefkit.config.yaml': 'paper: a4\n', 'briefkit.config.json': '{}' });
    const r = loadProject(d);
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]?.code).toBe('config/ambiguous');
  });

  it.each([
    ['BRIEFKIT_PAPER', 'a5'], ['BRIEFKIT_DUPLEX', 'sometimes'], ['BRIEFKIT_GUTTER', '-3'], ['BRIEFKIT_GUTTER', 'wide'], ['BRIEFKIT_LANGUAGES', 'english'],
  ])('%s=%s is config/env naming the variable', (name, value) => {
    const d = project({});
    const r = resolveSettings({ cwd: d, env: { [name]: value } });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((x) => x.code)).toEqual(['config/env']);
    expect(r.diagnostics[0]?.message).toContain(name);
  });

  it('hostile environment values never throw: a value or config/env', () => {
    const d = project({});
    fc.assert(fc.property(fc.constantFrom('PAPER', 'DUPLEX', 'GUTTER', 'DATA', 'LANGUAGES', 'THEME', 'MARKING', 'OUTPUT', 'TEMPLATES'), fc.string({ unit: 'binary' }), (k, v) => {
      const r = resolveSettings({ cwd: d, env: { [`BRIEFKIT_${k}`]: v } });
      if (!r.ok) expect(r.diagnostics.every((x) => x.code === 'config/env')).toBe(true);
    }), { numRuns: 100 });
  });
});
