/**
 * The charts stage: chart specs plus briefing data to vector drawings (`ChartAsset`), recorded
 * from chart.js onto a Canvas 2D recorder in pt, with alt text, a data table and notes.
 * A spec is checked with the data stage's chart rules (`data/chart-*` codes, see
 * src/data/chart-rules.ts); this stage adds `chart/empty` (a chart that drew nothing) and
 * `chart/png-unavailable`.
 */
export type { ChartAsset, DrawOp, PathSeg, Paint } from './types.js';
export { renderChart, renderCharts, drawChartData } from './render.js';
export { seriesRegistry, seriesKeys, stylesFor } from './series-keys.js';
export type { SeriesRegistry } from './series-keys.js';
export type { SeriesStyle } from './style.js';
export { thinLabels, labelPriorities } from './thin.js';
export type { Box, LabelCandidate, PlacedLabel, ThinOptions } from './thin.js';
export { fitCentre, splitMoney } from './centre.js';
export type { CentreFit, CentreLine, CentreText } from './centre.js';
export type { ChartInput, ChartResult } from './render.js';
export type { ConfigOptions } from './config.js';
export { chartData, checkChart } from './data.js';
export type { ChartData, SeriesData, ChartWhere, ChartDataResult } from './data.js';
export type { ChartWords } from './describe.js';
export { renderChartPng } from './png.js';
export type { PngOptions, PngResult } from './png.js';
export { chartCacheStats, clearChartCache } from './cache.js';
export type { ChartCacheStats } from './cache.js';
export { RecordingContext } from './recorder.js';
export { tint } from './css.js';
export { seriesStyles } from './style.js';
