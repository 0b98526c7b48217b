/** `briefkit preview`: the server and what it is made of, for the CLI and tests. */
export { startPreview, isLoopback } from './server.js';
export type { Preview, PreviewOptions } from './server.js';
export { escapeHtml, diagnosticHtml, listPage, viewPage } from './html.js';
export { resolveInside } from './paths.js';
export type { Thumbnailer } from './thumbs.js';
