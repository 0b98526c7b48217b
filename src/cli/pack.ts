import type { Command } from 'commander';
import { Option } from 'commander';
import { BuildSession, runTargets } from '../build/index.js';
import { runEventsTo } from '../report/index.js';
import type { ReporterFlags } from '../report/index.js';
import { sessionFor, startRun } from './build.js';
import type { Io } from './build.js';
import { withReporter } from './flags.js';

/** Flags of `briefkit pack`. */
interface PackFlags extends ReporterFlags {
  readonly out?: string;
  readonly paper?: 'a4' | 'letter';
  readonly theme?: string;
  readonly marking?: string;
  /** commander's `--no-duplex`: false when given. */
  readonly duplex: boolean;
  readonly pdfa?: boolean;
  readonly templates?: string;
  readonly separate?: boolean;
}

/**
 * `briefkit pack <manifest>`: the bound pack (with `--separate`, each briefing as its own PDF
 * too), always rebuilt. The same session and run as `build` of the manifest, so the build
 * manifest records them and `check` agrees.
 */
export function registerPack(program: Command, io: Io, setCode: (code: number) => void): void {
  withReporter(program.command('pack')
    .description('bind the briefings a pack manifest names into one PDF (with --separate, write each briefing too)')
    .argument('<manifests...>', 'pack manifest files (data/packs/*.yaml)')
    .option('-o, --out <dir>', 'output folder (default: the project\'s, else output)')
    .addOption(new Option('--paper <size>', 'paper size (default: the project\'s, else a4)').choices(['a4', 'letter']))
    .option('--no-duplex', 'one-sided printing: no blank pages before briefings')
    .option('--theme <name|file>', 'a built-in theme (default, print) or a theme file')
    .option('--marking <scheme>', 'marking scheme: canada, nato, none or a scheme file')
    .option('--pdfa', 'archival PDF/A-2a output')
    .option('--templates <dir>', 'folder of template kinds')
    .option('--separate', 'also write each briefing alone in the pack\'s print settings, as <out>/<pack id>/<id>.pdf'))
    .action(async (manifests: string[], f: PackFlags) => {
      const run = startRun('pack', f, io, setCode);
      try {
        // The options as `build` and `check` state them, so the manifest entries match theirs.
        const s = sessionFor({ ...f, duplex: false, overflow: 'continue' }, run);
        if (!s) return;
        const options = {
          ...s.session.options,
          ...(f.duplex === false ? { duplex: false } : {}),
          ...(f.separate === true ? { separate: true } : {}),
        };
        const session = new BuildSession(options, s.session.inputFiles);
        run.code(await runTargets(session, manifests, { outDir: s.settings.out, force: true, jobs: 1 }, runEventsTo(run.r, manifests.length)));
      } finally {
        run.finish();
      }
    });
}
