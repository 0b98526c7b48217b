import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../src/build/index.js';
import { prepareParts } from '../../src/build/index.js';
import type { PackResult } from '../../src/build/index.js';
import { outline, openPdf, pageText } from '../helpers/pdfjs.js';
import type { OutlineNode } from '../helpers/pdfjs.js';
import { qpdfCheck, squash, tempFile } from '../helpers/pdf.js';
import { seedSentences } from '../helpers/seed.js';

const MANIFEST = 'data/packs/korea-1995.yaml';
let r: Extract<PackResult, { ok: true }>;
let texts: string[];
let labels: string[];

beforeAll(async () => {
  const res = await buildPack(MANIFEST, { separate: true });
  if (!res.ok) throw new Error(JSON.stringify(res.diagnostics));
  r = res;
  const doc = await openPdf(r.pdf);
  texts = [];
  for (let i = 1; i <= doc.numPages; i++) texts.push(await pageText(doc, i));
  labels = (await doc.getPageLabels()) ?? [];
});

function frenchSentences(): string[] {
  const data = parse(readFileSync('data/briefings/canada-korea-1995.fr.yaml', 'utf8')) as { sections: { bullets: string[] }[] };
  return data.sections.flatMap((s) => s.bullets).flatMap((b) => b.split(/(?<=\.)\s+(?=[A-ZÉÈ])/));
}

describe('the English and French pack', () => {
  it('is a valid PDF holding every sentence of both briefings', () => {
    expect(qpdfCheck(tempFile(r.pdf))).toMatch(/No syntax or stream encoding errors/);
    const all = squash(texts.join(' '));
    for (const s of [...seedSentences(), ...frenchSentences()]) expect(all, s).toContain(squash(s));
  });

  it('numbers the front matter in roman and the body continuously', () => {
    expect(labels.slice(0, 2)).toEqual(['i', 'ii']);
    const body = labels.slice(2);
    expect(body).toEqual(body.map((_l, i) => String(i + 1)));
    body.forEach((label, i) => {
      expect(texts[i + 2]).toMatch(new RegExp(`Page ${label} (of|de) ${body.length}`));
    });
  });

  it('starts every briefing and its divider on a right-hand page, blank left pages saying so', () => {
    const dividers = texts.flatMap((t, i) => (/Briefing 1 of 2|Note d’information 2 de 2/.test(t) ? [i] : []));
    expect(dividers).toHaveLength(2);
    for (const i of dividers) expect(i % 2, `divider on page ${i + 1}`).toBe(0);
    const firstContent = texts.flatMap((t, i) => (/Key figures|Chiffres clés/.test(t) ? [i] : []));
    for (const i of firstContent) expect(i % 2).toBe(0);
    texts.forEach((t, i) => {
      if (!/\w{4,}/.test(t.replace(/UNCLASSIFIED|Canada – Republic of Korea|Canada – République de Corée|1 October 1995|1er octobre 1995|Page \d+ (of|de) \d+|, page \d+ (of|de) \d+/g, ''))) {
        throw new Error(`page ${i + 1} is empty without saying so`);
      }
    });
    expect(texts.filter((t) => /This page intentionally left blank|Page laissée en blanc intentionnellement/.test(t)).length).toBeGreaterThan(0);
  });

  it('prints each briefing\'s own page count beside the pack\'s', () => {
    expect(texts.some((t) => /Canada – Republic of Korea, page 1 of \d/.test(t))).toBe(true);
    expect(texts.some((t) => /Canada – République de Corée, page 1 de \d/.test(t))).toBe(true);
  });

  it('has a contents whose page numbers are the pages the bookmarks lead to', async () => {
    const doc = await openPdf(r.pdf);
    const tree = await outline(doc);
    const flat: OutlineNode[] = [];
    const walk = (n: OutlineNode[]): void => n.forEach((x) => { flat.push(x); walk(x.children); });
    walk(tree);
    const toc = texts[1] ?? '';
    let checked = 0;
    for (const b of flat) {
      if (b.page < 2) continue;
      const label = labels[b.page];
      const m = new RegExp(`${b.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+(\\d+)`).exec(toc);
      expect(m, `${b.title} in the contents`).not.toBeNull();
      expect(m?.[1], b.title).toBe(label);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  it('merges the bookmarks: pack cover, then each briefing with its sections', async () => {
    const tree = await outline(await openPdf(r.pdf));
    const titles = tree.flatMap((n) => [n.title, ...n.children.map((c) => c.title)]);
    expect(titles).toEqual(expect.arrayContaining(['Canada – Republic of Korea', 'Canada – République de Corée', 'Political relations', 'Relations politiques', 'Commerce']));
  });

  it('also writes each briefing as its own PDF', () => {
    expect(r.briefings.map((b) => b.briefing.id)).toEqual(['canada-korea-1995', 'canada-coree-1995']);
    for (const b of r.briefings) expect(b.pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('pack manifests that are wrong', () => {
  const made: string[] = [];
  // Inside the project: pack paths may not lead out of it.
  const dir = (): string => {
    const d = mkdtempSync(join(process.cwd(), 'test', '.tmp-pack-'));
    made.push(d);
    return d;
  };
  const write = (d: string, name: string, text: string): string => {
    const p = join(d, name);
    writeFileSync(p, text);
    return relative(process.cwd(), p);
  };
  const briefing = (id: string, marking = 'UNCLASSIFIED'): string =>
    readFileSync('data/briefings/canada-korea-1995.yaml', 'utf8').replace('id: canada-korea-1995', `id: ${id}`).replace('classification: UNCLASSIFIED', `classification: ${marking}`);

  it('marks the whole pack with its highest classification', async () => {
    const d = dir();
    write(d, 'a.yaml', briefing('a'));
    write(d, 'b.yaml', briefing('b', 'PROTECTED B'));
    const m = write(d, 'p.yaml', 'id: p\ntitle: P\ndate: 1995-10-01\nbriefings: [a.yaml, b.yaml]\n');
    const res = await buildPack(m);
    expect(res.ok && res.marking).toBe('PROTECTED B');
    if (!res.ok) return;
    const doc = await openPdf(res.pdf);
    for (let i = 1; i <= doc.numPages; i++) expect((await pageText(doc, i)).match(/PROTECTED B/g)?.length).toBe(2);
  });

  it.each([
    ['duplicate ids', (d: string) => { write(d, 'a.yaml', briefing('same')); write(d, 'b.yaml', briefing('same')); return 'briefings: [a.yaml, b.yaml]'; }, 'pack/duplicate-id', 4],
    ['a missing briefing', () => 'briefings: [a.yaml, nowhere.yaml]', 'pack/missing-briefing', 4],
    ['a path out of the project', () => 'briefings: [../../../../etc/passwd.yaml]', 'pack/outside-project', 4],
    ['a briefing named twice', (d: string) => { write(d, 'a.yaml', briefing('a')); return 'briefings: [a.yaml, ./a.yaml]'; }, 'pack/duplicate-briefing', 4],
    ['an unknown field', () => 'briefngs: [a.yaml]', 'data/unknown-field', 4],
  ])('reports %s with its location', async (_name, setup, code, line) => {
    const d = dir();
    write(d, 'a.yaml', briefing('a'));
    const body = setup(d);
    const m = write(d, 'p.yaml', `id: p\ntitle: P\ndate: 1995-10-01\n${body}\n`);
    const res = await buildPack(m);
    expect(res.ok).toBe(false);
    const found = res.diagnostics.find((x) => x.code === code);
    expect(found, JSON.stringify(res.diagnostics)).toBeDefined();
    expect(found?.loc?.file).toBe(m);
    expect(found?.loc?.line).toBe(line);
  });

  afterAll(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });
});

describe('reading briefings on worker threads', () => {
  const made: string[] = [];
  afterAll(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });

  it('gives the same pack, byte for byte, as reading them on the main thread', async () => {
    const [threaded, single] = await Promise.all([buildPack(MANIFEST, { threads: 2, separate: false }), buildPack(MANIFEST, { threads: 0, separate: false })]);
    if (!threaded.ok || !single.ok) throw new Error(JSON.stringify([threaded.diagnostics, single.diagnostics]));
    expect(threaded.pages).toBe(single.pages);
    expect(Buffer.compare(threaded.pdf, single.pdf)).toBe(0);
  }, 60_000);

  it('reports a bad briefing read on a worker thread with its location, and writes nothing', async () => {
    const d = mkdtempSync(join(process.cwd(), 'test', '.tmp-pack-'));
    made.push(d);
    writeFileSync(join(d, 'a.yaml'), readFileSync('data/briefings/canada-korea-1995.yaml', 'utf8').replace('id: canada-korea-1995', 'id: a'));
    writeFileSync(join(d, 'b.yaml'), 'id: b\ntitle: [unclosed\n');
    const m = join(d, 'p.yaml');
    writeFileSync(m, 'id: p\ntitle: P\ndate: 1995-10-01\nbriefings: [a.yaml, b.yaml]\n');
    const res = await buildPack(relative(process.cwd(), m), { threads: 2 });
    expect(res.ok).toBe(false);
    const bad = res.diagnostics.find((x) => x.severity === 'error');
    expect(bad?.loc?.file).toMatch(/b\.yaml$/);
    expect(bad?.loc?.line).toBeGreaterThan(0);
  }, 60_000);
});

describe('a reading thread that dies', () => {
  it('hands its briefings back to the main thread: the pack is still whole', async () => {
    const files = ['data/briefings/canada-korea-1995.yaml', 'data/briefings/canada-korea-1995.fr.yaml'];
    // A heap far too small for the thread to even load its modules: it dies at once.
    const source = prepareParts(files, {}, 480, 2, undefined, { maxOldGenerationSizeMb: 1, maxYoungGenerationSizeMb: 1 });
    try {
      const parts = [await source.next(), await source.next()];
      expect(parts.map((p) => p.ok && p.briefing.language)).toEqual(['en', 'fr']);
      expect(source.threads()).toBe(0);
    } finally {
      await source.close();
    }
  }, 60_000);
});

describe('a pack over the page limit', () => {
  it('stops with a located error once the limit is passed', async () => {
    const res = await buildPack(MANIFEST, { maxPages: 5, separate: false });
    expect(res.ok).toBe(false);
    const d = res.diagnostics.find((x) => x.code === 'layout/too-many-pages');
    expect(d?.loc?.file).toBe(MANIFEST);
    expect(d?.hint).toBeTruthy();
  });
});
