/**
 * `briefkit build`, `check` and `diff`: flags mapped to a build session, run events handed to
 * the command's reporter (src/report/). The build itself (plan, workers, atomic writes,
 * manifest) is `runTargets` in src/build/.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { BuildSession, planTargets, runTargets } from '../build/index.js';
import type { Diagnostic } from '../diag/index.js';
import { reporterFor, reporterOptions, runEventsTo } from '../report/index.js';
import type { Reporter, ReporterFlags } from '../report/index.js';
import { TEMPLATES_DIR } from '../template/index.js';
import { watchFiles } from '../watch/index.js';
import { outputOptions, positiveInt, shard } from './flags.js';
import type { BuildFlags, OutputFlags } from './flags.js';
import { findTargets, validateTarget } from '../build/index.js';
import { commandSettings } from './settings.js';
import type { CommandSettings, SettingFlags } from './settings.js';

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

/**
 * One command run: its reporter, and its exit code (also handed to the program's `setCode`).
 * `finish` ends the reporter with the code (json prints its one document there).
 */
export interface Run {
  readonly r: Reporter;
  code(c: number): void;
  finish(): void;
}

/** Starts a command run with the reporter its flags ask for. */
export function startRun(command: string, f: ReporterFlags, io: Io, setCode: (c: number) => void): Run {
  const r = reporterFor(command, f, { ...io, tty: process.stderr });
  const started = performance.now();
  let code = 0;
  return {
    r,
    code(c) {
      code = Math.max(code, c);
      setCode(c);
    },
    finish() {
      r.end({ exitCode: code, ms: Math.round(performance.now() - started) });
    },
  };
}

/**
 * The session a command's flags ask for, through the project's settings, or undefined when
 * they cannot be resolved (reported, exit 1). Each call reads the config, theme and scheme
 * again: a watch cycle sees them as they are now.
 */
export function sessionFor(f: OutputFlags, run: Run, decksOnly = false):
  { readonly session: BuildSession; readonly settings: CommandSettings } | undefined {
  const s = commandSettings(settingFlags(f), {
    ...(f.bleed !== undefined ? { bleed: f.bleed } : {}), cover: f.cover === true, toc: f.toc === true, overflow: f.overflow, decksOnly,
  });
  run.r.diagnostics(s.diagnostics);
  if (!s.ok) {
    run.code(1);
    return undefined;
  }
  return { session: new BuildSession(s.settings.options, s.settings.extra), settings: s.settings };
}

/** The setting flags given on the command line (undefined: not given, so the project decides). */
function settingFlags(f: OutputFlags): SettingFlags {
  return {
    ...(f.out !== undefined ? { out: f.out } : {}), ...(f.paper !== undefined ? { paper: f.paper } : {}),
    ...(f.duplex === true ? { duplex: true } : {}), ...(f.gutter !== undefined ? { gutter: f.gutter } : {}),
    ...(f.theme !== undefined ? { theme: f.theme } : {}), ...(f.templates !== undefined ? { templates: f.templates } : {}),
    ...(f.marking !== undefined ? { marking: f.marking } : {}), ...(f.pdfa === true ? { pdfa: true } : {}),
    ...(f.slides === true ? { slides: true } : {}),
  };
}

/** Builds the given targets in a new session (a watch cycle sees every file as it is now); returns the exit code. */
async function runBuild(files: readonly string[], f: BuildFlags, run: Run): Promise<number> {
  let code = 0;
  const s = sessionFor(f, { ...run, code: (c) => { code = Math.max(code, c); run.code(c); } });
  if (!s) return code;
  return runTargets(s.session, files, { outDir: s.settings.out, force: f.force === true, ...(f.jobs !== undefined ? { jobs: f.jobs } : {}) },
    runEventsTo(run.r, files.length));
}

/** The targets named (or the project's data folders), sharded; problems reported (exit 1), a bad shard is a usage error (exit 2). */
function targetsOf(files: readonly string[], data: readonly string[], f: OutputFlags, run: Run, io: Io): readonly string[] | undefined {
  const { files: found, problems } = findTargets(files, data);
  if (problems.length) {
    run.r.diagnostics(problems);
    run.code(1);
  }
  const targets = shard(found, f.shard);
  if (typeof targets === 'string') {
    io.err(`briefkit: ${targets}`);
    run.code(2);
    return undefined;
  }
  return targets;
}

export function registerBuild(program: Command, io: Io, setCode: (c: number) => void): void {
  outputOptions(program.command('build').description('build briefings and packs into PDF, skipping what is up to date'))
    .option('--force', 'rebuild even what is up to date')
    .option('-j, --jobs <n>', 'worker threads (default: all cores)', positiveInt('--jobs takes a number of threads'))
    .option('-w, --watch', 'rebuild when data or templates change (for authors)')
    .action(async (files: string[], f: BuildFlags) => {
      const run = startRun('build', f, io, setCode);
      try {
        const s = sessionFor(f, run);
        if (!s) return;
        const targets = targetsOf(files, s.settings.data, f, run, io);
        if (!targets) return;
        run.code(await runBuild(targets, f, run));
        // With no file named, each cycle looks for targets again: a new data file is built too.
        const find = files.length ? undefined : (): readonly string[] => targetsOf(files, s.settings.data, f, { ...run, code: () => undefined }, io) ?? targets;
        if (f.watch === true) await watchAndBuild(targets, f, s, run, find);
      } finally {
        run.finish();
      }
    });

  outputOptions(program.command('check').description('exit 1 and list outputs that are missing or stale; writes nothing'))
    .action((files: string[], f: OutputFlags) => {
      const run = startRun('check', f, io, setCode);
      try {
        const s = sessionFor(f, run);
        if (!s) return;
        const out = s.settings.out;
        const targets = targetsOf(files, s.settings.data, f, run, io);
        if (!targets) return;
        const plans = planTargets(s.session, targets, out);
        for (const p of plans) {
          // Outputs unknown: the data cannot be read; say why, as validate would.
          if (p.state === 'unknown') run.r.diagnostics(validateTarget(p.file).diagnostics.filter((d) => d.severity === 'error'));
          run.r.state({ file: p.file, state: p.state, outputs: p.names.map((n, i) => ({ path: join(out, n), state: p.states[i] ?? 'unknown' })) });
        }
        if (plans.some((p) => p.state !== 'up-to-date')) run.code(1);
      } finally {
        run.finish();
      }
    });
}

/** Rebuilds on changes to data or templates until interrupted; each rebuild is a new session. */
async function watchAndBuild(
  targets: readonly string[], f: BuildFlags, { session, settings }: { session: BuildSession; settings: CommandSettings }, run: Run,
  find?: () => readonly string[],
): Promise<void> {
  // The folders of every data file the targets read (packs name their briefings), the templates,
  // the files the options name (theme, fonts, logo, scheme) and the project's config file.
  const templates = session.options.templatesDir ?? TEMPLATES_DIR;
  // Files, not their folders: the project's folder holds the output folder too.
  const config = settings.resolved.configFile !== undefined ? [settings.resolved.configFile] : [];
  const dirs = [...new Set([
    ...targets.flatMap((t) => session.sources.dataFiles(t)).map((d) => dirname(d)), templates,
    ...session.inputFiles, ...config, ...(find ? settings.data : []),
  ].filter((d) => existsSync(d)))];
  // One rebuild per burst of saves, never two at once (src/watch/: survives saves by rename).
  let running: Promise<unknown> = Promise.resolve();
  const watcher = watchFiles(dirs, { debounceMs: 120, onChange: () => (running = runBuild(find ? find() : targets, f, run)) });
  await watcher.ready;
  run.r.note(`watching ${dirs.join(', ')} (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await watcher.close();
  await running;
}

/** Flags of `briefkit diff`. */
interface DiffFlags extends ReporterFlags {
  readonly out: string;
  readonly dpi: string;
}

/** `briefkit diff <old.pdf> <new.pdf>`: which pages changed, with side-by-side images. */
export function registerDiff(program: Command, io: Io, setCode: (c: number) => void): void {
  const cmd = program.command('diff')
    .description('compare two PDFs page by page; exit 1 when pages differ (writes side-by-side PNGs of changed pages)')
    .argument('<old>', 'the previous PDF')
    .argument('<new>', 'the new PDF')
    .option('-o, --out <dir>', 'folder for side-by-side PNGs of changed pages', 'output/diff')
    // Checked by the diff stage (diff/dpi, exit 1), as every other bad input.
    .option('--dpi <n>', 'comparison resolution', '50');
  for (const o of reporterOptions()) cmd.addOption(o);
  cmd.action(async (oldPdf: string, newPdf: string, f: DiffFlags) => {
    const run = startRun('diff', f, io, setCode);
    try {
      const { diffPdfs } = await import('../diff/index.js');
      let pages;
      try {
        pages = diffPdfs(oldPdf, newPdf, { outDir: f.out, dpi: Number(f.dpi) });
      } catch (e) {
        const diags = (e as { diagnostics?: Diagnostic[] }).diagnostics;
        if (!diags) throw e;
        run.r.diagnostics(diags);
        run.code(1);
        return;
      }
      const changed = pages.filter((p) => p.status !== 'same');
      for (const p of changed) run.r.page(p, { old: oldPdf, new: newPdf });
      run.r.note(changed.length ? `${changed.length} of ${pages.length} pages differ` : `no differences in ${pages.length} pages`);
      if (changed.length) run.code(1);
    } finally {
      run.finish();
    }
  });
}
