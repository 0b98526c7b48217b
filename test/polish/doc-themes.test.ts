/**
 * Every theme example in the README and the user guide is a theme briefkit accepts: each YAML
 * block that is a theme (top-level keys all theme fields, one of them extends, palette, fonts
 * or logo) is written to a project with the font and logo files it names, and read back through
 * resolveTheme. The README once showed `headings: { bold: … }`, which the schema refuses.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveTheme } from '../../src/theme/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const THEME_KEYS = new Set(Object.keys((JSON.parse(readFileSync(join(ROOT, 'data/schema/theme.schema.json'), 'utf8')) as { properties: object }).properties));
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"><rect width="40" height="20" fill="#0b6e4f"/></svg>';

/** The theme examples of one Markdown file, with the line each block starts on. */
function themeBlocks(file: string): { line: number; yaml: string }[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: { line: number; yaml: string }[] = [];
  for (const m of text.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)) {
    const yaml = m[1] ?? '';
    const value: unknown = parse(yaml);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    const keys = Object.keys(value);
    if (!keys.every((k) => THEME_KEYS.has(k)) || !keys.some((k) => ['extends', 'palette', 'fonts', 'logo'].includes(k))) continue;
    out.push({ line: text.slice(0, m.index).split('\n').length, yaml });
  }
  return out;
}

/** Every string under `fonts` and `logo.file`: the files the example names. */
function namedFiles(theme: Record<string, unknown>): string[] {
  const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : typeof v === 'object' && v !== null ? Object.values(v).flatMap(strings) : []);
  const logo = theme['logo'] as { file?: unknown } | undefined;
  return [...strings(theme['fonts']), ...(typeof logo?.file === 'string' ? [logo.file] : [])];
}

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

const docs = ['README.md', ...readdirSync(join(ROOT, 'docs/guide')).filter((f) => f.endsWith('.md')).map((f) => `docs/guide/${f}`)];
const examples = docs.flatMap((file) => themeBlocks(file).map((b) => ({ where: `${file}:${b.line}`, yaml: b.yaml })));

describe('theme examples in the docs', () => {
  it('finds the README and guide examples', () => {
    expect(examples.map((e) => e.where.split(':')[0])).toEqual(expect.arrayContaining(['README.md', 'docs/guide/themes.md']));
  });

  it.each(examples)('$where is a valid theme', ({ yaml }) => {
    const dir = mkdtempSync(join(tmpdir(), 'briefkit-doc-theme-'));
    dirs.push(dir);
    for (const f of namedFiles(parse(yaml) as Record<string, unknown>)) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      if (f.endsWith('.svg')) writeFileSync(join(dir, f), LOGO);
      else copyFileSync(join(ROOT, 'assets/fonts/DejaVuSans.ttf'), join(dir, f));
    }
    writeFileSync(join(dir, 'house.theme.yaml'), yaml);
    const r = resolveTheme('house.theme.yaml', dir);
    expect(r.ok ? [] : r.diagnostics.map((d) => `${d.code} ${d.loc?.line}:${d.loc?.col} ${d.message}`)).toEqual([]);
  });
});
