import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../../src/diag/index.js';

/** Folder of the data-stage fixture corpus. */
export const FIXTURES = 'test/fixtures/bad/data';

/**
 * The minimal valid briefing the fixtures are variations of (27 lines). `valid-bom.yaml` is
 * exactly a BOM plus this text; the generated tests splice defects into it.
 */
export const BASE = readFileSync(`${FIXTURES}/valid-bom.yaml`, 'utf8').replace(/^\uFEFF/, '');

/** One row of `cases.json`: the diagnostic a fixture must produce, or nulls for a valid file. */
export interface Case {
  readonly file: string;
  readonly code: string | null;
  readonly line: number | null;
  readonly col: number | null;
  readonly severity: 'error' | 'warning' | null;
  /** Text the diagnostic's hint must contain. */
  readonly hint?: string;
  /** Text the diagnostic's message must contain. */
  readonly message?: string;
}

export function readCases(): Case[] {
  return JSON.parse(readFileSync(`${FIXTURES}/cases.json`, 'utf8')) as Case[];
}

/** `code@line:col` for compact assertions. */
export function where(d: Diagnostic): string {
  return `${d.code}@${d.loc?.line ?? '?'}:${d.loc?.col ?? '?'}`;
}
