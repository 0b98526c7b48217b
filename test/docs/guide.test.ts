/**
 * The user guide (docs/guide/) stays true: every relative link and anchor resolves, every
 * ```yaml briefing example validates through loadBriefing, and every `briefkit …` line in a
 * ```sh block names a real command and real options of the commander program.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBriefing } from '../../src/data/index.js';
import { formatDiagnostic } from '../../src/diag/format.js';
import { cliSurface, commandProblems } from './cli-surface.js';

const GUIDE = 'docs/guide';
const PAGES = ['getting-started', 'authoring', 'packs', 'themes', 'templates', 'slides', 'email', 'ci', 'preview', 'api'];

interface Block { readonly info: string; readonly text: string; readonly line: number }

/** Fenced code blocks, and the text outside them (code blocks blanked, lines kept). */
function split(md: string): { blocks: Block[]; prose: string } {
  const blocks: Block[] = [];
  const prose: string[] = [];
  let open: { info: string; line: number; body: string[] } | undefined;
  md.split('\n').forEach((line, i) => {
    const fence = /^```(.*)$/.exec(line);
    if (fence && !open) {
      open = { info: (fence[1] ?? '').trim(), line: i + 1, body: [] };
      prose.push('');
    } else if (fence && open && line.trim() === '```') {
      blocks.push({ info: open.info, text: open.body.join('\n'), line: open.line });
      open = undefined;
      prose.push('');
    } else if (open) {
      open.body.push(line);
      prose.push('');
    } else prose.push(line);
  });
  return { blocks, prose: prose.join('\n') };
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchors(md: string): Set<string> {
  const out = new Set<string>();
  for (const m of split(md).prose.matchAll(/^#{1,6}\s+(.+)$/gm)) {
    out.add((m[1] ?? '').trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-'));
  }
  return out;
}

/** Problems with the relative links of one page. */
export function linkProblems(file: string, md: string): string[] {
  const problems: string[] = [];
  const prose = split(md).prose.replace(/`[^`\n]*`/g, '');
  for (const m of prose.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)) {
    const target = m[1] ?? '';
    if (/^(https?:|mailto:)/.test(target)) continue;
    const [path = '', anchor] = target.split('#');
    if (!path) {
      if (!anchors(md).has(anchor ?? '')) problems.push(`${file}: link to ${target}: no heading with that anchor`);
      continue;
    }
    const resolved = normalize(join(dirname(file), path));
    if (!existsSync(resolved)) {
      problems.push(`${file}: link to ${target}: no such file`);
      continue;
    }
    if (anchor !== undefined) {
      const text = statSync(resolved).isFile() ? readFileSync(resolved, 'utf8') : '';
      if (!anchors(text).has(anchor)) problems.push(`${file}: link to ${target}: no heading with that anchor`);
    }
  }
  return problems;
}

/** Words of a shell line: quotes removed, a `#` comment dropped. */
function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|'([^']*)'|(#.*$)|(\S+)/g)) {
    if (m[3] !== undefined) break;
    out.push(m[1] ?? m[2] ?? m[4] ?? '');
  }
  return out;
}

/** The `briefkit …` invocations of a sh block, as words after `briefkit`. */
function invocations(sh: string): string[][] {
  return sh.split('\n').map(words).flatMap((w) => {
    const at = w.indexOf('briefkit');
    return at >= 0 && (at === 0 || w[at - 1] === 'npx') ? [w.slice(at + 1)] : [];
  });
}

const pages = readdirSync(GUIDE).filter((f) => f.endsWith('.md')).map((f) => join(GUIDE, f));

describe('docs/guide', () => {
  it('has every page the guide promises, linked from its index', () => {
    const index = readFileSync(join(GUIDE, 'README.md'), 'utf8');
    for (const p of PAGES) {
      expect(existsSync(join(GUIDE, `${p}.md`)), p).toBe(true);
      expect(index).toContain(`](${p}.md)`);
    }
  });

  it.each(pages)('%s: every relative link and anchor resolves', (file) => {
    expect(linkProblems(file, readFileSync(file, 'utf8'))).toEqual([]);
  });

  it.each(pages)('%s: every briefing example validates', (file) => {
    const blocks = split(readFileSync(file, 'utf8')).blocks.filter((b) => b.info === 'yaml briefing');
    for (const b of blocks) {
      const r = loadBriefing({ file: `${file}.line-${b.line}.yaml`, text: b.text });
      expect(r.ok ? [] : r.diagnostics.map(formatDiagnostic)).toEqual([]);
    }
  });

  it.each(pages)('%s: every briefkit command names a real command and options', async (file) => {
    const surface = await cliSurface();
    const calls = split(readFileSync(file, 'utf8')).blocks.filter((b) => b.info === 'sh').flatMap((b) => invocations(b.text));
    expect(calls.flatMap((c) => commandProblems(surface, c))).toEqual([]);
  });

  it('shows at least one briefing example and a dozen commands in all', async () => {
    const all = pages.map((f) => split(readFileSync(f, 'utf8')).blocks).flat();
    expect(all.filter((b) => b.info === 'yaml briefing').length).toBeGreaterThanOrEqual(3);
    expect(all.filter((b) => b.info === 'sh').flatMap((b) => invocations(b.text)).length).toBeGreaterThanOrEqual(12);
  });
});

describe('the checks themselves', () => {
  it('flag a missing file, a missing anchor, an invalid example and an unknown option', async () => {
    expect(linkProblems(join(GUIDE, 'x.md'), 'see [a](nope.md) and [b](ci.md#no-such-part), not `[c](gone.md)`')).toEqual([
      `${join(GUIDE, 'x.md')}: link to nope.md: no such file`,
      `${join(GUIDE, 'x.md')}: link to ci.md#no-such-part: no heading with that anchor`,
    ]);
    expect(linkProblems(join(GUIDE, 'x.md'), '[ok](ci.md#the-workflow-init-writes) [ok](#x)\n# X')).toEqual([]);
    expect(loadBriefing({ file: 'x.yaml', text: 'id: Bad Id\nlanguage: en\n' }).ok).toBe(false);
    expect(invocations('npx briefkit build --nope # a comment --with-dashes\nbriefkit diff "a b.pdf" c.pdf\necho briefkit')).toEqual([
      ['build', '--nope'], ['diff', 'a b.pdf', 'c.pdf'],
    ]);
    const surface = await cliSurface();
    expect(commandProblems(surface, ['build', '--nope'])).toHaveLength(1);
  });
});
