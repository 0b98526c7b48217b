import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { buildSlides } from '../../src/build/index.js';
import type { SlidesOptions, SlidesResult } from '../../src/build/index.js';
import { tempFile } from '../helpers/pdf.js';

export const FILE = 'data/briefings/canada-korea-1995.yaml';

type Ok = Extract<SlidesResult, { ok: true }>;

/** Builds a deck and fails the test with the diagnostics when it does not build. */
export async function buildOk(input: Parameters<typeof buildSlides>[0], o: SlidesOptions = {}): Promise<Ok> {
  const r = await buildSlides(input, o);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics, null, 1));
  return r;
}

/** The bundled briefing as a plain object, to derive variants from. */
export function baseData(): Record<string, unknown> {
  return parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;
}

/** A briefing whose one section has `n` long bullets: more than one slide holds. */
export function longSection(n: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const bullets = Array.from({ length: n }, (_v, i) =>
    `Point ${i + 1} of the talking points: Canada and the Republic of Korea deepen their Special Partnership in trade, investment and technology co-operation across the Asia-Pacific region.`);
  return { ...baseData(), sections: [{ id: 'long', title: 'Many talking points', bullets }], ...extra };
}

/** Every chart type, for the PPTX chart tests. */
export function allChartTypes(): Record<string, unknown> {
  const series = [{ field: 'exports', label: 'Exports' }, { field: 'imports', label: 'Imports' }];
  return {
    ...baseData(),
    charts: [
      { name: 'grouped', type: 'grouped-bar', title: 'Grouped', series },
      { name: 'stacked', type: 'stacked-bar', title: 'Stacked', series },
      { name: 'horizontal', type: 'horizontal-bar', title: 'Horizontal', series },
      { name: 'line', type: 'line', title: 'Line', series },
      { name: 'doughnut', type: 'doughnut', title: 'Doughnut', year: 1994, series },
      { name: 'balance', type: 'balance', title: 'Balance', series: [{ field: 'balance', label: 'Balance' }] },
    ],
  };
}

/** Names of the entries of a zip file (Info-ZIP `unzip`). */
export function zipNames(path: string): string[] {
  return execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

/** One entry of a zip file as text. */
export function zipText(path: string, name: string): string {
  return execFileSync('unzip', ['-p', path, name], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** One entry of a zip file as bytes, written to a temporary file (for nested zips). */
export function zipEntryFile(path: string, name: string): string {
  const bytes = execFileSync('unzip', ['-p', path, name], { maxBuffer: 64 * 1024 * 1024 });
  return tempFile(bytes, name.split('/').pop() ?? 'entry');
}

/** The text runs (`a:t`) of an OOXML part, joined by spaces, entities decoded. */
export function xmlText(xml: string): string {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
    .map((m) => (m[1] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'))
    .join(' ');
}

/** Whether LibreOffice is installed (the PPTX-to-PDF round trip test needs it). */
export function hasSoffice(): boolean {
  try {
    execFileSync('which', ['soffice'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
