/**
 * The reporter forms, read back as a user or a runner would: text lines, one JSON document
 * (JSON.parse), JSON lines, and GitHub workflow commands parsed the way the runner parses them.
 * Hostile text (line breaks, `%`, `::`, ANSI escapes) must never start a command or an escape.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { githubData, githubProperty } from '../../src/diag/format.js';
import type { Diagnostic } from '../../src/diag/types.js';
import { createReporter, inert, outputKindOf, runEventsTo } from '../../src/report/index.js';
import type { Reporter, ReporterKind, Verbosity } from '../../src/report/index.js';

interface Captured {
  out: string[];
  err: string[];
  tty: string[];
}

function make(kind: ReporterKind, o: { verbosity?: Verbosity; isTTY?: boolean; env?: Record<string, string> } = {}): [Reporter, Captured] {
  const c: Captured = { out: [], err: [], tty: [] };
  const r = createReporter({
    kind, command: 'build', ...(o.verbosity ? { verbosity: o.verbosity } : {}), env: o.env ?? {},
    io: { out: (s) => c.out.push(s), err: (s) => c.err.push(s), tty: { isTTY: o.isTTY ?? false, write: (s: string) => c.tty.push(s) } },
  });
  return [r, c];
}

const ERR: Diagnostic = { code: 'data/type', severity: 'error', message: 'expected a number', loc: { file: 'data/x.yaml', line: 12, col: 5 }, path: 'trade.years[0].exports', hint: 'write 4.7' };
const WARN: Diagnostic = { code: 'mail/size-warning', severity: 'warning', message: 'near the limit' };

/** Drives a reporter through one of each event. */
function story(r: Reporter, d: Diagnostic = ERR, name = 'output/x.pdf'): void {
  r.diagnostics([d, WARN]);
  r.output({ path: name, kind: 'pdf', pages: 12, bytes: 348_160, marking: 'SECRET' });
  r.failed({ file: 'data/w.yaml', paths: ['output/w-slides.pdf'] });
  r.state({ file: 'data/y.yaml', state: 'up-to-date' });
  r.state({ file: 'data/z.yaml', state: 'stale', outputs: [{ path: 'output/z.pdf', state: 'stale' }, { path: 'output/z.pptx', state: 'up-to-date' }] });
  r.page({ page: 3, status: 'changed', image: 'diffs/page-3.png' }, { old: 'old.pdf', new: 'new.pdf' });
  r.page({ page: 4, status: 'same' }, { old: 'old.pdf', new: 'new.pdf' });
  r.delivery({ id: 'x', recipient: 'a@example.org', status: 'sent' });
  r.note('2 targets in 812 ms');
  r.note('cache hit', { verbose: true });
  r.end({ exitCode: 1, ms: 812 });
}

/** The GitHub runner's parse of one line: a command is a line whose start (after blanks) is `::name`. */
function runnerCommand(line: string): { name: string; props: Record<string, string>; data: string } | undefined {
  const t = line.trimStart();
  if (!t.startsWith('::')) return undefined;
  const end = t.indexOf('::', 2);
  if (end < 0) return undefined;
  const head = t.slice(2, end);
  const sp = head.indexOf(' ');
  const name = sp < 0 ? head : head.slice(0, sp);
  const props: Record<string, string> = {};
  if (sp >= 0) {
    for (const kv of head.slice(sp + 1).split(',')) {
      const eq = kv.indexOf('=');
      if (eq > 0) props[kv.slice(0, eq)] = unescapeProperty(kv.slice(eq + 1));
    }
  }
  return { name, props, data: unescapeData(t.slice(end + 2)) };
}
function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
function unescapeProperty(s: string): string {
  return unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));
}

describe('text', () => {
  it('prints today\'s lines: diagnostics and failures on stderr, the rest on stdout', () => {
    const [r, c] = make('text');
    story(r);
    expect(c.err).toEqual([
      'data/x.yaml:12:5: error data/type: expected a number (field trade.years[0].exports)\n  hint: write 4.7',
      'warning mail/size-warning: near the limit',
      'briefkit: data/w.yaml: output/w-slides.pdf not built (the previous output, if any, is unchanged)',
      'stale output/z.pdf; up-to-date output/z.pptx (from data/z.yaml)',
    ]);
    expect(c.out).toEqual([
      'built output/x.pdf (12 pages, 340 KB, marked SECRET)',
      'up to date data/y.yaml',
      'page 3: changed (diffs/page-3.png)',
      'sent x to a@example.org',
      '2 targets in 812 ms',
    ]);
  });

  it('--quiet prints errors and failing states only; --verbose adds the detail notes', () => {
    const [q, cq] = make('text', { verbosity: 'quiet' });
    story(q);
    expect(cq.out).toEqual([]);
    expect(cq.err).toHaveLength(3);
    expect(cq.err.join('\n')).not.toContain('warning');
    const [v, cv] = make('text', { verbosity: 'verbose' });
    story(v);
    expect(cv.out).toContain('cache hit');
  });

  it('draws progress only on a terminal, never in CI, and clears it before the next line', () => {
    const [r, c] = make('text', { isTTY: true });
    r.progress(1, 3, 'a\u001b[2Jb.yaml');
    r.output({ path: 'o.pdf', kind: 'pdf' });
    expect(c.tty[0]).toBe('\r\x1b[2K[1/3] a<U+001B>[2Jb.yaml');
    expect(c.tty[1]).toBe('\r\x1b[2K');
    expect(c.out).toEqual(['built o.pdf']);
    for (const o of [{ isTTY: false }, { isTTY: true, env: { CI: 'true' } }, { isTTY: true, verbosity: 'quiet' as const }]) {
      const [p, cp] = make('text', o);
      p.progress(1, 3, 'a');
      expect(cp.tty).toEqual([]);
    }
  });
});

describe('json', () => {
  it('prints one document at the end, parseable by JSON.parse, with every event', () => {
    const [r, c] = make('json');
    for (let i = 0; i < 5; i++) r.output({ path: `output/b${i}.pdf`, kind: 'pdf', pages: i });
    story(r);
    expect(c.err).toEqual([]);
    expect(c.out).toHaveLength(1);
    const doc = JSON.parse(c.out[0] ?? '') as Record<string, unknown[]> & { ok: boolean; exitCode: number; errors: number; warnings: number; command: string };
    expect(doc).toMatchObject({ version: 1, command: 'build', ok: false, exitCode: 1, errors: 1, warnings: 1, ms: 812 });
    expect(doc['outputs']).toHaveLength(6);
    expect(doc['diagnostics']).toEqual([ERR, WARN]);
    expect(doc['states']).toHaveLength(2);
    expect(doc['failed']).toEqual([{ file: 'data/w.yaml', paths: ['output/w-slides.pdf'] }]);
    expect(doc['pages']).toHaveLength(2);
    expect(doc['notes']).toEqual(['2 targets in 812 ms']);
  });

  it('end is printed once', () => {
    const [r, c] = make('json');
    r.end({ exitCode: 0 });
    r.end({ exitCode: 0 });
    expect(c.out).toHaveLength(1);
  });
});

describe('jsonl', () => {
  it('prints one object per event as it happens, and an end object last', () => {
    const [r, c] = make('jsonl');
    r.output({ path: 'a.pdf', kind: 'pdf' });
    expect(c.out).toHaveLength(1);
    story(r);
    const lines = c.out.map((l) => JSON.parse(l) as { type: string });
    expect(lines.map((l) => l.type)).toEqual(['output', 'diagnostic', 'diagnostic', 'output', 'failed', 'state', 'state', 'page', 'page', 'delivery', 'note', 'end']);
    expect(lines.at(-1)).toMatchObject({ type: 'end', ok: false, exitCode: 1 });
  });
});

describe('github', () => {
  it('writes diagnostics, failing states and changed pages as workflow commands the runner reads back', () => {
    const [r, c] = make('github');
    story(r);
    const cmds = [...c.out, ...c.err].map(runnerCommand).filter((x) => x !== undefined);
    expect(cmds.map((x) => x.name)).toEqual(['error', 'warning', 'error', 'warning']);
    expect(cmds[0]?.props).toEqual({ file: 'data/x.yaml', line: '12', col: '5', title: 'data/type' });
    expect(cmds[0]?.data).toBe('expected a number (field trade.years[0].exports) - write 4.7');
    expect(cmds[2]?.props).toEqual({ file: 'data/z.yaml', title: 'briefkit/stale' });
    expect(cmds[3]).toEqual({ name: 'warning', props: { file: 'new.pdf', title: 'briefkit/page-changed' }, data: 'page 3 changed; side by side: diffs/page-3.png' });
  });

  it.each([
    ['%', '%25'], ['\r', '%0D'], ['\n', '%0A'], ['a%0Ab', 'a%250Ab'],
  ])('githubData escapes %j as %j', (raw, want) => {
    expect(githubData(raw)).toBe(want);
  });
  it.each([
    [':', '%3A'], [',', '%2C'], ['%3A', '%253A'], ['a::b,c\nd', 'a%3A%3Ab%2Cc%0Ad'],
  ])('githubProperty escapes %j as %j', (raw, want) => {
    expect(githubProperty(raw)).toBe(want);
  });

  const hostile = fc.tuple(
    fc.constantFrom('', '::', '  ::', '##[', '::add-mask::'),
    fc.string({ unit: fc.constantFrom('a', ':', ',', '%', '\n', '\r', '\u001b', '[', ']', '#', '=', ' ', '0', 'A', 'D', '\u2028', '\u202e'), maxLength: 30 }),
  ).map(([lead, rest]) => lead + rest);
  it('no hostile file name, message, code or hint adds a command, a property or a terminal escape (property)', () => {
    fc.assert(fc.property(hostile, hostile, hostile, (file, message, hint) => {
      for (const kind of ['github', 'text'] as const) {
        const [r, c] = make(kind);
        r.diagnostics([{ code: `x/${hint}`, severity: 'error', message, hint, loc: { file, line: 1, col: 2 } }]);
        r.output({ path: file, kind: 'pdf' });
        r.failed({ file, paths: [file] });
        r.state({ file, state: 'missing' });
        r.page({ page: 1, status: 'changed', image: file }, { old: file, new: file });
        r.delivery({ id: message, recipient: file, status: 'sent' });
        r.note(message);
        r.end({ exitCode: 1 });
        const lines = [...c.out, ...c.err].flatMap((l) => l.split('\n'));
        for (const line of lines) {
          // eslint-disable-next-line no-control-regex -- finding control characters is the point
          expect(line).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202e]/);
          const cmd = runnerCommand(line);
          if (kind === 'text' || !cmd) {
            expect(cmd).toBeUndefined();
            expect(line.trimStart().startsWith('##[')).toBe(false);
            continue;
          }
          // Only our own commands, with only our own properties, each value given back whole.
          expect(['error', 'warning']).toContain(cmd.name);
          expect(Object.keys(cmd.props).every((k) => ['file', 'line', 'col', 'title'].includes(k))).toBe(true);
          // eslint-disable-next-line no-control-regex -- as above
          if (cmd.props['file'] !== undefined) expect(cmd.props['file'].replace(/<U\+[0-9A-F]{4}>/g, '?')).toBe(file.replace(/[\n\r\u001b\u2028\u202e]/g, '?'));
        }
      }
    }), { numRuns: 300 });
  });
});

describe('inert', () => {
  it.each([
    ['::stop-commands::tok', '<U+003A>:stop-commands::tok'],
    ['  ::error::x', '  <U+003A>:error::x'],
    ['##[error]x', '<U+0023>#[error]x'],
    ['ok ::error::x', 'ok ::error::x'],
    ['built a.pdf', 'built a.pdf'],
  ])('%j -> %j', (line, want) => {
    expect(inert(line)).toBe(want);
  });

  it('a file named like a workflow command prints as plain text in every line form', () => {
    const [r, c] = make('text');
    r.diagnostics([{ ...ERR, loc: { file: '::warning::evil.yaml', line: 1, col: 1 } }]);
    r.note('::add-mask::secret');
    expect([...c.err, ...c.out].every((l) => runnerCommand(l) === undefined)).toBe(true);
  });
});

describe('runEventsTo', () => {
  it('maps a build run\'s events to the reporter: today\'s text lines', () => {
    const [r, c] = make('text');
    const emit = runEventsTo(r, 2);
    emit({ kind: 'up-to-date', file: 'data/a.yaml' });
    emit({ kind: 'diagnostics', file: 'data/b.yaml', diagnostics: [WARN] });
    emit({ kind: 'built', file: 'data/b.yaml', path: 'output/b-slides.pdf', pages: 7, bytes: 2048 });
    emit({ kind: 'not-built', file: 'data/c.yaml', paths: [] });
    emit({ kind: 'done', targets: 3, ms: 40 });
    r.end({ exitCode: 1 });
    expect(c.out).toEqual(['up to date data/a.yaml', 'built output/b-slides.pdf (7 slides, 2 KB)', '3 targets in 40 ms']);
    expect(c.err).toEqual(['warning mail/size-warning: near the limit', 'briefkit: data/c.yaml: not built (the previous output, if any, is unchanged)']);
  });

  it.each([['x.pptx', 'pptx'], ['x-slides.pdf', 'slides-pdf'], ['x.pdf', 'pdf'], ['m.eml', 'eml'], ['p-1.png', 'diff-png']])('%s is a %s', (path, kind) => {
    expect(outputKindOf(path)).toBe(kind);
  });
});
