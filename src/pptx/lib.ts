/**
 * pptxgenjs as this ESM package sees it. Its typings are CommonJS (`export default` of a
 * class merged with a namespace of option types), so TypeScript puts the class one `default`
 * deeper than Node's loader of its ES build does; {@link PptxGenJS} finds it in either shape.
 */
import * as pptxgen from 'pptxgenjs';
import type * as P from 'pptxgenjs';

type Ctor = typeof P.default.default;

function findClass(): Ctor {
  const mod: unknown = pptxgen.default;
  if (typeof mod === 'function') return mod as Ctor;
  const inner = (mod as { default?: unknown }).default;
  if (typeof inner === 'function') return inner as Ctor;
  throw new Error('internal: pptxgenjs did not export its presentation class');
}

/** The pptxgenjs presentation class. */
export const PptxGenJS: Ctor = findClass();
export type Pptx = InstanceType<Ctor>;
export type PptxSlide = P.default.Slide;
export type TextProps = P.default.TextProps;
export type TextPropsOptions = P.default.TextPropsOptions;
export type ChartName = P.default.CHART_NAME;
export type ChartSeries = P.default.OptsChartData;
export type ChartOptions = P.default.IChartOpts;
export type MasterProps = P.default.SlideMasterProps;
export type SlideNumberProps = P.default.SlideNumberProps;
