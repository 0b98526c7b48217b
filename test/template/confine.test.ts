/**
 * Templates are confined like data and bounded: files are read by real path inside the
 * template folder (links inside are fine, links leading out are refused where they are
 * called), only regular files of bounded size are read, and a rendering stops at its output,
 * block-run and partial-depth limits with a located error. Tests read the markup made.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadBriefing } from '../../src/data/index.js';
import type { Briefing } from '../../src/data/types.js';
import { UserError } from '../../src/diag/errors.js';
import type { Diagnostic } from '../../src/diag/types.js';
import { renderTemplate } from '../../src/template/index.js';
import type { TemplateInput } from '../../src/template/index.js';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
const tmp = (p = 'briefkit-tpl-'): string => {
  const d = mkdtempSync(join(tmpdir(), p));
  made.push(d);
  return d;
};

function briefing(file = 'test/fixtures/bad/briefings/same-id.yaml'): Briefing {
  const r = loadBriefing({ file });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.value.briefing;
}
const B = briefing();
const DEFAULT = briefing('data/briefings/canada-korea-1995.yaml');

/** A templates folder with one kind (`k`): files by path relative to the kind, plus messages. */
function folder(files: Readonly<Record<string, string>>, messages?: string): string {
  const root = tmp();
  mkdirSync(join(root, 'k', 'partials'), { recursive: true });
  mkdirSync(join(root, 'messages'));
  if (messages === undefined) copyFileSync('templates/messages/en.json', join(root, 'messages', 'en.json'));
  else writeFileSync(join(root, 'messages', 'en.json'), messages);
  for (const [f, text] of Object.entries(files)) writeFileSync(join(root, 'k', f), text);
  return root;
}

/** The diagnostics renderTemplate fails with (the test fails if it succeeds). */
function failure(input: TemplateInput): Diagnostic[] {
  try {
    renderTemplate(input);
  } catch (e) {
    if (e instanceof UserError) return [...e.diagnostics];
    throw e;
  }
  throw new Error('rendered, but an error was expected');
}
const where = (d: Diagnostic | undefined): string => `${d?.loc?.file}:${d?.loc?.line}:${d?.loc?.col}`;

const OUTSIDE_TEXT = 'OUTSIDE-SECRET-TEXT';
function outsideFile(): string {
  const d = tmp('briefkit-tpl-outside-');
  writeFileSync(join(d, 'secret.hbs'), OUTSIDE_TEXT);
  return join(d, 'secret.hbs');
}

describe('template files are read inside the template folder', () => {
  it('follows links that stay inside (a partial, a kind folder)', () => {
    const root = folder({ 'document.hbs': '# {{title}}\n\n{{> a}}\n{{> b}}\n', 'partials/a.hbs': 'A-TEXT\n' });
    mkdirSync(join(root, 'shared'));
    writeFileSync(join(root, 'shared', 'b.hbs'), 'B-TEXT\n');
    symlinkSync(join(root, 'shared', 'b.hbs'), join(root, 'k', 'partials', 'b.hbs'));
    symlinkSync('k', join(root, 'alias'));
    const out = renderTemplate({ briefing: B, templatesDir: root, kind: 'alias' });
    expect(out.markup).toContain('A-TEXT');
    expect(out.markup).toContain('B-TEXT');
  });

  const cases: [string, (root: string, secret: string) => void, string, RegExp][] = [
    ['a partial linked outside', (r, s) => symlinkSync(s, join(r, 'k', 'partials', 'secret.hbs')), 'template/outside', /k\/document\.hbs:3:1$/],
    ['a partial linked outside by a relative ../ path', (r, s) => symlinkSync(relative(join(r, 'k', 'partials'), s), join(r, 'k', 'partials', 'secret.hbs')), 'template/outside', /k\/document\.hbs:3:1$/],
    ['a partial linked to a link inside that leads outside', (r, s) => {
      symlinkSync(s, join(r, 'inner-link.hbs'));
      symlinkSync(join(r, 'inner-link.hbs'), join(r, 'k', 'partials', 'secret.hbs'));
    }, 'template/outside', /k\/document\.hbs:3:1$/],
    ['the document linked outside', (r, s) => {
      rmSync(join(r, 'k', 'document.hbs'));
      symlinkSync(s, join(r, 'k', 'document.hbs'));
    }, 'template/outside', /k\/document\.hbs:1:1$/],
    ['the message catalog linked outside', (r, s) => {
      rmSync(join(r, 'messages', 'en.json'));
      symlinkSync(s, join(r, 'messages', 'en.json'));
    }, 'template/outside', /messages\/en\.json:1:1$/],
    ['a partial that is a FIFO', (r) => execFileSync('mkfifo', [join(r, 'k', 'partials', 'secret.hbs')]), 'template/not-a-file', /partials\/secret\.hbs:1:1$/],
    ['a partial that is a folder', (r) => mkdirSync(join(r, 'k', 'partials', 'secret.hbs')), 'template/not-a-file', /partials\/secret\.hbs:1:1$/],
    ['a partial over 1 MB', (r) => writeFileSync(join(r, 'k', 'partials', 'secret.hbs'), 'x'.repeat(1024 * 1024 + 1)), 'template/file-too-large', /partials\/secret\.hbs:1:1$/],
  ];
  it.each(cases)('%s: %s, and nothing from outside is read', (_what, arrange, code, at) => {
    const root = folder({ 'document.hbs': '# {{title}}\n\n{{> secret}}\n' });
    arrange(root, outsideFile());
    const d = failure({ briefing: B, templatesDir: root, kind: 'k' });
    expect(d.map((x) => x.code)).toEqual([code]);
    expect(where(d[0])).toMatch(at);
    expect(d[0]?.hint).toBeTruthy();
    expect(JSON.stringify(d)).not.toContain(OUTSIDE_TEXT);
  });

  it('the kind folder linked outside is refused at the data field that names it', () => {
    const root = folder({ 'document.hbs': '# {{title}}\n' });
    const outside = tmp('briefkit-tpl-outside-');
    writeFileSync(join(outside, 'document.hbs'), OUTSIDE_TEXT);
    symlinkSync(outside, join(root, 'evil'));
    const d = failure({ briefing: B, templatesDir: root, kind: 'evil', locate: () => ({ file: 'data.yaml', line: 7, col: 11 }) });
    expect(d.map((x) => [x.code, where(x)])).toEqual([['template/outside', 'data.yaml:7:11']]);
  });

  it('a templates folder that does not exist is a template/missing error, not a crash', () => {
    expect(failure({ briefing: B, templatesDir: join(tmp(), 'nope') }).map((x) => x.code)).toEqual(['template/missing']);
  });
});

describe('message catalogs', () => {
  it.each([
    ['not JSON', '{"a": "b",\n  oops}', /messages\/en\.json:2:3$/],
    ['a value that is not a string', '{\n  "ref": "Ref. {id}",\n  "n": 3\n}', /messages\/en\.json:3:3$/],
    ['a list', '["a"]', /messages\/en\.json:1:1$/],
  ])('%s: a located template/messages error', (_what, text, at) => {
    const root = folder({ 'document.hbs': '# {{title}}\n' }, text);
    const d = failure({ briefing: B, templatesDir: root, kind: 'k' });
    expect(d.map((x) => x.code)).toEqual(['template/messages']);
    expect(where(d[0])).toMatch(at);
  });

  it('prototype names are no messages and no placeholders: an error, never a function printed', () => {
    const root = folder({ 'document.hbs': '# {{title}}\n\nA {{t "ref" id="x"}} B\n' }, '{"ref": "Ref {constructor} {toString} {id}"}');
    const out = renderTemplate({ briefing: B, templatesDir: root, kind: 'k' });
    expect(out.markup).not.toMatch(/function|native code|\[object/);
    expect(out.markup).toContain('Ref \\{constructor\\} \\{toString\\} x');
    for (const key of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
      const r2 = folder({ 'document.hbs': `# {{title}}\n\n{{t "${key}"}}\n` });
      const d = failure({ briefing: B, templatesDir: r2, kind: 'k' });
      expect(d[0]?.message).toContain(`message "${key}" is not in the en catalog`);
    }
  });

  it('{{log}} prints nothing to the terminal', () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => undefined));
    try {
      const root = folder({ 'document.hbs': '# {{title}}\n\n{{log title}}{{log "x" level="error"}}\n' });
      renderTemplate({ briefing: B, templatesDir: root, kind: 'k' });
      for (const s of spies) expect(s).not.toHaveBeenCalled();
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });
});

describe('rendering is bounded', () => {
  it('counts the markup exactly: the default briefing renders at a limit of its own length, not one less', () => {
    const full = renderTemplate({ briefing: DEFAULT });
    const n = full.markup.length;
    expect(renderTemplate({ briefing: DEFAULT, limits: { maxChars: n } }).markup).toBe(full.markup);
    const d = failure({ briefing: DEFAULT, limits: { maxChars: n - 1 } });
    expect(d.map((x) => x.code)).toEqual(['template/too-large']);
    expect(d[0]?.loc?.file).toMatch(/templates\/fact-sheet\/.*\.hbs$/);
  });

  it('stops loops inside loops while the output grows, at the innermost loop, quickly', () => {
    const line3 = `{{#each sections}}${'{{#each @root.sections}}'.repeat(5)}`;
    const root = folder({ 'document.hbs': `# {{title}}\n\n${line3}\n- {{title}} ${'x'.repeat(100)}\n${'{{/each}}'.repeat(6)}\n` });
    const many = briefing('test/fixtures/bad/templates-briefings/each-explosion.yaml');
    const t0 = performance.now();
    const d = failure({ briefing: many, templatesDir: root, kind: 'k', limits: { maxChars: 200_000 } });
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(d.map((x) => [x.code, x.loc?.line, x.loc?.col])).toEqual([['template/too-large', 3, line3.lastIndexOf('{{#each') + 1]]);
  });

  it('bounds the block runs of loops that print nothing', () => {
    const root = folder({ 'document.hbs': `# {{title}}\n\n${'{{#each @root.sections}}'.repeat(6)}{{/each}}{{/each}}{{/each}}{{/each}}{{/each}}{{/each}}\n` });
    const many = briefing('test/fixtures/bad/templates-briefings/each-explosion.yaml');
    const d = failure({ briefing: many, templatesDir: root, kind: 'k', limits: { maxBlockRuns: 5_000 } });
    expect(d.map((x) => [x.code, x.loc?.line])).toEqual([['template/too-large', 3]]);
    expect(d[0]?.message).toContain('more than 5000 times');
  });

  it('bounds partial depth: a partial that calls itself is a template/recursion error at its call', () => {
    const root = folder({ 'document.hbs': '# {{title}}\n\n{{> r}}\n', 'partials/r.hbs': 'r\n{{#if title}}{{> r}}{{/if}}\n' });
    const d = failure({ briefing: B, templatesDir: root, kind: 'k', limits: { maxDepth: 10 } });
    expect(d.map((x) => [x.code, x.loc?.line, x.loc?.col])).toEqual([['template/recursion', 2, 14]]);
    expect(d[0]?.loc?.file).toMatch(/k\/partials\/r\.hbs$/);
  });

  it('property: under any limit, the markup is the unlimited markup, or a too-large error below its length', () => {
    const root = folder({
      'document.hbs': '# {{title}}\n\n{{#each sections}}\n{{> s}}\n{{/each}}\n',
      'partials/s.hbs': '## {{title}}\n{{#each bullets}}\n- {{this}} {{#each ../bullets}}({{this}}){{/each}}\n{{/each}}\n',
    });
    const full = renderTemplate({ briefing: DEFAULT, templatesDir: root, kind: 'k' }).markup;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: full.length + 50 }), (maxChars) => {
        let markup: string | undefined;
        try {
          markup = renderTemplate({ briefing: DEFAULT, templatesDir: root, kind: 'k', limits: { maxChars } }).markup;
        } catch (e) {
          expect(e instanceof UserError && e.diagnostics[0]?.code).toBe('template/too-large');
          expect(maxChars).toBeLessThan(full.length);
          return;
        }
        expect(markup).toBe(full);
      }),
      { numRuns: 60 },
    );
  });
});
