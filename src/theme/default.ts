import type { Theme } from './types.js';

/** Points per millimetre. */
export const PT_PER_MM = 72 / 25.4;

/** The default binding gutter (mm): extra inside margin in duplex. */
export const DEFAULT_GUTTER_MM = 12;

/**
 * The default ministry theme. Series colours follow the Okabe-Ito colour-blind safe set,
 * chosen so their luminance steps also separate in greyscale (dark blue, orange, mid grey-blue).
 */
export const defaultTheme: Theme = {
  name: 'default',
  margins: { top: 72, bottom: 64, inside: 62 + DEFAULT_GUTTER_MM * PT_PER_MM, outside: 62 },
  palette: {
    primary: '#1f4e79',
    text: '#1a1a1a',
    muted: '#5a6270',
    rule: '#c8ced6',
    panel: '#eef3f8',
    marking: '#a4161a',
    positive: '#1b7a3a',
    negative: '#a4161a',
    series: ['#1f4e79', '#e69f00', '#56b4e9', '#009e73', '#cc79a7', '#d55e00'],
  },
  bodySize: 10.5,
  bodyLeading: 14,
  headingSizes: [22, 14, 11.5],
  smallSize: 8.5,
  paraSpace: 6,
  justify: false,
  hyphenate: true,
  listIndent: 14,
  chartAspect: 0.5,
  chartFontSize: 8,
};

/**
 * The theme with a binding gutter of `mm` millimetres: in duplex, the inside margin is the
 * outside margin plus the gutter (`--gutter`). Single-sided pages do not change.
 */
export function withGutter(theme: Theme, mm: number): Theme {
  return { ...theme, margins: { ...theme.margins, inside: theme.margins.outside + mm * PT_PER_MM } };
}
