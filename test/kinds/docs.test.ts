/**
 * docs/kinds.md stays true: every bundled print kind (a folder under templates/ other than
 * slides and messages) has a section, and each section's example is a complete briefing that
 * loads and builds as that kind.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBriefing, loadBriefing } from '../../src/index.js';

const ROOT = join(import.meta.dirname, '../..');
const page = readFileSync(join(ROOT, 'docs/kinds.md'), 'utf8');
const sections = [...page.matchAll(/^## (\S+)\n([\s\S]*?)(?=^## |(?![\s\S]))/gmu)].map((m) => ({ kind: m[1] ?? '', body: m[2] ?? '' }));
const kinds = readdirSync(join(ROOT, 'templates')).filter((d) => !['slides', 'messages', 'project'].includes(d) && statSync(join(ROOT, 'templates', d)).isDirectory());

describe('docs/kinds.md', () => {
  it('has a section for every bundled print kind, and no other', () => {
    expect(sections.map((s) => s.kind).sort()).toEqual([...kinds].sort());
  });

  it.each(sections.map((s) => [s.kind, s.body] as const))('the %s example loads and builds as that kind', async (kind, body) => {
    const yaml = /```yaml\n([\s\S]*?)```/u.exec(body)?.[1];
    expect(yaml).toBeDefined();
    const r = loadBriefing({ file: `${kind}.yaml`, text: yaml ?? '' });
    expect(r.ok, JSON.stringify(r.diagnostics)).toBe(true);
    if (!r.ok) return;
    expect(r.value.briefing.template ?? 'fact-sheet').toBe(kind);
    const built = await buildBriefing({ data: r.value.briefing as unknown, name: `${kind}.yaml` });
    expect(built.ok, JSON.stringify(built.ok ? [] : built.diagnostics)).toBe(true);
  }, 60_000);
});
