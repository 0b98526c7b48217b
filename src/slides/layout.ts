import type { DrawContext } from '../layout/index.js';
import { pageGeometry } from '../layout/index.js';
import { drawLine } from '../layout/index.js';
import { StructBuilder } from '../layout/index.js';
import type { OutlineEntry, Page, PageItem, PagedDocument, Tag } from '../layout/index.js';
import { assertNever } from '../diag/index.js';
import type { Frame, SlidePlan, TextFrame, TextPara } from './frames.js';
import { baselineOffset } from './furniture.js';
import type { PlanOutput } from './plan.js';

/** The named destination of a slide's title (1-based slide number). */
export function slideAnchor(n: number): string {
  return `slide-${n}`;
}

/** Baseline (pt, slide coordinates) of line `i` of a paragraph in a frame. */
export function lineBaseline(frame: TextFrame, p: TextPara, i: number): number {
  return frame.box.y + p.top + i * p.leading + baselineOffset(p.leading, p.size);
}

/** Draws a text frame's lines, each paragraph under its own structure element. */
function drawText(f: TextFrame, parentTag: Tag, struct: StructBuilder, dc: DrawContext): void {
  const list = f.use === 'list' && typeof parentTag === 'number' ? struct.add('L', parentTag) : undefined;
  for (const p of f.paras) {
    let tag: Tag = 'artifact';
    if (list !== undefined) tag = struct.add('LBody', struct.add('LI', list));
    else if (typeof parentTag === 'number') tag = struct.add(p.role, parentTag);
    p.lines.forEach((line, i) => {
      const room = f.box.width - p.indent - line.width;
      const shift = p.align === 'center' ? room / 2 : p.align === 'right' ? room : 0;
      drawLine(line, f.box.x + p.indent + shift, lineBaseline(f, p, i), tag, dc);
    });
    if (p.bullet && p.lines.length) {
      const size = Math.max(4, p.size * 0.36);
      const y = lineBaseline(f, p, 0) - p.size * 0.33 - size / 2;
      dc.items.push({ kind: 'rect', x: f.box.x + p.indent - p.size * 1.1, y, width: size, height: size, fill: p.bullet, tag: 'artifact' });
    }
  }
}

/** Draws one frame; content frames hang under the slide's structure element. */
function drawFrame(frame: Frame, sect: number, plan: SlidePlan, ctx: { struct: StructBuilder; dc: DrawContext; furniture: boolean }): void {
  const { struct, dc } = ctx;
  switch (frame.kind) {
    case 'rect':
      dc.items.push({ kind: 'rect', ...frame.box, fill: frame.fill, tag: 'artifact' });
      return;
    case 'chart': {
      const tag = struct.add('Figure', sect, { alt: frame.alt });
      dc.figure(tag, frame.box);
      dc.items.push({ kind: 'chart', name: frame.key, box: frame.box, tag });
      return;
    }
    case 'text':
      if (frame.use === 'title') dc.anchor(slideAnchor(plan.index + 1), frame.box.y);
      drawText(frame, ctx.furniture || frame.use === 'furniture' ? 'artifact' : sect, struct, dc);
      return;
    default:
      assertNever(frame, 'slide frame');
  }
}

/**
 * Turns laid-out slides into the paged document the PDF renderer draws: one 720 x 405 pt page
 * per slide, a `Sect` per slide with its title as a heading (H1 on the title slide, H2 after),
 * lists as L/LI/LBody, charts as Figures with their alt text, furniture as artifacts, and one
 * bookmark per slide pointing at its title.
 */
export function layoutSlides(planned: PlanOutput): PagedDocument {
  const geometry = pageGeometry({ paper: 'slide16x9' });
  const struct = new StructBuilder();
  const doc = struct.add('Document', -1);
  const outline: OutlineEntry[] = [];
  const pages: Page[] = planned.plans.map((plan) => {
    const items: PageItem[] = [];
    const anchors: { id: string; y: number }[] = [];
    const dc: DrawContext = {
      page: plan.index,
      items,
      anchor: (id, y) => anchors.push({ id, y }),
      figure: (id, box) => struct.setBox(id, { ...box, page: plan.index }),
    };
    const sect = struct.add('Sect', doc);
    for (const f of plan.furniture) drawFrame(f, sect, plan, { struct, dc, furniture: true });
    for (const f of plan.frames) drawFrame(f, sect, plan, { struct, dc, furniture: false });
    outline.push({ title: plan.title, dest: slideAnchor(plan.index + 1), page: plan.index, children: [] });
    return { index: plan.index, items, content: { x: 0, y: 0, width: geometry.width, height: geometry.height }, anchors };
  });
  return {
    pages,
    outline,
    structure: struct.build(),
    pageLabels: [{ start: 0, style: 'arabic', first: 1 }],
    geometry,
    charts: planned.charts,
  };
}
