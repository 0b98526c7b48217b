// Synthetic briefings for the benchmark: the default briefing with figures varied from a fixed
// seed, so every run makes the same data. They are marked synthetic in their titles and ids.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small seeded PRNG (mulberry32): the same seed gives the same briefings. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE = readFileSync('data/briefings/canada-korea-1995.yaml', 'utf8');
const r2 = (x) => Math.round(x * 100) / 100;

/** One synthetic briefing's YAML: new id, title marker, and varied (consistent) trade figures. */
export function synthetic(i, rand, { varyCharts = true } = {}) {
  let text = BASE.replace('id: canada-korea-1995', `id: synthetic-${String(i).padStart(4, '0')}`)
    .replace('title: Canada – Republic of Korea', `title: Canada – Republic of Korea (synthetic ${i})`);
  if (varyCharts) {
    const ex93 = r2(1 + rand() * 2);
    const im93 = r2(1 + rand() * 2);
    const ex94 = r2(ex93 * (1 + rand() * 0.4));
    const im94 = r2(im93 * (1 + rand() * 0.2));
    text = text
      .replace(/exports: 1\.72\n/, `exports: ${ex93}\n`).replace(/imports: 2\.19\n/, `imports: ${im93}\n`)
      .replace(/twoWay: 3\.91\n/, `twoWay: ${r2(ex93 + im93)}\n`).replace(/balance: -0\.47\n/, `balance: ${r2(ex93 - im93)}\n`)
      .replace(/exports: 2\.2\n/, `exports: ${ex94}\n`).replace(/imports: 2\.5\n/, `imports: ${im94}\n`)
      .replace(/twoWay: 4\.7\n/, `twoWay: ${r2(ex94 + im94)}\n`).replace(/balance: -0\.3\n/, `balance: ${r2(ex94 - im94)}\n`);
  }
  return text;
}

/** Writes `count` synthetic briefings and a pack manifest naming them; returns the manifest path. */
export function writePack(dir, count, seed = 1995, opts = {}) {
  mkdirSync(dir, { recursive: true });
  const rand = prng(seed);
  const names = [];
  for (let i = 1; i <= count; i++) {
    const name = `b${String(i).padStart(4, '0')}.yaml`;
    writeFileSync(join(dir, name), synthetic(i, rand, opts));
    names.push(name);
  }
  const manifest = join(dir, `pack-${count}.yaml`);
  writeFileSync(manifest, [
    `id: synthetic-pack-${count}`, `title: Synthetic benchmark pack of ${count} briefings`, 'date: 1995-10-01',
    'classification: UNCLASSIFIED', 'duplex: false', 'briefings:', ...names.map((n) => `  - ${n}`), '',
  ].join('\n'));
  return manifest;
}
