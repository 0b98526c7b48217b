export { renderTemplate, TEMPLATES_DIR, locateText } from './render.js';
export type { TemplateInput, TemplateOutput } from './render.js';
export { escapeMarkup, escapeAttribute } from './escape.js';
