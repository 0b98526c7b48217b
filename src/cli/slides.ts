/**
 * `briefkit slides`: builds each briefing's slide deck as `<id>-slides.pdf` (16:9, tagged,
 * a bookmark per slide) and `<id>.pptx` (editable text, native charts, speaker notes): the
 * build session's decks only, always rebuilt and recorded in the build manifest.
 */
import { Option } from 'commander';
import type { Command } from 'commander';
import { runTargets } from '../build/index.js';
import { runEventsTo } from '../report/index.js';
import type { ReporterFlags } from '../report/index.js';
import type { Io } from './build.js';
import { sessionFor, startRun } from './build.js';
import { withReporter } from './flags.js';
import { findTargets } from '../build/index.js';

/** Without arguments, decks are made for every briefing (packs have none of their own). */
const DEFAULT_DIR = 'data/briefings';

/** Flags of `briefkit slides`. */
interface SlidesFlags extends ReporterFlags {
  readonly out?: string;
  readonly theme?: string;
  readonly marking?: string;
  readonly overflow: 'continue' | 'error';
  readonly templates?: string;
}

/**
 * Adds `briefkit slides [files...] --out DIR` to the program. `setCode` receives the exit code:
 * 1 when a file has errors (its previous outputs are left as they were), 2 for usage errors.
 */
export function registerSlides(program: Command, io: Io, setCode: (code: number) => void): void {
  withReporter(program.command('slides')
    .description('build slide decks: <id>-slides.pdf (16:9) and <id>.pptx (default: every file in data/briefings/)')
    .argument('[files...]', 'briefing data files or folders (.yaml, .yml, .json)')
    .option('-o, --out <dir>', 'output folder (default: the project\'s, else output)')
    .option('--theme <name|file>', 'a built-in theme (default, print) or a theme file')
    .addOption(new Option('--overflow <mode>', 'text too long for a slide: continue on a "(cont.)" slide, or fail')
      .choices(['continue', 'error']).default('continue'))
    .option('--templates <dir>', 'folder of template kinds, holding slides/ (default: the bundled templates/)'))
    .action(async (files: string[], f: SlidesFlags) => {
      const run = startRun('slides', f, io, setCode);
      try {
        const { files: targets, problems } = findTargets(files, [DEFAULT_DIR]);
        run.r.diagnostics(problems);
        if (problems.length) run.code(1);
        const s = sessionFor({ ...f, slides: true }, run, true);
        if (!s) return;
        const { session } = s;
        const packs = targets.filter((t) => session.kind(t) === 'pack');
        for (const p of packs) run.r.failed({ file: p, paths: [] });
        if (packs.length) {
          run.r.note('a pack manifest has no slide deck of its own: name its briefings');
          run.code(1);
        }
        run.code(await runTargets(session, targets.filter((t) => !packs.includes(t)), { outDir: s.settings.out, force: true, jobs: 1 }, runEventsTo(run.r, targets.length)));
      } finally {
        run.finish();
      }
    });
}
