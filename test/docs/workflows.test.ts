/**
 * The CI workflows: the one `briefkit init` writes into a user's project
 * (templates/project/ci-workflow.yml) and this repository's example
 * (.github/workflows/briefings.yml), checked with the action-validator schema check (WASM,
 * offline) and read for what they must do: install briefkit from the registry (the template),
 * upload PDFs, fetch the previous good run's artifact, diff with GitHub annotations, and name
 * only real briefkit commands and options.
 */
import { readFileSync } from 'node:fs';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cliSurface, commandProblems } from './cli-surface.js';

interface Step { uses?: string; run?: string; with?: Record<string, unknown>; if?: string; id?: string; name?: string; 'continue-on-error'?: boolean }
interface Workflow { jobs: Record<string, { steps: Step[] }>; permissions?: Record<string, string> }

const FILES = ['templates/project/ci-workflow.yml', '.github/workflows/briefings.yml'];

function stepsOf(file: string): Step[] {
  const wf = parse(readFileSync(file, 'utf8')) as Workflow;
  return Object.values(wf.jobs).flatMap((j) => j.steps);
}

/** `npx briefkit …` invocations in run scripts, as words (quotes stripped, `\` joins lines). */
function briefkitCalls(steps: Step[]): string[][] {
  return steps.flatMap((s) => (s.run ?? '').replace(/\\\n/g, ' ').split('\n'))
    .flatMap((line) => [...line.matchAll(/\bbriefkit\s+([^|;&]*)/g)].map((m) => (m[1] ?? '').trim().split(/\s+/).map((w) => w.replace(/^"|"$/g, ''))));
}

describe.each(FILES)('%s', (file) => {
  const text = readFileSync(file, 'utf8');
  const steps = stepsOf(file);

  it('passes the workflow schema check', () => {
    const r = validateWorkflow(text);
    expect(r.errors).toEqual([]);
  });

  it('names only real briefkit commands and options', async () => {
    const surface = await cliSurface();
    const calls = briefkitCalls(steps);
    expect(calls.length).toBeGreaterThan(2);
    expect(calls.flatMap((c) => commandProblems(surface, c))).toEqual([]);
  });

  it('uploads PDFs, finds the previous good run, downloads its artifact and diffs with annotations', () => {
    const uploads = steps.filter((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(uploads.some((s) => String(s.with?.['path']).includes('output/*.pdf'))).toBe(true);
    const find = steps.find((s) => s.id === 'previous');
    expect(find?.run).toMatch(/gh run list .*--status success/s);
    const download = steps.find((s) => s.uses?.startsWith('actions/download-artifact@'));
    expect(download?.with?.['run-id']).toBe('${{ steps.previous.outputs.run-id }}');
    expect(download?.with?.['github-token']).toBeDefined();
    expect(download?.['continue-on-error']).toBe(true);
    const diff = briefkitCalls(steps).find((c) => c[0] === 'diff');
    expect(diff).toContain('--reporter');
    expect(diff?.[diff.indexOf('--reporter') + 1]).toBe('github');
    expect((parse(text) as Workflow).permissions).toEqual({ contents: 'read', actions: 'read' });
  });

  it('pins every action to a major version', () => {
    for (const s of steps.filter((x) => x.uses)) expect(s.uses).toMatch(/^actions\/[\w-]+@v\d+$/);
  });
});

describe('the workflow init writes', () => {
  const steps = stepsOf('templates/project/ci-workflow.yml');
  it('installs briefkit from the registry and never builds briefkit itself', () => {
    const runs = steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toMatch(/npm (ci|install .*briefkit)/);
    expect(runs).not.toMatch(/npm run (setup|build)|tsc|git clone/);
  });
});

describe('this repository\'s example', () => {
  it('no longer checks committed outputs (output/ is ignored) before building', () => {
    const calls = briefkitCalls(stepsOf('.github/workflows/briefings.yml')).map((c) => c[0]);
    expect(calls.indexOf('check')).toBeGreaterThan(calls.indexOf('build'));
    expect(readFileSync('.gitignore', 'utf8')).toMatch(/^output\/\*$/m);
  });
});

describe('the schema check itself', () => {
  it('rejects a broken workflow (so a pass above means something)', () => {
    expect(validateWorkflow('on: push\njobs:\n  b:\n    steps: 3\n').errors.length).toBeGreaterThan(0);
  });
});

describe('the command check itself', () => {
  it('flags an unknown command or option, and passes real ones', async () => {
    const surface = await cliSurface();
    expect(commandProblems(surface, ['diff', 'a.pdf', 'b.pdf', '--nope'])).toEqual(['"diff" has no option --nope']);
    expect(commandProblems(surface, ['publish'])).toEqual(['unknown command "publish"']);
    expect(commandProblems(surface, ['build', '--paper', 'letter', '--out=x'])).toEqual([]);
    expect(commandProblems(surface, ['--version'])).toEqual([]);
  });
});
