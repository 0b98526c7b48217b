import type { Inline } from '../doc/index.js';
import { toSpans } from '../layout/index.js';
import type { StructRole } from '../layout/index.js';
import { breakLines } from '../text/index.js';
import type { Line, Span } from '../text/index.js';
import type { FontFace } from '../theme/index.js';
import type { TextFrame, TextPara } from './frames.js';
import type { TextStyle } from './style.js';

/** One paragraph to set: content, type and where it sits in its frame. */
export interface ParaSpec {
  readonly content: readonly Inline[] | string;
  readonly face: FontFace;
  readonly color: string;
  readonly style: TextStyle;
  readonly role: StructRole;
  readonly indent?: number;
  readonly align?: 'left' | 'center' | 'right';
  /** Colour of a bullet square hanging left of the first line. */
  readonly bullet?: string;
  /** Space above the paragraph (pt), ignored for the first one of a frame. */
  readonly spaceBefore?: number;
  /** A run in its own type after the content, e.g. a key figure's change next to its value. */
  readonly after?: Span;
}

/** The language and the width of a frame, which line breaking needs. */
export interface SetContext {
  readonly lang: string;
  readonly width: number;
}

function inlinesOf(c: readonly Inline[] | string): readonly Inline[] {
  return typeof c === 'string' ? [{ kind: 'text', text: c, style: {} }] : c;
}

/** Sets one paragraph into lines at `top` (pt from the frame's top). Slides do not hyphenate. */
export function setPara(spec: ParaSpec, top: number, ctx: SetContext): TextPara {
  const indent = spec.indent ?? 0;
  const spans = [
    ...toSpans(inlinesOf(spec.content), { face: spec.face, size: spec.style.size, color: spec.color, linkColor: spec.color }),
    ...(spec.after ? [spec.after] : []),
  ];
  const lines = breakLines(spans, { width: ctx.width - indent, justify: false, hyphenate: false, lang: ctx.lang });
  return {
    spans, lines, size: spec.style.size, leading: spec.style.leading, top, indent,
    align: spec.align ?? 'left', role: spec.role, ...(spec.bullet ? { bullet: spec.bullet } : {}),
  };
}

/** Height (pt) a set paragraph takes. */
export function paraHeight(p: TextPara): number {
  return p.lines.length * p.leading;
}

/** Stacks paragraphs top-down into one frame at (x, y) of the given width. */
export function stackFrame(
  at: { readonly x: number; readonly y: number; readonly width: number },
  specs: readonly ParaSpec[],
  o: { readonly lang: string; readonly use: TextFrame['use'] },
): TextFrame {
  const paras: TextPara[] = [];
  let y = 0;
  for (const [i, s] of specs.entries()) {
    if (i > 0) y += s.spaceBefore ?? 0;
    const p = setPara(s, y, { lang: o.lang, width: at.width });
    paras.push(p);
    y += paraHeight(p);
  }
  return { kind: 'text', box: { x: at.x, y: at.y, width: at.width, height: y }, paras, use: o.use };
}

/** A frame moved so its box's top is at `y`. */
export function moveFrame(f: TextFrame, y: number): TextFrame {
  return { ...f, box: { ...f.box, y } };
}

/** The spans of some set lines, one space between lines: what a PPTX box re-flows. */
function spansOf(lines: readonly Line[]): Span[] {
  const out: Span[] = [];
  lines.forEach((l, i) => {
    l.fragments.forEach((f, j) => {
      const text = (i > 0 && j === 0 ? ' ' : '') + f.text;
      const last = out[out.length - 1];
      if (last && last.face === f.span.face && last.size === f.span.size && last.color === f.span.color && last.href === f.span.href) {
        out[out.length - 1] = { ...last, text: last.text + text };
      } else out.push({ ...f.span, text });
    });
  });
  return out;
}

/** A paragraph's lines from `from` (inclusive) to `to` (exclusive), re-based at `top`. */
export function sliceLines(p: TextPara, from: number, to: number, top: number): TextPara {
  const lines = p.lines.slice(from, to);
  return { ...p, lines, spans: spansOf(lines), top };
}
