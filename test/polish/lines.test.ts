/** The text reporter's output line: "1 page", "2 pages", "1 slide" (new-user report, item 7). */
import { describe, expect, it } from 'vitest';
import { outputLine } from '../../src/report/lines.js';
import type { OutputInfo } from '../../src/report/types.js';

describe('outputLine', () => {
  it.each([
    [{ kind: 'pdf', path: 'out/x.pdf', pages: 1, bytes: 15 * 1024 }, 'built out/x.pdf (1 page, 15 KB)'],
    [{ kind: 'pdf', path: 'out/x.pdf', pages: 2 }, 'built out/x.pdf (2 pages)'],
    [{ kind: 'pdf', path: 'out/x.pdf', pages: 0 }, 'built out/x.pdf (0 pages)'],
    [{ kind: 'slides-pdf', path: 'out/x-slides.pdf', pages: 1 }, 'built out/x-slides.pdf (1 slide)'],
    [{ kind: 'pptx', path: 'out/x.pptx', pages: 7 }, 'built out/x.pptx (7 slides)'],
  ])('%j', (info, line) => {
    expect(outputLine(info as OutputInfo)).toBe(line);
  });
});
