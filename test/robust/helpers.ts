/**
 * Shared helpers for the robustness tests: running the CLI in process, snapshots of output
 * folders, and scanning PDF bytes for active content.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

export const DEFAULT_DATA = 'data/briefings/canada-korea-1995.yaml';
export const DEFAULT_PDF = 'canada-korea-1995.pdf';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  /** The error main() threw, if it threw (an internal error: the real CLI exits 70). */
  readonly thrown?: unknown;
}

/** Runs the real CLI entry in this process and captures its output. A throw counts as exit 70. */
export async function runCli(args: readonly string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const io = { out: (s: string) => { out += s + '\n'; }, err: (s: string) => { err += s + '\n'; } };
  try {
    const code = await main(args, io);
    return { code, out, err };
  } catch (e) {
    err += e instanceof Error ? (e.stack ?? e.message) : String(e);
    return { code: 70, out, err, thrown: e };
  }
}

const made: string[] = [];

/** A fresh temporary folder, removed by {@link removeTemps} (kept when BRIEFKIT_KEEP_TMP is set). */
export function tmp(prefix = 'briefkit-robust-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder {@link tmp} made in this test file. */
export function removeTemps(): void {
  if (process.env['BRIEFKIT_KEEP_TMP']) return;
  for (const d of made.splice(0)) {
    try {
      rmSync(d, { recursive: true, force: true });
    } catch {
      // a folder still mounted or locked: leave it
    }
  }
}

/** Every file under a folder (hidden ones included) with its bytes, by relative path. */
export function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string, rel: string): void => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const n of names.sort()) {
      const p = join(d, n);
      const r = rel ? `${rel}/${n}` : n;
      const st = statSync(p, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) {
        files.set(`${r}/`, Buffer.alloc(0));
        walk(p, r);
      } else files.set(r, readFileSync(p));
    }
  };
  walk(dir, '');
  return files;
}

/** Differences between two snapshots, as readable lines (empty when identical). */
export function snapshotDiff(before: ReadonlyMap<string, Buffer>, after: ReadonlyMap<string, Buffer>): string[] {
  const out: string[] = [];
  for (const [k, v] of after) {
    const b = before.get(k);
    if (!b) out.push(`new: ${k}`);
    else if (!b.equals(v)) out.push(`changed: ${k}`);
  }
  for (const k of before.keys()) if (!after.has(k)) out.push(`removed: ${k}`);
  return out;
}

/** Temporary files of an atomic write (`.name.pid.hex.tmp`) anywhere under a folder. */
export function strayTemps(dir: string): string[] {
  return [...snapshot(dir).keys()].filter((k) => /(^|\/)\.[^/]*\.tmp$/.test(k));
}

/** `qpdf --check`: exit 0 means no errors and no warnings; returns status and output. */
export function qpdfCheck(path: string): { status: number; output: string } {
  try {
    const output = execFileSync('qpdf', ['--check', path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { status: 0, output };
  } catch (e) {
    const err = e as { status?: number; stdout?: string; stderr?: string };
    return { status: err.status ?? -1, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

/**
 * Active content a briefing PDF must never hold: JavaScript, launch and form-submission
 * actions, embedded files and rich media, and URI actions that are not http(s) or mailto.
 */
const ACTIVE = [
  { name: '/JavaScript', re: /\/JavaScript(?![A-Za-z0-9])/ },
  { name: '/JS', re: /\/JS(?![A-Za-z0-9])/ },
  { name: '/Launch', re: /\/Launch(?![A-Za-z0-9])/ },
  { name: '/SubmitForm', re: /\/SubmitForm(?![A-Za-z0-9])/ },
  { name: '/ImportData', re: /\/ImportData(?![A-Za-z0-9])/ },
  { name: '/RichMedia', re: /\/RichMedia(?![A-Za-z0-9])/ },
  { name: '/EmbeddedFile', re: /\/EmbeddedFiles?(?![A-Za-z0-9])/ },
  { name: '/URI (javascript', re: /\/URI\s*\(\s*javascript/i },
];

/** Decodes a PDF literal `( … )` or hex `< … >` string at the start of `s`. */
function pdfString(s: string): string {
  const t = s.trimStart();
  if (t.startsWith('<')) {
    const hex = t.slice(1, t.indexOf('>')).replace(/\s+/g, '');
    const bytes = Buffer.from(hex.length % 2 ? hex + '0' : hex, 'hex');
    return bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2).swap16().toString('utf16le') : bytes.toString('latin1');
  }
  let depth = 0;
  let out = '';
  for (let i = 1; i < t.length; i++) {
    const c = t[i] ?? '';
    if (c === '\\') {
      out += t[i + 1] ?? '';
      i++;
    } else if (c === '(') {
      depth++;
      out += c;
    } else if (c === ')') {
      if (depth === 0) break;
      depth--;
      out += c;
    } else out += c;
  }
  return out;
}

export interface ScanResult {
  /** Active-content markers found (empty when clean). */
  readonly found: string[];
  /** Every URI action target. */
  readonly uris: string[];
}

/**
 * Decompresses a PDF with `qpdf --qdf --object-streams=disable` and scans the raw bytes for
 * active content and for URI actions whose scheme is not https:, http: or mailto:.
 */
export function scanPdf(path: string): ScanResult {
  const dir = tmp('briefkit-scan-');
  const qdf = join(dir, 'qdf.pdf');
  try {
    try {
      execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, qdf], { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      // Exit 3: written, with warnings (the readers test reports those).
      if ((e as { status?: number }).status !== 3) throw e;
    }
    const raw = readFileSync(qdf).toString('latin1');
    const found = ACTIVE.filter((a) => a.re.test(raw)).map((a) => a.name);
    const uris: string[] = [];
    for (const m of raw.matchAll(/\/URI\s*([(<])/g)) uris.push(pdfString(raw.slice((m.index ?? 0) + m[0].length - 1)));
    for (const u of uris) if (!/^(https?:|mailto:)/i.test(u.trim())) found.push(`/URI ${JSON.stringify(u.slice(0, 60))}`);
    return { found, uris };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Plain text of a PDF (poppler), pages joined. */
export function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Whether the process may change its effective user (root, with process.seteuid). */
export function canDropPrivileges(): boolean {
  return typeof process.geteuid === 'function' && process.geteuid() === 0 && typeof process.seteuid === 'function';
}

/** Runs `fn` with the effective user `uid` (root only), restoring root afterwards. */
export async function asUser<T>(uid: number, fn: () => Promise<T>): Promise<T> {
  const gid = process.getegid?.() ?? 0;
  process.setegid?.(uid);
  process.seteuid?.(uid);
  try {
    return await fn();
  } finally {
    process.seteuid?.(0);
    process.setegid?.(gid);
  }
}
