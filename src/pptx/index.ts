/**
 * The PowerPoint writer: laid-out slides to an editable .pptx with pptxgenjs. Text is real
 * text boxes, charts are native charts with their data sheet, furniture sits on the slide
 * masters, speaker notes come with every slide, and equal input gives equal bytes.
 */
import { chartData, seriesRegistry } from '../charts/index.js';
import type { SeriesRegistry } from '../charts/index.js';
import { chartPatcher } from './chart-xml.js';
import type { ChartPatch } from './chart-xml.js';
import type { Briefing } from '../data/index.js';
import { assertNever } from '../diag/index.js';
import type { DocMeta } from '../doc/index.js';
import type { Frame, SlidePlan } from '../slides/index.js';
import { furniture } from '../slides/index.js';
import type { PlanOutput } from '../slides/index.js';
import type { Theme } from '../theme/index.js';
import { nativeChart } from './charts.js';
import { PptxGenJS } from './lib.js';
import type { MasterProps, Pptx, PptxSlide, SlideNumberProps } from './lib.js';
import { normalizeOfficeZip } from './normalize.js';
import { colorBullets, textBox } from './text.js';
import { deckFont, hex, position } from './units.js';
import { escapeXml, xmlSafe } from './xml.js';
import { localeOf } from '../util/index.js';
import { keepWords } from './words.js';

export type { NativeChart } from './charts.js';

/** What the PPTX writer needs: the laid-out slides and where they came from. */
export interface PptxInput {
  readonly planned: PlanOutput;
  readonly briefing: Briefing;
  readonly meta: DocMeta;
  readonly theme: Theme;
  /** Date written into the package (core.xml, zip entries): pass the briefing's date for reproducible bytes. */
  readonly date: Date;
}

const MASTER = { title: 'BRIEFKIT_TITLE', content: 'BRIEFKIT_CONTENT' } as const;

/** Furniture frames as slide-master objects; the slide number becomes the master's number field. */
function defineMaster(pptx: Pptx, name: string, frames: readonly Frame[], lang: string): void {
  const objects: NonNullable<MasterProps['objects']> = [];
  let slideNumber: SlideNumberProps | undefined;
  for (const f of frames) {
    if (f.kind === 'rect') objects.push({ rect: { ...position(f.box), fill: { color: hex(f.fill) }, line: { type: 'none' } } });
    else if (f.kind === 'text' && f.field === 'slideNumber') {
      const span = f.paras[0]?.spans[0];
      slideNumber = {
        ...position({ ...f.box, x: f.box.x - 4, width: f.box.width + 4 }), margin: 0, fontFace: deckFont(), fontSize: span?.size ?? 9,
        color: hex(span?.color ?? '#5a6270'), align: 'right', valign: 'top',
      };
    } else if (f.kind === 'text') {
      const t = textBox(f, lang);
      objects.push({ text: { text: t.runs.map((r) => r.text ?? '').join(''), options: { ...t.options, ...(t.runs[0]?.options ?? {}) } } });
    }
  }
  pptx.defineSlideMaster({ title: name, background: { color: 'FFFFFF' }, objects, ...(slideNumber ? { slideNumber } : {}) });
}

/** Adds one frame to a slide as an editable object. */
function addFrame(slide: PptxSlide, f: Frame, o: { pptx: Pptx; input: PptxInput; lang: string; series: SeriesRegistry; patches: ChartPatch[] }): void {
  switch (f.kind) {
    case 'rect':
      slide.addShape(o.pptx.ShapeType.rect, { ...position(f.box), fill: { color: hex(f.fill) }, line: { type: 'none' } });
      return;
    case 'text': {
      const t = textBox(f, o.lang);
      slide.addText(t.runs, t.options);
      return;
    }
    case 'chart': {
      const { briefing, theme, planned } = o.input;
      const spec = briefing.charts.find((c) => c.name === f.name);
      if (!spec) throw new Error(`internal: chart ${f.name} vanished between layout and PPTX`);
      const asset = planned.charts.get(f.key);
      const native = nativeChart(chartData(spec, briefing), {
        theme, fontSize: planned.style.chartFontSize, alt: f.alt, title: asset?.title ?? spec.title,
        registry: o.series, labelled: asset?.labelled,
      });
      o.patches.push(native.patch);
      slide.addChart(native.type, native.data, { ...native.options, ...position(f.box) });
      return;
    }
    default:
      assertNever(f, 'slide frame');
  }
}

/** Speaker notes as plain text: list items with a bullet, one per line. */
export function notesText(plan: SlidePlan): string {
  return plan.notes.map((n) => (n.item ? `\u2022 ${n.text}` : n.text)).join('\n');
}

/**
 * Writes the deck as PPTX bytes: 16:9 (10 x 5.625 in), the theme's font and colours, one
 * PowerPoint slide per laid-out slide with the same boxes as the PDF, native charts, notes.
 */
export async function writePptx(input: PptxInput): Promise<Buffer> {
  const { planned, meta } = input;
  const lang = localeOf(meta.language);
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9';
  // pptxgenjs escapes the core properties (core.xml) but writes Company (app.xml) as it is.
  pptx.title = xmlSafe(meta.title);
  pptx.subject = xmlSafe(meta.subject ?? meta.title);
  pptx.author = xmlSafe(meta.author ?? 'briefkit');
  pptx.company = escapeXml(meta.author ?? '');
  pptx.revision = '1';
  pptx.theme = { headFontFace: deckFont(), bodyFontFace: deckFont() };
  const style = planned.style;
  // One colour per series key, the same as the PDF and the slides (built from the same specs).
  const series = seriesRegistry(input.briefing.charts, input.theme);
  const patches: ChartPatch[] = [];
  defineMaster(pptx, MASTER.title, furniture(meta, style, { number: 1, cover: true }), lang);
  defineMaster(pptx, MASTER.content, furniture(meta, style, { number: 1, cover: false }), lang);
  for (const plan of planned.plans) {
    const slide = pptx.addSlide({ masterName: plan.source.kind === 'title' ? MASTER.title : MASTER.content });
    for (const f of plan.frames) addFrame(slide, f, { pptx, input, lang, series, patches });
    const notes = notesText(plan);
    if (notes) slide.addNotes(xmlSafe(notes));
  }
  const raw = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  const bullet = style.colors.primary;
  // Chart parts are numbered in the order the charts were added: the N-th gets the N-th patch.
  const patchChart = chartPatcher(patches);
  return normalizeOfficeZip(raw, input.date, (name, xml) => (/^ppt\/slides\/slide\d+\.xml$/.test(name) ? keepWords(colorBullets(xml, bullet), meta.language) : patchChart(name, xml)));
}

