import { createRequire } from 'node:module';
import type * as NodeCanvas from 'chartjs-node-canvas';
import type { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import type { ChartSpec } from '../data/types.js';
import type { Diagnostic } from '../diag/types.js';
import { fontPath } from '../text/fonts.js';
import type { FontId } from '../text/fonts.js';
import { CHART_FAMILY } from './css.js';
import { buildConfig, cloneConfig } from './config.js';
import { chartHeight, prepareChart } from './render.js';
import type { ChartInput } from './render.js';

/** Raster options: resolution in dots per inch (72 gives 1 px per pt). */
export interface PngOptions {
  readonly dpi: number;
}

/** A PNG of a chart, its size in px, and what was found wrong with the spec. */
export interface PngResult {
  readonly png?: Buffer;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly diagnostics: Diagnostic[];
}

type NodeCanvasModule = typeof NodeCanvas;

const FACES: readonly { id: FontId; family: string; weight: string; style: string }[] = [
  { id: 'main-regular', family: CHART_FAMILY, weight: '400', style: 'normal' },
  { id: 'main-italic', family: CHART_FAMILY, weight: '400', style: 'italic' },
  { id: 'main-semibold', family: CHART_FAMILY, weight: '600', style: 'normal' },
  { id: 'main-bold', family: CHART_FAMILY, weight: '700', style: 'normal' },
  { id: 'kr-regular', family: 'Noto Sans KR', weight: '400', style: 'normal' },
  { id: 'kr-bold', family: 'Noto Sans KR', weight: '700', style: 'normal' },
];

let mod: NodeCanvasModule | undefined;
let fontsRegistered = false;
/** One renderer per canvas size: a new instance per chart leaks about 1.8 MB. */
const renderers = new Map<string, ChartJSNodeCanvas>();

/** Loads chartjs-node-canvas (and the native canvas) only when a PNG is first asked for. */
function renderer(width: number, height: number): ChartJSNodeCanvas {
  mod ??= createRequire(import.meta.url)('chartjs-node-canvas') as NodeCanvasModule;
  const key = `${width}x${height}`;
  let r = renderers.get(key);
  if (!r) {
    r = new mod.ChartJSNodeCanvas({ width, height });
    if (!fontsRegistered) {
      // Fonts are registered process-wide, before the first canvas is created.
      for (const f of FACES) r.registerFont(fontPath(f.id), { family: f.family, weight: f.weight, style: f.style });
      fontsRegistered = true;
    }
    renderers.set(key, r);
  }
  return r;
}

/**
 * Renders a chart to PNG with chartjs-node-canvas, from the same chart.js configuration as the
 * vector path, in our bundled fonts, for raster uses (slide thumbnails, email previews). The
 * chart is laid out at `input.width` pt and rasterised at `dpi`.
 */
export function renderChartPng(spec: ChartSpec, input: ChartInput, options: PngOptions): PngResult {
  const dpi = Number.isFinite(options.dpi) && options.dpi > 0 ? options.dpi : 144;
  const { data, diagnostics } = prepareChart(spec, input);
  const width = Math.max(1, Math.floor(input.width));
  const height = Math.max(1, Math.floor(chartHeight(input.width, input.theme)));
  const scale = dpi / 72;
  const size = { widthPx: Math.floor(width * scale), heightPx: Math.floor(height * scale) };
  if (!data) return { ...size, diagnostics };
  const config = cloneConfig(buildConfig(data, input.theme));
  const opts = (config.options ?? {}) as Record<string, unknown>;
  config.options = { ...opts, devicePixelRatio: scale } as typeof config.options;
  const png = renderer(width, height).renderToBufferSync(config, 'image/png');
  return { png, ...size, diagnostics };
}
