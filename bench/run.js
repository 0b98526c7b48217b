// `npm run bench`: speed, memory and size of briefkit on this machine, with medians, printed as
// a table beside the targets and the peer engines' figures, and saved in bench/results/.
// Not a test: the machine is noisy, so only compare figures taken side by side in one run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prng, synthetic, writePack } from './synthetic.js';

const RUNS = Number(process.env.RUNS ?? 5);
const WARM_DOCS = Number(process.env.WARM_DOCS ?? 20);
const SCALE = (process.env.SCALE ?? '125,250,500,1000').split(',').filter(Boolean).map(Number);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Peer engines' figures from the harness in ../shared/peers (same machine kind, one run each). */
const PEERS = {
  'typst-native': { cold: 0.15, warm: 9, pack50: 0.65, size50: 1.0 },
  typst: { cold: 0.39, warm: 27, pack50: 1.55, size50: 2.1 },
  'pdfkit-naive-svg': { cold: 0.97, warm: 145, pack50: 4.0, size50: 1.4 },
  pdfmake: { cold: 1.11, warm: 190, pack50: 5.4, size50: 1.6 },
  weasyprint: { cold: 1.31, warm: 491, pack50: 14.3, size50: 1.4 },
  chromium: { cold: 1.72, warm: 626, pack50: 9.7, size50: 3.8 },
};

/** Runs a child job `runs` times after one untimed warm-up; whole-process wall time. */
function timeProcess(args, runs, env = {}) {
  const walls = [];
  const rss = [];
  let last;
  for (let i = 0; i <= runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, ['bench/child.js', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
    const wall = (performance.now() - t) / 1000;
    if (r.status !== 0) throw new Error(`bench job failed: ${args.join(' ')}\n${r.stderr}`);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    last = Object.assign({}, ...lines);
    if (i === 0) continue;
    walls.push(wall);
    rss.push(last.maxRssMB);
  }
  return { seconds: median(walls), maxRssMB: Math.max(...rss), last };
}

async function warm(scratch) {
  const { buildBriefing, lastTimings } = await import('../dist/index.js');
  const rand = prng(7);
  const same = readFileSync('data/briefings/canada-korea-1995.yaml', 'utf8');
  const docs = (vary) => Array.from({ length: WARM_DOCS + 2 }, (_v, i) => vary ? synthetic(i + 1, rand) : same.replace('id: canada-korea-1995', `id: warm-${i}`));
  const run = async (texts) => {
    const times = [];
    const stages = [];
    for (let i = 0; i < texts.length; i++) {
      const t = performance.now();
      const r = await buildBriefing({ file: join(scratch, `warm-${i}.yaml`), text: texts[i] });
      if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
      writeFileSync(join(scratch, `warm-${i}.pdf`), r.pdf);
      if (i >= 2) {
        times.push(performance.now() - t);
        stages.push(lastTimings());
      }
    }
    const stageMedians = Object.fromEntries(Object.keys(stages[0] ?? {}).map((k) => [k, Number(median(stages.map((s) => s[k] ?? 0)).toFixed(1))]));
    return { ms: median(times), stages: stageMedians };
  };
  await run(docs(false).slice(0, 3));
  return { unchanged: await run(docs(false)), changed: await run(docs(true)) };
}

const scratch = mkdtempSync(join(tmpdir(), 'briefkit-bench-'));
const synthDir = join('bench', '.synthetic');
rmSync(synthDir, { recursive: true, force: true });
try {
  const results = { date: new Date().toISOString(), node: process.version, runs: RUNS, figures: {} };
  const f = results.figures;
  process.stderr.write('cold build…\n');
  // With the shaping cache kept between processes (filled by the untimed first run), and without.
  const cold = timeProcess(['cli', 'build', 'data/briefings/canada-korea-1995.yaml', '--out', scratch, '--force'], RUNS, { BRIEFKIT_CACHE_DIR: join(scratch, 'cache') });
  const coldBare = timeProcess(['cli', 'build', 'data/briefings/canada-korea-1995.yaml', '--out', scratch, '--force'], RUNS, { BRIEFKIT_CACHE: '0' });
  f.cold = { seconds: cold.seconds, maxRssMB: cold.maxRssMB, target: 0.35 };
  f.coldNoCache = { seconds: coldBare.seconds, maxRssMB: coldBare.maxRssMB, target: 0.35 };
  process.stderr.write('warm builds…\n');
  const w = await warm(scratch);
  f.warmUnchanged = { ms: w.unchanged.ms, stages: w.unchanged.stages, target: 10 };
  f.warmChanged = { ms: w.changed.ms, stages: w.changed.stages, target: 30 };
  process.stderr.write('pack of 50…\n');
  const m50 = writePack(join(synthDir, 'p50'), 50, 1995, { varyCharts: false });
  const p50 = timeProcess(['pack', m50, join(scratch, 'p50.pdf')], Math.min(RUNS, 3));
  f.pack50 = { seconds: p50.seconds, maxRssMB: p50.maxRssMB, pages: p50.last.pages, sizeMB: p50.last.bytes / 1e6, target: 0.8, sizeTarget: 1.0 };
  f.scaling = [];
  for (const n of SCALE) {
    process.stderr.write(`pack of ${n}…\n`);
    const m = writePack(join(synthDir, `p${n}`), n, 1995 + n);
    const r = timeProcess(['pack', m, join(scratch, `p${n}.pdf`)], 1);
    f.scaling.push({ briefings: n, seconds: r.seconds, maxRssMB: r.maxRssMB, pages: r.last.pages, sizeMB: r.last.bytes / 1e6 });
  }

  const rows = [
    ['figure', 'briefkit', 'target', 'typst-native', 'ratio', 'pdfkit-naive-svg', 'ratio'],
    ['cold build (s)', cold.seconds.toFixed(2), '0.35', PEERS['typst-native'].cold, (cold.seconds / PEERS['typst-native'].cold).toFixed(2), PEERS['pdfkit-naive-svg'].cold, (cold.seconds / PEERS['pdfkit-naive-svg'].cold).toFixed(2)],
    ['cold build, no shaping cache (s)', coldBare.seconds.toFixed(2), '0.35', PEERS['typst-native'].cold, (coldBare.seconds / PEERS['typst-native'].cold).toFixed(2), PEERS['pdfkit-naive-svg'].cold, (coldBare.seconds / PEERS['pdfkit-naive-svg'].cold).toFixed(2)],
    ['warm, charts unchanged (ms)', w.unchanged.ms.toFixed(1), '10', PEERS['typst-native'].warm, (w.unchanged.ms / PEERS['typst-native'].warm).toFixed(2), PEERS['pdfkit-naive-svg'].warm, (w.unchanged.ms / PEERS['pdfkit-naive-svg'].warm).toFixed(2)],
    ['warm, every chart changed (ms)', w.changed.ms.toFixed(1), '30', PEERS['typst-native'].warm, (w.changed.ms / PEERS['typst-native'].warm).toFixed(2), PEERS['pdfkit-naive-svg'].warm, (w.changed.ms / PEERS['pdfkit-naive-svg'].warm).toFixed(2)],
    [`pack of 50 (s, ${p50.last.pages} pages)`, p50.seconds.toFixed(2), '0.8', PEERS['typst-native'].pack50, (p50.seconds / PEERS['typst-native'].pack50).toFixed(2), PEERS['pdfkit-naive-svg'].pack50, (p50.seconds / PEERS['pdfkit-naive-svg'].pack50).toFixed(2)],
    ['pack of 50 size (MB)', (p50.last.bytes / 1e6).toFixed(2), '1.0', PEERS['typst-native'].size50, ((p50.last.bytes / 1e6) / PEERS['typst-native'].size50).toFixed(2), PEERS['pdfkit-naive-svg'].size50, ((p50.last.bytes / 1e6) / PEERS['pdfkit-naive-svg'].size50).toFixed(2)],
    ['peak memory, cold (MB)', cold.maxRssMB.toFixed(0), '', '71', '', '110', ''],
  ];
  for (const s of f.scaling) rows.push([`pack of ${s.briefings} (s, ${s.pages} pages, peak MB)`, `${s.seconds.toFixed(2)} / ${s.maxRssMB.toFixed(0)} MB`, s.briefings === 1000 ? '10 s / 300 MB' : '', '', '', '', '']);
  for (let i = 1; i < f.scaling.length; i++) {
    const a = f.scaling[i - 1];
    const b = f.scaling[i];
    rows.push([`growth ${a.briefings}->${b.briefings} (x time for x${b.briefings / a.briefings})`, (b.seconds / a.seconds).toFixed(2), '<= 2.10', '', '', '', '']);
  }
  const widths = rows[0].map((_c, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const r of rows) console.log(r.map((c, i) => String(c).padEnd(widths[i])).join('  '));
  console.log(`\nwarm stage medians, charts unchanged (ms): ${JSON.stringify(w.unchanged.stages)}`);
  console.log(`warm stage medians, charts changed (ms): ${JSON.stringify(w.changed.stages)}`);
  mkdirSync('bench/results', { recursive: true });
  const out = join('bench/results', `${results.date.slice(0, 19).replace(/[:T]/g, '-')}.json`);
  writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nsaved ${out} (${statSync(out).size} bytes)`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(synthDir, { recursive: true, force: true });
}
