import type { Command } from 'commander';
import { Option } from 'commander';
import { BuildSession, runTargets } from '../build/index.js';
import { eventPrinter } from './build.js';
import type { Io, Report } from './build.js';
import { reporterOption, targetOptionsOf } from './flags.js';
import type { ReporterKind } from './flags.js';

/** Flags of `briefkit pack`. */
interface PackFlags {
  readonly out: string;
  readonly paper: 'a4' | 'letter';
  /** commander's `--no-duplex`: false when given. */
  readonly duplex: boolean;
  readonly pdfa?: boolean;
  readonly templates?: string;
  readonly reporter: ReporterKind;
}

/**
 * `briefkit pack <manifest>`: the bound pack and each briefing as its own PDF, always rebuilt.
 * The same session and run as `build` of the manifest, so the build manifest records them and
 * `check` agrees.
 */
export function registerPack(program: Command, io: Io, setCode: (code: number) => void, report: Report): void {
  program.command('pack')
    .description('bind the briefings a pack manifest names into one PDF, and write each briefing too')
    .argument('<manifests...>', 'pack manifest files (data/packs/*.yaml)')
    .option('-o, --out <dir>', 'output folder', 'output')
    .addOption(new Option('--paper <size>', 'paper size').choices(['a4', 'letter']).default('a4'))
    .option('--no-duplex', 'one-sided printing: no blank pages before briefings')
    .option('--pdfa', 'archival PDF/A-2a output')
    .option('--templates <dir>', 'folder of template kinds')
    .addOption(reporterOption())
    .action(async (manifests: string[], f: PackFlags) => {
      // The options as `build` and `check` state them, so the manifest entries match theirs.
      const options = {
        ...targetOptionsOf({ paper: f.paper, ...(f.pdfa ? { pdfa: true } : {}), ...(f.templates !== undefined ? { templates: f.templates } : {}) }),
        ...(f.duplex === false ? { duplex: false } : {}),
      };
      const session = new BuildSession(options);
      setCode(await runTargets(session, manifests, { outDir: f.out, force: true, jobs: 1 }, eventPrinter(io, f.reporter, report, manifests.length)));
    });
}
