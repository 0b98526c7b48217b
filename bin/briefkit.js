#!/usr/bin/env node
// The CLI entry: a thin shim over the bundled CLI in dist/ (built by `npm run build`).
import v8 from 'node:v8';

// Building a PDF makes many short-lived objects; a larger young generation means fewer
// scavenges (a pack of 250 briefings: 9.5 s -> 7.9 s, same peak memory). Set before loading.
// A slower-growing old generation keeps big packs' peak memory down at no measurable cost in
// time (a pack of 1,000 briefings: 603 -> 525 MB).
v8.setFlagsFromString('--max-semi-space-size=32');
v8.setFlagsFromString('--heap-growing-percent=30');

// Chart drawings kept on disk by content hash (src/charts/disk-cache.ts): a cold build of
// unchanged charts does not draw them again. On for the CLI; BRIEFKIT_CACHE=0 turns it off.
process.env.BRIEFKIT_CHART_CACHE ||= '1';

const { main } = await import('../dist/cli.bundle.mjs').catch(() => import('../dist/cli/main.js'));

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    // An internal error (a bug): the stack, with control, format and bidi characters shown
    // as <U+XXXX> like every other line, since a message may quote user data.
    const text = String((err && err.stack) || err);
    // eslint-disable-next-line no-control-regex -- these are the characters escaped
    console.error(text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g,
      (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`));
    console.error('briefkit: internal error (a bug): please report it with the lines above');
    process.exitCode = 70;
  },
);
