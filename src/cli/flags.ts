/**
 * Typed command-line flags: each command's options as commander hands them over, checked
 * (`settings.ts` turns them into the build session's options). No command reads `o['…']`.
 */
import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import { reporterOptions } from '../report/index.js';
import type { ReporterFlags } from '../report/index.js';
import { DEFAULT_GUTTER_MM } from '../theme/index.js';

/** Flags shared by `build` and `check`. */
export interface OutputFlags extends ReporterFlags {
  /** Unset: the project's setting (default `output`). */
  readonly out?: string;
  /** Unset: the project's setting (default a4). */
  readonly paper?: 'a4' | 'letter';
  readonly theme?: string;
  readonly marking?: string;
  readonly duplex?: boolean;
  readonly bleed?: number;
  readonly gutter?: number;
  readonly pdfa?: boolean;
  readonly cover?: boolean;
  readonly toc?: boolean;
  readonly templates?: string;
  readonly slides?: boolean;
  readonly overflow: 'continue' | 'error';
  readonly shard?: string;
}

/** `build` adds these. */
export interface BuildFlags extends OutputFlags {
  readonly force?: boolean;
  readonly jobs?: number;
  readonly watch?: boolean;
}

/** A number option within [min, max]; outside it, commander's usage error (exit 2) says why. */
export function numberIn(min: number, max: number, what: string): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw new InvalidArgumentError(`${what} from ${min} to ${max}`);
    return n;
  };
}

/** A whole number option of at least 1. */
export function positiveInt(what: string): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${what} (a whole number, 1 or more)`);
    return n;
  };
}

/** Adds the reporter's options (`--reporter`, `--quiet`, `--verbose`), the same on every command. */
export function withReporter(cmd: Command): Command {
  for (const o of reporterOptions()) cmd.addOption(o);
  return cmd;
}

/** The options of `build` and `check`. */
export function outputOptions(cmd: Command): Command {
  cmd
    .argument('[files...]', 'briefing data files, pack manifests or folders (default: data/briefings data/packs)')
    .option('-o, --out <dir>', 'output folder (default: the project\'s, else output)')
    .addOption(new Option('--paper <size>', 'paper size (default: the project\'s, else a4)').choices(['a4', 'letter']))
    .option('--duplex', 'mirrored margins for two-sided printing')
    .option('--theme <name|file>', 'a built-in theme (default, print) or a theme file (default: the project\'s, else default)')
    .option('--marking <scheme>', 'marking scheme: canada, nato, none or a scheme file (default: the project\'s, else canada)')
    .option('--bleed <pt>', 'bleed in points, with trim/bleed boxes and crop marks', numberIn(0, 36, '--bleed takes a number of points'))
    .option('--gutter <mm>', `binding gutter with --duplex: extra inside margin in millimetres (default ${DEFAULT_GUTTER_MM})`, numberIn(0, 50, '--gutter takes a number of millimetres'))
    .option('--pdfa', 'archival PDF/A-2a output')
    .option('--cover', 'add a cover page')
    .option('--toc', 'add a table of contents')
    .option('--templates <dir>', 'folder of template kinds (default: the bundled templates/)')
    .option('--slides', 'also write each briefing\'s slide decks (<id>-slides.pdf, <id>.pptx); a deck that fails never stops the print PDF')
    .addOption(new Option('--overflow <mode>', 'with --slides: slide text too long for a slide continues on a "(cont.)" slide, or fails the deck')
      .choices(['continue', 'error']).default('continue'))
    .option('--shard <k/n>', 'build only the k-th of n slices of the targets (split across CI machines)');
  return withReporter(cmd);
}

/** `--shard k/n`: the k-th of n deterministic slices of the targets (1-based), or why the spec is wrong. */
export function shard(files: readonly string[], spec: string | undefined): string[] | string {
  if (!spec) return [...files];
  const m = /^(\d+)\/(\d+)$/.exec(spec);
  const k = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || n < 1 || k < 1 || k > n) return `--shard takes k/n with 1 <= k <= n, e.g. 2/4 (got "${spec}")`;
  return files.filter((_f, i) => i % n === k - 1);
}
