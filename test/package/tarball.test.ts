import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageTexts } from '../helpers/pdf.js';

/*
 * The package as its users meet it: `npm pack`, then `npm install --omit=dev --omit=optional`
 * of the tarball into a fresh project outside the repository (so nothing resolves to the
 * repository's node_modules, and canvas is absent as on a machine where it did not build),
 * then the API from ESM, from CommonJS and from a strict TypeScript file (skipLibCheck off),
 * and the CLI through `npx briefkit`. It packs the dist/ that `npm run build` made (the set-up
 * builds it); packing with scripts would rebuild dist/ under the other tests' feet.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SEED = join(ROOT, 'data', 'briefings', 'canada-korea-1995.yaml');
const HANGUL = '대한민국';

interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

interface PackedFile {
  readonly path: string;
  readonly size: number;
}

interface Packed {
  readonly filename: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly files: readonly PackedFile[];
}

const work = mkdtempSync(join(tmpdir(), 'briefkit-package-'));
const project = join(work, 'project');
const cacheDir = join(work, 'cache');
let packed: Packed;
let installedBefore: string[] = [];

/**
 * The environment of a user's shell: npm's per-script variables from `npm test` are dropped
 * (`npm_config_local_prefix` would point a nested npm at the repository), the machine's npm
 * set-up (cache, config files, registry, proxies) is kept. The shaping cache goes to a
 * temporary folder.
 */
function userEnv(): NodeJS.ProcessEnv {
  const keep = /^npm_config_(cache|userconfig|globalconfig|cafile|registry|proxy|https_proxy|noproxy|nodedir|node_gyp|strict_ssl)$/i;
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) && !keep.test(k)) continue;
    if (k === 'NODE_OPTIONS' || k === 'VITEST' || k.startsWith('VITEST_')) continue;
    env[k] = v;
  }
  env['BRIEFKIT_CACHE_DIR'] = cacheDir;
  return env;
}

function run(cmd: string, args: readonly string[], cwd = project, timeoutMs = 120_000): Run {
  const r = spawnSync(cmd, [...args], { cwd, env: userEnv(), encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Runs and expects exit 0, showing what was printed when it fails. */
function ok(cmd: string, args: readonly string[], cwd = project, timeoutMs = 120_000): Run {
  const r = run(cmd, args, cwd, timeoutMs);
  expect(r.code, `${cmd} ${args.join(' ')}\n${r.out}\n${r.err}`).toBe(0);
  return r;
}

/** Every file under a folder, relative, with its size and modification time. */
function listing(dir: string): string[] {
  const rows: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else rows.push(`${relative(dir, p)} ${st.size} ${st.mtimeMs}`);
    }
  };
  walk(dir);
  return rows;
}

const installed = (...parts: string[]): string => join(project, 'node_modules', ...parts);

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'index.js')) || !existsSync(join(ROOT, 'dist', 'cli.bundle.mjs'))) {
    throw new Error('dist/ is missing: run `npm run build` first');
  }
  const pack = ok('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
  const list = JSON.parse(pack.out) as Packed[];
  if (!list[0]) throw new Error(`npm pack printed no package: ${pack.out}`);
  packed = list[0];
  console.log(`briefkit tarball: ${packed.files.length} files, ${(packed.size / 1e6).toFixed(1)} MB packed, ${(packed.unpackedSize / 1e6).toFixed(1)} MB unpacked`);

  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'briefkit-user', version: '1.0.0', private: true }, null, 2));
  // @types/node as any TypeScript project on Node has it (the API returns Buffers); the
  // version the repository type-checks with, so it comes from the machine's npm cache.
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  const typesNode = `@types/node@${pkg.devDependencies['@types/node'] ?? '20'}`;
  ok('npm', ['install', '--prefix', project, '--omit=dev', '--omit=optional', '--no-audit', '--no-fund', '--prefer-offline',
    join(work, packed.filename), typesNode], project, 240_000);
  installedBefore = listing(installed('briefkit'));

  const seed = readFileSync(SEED, 'utf8');
  const subtitle = 'subtitle: Bilateral relations fact sheet\n';
  if (!seed.includes(subtitle)) throw new Error('the seed briefing changed: update the subtitle this test replaces');
  // Hangul in the subtitle: the Korean fallback font must ship and be found.
  writeFileSync(join(project, 'brief.yaml'), seed.replace(subtitle, `subtitle: Bilateral relations fact sheet ${HANGUL}\n`));
}, 300_000);

afterAll(() => {
  if (!process.env['BRIEFKIT_KEEP_TMP']) rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds what the runtime reads, and no sources, tests or benchmarks', () => {
    const paths = packed.files.map((f) => f.path);
    for (const p of paths) {
      expect(p, 'a file outside the files list').toMatch(/^(package\.json|README\.md|LICENSE|bin\/|dist\/|templates\/|assets\/fonts\/|assets\/preview\/|data\/schema\/)/);
    }
    for (const p of [
      'bin/briefkit.js', 'dist/index.js', 'dist/index.d.ts', 'dist/cli.bundle.mjs', 'dist/prepare.bundle.mjs',
      'dist/worker.bundle.mjs', 'dist/fonts.sha256.json', 'dist/schemas/briefing.validate.cjs',
      'dist/data/sRGB_IEC61966_2_1.icc', 'data/schema/briefing.schema.json', 'data/schema/pack.schema.json',
      'templates/messages/en.json', 'assets/fonts/SourceSans3_400Regular.ttf', 'assets/fonts/NotoSansKR_400Regular.ttf',
      'assets/fonts/OFL-SourceSans3.txt', 'assets/fonts/OFL-NotoSansKR.txt', 'assets/preview/viewer.js', 'assets/preview/preview.css',
    ]) {
      expect(paths, p).toContain(p);
    }
    expect(paths.some((p) => /\.test\.|^src\/|^test\//.test(p))).toBe(false);
  });

  it('installs without dev and optional dependencies', () => {
    expect(existsSync(installed('briefkit', 'package.json'))).toBe(true);
    for (const dev of ['fastest-levenshtein', '@types/pdfkit', 'typescript', 'vitest', 'canvas', 'chartjs-node-canvas']) {
      expect(existsSync(installed(dev)), dev).toBe(false);
    }
  });
});

describe('the API of the installed package', () => {
  it('builds a briefing from an ES module', () => {
    writeFileSync(join(project, 'esm.mjs'), [
      "import { writeFileSync } from 'node:fs';",
      "import { buildBriefing, formatDiagnostic } from 'briefkit';",
      "const r = await buildBriefing({ file: 'brief.yaml' }, { paper: 'a4' });",
      "if (!r.ok) { for (const d of r.diagnostics) console.error(formatDiagnostic(d)); process.exit(1); }",
      "writeFileSync('esm.pdf', r.pdf);",
    ].join('\n'));
    const r = ok(process.execPath, ['esm.mjs']);
    expect(r.err).toBe('');
    const text = pageTexts(join(project, 'esm.pdf')).join('\n');
    expect(text).toContain('Canada – Republic of Korea');
    expect(text).toContain(HANGUL);
  }, 120_000);

  it.runIf(atLeast(20, 19))('runs from CommonJS with require() (Node 20.19 and later)', () => {
    writeFileSync(join(project, 'require.cjs'), [
      "const { writeFileSync } = require('node:fs');",
      "const { buildBriefing, loadBriefing } = require('briefkit');",
      "const loaded = loadBriefing({ file: 'brief.yaml' });",
      "buildBriefing({ file: 'brief.yaml' }).then((r) => {",
      "  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));",
      "  writeFileSync('require.pdf', r.pdf);",
      "  console.log(JSON.stringify({ loaded: loaded.ok, title: loaded.ok && loaded.value.briefing.title }));",
      "});",
    ].join('\n'));
    const r = ok(process.execPath, ['require.cjs']);
    // No ExperimentalWarning or other noise in the user's process.
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toEqual({ loaded: true, title: 'Canada – Republic of Korea' });
    expect(pageTexts(join(project, 'require.pdf')).join('\n')).toContain(HANGUL);
  }, 120_000);

  it('runs from CommonJS with import() (any Node 20)', () => {
    writeFileSync(join(project, 'import.cjs'), [
      "const { writeFileSync } = require('node:fs');",
      "(async () => {",
      "  const { buildBriefing } = await import('briefkit');",
      "  const r = await buildBriefing({ file: 'brief.yaml' });",
      "  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));",
      "  writeFileSync('import.pdf', r.pdf);",
      "})();",
    ].join('\n'));
    const r = ok(process.execPath, ['import.cjs']);
    expect(r.err).toBe('');
    expect(pageTexts(join(project, 'import.pdf')).join('\n')).toContain('Bilateral relations fact sheet');
  }, 120_000);

  it('type-checks a strict TypeScript file with skipLibCheck off', () => {
    writeFileSync(join(project, 'use.mts'), [
      "import { buildBriefing, buildPack, defaultTheme, formatDiagnostic, layoutDocument, loadBriefing, UserError } from 'briefkit';",
      "import type { BuildResult, Briefing, Diagnostic, PackResult, PagedDocument, SourceLoc, TargetResult, Theme } from 'briefkit';",
      '',
      'const theme: Theme = defaultTheme;',
      "const r: BuildResult = await buildBriefing({ file: 'brief.yaml' }, { paper: 'a4' });",
      'const diags: readonly Diagnostic[] = r.ok ? [] : r.diagnostics;',
      'const where: readonly (SourceLoc | undefined)[] = diags.map((d) => d.loc);',
      'for (const d of diags) console.error(formatDiagnostic(d));',
      "const loaded = loadBriefing({ file: 'brief.yaml' });",
      'const briefing: Briefing | undefined = loaded.ok ? loaded.value.briefing : undefined;',
      'const pdfBytes: number = r.ok ? r.pdf.byteLength : 0;',
      'type Unused = [PackResult, PagedDocument, TargetResult];',
      'const none: Unused | undefined = undefined;',
      'console.log(theme, where, briefing?.title, pdfBytes, none, buildPack, layoutDocument, new UserError([]).diagnostics.length);',
      '',
    ].join('\n'));
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        target: 'ES2022', lib: ['ES2022'], module: 'NodeNext', moduleResolution: 'NodeNext', types: ['node'], noEmit: true,
        strict: true, skipLibCheck: false, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true,
        noImplicitOverride: true, noImplicitReturns: true, noPropertyAccessFromIndexSignature: true, verbatimModuleSyntax: true,
      },
      files: ['use.mts'],
    }, null, 2));
    // The repository's compiler, against the installed package's own .d.ts files.
    const r = run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project]);
    expect(r.out + r.err).toBe('');
    expect(r.code).toBe(0);
  }, 120_000);

  it('says what is missing when a PNG chart is asked for without canvas', () => {
    // PNG charts are not in the public API yet: reach the module by its file.
    writeFileSync(join(project, 'png.mjs'), [
      "import { defaultTheme, loadBriefing } from 'briefkit';",
      "import { renderChartPng } from './node_modules/briefkit/dist/charts/png.js';",
      "const loaded = loadBriefing({ file: 'brief.yaml' });",
      'const briefing = loaded.value.briefing;',
      'try {',
      '  renderChartPng(briefing.charts[0], { briefing, theme: defaultTheme, width: 400 }, { dpi: 72 });',
      "  console.log(JSON.stringify({ drawn: true }));",
      '} catch (e) {',
      '  console.log(JSON.stringify({ name: e.name, diagnostics: e.diagnostics }));',
      '}',
    ].join('\n'));
    const r = ok(process.execPath, ['png.mjs']);
    const got = JSON.parse(r.out) as { name: string; diagnostics: { code: string; message: string; hint: string }[] };
    expect(got.name).toBe('UserError');
    expect(got.diagnostics.map((d) => d.code)).toEqual(['chart/png-unavailable']);
    expect(got.diagnostics[0]?.message).toContain('canvas');
    expect(got.diagnostics[0]?.hint).toContain('npm install canvas');
  }, 120_000);
});

describe('npx briefkit in the user\'s project', () => {
  // Offline: if the local bin were broken, npx must not fetch some other "briefkit".
  const npx = (...args: string[]): Run => {
    const r = spawnSync('npx', args, { cwd: project, env: { ...userEnv(), npm_config_offline: 'true' }, encoding: 'utf8', timeout: 120_000 });
    if (r.error) throw r.error;
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('prints its help', () => {
    const r = npx('briefkit', '--help');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Usage: briefkit /);
    for (const command of ['build', 'validate', 'check', 'pack', 'slides', 'diff', 'send']) expect(r.out).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  }, 120_000);

  it('builds a briefing into the project\'s output folder', () => {
    const r = npx('briefkit', 'build', 'brief.yaml');
    expect(r.code, r.out + r.err).toBe(0);
    const pdf = join(project, 'output', 'canada-korea-1995.pdf');
    expect(r.out + r.err).toContain('output/canada-korea-1995.pdf');
    const text = pageTexts(pdf).join('\n');
    expect(text).toContain('Bilateral relations fact sheet');
    expect(text).toContain(HANGUL);
  }, 120_000);

  it('leaves the installed package as it was installed', () => {
    expect(listing(installed('briefkit'))).toEqual(installedBefore);
  });
});

function atLeast(major: number, minor: number): boolean {
  const [ma = 0, mi = 0] = process.versions.node.split('.').map(Number);
  return ma > major || (ma === major && mi >= minor);
}
