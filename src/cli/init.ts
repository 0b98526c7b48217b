/**
 * `briefkit init [dir]`: scaffolds a briefing project (see src/project/scaffold.ts).
 */
import { Option } from 'commander';
import type { Command } from 'commander';
import { UserError } from '../diag/index.js';
import { jsonLine, showText } from '../diag/index.js';
import { formatDiagnostic, formatGithub } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { initProject } from '../project/index.js';

interface Io {
  out(s: string): void;
  err(s: string): void;
}

/** Diagnostics in the chosen format (the same three as every command). */
export function reportAs(diags: readonly Diagnostic[], reporter: unknown, io: Io): void {
  if (reporter === 'json') {
    if (diags.length) io.out(jsonLine({ diagnostics: diags }));
    return;
  }
  for (const d of diags) io.err(reporter === 'github' ? formatGithub(d) : formatDiagnostic(d));
}

export function registerInit(program: Command, io: Io, setCode: (c: number) => void): void {
  program.command('init')
    .description('start a briefing project: config, an example briefing and pack, a templates/ folder for overrides, .gitignore, a CI workflow')
    .argument('[dir]', 'folder for the project (created when missing)', '.')
    .addOption(new Option('--reporter <kind>', 'diagnostics format').choices(['text', 'json', 'github']).default('text'))
    .action((dir: string, o: Record<string, unknown>) => {
      let files: string[];
      try {
        files = initProject(dir);
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        reportAs(e.diagnostics, o['reporter'], io);
        setCode(1);
        return;
      }
      if (o['reporter'] === 'json') {
        io.out(jsonLine({ project: dir, files }));
        return;
      }
      for (const f of files) io.out(`created ${showText(f === '' ? dir : `${dir === '.' ? '' : `${dir}/`}${f}`)}`);
      io.out(`next: ${dir === '.' ? '' : `cd ${showText(dir)} && `}briefkit build`);
    });
}
