/**
 * The deck options (`--slides`, `--overflow`) do not change a print PDF, so they are not part
 * of its inputs hash: after `npm start` (`build --slides`), a plain `check` and `build` find
 * the print PDFs up to date (they used to call every output stale and rebuild it), while a
 * `check --slides` still judges the decks by every option.
 */
import { afterAll, expect, it } from 'vitest';
import { DEFAULT_DATA, removeTemps, runCli, tmp } from '../robust/helpers.js';

afterAll(removeTemps);

it('build --slides, then check and build without --slides: up to date, nothing rebuilt', async () => {
  const out = tmp();
  const b = await runCli(['build', DEFAULT_DATA, '--slides', '--out', out]);
  expect(b.code, b.err).toBe(0);
  const c = await runCli(['check', DEFAULT_DATA, '--out', out]);
  expect(c.code, c.out + c.err).toBe(0);
  expect((await runCli(['check', DEFAULT_DATA, '--slides', '--out', out])).code).toBe(0);
  const again = await runCli(['build', DEFAULT_DATA, '--out', out]);
  expect(again.code, again.err).toBe(0);
  expect(again.out).toMatch(/^up to date /m);
  expect(again.out).not.toMatch(/^built /m);
  // The decks do depend on the deck options.
  expect((await runCli(['check', DEFAULT_DATA, '--slides', '--overflow', 'error', '--out', out])).code).toBe(1);
}, 180_000);
