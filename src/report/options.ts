/**
 * The reporter's command-line options, the same on every command: `--reporter <kind>`,
 * `--quiet`, `--verbose` (which exclude each other).
 */
import { Option } from 'commander';
import { createReporter } from './reporter.js';
import type { Reporter, ReporterIo, ReporterKind, Verbosity } from './types.js';
import { REPORTER_KINDS } from './types.js';

/** The flags as commander parses them. */
export interface ReporterFlags {
  readonly reporter?: ReporterKind;
  readonly quiet?: boolean;
  readonly verbose?: boolean;
}

/** The three options, to add to a command with `.addOption`. */
export function reporterOptions(): Option[] {
  return [
    new Option('--reporter <kind>', 'output form: text, json (one document), jsonl (one object per line), github (annotations)')
      .choices([...REPORTER_KINDS]).default('text'),
    new Option('-q, --quiet', 'print errors only').conflicts('verbose'),
    new Option('--verbose', 'print more detail'),
  ];
}

/** The verbosity the flags ask for. */
export function verbosityOf(f: ReporterFlags): Verbosity {
  return f.quiet === true ? 'quiet' : f.verbose === true ? 'verbose' : 'normal';
}

/** The reporter for a command's parsed flags. */
export function reporterFor(command: string, f: ReporterFlags, io: ReporterIo): Reporter {
  return createReporter({ kind: f.reporter ?? 'text', verbosity: verbosityOf(f), command, io });
}
