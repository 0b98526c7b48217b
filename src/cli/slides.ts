/**
 * `briefkit slides`: builds each briefing's slide deck as `<id>-slides.pdf` (16:9, tagged,
 * a bookmark per slide) and `<id>.pptx` (editable text, native charts, speaker notes): the
 * build session's decks only, always rebuilt and recorded in the build manifest.
 */
import { Option } from 'commander';
import type { Command } from 'commander';
import { runTargets } from '../build/index.js';
import { jsonLine, showText } from '../diag/escape.js';
import type { Io, Report } from './build.js';
import { defaultReport, eventPrinter, sessionFor } from './build.js';
import { reporterOption } from './flags.js';
import type { ReporterKind } from './flags.js';
import { findTargets } from './inputs.js';

/** Without arguments, decks are made for every briefing (packs have none of their own). */
const DEFAULT_DIR = 'data/briefings';

/** Flags of `briefkit slides`. */
interface SlidesFlags {
  readonly out?: string;
  readonly theme?: string;
  readonly marking?: string;
  readonly overflow: 'continue' | 'error';
  readonly templates?: string;
  readonly reporter: ReporterKind;
}

/**
 * Adds `briefkit slides [files...] --out DIR` to the program. `setCode` receives the exit code:
 * 1 when a file has errors (its previous outputs are left as they were), 2 for usage errors.
 */
export function registerSlides(program: Command, io: Io, setCode: (code: number) => void, report: Report = defaultReport(io)): void {
  program.command('slides')
    .description('build slide decks: <id>-slides.pdf (16:9) and <id>.pptx (default: every file in data/briefings/)')
    .argument('[files...]', 'briefing data files or folders (.yaml, .yml, .json)')
    .option('-o, --out <dir>', 'output folder (default: the project\'s, else output)')
    .option('--theme <name|file>', 'a built-in theme (default, print) or a theme file')
    .addOption(new Option('--overflow <mode>', 'text too long for a slide: continue on a "(cont.)" slide, or fail')
      .choices(['continue', 'error']).default('continue'))
    .option('--templates <dir>', 'folder of template kinds, holding slides/ (default: the bundled templates/)')
    .addOption(reporterOption())
    .action(async (files: string[], f: SlidesFlags) => {
      const { files: targets, problems } = findTargets(files, [DEFAULT_DIR]);
      report(problems, f.reporter);
      if (problems.length) setCode(1);
      const s = sessionFor({ ...f, slides: true }, io, setCode, report, true);
      if (!s) return;
      const { session } = s;
      const packs = targets.filter((t) => session.kind(t) === 'pack');
      for (const p of packs) io.err(`briefkit: ${showText(p)}: a pack manifest has no slide deck of its own (give its briefings)`);
      if (packs.length) setCode(1);
      // The deck's two files are announced on one line, as authors read them together.
      const pending = new Map<string, { path: string; pages: number; bytes: number }>();
      const print = eventPrinter(io, f.reporter, report, targets.length);
      const code = await runTargets(session, targets.filter((t) => !packs.includes(t)), { outDir: s.settings.out, force: true, jobs: 1 }, (e) => {
        if (e.kind !== 'built') return print(e);
        const first = pending.get(e.file);
        if (!first) {
          pending.set(e.file, e);
          return;
        }
        pending.delete(e.file);
        if (f.reporter === 'json') io.out(jsonLine({ built: [first.path, e.path], slides: e.pages, bytes: [first.bytes, e.bytes] }));
        else io.out(`built ${showText(first.path)} and ${showText(e.path)} (${e.pages} slides, ${Math.round(first.bytes / 1024)} KB + ${Math.round(e.bytes / 1024)} KB)`);
      });
      setCode(code);
    });
}
