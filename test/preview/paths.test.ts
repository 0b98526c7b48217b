/** Names from requests and from briefing data never reach outside the preview's folder. */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, isAbsolute } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveInside } from '../../src/preview/index.js';

const base = realpathSync(mkdtempSync(join(tmpdir(), 'briefkit-paths-')));
const root = join(base, 'root');
const outside = join(base, 'outside');
mkdirSync(join(root, 'sub'), { recursive: true });
mkdirSync(outside);
writeFileSync(join(root, 'sub', 'a.pdf'), 'in');
writeFileSync(join(outside, 'secret.pdf'), 'out');
symlinkSync(outside, join(root, 'out-dir'));
symlinkSync(join(outside, 'secret.pdf'), join(root, 'out-file.pdf'));
symlinkSync(join(root, 'sub'), join(root, 'in-dir'));
symlinkSync(root, join(root, 'self'));
symlinkSync('../../outside/secret.pdf', join(root, 'sub', 'relative-out.pdf'));
symlinkSync('../../outside/none.pdf', join(root, 'sub', 'dangling.pdf'));

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveInside', () => {
  it.each([
    ['sub/a.pdf', join(root, 'sub', 'a.pdf')],
    ['new.pdf', join(root, 'new.pdf')],
    ['pack/part.pdf', join(root, 'pack', 'part.pdf')],
    ['in-dir/a.pdf', join(root, 'sub', 'a.pdf')],
    ['self/sub/a.pdf', join(root, 'sub', 'a.pdf')],
    ['%2e%2e/x.pdf', join(root, '%2e%2e', 'x.pdf')], // a literal name: nothing decodes it again
  ])('%s is inside', (name, expected) => {
    expect(resolveInside(root, name)).toBe(expected);
  });

  it.each([
    ['../outside/secret.pdf'], ['sub/../../outside/secret.pdf'], ['..'], ['.'], [''], ['/etc/passwd'],
    ['sub//a.pdf'], ['sub/./a.pdf'], ['sub\\..\\..\\x'], ['a\0.pdf'], ['out-dir/secret.pdf'], ['out-file.pdf'],
    ['sub/relative-out.pdf'], ['self'], ['sub/dangling.pdf'], ['out-dir/new.pdf'], ['x'.repeat(2000)],
  ])('%j is refused', (name) => {
    expect(resolveInside(root, name)).toBeUndefined();
  });

  it('never answers a path outside the root, whatever the name', () => {
    const segment = fc.oneof(fc.constantFrom('..', '.', '', 'sub', 'out-dir', 'out-file.pdf', 'in-dir', 'self', 'a.pdf', '\0', '\\'), fc.string({ maxLength: 6 }));
    fc.assert(fc.property(fc.array(segment, { maxLength: 6 }), fc.boolean(), (parts, abs) => {
      const name = (abs ? '/' : '') + parts.join('/');
      const r = resolveInside(root, name);
      if (r === undefined) return;
      const rel = relative(root, r);
      expect(rel === '' || rel.startsWith('..') || isAbsolute(rel)).toBe(false);
      expect(r.startsWith(outside)).toBe(false);
    }), { numRuns: 500 });
  });
});
