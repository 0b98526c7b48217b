/**
 * `briefkit preview` as users run it: bin/briefkit.js and the bundle (`npm run build`), where
 * the viewer's assets and pdf.js must be found beside the package, not beside the sources.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { targetKey } from '../../src/preview/project.js';
import { tempProject } from './project.js';
import type { TempProject } from './project.js';

const running: { child: ChildProcess; project?: TempProject }[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    // SIGTERM first: the preview then removes its temporary output folder.
    if (r.child.exitCode === null && r.child.signalCode === null) {
      const exited = new Promise((res) => r.child.once('exit', res));
      r.child.kill('SIGTERM');
      await Promise.race([exited, new Promise((res) => setTimeout(res, 5000))]);
      r.child.kill('SIGKILL');
    }
    r.project?.remove();
  }
});

interface Started {
  readonly child: ChildProcess;
  readonly out: () => string;
  readonly err: () => string;
  readonly exit: Promise<number | null>;
}

function start(args: string[], project?: TempProject): Started {
  if (!existsSync('dist/cli.bundle.mjs')) throw new Error('dist/cli.bundle.mjs is missing: run `npm run build` first');
  const child = spawn(process.execPath, ['bin/briefkit.js', 'preview', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.push({ child, ...(project ? { project } : {}) });
  let out = '';
  let err = '';
  child.stdout?.on('data', (b: Buffer) => { out += b.toString(); });
  child.stderr?.on('data', (b: Buffer) => { err += b.toString(); });
  const exit = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  return { child, out: () => out, err: () => err, exit };
}

async function urlOf(s: Started): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const m = /preview at (http:\/\/\S+)/.exec(s.out());
    if (m?.[1]) return m[1];
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no URL printed:\n${s.out()}\n${s.err()}`);
}

describe('briefkit preview (bundled CLI)', () => {
  it('prints its URL on loopback, serves the listing, the viewer assets and pdf.js, and stops on SIGTERM', async () => {
    const project = tempProject();
    const s = start([project.dir, '--port', '0'], project);
    const url = await urlOf(s);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const list = await (await fetch(url)).text();
    expect(list).toContain(`/view?t=${targetKey(project.file)}`);
    for (const path of ['assets/viewer.js', 'assets/preview.css', 'pdfjs/pdf.mjs', 'pdfjs/pdf.worker.mjs']) {
      expect((await fetch(url + path)).status, path).toBe(200);
    }
    expect(s.err()).toBe('');
    s.child.kill('SIGTERM');
    expect(await s.exit).toBe(0);
  }, 60_000);

  it('warns when listening beyond loopback', async () => {
    const project = tempProject();
    const s = start([project.dir, '--port', '0', '--host', '0.0.0.0'], project);
    await urlOf(s);
    expect(s.err()).toMatch(/warning: --host 0\.0\.0\.0 is not a loopback address/);
    s.child.kill('SIGTERM');
    expect(await s.exit).toBe(0);
  }, 60_000);

  it('is in the bundle, with its options in --help', async () => {
    const s = start(['--help']);
    expect(await s.exit).toBe(0);
    for (const opt of ['--port <n>', '--host <addr>', '--paper <size>', '--templates <dir>']) expect(s.out()).toContain(opt);
  }, 30_000);

  it.each([['70000'], ['-1'], ['http']])('refuses --port %s (exit 2)', async (port) => {
    const s = start(['.', '--port', port]);
    expect(await s.exit).toBe(2);
    expect(s.err()).toMatch(/--port takes a port number from 0 to 65535/);
  }, 30_000);

  it('says a port in use is in use (exit 1)', async () => {
    const project = tempProject();
    const first = start([project.dir, '--port', '0'], project);
    const port = new URL(await urlOf(first)).port;
    const second = start([project.dir, '--port', port]);
    expect(await second.exit).toBe(1);
    expect(second.err()).toMatch(/cannot listen on 127\.0\.0\.1:\d+ \(EADDRINUSE\): the port is in use/);
  }, 60_000);
});
