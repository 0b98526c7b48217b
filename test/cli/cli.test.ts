import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const DATA = 'data/briefings/canada-korea-1995.yaml';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => { out += s + '\n'; }, err: (s) => { err += s + '\n'; } });
  return { code, out, err };
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'briefkit-cli-'));
}

describe('briefkit CLI', () => {
  it('builds the default briefing into the output folder', async () => {
    const out = tmp();
    const r = await run(['build', DATA, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/built .*canada-korea-1995\.pdf \(\d+ pages/);
    expect(readFileSync(join(out, 'canada-korea-1995.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readdirSync(out).sort()).toEqual(['.briefkit-manifest.json', 'canada-korea-1995.pdf']);
  });

  it('rejects invalid data with a located error, exit 1, and keeps the old output', async () => {
    const out = tmp();
    expect((await run(['build', DATA, '--out', out])).code).toBe(0);
    const before = readFileSync(join(out, 'canada-korea-1995.pdf'));
    const dir = tmp();
    const bad = join(dir, 'canada-korea-1995.yaml');
    writeFileSync(bad, readFileSync(DATA, 'utf8').replace('exports: 2.2\n', 'exports: two point two\n'));
    const r = await run(['build', bad, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/canada-korea-1995\.yaml:\d+:\d+: error data\/type: .*\(field trade\.years\[1\]\.exports\)/);
    expect(r.err).toMatch(/hint: /);
    expect(readFileSync(join(out, 'canada-korea-1995.pdf')).equals(before)).toBe(true);
    expect(readdirSync(out).sort()).toEqual(['.briefkit-manifest.json', 'canada-korea-1995.pdf']);
  });

  it('reports malformed YAML at its line', async () => {
    const dir = tmp();
    const bad = join(dir, 'broken.yaml');
    writeFileSync(bad, 'id: x\ntitle: [unclosed\n');
    const r = await run(['build', bad, '--out', tmp()]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/broken\.yaml:\d+:\d+: error data\/yaml-syntax/);
  });

  it('reports a template field the data lacks at the template file:line:col', async () => {
    const templates = tmp();
    cpSync('templates', templates, { recursive: true });
    const section = join(templates, 'fact-sheet', 'partials', 'section.hbs');
    writeFileSync(section, readFileSync(section, 'utf8').replace('## {{title}}', '## {{title}}\n\n{{summary}}'));
    const out = tmp();
    const r = await run(['build', DATA, '--out', out, '--templates', templates]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/section\.hbs:3:3: error template\/missing-field: .*"summary"/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('reports a missing partial where it is called', async () => {
    const templates = tmp();
    cpSync('templates', templates, { recursive: true });
    const doc = join(templates, 'fact-sheet', 'document.hbs');
    writeFileSync(doc, readFileSync(doc, 'utf8').replace('{{> trade}}', '{{> trade-figures}}'));
    const r = await run(['build', DATA, '--out', tmp(), '--templates', templates]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/document\.hbs:\d+:1: error template\/missing-partial: partial "trade-figures" not found/);
  });

  it('exits 2 on bad usage', async () => {
    expect((await run(['build', '--paper', 'a3'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run([])).code).toBe(2);
  });

  it('validates without building, and speaks JSON and GitHub annotations', async () => {
    expect((await run(['validate', DATA])).code).toBe(0);
    const dir = tmp();
    const bad = join(dir, 'b.yaml');
    writeFileSync(bad, readFileSync(DATA, 'utf8').replace('classification:', 'clasification:'));
    const gh = await run(['validate', bad, '--reporter', 'github']);
    expect(gh.code).toBe(1);
    // Workflow commands go to stdout (a runner reads both streams).
    expect(gh.out).toMatch(/^::error file=.*b\.yaml,line=\d+,col=\d+,title=data\/unknown-field::/m);
    const js = await run(['validate', bad, '--reporter', 'json']);
    // One JSON document, whatever the number of files.
    const parsed = JSON.parse(js.out) as { diagnostics: { code: string }[] };
    expect(parsed.diagnostics.map((d) => d.code)).toContain('data/unknown-field');
  });

  it('reports an output folder it cannot write to, exit 1', async () => {
    const dir = tmp();
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, 'x');
    const r = await run(['build', DATA, '--out', join(file, 'sub')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/error output\/write: cannot write/);
  });
});
