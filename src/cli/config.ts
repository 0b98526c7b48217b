/**
 * `briefkit config`: every setting as it applies here, and where each value came from.
 */
import { Option } from 'commander';
import type { Command } from 'commander';
import { jsonLine } from '../diag/index.js';
import { resolveSettings, settingsJson, settingsText } from '../project/index.js';
import { UserError } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { resolveScheme } from '../project/index.js';
import type { ResolvedSettings } from '../project/index.js';
import { reportAs } from './init.js';

/** What is wrong with the chosen marking scheme (none when it reads). */
function schemeProblems(r: ResolvedSettings): readonly Diagnostic[] {
  const s = r.settings.marking;
  try {
    resolveScheme(s.value, r.root, s.origin.kind === 'config' ? s.origin.loc : undefined);
    return [];
  } catch (e) {
    if (e instanceof UserError) return e.diagnostics;
    throw e;
  }
}

interface Io {
  out(s: string): void;
  err(s: string): void;
}

export function registerConfig(program: Command, io: Io, setCode: (c: number) => void): void {
  program.command('config')
    .description('print the resolved settings and where each comes from (default, config file, BRIEFKIT_* environment, flag)')
    .argument('[dir]', 'a folder of the project (default: the current one)')
    .addOption(new Option('--paper <size>', 'paper size').choices(['a4', 'letter']))
    .option('--duplex', 'mirrored margins for two-sided printing')
    .option('--gutter <mm>', 'binding gutter in millimetres')
    .option('--theme <name>', 'theme name or file')
    .option('--templates <dir>', 'folder of template overrides')
    .option('--marking <scheme>', 'marking scheme: canada, nato, none or a scheme file')
    .option('-o, --out <dir>', 'output folder')
    .option('--pdfa', 'archival PDF/A-2a output')
    .option('--slides', 'also write slide decks')
    .addOption(new Option('--reporter <kind>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .action((dir: string | undefined, o: Record<string, unknown>) => {
      const { reporter, ...flags } = o;
      const r = resolveSettings({ flags, ...(dir !== undefined ? { cwd: dir } : {}) });
      // The marking scheme is read too, so a broken scheme file shows here, at its line.
      const scheme = r.ok ? schemeProblems(r.resolved) : [];
      reportAs([...r.diagnostics, ...scheme], reporter, io);
      if (!r.ok || scheme.length) {
        setCode(1);
        return;
      }
      if (reporter === 'json') io.out(jsonLine(settingsJson(r.resolved)));
      else for (const line of settingsText(r.resolved, process.cwd())) io.out(line);
    });
}
