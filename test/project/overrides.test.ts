/**
 * Template overrides, file by file: a project's templates/<kind>/… replaces just those files
 * of the bundled kind; the rest of the document is the bundled kind's, page for page.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/build/index.js';
import { loadBriefing } from '../../src/data/index.js';
import type { Briefing } from '../../src/data/types.js';
import { UserError } from '../../src/diag/errors.js';
import { renderTemplate, TEMPLATES_DIR } from '../../src/template/index.js';
import { pageTexts, tempFile } from '../helpers/pdf.js';

const SEED = 'data/briefings/canada-korea-1995.yaml';
const made: string[] = [];
let seed: Briefing;

/** A project templates folder with just these files (no catalogs: the bundled ones apply). */
function templates(files: Readonly<Record<string, string>>): string {
  const d = realpathSync(mkdtempSync(join(tmpdir(), 'briefkit-overrides-')));
  made.push(d);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(d, name, '..'), { recursive: true });
    writeFileSync(join(d, name), text);
  }
  return d;
}

beforeAll(() => {
  const r = loadBriefing({ file: SEED });
  if (!r.ok) throw new Error('seed does not load');
  seed = r.value.briefing;
});
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

const bundledKeyFigures = readFileSync(join(TEMPLATES_DIR, 'fact-sheet/partials/key-figures.hbs'), 'utf8');
// Same block, another heading: one line either way, so no later line moves.
const OVERRIDE = bundledKeyFigures.replace('{{t "keyFigures" year=latest.year currency=trade.currency}}', 'Figures at a glance');

describe('template overrides', () => {
  it('one overridden partial changes its block; every other line of the markup is the bundled one', () => {
    const dir = templates({ 'fact-sheet/partials/key-figures.hbs': OVERRIDE });
    const bundled = renderTemplate({ briefing: seed });
    const over = renderTemplate({ briefing: seed, templatesDir: dir });
    const a = bundled.markup.split('\n');
    const b = over.markup.split('\n');
    expect(b.length).toBe(a.length);
    const changed = a.flatMap((line, i) => (line === b[i] ? [] : [i]));
    expect(changed.length).toBe(1);
    expect(b[changed[0] ?? 0]).toBe('Figures at a glance');
    // The override and the bundled files it did not replace are both build inputs.
    expect(over.dependencies).toContain(join(dir, 'fact-sheet/partials/key-figures.hbs'));
    expect(over.dependencies).toContain(join(TEMPLATES_DIR, 'fact-sheet/partials/section.hbs'));
    expect(over.dependencies).not.toContain(join(TEMPLATES_DIR, 'fact-sheet/partials/key-figures.hbs'));
  });

  it('in the PDF, the block changes and every other page is the same as the bundled build', async () => {
    const dir = templates({ 'fact-sheet/partials/key-figures.hbs': OVERRIDE });
    // The build session still reads layout's catalog from the given folder alone
    // (src/build/print.ts): give it one until it passes [templatesDir, TEMPLATES_DIR].
    cpSync(join(TEMPLATES_DIR, 'messages'), join(dir, 'messages'), { recursive: true });
    const bundled = await buildBriefing({ file: SEED });
    const over = await buildBriefing({ file: SEED }, { templatesDir: dir });
    if (!bundled.ok || !over.ok) throw new Error('build failed');
    const a = pageTexts(tempFile(bundled.pdf, 'bundled.pdf'), true);
    const b = pageTexts(tempFile(over.pdf, 'override.pdf'), true);
    expect(b.length).toBe(a.length);
    expect(a.length).toBeGreaterThan(1);
    expect(b[0]).toContain('Figures at a glance');
    expect(a[0]).not.toContain('Figures at a glance');
    // Page 1 differs only in that heading: the same lines once it is taken out.
    const without = (p: string | undefined, s: RegExp): string[] => (p ?? '').split('\n').filter((l) => !s.test(l));
    expect(without(b[0], /Figures at a glance/)).toEqual(without(a[0], /Key figures \(1994, CAD\)/));
    for (let i = 1; i < a.length; i++) expect(b[i], `page ${i + 1}`).toBe(a[i]);
  }, 120_000);

  it('an overridden document.hbs uses the bundled partials it does not replace', () => {
    const dir = templates({ 'fact-sheet/document.hbs': 'Project entry.\n\n{{> title-block}}\n' });
    const out = renderTemplate({ briefing: seed, templatesDir: dir });
    expect(out.markup.startsWith('Project entry.')).toBe(true);
    expect(out.markup).toContain(':::titleblock');
    expect(out.file).toBe(join(dir, 'fact-sheet/document.hbs'));
  });

  it('a new kind is a new folder; the bundled kinds stay available beside it', () => {
    const dir = templates({ 'memo/document.hbs': '# Memo: {{title}}\n\n{{> sign-off}}\n', 'memo/partials/sign-off.hbs': 'Signed.\n' });
    expect(renderTemplate({ briefing: seed, templatesDir: dir, kind: 'memo' }).markup).toBe('# Memo: Canada – Republic of Korea\n\nSigned.\n');
    expect(renderTemplate({ briefing: seed, templatesDir: dir, kind: 'slides' }).markup).toBe(renderTemplate({ briefing: seed, kind: 'slides' }).markup);
  });

  it('an unknown kind lists the kinds of both folders', () => {
    const dir = templates({ 'memo/document.hbs': 'x\n' });
    try {
      renderTemplate({ briefing: seed, templatesDir: dir, kind: 'poster' });
      expect.unreachable();
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      expect(e.diagnostics[0]?.code).toBe('template/unknown-kind');
      expect(e.diagnostics[0]?.hint).toBe('use one of: biography, fact-sheet, memo, slides, talking-points, visit-programme');
    }
  });

  it('a missing partial names both folders\' partials as known', () => {
    const dir = templates({ 'fact-sheet/partials/section.hbs': '{{> sidebar}}\n' });
    try {
      renderTemplate({ briefing: seed, templatesDir: dir });
      expect.unreachable();
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      expect(e.diagnostics.map((d) => d.code)).toEqual(['template/missing-partial']);
      expect(e.diagnostics[0]?.loc).toEqual({ file: join(dir, 'fact-sheet/partials/section.hbs'), line: 1, col: 1 });
      expect(e.diagnostics[0]?.hint).toMatch(/known: .*key-figures.*section/);
    }
  });

  it('an override partial that links outside its folder is refused, even to a bundled file', () => {
    const dir = templates({ 'fact-sheet/partials/.keep': '' });
    symlinkSync(join(TEMPLATES_DIR, 'fact-sheet/partials/section.hbs'), join(dir, 'fact-sheet/partials/section.hbs'));
    try {
      renderTemplate({ briefing: seed, templatesDir: dir });
      expect.unreachable();
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      expect(e.diagnostics.map((d) => d.code)).toEqual(['template/outside']);
    }
  });
});
