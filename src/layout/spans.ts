import type { Inline } from '../doc/index.js';
import type { Span } from '../text/index.js';
import type { FontFace } from '../theme/index.js';

/** Base style for a run of inlines. */
export interface SpanStyle {
  readonly face: FontFace;
  readonly size: number;
  readonly color: string;
  readonly features?: readonly string[];
  readonly linkColor?: string;
}

function faceOf(base: FontFace, bold: boolean, italic: boolean): FontFace {
  const isBold = bold || base === 'bold' || base === 'semibold' || base === 'boldItalic';
  const isItalic = italic || base === 'italic' || base === 'boldItalic';
  if (isBold && isItalic) return 'boldItalic';
  if (isBold) return base === 'semibold' && !bold ? 'semibold' : 'bold';
  return isItalic ? 'italic' : base;
}

/** Turns inlines into styled spans; footnote references become raised, smaller numbers. */
export function toSpans(items: readonly Inline[], style: SpanStyle, href?: string): Span[] {
  const out: Span[] = [];
  for (const i of items) {
    switch (i.kind) {
      case 'text':
        out.push({
          text: i.text.replace(/[\t\n\r]+/g, ' ').replace(/\u00ad/g, ''),
          face: faceOf(style.face, i.style.bold === true, i.style.italic === true),
          size: style.size,
          color: href && style.linkColor ? style.linkColor : style.color,
          ...(style.features ? { features: style.features } : {}),
          ...(href ? { href } : {}),
        });
        break;
      case 'link':
        out.push(...toSpans(i.children, style, i.href));
        break;
      case 'noteRef':
        out.push({ text: String(i.n), face: style.face, size: style.size * 0.62, color: style.color, rise: style.size * 0.38, note: i.n });
        break;
      case 'break':
        out.push({ text: ' ', face: style.face, size: style.size, color: style.color });
        break;
    }
  }
  return out;
}
