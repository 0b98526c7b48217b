#!/usr/bin/env node
// The CLI entry: a thin shim over the bundled CLI in dist/ (built by `npm run build`).
const { main } = await import('../dist/cli.bundle.mjs').catch(() => import('../dist/cli/main.js'));

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err);
    process.exitCode = 70;
  },
);
