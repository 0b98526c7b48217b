/** Hostile project text (titles, file names, diagnostics) stays text in the preview's pages. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnosticHtml, escapeHtml, listPage, viewPage } from '../../src/preview/index.js';
import { showText } from '../../src/diag/escape.js';
import type { Diagnostic } from '../../src/diag/types.js';

const HOSTILE = [
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "' onmouseover='alert(1)", '`${x}`',
  '&lt;already escaped&gt;', '</li></ul><iframe src=//evil>', 'a\u202Eb\u0000c\nd',
];

/** Decodes the numeric and named entities escapeHtml writes. */
const decode = (s: string): string => s.replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)));

describe('escapeHtml', () => {
  it('leaves no markup character and loses no text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      const e = escapeHtml(s);
      expect(e).not.toMatch(/[<>"'`]/);
      expect(e.replace(/&#\d+;/g, '')).not.toContain('&');
      expect(decode(e)).toBe(showText(s));
    }), { numRuns: 300 });
  });
  it.each(HOSTILE)('%j', (s) => {
    expect(decode(escapeHtml(s))).not.toMatch(/[\0\u202E\n]/); // shown as <U+XXXX>, as in the terminal
    expect(escapeHtml(s)).not.toMatch(/<|>|"/);
  });
});

describe('pages with hostile text', () => {
  const tags = (html: string): string[] => [...html.matchAll(/<([a-z]+)[\s>]/gi)].map((m) => (m[1] ?? '').toLowerCase());

  it.each(HOSTILE)('a diagnostic quoting %j adds no element and keeps file:line:col', (s) => {
    const d: Diagnostic = { code: 'data/yaml', severity: 'error', message: s, loc: { file: `${s}.yaml`, line: 3, col: 7 }, path: s, hint: s };
    const html = diagnosticHtml(d);
    expect(tags(html).sort()).toEqual(['div', 'li', 'span', 'span', 'span'].sort());
    expect(html).toContain(':3:7</span>');
  });

  it.each(HOSTILE)('listing and viewer titled %j add no element', (s) => {
    const target = { key: '0123456789abcdef', file: `data/briefings/${s}.yaml`, kind: 'briefing' as const, title: s, thumbs: [] };
    const plain = { ...target, title: 'x', file: 'x.yaml' };
    const problems: Diagnostic[] = [{ code: 'data/read', severity: 'error', message: s }];
    expect(tags(listPage(s, [target], problems, { kind: 'unavailable', reason: s })))
      .toEqual(tags(listPage('p', [plain], [{ code: 'c', severity: 'error', message: 'm' }], { kind: 'unavailable', reason: 'r' })));
    expect(tags(viewPage(target, true))).toEqual(tags(viewPage(plain, true)));
  });
});
