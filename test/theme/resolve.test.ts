import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_THEMES, defaultTheme, printTheme, PT_PER_MM, resolveTheme } from '../../src/theme/index.js';

const ROOT = join(import.meta.dirname, '../..');
const BAD = join(ROOT, 'test/fixtures/bad/themes');
const DEJAVU = join(ROOT, 'assets/fonts/DejaVuSans.ttf');

interface Case {
  readonly id: string;
  readonly args: readonly string[];
  readonly code: string;
  readonly where: string;
  readonly message: string;
  readonly hint: string;
}
const cases = (JSON.parse(readFileSync(join(BAD, '..', 'cases-themes.json'), 'utf8')) as { cases: Case[] }).cases;

function project(files: Record<string, string | Buffer>, config = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-theme-'));
  if (config) writeFileSync(join(dir, 'briefkit.config.yaml'), 'theme: default\n');
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  return dir;
}

describe('bad theme files (test/fixtures/bad/cases-themes.json)', () => {
  it('has a case for every theme file there', () => {
    expect(cases.length).toBeGreaterThanOrEqual(13);
  });
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const spec = c.args[c.args.indexOf('--theme') + 1] as string;
    const r = resolveTheme(spec, ROOT);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const d = r.diagnostics.find((x) => x.code === c.code);
    expect(d, JSON.stringify(r.diagnostics)).toBeDefined();
    if (!d?.loc) throw new Error(`no location: ${JSON.stringify(d)}`);
    expect(`${relative(ROOT, d.loc.file)}:${d.loc.line}:${d.loc.col}`).toBe(c.where);
    expect(d.message).toContain(c.message);
    expect(d.hint).toContain(c.hint);
    expect(d.code).toMatch(/^theme\//);
  });
});

describe('resolveTheme', () => {
  it.each([
    [undefined, defaultTheme],
    ['default', defaultTheme],
    ['print', printTheme],
  ] as const)('%s is a built-in theme, reading no file', (spec, theme) => {
    const r = resolveTheme(spec, ROOT);
    expect(r).toEqual({ ok: true, theme, files: [] });
  });

  it('the print theme is greyscale in every colour', () => {
    const colours = [...Object.values(printTheme.palette).flat()];
    for (const c of colours) expect(c, c).toMatch(/^#([0-9a-f]{2})\1\1$/);
    expect(BUILTIN_THEMES['default']).toBe(defaultTheme);
  });

  it('a misspelt built-in name suggests the right one and lists them', () => {
    const r = resolveTheme('prnt', ROOT);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0]?.code).toBe('theme/unknown-theme');
    expect(r.diagnostics[0]?.hint).toContain('did you mean `print`?');
  });

  it('maps every field of a theme file, lists every file read, in mm converted to pt', () => {
    const dir = project({
      'themes/house.yaml': [
        'name: house', 'extends: print',
        'palette: { accent: "#0b6e4f", surplus: "#00ff00", deficit: "#ff0000" }',
        'margins: { top: 30, outside: 20 }',
        'marking: { default: "#123456", levels: { secret: "#8b0000" } }',
        'fonts: { body: ../fonts/Body.ttf }',
        'logo: { file: logo.svg, height: 10 }',
      ].join('\n'),
      'themes/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10"><rect width="20" height="10" fill="#0b6e4f"/></svg>',
    });
    mkdirSync(join(dir, 'fonts'), { recursive: true });
    copyFileSync(DEJAVU, join(dir, 'fonts/Body.ttf'));
    const r = resolveTheme('themes/house.yaml', dir);
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const t = r.theme;
    expect(t.name).toBe('house');
    expect(t.palette.primary).toBe('#0b6e4f');
    expect(t.palette.series[0]).toBe('#0b6e4f');
    expect(t.palette.series.slice(1)).toEqual(printTheme.palette.series.slice(1));
    expect([t.palette.positive, t.palette.negative, t.palette.marking]).toEqual(['#00ff00', '#ff0000', '#123456']);
    expect(t.palette.text).toBe(printTheme.palette.text);
    expect(t.margins.top).toBeCloseTo(30 * PT_PER_MM);
    expect(t.margins.outside).toBeCloseTo(20 * PT_PER_MM);
    expect(t.margins.inside).toBeCloseTo(32 * PT_PER_MM);
    expect(t.margins.bottom).toBe(printTheme.margins.bottom);
    expect(t.markingColours).toEqual({ SECRET: '#8b0000' });
    expect(t.fonts?.bodyFamily).toBe('DejaVu Sans');
    expect(new Set(Object.values(t.fonts?.faces ?? {})).size).toBe(1);
    expect(t.logo?.height).toBeCloseTo(10 * PT_PER_MM);
    expect(t.logo?.image.kind).toBe('svg');
    expect(r.files.map((f) => relative(dir, f)).sort()).toEqual(['fonts/Body.ttf', 'themes/house.yaml', 'themes/logo.svg']);
  });

  it('a font is identified by its content: the same bytes anywhere are one font, an edited file another', () => {
    const dir = project({ 'a.yaml': 'fonts: { body: a.ttf }', 'b.yaml': 'fonts: { body: b.ttf }' });
    copyFileSync(DEJAVU, join(dir, 'a.ttf'));
    copyFileSync(DEJAVU, join(dir, 'b.ttf'));
    const id = (spec: string): string | undefined => {
      const r = resolveTheme(spec, dir);
      if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
      return r.theme.fonts?.faces.regular;
    };
    const first = id('a.yaml');
    expect(first).toMatch(/^user-[0-9a-f]{24}$/);
    expect(id('b.yaml')).toBe(first);
    copyFileSync(join(ROOT, 'assets/fonts/SourceSans3_600SemiBold.ttf'), join(dir, 'a.ttf'));
    const edited = id('a.yaml');
    expect(edited).not.toBe(first);
    expect(edited).toMatch(/^user-/);
  });

  it('confines files to the project folder: ../ inside the project is fine, outside it is refused', () => {
    const dir = project({ 'themes/t.yaml': 'fonts: { body: ../../outside.ttf }' });
    const r = resolveTheme('themes/t.yaml', dir);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // The file does not exist either; a path that leaves the project is refused whatever it names.
    expect(r.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining([expect.stringMatching(/^theme\/(outside-project|file-missing)$/)]));
    const inside = project({ 'themes/t.yaml': 'fonts: { body: ../fonts/x.ttf }' });
    mkdirSync(join(inside, 'fonts'));
    copyFileSync(DEJAVU, join(inside, 'fonts/x.ttf'));
    expect(resolveTheme('themes/t.yaml', inside).ok).toBe(true);
    const noConfig = project({ 'themes/t.yaml': 'fonts: { body: ../fonts/x.ttf }' }, false);
    mkdirSync(join(noConfig, 'fonts'));
    copyFileSync(DEJAVU, join(noConfig, 'fonts/x.ttf'));
    const r2 = resolveTheme('themes/t.yaml', noConfig);
    expect(r2.ok ? 'ok' : r2.diagnostics[0]?.code).toBe('theme/outside-project');
  });

  it('reports every schema problem of a file at once', () => {
    const dir = project({ 't.yaml': 'palette: { accent: red, text: "#12" }\nmargins: { top: 1 }\nlogo: {}\n' });
    const r = resolveTheme('t.yaml', dir);
    expect(r.ok ? [] : r.diagnostics.map((d) => `${d.code} ${d.loc?.line}:${d.loc?.col}`).sort()).toEqual([
      'theme/colour 1:20', 'theme/colour 1:31', 'theme/range 2:17', 'theme/required 3:7',
    ]);
  });

  it('a body font without Latin letters is refused (text would print as boxes)', () => {
    const dir = project({ 't.yaml': 'fonts: { body: emoji.ttf }' });
    copyFileSync(join(ROOT, 'assets/fonts/NotoEmoji_400Regular.ttf'), join(dir, 'emoji.ttf'));
    const r = resolveTheme('t.yaml', dir);
    expect(r.ok ? 'ok' : r.diagnostics[0]?.code).toBe('theme/font-coverage');
  });
});
