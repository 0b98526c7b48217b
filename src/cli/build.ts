import { existsSync, watch } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { jsonLine, showText } from '../diag/escape.js';
import { githubData, githubProperty } from '../diag/format.js';
import type { Diagnostic } from '../diag/types.js';
import { dataFiles, fileHash, inputsHash, outputState, readManifest, targetKind, updateManifest } from '../incremental/index.js';
import { TEMPLATES_DIR } from '../template/index.js';
import { DEFAULT_GUTTER_MM, defaultTheme, withGutter } from '../theme/index.js';
import type { BuildManifest, OutputRecord } from '../incremental/index.js';
import { expectedOutputs } from '../targets.js';
import type { TargetOptions } from '../targets.js';
import { writeFileAtomic } from '../util/fs.js';
import { DEFAULT_DATA_DIRS, findTargets, validateTarget } from './inputs.js';
import { buildAll } from './pool.js';
import { Progress } from './progress.js';

export interface Io {
  out(s: string): void;
  err(s: string): void;
}
type Report = (d: readonly Diagnostic[], reporter: string) => void;

/** `--shard k/n`: the k-th of n deterministic slices of the targets (1-based). */
export function shard(files: readonly string[], spec: string | undefined): string[] | string {
  if (!spec) return [...files];
  const m = /^(\d+)\/(\d+)$/.exec(spec);
  const k = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || n < 1 || k < 1 || k > n) return `--shard takes k/n with 1 <= k <= n, e.g. 2/4 (got "${spec}")`;
  return files.filter((_f, i) => i % n === k - 1);
}

export function buildOptionsOf(o: Record<string, unknown>): TargetOptions {
  return {
    ...(o['slides'] === true ? { slides: true } : {}),
    ...(o['slides'] === true && o['overflow'] === 'error' ? { slidesOverflow: 'error' as const } : {}),
    paper: o['paper'] as 'a4' | 'letter',
    ...(o['duplex'] === true ? { duplex: true } : {}),
    ...(o['bleed'] !== undefined ? { bleed: Number(o['bleed']) } : {}),
    ...(o['gutter'] !== undefined ? { theme: withGutter(defaultTheme, Number(o['gutter'])) } : {}),
    pdfa: o['pdfa'] === true,
    cover: o['cover'] === true,
    toc: o['toc'] === true,
    ...(typeof o['templates'] === 'string' ? { templatesDir: o['templates'] } : {}),
  };
}

function commonOptions(cmd: Command): Command {
  return cmd
    .argument('[files...]', 'briefing data files, pack manifests or folders (default: data/briefings data/packs)')
    .option('-o, --out <dir>', 'output folder', 'output')
    .addOption(new Option('--paper <size>', 'paper size').choices(['a4', 'letter']).default('a4'))
    .option('--duplex', 'mirrored margins for two-sided printing')
    .option('--bleed <pt>', 'bleed in points, with trim/bleed boxes and crop marks')
    .option('--gutter <mm>', `binding gutter with --duplex: extra inside margin in millimetres (default ${DEFAULT_GUTTER_MM})`)
    .option('--pdfa', 'archival PDF/A-2a output')
    .option('--cover', 'add a cover page')
    .option('--toc', 'add a table of contents')
    .option('--templates <dir>', 'folder of template kinds (default: the bundled templates/)')
    .option('--slides', 'also write each briefing\'s slide decks (<id>-slides.pdf, <id>.pptx); a deck that fails never stops the print PDF')
    .addOption(new Option('--overflow <mode>', 'with --slides: slide text too long for a slide continues on a "(cont.)" slide, or fails the deck')
      .choices(['continue', 'error']).default('continue'))
    .option('--shard <k/n>', 'build only the k-th of n slices of the targets (split across CI machines)')
    .addOption(new Option('--reporter <kind>', 'diagnostics format').choices(['text', 'json', 'github']).default('text'));
}

interface Plan {
  readonly file: string;
  /** Inputs hash of each output name (a print PDF does not depend on the deck options). */
  readonly inputs: Readonly<Record<string, string>>;
  readonly names: readonly string[];
  readonly state: 'up-to-date' | 'missing' | 'stale' | 'modified' | 'unknown';
  /** The state of each of `names` (a print PDF may be up to date while its decks are missing). */
  readonly states: readonly string[];
}

/**
 * The options a print PDF is built from: the deck options (`slides`, `slidesOverflow`) do not
 * change it, so `build` after `build --slides` (and `check` without `--slides`) finds it up to date.
 */
export function printOptions(o: TargetOptions): TargetOptions {
  return Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'slides' && k !== 'slidesOverflow')) as TargetOptions;
}

function plan(files: readonly string[], outDir: string, options: TargetOptions, manifest: BuildManifest): Plan[] {
  return files.map((file) => {
    const print = inputsHash(file, printOptions(options), options.templatesDir).hash;
    const names = expectedOutputs(file, options);
    if (names.length === 0) return { file, inputs: {}, names, state: 'unknown' as const, states: [] };
    // A briefing's decks follow its print PDF in `names` and depend on every option.
    const decks = options.slides && targetKind(file) === 'briefing' ? names.slice(1) : [];
    const full = decks.length ? inputsHash(file, options, options.templatesDir).hash : print;
    const inputs = Object.fromEntries(names.map((n) => [n, decks.includes(n) ? full : print]));
    const states = names.map((n) => outputState(outDir, n, inputs[n] ?? print, manifest));
    const worst = states.find((s) => s !== 'up-to-date') ?? 'up-to-date';
    return { file, inputs, names, state: worst, states };
  });
}

/** Builds the given targets; returns the exit code. */
async function runBuild(files: readonly string[], o: Record<string, unknown>, io: Io, report: Report): Promise<number> {
  const options = buildOptionsOf(o);
  if (options.bleed !== undefined && !(options.bleed >= 0 && options.bleed <= 36)) {
    io.err('briefkit: --bleed takes a number of points from 0 to 36');
    return 2;
  }
  if (o['gutter'] !== undefined && !(Number(o['gutter']) >= 0 && Number(o['gutter']) <= 50)) {
    io.err('briefkit: --gutter takes a number of millimetres from 0 to 50');
    return 2;
  }
  const outDir = String(o['out']);
  const manifest = readManifest(outDir);
  const plans = plan(files, outDir, options, manifest);
  const todo = o['force'] === true ? plans : plans.filter((p) => p.state !== 'up-to-date');
  for (const p of plans) if (!todo.includes(p) && o['reporter'] === 'text') io.out(`up to date ${showText(p.file)}`);
  if (todo.length === 0) return 0;
  const jobs = Math.max(1, Number(o['jobs'] ?? availableParallelism()));
  // Only what this build wrote: the manifest is merged under a lock (other builds may be writing to it).
  const outputs: Record<string, OutputRecord> = {};
  const progress = new Progress(todo.length);
  let code = 0;
  const started = performance.now();
  await buildAll(todo.map((p) => p.file), options, jobs, (file, r) => {
    progress.tick(file);
    progress.clear();
    report(r.diagnostics, String(o['reporter']));
    if (!r.ok) {
      code = 1;
      io.err(`briefkit: ${showText(file)}: not built (the previous output, if any, is unchanged)`);
      return;
    }
    const p = plans.find((x) => x.file === file);
    try {
      for (const out of r.outputs) writeFileAtomic(join(outDir, out.name), out.bytes);
    } catch (e) {
      const diags = (e as { diagnostics?: Diagnostic[] }).diagnostics;
      if (!diags) throw e;
      report(diags, String(o['reporter']));
      code = 1;
      return;
    }
    for (const out of r.outputs) {
      outputs[out.name] = { source: file, inputs: p?.inputs[out.name] ?? '', output: fileHash(join(outDir, out.name)) };
      if (o['reporter'] === 'json') io.out(jsonLine({ built: join(outDir, out.name), pages: out.pages, bytes: out.bytes.length }));
      else io.out(`built ${showText(join(outDir, out.name))} (${out.pages} pages, ${Math.round(out.bytes.length / 1024)} KB)`);
    }
    // The slide decks failed but the print PDF above is written and recorded: the build still
    // fails, and `check` lists the decks as missing or stale until they build.
    if (r.failed?.length) {
      code = 1;
      io.err(`briefkit: ${showText(file)}: ${r.failed.map((n) => showText(join(outDir, n))).join(', ')} not built (the previous output, if any, is unchanged)`);
    }
  });
  if (Object.keys(outputs).length > 0) {
    try {
      await updateManifest(outDir, outputs);
    } catch (e) {
      const diags = (e as { diagnostics?: Diagnostic[] }).diagnostics;
      if (!diags) throw e;
      report(diags, String(o['reporter']));
      code = 1;
    }
  }
  if (o['reporter'] === 'text' && todo.length > 1) io.out(`${todo.length} targets in ${Math.round(performance.now() - started)} ms`);
  return code;
}

/** The targets named (or the default ones); paths that cannot be used are reported, exit 1. */
function found(files: readonly string[], o: Record<string, unknown>, setCode: (c: number) => void, report: Report): readonly string[] {
  const { files: targets, problems } = findTargets(files, DEFAULT_DATA_DIRS);
  if (problems.length) {
    report(problems, String(o['reporter']));
    setCode(1);
  }
  return targets;
}

export function registerBuild(program: Command, io: Io, setCode: (c: number) => void, report: Report): void {
  commonOptions(program.command('build').description('build briefings and packs into PDF, skipping what is up to date'))
    .option('--force', 'rebuild even what is up to date')
    .option('-j, --jobs <n>', 'worker threads (default: all cores)')
    .option('-w, --watch', 'rebuild when data or templates change (for authors)')
    .action(async (files: string[], o: Record<string, unknown>) => {
      const targets = shard(found(files, o, setCode, report), o['shard'] as string | undefined);
      if (typeof targets === 'string') {
        io.err(`briefkit: ${showText(targets)}`);
        setCode(2);
        return;
      }
      setCode(await runBuild(targets, o, io, report));
      if (o['watch'] === true) await watchAndBuild(targets, o, io, report);
    });

  commonOptions(program.command('check').description('exit 1 and list outputs that are missing or stale; writes nothing'))
    .action((files: string[], o: Record<string, unknown>) => {
      const targets = shard(found(files, o, setCode, report), o['shard'] as string | undefined);
      if (typeof targets === 'string') {
        io.err(`briefkit: ${showText(targets)}`);
        setCode(2);
        return;
      }
      const outDir = String(o['out']);
      const plans = plan(targets, outDir, buildOptionsOf(o), readManifest(outDir));
      const bad = plans.filter((p) => p.state !== 'up-to-date');
      for (const p of plans) {
        // Outputs unknown: the data cannot be read; say why, as validate would.
        if (p.state === 'unknown') report(validateTarget(p.file).diagnostics.filter((d) => d.severity === 'error'), String(o['reporter']));
        // Each state with its outputs, worst first: "missing x-slides.pdf, x.pptx; up-to-date x.pdf".
        const byState = [...new Set([p.state, ...p.states])].map((st) => `${st} ${p.names.filter((_n, i) => p.states[i] === st).map((n) => showText(join(outDir, n))).join(', ')}`);
        const line = p.state === 'unknown' ? `invalid ${showText(p.file)} (run briefkit validate)` : `${byState.join('; ')} (from ${showText(p.file)})`;
        if (o['reporter'] === 'json') io.out(jsonLine({ file: p.file, state: p.state, outputs: p.names, states: p.states }));
        else if (p.state !== 'up-to-date') io.err(line);
        else io.out(line);
        if (o['reporter'] === 'github' && p.state !== 'up-to-date') io.out(`::error file=${githubProperty(showText(p.file))},title=briefkit/stale::${githubData(line)}`);
      }
      if (bad.length) setCode(1);
    });
}

/** Rebuilds on changes to data or templates until interrupted. */
async function watchAndBuild(targets: readonly string[], o: Record<string, unknown>, io: Io, report: Report): Promise<void> {
  // The folders of every data file the targets read (packs name their briefings), and the templates.
  const templates = typeof o['templates'] === 'string' ? o['templates'] : TEMPLATES_DIR;
  const dirs = [...new Set([...targets.flatMap((t) => dataFiles(t)).map((f) => dirname(f)), templates].filter((d) => existsSync(d)))];
  io.out(`watching ${dirs.map(showText).join(', ')} (Ctrl-C to stop)`);
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const watchers = dirs.map((d) => watch(d, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        await runBuild(targets, o, io, report);
      });
    }, 120);
  }));
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      for (const w of watchers) w.close();
      clearTimeout(timer);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running;
}

/** `briefkit diff <old.pdf> <new.pdf>`: which pages changed, with side-by-side images. */
export function registerDiff(program: Command, io: Io, setCode: (c: number) => void, report: Report): void {
  program.command('diff')
    .description('compare two PDFs page by page; exit 1 when pages differ (writes side-by-side PNGs of changed pages)')
    .argument('<old>', 'the previous PDF')
    .argument('<new>', 'the new PDF')
    .option('-o, --out <dir>', 'folder for side-by-side PNGs of changed pages', 'output/diff')
    .option('--dpi <n>', 'comparison resolution', '50')
    .addOption(new Option('--reporter <kind>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .action(async (oldPdf: string, newPdf: string, o: Record<string, unknown>) => {
      const { diffPdfs } = await import('../diff/index.js');
      let pages;
      try {
        pages = diffPdfs(oldPdf, newPdf, { outDir: String(o['out']), dpi: Number(o['dpi']) });
      } catch (e) {
        const diags = (e as { diagnostics?: Diagnostic[] }).diagnostics;
        if (!diags) throw e;
        report(diags, String(o['reporter']));
        setCode(1);
        return;
      }
      const changed = pages.filter((p) => p.status !== 'same');
      if (o['reporter'] === 'json') io.out(jsonLine({ pages: changed }));
      else {
        for (const p of changed) io.out(`page ${p.page}: ${p.status}${p.image ? ` (${showText(p.image)})` : ''}`);
        io.out(changed.length ? `${changed.length} of ${pages.length} pages differ` : `no differences in ${pages.length} pages`);
      }
      if (changed.length) setCode(1);
    });
}
