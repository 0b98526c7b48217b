import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fromRoot } from '../util/index.js';
import { Command, CommanderError } from 'commander';
import { showLines } from '../diag/index.js';
import { DEFAULT_DATA_DIRS, findTargets, validateTarget } from '../build/index.js';
import type { ReporterFlags } from '../report/index.js';
import { registerBuild, registerDiff, startRun } from './build.js';
import { withReporter } from './flags.js';
import { registerConfig } from './config.js';
import { registerInit } from './init.js';
import { registerPack } from './pack.js';
import { registerPreview } from './preview.js';
import { registerSend } from './send.js';
import { registerSlides } from './slides.js';

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, badInput: 1, usage: 2, internal: 70 } as const;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Runs the CLI with the given arguments; resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = { out: (s) => console.log(s), err: (s) => console.error(s) }): Promise<number> {
  // Every line goes out terminal-safe whoever composed it (commander's messages echo arguments):
  // user text is escaped where it is put into a line; this catches what a line still holds.
  const given = io;
  io = { out: (s) => given.out(showLines(s)), err: (s) => given.err(showLines(s)) };
  let code: number = EXIT.ok;
  const program = new Command('briefkit')
    .version(packageVersion(), '-V, --version')
    .description('Print-ready briefing documents from briefing data')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError();
  const setCode = (c: number): void => {
    code = Math.max(code, c);
  };

  withReporter(program.command('validate')
    .description('check briefing data files and pack manifests without building (default: data/briefings data/packs)')
    .argument('[files...]', 'briefing data files or folders'))
    .action((files: string[], f: ReporterFlags) => {
      const run = startRun('validate', f, io, setCode);
      try {
        const { files: targets, problems } = findTargets(files, DEFAULT_DATA_DIRS);
        run.r.diagnostics(problems);
        if (problems.length) run.code(EXIT.badInput);
        for (const file of targets) {
          const r = validateTarget(file);
          run.r.diagnostics(r.diagnostics);
          if (!r.ok) run.code(EXIT.badInput);
          else run.r.note(`ok ${basename(file)}`);
        }
      } finally {
        run.finish();
      }
    });

  registerBuild(program, io, setCode);
  registerDiff(program, io, setCode);
  registerPack(program, io, setCode);
  registerSend(program, io, setCode);
  registerSlides(program, io, setCode);
  registerPreview(program, io, setCode);
  registerInit(program, io, setCode);
  registerConfig(program, io, setCode);

  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return EXIT.usage;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    throw e;
  }
  return code;
}
