/**
 * Slide decks from a briefing: data -> `templates/slides/` -> slide markup -> slide model ->
 * laid-out slides, drawn as a tagged 16:9 PDF by the document renderer and written as a PPTX by
 * src/pptx/; the build session (src/build/deck.ts) puts the stages together.
 * Diagnostic codes: `slides/overflow`, `slides/unknown-kind`, `slides/unknown-chart`,
 * `slides/missing-title`, `slides/directive`, `slides/unsupported`, `slides/outside`, `slides/empty`.
 */
export { parseSlides } from './parse.js';
export type { SlideParseInput } from './parse.js';
export { planSlides } from './plan.js';
export type { PlanInput, PlanOutput } from './plan.js';
export { layoutSlides } from './layout.js';
export type { SlideStyle } from './style.js';
export type { Frame, SlidePlan, TextFrame, TextPara } from './frames.js';
export type { NoteLine, NotePart, OverflowMode, Point, Slide, SlideDeck } from './types.js';
export { furniture } from './furniture.js';
