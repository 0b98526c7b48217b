export { renderTemplate, TEMPLATES_DIR } from './render.js';
export { locateText } from './diagnose.js';
export type { TemplateInput, TemplateOutput } from './render.js';
export { escapeMarkup, escapeAttribute } from './escape.js';
