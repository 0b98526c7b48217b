import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SlidePlan } from '../../src/slides/index.js';
import { pdfInfo, squash, tempFile } from '../helpers/pdf.js';
import { allChartTypes, buildOk, FILE, hasSoffice, xmlText, zipEntryFile, zipNames, zipText } from './helpers.js';

let pptx: Buffer;
let path: string;
let names: string[];
let plans: readonly SlidePlan[];

beforeAll(async () => {
  const r = await buildOk({ file: FILE });
  pptx = r.pptx;
  plans = r.plans;
  path = tempFile(pptx, 'deck.pptx');
  names = zipNames(path);
});

const slideXml = (n: number): string => zipText(path, `ppt/slides/slide${n}.xml`);

describe('the PowerPoint deck', () => {
  it('has one 16:9 slide per laid-out slide', () => {
    const slides = names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slides).toHaveLength(plans.length);
    // 10 x 5.625 in, in EMU.
    expect(zipText(path, 'ppt/presentation.xml')).toContain('<p:sldSz cx="9144000" cy="5143500"');
  });

  it('holds the text as editable text boxes in the theme font', () => {
    plans.forEach((p, i) => {
      const xml = slideXml(i + 1);
      expect(xml).toContain('<p:txBody>');
      expect(squash(xmlText(xml)), `slide ${i + 1}`).toContain(squash(p.title));
      expect(xml).toContain('typeface="Arial"');
    });
    expect(names.some((n) => n.startsWith('ppt/media/'))).toBe(false);
    // Talking points are a bulleted list in the theme's primary colour.
    const points = slideXml(plans.findIndex((p) => p.source.kind === 'bullets') + 1);
    expect(points).toMatch(/<a:buClr><a:srgbClr val="1F4E79"\/><\/a:buClr><a:buSzPct val="\d+"\/><a:buFont typeface="Arial"\/><a:buChar/);
    expect(zipText(path, 'ppt/theme/theme1.xml')).toContain('typeface="Arial"');
  });

  it('carries the marking and the slide number on its masters', () => {
    const masters = names.filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n)).map((n) => zipText(path, n));
    expect(masters.some((x) => x.includes('UNCLASSIFIED'))).toBe(true);
    for (let i = 1; i <= plans.length; i++) expect(slideXml(i)).toContain('type="slidenum"');
  });

  it('has native charts with their data values and an embedded workbook each', () => {
    const charts = names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n)).sort();
    expect(charts).toEqual(['ppt/charts/chart1.xml', 'ppt/charts/chart2.xml', 'ppt/charts/chart3.xml']);
    const grouped = zipText(path, 'ppt/charts/chart1.xml');
    expect(grouped).toContain('<c:barChart>');
    expect(grouped).toContain('<c:grouping val="clustered"/>');
    for (const v of ['1.72', '2.19', '2.2', '2.5']) expect(grouped).toContain(`<c:v>${v}</c:v>`);
    expect(grouped).toContain('<c:v>1993*</c:v>');
    expect(grouped).toContain('<c:v>Exports to Korea</c:v>');
    const balance = zipText(path, 'ppt/charts/chart2.xml');
    expect(balance).toContain('<c:v>-0.47</c:v>');
    expect(balance).toContain('<c:v>-0.3</c:v>');
    expect(zipText(path, 'ppt/charts/chart3.xml')).toContain('<c:doughnutChart>');
    const books = names.filter((n) => /^ppt\/embeddings\/.*\.xlsx$/.test(n));
    expect(books).toHaveLength(3);
    const sheet = zipText(zipEntryFile(path, books[0] ?? ''), 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('1.72');
  });

  it('has speaker notes: full bullets, chart descriptions, key figures in words', () => {
    const notes = (n: number): string => xmlText(zipText(path, `ppt/notesSlides/notesSlide${n}.xml`));
    const at = (kind: string): number => plans.findIndex((p) => p.source.kind === kind) + 1;
    expect(notes(at('keyFigures'))).toContain('$4.7 billion');
    const political = notes(at('bullets'));
    expect(squash(political)).toContain(squash('The organization was established to monitor the transformation'));
    expect(notes(at('chart'))).toMatch(/1993/);
    plans.forEach((p, i) => {
      if (p.notes.length) expect(notes(i + 1).length, `slide ${i + 1}`).toBeGreaterThan(20);
    });
  });

  it('is byte-identical across builds in one process', async () => {
    const again = await buildOk({ file: FILE });
    expect(Buffer.compare(again.pptx, pptx)).toBe(0);
    expect(Buffer.compare(again.pdf, (await buildOk({ file: FILE })).pdf)).toBe(0);
  });

  it('dates its package from the briefing, not the clock', () => {
    const core = zipText(path, 'docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">1995-10-01T00:00:00Z</dcterms:created>');
    expect(execFileSync('unzip', ['-l', path], { encoding: 'utf8' })).toMatch(/10-01-1995|1995-10-01/);
  });
});

describe('native charts of every type', () => {
  let deck: Promise<Awaited<ReturnType<typeof buildOk>>> | undefined;
  it.each([
    ['grouped', '<c:barDir val="col"/>', '<c:grouping val="clustered"/>'],
    ['stacked', '<c:barDir val="col"/>', '<c:grouping val="stacked"/>'],
    ['horizontal', '<c:barDir val="bar"/>', '<c:orientation val="maxMin"/>'],
    ['line', '<c:lineChart>', '<c:v>Imports</c:v>'],
    ['doughnut', '<c:doughnutChart>', '<c:holeSize val="55"/>'],
    ['balance', '<c:barChart>', '<c:v>-0.47</c:v>'],
  ])('%s', async (name, a, b) => {
    deck ??= buildOk({ data: allChartTypes(), name: 'charts.json' });
    const r = await deck;
    const p = tempFile(r.pptx, 'charts.pptx');
    const index = r.plans.filter((x) => x.source.kind === 'chart').findIndex((x) => x.source.kind === 'chart' && x.source.chart === name);
    const xml = zipText(p, `ppt/charts/chart${index + 1}.xml`);
    expect(xml).toContain(a);
    expect(xml).toContain(b);
  });
});

describe.skipIf(!hasSoffice())('LibreOffice', () => {
  it('opens the deck and prints as many pages as it has slides', () => {
    const out = mkdtempSync(join(tmpdir(), 'briefkit-soffice-'));
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${out}/profile`, '--convert-to', 'pdf', '--outdir', out, path], { stdio: 'ignore', timeout: 120_000 });
    const info = pdfInfo(join(out, 'deck.pdf'));
    expect(Number(info['Pages'])).toBe(plans.length);
    expect(info['Page size']).toMatch(/^720 x 405/);
  }, 150_000);
});
