/**
 * The marking parser, table-driven: every level of the Canadian scheme in English and French
 * (with and without accents, and aliases) × every caveat spelling × separators × case ×
 * invisible characters at random places; then texts that must be errors.
 */
import { describe, expect, it } from 'vitest';
import { canadaScheme, checkMarking, formatMarking, natoScheme, parseMarking, sameMarking } from '../../src/marking/index.js';
import type { Marking, MarkingProblem } from '../../src/marking/index.js';
import { CASES, SEPARATORS, seeded, spellingsOf, sprinkle } from './decorate.js';

const scheme = canadaScheme;

interface Row {
  readonly text: string;
  readonly level: number;
  readonly caveats: readonly string[];
}

/** The generated table: one row per level spelling × caveat choice, decorations rotating. */
function rows(): Row[] {
  const rand = seeded(13);
  const out: Row[] = [];
  const caveatChoices: { ids: string[]; texts: string[] }[] = [{ ids: [], texts: [] }];
  for (const c of scheme.caveats) for (const s of spellingsOf(c.names)) caveatChoices.push({ ids: [c.id], texts: [s] });
  // Two caveats, in both orders, one of them repeated.
  const [c0, c1, c2] = scheme.caveats;
  if (c0 && c1 && c2) {
    caveatChoices.push({ ids: [c0.id, c1.id], texts: [c1.names['en']?.text ?? '', c0.names['fr']?.text ?? ''] });
    caveatChoices.push({ ids: [c0.id, c1.id], texts: [c0.names['en']?.aliases?.[0] ?? '', c1.names['en']?.text ?? '', c0.names['en']?.text ?? ''] });
    caveatChoices.push({ ids: [c0.id, c1.id, c2.id], texts: [c2.names['fr']?.text ?? '', c1.names['en']?.text ?? '', c0.names['fr']?.text ?? ''] });
  }
  let k = 0;
  scheme.levels.forEach((level, rank) => {
    for (const spelling of spellingsOf(level.names)) {
      for (const choice of caveatChoices) {
        // Dissemination controls need a protected or classified level (see the contradictory table).
        if (rank === 0 && choice.ids.some((id) => id === 'ceo' || id === 'noforn')) continue;
        let text = spelling;
        for (const c of choice.texts) {
          const sep = SEPARATORS[k % SEPARATORS.length] ?? SEPARATORS[0];
          text = sep ? sep(text, c) : text;
          k += 1;
        }
        const caseOf = CASES[(k + rank) % CASES.length] ?? ((s: string) => s);
        text = sprinkle(caseOf(text), Math.floor(rand() * 4), rand);
        out.push({ text, level: rank, caveats: choice.ids });
      }
    }
  });
  return out;
}

const table = rows();

describe('parseMarking reads every level, caveat, separator, case and invisible character', () => {
  it('has a generated table of more than 100 cases covering every level and caveat', () => {
    expect(table.length).toBeGreaterThan(100);
    expect(new Set(table.map((r) => r.level)).size).toBe(scheme.levels.length);
    expect(new Set(table.flatMap((r) => r.caveats))).toEqual(new Set(scheme.caveats.map((c) => c.id)));
  });

  it.each(table.map((r) => [JSON.stringify(r.text), r] as const))('%s', (_name, r) => {
    const got = parseMarking(r.text, scheme);
    if (!got.ok) throw new Error(`${JSON.stringify(r.text)}: ${got.reason}`);
    expect(got.marking.level).toBe(r.level);
    expect([...got.marking.caveats].sort()).toEqual([...new Set(r.caveats)].sort());
    // The banner, in either language, reads back as the same marking.
    for (const lang of ['en', 'fr']) {
      const back = parseMarking(formatMarking(got.marking, scheme, lang), scheme);
      expect(back.ok && sameMarking(back.marking, got.marking)).toBe(true);
    }
  });
});

describe('formatMarking prints the canonical banner', () => {
  const m = (text: string): Marking => {
    const r = parseMarking(text, scheme);
    if (!r.ok) throw new Error(r.reason);
    return r.marking;
  };
  it.each([
    ['TOP SECRET - CANADIAN EYES ONLY', 'en', 'TOP SECRET // CANADIAN EYES ONLY'],
    ['top secret - canadian eyes only', 'fr', 'TRÈS SECRET // RÉSERVÉ AUX CANADIENS'],
    ['SECRET (NOFORN)', 'en', 'SECRET // NOFORN'],
    ['SE\u200bCRET', 'en', 'SECRET'],
    ['NOFORN, CEO; secret', 'en', 'SECRET // CANADIAN EYES ONLY // NOFORN'],
    ['CONFIDENTIAL // CANADIAN EYES ONLY', 'fr', 'CONFIDENTIEL // RÉSERVÉ AUX CANADIENS'],
    ['protege-b', 'fr', 'PROTÉGÉ B'],
    ['Protégé B', 'en', 'PROTECTED B'],
    ['NON-CLASSIFIÉ', 'en', 'UNCLASSIFIED'],
    ['UNCLASSIFIED / NON CLASSIFIÉ', 'fr', 'NON CLASSIFIÉ'],
    ['TOP-SECRET', 'en', 'TOP SECRET'],
    ['\uff34\uff2f\uff30 \uff33\uff25\uff23\uff32\uff25\uff34', 'en', 'TOP SECRET'],
    ['SECRET // REL TO USA, CAN and GBR', 'en', 'SECRET // REL TO CAN, GBR, USA'],
    ['SECRET // REL TO CAN, USA // REL TO USA AND CAN', 'en', 'SECRET // REL TO CAN, USA'],
    ['SECRET // CEO // REL TO CAN', 'fr', 'SECRET // RÉSERVÉ AUX CANADIENS // REL TO CAN'],
    ['PROTECTED A // NOFORN', 'en', 'PROTECTED A // NOFORN'],
    ['UNCLASSIFIED // CABINET CONFIDENCE', 'en', 'UNCLASSIFIED // CABINET CONFIDENCE'],
    ['Cabinet Confidence — Secret', 'fr', 'SECRET // CONFIDENCE DU CABINET'],
  ])('%s (%s) → %s', (text, lang, banner) => {
    expect(formatMarking(m(text), scheme, lang)).toBe(banner);
  });
});

describe('text that is not a marking is an error, never a level', () => {
  it.each<[string, MarkingProblem['kind']]>([
    ['OFFICIAL', 'unknown'],
    ['INTERNAL USE', 'unknown'],
    ['SECRET // EYES ONLY', 'unknown'],
    ['SECRET // CANADIAN EYES', 'unknown'],
    ['NATO SECRET', 'unknown'],
    ['PROTECTED', 'unknown'],
    ['PROTECTED D', 'unknown'],
    ['TOPSECRET', 'unknown'],
    ['S E C R E T', 'unknown'],
    ['SECRET2', 'unknown'],
    ['\u0405ECRET', 'unknown'],
    ['TOP // SECRET', 'unknown'],
    ['SECRET // REL TO XYZ', 'unknown'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['//', 'empty'],
    [' - / ( ) , ;', 'empty'],
    ['\u200b\u200d\ufeff\u2060', 'empty'],
    ['\u202e\u2066\u00ad', 'empty'],
    ['CEO', 'no-level'],
    ['NOFORN // CANADIAN EYES ONLY', 'no-level'],
    ['SECRET // TOP SECRET', 'two-levels'],
    ['UNCLASSIFIED SECRET', 'two-levels'],
    ['NON CLASSIFIÉ / TRÈS SECRET', 'two-levels'],
    ['SECRET!', 'character'],
    ['TOP SECRET.', 'character'],
    ['SECRET: CEO', 'character'],
    ['SECRET \u{1F512}', 'character'],
    ['SECRET // REL TO', 'release-empty'],
    ['SECRET // REL TO // CEO', 'release-empty'],
    ['SECRET // NOFORN // REL TO CAN, USA', 'contradictory'],
    ['TOP SECRET // NOFORN // REL TO USA', 'contradictory'],
    ['SECRET // CEO // REL TO CAN, USA', 'contradictory'],
    ['SECRET // REL TO CAN, USA // REL TO GBR', 'contradictory'],
    ['SECRET // REL TO CAN, USA // REL TO CAN, GBR', 'contradictory'],
    ['UNCLASSIFIED // CEO', 'contradictory'],
    ['NON CLASSIFIÉ // NOFORN', 'contradictory'],
    ['UNCLASSIFIED // REL TO CAN, USA', 'contradictory'],
  ])('%j → %s', (text, kind) => {
    const r = parseMarking(text, scheme);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.kind).toBe(kind);
    expect(r.reason.length).toBeGreaterThan(10);
  });
});

describe('contradictory markings name the parts that conflict', () => {
  it.each([
    ['SECRET//NOFORN//REL TO CAN, USA', canadaScheme, ['NOFORN', 'REL TO CAN, USA'], 'remove "NOFORN" or "REL TO CAN, USA"'],
    ['TOP SECRET//NOFORN//REL TO USA', canadaScheme, ['NOFORN', 'REL TO USA'], 'remove "NOFORN" or "REL TO USA"'],
    ['SECRET//CEO//REL TO CAN, USA', canadaScheme, ['CANADIAN EYES ONLY', 'REL TO CAN, USA'], 'whichever does not apply'],
    ['SECRET//REL TO CAN, USA//REL TO GBR', canadaScheme, ['REL TO CAN, USA', 'REL TO GBR'], 'one release list'],
    ['UNCLASSIFIED // CEO', canadaScheme, ['UNCLASSIFIED', 'CANADIAN EYES ONLY'], 'raise the level to PROTECTED A or higher, or remove "CANADIAN EYES ONLY"'],
    ['NATO UNCLASSIFIED//ATOMAL', natoScheme, ['NATO UNCLASSIFIED', 'ATOMAL'], 'raise the level to NATO CONFIDENTIAL or higher'],
    ['NATO RESTRICTED // ATOMAL', natoScheme, ['NATO RESTRICTED', 'ATOMAL'], 'NATO CONFIDENTIAL'],
  ] as const)('%s', (text, sch, parts, hint) => {
    const d = checkMarking(text, sch, { path: 'classification' });
    expect(d?.code).toBe('marking/contradictory');
    for (const p of parts) expect(d?.message).toContain(`"${p}"`);
    expect(d?.hint).toContain(hint);
  });

  it('reads ATOMAL at NATO CONFIDENTIAL and above', () => {
    for (const t of ['NATO CONFIDENTIAL // ATOMAL', 'NATO SECRET // ATOMAL', 'COSMIC TOP SECRET // ATOMAL']) expect(parseMarking(t, natoScheme).ok).toBe(true);
  });
});

describe('a marking of another built-in scheme', () => {
  it.each([
    ['NATO SECRET', canadaScheme, 'nato'],
    ['COSMIC TOP SECRET // ATOMAL', canadaScheme, 'nato'],
    ['PROTECTED B', natoScheme, 'canada'],
  ] as const)('%s under %s suggests choosing that scheme', (text, sch, other) => {
    const d = checkMarking(text, sch, {});
    expect(d?.code).toBe('marking/unknown');
    expect(d?.hint).toContain(`\`marking: ${other}\``);
    expect(d?.hint).toContain(`--marking ${other}`);
  });

  it('lists the scheme\'s own levels when no other scheme reads it', () => {
    expect(checkMarking('OFFICIAL', canadaScheme, {})?.hint).toContain('PROTECTED A');
  });
});
