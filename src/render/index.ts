/**
 * The PDF writer: laid-out pages to PDF bytes (the only stage that imports pdfkit). Other
 * stages use what this index exports.
 */
export { packWriter } from './pack.js';
export type { PackWriter } from './pack.js';
export { documentDate, renderPdf } from './pdf.js';
