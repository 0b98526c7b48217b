/**
 * A pack's separate copies are opt-in (`separate`, `briefkit pack --separate`): by default a
 * pack lays out and writes each briefing once, into the bound PDF. A copy, when asked for, is
 * the briefing built alone in the pack's print settings, byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { buildTarget } from '../../src/build/index.js';

const PACK = 'data/packs/korea-1995.yaml';

describe('pack copies', () => {
  it.each([
    { options: {}, names: ['korea-1995-pack.pdf'] },
    { options: { separate: false }, names: ['korea-1995-pack.pdf'] },
    { options: { separate: true }, names: ['korea-1995-pack.pdf', 'korea-1995-pack/canada-korea-1995.pdf', 'korea-1995-pack/canada-coree-1995.pdf'] },
  ])('$options: writes $names', async ({ options, names }) => {
    const r = await buildTarget(PACK, options);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.outputs.map((o) => o.name)).toEqual(names);
  }, 60_000);

  it('the bound pack is the same with and without copies, and each copy is the briefing built alone (the pack is duplex)', async () => {
    const [alone, copies] = await Promise.all([buildTarget(PACK), buildTarget(PACK, { separate: true })]);
    if (!alone.ok || !copies.ok) throw new Error('pack failed');
    expect(Buffer.from(copies.outputs[0]?.bytes ?? [])).toEqual(Buffer.from(alone.outputs[0]?.bytes ?? []));
    for (const [file, name] of [['data/briefings/canada-korea-1995.yaml', 'canada-korea-1995'], ['data/briefings/canada-korea-1995.fr.yaml', 'canada-coree-1995']] as const) {
      const own = await buildTarget(file, { duplex: true });
      if (!own.ok) throw new Error(`${file} failed`);
      const copy = copies.outputs.find((o) => o.name === `korea-1995-pack/${name}.pdf`);
      expect(Buffer.from(copy?.bytes ?? []).equals(Buffer.from(own.outputs[0]?.bytes ?? [])), name).toBe(true);
    }
  }, 60_000);
});
