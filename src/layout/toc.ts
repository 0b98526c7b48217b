import type { Block, Inline } from '../doc/index.js';
import { breakLines } from '../text/index.js';
import { textWidth } from '../text/index.js';
import { mainFont } from '../text/index.js';
import { atom } from './atom.js';
import type { Atom } from './atom.js';
import type { LayoutContext } from './context.js';
import { drawLine } from './lines.js';
import { baselineOffset, textAtoms } from './paragraph.js';

/** Structure elements of a table of contents, made where the contents stand in the document. */
export interface TocTags {
  readonly toc: number;
  readonly heading: number;
}

type Heading = LayoutContext['headings'][number];

/**
 * The table of contents: one linked entry per heading (levels 1-2 below the title). It is
 * built after every other block (so it knows all headings) and its page numbers are read when
 * the page is drawn, after pagination (so they are the real ones): one layout pass suffices.
 */
export function tocAtoms(b: Extract<Block, { kind: 'toc' }>, tags: TocTags, headings: readonly Heading[], ctx: LayoutContext): Atom[] {
  const t = ctx.theme;
  const toc = tags.toc;
  const title: readonly Inline[] = b.title.length ? b.title : [{ kind: 'text', text: ctx.messages['contents'] ?? 'Contents', style: {} }];
  const out: Atom[] = textAtoms(title, {
    style: { face: 'bold', size: t.headingSizes[1], color: t.palette.primary }, leading: t.headingSizes[1] * 1.3,
    tag: tags.heading, keepTogether: true, keepWithNext: true, justify: false, spaceBefore: 4,
  }, ctx);
  out.push(atom(8, () => undefined, { keepWithNext: true }));
  const listed = headings.filter((e) => e.toc !== false);
  const entries = listed.filter((e) => e.level >= 2 || listed.filter((x) => x.level === 1).length > 1);
  const size = t.bodySize;
  const leading = t.bodyLeading + 4;
  for (const e of entries) {
    const tag = ctx.struct.add('TOCI', toc);
    const indent = (Math.max(1, e.level) - (entries.some((x) => x.level === 1) ? 1 : 2)) * 16;
    const face = e.level <= 1 ? 'bold' : 'regular';
    const lines = breakLines([{ text: e.title, face, size, color: t.palette.text }], { width: ctx.width - indent - 40, justify: false, hyphenate: false, lang: ctx.lang });
    lines.forEach((line, i) => {
      const lastLine = i === lines.length - 1;
      out.push(atom(leading, (x, y, dc) => {
        const base = y + baselineOffset(leading, size);
        drawLine(line, x + indent, base, tag, dc);
        if (lastLine) {
          const pageText = ctx.pageRefs.get(e.id) ?? '?';
          const numW = textWidth(pageText, 'regular', size, ['tnum']);
          const dotsFrom = x + indent + line.width + 6;
          const dotsTo = x + ctx.width - numW - 6;
          if (dotsTo > dotsFrom) {
            dc.items.push({ kind: 'line', x1: dotsFrom, y1: base, x2: dotsTo, y2: base, color: t.palette.rule, lineWidth: 0.8, tag: 'artifact' });
          }
          dc.items.push({ kind: 'text', x: x + ctx.width - numW, y: base, text: pageText, font: mainFont('regular'), size, color: t.palette.text, wordSpacing: 0, features: ['tnum'], width: numW, tag });
        }
        dc.items.push({ kind: 'link', box: { x: x + indent, y, width: ctx.width - indent, height: leading }, dest: e.id, tag });
      }, { keepWithNext: !lastLine }));
    });
  }
  out.push(atom(0, () => undefined, { breakBefore: true, endsFrontMatter: true }));
  return out;
}
