import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fromRoot } from '../util/root.js';
import { Command, CommanderError, Option } from 'commander';
import { formatDiagnostic, formatGithub } from '../diag/format.js';
import { jsonLine, showLines, showText } from '../diag/escape.js';
import type { Diagnostic } from '../diag/types.js';
import { registerBuild, registerDiff } from './build.js';
import { registerConfig } from './config.js';
import { registerInit } from './init.js';
import { DEFAULT_DATA_DIRS, findTargets, validateTarget } from './inputs.js';
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

type Reporter = 'text' | 'json' | 'github';

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

function report(diags: readonly Diagnostic[], reporter: Reporter, io: Io): void {
  if (reporter === 'json') {
    if (diags.length) io.out(jsonLine({ diagnostics: diags }));
    return;
  }
  for (const d of diags) io.err(reporter === 'github' ? formatGithub(d) : formatDiagnostic(d));
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
  const reporterOpt = () => new Option('--reporter <kind>', 'diagnostics format').choices(['text', 'json', 'github']).default('text');

  program.command('validate')
    .description('check briefing data files and pack manifests without building (default: data/briefings data/packs)')
    .argument('[files...]', 'briefing data files or folders')
    .addOption(reporterOpt())
    .action((files: string[], o: Record<string, unknown>) => {
      const { files: targets, problems } = findTargets(files, DEFAULT_DATA_DIRS);
      report(problems, o['reporter'] as Reporter, io);
      if (problems.length) code = EXIT.badInput;
      for (const file of targets) {
        const r = validateTarget(file);
        report(r.diagnostics, o['reporter'] as Reporter, io);
        if (!r.ok) code = EXIT.badInput;
        else if (o['reporter'] !== 'json') io.out(`ok ${showText(basename(file))}`);
      }
    });

  const setCode = (c: number): void => {
    code = Math.max(code, c);
  };
  const rep = (d: readonly Diagnostic[], r: string): void => report(d, r as Reporter, io);
  registerBuild(program, io, setCode, rep);
  registerDiff(program, io, setCode, rep);
  registerPack(program, io, setCode, rep);
  registerSend(program, io, setCode);
  registerSlides(program, io, setCode, rep);
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
