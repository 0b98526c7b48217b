import { existsSync, readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { formatDiagnostic, formatGithub } from '../diag/format.js';
import type { Diagnostic } from '../diag/types.js';
import { loadBriefing } from '../data/index.js';
import { buildBriefing } from '../pipeline.js';
import type { BuildOptions } from '../pipeline.js';
import { writeFileAtomic } from '../util/fs.js';
import { registerPack } from './pack.js';
import { registerSend } from './send.js';

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, badInput: 1, usage: 2, internal: 70 } as const;

type Reporter = 'text' | 'json' | 'github';

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const DEFAULT_DIR = 'data/briefings';

/** Expands the files argument: folders become their .yaml/.yml/.json files; none = the default folder. */
function expand(files: readonly string[]): string[] {
  const list = files.length ? files : [DEFAULT_DIR];
  return list.flatMap((f) => {
    if (existsSync(f) && !extname(f) && readdirSync(f, { withFileTypes: true }).length >= 0) {
      try {
        return readdirSync(f).filter((n) => /\.(ya?ml|json)$/i.test(n)).sort().map((n) => join(f, n));
      } catch {
        return [f];
      }
    }
    return [f];
  });
}

function report(diags: readonly Diagnostic[], reporter: Reporter, io: Io): void {
  if (reporter === 'json') {
    if (diags.length) io.out(JSON.stringify({ diagnostics: diags }));
    return;
  }
  for (const d of diags) io.err(reporter === 'github' ? formatGithub(d) : formatDiagnostic(d));
}

function buildOptions(o: Record<string, unknown>): BuildOptions {
  return {
    paper: o['paper'] as 'a4' | 'letter',
    duplex: o['duplex'] === true,
    ...(o['bleed'] !== undefined ? { bleed: Number(o['bleed']) } : {}),
    pdfa: o['pdfa'] === true,
    cover: o['cover'] === true,
    toc: o['toc'] === true,
    ...(typeof o['templates'] === 'string' ? { templatesDir: o['templates'] } : {}),
  };
}

/** Runs the CLI with the given arguments; resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = { out: (s) => console.log(s), err: (s) => console.error(s) }): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('briefkit')
    .description('Print-ready briefing documents from briefing data')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError();
  const reporterOpt = () => new Option('--reporter <kind>', 'diagnostics format').choices(['text', 'json', 'github']).default('text');

  program.command('build')
    .description('build briefings into PDF (default: every file in data/briefings/)')
    .argument('[files...]', 'briefing data files or folders (.yaml, .yml, .json)')
    .option('-o, --out <dir>', 'output folder', 'output')
    .addOption(new Option('--paper <size>', 'paper size').choices(['a4', 'letter']).default('a4'))
    .option('--duplex', 'mirrored margins for two-sided printing')
    .option('--bleed <pt>', 'bleed in points, with trim/bleed boxes and crop marks')
    .option('--pdfa', 'archival PDF/A-2a output')
    .option('--cover', 'add a cover page')
    .option('--toc', 'add a table of contents')
    .option('--templates <dir>', 'folder of template kinds (default: the bundled templates/)')
    .addOption(reporterOpt())
    .action(async (files: string[], o: Record<string, unknown>) => {
      const opts = buildOptions(o);
      if (opts.bleed !== undefined && !(opts.bleed >= 0 && opts.bleed <= 36)) {
        io.err('briefkit: --bleed takes a number of points from 0 to 36');
        code = EXIT.usage;
        return;
      }
      for (const file of expand(files)) {
        const started = performance.now();
        const r = await buildBriefing({ file }, opts);
        report(r.diagnostics, o['reporter'] as Reporter, io);
        if (!r.ok) {
          code = EXIT.badInput;
          io.err(`briefkit: ${file}: not built (the previous output, if any, is unchanged)`);
          continue;
        }
        const out = join(String(o['out']), `${r.briefing.id}.pdf`);
        try {
          writeFileAtomic(out, r.pdf);
        } catch (e) {
          const diags = (e as { diagnostics?: Diagnostic[] }).diagnostics;
          if (!diags) throw e;
          report(diags, o['reporter'] as Reporter, io);
          code = EXIT.badInput;
          continue;
        }
        const ms = Math.round(performance.now() - started);
        if (o['reporter'] === 'json') io.out(JSON.stringify({ built: out, pages: r.pages, bytes: r.pdf.length, ms }));
        else io.out(`built ${out} (${r.pages} pages, ${Math.round(r.pdf.length / 1024)} KB, ${ms} ms)`);
      }
    });

  program.command('validate')
    .description('check briefing data files without building')
    .argument('[files...]', 'briefing data files or folders')
    .addOption(reporterOpt())
    .action((files: string[], o: Record<string, unknown>) => {
      for (const file of expand(files)) {
        const r = loadBriefing({ file });
        report(r.diagnostics, o['reporter'] as Reporter, io);
        if (!r.ok) code = EXIT.badInput;
        else if (o['reporter'] !== 'json') io.out(`ok ${basename(file)}`);
      }
    });

  const setCode = (c: number): void => {
    code = Math.max(code, c);
  };
  registerPack(program, io, setCode, (d, r) => report(d, r as Reporter, io));
  registerSend(program, io, setCode);

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
