import type { DocMeta, Inline } from '../doc/index.js';
import { textWidth } from '../text/index.js';
import type { Frame, TextFrame } from './frames.js';
import type { SlideStyle } from './style.js';
import { moveFrame, stackFrame } from './text.js';

/** The baseline of a line sits this far below its line box's top (pt), as in the document layout. */
export function baselineOffset(leading: number, size: number): number {
  return (leading - size) / 2 + size * 0.8;
}

/** A slide title set at the first size that fits its lines, then the accent rule under it. */
export interface Header {
  readonly frames: readonly Frame[];
  /** Where the slide's content may start (pt). */
  readonly bottom: number;
}

/**
 * The title of a content slide: the largest of `titleSizes` that keeps it within
 * `titleMaxLines` lines (the smallest size otherwise, on as many lines as it needs), then a
 * short accent rule.
 */
export function header(title: readonly Inline[], s: SlideStyle, lang: string): Header {
  const at = { x: s.marginX, y: 0, width: s.width - 2 * s.marginX };
  let frame: TextFrame | undefined;
  for (const size of s.titleSizes) {
    const style = { size, leading: Math.round(size * 1.15) };
    frame = stackFrame(at, [{ content: title, face: 'bold', color: s.colors.primary, style, role: 'H2' }], { lang, use: 'title' });
    if ((frame.paras[0]?.lines.length ?? 0) <= s.titleMaxLines) break;
  }
  const f = frame as TextFrame;
  const p = f.paras[0];
  const top = s.titleBaseline - (p ? baselineOffset(p.leading, p.size) : 0);
  const placed = moveFrame(f, top);
  const lastBaseline = s.titleBaseline + ((p?.lines.length ?? 1) - 1) * (p?.leading ?? 0);
  const ruleY = lastBaseline + s.accentGap;
  const rule: Frame = { kind: 'rect', box: { x: s.marginX, y: ruleY, width: s.accent.width, height: s.accent.height }, fill: s.accent.color, furniture: false };
  return { frames: [placed, rule], bottom: ruleY + s.accent.height + s.contentGap };
}

/** Shortens text with an ellipsis until it fits `width` (pt). */
export function fitText(text: string, width: number, size: number): string {
  let shown = text;
  while (shown.length > 1 && textWidth(shown, 'regular', size) > width) shown = shown.slice(0, -2).trimEnd() + '…';
  return shown;
}

/** A one-line furniture text frame whose baseline is at `baseline`. */
function line(text: string, o: { x: number; width: number; baseline: number; align: 'left' | 'center' | 'right'; bold: boolean; color: string; size: number }): TextFrame {
  const style = { size: o.size, leading: Math.round(o.size * 1.25) };
  const f = stackFrame({ x: o.x, y: 0, width: o.width }, [{ content: text, face: o.bold ? 'bold' : 'regular', color: o.color, style, role: 'P', align: o.align }], { lang: 'en', use: 'furniture' });
  return moveFrame(f, o.baseline - baselineOffset(style.leading, style.size));
}

/**
 * What every slide carries, drawn as artifacts: the brand bar along the top, the
 * classification marking centred top and bottom, the deck title bottom left (not on the title
 * slide) and the slide number bottom right.
 */
export function furniture(meta: DocMeta, s: SlideStyle, o: { readonly number: number; readonly cover: boolean }): Frame[] {
  const marking = meta.classification.toUpperCase();
  const full = { x: s.marginX, width: s.width - 2 * s.marginX };
  const small = { bold: false, color: s.colors.muted, size: s.smallSize };
  const mark = { ...full, align: 'center' as const, bold: true, color: s.colors.marking, size: s.smallSize };
  const out: Frame[] = [
    { kind: 'rect', box: { x: 0, y: 0, width: s.width, height: s.barHeight }, fill: s.colors.primary, furniture: true },
    line(marking, { ...mark, baseline: s.markingTop }),
    line(marking, { ...mark, baseline: s.footerBaseline }),
  ];
  const numberWidth = 48;
  const number = line(String(o.number), { ...small, x: s.width - s.marginX - numberWidth, width: numberWidth, baseline: s.footerBaseline, align: 'right' });
  out.push({ ...number, field: 'slideNumber' });
  if (!o.cover) {
    const markW = textWidth(marking, 'bold', s.smallSize);
    const room = s.width / 2 - markW / 2 - 24 - s.marginX;
    const title = fitText(meta.title, room, s.smallSize);
    out.push(line(title, { ...small, x: s.marginX, width: room, baseline: s.footerBaseline, align: 'left' }));
  }
  return out;
}
