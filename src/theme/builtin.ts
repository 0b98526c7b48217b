import { defaultTheme } from './default.js';
import type { Theme } from './types.js';

/**
 * A sober greyscale theme for office printers: black text and headings, grey rules and
 * panels, chart series as steps of grey far enough apart to tell from each other (the charts
 * also give each series its own dash and marker, and deficits are dotted, so sign and series
 * survive without colour). Everything but the colours is the default theme's.
 */
export const printTheme: Theme = {
  ...defaultTheme,
  name: 'print',
  palette: {
    primary: '#000000',
    text: '#000000',
    muted: '#4d4d4d',
    rule: '#999999',
    panel: '#eeeeee',
    marking: '#000000',
    positive: '#333333',
    negative: '#000000',
    series: ['#000000', '#7a7a7a', '#b3b3b3', '#404040', '#999999', '#d0d0d0'],
    grid: '#dddddd',
    zero: '#4d4d4d',
  },
};

/** The built-in themes by name: `--theme default` (today's look) and `--theme print`. */
export const BUILTIN_THEMES: Readonly<Record<string, Theme>> = { default: defaultTheme, print: printTheme };
