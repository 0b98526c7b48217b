import type { Line } from '../text/index.js';
import { splitRuns, runWidth } from '../text/index.js';
import { TEXT_FEATURES } from '../text/index.js';
import { mainFont } from '../text/index.js';
import type { DrawContext } from './atom.js';
import type { Tag } from './types.js';

/**
 * Emits the text items of one set line with its baseline at `y`: one item per font run
 * (fallback fonts get their own items), plus link areas.
 */
export function drawLine(line: Line, x: number, y: number, tag: Tag, ctx: DrawContext): void {
  for (const f of line.fragments) {
    const span = f.span;
    const features = span.features ?? TEXT_FEATURES;
    let rx = x + f.x;
    // A mirrored piece keeps its written text for the text layer, on its first run.
    let actual = f.actual;
    for (const run of splitRuns(f.text, span.face)) {
      const natural = runWidth(run.text, run.font, span.size, features);
      const spaces = (run.text.match(/ /g) ?? []).length;
      const width = natural + spaces * line.wordSpacing;
      if (run.text.trim() !== '' || spaces > 0) {
        ctx.items.push({
          kind: 'text', x: rx, y: y - (span.rise ?? 0), text: run.text, font: run.font, size: span.size,
          color: span.color, wordSpacing: line.wordSpacing, features, width, tag, ...(actual !== undefined ? { actual } : {}),
        });
        if (actual !== undefined) actual = '';
      }
      rx += width;
    }
    if (span.href) {
      const w = f.text.endsWith(' ') ? f.width - runWidth(' ', mainFont('regular'), span.size) - line.wordSpacing : f.width;
      // `#dest`: a cross-reference, a jump to a named destination in this document.
      const target = span.href.startsWith('#') ? { dest: span.href.slice(1) } : { href: span.href };
      ctx.items.push({ kind: 'link', box: { x: x + f.x, y: y - span.size * 0.8, width: w, height: span.size * 1.05 }, ...target, tag });
    }
  }
}
