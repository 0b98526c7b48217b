/**
 * `briefkit build`, `check` and `diff`: flags mapped to a build session, run events mapped to
 * lines. The build itself (plan, workers, atomic writes, manifest) is `runTargets` in src/build/.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { BuildSession, planTargets, runTargets } from '../build/index.js';
import type { RunEvent } from '../build/index.js';
import { jsonLine, showText } from '../diag/escape.js';
import { formatDiagnostic, formatGithub, githubData, githubProperty } from '../diag/format.js';
import type { Diagnostic } from '../diag/types.js';
import { TEMPLATES_DIR } from '../template/index.js';
import { watchFiles } from '../watch/index.js';
import { outputOptions, positiveInt, reporterOption, shard } from './flags.js';
import type { BuildFlags, OutputFlags, ReporterKind } from './flags.js';
import { findTargets, validateTarget } from './inputs.js';
import { commandSettings } from './settings.js';
import type { CommandSettings, SettingFlags } from './settings.js';
import { Progress } from './progress.js';

export interface Io {
  out(s: string): void;
  err(s: string): void;
}
export type Report = (d: readonly Diagnostic[], reporter: ReporterKind) => void;

/** Diagnostics as text lines on stderr (or JSON on stdout): for callers that bring no reporter of their own. */
export function defaultReport(io: Io): Report {
  return (diags, reporter) => {
    if (reporter === 'json') {
      if (diags.length) io.out(jsonLine({ diagnostics: diags }));
    } else for (const d of diags) io.err(reporter === 'github' ? formatGithub(d) : formatDiagnostic(d));
  };
}

/**
 * Prints a run's events: `built …` lines (or JSON lines), diagnostics, what was not built.
 * `describe` adds a target's own detail to its first output's line (a pack's marking).
 */
export function eventPrinter(io: Io, reporter: ReporterKind, report: Report, total: number): (e: RunEvent) => void {
  const progress = new Progress(total);
  return (e) => {
    switch (e.kind) {
      case 'up-to-date':
        if (reporter === 'text') io.out(`up to date ${showText(e.file)}`);
        return;
      case 'diagnostics':
        if (e.file !== undefined) {
          progress.tick(e.file);
          progress.clear();
        }
        report(e.diagnostics, reporter);
        return;
      case 'built':
        if (reporter === 'json') io.out(jsonLine({ built: e.path, pages: e.pages, bytes: e.bytes }));
        else io.out(`built ${showText(e.path)} (${e.pages} pages, ${Math.round(e.bytes / 1024)} KB${e.marking !== undefined ? `, marked ${showText(e.marking)}` : ''})`);
        return;
      case 'not-built':
        io.err(e.paths.length
          ? `briefkit: ${showText(e.file)}: ${e.paths.map(showText).join(', ')} not built (the previous output, if any, is unchanged)`
          : `briefkit: ${showText(e.file)}: not built (the previous output, if any, is unchanged)`);
        return;
      case 'done':
        if (reporter === 'text' && e.targets > 1) io.out(`${e.targets} targets in ${e.ms} ms`);
        return;
      default: {
        const never: never = e;
        throw new Error(`unhandled run event ${JSON.stringify(never)}`);
      }
    }
  };
}

/**
 * The session a command's flags ask for, through the project's settings, or undefined when
 * they cannot be resolved (reported, exit 1). Each call reads the config, theme and scheme
 * again: a watch cycle sees them as they are now.
 */
export function sessionFor(f: OutputFlags, io: Io, setCode: (c: number) => void, report: Report, decksOnly = false):
  { readonly session: BuildSession; readonly settings: CommandSettings } | undefined {
  const r = commandSettings(settingFlags(f), {
    ...(f.bleed !== undefined ? { bleed: f.bleed } : {}), cover: f.cover === true, toc: f.toc === true, overflow: f.overflow, decksOnly,
  });
  report(r.diagnostics, f.reporter);
  if (!r.ok) {
    setCode(1);
    return undefined;
  }
  return { session: new BuildSession(r.settings.options, r.settings.extra), settings: r.settings };
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
async function runBuild(files: readonly string[], f: BuildFlags, io: Io, report: Report): Promise<number> {
  let code = 0;
  const s = sessionFor(f, io, (c) => { code = Math.max(code, c); }, report);
  if (!s) return code;
  return runTargets(s.session, files, { outDir: s.settings.out, force: f.force === true, ...(f.jobs !== undefined ? { jobs: f.jobs } : {}) },
    eventPrinter(io, f.reporter, report, files.length));
}

/** The targets named (or the project's data folders), sharded; problems reported (exit 1), a bad shard is a usage error (exit 2). */
function targetsOf(files: readonly string[], data: readonly string[], f: OutputFlags, io: Io, setCode: (c: number) => void, report: Report): readonly string[] | undefined {
  const { files: found, problems } = findTargets(files, data);
  if (problems.length) {
    report(problems, f.reporter);
    setCode(1);
  }
  const targets = shard(found, f.shard);
  if (typeof targets === 'string') {
    io.err(`briefkit: ${showText(targets)}`);
    setCode(2);
    return undefined;
  }
  return targets;
}

export function registerBuild(program: Command, io: Io, setCode: (c: number) => void, report: Report): void {
  outputOptions(program.command('build').description('build briefings and packs into PDF, skipping what is up to date'))
    .option('--force', 'rebuild even what is up to date')
    .option('-j, --jobs <n>', 'worker threads (default: all cores)', positiveInt('--jobs takes a number of threads'))
    .option('-w, --watch', 'rebuild when data or templates change (for authors)')
    .action(async (files: string[], f: BuildFlags) => {
      const s = sessionFor(f, io, setCode, report);
      if (!s) return;
      const targets = targetsOf(files, s.settings.data, f, io, setCode, report);
      if (!targets) return;
      setCode(await runBuild(targets, f, io, report));
      // With no file named, each cycle looks for targets again: a new data file is built too.
      const find = files.length ? undefined : (): readonly string[] => targetsOf(files, s.settings.data, f, io, () => undefined, report) ?? targets;
      if (f.watch === true) await watchAndBuild(targets, f, s, io, report, find);
    });

  outputOptions(program.command('check').description('exit 1 and list outputs that are missing or stale; writes nothing'))
    .action((files: string[], f: OutputFlags) => {
      const s = sessionFor(f, io, setCode, report);
      if (!s) return;
      const out = s.settings.out;
      const targets = targetsOf(files, s.settings.data, f, io, setCode, report);
      if (!targets) return;
      const plans = planTargets(s.session, targets, out);
      for (const p of plans) {
        // Outputs unknown: the data cannot be read; say why, as validate would.
        if (p.state === 'unknown') report(validateTarget(p.file).diagnostics.filter((d) => d.severity === 'error'), f.reporter);
        // Each state with its outputs, worst first: "missing x-slides.pdf, x.pptx; up-to-date x.pdf".
        const byState = [...new Set([p.state, ...p.states])].map((st) => `${st} ${p.names.filter((_n, i) => p.states[i] === st).map((n) => showText(join(out, n))).join(', ')}`);
        const line = p.state === 'unknown' ? `invalid ${showText(p.file)} (run briefkit validate)` : `${byState.join('; ')} (from ${showText(p.file)})`;
        if (f.reporter === 'json') io.out(jsonLine({ file: p.file, state: p.state, outputs: p.names, states: p.states }));
        else if (p.state !== 'up-to-date') io.err(line);
        else io.out(line);
        if (f.reporter === 'github' && p.state !== 'up-to-date') io.out(`::error file=${githubProperty(showText(p.file))},title=briefkit/stale::${githubData(line)}`);
      }
      if (plans.some((p) => p.state !== 'up-to-date')) setCode(1);
    });
}

/** Rebuilds on changes to data or templates until interrupted; each rebuild is a new session. */
async function watchAndBuild(
  targets: readonly string[], f: BuildFlags, { session, settings }: { session: BuildSession; settings: CommandSettings }, io: Io, report: Report,
  find?: () => readonly string[],
): Promise<void> {
  // The folders of every data file the targets read (packs name their briefings), the templates
  // and the files the options name (theme, fonts, logo, scheme), and the project's config.
  const templates = session.options.templatesDir ?? TEMPLATES_DIR;
  // Files, not their folders: the project's folder holds the output folder too.
  const config = settings.resolved.configFile !== undefined ? [settings.resolved.configFile] : [];
  const dirs = [...new Set([
    ...targets.flatMap((t) => session.sources.dataFiles(t)).map((d) => dirname(d)), templates,
    ...session.inputFiles, ...config, ...(find ? settings.data : []),
  ].filter((d) => existsSync(d)))];
  // One rebuild per burst of saves, never two at once (src/watch/: survives saves by rename).
  let running: Promise<unknown> = Promise.resolve();
  const watcher = watchFiles(dirs, { debounceMs: 120, onChange: () => (running = runBuild(find ? find() : targets, f, io, report)) });
  await watcher.ready;
  io.out(`watching ${dirs.map(showText).join(', ')} (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await watcher.close();
  await running;
}

/** `briefkit diff <old.pdf> <new.pdf>`: which pages changed, with side-by-side images. */
export function registerDiff(program: Command, io: Io, setCode: (c: number) => void, report: Report): void {
  program.command('diff')
    .description('compare two PDFs page by page; exit 1 when pages differ (writes side-by-side PNGs of changed pages)')
    .argument('<old>', 'the previous PDF')
    .argument('<new>', 'the new PDF')
    .option('-o, --out <dir>', 'folder for side-by-side PNGs of changed pages', 'output/diff')
    .option('--dpi <n>', 'comparison resolution', positiveInt('--dpi takes a resolution'), 50)
    .addOption(reporterOption())
    .action(async (oldPdf: string, newPdf: string, f: { out: string; dpi: number; reporter: ReporterKind }) => {
      const { diffPdfs } = await import('../diff/index.js');
      let pages;
      try {
        pages = diffPdfs(oldPdf, newPdf, { outDir: f.out, dpi: f.dpi });
      } catch (e) {
        const diags = (e as { diagnostics?: Diagnostic[] }).diagnostics;
        if (!diags) throw e;
        report(diags, f.reporter);
        setCode(1);
        return;
      }
      const changed = pages.filter((p) => p.status !== 'same');
      if (f.reporter === 'json') io.out(jsonLine({ pages: changed }));
      else {
        for (const p of changed) io.out(`page ${p.page}: ${p.status}${p.image ? ` (${showText(p.image)})` : ''}`);
        io.out(changed.length ? `${changed.length} of ${pages.length} pages differ` : `no differences in ${pages.length} pages`);
      }
      if (changed.length) setCode(1);
    });
}
