/**
 * The document kinds of a visit pack (issue 16), read back from the PDF: the sample
 * programme, biographies and talking points print their kind fields in order, as tables,
 * numbered lists and call-outs in the structure tree; times carry their time zone; portion
 * marks come from the marking scheme; the pack's contents name each part's kind; the decks
 * hold a slide per programme day and the key messages.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBriefing, buildPack, buildSlides, loadBriefing } from '../../src/index.js';
import { pageTexts, squash, tempFile } from '../helpers/pdf.js';

const DATA = join(import.meta.dirname, '../../data');
const briefing = (name: string): string => join(DATA, 'briefings', `${name}.yaml`);

async function printed(file: string): Promise<{ text: string; struct: string }> {
  const r = await buildBriefing({ file });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics, null, 1));
  const pdf = tempFile(r.pdf);
  return { text: pageTexts(pdf).join('\n'), struct: execFileSync('pdfinfo', ['-struct', pdf], { encoding: 'utf8' }) };
}

/** Asserts the phrases occur in `text` in this order (whitespace and hyphenation ignored). */
function inOrder(text: string, phrases: readonly string[]): void {
  const t = squash(text);
  let at = 0;
  for (const p of phrases) {
    const i = t.indexOf(squash(p), at);
    expect(i, `"${p}" after position ${at}`).toBeGreaterThanOrEqual(0);
    at = i + squash(p).length;
  }
}

describe('visit programme', () => {
  it('prints each day as a schedule table, times with the time zone, then logistics', async () => {
    const { text, struct } = await printed(briefing('korea-visit-1995-programme'));
    inOrder(text, [
      '16 October 1995 · Arrival in Seoul', 'Time', 'Event', 'Place', 'Participants',
      '14:25 KST', 'Arrival at Kimpo International Airport', '16:00–17:00 KST', 'Briefing by the Ambassador',
      '17 October 1995 · Seoul', '09:30–10:30 KST', 'Call on the Minister of Foreign Affairs', 'Ministry of Foreign Affairs, Seoul',
      '18 October 1995 · Departure', '11:40 KST', 'Departure for Tokyo',
      'Logistics', 'Korea Standard Time', 'Illustrative sample data',
    ]);
    expect(struct.match(/^\s*Table\b/gmu)?.length).toBe(3);
    expect(struct).toMatch(/TH/u);
  }, 60_000);

  it('prints a day\'s own time zone over the programme\'s', async () => {
    const { text } = await printed(join(import.meta.dirname, '../fixtures/kinds/programme-zones.yaml'));
    inOrder(text, ['09:00 KST', 'Seoul event', '13:00 JST', 'Tokyo event']);
    expect(squash(text)).not.toContain(squash('13:00 KST'));
  }, 60_000);
});

describe('biography', () => {
  it('prints name, position, career timeline, education, languages and notes in order', async () => {
    const { text, struct } = await printed(briefing('korea-visit-1995-bio-minister'));
    inOrder(text, [
      'Mr. Han Dong-su (illustrative)', 'Minister of Foreign Affairs (illustrative), Government of the Republic of Korea', 'Biography',
      'Born: 1936, Taegu', 'Career', '1994–present', 'Minister of Foreign Affairs', '1981–1987', 'Ambassador to Canada, Ottawa',
      'Education', 'Columbia University', 'Languages', 'Korean, English, Japanese',
      'Notes for the principal', 'short agenda', 'Illustrative sample data',
    ]);
    expect(struct).toMatch(/^\s*Table\b/mu);
    expect(struct).toMatch(/^\s*L\b/mu);
  }, 60_000);
});

describe('talking points', () => {
  it('numbers the key messages, marks portions and boxes the responsive lines', async () => {
    const { text, struct } = await printed(briefing('korea-visit-1995-points'));
    inOrder(text, [
      'Objectives', 'Affirm the Special Partnership',
      'Key messages', '1.', '(U) Canada welcomes', '2.', '(U) Two-way trade', '3.', '(C) Canada is ready to contribute to KEDO',
      'Background', '(U) Korea supports', '(C) Officials expect',
      'Responsive lines', 'If asked: On rice and beef imports', '(U) Canada looks to the Uruguay Round', 'If asked: On KEDO cost-sharing', '(C) Canada',
    ]);
    expect(text).toContain('CONFIDENTIAL');
    expect(struct).toMatch(/^\s*Lbl\b/mu);
    expect(struct).toMatch(/^\s*Div\b/mu);
  }, 60_000);

  it('reads portion marks in the scheme and language: French names, caveats, release lists (a list only narrows a portion)', async () => {
    const r = loadBriefing({ file: 'points.yaml', text: pointsYaml('fr', 'SECRET // CEO', ['NON CLASSIFIÉ', 'PROTÉGÉ B', 'SECRET // CEO', 'SECRET // CEO // REL TO CAN']) });
    expect(r.ok, JSON.stringify(r.diagnostics)).toBe(true);
    if (!r.ok) return;
    const messages = (r.value.briefing as unknown as { points: { messages: { portion: string }[] } }).points.messages;
    expect(messages.map((m) => m.portion)).toEqual(['(NC)', '(PB)', '(S//CEO)', '(S//CEO//REL TO CAN)']);
  });

  it.each([
    ['a portion above the classification', 'UNCLASSIFIED', 'CONFIDENTIAL', 'data/portion-marking'],
    ['a caveat the classification lacks', 'SECRET', 'SECRET // CEO', 'data/portion-marking'],
    ['a marking the scheme cannot read', 'SECRET', 'VERY SECRET', 'marking/unknown'],
  ])('refuses %s, located at the marking', (_name, classification, marking, code) => {
    const r = loadBriefing({ file: 'points.yaml', text: pointsYaml('en', classification, [marking]) });
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.code === code);
    expect(d, JSON.stringify(r.diagnostics)).toBeDefined();
    expect(d?.path).toBe('points.messages[0].marking');
    expect(d?.loc?.line).toBe(10);
    expect(d?.hint).toBeTruthy();
  });
});

describe('a loaded briefing written back', () => {
  it.each([
    ['a programme', (): string => readFileSync(join(import.meta.dirname, '../fixtures/kinds/programme-zones.yaml'), 'utf8')],
    ['marked talking points', (): string => pointsYaml('en', 'SECRET // CEO', ['UNCLASSIFIED', 'SECRET // CEO'])],
  ])('loads again with the same fields (%s)', (_name, text) => {
    const first = loadBriefing({ file: 'first.yaml', text: text() });
    if (!first.ok) throw new Error(JSON.stringify(first.diagnostics));
    const again = loadBriefing({ file: 'again.json', text: JSON.stringify(first.value.briefing) });
    expect(again.ok, JSON.stringify(again.diagnostics)).toBe(true);
    if (again.ok) expect(again.value.briefing).toEqual(first.value.briefing);
  });

  it('makes portion marks from the marking only: a written `portion` is not printed', () => {
    const r = loadBriefing({ file: 'p.yaml', text: pointsYaml('en', 'SECRET', ['SECRET']).replace('marking: "SECRET" }', 'marking: "SECRET", portion: "(U)" }') });
    expect(r.ok, JSON.stringify(r.diagnostics)).toBe(true);
    if (r.ok) expect((r.value.briefing as unknown as { points: { messages: { portion: string }[] } }).points.messages[0]?.portion).toBe('(S)');
  });
});

describe('links in a kind\'s fields', () => {
  it('are checked only where the schema says rich text: a plain field prints any text as written', () => {
    const yaml = (name: string, note: string): string => [
      'id: b', 'language: en', 'template: biography', 'title: T', 'date: 1995-10-01', 'classification: UNCLASSIFIED',
      'sections: [{ id: s, title: S, bullets: [x] }]', 'person:', `  name: "${name}"`, '  title: Minister', '  notes:', `    - "${note}"`,
    ].join('\n');
    expect(loadBriefing({ file: 'b.yaml', text: yaml('[i](x.png)', 'Fine.') }).ok).toBe(true);
    const bad = loadBriefing({ file: 'b.yaml', text: yaml('Name', 'See [it](x.png).') });
    expect(bad.ok).toBe(false);
    expect(bad.diagnostics.map((d) => [d.code, d.path, d.loc?.line])).toEqual([['data/link', 'person.notes[0]', 12]]);
  });
});

function pointsYaml(lang: string, classification: string, markings: readonly string[]): string {
  return [
    'id: p', `language: ${lang}`, 'template: talking-points', 'title: T', 'date: 1995-10-01', `classification: ${classification}`,
    'sections: [{ id: s, title: S, bullets: [x] }]', 'points:', '  messages:',
    ...markings.map((m) => `    - { text: "Point", marking: "${m}" }`),
  ].join('\n');
}

describe('the visit pack', () => {
  it('binds the kinds in the author\'s order and its contents name each kind', async () => {
    const r = await buildPack(join(DATA, 'packs/korea-visit-1995.yaml'));
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics, null, 1));
    const pages = pageTexts(tempFile(r.pdf));
    const contents = pages.find((p) => p.includes('Contents')) ?? '';
    inOrder(contents, [
      'Visit programme: Visit of the Secretary of State', 'Talking points: Call on the Minister of Foreign Affairs',
      'Biography: Mr. Han Dong-su', 'Biography: Dr. Yoon Mi-ra', 'Canada – Republic of Korea', 'Canada – République de Corée',
    ]);
    inOrder(pages.join('\n'), ['Visit programme · 1 of 6', 'Talking points · 2 of 6', 'Biography · 3 of 6', 'Briefing 5 of 6']);
    // The highest marking of the parts marks the pack.
    expect(pages[0]).toContain('CONFIDENTIAL');
  }, 120_000);
});

describe('decks', () => {
  it('a programme has a slide per day, each event with its time zone', async () => {
    const r = await buildSlides({ file: briefing('korea-visit-1995-programme') });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics, null, 1));
    const slides = pageTexts(tempFile(r.pdf));
    const day = slides.find((s) => s.includes('17 October 1995'));
    expect(day).toBeDefined();
    inOrder(day ?? '', ['09:30–10:30 KST Call on the Minister', '11:00–12:00 KST Meeting with the Minister of Trade', '18:00 KST Reception']);
  }, 60_000);

  it('the programme\'s PPTX has the same day slide, read from the slide XML', async () => {
    const r = await buildSlides({ file: briefing('korea-visit-1995-programme') });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics, null, 1));
    const pptx = tempFile(r.pptx, 'deck.pptx');
    const xml = execFileSync('unzip', ['-p', pptx, 'ppt/slides/slide3.xml'], { encoding: 'utf8' });
    const runs = [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/gu)].map((m) => m[1]);
    expect(runs.slice(0, 3)).toEqual(['17 October 1995 · Seoul', '09:30–10:30 KST Call on the Minister of Foreign Affairs', '11:00–12:00 KST Meeting with the Minister of Trade, Industry and Energy']);
  }, 60_000);

  it('talking points have the key messages with portion marks', async () => {
    const r = await buildSlides({ file: briefing('korea-visit-1995-points') });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics, null, 1));
    const slides = pageTexts(tempFile(r.pdf));
    inOrder(slides.join('\n'), ['Key messages', '(U) Canada welcomes', '(C) Canada is ready', 'Responsive lines', 'On rice and beef imports: (U)']);
  }, 60_000);
});
