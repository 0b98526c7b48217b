// Bundles the CLI and its workers into single ES modules: a cold start then loads a few files
// instead of a few hundred. Native and rarely used modules stay external (loaded on demand).
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS dependencies inside an ES module bundle need a require of their own.
  banner: { js: "import { createRequire as __bkRequire } from 'node:module'; const require = __bkRequire(import.meta.url);" },
  external: ['canvas', 'chartjs-node-canvas', 'pdfjs-dist', 'nodemailer', 'pixelmatch', 'pngjs', 'hyphen', 'hyphen/*'],
};

// Code splitting: what a command loads on use (slides, mail, diff) lives in its own chunk, so
// a plain build never parses it. Chunk names change with their content: old ones are removed.
rmSync('dist/chunks', { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { 'cli.bundle': 'src/cli/main.ts', 'worker.bundle': 'src/build/worker.ts', 'prepare.bundle': 'src/build/prepare-worker.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});

// pdfkit reads its colour profile (PDF/A output intent) next to its own module: bundled, that
// is the chunk or entry file it landed in.
for (const dir of ['dist/data', 'dist/chunks/data']) {
  mkdirSync(dir, { recursive: true });
  copyFileSync('node_modules/pdfkit/js/data/sRGB_IEC61966_2_1.icc', `${dir}/sRGB_IEC61966_2_1.icc`);
}
