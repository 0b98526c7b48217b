/**
 * Cross-references in rich text: `[](#id)` names a chart (by its `name`), a table (by its
 * `id`) or a section (by its `id`). The data stage checks that every reference names one of
 * them (`data/ref` at the field); the layout numbers figures and tables as it prints them, so a
 * reference says "Figure 2" or "Table 3" whatever the order becomes, and links to its target.
 */
import { diag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { blockProse } from './blocks.js';
import type { BlockInput } from './blocks.js';
import type { Locator } from './locator.js';
import { formatPath, isRecord, type PathSeg } from './paths.js';
import { parseRich, type RichNode } from './rich.js';
import { listNames } from './suggest.js';

/** What a reference can point at. */
export type RefKind = 'figure' | 'table' | 'section';

/** A target of cross-references: its kind and, for a section, its title (the printed label). */
export interface RefTarget {
  readonly kind: RefKind;
  readonly title?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

/** Every table block (sub-sections included) of a list of blocks, in order. */
function tablesIn(blocks: unknown): Record<string, unknown>[] {
  return list(blocks).flatMap((b) => {
    if (!isRecord(b)) return [];
    if (isRecord(b['table'])) return [b['table']];
    return isRecord(b['subsection']) ? tablesIn(b['subsection']['blocks']) : [];
  });
}

/**
 * The ids references may name, from data as read (schema-valid) or a built briefing: charts
 * by name, tables and sections by id. The first of an id wins (charts, then tables, then sections).
 */
export function refTargets(data: unknown): ReadonlyMap<string, RefTarget> {
  const out = new Map<string, RefTarget>();
  const add = (id: string | undefined, t: RefTarget): void => {
    if (id !== undefined && !out.has(id)) out.set(id, t);
  };
  const d = isRecord(data) ? data : {};
  for (const c of list(d['charts'])) if (isRecord(c)) add(str(c['name']), { kind: 'figure' });
  for (const s of list(d['sections'])) if (isRecord(s)) for (const t of tablesIn(s['blocks'])) add(str(t['id']), { kind: 'table' });
  for (const s of list(d['sections'])) {
    const title = isRecord(s) ? str(s['title']) : undefined;
    if (isRecord(s)) add(str(s['id']), { kind: 'section', ...(title === undefined ? {} : { title }) });
  }
  return out;
}

/** The ids of the references in rich text, in order. */
export function refsIn(nodes: readonly RichNode[]): string[] {
  return nodes.flatMap((n) => (n.kind === 'text' ? [] : n.kind === 'ref' ? [n.id, ...refsIn(n.children)] : refsIn(n.children)));
}

/** Every prose field of the sections (intro, bullets, block text) with its path. */
function prose(data: unknown): { readonly path: readonly PathSeg[]; readonly text: string }[] {
  const out: { path: PathSeg[]; text: string }[] = [];
  const d = isRecord(data) ? data : {};
  list(d['sections']).forEach((s, i) => {
    if (!isRecord(s)) return;
    const intro = str(s['intro']);
    if (intro !== undefined) out.push({ path: ['sections', i, 'intro'], text: intro });
    list(s['bullets']).forEach((t, k) => typeof t === 'string' && out.push({ path: ['sections', i, 'bullets', k], text: t }));
    list(s['blocks']).forEach((b, k) => {
      for (const p of blockProse(b as BlockInput)) out.push({ path: ['sections', i, 'blocks', k, ...p.path], text: p.text });
    });
  });
  return out;
}

/** A reference to an id that names no chart, table or section is `data/ref` at its field. */
export function checkRefs(data: unknown, locator: Locator): Diagnostic[] {
  const targets = refTargets(data);
  const out: Diagnostic[] = [];
  for (const p of prose(data)) {
    if (!p.text.includes('](#')) continue;
    for (const id of refsIn(parseRich(p.text).nodes)) {
      if (targets.has(id)) continue;
      out.push(diag('data/ref', `\`#${id}\` names no chart, table or section`, {
        loc: locator.value([...p.path]),
        path: formatPath([...p.path]),
        hint: targets.size
          ? `refer to one of ${listNames([...targets.keys()].slice(0, 12))}: a chart's name, a table's id or a section's id`
          : 'give the chart (`name`), table (`id`) or section (`id`) an identifier and refer to it as [](#id)',
      }));
    }
  }
  return out;
}
