import { createRequire } from 'node:module';
import type * as NodeCanvas from 'chartjs-node-canvas';
import type { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import type { ChartSpec } from '../data/index.js';
import { fail } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { fontPath } from '../text/index.js';
import type { FontId } from '../text/index.js';
import { CHART_FAMILY } from './css.js';
import { cloneConfig } from './config.js';
import { chartHeight, drawChartData, prepareChart } from './render.js';
import { seriesRegistry } from './series-keys.js';
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

/**
 * Loads chartjs-node-canvas (and the native canvas) only when a PNG is first asked for: both
 * are optional dependencies, since nothing but PNG charts needs them and canvas builds against
 * Cairo and Pango, which a machine may lack. Missing or unloadable, they are a user error that
 * says what to install, not a stack trace.
 */
function loadNodeCanvas(): NodeCanvasModule {
  try {
    return createRequire(import.meta.url)('chartjs-node-canvas') as NodeCanvasModule;
  } catch (e) {
    const code = e instanceof Error ? (e as NodeJS.ErrnoException).code : undefined;
    if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_DLOPEN_FAILED') throw e;
    const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
    return fail('chart/png-unavailable', `PNG charts need the optional packages canvas and chartjs-node-canvas, which are not installed or did not build (${reason})`, {
      hint: 'run `npm install canvas chartjs-node-canvas` where briefkit is installed (canvas builds against Cairo and Pango: on Debian, `apt-get install build-essential pkg-config libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev`); PDF, slides and PPTX do not need them',
    });
  }
}

function renderer(width: number, height: number): ChartJSNodeCanvas {
  mod ??= loadNodeCanvas();
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
  // The same settled configuration as the vector drawing: document-wide series colours, and a
  // doughnut total in the legend when the hole cannot hold it.
  const registry = input.series ?? seriesRegistry(input.briefing.charts, input.theme);
  const config = cloneConfig(drawChartData(data, { theme: input.theme, registry, width, height }).config);
  const opts = (config.options ?? {}) as Record<string, unknown>;
  config.options = { ...opts, devicePixelRatio: scale } as typeof config.options;
  const png = renderer(width, height).renderToBufferSync(config, 'image/png');
  return { png, ...size, diagnostics };
}
