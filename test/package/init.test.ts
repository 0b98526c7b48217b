import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageTexts } from '../helpers/pdf.js';

/*
 * Issue 17's done-when, as a new user meets it: the packed tarball installed into an empty
 * folder outside the repository, then `npx briefkit init demo && cd demo && npx briefkit
 * build` writes a PDF, and a pack elsewhere in the project with its briefings beside it builds.
 * Packed the way test/package/tarball.test.ts packs (the dist/ that `npm run build` made).
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'briefkit-init-package-'));
const home = join(work, 'home');
const demo = join(home, 'demo');

interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/** A user's shell: npm's per-script variables dropped, the machine's npm set-up kept. */
function userEnv(): NodeJS.ProcessEnv {
  const keep = /^npm_config_(cache|userconfig|globalconfig|cafile|registry|proxy|https_proxy|noproxy|nodedir|node_gyp|strict_ssl)$/i;
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) && !keep.test(k)) continue;
    if (k === 'NODE_OPTIONS' || k === 'VITEST' || k.startsWith('VITEST_') || k.startsWith('BRIEFKIT_')) continue;
    env[k] = v;
  }
  env['BRIEFKIT_CACHE_DIR'] = join(work, 'cache');
  return env;
}

function run(cmd: string, args: readonly string[], cwd: string, timeoutMs = 180_000): Run {
  // npx finds the installed briefkit; offline, it can never fetch one instead.
  const env = cmd === 'npx' ? { ...userEnv(), npm_config_offline: 'true' } : userEnv();
  const r = spawnSync(cmd, [...args], { cwd, env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function ok(cmd: string, args: readonly string[], cwd: string, timeoutMs?: number): Run {
  const r = run(cmd, args, cwd, timeoutMs);
  expect(r.code, `${cmd} ${args.join(' ')}\n${r.out}\n${r.err}`).toBe(0);
  return r;
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli.bundle.mjs'))) throw new Error('dist/ is missing: run `npm run build` first');
  const pack = ok('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
  const file = (JSON.parse(pack.out) as { filename: string }[])[0]?.filename;
  if (!file) throw new Error(`npm pack printed no package: ${pack.out}`);
  mkdirSync(home);
  writeFileSync(join(home, 'package.json'), JSON.stringify({ name: 'briefkit-user', version: '1.0.0', private: true }, null, 2));
  ok('npm', ['install', '--prefix', home, '--omit=dev', '--omit=optional', '--no-audit', '--no-fund', '--prefer-offline', join(work, file)], home, 240_000);
}, 300_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('a new project from the packed tarball', () => {
  it('npx briefkit init demo && cd demo && npx briefkit build writes the example PDF and its pack', () => {
    const init = ok('npx', ['briefkit', 'init', 'demo'], home);
    expect(init.out).toContain('created demo/briefkit.config.yaml');
    expect(existsSync(join(demo, 'templates', 'README.md'))).toBe(true);
    expect(readFileSync(join(demo, '.gitignore'), 'utf8')).toContain('output/');
    ok('npx', ['briefkit', 'build'], demo, 240_000);
    const pdf = join(demo, 'output', 'example.pdf');
    expect(existsSync(pdf)).toBe(true);
    expect(pageTexts(pdf).join('\n')).toContain('Example fact sheet');
    expect(existsSync(join(demo, 'output', 'example-pack.pdf'))).toBe(true);
  }, 300_000);

  it('a pack with its briefings beside it, anywhere in the project, builds', () => {
    const dir = join(demo, 'elsewhere');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'b.yaml'), readFileSync(join(demo, 'data/briefings/example.yaml'), 'utf8').replace('id: example', 'id: beside'));
    writeFileSync(join(dir, 'pack.yaml'), 'id: beside-pack\ntitle: Beside\ndate: 2025-01-15\nbriefings: [b.yaml]\n');
    ok('npx', ['briefkit', 'build', 'elsewhere/pack.yaml'], demo, 240_000);
    expect(existsSync(join(demo, 'output', 'beside-pack.pdf'))).toBe(true);
  }, 300_000);

  it('init refuses to write over the project it made (exit 1, a located error)', () => {
    const r = run('npx', ['briefkit', 'init', 'demo'], home);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/briefkit\.config\.yaml:1:1: error init\/exists/);
  }, 120_000);
});
