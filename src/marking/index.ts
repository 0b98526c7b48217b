/**
 * Security markings: one parser, one way to combine, one way to print, driven by a scheme.
 * Data files and pack manifests are checked with `checkMarking` when loaded; packs and
 * messages combine their parts with `combineMarkings`; banners come from `formatMarking`.
 */
export type {
  Marking, MarkingCaveat, MarkingColors, MarkingLevel, MarkingName, MarkingNames, MarkingProblem, MarkingRelease,
  MarkingResult, MarkingRule, MarkingScheme,
} from './types.js';
export { builtinSchemes, canadaScheme, defaultScheme, natoScheme, noneScheme } from './schemes.js';
export { parseMarking } from './parse.js';
export { languageGaps, ruleProblem } from './rules.js';
export { combineMarkings, dominates, sameMarking } from './combine.js';
export { checkMarking, formatMarking, markingBanner, readMarking } from './format.js';
export type { MarkingField } from './format.js';
export { compileScheme } from './table.js';
export { schemeHint } from './describe.js';
export { nameKey } from './text.js';
