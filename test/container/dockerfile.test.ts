/**
 * The container image: the Dockerfile's structure and the .dockerignore's effect, read the way
 * a builder reads them; and, where a container engine and the base image are available, the
 * image built from the packed tarball and run on a mounted project. Without them that test is
 * skipped with the reason (no engine, or no registry to fetch node:<version>-bookworm-slim).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Instruction { readonly op: string; readonly args: string; readonly line: number }

/** Instructions with continuation lines joined and comments dropped. */
function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i] ?? '';
    if (/^\s*(#|$)/.test(line)) continue;
    while (line.endsWith('\\') && i + 1 < lines.length) line = `${line.slice(0, -1)} ${lines[++i] ?? ''}`;
    const m = /^\s*([A-Za-z]+)\s+(.*)$/.exec(line);
    if (m) out.push({ op: (m[1] ?? '').toUpperCase(), args: (m[2] ?? '').trim(), line: start + 1 });
  }
  return out;
}

/** The ARG defaults, applied to `${NAME}` in a FROM line. */
function resolveFrom(ins: readonly Instruction[]): string {
  const args = new Map<string, string>();
  for (const i of ins) {
    if (i.op === 'ARG') {
      const [k, v] = i.args.split('=');
      if (k && v !== undefined) args.set(k, v);
    }
    if (i.op === 'FROM') return i.args.split(/\s+/)[0]?.replace(/\$\{(\w+)\}/g, (_m, k: string) => args.get(k) ?? '') ?? '';
  }
  return '';
}

/** Docker's .dockerignore rule: last matching pattern wins; a path is out when it or a parent is. */
function ignored(patterns: readonly string[], path: string): boolean {
  const rules = patterns.map((p) => p.trim()).filter((p) => p && !p.startsWith('#')).map((p) => {
    const neg = p.startsWith('!');
    const body = (neg ? p.slice(1) : p).replace(/^\/+|\/+$/g, '');
    const re = new RegExp(`^${body.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
    return { neg, re };
  });
  const parts = path.split('/');
  let out = false;
  for (let n = 1; n <= parts.length; n++) {
    const prefix = parts.slice(0, n).join('/');
    let state: boolean | undefined;
    for (const r of rules) if (r.re.test(prefix)) state = !r.neg;
    if (state === true) out = true;
    else if (state === false && n === parts.length) out = false;
  }
  return out;
}

const dockerfile = readFileSync('Dockerfile', 'utf8');
const ins = instructions(dockerfile);
const ignore = readFileSync('.dockerignore', 'utf8').split('\n');

describe('Dockerfile', () => {
  it('builds on a pinned Debian bookworm slim Node 20 image', () => {
    const from = resolveFrom(ins);
    expect(from).toMatch(/^node:20\.\d+\.\d+-bookworm-slim$/);
    expect(ins.filter((i) => i.op === 'FROM')).toHaveLength(1);
  });

  it('installs poppler-utils and fonts without recommends, and clears the apt lists in the same layer', () => {
    const apt = ins.find((i) => i.op === 'RUN' && i.args.includes('apt-get install'));
    expect(apt?.args).toMatch(/--no-install-recommends/);
    expect(apt?.args).toMatch(/poppler-utils/);
    expect(apt?.args).toMatch(/fonts-/);
    expect(apt?.args).toMatch(/rm -rf \/var\/lib\/apt\/lists/);
  });

  it('installs only the packed tarball, globally, without dev dependencies', () => {
    const copies = ins.filter((i) => i.op === 'COPY' || i.op === 'ADD');
    expect(copies.map((c) => [c.op, c.args.split(/\s+/)[0]])).toEqual([['COPY', 'briefkit-*.tgz']]);
    expect(ins.some((i) => i.op === 'RUN' && /npm install --global --omit=dev .*briefkit\.tgz/.test(i.args))).toBe(true);
  });

  it('runs as a non-root user in /work with briefkit as the entry point', () => {
    const users = ins.filter((i) => i.op === 'USER');
    expect(users.at(-1)?.args).toBe('node');
    // Everything after the last USER runs unprivileged: no RUN may follow it as root.
    const lastUser = ins.lastIndexOf(users.at(-1) as Instruction);
    expect(ins.slice(lastUser).filter((i) => i.op === 'RUN')).toEqual([]);
    expect(ins.find((i) => i.op === 'WORKDIR')?.args).toBe('/work');
    expect(JSON.parse(ins.find((i) => i.op === 'ENTRYPOINT')?.args ?? 'null')).toEqual(['briefkit']);
    expect(JSON.parse(ins.find((i) => i.op === 'CMD')?.args ?? 'null')).toEqual(['build']);
  });

  it('holds no secrets: no credentials in ENV, ARG or RUN', () => {
    for (const i of ins) expect(`${i.op} ${i.args}`).not.toMatch(/PASS|TOKEN|SECRET|_KEY|npmrc|BRIEFKIT_SMTP/i);
  });
});

describe('.dockerignore', () => {
  it.each([
    ['node_modules/pdfkit/package.json', true], ['output/canada-korea-1995.pdf', true], ['.git/HEAD', true],
    ['.env', true], ['src/index.ts', true], ['test/mail/server.ts', true], ['id.pem', true], ['.npmrc', true],
    ['briefkit-0.1.0.tgz', false],
  ])('%s excluded: %s', (path, out) => {
    expect(ignored(ignore, path)).toBe(out);
  });
});

/** The first engine that answers `info`, or why there is none. */
function engine(): { cmd: string; args: string[] } | string {
  const tries: [string, string[]][] = [['docker', []], ['podman', []], ['podman', ['--storage-driver', 'vfs']]];
  const why: string[] = [];
  for (const [cmd, args] of tries) {
    const r = spawnSync(cmd, [...args, 'info'], { encoding: 'utf8', timeout: 30_000 });
    if (r.status === 0) return { cmd, args };
    why.push(`${cmd}${args.length ? ` ${args.join(' ')}` : ''}: ${r.error ? r.error.message : (r.stderr || '').trim().split('\n')[0]}`);
  }
  return `no container engine runs here (${why.join('; ')})`;
}

describe('the image', () => {
  it('builds from the packed tarball and runs `briefkit build` on a mounted project', (ctx) => {
    const e = engine();
    if (typeof e === 'string') return ctx.skip(e);
    const base = resolveFrom(ins);
    const run = (args: string[], o: { timeout?: number } = {}) => spawnSync(e.cmd, [...e.args, ...args], { encoding: 'utf8', timeout: o.timeout ?? 600_000 });
    if (run(['image', 'inspect', base], { timeout: 30_000 }).status !== 0) {
      const pull = run(['pull', base], { timeout: 120_000 });
      if (pull.status !== 0) return ctx.skip(`${e.cmd} runs, but the base image ${base} is not here and cannot be pulled (${(pull.stderr || '').trim().split('\n').at(-1) ?? ''})`);
    }
    // An engine can answer `info` and still be unable to start a container (cgroups, no runtime).
    const probe = run(['run', '--rm', base, 'true'], { timeout: 120_000 });
    if (probe.status !== 0) return ctx.skip(`${e.cmd} cannot start a container here (${(probe.stderr || '').trim().split('\n')[0] ?? ''})`);
    const dir = mkdtempSync(join(tmpdir(), 'briefkit-image-'));
    try {
      const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { encoding: 'utf8', timeout: 120_000 });
      expect(pack.status, pack.stderr).toBe(0);
      cpSync('Dockerfile', join(dir, 'Dockerfile'));
      cpSync('.dockerignore', join(dir, '.dockerignore'));
      const tag = `briefkit-test:${process.pid}`;
      const build = run(['build', '-t', tag, dir]);
      expect(build.status, build.stderr).toBe(0);
      const project = join(dir, 'project');
      mkdirSync(join(project, 'data', 'briefings'), { recursive: true });
      cpSync('data/briefings/canada-korea-1995.yaml', join(project, 'data', 'briefings', 'canada-korea-1995.yaml'));
      const res = run(['run', '--rm', '--user', '0', '-v', `${project}:/work`, tag, 'build', 'data/briefings']);
      expect(res.status, res.stderr).toBe(0);
      expect(readdirSync(join(project, 'output'))).toContain('canada-korea-1995.pdf');
      expect(readFileSync(join(project, 'output', 'canada-korea-1995.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
      run(['rmi', tag], { timeout: 60_000 });
    } finally {
      if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    }
  }, 900_000);
});
