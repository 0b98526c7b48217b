import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fromRoot } from '../util/index.js';
import { peekData } from '../data/index.js';
import { TEMPLATES_DIR } from '../template/index.js';
import { fileHash, filesUnder, sha256 } from '../util/index.js';
import { fontsHash } from '../text/index.js';

let version: string | undefined;

/**
 * The tool's version: the package version plus a hash of its source code (or, in an install
 * without sources, its compiled code), so a changed tool counts as a changed input.
 */
export function toolVersion(): string {
  if (version) return version;
  const pkg = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { version: string };
  const codeDir = existsSync(fromRoot('src')) ? fromRoot('src') : fromRoot('dist');
  const code = filesUnder(codeDir, codeDir).filter((f) => /\.(m?js|ts)$/.test(f) && !f.endsWith('.d.ts'));
  version = `${pkg.version}+${sha256(code.map((f) => `${f}:${fileHash(join(codeDir, f))}`).join('\n')).slice(0, 12)}`;
  return version;
}

export type TargetKind = 'briefing' | 'pack';

/** Whether a data file is a pack manifest (it lists briefings) or a briefing. */
export function targetKind(file: string): TargetKind {
  try {
    const data = peekData(file);
    return data && typeof data === 'object' && Array.isArray((data as { briefings?: unknown }).briefings) ? 'pack' : 'briefing';
  } catch {
    return 'briefing';
  }
}

/** The data files a target reads: itself, and for a pack the briefings it names. */
export function dataFiles(file: string): string[] {
  if (targetKind(file) === 'briefing') return [file];
  try {
    const data = peekData(file) as { briefings: unknown[] };
    return [file, ...data.briefings.filter((b): b is string => typeof b === 'string').map((b) => relative(process.cwd(), resolve(dirname(file), b)))];
  } catch {
    return [file];
  }
}

/** How {@link inputsHash} sees data files: a build session reads each once and hashes those bytes. */
export interface InputReader {
  /** The data files a target reads (itself and, for a pack, its briefings). */
  dataFiles(file: string): string[];
  /** The SHA-256 of a data file's bytes. */
  hash(file: string): string;
  /** The SHA-256 of another input (templates, catalogs, files the options name). */
  fileHash(file: string): string;
}

const fromDisk: InputReader = { dataFiles, hash: fileHash, fileHash };

/**
 * The hash of everything an output is built from: data files, every template and message
 * catalog, other files the options name (a theme, its fonts and logo), the fonts, the build
 * options and the tool version. Equal hashes give equal bytes.
 */
export function inputsHash(
  file: string, options: unknown, templatesDir = TEMPLATES_DIR, reader: InputReader = fromDisk, extra: readonly string[] = [],
): { hash: string; files: string[] } {
  const data = reader.dataFiles(file);
  const files = [...data, ...filesUnder(templatesDir), ...extra];
  const lines = files.map((f, i) => `${f}\t${i < data.length ? reader.hash(f) : reader.fileHash(f)}`);
  lines.push(`options\t${JSON.stringify(options)}`, `tool\t${toolVersion()}`, `fonts\t${fontsHash()}`);
  return { hash: sha256(lines.join('\n')), files };
}
