/**
 * The static files the preview serves: its own script and style, and pdf.js. A fixed
 * allow-list from URL path to a file resolved once (pdf.js by module resolution, from wherever
 * node_modules is): nothing else on disk can be named by a request.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fromRoot } from '../util/index.js';

/** A file the server may send, with its content type. */
export interface StaticFile {
  readonly path: string;
  readonly type: string;
}

const JS = 'text/javascript; charset=utf-8';

/** URL path -> file. Built on first use (resolving pdf.js costs a look through node_modules). */
let table: ReadonlyMap<string, StaticFile> | undefined;

export function staticFiles(): ReadonlyMap<string, StaticFile> {
  if (table) return table;
  // The legacy build: it carries the polyfills an older browser needs.
  const pdfjs = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs'));
  table = new Map<string, StaticFile>([
    ['/assets/viewer.js', { path: fromRoot('assets', 'preview', 'viewer.js'), type: JS }],
    ['/assets/preview.css', { path: fromRoot('assets', 'preview', 'preview.css'), type: 'text/css; charset=utf-8' }],
    ['/pdfjs/pdf.mjs', { path: join(pdfjs, 'pdf.mjs'), type: JS }],
    ['/pdfjs/pdf.worker.mjs', { path: join(pdfjs, 'pdf.worker.mjs'), type: JS }],
  ]);
  return table;
}
