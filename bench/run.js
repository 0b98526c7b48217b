// `npm run bench`: speed, memory and size of briefkit on this machine, with medians, printed as
// a table beside the targets and the peer engines' figures, and saved in bench/results/.
// Not a test: the machine is noisy, so only compare figures taken side by side in one run.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prng, synthetic, writePack } from './synthetic.js';

const RUNS = Number(process.env.RUNS ?? 5);
const WARM_DOCS = Number(process.env.WARM_DOCS ?? 20);
const SCALE = (process.env.SCALE ?? '125,250,500,1000').split(',').filter(Boolean).map(Number);
/** Briefings of the sharded build (`SHARD=0` leaves it out), split `SHARDS` ways. */
const SHARD = Number(process.env.SHARD ?? 1000);
const SHARDS = 4;
/** `--peers`: measure the Typst engine of ../shared/peers side by side (when it is set up). */
const WITH_PEERS = process.argv.includes('--peers');
const PEERS_DIR = join('..', 'shared', 'peers');
const PEERS_NODE = join(process.env.PEERS_NODE ?? '/tmp/peers-node', 'node_modules');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Peer engines' figures from the harness in ../shared/peers (same machine kind, one run each);
 * with `--peers`, Typst's are replaced by figures measured in this run.
 */
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

/** Whole-process wall time of a command, `runs` times after one untimed warm-up (median). */
function timeCommand(cmd, args, runs, env = {}) {
  const walls = [];
  for (let i = 0; i <= runs; i++) {
    const t = performance.now();
    const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env } });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed\n${r.stderr}`);
    if (i > 0) walls.push((performance.now() - t) / 1000);
  }
  return median(walls);
}

/** Typst (chart.js SVG, and native) of the peers harness, when set up: cold and pack of 50. */
function typstPeer(scratch) {
  const render = join(PEERS_DIR, 'typst', 'render.js');
  if (!existsSync(render) || !existsSync(join(PEERS_NODE, '@myriaddreamin'))) {
    process.stderr.write(`--peers: the Typst engine is not set up (run ${PEERS_DIR}/setup.sh); using the stored figures\n`);
    return undefined;
  }
  const out = {};
  for (const [name, chart] of [['typst', 'svg'], ['typst-native', 'native']]) {
    const env = { NODE_PATH: PEERS_NODE, TYPST_CHART: chart };
    out[name] = {
      cold: timeCommand(process.execPath, [render, 'one', join(scratch, `${name}.pdf`)], RUNS, env),
      pack50: timeCommand(process.execPath, [render, 'pack', '50', join(scratch, `${name}-pack.pdf`)], Math.min(RUNS, 3), env),
    };
  }
  return out;
}

/** sha-256 of every file under `dir` (relative names), build manifests left out. */
function treeHashes(dir, base = dir, into = {}) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) treeHashes(p, base, into);
    else if (!e.name.startsWith('.')) into[p.slice(base.length + 1)] = createHash('sha256').update(readFileSync(p)).digest('hex');
  }
  return into;
}

/**
 * `SHARD` synthetic briefings built on one machine, then split `SHARDS` ways with --shard k/n
 * (one after another here: each stands for a CI machine): time per shard, that no output is
 * built by two shards, and that the union of the shards' outputs is the single build's.
 */
function shardedBuild(scratch) {
  const dir = join(synthDir, 'shard');
  mkdirSync(dir, { recursive: true });
  const rand = prng(4242);
  for (let i = 1; i <= SHARD; i++) writeFileSync(join(dir, `s${String(i).padStart(4, '0')}.yaml`), synthetic(i, rand));
  const cli = (out, extra) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, ['bench/child.js', 'cli', 'build', dir, '--out', out, '--force', ...extra], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`sharded build failed\n${r.stderr}`);
    return (performance.now() - t) / 1000;
  };
  const single = cli(join(scratch, 'shard-all'), []);
  const all = treeHashes(join(scratch, 'shard-all'));
  const union = {};
  let clashes = 0;
  const shards = [];
  for (let k = 1; k <= SHARDS; k++) {
    const out = join(scratch, `shard-${k}`);
    const seconds = cli(out, ['--shard', `${k}/${SHARDS}`]);
    const files = treeHashes(out);
    for (const [name, hash] of Object.entries(files)) {
      if (name in union) clashes++;
      union[name] = hash;
    }
    shards.push({ shard: `${k}/${SHARDS}`, seconds, outputs: Object.keys(files).length });
  }
  const same = JSON.stringify(Object.entries(union).sort()) === JSON.stringify(Object.entries(all).sort());
  return { briefings: SHARD, single, shards, clashes, identical: same, outputs: Object.keys(all).length };
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
  const typst = WITH_PEERS ? typstPeer(scratch) : undefined;
  if (typst) {
    Object.assign(PEERS.typst, typst.typst, { measured: true });
    Object.assign(PEERS['typst-native'], typst['typst-native'], { measured: true });
  }
  f.peers = { typst: PEERS.typst, typstNative: PEERS['typst-native'] };
  f.cold = { seconds: cold.seconds, maxRssMB: cold.maxRssMB, target: `<= ${PEERS.typst.cold} s (1.0x typst)` };
  f.coldNoCache = { seconds: coldBare.seconds, maxRssMB: coldBare.maxRssMB };
  process.stderr.write('warm builds…\n');
  const w = await warm(scratch);
  f.warmUnchanged = { ms: w.unchanged.ms, stages: w.unchanged.stages, target: 15 };
  f.warmChanged = { ms: w.changed.ms, stages: w.changed.stages, target: 25 };
  process.stderr.write('pack of 50…\n');
  const m50 = writePack(join(synthDir, 'p50'), 50, 1995, { varyCharts: false });
  const packRuns = Math.min(RUNS, 3);
  const p50 = timeProcess(['pack', m50, join(scratch, 'p50.pdf')], packRuns);
  // The command users run, in a fresh process: load, read, lay out, write (no copies by default).
  const cliPack = timeProcess(['cli', 'pack', m50, '--out', join(scratch, 'p50-cli')], packRuns);
  const cliPackSep = timeProcess(['cli', 'pack', m50, '--out', join(scratch, 'p50-sep'), '--separate'], packRuns);
  f.pack50 = { seconds: p50.seconds, maxRssMB: p50.maxRssMB, pages: p50.last.pages, sizeMB: p50.last.bytes / 1e6, sizeTarget: 1.0 };
  f.pack50Cli = { seconds: cliPack.seconds, maxRssMB: cliPack.maxRssMB, ratioInProcess: cliPack.seconds / p50.seconds, ratioTypst: cliPack.seconds / PEERS.typst.pack50, target: '<= 1.2x in-process, <= 1.5x typst' };
  f.pack50CliSeparate = { seconds: cliPackSep.seconds, maxRssMB: cliPackSep.maxRssMB };
  f.scaling = [];
  for (const n of SCALE) {
    process.stderr.write(`pack of ${n}…\n`);
    const m = writePack(join(synthDir, `p${n}`), n, 1995 + n);
    const r = timeProcess(['pack', m, join(scratch, `p${n}.pdf`)], 1);
    f.scaling.push({ briefings: n, seconds: r.seconds, maxRssMB: r.maxRssMB, pages: r.last.pages, sizeMB: r.last.bytes / 1e6 });
  }
  if (SHARD > 0) {
    process.stderr.write(`build of ${SHARD} briefings, then ${SHARDS} shards…\n`);
    f.sharded = shardedBuild(scratch);
  }

  const ty = PEERS.typst;
  const tyN = PEERS['typst-native'];
  const peerNote = ty.measured ? 'measured in this run' : 'stored figures (--peers measures them)';
  const ratio = (a, b) => (a / b).toFixed(2);
  const rows = [
    ['figure', 'briefkit', 'target', 'typst (chart.js SVG)', 'ratio', 'typst-native', 'ratio'],
    ['cold build (s)', cold.seconds.toFixed(2), `<= 1.0x typst`, ty.cold.toFixed(2), ratio(cold.seconds, ty.cold), tyN.cold.toFixed(2), ratio(cold.seconds, tyN.cold)],
    ['cold build, no caches (s)', coldBare.seconds.toFixed(2), '', ty.cold.toFixed(2), ratio(coldBare.seconds, ty.cold), tyN.cold.toFixed(2), ratio(coldBare.seconds, tyN.cold)],
    ['warm, charts unchanged (ms)', w.unchanged.ms.toFixed(1), '<= 15', ty.warm, ratio(w.unchanged.ms, ty.warm), tyN.warm, ratio(w.unchanged.ms, tyN.warm)],
    ['warm, every chart changed (ms)', w.changed.ms.toFixed(1), '<= 25', ty.warm, ratio(w.changed.ms, ty.warm), tyN.warm, ratio(w.changed.ms, tyN.warm)],
    [`pack of 50, in-process (s, ${p50.last.pages} pages)`, p50.seconds.toFixed(2), '', ty.pack50.toFixed(2), ratio(p50.seconds, ty.pack50), tyN.pack50.toFixed(2), ratio(p50.seconds, tyN.pack50)],
    ['briefkit pack of 50 (s)', cliPack.seconds.toFixed(2), '<= 1.5x typst', ty.pack50.toFixed(2), ratio(cliPack.seconds, ty.pack50), tyN.pack50.toFixed(2), ratio(cliPack.seconds, tyN.pack50)],
    ['  ... / in-process pack', ratio(cliPack.seconds, p50.seconds), '<= 1.20', '', '', '', ''],
    ['briefkit pack --separate of 50 (s, + 50 PDFs)', cliPackSep.seconds.toFixed(2), '', '', '', '', ''],
    ['pack of 50 size (MB)', (p50.last.bytes / 1e6).toFixed(2), '<= 1.0', ty.size50, ratio(p50.last.bytes / 1e6, ty.size50), tyN.size50, ratio(p50.last.bytes / 1e6, tyN.size50)],
    ['peak memory, cold (MB)', cold.maxRssMB.toFixed(0), '', '103', '', '71', ''],
  ];
  for (const s of f.scaling) rows.push([`pack of ${s.briefings} (s / peak MB, ${s.pages} pages)`, `${s.seconds.toFixed(2)} / ${s.maxRssMB.toFixed(0)}`, s.briefings === 1000 ? '<= 12 / <= 300' : '', '', '', '', '']);
  for (let i = 1; i < f.scaling.length; i++) {
    const a = f.scaling[i - 1];
    const b = f.scaling[i];
    rows.push([`growth ${a.briefings}->${b.briefings} (x time for x${b.briefings / a.briefings})`, (b.seconds / a.seconds).toFixed(2), '<= 2.10', '', '', '', '']);
  }
  if (f.sharded) {
    const sh = f.sharded;
    rows.push([`build of ${sh.briefings} briefings, one machine (s)`, sh.single.toFixed(2), '', '', '', '', '']);
    for (const x of sh.shards) rows.push([`  shard ${x.shard} (s, ${x.outputs} outputs)`, x.seconds.toFixed(2), `<= ${(sh.single / SHARDS * 1.25).toFixed(2)}`, '', '', '', '']);
    rows.push(['  shards: outputs built twice / union = single build', `${sh.clashes} / ${sh.identical ? 'yes' : 'NO'}`, '0 / yes', '', '', '', '']);
  }
  const widths = rows[0].map((_c, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const r of rows) console.log(r.map((c, i) => String(c).padEnd(widths[i])).join('  '));
  console.log(`\npeers: ${peerNote}`);
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
