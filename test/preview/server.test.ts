/**
 * The preview server over HTTP: what it serves (content types, CSP, no caching of PDFs), and
 * what it refuses (paths outside its allow-list, traversal in any spelling, other hosts,
 * methods other than GET). Chart thumbnails, and the listing without them.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fail } from '../../src/diag/errors.js';
import { startPreview } from '../../src/preview/index.js';
import type { Preview } from '../../src/preview/index.js';
import { targetKey } from '../../src/preview/project.js';
import { tempProject } from './project.js';
import type { TempProject } from './project.js';

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** A raw request: the path is sent exactly as given (fetch would normalise it). */
function get(base: string, path: string, o: { method?: string; host?: string } = {}): Promise<Reply> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method: o.method ?? 'GET', headers: o.host ? { host: o.host } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens the event stream of a target and waits for a state with a PDF. */
async function firstPdf(base: string, key: string): Promise<string> {
  const res = await fetch(`${base}events?t=${key}`);
  const reader = res.body?.getReader();
  let text = '';
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) throw new Error(`stream ended: ${text}`);
    text += new TextDecoder().decode(chunk.value);
    for (const m of text.matchAll(/^data: (.*)$/gm)) {
      const s = JSON.parse(m[1] ?? '{}') as { pdf: string | null; failed: boolean | null };
      if (s.pdf) {
        await reader?.cancel();
        return s.pdf;
      }
    }
  }
}

describe('preview server', () => {
  let project: TempProject;
  let preview: Preview;
  let key: string;

  beforeAll(async () => {
    project = tempProject();
    key = targetKey(project.file);
    preview = await startPreview({ dir: project.dir, port: 0 });
  });
  afterAll(async () => {
    await preview?.close();
    project?.remove();
  });

  it.each([
    ['/', 'text/html; charset=utf-8'],
    ['/assets/viewer.js', 'text/javascript; charset=utf-8'],
    ['/assets/preview.css', 'text/css; charset=utf-8'],
    ['/pdfjs/pdf.mjs', 'text/javascript; charset=utf-8'],
    ['/pdfjs/pdf.worker.mjs', 'text/javascript; charset=utf-8'],
  ])('serves %s as %s, with a CSP', async (path, type) => {
    const r = await get(preview.url, path);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe(type);
    expect(r.headers['content-security-policy']).toContain("default-src 'none'");
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([
    '/../package.json', '/assets/../package.json', '/assets/..%2fpackage.json', '/assets/%2e%2e/%2e%2e/package.json',
    '/pdfjs/pdf.mjs.map', '/pdfjs/../pdf.mjs', '/pdfjs/..%2f..%2fpackage.json', '/node_modules/pdfjs-dist/package.json',
    '/data/briefings/canada-korea-1995.yaml', '/data/', '//etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/',
    '/pdf?t=../KEY', '/pdf?t=..%2F..%2Fetc%2Fpasswd', '/pdf?t=KEY%00', '/view?t=../../etc', '/view?t=',
    '/events?t=nope', '/thumb?t=nope&i=0', '/thumb?t=KEY&i=-1', '/thumb?t=KEY&i=__proto__', '/.git/config',
    '/pdf?t=KEY&deck=1', '/thumb?t=KEY&i=99',
  ])('refuses %s with 404 and nothing of the file', async (path) => {
    // KEY: the briefing's real key, known once the project exists.
    const r = await get(preview.url, path.replace('KEY', key));
    expect(r.status).toBe(404);
    expect(r.body.toString()).toBe('not found\n');
  });

  it('answers other methods with 405 and other hosts with 403 (DNS rebinding)', async () => {
    expect((await get(preview.url, '/', { method: 'POST' })).status).toBe(405);
    expect((await get(preview.url, '/', { method: 'PUT' })).status).toBe(405);
    expect((await get(preview.url, '/', { host: 'evil.example:80' })).status).toBe(403);
    expect((await get(preview.url, '/', { host: `localhost:${new URL(preview.url).port}` })).status).toBe(200);
  });

  it('lists the briefing with chart thumbnails served as PNG', async () => {
    const html = (await get(preview.url, '/')).body.toString();
    expect(html).toContain(`href="/view?t=${key}"`);
    const thumb = /<img src="([^"]+)"/.exec(html)?.[1];
    expect(thumb).toBeDefined();
    const r = await get(preview.url, (thumb ?? '').replace(/&#38;/g, '&'));
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('image/png');
    expect(r.body.subarray(1, 4).toString()).toBe('PNG');
  });

  it('builds on first view into a private folder and serves the PDF uncached', async () => {
    const pdf = await firstPdf(preview.url, key);
    const r = await get(preview.url, pdf);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.body.subarray(0, 5).toString()).toBe('%PDF-');
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(project.dir)).toEqual(['data']); // no output/ in the project
  });
});

describe('preview without canvas', () => {
  it('lists the briefings and says why there are no thumbnails', async () => {
    const project = tempProject();
    const preview = await startPreview({
      dir: project.dir, port: 0,
      thumbnailer: () => fail('chart/png-unavailable', 'PNG charts need the optional packages canvas and chartjs-node-canvas (test: not installed)'),
    });
    try {
      const html = (await get(preview.url, '/')).body.toString();
      expect(html).toContain(`href="/view?t=${targetKey(project.file)}"`);
      expect(html).toMatch(/Chart thumbnails are not shown: PNG charts need the optional packages canvas/);
      expect(html).not.toContain('<img');
    } finally {
      await preview.close();
      project.remove();
    }
  });
});
