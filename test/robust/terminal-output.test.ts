/**
 * Terminal safety (issue 13): user text (data keys and values, file names, server replies)
 * reaches the terminal with control, format and bidi characters shown as `<U+XXXX>`, and a
 * line break in it never starts an output line of its own, so data cannot clear the screen,
 * set the window title, reorder text or fake a `built output/x.pdf` line. Table-driven and
 * fast-check tests of the formatters, then the real CLI on hostile files and file names.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createReporter } from '../../src/report/index.js';
import { jsonLine, showLines, showText } from '../../src/diag/escape.js';
import { formatDiagnostic, formatGithub } from '../../src/diag/format.js';
import type { Diagnostic } from '../../src/diag/types.js';
import { DEFAULT_DATA, removeTemps, runCli, tmp } from './helpers.js';

afterAll(removeTemps);

/** What may never reach a terminal raw: C0 but line feed, DEL, C1, format characters, separators, lone surrogates. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]|\p{Cf}|\p{Cs}/u;

/** Full-range strings, biased towards the characters that matter here. */
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.constantFrom('\u001b[2J', '\u001b]0;t\u0007', '\r', '\n', '\b', '\t', '\u0085', '\u009b', '\u202e', '\u2066', '\u200b',
    '\u00ad', '\ufeff', '\u2028', '\u{e0041}', '\ud800', 'built output/x.pdf', '  hint: ', '::error ', '%0A', ',', ':', 'é', '😀'), { maxLength: 8 })
    .map((a) => a.join('')),
);

describe('showText, showLines, jsonLine', () => {
  it.each([
    ['ESC', 'a\u001b[2Jb', 'a<U+001B>[2Jb'],
    ['BEL', '\u0007', '<U+0007>'],
    ['CR', 'x\rbuilt', 'x<U+000D>built'],
    ['LF', 'x\nbuilt', 'x<U+000A>built'],
    ['backspace', '\b', '<U+0008>'],
    ['tab', '\t', '<U+0009>'],
    ['DEL', '\u007f', '<U+007F>'],
    ['NEL (C1)', '\u0085', '<U+0085>'],
    ['CSI (C1)', '\u009b', '<U+009B>'],
    ['right-to-left override', 'fdp.\u202e', 'fdp.<U+202E>'],
    ['isolates', '\u2066x\u2069', '<U+2066>x<U+2069>'],
    ['zero-width space', 'a\u200bb', 'a<U+200B>b'],
    ['soft hyphen', '\u00ad', '<U+00AD>'],
    ['BOM', '\ufeff', '<U+FEFF>'],
    ['line separator', '\u2028', '<U+2028>'],
    ['tag character (astral Cf)', '\u{e0041}', '<U+E0041>'],
    ['lone surrogate', 'a\ud800b', 'a<U+D800>b'],
    ['letters, Hangul, emoji, spaces', 'Québec 한국 😀 a  b', 'Québec 한국 😀 a  b'],
  ])('showText: %s', (_n, input, shown) => {
    expect(showText(input)).toBe(shown);
  });

  it('showLines keeps line feeds and escapes the rest; both are idempotent', () => {
    expect(showLines('a\u001b\nb\u202e')).toBe('a<U+001B>\nb<U+202E>');
    fc.assert(fc.property(nasty, (s) => {
      expect(showText(showText(s))).toBe(showText(s));
      expect(showLines(showText(s))).toBe(showText(s));
      expect(showLines(showLines(s))).toBe(showLines(s));
      expect(showText(s)).not.toMatch(UNSAFE);
      expect(showText(s)).not.toContain('\n');
      expect(showLines(s)).not.toMatch(UNSAFE);
    }), { seed: 13, numRuns: 500 });
  });

  it('jsonLine gives back the same value and holds no unsafe character', () => {
    expect(jsonLine({ a: '\u0085\u202e\u2028\u{e0041}' })).toBe('{"a":"\\u0085\\u202e\\u2028\\udb40\\udc41"}');
    fc.assert(fc.property(fc.dictionary(nasty, nasty), (v) => {
      const line = jsonLine({ diagnostics: [v] });
      expect(line).not.toMatch(UNSAFE);
      expect(line).not.toContain('\n');
      expect(JSON.parse(line)).toEqual({ diagnostics: [v] });
    }), { seed: 14, numRuns: 300 });
  });
});

describe('diagnostics', () => {
  const hostile: Diagnostic = {
    code: 'data/unknown-field', severity: 'error', message: 'unknown field `\u001b[2J\nbuilt output/x.pdf`',
    loc: { file: 'd\u202e/x.yaml', line: 3, col: 1 }, path: 'a.\u2066b', hint: 'remove it\r\u0007',
  };

  it('formatDiagnostic: one line and a hint line, user text escaped', () => {
    expect(formatDiagnostic(hostile)).toBe(
      'd<U+202E>/x.yaml:3:1: error data/unknown-field: unknown field `<U+001B>[2J<U+000A>built output/x.pdf` (field a.<U+2066>b)\n'
      + '  hint: remove it<U+000D><U+0007>',
    );
  });

  it('formatGithub: one workflow command; data cannot add properties or lines', () => {
    const d: Diagnostic = { ...hostile, loc: { file: 'a,line=99,title=x:y%.yaml', line: 3, col: 1 }, message: '50% done\n::error ::fake' };
    expect(formatGithub(d)).toBe(
      '::error file=a%2Cline=99%2Ctitle=x%3Ay%25.yaml,line=3,col=1,title=data/unknown-field::50%25 done<U+000A>::error ::fake'
      + ' (field a.<U+2066>b) - remove it<U+000D><U+0007>',
    );
  });

  const diag$ = fc.record({
    code: fc.constantFrom('data/unknown-field', 'data/control-char'),
    severity: fc.constantFrom('error' as const, 'warning' as const),
    message: nasty,
    loc: fc.option(fc.record({ file: nasty, line: fc.nat(), col: fc.nat() }), { nil: undefined }),
    path: fc.option(nasty, { nil: undefined }),
    hint: fc.option(nasty, { nil: undefined }),
  });

  it('any user text: no unsafe character, and every line starts where we put it (property)', () => {
    fc.assert(fc.property(diag$, (raw) => {
      const d = JSON.parse(JSON.stringify(raw)) as Diagnostic;
      const text = formatDiagnostic(d);
      expect(text).not.toMatch(UNSAFE);
      const lines = text.split('\n');
      expect(lines).toHaveLength(d.hint ? 2 : 1);
      const where = d.loc ? `${showText(d.loc.file)}:${d.loc.line}:${d.loc.col}: ` : '';
      expect(lines[0]?.startsWith(`${where}${d.severity} ${d.code}: `)).toBe(true);
      if (d.hint) expect(lines[1]?.startsWith('  hint: ')).toBe(true);

      const gh = formatGithub(d);
      expect(gh).not.toMatch(UNSAFE);
      expect(gh).not.toContain('\n');
      const m = /^::(error|warning) (.*?)::/.exec(gh);
      expect(m?.[1]).toBe(d.severity);
      // Properties: only ours, and the file's value decodes to the escaped name.
      const props = (m?.[2] ?? '').split(',').map((p) => p.split('=')[0]);
      expect(props).toEqual(d.loc ? ['file', 'line', 'col', 'title'] : ['title']);
      if (d.loc) {
        const file = (m?.[2] ?? '').split(',')[0]?.slice('file='.length) ?? '';
        expect(decodeURIComponent(file)).toBe(showText(d.loc.file));
      }
    }), { seed: 15, numRuns: 500 });
  });
});

describe('progress line', () => {
  it('shows a hostile file name escaped after its own cursor control', () => {
    const ci = process.env['CI'];
    delete process.env['CI'];
    try {
      let written = '';
      const tty = { isTTY: true, write: (s: string) => { written += s; return true; } };
      const r = createReporter({ kind: 'text', command: 'build', io: { out: () => undefined, err: () => undefined, tty }, env: {} });
      r.progress(1, 2, 'data/\u001b[2J\nbuilt x\u202e.yaml');
      expect(written).toBe('\r\u001b[2K[1/2] data/<U+001B>[2J<U+000A>built x<U+202E>.yaml');
    } finally {
      if (ci !== undefined) process.env['CI'] = ci;
    }
  });
});

/* ------------------------------------------------------------------------------------------ */

/** Lines the hostile names and keys below try to fake (our real lines name other files). */
const FAKE = /^\s*(built (output\/)?(fake|secret)\.pdf|ok fake\.yaml)/m;

/** Every line the CLI wrote: no unsafe character, no line the data chose. */
function expectSafe(run: { out: string; err: string }): void {
  for (const [name, s] of [['stdout', run.out], ['stderr', run.err]] as const) {
    expect(s, name).not.toMatch(UNSAFE);
    expect(s, name).not.toMatch(FAKE);
  }
}

describe('the CLI on hostile files and file names', () => {
  const dir = tmp('briefkit-terminal-');
  const data = join(dir, 'data');
  mkdirSync(data);
  const good = readFileSync(DEFAULT_DATA, 'utf8');
  // A folder listing hands these names to the CLI: a line break, an escape sequence, bidi controls
  // (a name cannot hold `/`, so the fake lines name no folder).
  const badName = 'evil\u001b[2J\nbuilt fake.pdf (1 pages, 1 KB)\u202e.yaml';
  const goodName = 'good\u001b]0;pwned\u0007\nok fake.yaml\u2066.yaml';
  writeFileSync(join(data, badName), good.replace('partner: Republic of Korea\n',
    'partner: Republic of Korea\n"\\e[1A\\e[2K\\rbuilt output/secret.pdf\\u202e\\u0085": 1\n'));
  writeFileSync(join(data, goodName), good);

  it.each([
    ['validate', ['validate', data]],
    ['validate --reporter json', ['validate', data, '--reporter', 'json']],
    ['validate --reporter github', ['validate', data, '--reporter', 'github']],
    ['build', ['build', data, '--out', join(dir, 'out'), '--jobs', '1']],
    ['check', ['check', data, '--out', join(dir, 'out')]],
    ['check --reporter github', ['check', data, '--out', join(dir, 'out'), '--reporter', 'github']],
    ['build --reporter json', ['build', data, '--out', join(dir, 'out-json'), '--jobs', '1', '--reporter', 'json']],
  ])('%s: exit 1, nothing unsafe, no line the data chose', async (_n, args) => {
    const run = await runCli(args);
    expect(run.thrown, run.err).toBeUndefined();
    expect(run.code, run.err).toBe(1);
    expectSafe(run);
    // The names are there, escaped, so the user can still find the files.
    const all = run.out + run.err;
    if (!args.includes('json')) expect(all).toContain(args[0] === 'check' ? 'good<U+001B>]0;pwned<U+0007><U+000A>ok fake.yaml<U+2066>.yaml' : 'evil<U+001B>[2J<U+000A>built fake.pdf');
    else {
      for (const line of run.out.split('\n').filter(Boolean)) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
      if (args[0] === 'validate') expect(run.out).toContain('\\u202e');
    }
  });

  // Commander's own messages echo arguments: the guard on every line escapes their controls
  // (a line break typed into an argument on one's own command line stays a line break).
  it('an unknown option that holds an escape sequence is echoed escaped', async () => {
    const run = await runCli(['build', '--\u001b[2J\u202ebuilt output/fake.pdf']);
    expect(run.code).toBe(2);
    expectSafe(run);
    expect(run.err).toContain('<U+001B>[2J');
  });
});
