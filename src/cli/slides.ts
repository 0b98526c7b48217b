/**
 * `briefkit slides`: builds each briefing's slide deck as `<id>-slides.pdf` (16:9, tagged,
 * a bookmark per slide) and `<id>.pptx` (editable text, native charts, speaker notes).
 */
import { join } from 'node:path';
import { Option } from 'commander';
import type { Command } from 'commander';
import { formatDiagnostic, formatGithub } from '../diag/format.js';
import { jsonLine, showText } from '../diag/escape.js';
import type { Diagnostic } from '../diag/types.js';
import type { OverflowMode } from '../slides/index.js';
import { writeFileAtomic } from '../util/fs.js';
import { findTargets } from './inputs.js';

interface Io {
  out(s: string): void;
  err(s: string): void;
}

type Reporter = 'text' | 'json' | 'github';

/** Without arguments, decks are made for every briefing (packs have none of their own). */
const DEFAULT_DIR = 'data/briefings';

/** Writes the files in turn; the diagnostics of the first that fails, or none. */
function writeAll(outputs: readonly { path: string; bytes: Buffer }[]): readonly Diagnostic[] {
  for (const o of outputs) {
    try {
      writeFileAtomic(o.path, o.bytes);
    } catch (e) {
      const diags = (e as { diagnostics?: readonly Diagnostic[] }).diagnostics;
      if (!diags) throw e;
      return diags;
    }
  }
  return [];
}

/**
 * Adds `briefkit slides [files...] --out DIR` to the program. `setCode` receives the exit code:
 * 1 when a file has errors (its previous outputs are left as they were), 2 for usage errors.
 */
export function registerSlides(program: Command, io: Io, setCode: (code: number) => void): void {
  program.command('slides')
    .description('build slide decks: <id>-slides.pdf (16:9) and <id>.pptx (default: every file in data/briefings/)')
    .argument('[files...]', 'briefing data files or folders (.yaml, .yml, .json)')
    .option('-o, --out <dir>', 'output folder', 'output')
    .addOption(new Option('--overflow <mode>', 'text too long for a slide: continue on a "(cont.)" slide, or fail')
      .choices(['continue', 'error']).default('continue'))
    .option('--templates <dir>', 'folder of template kinds, holding slides/ (default: the bundled templates/)')
    .addOption(new Option('--reporter <kind>', 'diagnostics format').choices(['text', 'json', 'github']).default('text'))
    .action(async (files: string[], o: Record<string, unknown>) => {
      // Loaded on use: pptxgenjs and the slide code stay off the start-up path of other commands.
      const { buildSlides } = await import('../slides/index.js');
      const reporter = o['reporter'] as Reporter;
      const report = (diags: readonly Diagnostic[]): void => {
        if (reporter === 'json') {
          if (diags.length) io.out(jsonLine({ diagnostics: diags }));
        } else for (const d of diags) io.err(reporter === 'github' ? formatGithub(d) : formatDiagnostic(d));
      };
      const { files: targets, problems } = findTargets(files, [DEFAULT_DIR]);
      report(problems);
      if (problems.length) setCode(1);
      for (const file of targets) {
        const started = performance.now();
        const r = await buildSlides({ file }, {
          overflow: o['overflow'] as OverflowMode,
          ...(typeof o['templates'] === 'string' ? { templatesDir: o['templates'] } : {}),
        });
        report(r.diagnostics);
        if (!r.ok) {
          setCode(1);
          io.err(`briefkit: ${showText(file)}: slides not built (the previous output, if any, is unchanged)`);
          continue;
        }
        const dir = String(o['out']);
        const pdf = join(dir, `${r.briefing.id}-slides.pdf`);
        const pptx = join(dir, `${r.briefing.id}.pptx`);
        const failed = writeAll([{ path: pdf, bytes: r.pdf }, { path: pptx, bytes: r.pptx }]);
        if (failed.length) {
          report(failed);
          setCode(1);
          continue;
        }
        const ms = Math.round(performance.now() - started);
        if (reporter === 'json') io.out(jsonLine({ built: [pdf, pptx], slides: r.slides, bytes: [r.pdf.length, r.pptx.length], ms }));
        else io.out(`built ${showText(pdf)} and ${showText(pptx)} (${r.slides} slides, ${Math.round(r.pdf.length / 1024)} KB + ${Math.round(r.pptx.length / 1024)} KB, ${ms} ms)`);
      }
    });
}
