/**
 * Checks of section content the JSON Schema cannot make: rich text whose links go where data
 * may not link (`data/link`), sections with nothing to print, charts placed that are not
 * declared or placed twice, table rows that do not match their columns. Runs on schema-valid
 * input; every problem is located at its field.
 */
import { diag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { blockProse } from './blocks.js';
import type { BlockInput } from './blocks.js';
import type { BriefingInput } from './input.js';
import type { Locator } from './locator.js';
import { formatPath, type PathSeg } from './paths.js';
import { parseRich } from './rich.js';
import { listNames } from './suggest.js';
import type { TableColumn, TableValue } from './types.js';

const MONEY_UNITS = ['one', 'thousand', 'million', 'billion'];

/** Every check of sections' prose and blocks. */
export function checkSections(b: BriefingInput, locator: Locator): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (segs: readonly PathSeg[]): { loc: ReturnType<Locator['value']>; path: string } => ({ loc: locator.value([...segs]), path: formatPath([...segs]) });
  const rich = (segs: readonly PathSeg[], text: string): void => {
    for (const p of parseRich(text).problems) out.push(diag(p.code, p.message, { ...at(segs), hint: p.hint }));
  };
  const declared = new Set((b.charts ?? []).map((c) => c.name));
  const placed = new Map<string, readonly PathSeg[]>();

  const walk = (blocks: readonly BlockInput[], base: readonly PathSeg[]): void => {
    blocks.forEach((blk, i) => {
      const here = [...base, i];
      for (const p of blockProse(blk)) {
        // Sub-sections' prose is checked when the walk reaches their blocks.
        if (p.path[0] !== 'subsection') rich([...here, ...p.path], p.text);
      }
      if ('subsection' in blk) walk(blk.subsection.blocks, [...here, 'subsection', 'blocks']);
      else if ('chart' in blk) chartPlace(blk.chart, [...here, 'chart']);
      else if ('table' in blk) checkTable(blk.table.columns, blk.table.rows, blk.table.total, [...here, 'table'], at, out);
      else if ('callout' in blk && !blk.callout.text && !blk.callout.bullets) {
        out.push(diag('data/empty', 'a call-out needs `text`, `bullets` or both', { ...at([...here, 'callout']), hint: 'add `text: …` with the message' }));
      }
    });
  };
  const chartPlace = (name: string, segs: readonly PathSeg[]): void => {
    if (!declared.has(name)) {
      out.push(diag('data/chart-ref', `no chart is named \`${name}\``, {
        ...at(segs),
        hint: declared.size ? `place one of ${listNames([...declared])}, or declare \`${name}\` under \`charts\`` : `declare a chart named \`${name}\` under \`charts\``,
      }));
      return;
    }
    const prev = placed.get(name);
    if (prev) {
      out.push(diag('data/duplicate', `chart \`${name}\` is placed twice (first at line ${locator.value([...prev]).line})`, { ...at(segs), hint: 'a chart is placed once: remove one of the two blocks' }));
    } else placed.set(name, segs);
  };

  b.sections.forEach((s, i) => {
    const here = ['sections', i];
    if (s.intro !== undefined) rich([...here, 'intro'], s.intro);
    (s.bullets ?? []).forEach((t, k) => rich([...here, 'bullets', k], t));
    if ((s.bullets?.length ?? 0) + (s.blocks?.length ?? 0) === 0) {
      out.push(diag('data/empty', `section \`${s.id}\` has neither \`bullets\` nor \`blocks\``, { ...at(here), hint: 'add `bullets:` or `blocks:` with the section\'s text' }));
    }
    walk(s.blocks ?? [], [...here, 'blocks']);
  });
  return out;
}

type At = (segs: readonly PathSeg[]) => { loc: ReturnType<Locator['value']>; path: string };

function checkTable(columns: readonly TableColumn[], rows: readonly (readonly TableValue[])[], total: readonly TableValue[] | undefined, base: readonly PathSeg[], at: At, out: Diagnostic[]): void {
  columns.forEach((c, k) => {
    if (c.type === 'money' && c.unit !== undefined && !MONEY_UNITS.includes(c.unit)) {
      out.push(diag('data/table', `money column \`${c.title}\` has unit \`${c.unit}\``, { ...at([...base, 'columns', k, 'unit']), hint: `a money column's unit scales its values: ${MONEY_UNITS.join(', ')}` }));
    }
    if (c.type === 'money' && !c.currency) {
      out.push(diag('data/table', `money column \`${c.title}\` has no \`currency\``, { ...at([...base, 'columns', k]), hint: 'add `currency:` with an ISO 4217 code, e.g. CAD' }));
    }
  });
  const row = (r: readonly TableValue[], segs: readonly PathSeg[]): void => {
    if (r.length !== columns.length) {
      out.push(diag('data/table', `this row has ${r.length} value(s) for ${columns.length} column(s)`, { ...at(segs), hint: 'give one value per column, `null` for an empty cell' }));
    }
    r.forEach((v, k) => {
      const c = columns[k];
      if (!c || v === null) return;
      const numeric = c.type === 'number' || c.type === 'money' || c.type === 'percent';
      if (numeric && typeof v !== 'number') {
        out.push(diag('data/table', `column \`${c.title}\` holds ${c.type} values, not text`, { ...at([...segs, k]), hint: 'write the number without units or separators, e.g. 1234.5, or null' }));
      } else if (c.type === 'date' && (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v))) {
        out.push(diag('data/table', `column \`${c.title}\` holds dates written YYYY-MM-DD`, { ...at([...segs, k]), hint: 'write the date as YYYY-MM-DD, e.g. 1995-10-01' }));
      } else if (c.type === 'text' && typeof v !== 'string') {
        out.push(diag('data/table', `column \`${c.title}\` holds text`, { ...at([...segs, k]), hint: 'quote the value, or make the column a number column' }));
      }
    });
  };
  rows.forEach((r, i) => row(r, [...base, 'rows', i]));
  if (total) row(total, [...base, 'total']);
}
