// Runs one benchmark job in a fresh process and prints its wall time and peak memory as JSON.
// argv: cli <args...> | pack <manifest> <out.pdf> (in-process, no separate copies)
import v8 from 'node:v8';

// The same heap settings as bin/briefkit.js sets for the CLI.
v8.setFlagsFromString('--max-semi-space-size=32');
v8.setFlagsFromString('--heap-growing-percent=30');
// ...and the same chart drawings kept on disk.
process.env.BRIEFKIT_CHART_CACHE ||= '1';
const started = performance.now();
const [kind, ...args] = process.argv.slice(2);
if (kind === 'cli') {
  const { main } = await import('../dist/cli.bundle.mjs');
  const code = await main(args, { out: () => {}, err: (s) => process.stderr.write(s + '\n') });
  if (code !== 0) process.exit(code);
} else if (kind === 'pack') {
  const { buildPack } = await import('../dist/index.js');
  const { writeFileSync } = await import('node:fs');
  const r = await buildPack(args[0], { separate: false });
  if (!r.ok) {
    process.stderr.write(JSON.stringify(r.diagnostics.slice(0, 3)) + '\n');
    process.exit(1);
  }
  writeFileSync(args[1], r.pdf);
  process.stdout.write(JSON.stringify({ pages: r.pages, bytes: r.pdf.length }) + '\n');
}
const ru = process.resourceUsage();
process.stdout.write(JSON.stringify({ ms: performance.now() - started, maxRssMB: ru.maxRSS / 1024 }) + '\n');
