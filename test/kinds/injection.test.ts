/**
 * Data in a kind's fields can never make markup: hostile text in a programme's places and
 * participants, a person's name and languages, talking points and responsive lines (headings,
 * directives, table pipes, template braces, list markers, line breaks) leaves the document's
 * structure as it is with plain text, and the plain fields print every character as written.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { briefingTree, UserError } from '../../src/index.js';

const PIECES = ['#', '# ', '::', ':::', ':::callout', '::pagebreak', '{{', '}}', '{{title}}', '|', '| a |', '*', '_', '**', '[', ']', '(', ')', '\\', '\n', '\n\n',
  '- ', '1. ', '<br>', '`', '> ', '~', '^[', 'a', ' ', 'x', '&amp;', '<!--', '{', '}', '!', '![i](x.png)'];
const hostile = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }).map((a) => a.join(''))
  .filter((s) => s.trim().length > 0);

function doc(place: string, name: string, point: string): Record<string, unknown>[] {
  const base = { language: 'en', title: 'T', date: '1995-10-01', classification: 'UNCLASSIFIED', sections: [{ id: 's', title: 'S', bullets: ['x'] }] };
  return [
    { ...base, id: 'p', template: 'visit-programme', programme: { timeZone: 'KST', days: [{ date: '1995-10-17', title: name, events: [{ time: '09:30', title: point, place, participants: [place, name], notes: point }] }], logistics: [point] } },
    { ...base, id: 'b', template: 'biography', person: { name, title: place, career: [{ from: '1990', role: point }], languages: [place], notes: [point] } },
    { ...base, id: 't', template: 'talking-points', points: { objectives: [point], messages: [{ text: point, marking: 'UNCLASSIFIED' }], ifAsked: [{ question: place, answer: point }] } },
  ];
}

/** The document's blocks as kinds, depth first (table, list and call-out contents included). */
function shape(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) for (const x of v) shape(x, out);
  else if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    if (typeof o['kind'] === 'string' && 'loc' in o) out.push(o['kind']);
    for (const [k, x] of Object.entries(o)) if (k !== 'loc') shape(x, out);
  }
  return out;
}

/** Every text run of the tree in order, whitespace and typographic minus signs normalised away. */
function words(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) for (const x of v) words(x, out);
  else if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    if (o['kind'] === 'text' && typeof o['text'] === 'string') out.push(o['text']);
    for (const [k, x] of Object.entries(o)) if (k !== 'loc') words(x, out);
  }
  return out;
}
const flat = (s: string): string => s.replace(/\u2212/gu, '-').replace(/\s+/gu, '');

function tree(data: Record<string, unknown>): unknown {
  const r = briefingTree({ data, name: 'hostile.yaml' });
  return r.tree.blocks;
}

describe('kind fields cannot make markup', () => {
  const plain = doc('Place', 'Name', 'Point').map(tree).map((t) => shape(t));

  it('keeps the structure of plain text and prints plain fields as written', () => {
    fc.assert(fc.property(hostile, hostile, hostile, (place, name, point) => {
      let trees: unknown[];
      try {
        trees = doc(place, name, point).map(tree);
      } catch (e) {
        // Rich-text fields refuse a link to anything but https: or mailto: (data/link, at the
        // field); plain fields (places, participants, names, questions) accept any text.
        if (!(e instanceof UserError)) throw e;
        for (const d of e.diagnostics) {
          expect(d.code).toBe('data/link');
          expect(d.path ?? '').toMatch(/(events\[0\]\.(title|notes)|logistics\[0\]|role|notes\[0\]|objectives\[0\]|messages\[0\]\.text|answer)$/u);
        }
        return;
      }
      trees.forEach((t, i) => expect(shape(t)).toEqual(plain[i]));
      const all = flat(trees.map((t) => words(t).join('')).join(''));
      for (const literal of [place, name]) expect(all).toContain(flat(literal));
    }), { numRuns: 80 });
  }, 120_000);
});
