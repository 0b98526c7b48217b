/**
 * User images made safe to draw: SVG through an allow-list sanitiser, PNG decoded within
 * limits and made opaque. Used by themes (the logo) and meant for issue 16's image blocks.
 */
export { sanitizeSvg } from './svg.js';
export type { SafeSvg, SvgLimits, SvgResult } from './svg.js';
export { preparePng } from './png.js';
export type { PngLimits, PngResult, SafePng } from './png.js';

import type { SafePng } from './png.js';
import type { SafeSvg } from './svg.js';

/** An image ready for the renderer: sanitised SVG markup or an opaque PNG. */
export type SafeImage = SafeSvg | SafePng;
