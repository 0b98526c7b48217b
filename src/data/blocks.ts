/**
 * Section blocks as written (one-key objects: `- paragraph: …`, `- table: {…}`) and their
 * conversion into the {@link ContentBlock} union templates see. Runs on schema-valid input.
 */
import type { CalloutRole, ContentBlock, DataTable, ListItem, TableValue } from './types.js';

/** A list item as written: its text, or its text with items one level down. */
export type ListItemInput = string | { readonly text: string; readonly items?: readonly string[] };

/** A data table as written: rows inline; notes optional. */
export interface TableInput extends Omit<DataTable, 'rows' | 'notes'> {
  readonly rows: readonly (readonly TableValue[])[];
  readonly notes?: readonly string[];
}

/** A block as written in a section's `blocks:` list. */
export type BlockInput =
  | { readonly paragraph: string }
  | { readonly bullets: readonly ListItemInput[] }
  | { readonly numbered: readonly ListItemInput[] }
  | { readonly subsection: { readonly title: string; readonly blocks: readonly BlockInput[] } }
  | { readonly table: TableInput }
  | { readonly chart: string }
  | { readonly callout: { readonly kind?: CalloutRole; readonly title?: string; readonly text?: string; readonly bullets?: readonly ListItemInput[] } }
  | { readonly keyFigures: { readonly title?: string; readonly items: readonly { readonly value: string; readonly label: string; readonly change?: string }[] } }
  | { readonly quote: { readonly text: string; readonly by?: string } }
  | { readonly pageBreak: true };

const nfc = (s: string): string => s.normalize('NFC');
const optText = <K extends string>(key: K, v: string | undefined): Partial<Record<K, string>> =>
  (v === undefined ? {} : ({ [key]: nfc(v) } as Record<K, string>));

function item(i: ListItemInput): ListItem {
  return typeof i === 'string' ? { text: nfc(i), items: [] } : { text: nfc(i.text), items: (i.items ?? []).map(nfc) };
}

const value = (v: TableValue): TableValue => (typeof v === 'string' ? nfc(v) : v);

function table(t: TableInput): ContentBlock {
  return {
    kind: 'table',
    ...optText('id', t.id),
    ...optText('caption', t.caption),
    columns: t.columns.map((c) => ({
      title: nfc(c.title),
      type: c.type,
      ...optText('unit', c.unit),
      ...optText('currency', c.currency),
      ...(c.decimals === undefined ? {} : { decimals: c.decimals }),
    })),
    rows: t.rows.map((r) => r.map(value)),
    ...(t.total ? { total: t.total.map(value) } : {}),
    notes: (t.notes ?? []).map(nfc),
    ...optText('source', t.source),
  };
}

/** Builds one block; `level` is the heading level a sub-section here gets (3, then 4). */
export function buildBlock(b: BlockInput, level: 3 | 4): ContentBlock {
  if ('paragraph' in b) return { kind: 'paragraph', text: nfc(b.paragraph) };
  if ('bullets' in b) return { kind: 'bullets', items: b.bullets.map(item) };
  if ('numbered' in b) return { kind: 'numbered', items: b.numbered.map(item) };
  if ('subsection' in b) {
    return { kind: 'subsection', title: nfc(b.subsection.title), level, blocks: b.subsection.blocks.map((x) => buildBlock(x, 4)) };
  }
  if ('table' in b) return table(b.table);
  if ('chart' in b) return { kind: 'chart', name: b.chart };
  if ('callout' in b) {
    const c = b.callout;
    return { kind: 'callout', role: c.kind ?? 'note', ...optText('title', c.title), ...optText('text', c.text), bullets: (c.bullets ?? []).map(item) };
  }
  if ('keyFigures' in b) {
    return {
      kind: 'keyFigures',
      ...optText('title', b.keyFigures.title),
      items: b.keyFigures.items.map((k) => ({ value: nfc(k.value), label: nfc(k.label), ...optText('change', k.change) })),
    };
  }
  if ('quote' in b) return { kind: 'quote', text: nfc(b.quote.text), ...optText('by', b.quote.by) };
  return { kind: 'pageBreak' };
}

/** Every prose field of a block (rich text), with its path below the block, for checks. */
export function blockProse(b: BlockInput): { readonly path: readonly (string | number)[]; readonly text: string }[] {
  const items = (key: string, list: readonly ListItemInput[]): { path: (string | number)[]; text: string }[] =>
    list.flatMap((i, k) => (typeof i === 'string'
      ? [{ path: [key, k], text: i }]
      : [{ path: [key, k, 'text'], text: i.text }, ...(i.items ?? []).map((t, m) => ({ path: [key, k, 'items', m], text: t }))]));
  if ('paragraph' in b) return [{ path: ['paragraph'], text: b.paragraph }];
  if ('bullets' in b) return items('bullets', b.bullets);
  if ('numbered' in b) return items('numbered', b.numbered);
  if ('subsection' in b) return b.subsection.blocks.flatMap((x, i) => blockProse(x).map((p) => ({ path: ['subsection', 'blocks', i, ...p.path], text: p.text })));
  if ('table' in b) {
    const t = b.table;
    const text = (v: TableValue, k: number): v is string => typeof v === 'string' && t.columns[k]?.type === 'text';
    return [
      ...(t.caption ? [{ path: ['table', 'caption'], text: t.caption }] : []),
      ...t.rows.flatMap((r, i) => r.flatMap((v, k) => (text(v, k) ? [{ path: ['table', 'rows', i, k], text: v }] : []))),
      ...(t.total ?? []).flatMap((v, k) => (text(v, k) ? [{ path: ['table', 'total', k], text: v }] : [])),
      ...(t.notes ?? []).map((n, i) => ({ path: ['table', 'notes', i], text: n })),
    ];
  }
  if ('callout' in b) return [...(b.callout.text ? [{ path: ['callout', 'text'], text: b.callout.text }] : []), ...items('bullets', b.callout.bullets ?? []).map((p) => ({ ...p, path: ['callout', ...p.path] }))];
  if ('quote' in b) return [{ path: ['quote', 'text'], text: b.quote.text }];
  return [];
}
