import { join } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { showText } from '../diag/escape.js';
import type { Diagnostic } from '../diag/types.js';
import { fileHash, inputsHash, updateManifest } from '../incremental/index.js';
import type { OutputRecord } from '../incremental/index.js';
import { buildPack } from '../pack/index.js';
import type { TargetOptions } from '../targets.js';
import { writeFileAtomic } from '../util/fs.js';
import { buildOptionsOf } from './build.js';

interface Io {
  out(s: string): void;
  err(s: string): void;
}

/** `briefkit pack <manifest>`: the bound pack and each briefing as its own PDF. */
export function registerPack(
  program: Command,
  io: Io,
  setCode: (code: number) => void,
  report: (d: readonly Diagnostic[], reporter: string) => void,
): void {
  program.command('pack')
    .description('bind the briefings a pack manifest names into one PDF, and write each briefing too')
    .argument('<manifests...>', 'pack manifest files (data/packs/*.yaml)')
    .option('-o, --out <dir>', 'output folder', 'output')
    .addOption(new Option('--paper <size>', 'paper size').choices(['a4', 'letter']).default('a4'))
    .option('--no-duplex', 'one-sided printing: no blank pages before briefings')
    .option('--pdfa', 'archival PDF/A-2a output')
    .option('--templates <dir>', 'folder of template kinds')
    .addOption(new Option('--reporter <kind>', 'diagnostics format').choices(['text', 'json', 'github']).default('text'))
    .action(async (manifests: string[], o: Record<string, unknown>) => {
      // The options as `build` and `check` state them, so the build manifest entries this
      // writes are the ones `check` (and a later `build`) compares against.
      const options: TargetOptions = {
        ...buildOptionsOf({ paper: o['paper'], pdfa: o['pdfa'], templates: o['templates'] }),
        ...(o['duplex'] === false ? { duplex: false } : {}),
      };
      for (const file of manifests) {
        const started = performance.now();
        const r = await buildPack(file, options);
        report(r.diagnostics, String(o['reporter']));
        if (!r.ok) {
          setCode(1);
          io.err(`briefkit: ${showText(file)}: pack not built (previous outputs, if any, are unchanged)`);
          continue;
        }
        const outDir = String(o['out']);
        // The same output names as `build` of the manifest (src/targets.ts).
        const names = [`${r.manifest.id}.pdf`, ...r.briefings.map((b) => `${r.manifest.id}/${b.briefing.id}.pdf`)];
        try {
          // Every file is complete before any is renamed into place.
          writeFileAtomic(join(outDir, `${r.manifest.id}.pdf`), r.pdf);
          for (const b of r.briefings) writeFileAtomic(join(outDir, r.manifest.id, `${b.briefing.id}.pdf`), b.pdf);
          const { hash } = inputsHash(file, options, options.templatesDir);
          const outputs: Record<string, OutputRecord> = {};
          for (const n of names) outputs[n] = { source: file, inputs: hash, output: fileHash(join(outDir, n)) };
          await updateManifest(outDir, outputs);
        } catch (e) {
          const diags = (e as { diagnostics?: Diagnostic[] }).diagnostics;
          if (!diags) throw e;
          report(diags, String(o['reporter']));
          setCode(1);
          continue;
        }
        const ms = Math.round(performance.now() - started);
        io.out(`built ${showText(join(outDir, `${r.manifest.id}.pdf`))} (${r.pages} pages, ${r.briefings.length} briefings, marked ${showText(r.marking)}, ${ms} ms)`);
        for (const b of r.briefings) io.out(`built ${showText(join(outDir, r.manifest.id, `${b.briefing.id}.pdf`))} (${b.pages} pages)`);
      }
    });
}
