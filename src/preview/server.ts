/**
 * `briefkit preview`: a local web server showing the project's briefings and packs, rebuilt
 * on save. It serves only what it made (pages, PDFs built into a private temporary folder,
 * thumbnails) and a fixed allow-list of static files: no request names a file on disk.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataFiles } from '../incremental/index.js';
import type { TargetOptions } from '../build/index.js';
import { TEMPLATES_DIR } from '../template/index.js';
import { watchFiles } from '../watch/index.js';
import { staticFiles } from './assets.js';
import { Builds } from './builds.js';
import type { ViewState } from './builds.js';
import { listPage, viewPage } from './html.js';
import type { ListedTarget } from './html.js';
import { discover } from './project.js';
import type { Target } from './project.js';
import { Thumbs } from './thumbs.js';
import type { Thumbnailer } from './thumbs.js';

/** What to serve and where. */
export interface PreviewOptions {
  /** The project folder (the one holding data/briefings and data/packs). */
  readonly dir: string;
  /** Address to listen on (default 127.0.0.1). */
  readonly host?: string;
  /** Port; 0 picks a free one. */
  readonly port: number;
  /** Build options for every target (paper, templates, ...). */
  readonly options?: TargetOptions;
  /** Quiet time after a save before rebuilding (ms). */
  readonly debounceMs?: number;
  /** Chart thumbnail renderer (tests replace it). */
  readonly thumbnailer?: Thumbnailer;
}

/** A running preview. */
export interface Preview {
  /** The start page, e.g. `http://127.0.0.1:7317/`. */
  readonly url: string;
  /** Resolves when no build is queued or running. */
  idle(): Promise<void>;
  /** Stops serving and watching, and removes the temporary output folder. */
  close(): Promise<void>;
}

const CSP = [
  "default-src 'none'", "script-src 'self'", "worker-src 'self'", "connect-src 'self'",
  "img-src 'self' data: blob:", "style-src 'self'", "font-src 'self' data: blob:",
  "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
} as const;

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function notFound(res: ServerResponse): void {
  send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
}

/** Starts the preview server; resolves once it listens and the watcher is ready. */
export async function startPreview(o: PreviewOptions): Promise<Preview> {
  const host = o.host ?? '127.0.0.1';
  const options = o.options ?? {};
  const templatesDir = options.templatesDir ?? TEMPLATES_DIR;
  const outDir = mkdtempSync(join(tmpdir(), 'briefkit-preview-'));
  const builds = new Builds({ outDir, options, templatesDir });
  const thumbs = new Thumbs(o.thumbnailer);
  let port = o.port;

  const find = (key: string | null): Target | undefined => (key ? discover(o.dir).targets.find((t) => t.key === key) : undefined);
  const listed = (t: Target): ListedTarget => ({
    key: t.key, file: t.shown, kind: t.kind, ...(t.title !== undefined ? { title: t.title } : {}),
    thumbs: thumbs.of(t).map((_png, i) => `/thumb?t=${t.key}&i=${i}`),
  });

  const route = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', { Allow: 'GET, HEAD' });
    // A page elsewhere cannot reach a loopback server by a name of its own (DNS rebinding).
    const hostHeader = req.headers.host ?? '';
    if (isLoopback(host) && ![`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(hostHeader)) {
      return send(res, 403, 'text/plain; charset=utf-8', 'forbidden host\n');
    }
    const url = new URL(req.url ?? '/', 'http://preview.invalid');
    const asset = staticFiles().get(url.pathname);
    if (asset) return send(res, 200, asset.type, readFileSync(asset.path), { 'Cache-Control': 'no-cache' });
    const deck = url.searchParams.get('deck') === '1';
    switch (url.pathname) {
      case '/': {
        const { targets, problems } = discover(o.dir);
        const items = targets.map(listed);
        return send(res, 200, 'text/html; charset=utf-8', listPage(o.dir, items, problems, thumbs.state));
      }
      case '/view': {
        const t = find(url.searchParams.get('t'));
        if (!t || (deck && t.kind !== 'briefing')) return notFound(res);
        return send(res, 200, 'text/html; charset=utf-8', viewPage(listed(t), deck));
      }
      case '/thumb': {
        const t = find(url.searchParams.get('t'));
        const png = t ? thumbs.of(t)[Number(url.searchParams.get('i'))] : undefined;
        return png ? send(res, 200, 'image/png', png) : notFound(res);
      }
      case '/pdf': {
        const key = url.searchParams.get('t');
        const file = key && /^[0-9a-f]{16}$/.test(key) ? builds.output(key, deck) : undefined;
        if (!file || !existsSync(file)) return notFound(res);
        return send(res, 200, 'application/pdf', readFileSync(file), { 'Content-Disposition': 'inline' });
      }
      case '/events': {
        const t = find(url.searchParams.get('t'));
        if (!t) return notFound(res);
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(': briefkit preview\n\n');
        const viewer = { deck, send: (s: ViewState) => res.write(`event: state\ndata: ${JSON.stringify(s)}\n\n`) };
        const leave = builds.open(t, viewer);
        const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
        req.on('close', () => {
          clearInterval(ping);
          leave();
        });
        return;
      }
      default:
        return notFound(res);
    }
  };

  const server = createServer((req, res) => {
    try {
      route(req, res);
    } catch (e) {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
      console.error(e);
    }
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(o.port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    rmSync(outDir, { recursive: true, force: true }); // a port in use leaves nothing behind
    throw e;
  }
  port = (server.address() as AddressInfo).port;

  const watched = [join(o.dir, 'data'), templatesDir, ...discover(o.dir).targets.flatMap((t) => dataFiles(t.file))];
  const watcher = watchFiles(watched.filter((p) => existsSync(p)), {
    ...(o.debounceMs !== undefined ? { debounceMs: o.debounceMs } : {}),
    onChange: (files) => builds.changed(files),
  });
  await watcher.ready;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    idle: () => builds.idle(),
    async close() {
      await watcher.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await builds.idle();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
