/**
 * Property tests over hostile decorations: any way of writing a marking reads back as that
 * marking; a pack's marking (each part read, printed in its language, read again, combined)
 * never ranks below any part and never loses a caveat or widens a release list; text with a
 * word the scheme does not know is an error, never ranked.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canadaScheme, combineMarkings, dominates, formatMarking, markingBanner, natoScheme, parseMarking, ruleProblem, sameMarking,
} from '../../src/marking/index.js';
import type { Marking, MarkingScheme } from '../../src/marking/index.js';
import { CASES, INVISIBLES, SEPARATORS, spellingsOf } from './decorate.js';

/** A random marking of the scheme that breaks none of its rules (those are refused: see parse.test.ts). */
function markingArb(scheme: MarkingScheme): fc.Arbitrary<Marking> {
  const codes = scheme.release?.codes ?? [];
  return fc.record({
    level: fc.integer({ min: 0, max: scheme.levels.length - 1 }),
    caveats: fc.subarray(scheme.caveats.map((c) => c.id)),
    rel: codes.length ? fc.option(fc.subarray([...codes], { minLength: 1, maxLength: 5 }), { nil: undefined }) : fc.constant(undefined),
  }).map(({ level, caveats, rel }): Marking => ({ level, caveats, ...(rel ? { releasableTo: rel } : {}) }))
    .filter((m) => ruleProblem(m, scheme) === undefined);
}

/** Decisions for writing a marking: spelling, order, repeats, separators, case, invisibles. */
const decorationArb = fc.record({
  picks: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
  order: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
  repeat: fc.boolean(),
  seps: fc.array(fc.nat({ max: SEPARATORS.length - 1 }), { minLength: 12, maxLength: 12 }),
  caseStyle: fc.nat({ max: CASES.length - 1 }),
  invisibles: fc.array(fc.tuple(fc.nat(), fc.nat({ max: INVISIBLES.length - 1 })), { maxLength: 6 }),
  joiner: fc.constantFrom(', ', ' ', ' AND ', ',', ' et '),
});
type Decoration = typeof decorationArb extends fc.Arbitrary<infer T> ? T : never;

/** Writes a marking as a person might: parts in any order, any spelling, any separators. */
function write(m: Marking, scheme: MarkingScheme, d: Decoration): string {
  const pick = <T>(xs: readonly T[], i: number): T => xs[(d.picks[i % d.picks.length] ?? 0) % xs.length] as T;
  const level = scheme.levels[m.level];
  const parts: string[] = [pick(spellingsOf(level?.names ?? {}), 0)];
  m.caveats.forEach((id, i) => {
    const c = scheme.caveats.find((x) => x.id === id);
    if (c) parts.push(pick(spellingsOf(c.names), i + 1));
  });
  if (m.releasableTo && scheme.release) parts.push(`${pick(spellingsOf(scheme.release.names), 9)} ${m.releasableTo.join(d.joiner)}`);
  if (d.repeat && parts.length > 1) parts.push(parts[1] as string);
  // Shuffle, keeping a release list whole (its codes may be joined by spaces).
  const shuffled = parts.map((p, i) => ({ p, k: d.order[i % d.order.length] ?? 0 })).sort((a, b) => a.k - b.k).map((x) => x.p);
  let text = shuffled[0] ?? '';
  shuffled.slice(1).forEach((p, i) => {
    const sep = SEPARATORS[d.seps[i % d.seps.length] ?? 0] ?? SEPARATORS[0];
    text = sep ? sep(text, p) : text;
  });
  text = (CASES[d.caseStyle] ?? CASES[0] ?? ((s: string) => s))(text);
  const cps = [...text];
  for (const [at, which] of d.invisibles) cps.splice(at % (cps.length + 1), 0, INVISIBLES[which] ?? '\u200b');
  return cps.join('');
}

describe.each([canadaScheme, natoScheme])('markings of the $id scheme', (scheme) => {
  it('read back as written, however they are decorated', () => {
    fc.assert(fc.property(markingArb(scheme), decorationArb, (m, d) => {
      const text = write(m, scheme, d);
      const r = parseMarking(text, scheme);
      if (!r.ok) throw new Error(`${JSON.stringify(text)}: ${r.reason}`);
      expect(sameMarking(r.marking, m)).toBe(true);
    }), { numRuns: 400 });
  });

  it('combine into a pack marking that never ranks below a part nor loses a caveat', () => {
    const part = fc.tuple(markingArb(scheme), decorationArb, fc.constantFrom('en', 'fr'));
    fc.assert(fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), fc.constantFrom('en', 'fr'), (parts, packLang) => {
      // As a pack is built: each part's text read and printed in its language, then read again and combined.
      const banners = parts.map(([m, d, lang]) => markingBanner(write(m, scheme, d), scheme, lang));
      const read = banners.map((b) => {
        const r = parseMarking(b, scheme);
        if (!r.ok) throw new Error(`${b}: ${r.reason}`);
        return r.marking;
      });
      const banner = formatMarking(combineMarkings(read, scheme), scheme, packLang);
      const pack = parseMarking(banner, scheme);
      if (!pack.ok) throw new Error(`${banner}: ${pack.reason}`);
      for (const [m] of parts) {
        expect(pack.marking.level).toBeGreaterThanOrEqual(m.level);
        for (const c of m.caveats) expect(pack.marking.caveats).toContain(c);
        expect(dominates(pack.marking, m)).toBe(true);
      }
      expect(pack.marking.level).toBe(Math.max(...parts.map(([m]) => m.level)));
    }), { numRuns: 300 });
  });

  it('with a word the scheme does not know are errors, never ranked', () => {
    const listWords = new Set([...(scheme.release?.codes ?? []), ...(scheme.release?.joiners ?? [])]);
    const word = fc.stringMatching(/^[A-Z]{2,9}$/)
      // Not a word the scheme knows on its own either (NATO reads "NR" as NATO RESTRICTED).
      .filter((w) => !listWords.has(w) && parseMarking(w, scheme).ok === false && parseMarking(`${scheme.levels[0]?.names['en']?.text ?? ''} ${w}`, scheme).ok === false);
    fc.assert(fc.property(markingArb(scheme), decorationArb, word, fc.nat(), (m, d, w, at) => {
      const text = write(m, scheme, d);
      const groups = text.split('//');
      groups.splice(at % (groups.length + 1), 0, ` ${w} `);
      const r = parseMarking(groups.join('//'), scheme);
      expect(r.ok).toBe(false);
    }), { numRuns: 300 });
  });
});

describe('any text at all', () => {
  it('reads to a marking whose banner reads back the same, or is an error; invisible characters change nothing', () => {
    const alphabet = fc.constantFrom(
      ...'SECRETOPNUCLAIFDÉÈ /-–(),;.!'.split(''), ' SECRET', ' TOP', ' CEO', ' NOFORN', ' REL TO', ' CAN', ' USA', ...INVISIBLES, '\u0000', '\n', 'ß', 'ﬁ',
    );
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 20 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLES)), { maxLength: 4 }), (chars, extra) => {
      const text = chars.join('');
      const r = parseMarking(text, canadaScheme);
      const cps = [...text];
      for (const [at, ch] of extra) cps.splice(at % (cps.length + 1), 0, ch);
      const again = parseMarking(cps.join(''), canadaScheme);
      expect(again.ok).toBe(r.ok);
      if (!r.ok || !again.ok) return;
      expect(sameMarking(again.marking, r.marking)).toBe(true);
      const back = parseMarking(formatMarking(r.marking, canadaScheme, 'en'), canadaScheme);
      expect(back.ok && sameMarking(back.marking, r.marking)).toBe(true);
    }), { numRuns: 1000 });
  });
});
