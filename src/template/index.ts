export { renderTemplate, TEMPLATES_DIR } from './render.js';
export { locateText } from './diagnose.js';
export type { TemplateInput, TemplateOutput } from './render.js';
export { availableLanguages, checkCatalog, checkLanguage, loadMessages, LANGUAGE_TAG } from './messages.js';
export type { Messages } from './messages.js';
export { tradeWording } from './wording.js';
export { displayPath } from './files.js';
