import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A scratch data folder inside the project (targets must live in it) and an output folder. */
function scratch(): { data: string; out: string } {
  const data = mkdtempSync(join(process.cwd(), 'test', '.tmp-inc-'));
  const out = mkdtempSync(join(tmpdir(), 'briefkit-out-'));
  made.push(data, out);
  return { data: relative(process.cwd(), data), out };
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => { out += s + '\n'; }, err: (s) => { err += s + '\n'; } });
  return { code, out, err };
}

const SOURCE = readFileSync('data/briefings/canada-korea-1995.yaml', 'utf8');

describe('incremental builds for CI', () => {
  it('check fails after a data change and passes after a rebuild; an unchanged rebuild writes nothing', async () => {
    const { data, out } = scratch();
    const file = join(data, 'b.yaml');
    writeFileSync(file, SOURCE);
    expect((await run(['check', file, '--out', out])).code).toBe(1);
    expect((await run(['build', file, '--out', out])).code).toBe(0);
    expect((await run(['check', file, '--out', out])).code).toBe(0);

    const pdf = join(out, 'canada-korea-1995.pdf');
    const before = statSync(pdf).mtimeMs;
    const again = await run(['build', file, '--out', out]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/up to date/);
    expect(statSync(pdf).mtimeMs).toBe(before);

    writeFileSync(file, SOURCE.replace('exports: 2.2\n', 'exports: 2.3\n').replace('twoWay: 4.7', 'twoWay: 4.8').replace('balance: -0.3', 'balance: -0.2'));
    const stale = await run(['check', file, '--out', out]);
    expect(stale.code).toBe(1);
    expect(stale.err).toMatch(/stale .*canada-korea-1995\.pdf/);
    const listing = readdirSync(out).sort();
    expect(statSync(pdf).mtimeMs).toBe(before); // check wrote nothing
    expect(readdirSync(out).sort()).toEqual(listing);
    expect((await run(['build', file, '--out', out])).code).toBe(0);
    expect((await run(['check', file, '--out', out])).code).toBe(0);
  });

  it('notices an output replaced by hand, and a template change', async () => {
    const { data, out } = scratch();
    const file = join(data, 'b.yaml');
    writeFileSync(file, SOURCE);
    expect((await run(['build', file, '--out', out])).code).toBe(0);
    writeFileSync(join(out, 'canada-korea-1995.pdf'), '%PDF-1.7 tampered');
    expect((await run(['check', file, '--out', out])).err).toMatch(/modified/);
    expect((await run(['build', file, '--out', out])).code).toBe(0);
    expect((await run(['check', file, '--out', out])).code).toBe(0);
    const templates = join(data, 'templates');
    cpSync('templates', templates, { recursive: true });
    expect((await run(['build', file, '--out', out, '--templates', templates])).code).toBe(0);
    expect((await run(['check', file, '--out', out, '--templates', templates])).code).toBe(0);
    const section = join(templates, 'fact-sheet', 'partials', 'section.hbs');
    writeFileSync(section, readFileSync(section, 'utf8') + '\n');
    const stale = await run(['check', file, '--out', out, '--templates', templates]);
    expect(stale.code).toBe(1);
    expect(stale.err).toMatch(/stale/);
  });

  it('splits targets into deterministic shards', async () => {
    const { data, out } = scratch();
    writeFileSync(join(data, 'a.yaml'), SOURCE.replace('id: canada-korea-1995', 'id: a'));
    writeFileSync(join(data, 'b.yaml'), SOURCE.replace('id: canada-korea-1995', 'id: b'));
    expect((await run(['build', data, '--out', out, '--shard', '2/2'])).code).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.pdf'))).toEqual(['b.pdf']);
    expect((await run(['build', data, '--out', out, '--shard', '3/2'])).code).toBe(2);
  });

  it('builds a folder on worker threads', async () => {
    const { data, out } = scratch();
    writeFileSync(join(data, 'a.yaml'), SOURCE.replace('id: canada-korea-1995', 'id: a'));
    writeFileSync(join(data, 'b.yaml'), SOURCE.replace('id: canada-korea-1995', 'id: b'));
    const r = await run(['build', data, '--out', out, '--jobs', '2']);
    expect(r.code, r.err).toBe(0);
    const a = readFileSync(join(out, 'a.pdf'));
    expect(a.subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(join(out, 'b.pdf')).length).toBeGreaterThan(10_000);
  });

  it('diff finds exactly the page whose figure changed', async () => {
    const { data, out } = scratch();
    const file = join(data, 'b.yaml');
    writeFileSync(file, SOURCE);
    expect((await run(['build', file, '--out', out])).code).toBe(0);
    const old = join(out, 'old.pdf');
    writeFileSync(old, readFileSync(join(out, 'canada-korea-1995.pdf')));
    // The derived 1993 imports figure is drawn only in the first chart.
    writeFileSync(file, SOURCE.replace('imports: 2.19', 'imports: 2.45').replace('twoWay: 3.91', 'twoWay: 4.17').replace('balance: -0.47', 'balance: -0.73'));
    expect((await run(['build', file, '--out', out])).code).toBe(0);
    const diffDir = join(out, 'diff');
    const r = await run(['diff', old, join(out, 'canada-korea-1995.pdf'), '--out', diffDir, '--reporter', 'json']);
    expect(r.code).toBe(1);
    const pages = (JSON.parse(r.out) as { pages: { page: number; status: string }[] }).pages;
    expect(pages).toEqual([expect.objectContaining({ page: 2, status: 'changed' })]);
    expect(readdirSync(diffDir)).toEqual(['page-2.png']);
    const same = await run(['diff', old, old, '--out', diffDir]);
    expect(same.code).toBe(0);
    expect(same.out).toMatch(/no differences/);
  });
});

describe('watch mode', () => {
  it('rebuilds when the data changes, until interrupted', async () => {
    const { data, out } = scratch();
    const file = join(data, 'w.yaml');
    writeFileSync(file, SOURCE);
    const lines: string[] = [];
    let failure: unknown;
    const done = main(['build', file, '--out', out, '--watch'], { out: (s) => lines.push(s), err: (s) => lines.push(s) });
    done.catch((e: unknown) => { failure = e; });
    const until = async (pred: () => boolean, ms = 30_000): Promise<void> => {
      const end = Date.now() + ms;
      while (!pred()) {
        if (failure || Date.now() > end) throw new Error(`timed out; output so far:\n${lines.join('\n')}\n${String(failure)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await until(() => lines.some((l) => l.startsWith('watching')));
    const built = (): number => lines.filter((l) => l.startsWith('built')).length;
    expect(built()).toBe(1);
    const first = readFileSync(join(out, 'canada-korea-1995.pdf'));
    writeFileSync(file, SOURCE.replace('imports: 2.19', 'imports: 2.45').replace('twoWay: 3.91', 'twoWay: 4.17').replace('balance: -0.47', 'balance: -0.73'));
    await until(() => built() === 2);
    expect(readFileSync(join(out, 'canada-korea-1995.pdf')).equals(first)).toBe(false);
    process.emit('SIGINT');
    expect(await done).toBe(0);
  }, 60_000);
});
