/**
 * Chart thumbnails for the listing page: PNG through the raster chart path (chartjs-node-canvas,
 * an optional dependency). Where it is missing the listing still works and says why.
 */
import { statSync } from 'node:fs';
import { renderChartPng } from '../charts/index.js';
import type { PngResult } from '../charts/index.js';
import type { ChartInput } from '../charts/index.js';
import type { ChartSpec } from '../data/index.js';
import { loadBriefing } from '../data/index.js';
import { UserError } from '../diag/index.js';
import { defaultTheme } from '../theme/index.js';
import type { ThumbState } from './html.js';
import type { Target } from './project.js';

/** Renders one chart to PNG (replaceable in tests, e.g. by one that finds no canvas). */
export type Thumbnailer = (spec: ChartSpec, input: ChartInput, options: { dpi: number }) => PngResult;

/** At most this many thumbnails per briefing. */
const MAX_THUMBS = 4;
/** Layout width (pt) and resolution: about 200 px wide. */
const WIDTH_PT = 360;
const DPI = 40;

interface Entry {
  readonly stamp: string;
  readonly pngs: readonly Buffer[];
}

/** Thumbnails by target key, made again when the data file changes. */
export class Thumbs {
  readonly #cache = new Map<string, Entry>();
  readonly #render: Thumbnailer;
  #state: ThumbState = { kind: 'ok' };

  constructor(render: Thumbnailer = renderChartPng) {
    this.#render = render;
  }

  /** Whether thumbnails can be made (known after the first try). */
  get state(): ThumbState {
    return this.#state;
  }

  /** The target's thumbnails (none for packs, invalid data, or without canvas). */
  of(t: Target): readonly Buffer[] {
    if (t.kind !== 'briefing' || this.#state.kind === 'unavailable') return [];
    let stamp: string;
    try {
      const st = statSync(t.file);
      stamp = `${st.ino}:${st.size}:${st.mtimeMs}`;
    } catch {
      return [];
    }
    const hit = this.#cache.get(t.key);
    if (hit?.stamp === stamp) return hit.pngs;
    const r = loadBriefing({ file: t.file });
    const pngs: Buffer[] = [];
    if (r.ok) {
      const { briefing } = r.value;
      for (const spec of briefing.charts.slice(0, MAX_THUMBS)) {
        try {
          const png = this.#render(spec, { briefing, theme: defaultTheme, width: WIDTH_PT }, { dpi: DPI }).png;
          if (png) pngs.push(png);
        } catch (e) {
          const d = e instanceof UserError ? e.diagnostics.find((x) => x.code === 'chart/png-unavailable') : undefined;
          if (!d) throw e;
          this.#state = { kind: 'unavailable', reason: d.message };
          return [];
        }
      }
    }
    this.#cache.set(t.key, { stamp, pngs });
    return pngs;
  }
}
