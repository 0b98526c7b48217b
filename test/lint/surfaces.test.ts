/**
 * Stage surfaces: the lint rules that keep stages apart (issue 14). The folder graph is tested
 * as a pure function, and the repository's own ESLint config is run on sources that break each
 * rule, so a rule dropped from eslint.config.js fails here.
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM module of the lint config, without type declarations
import { folderGraph, folderOf, folderPath, specifiers } from '../../eslint/folder-cycles.js';

const SRC = resolve('src');
const at = (p: string): string => resolve(SRC, p);

describe('folder graph', () => {
  it.each([
    ['text/a.ts', 'text'],
    ['index.ts', '.'],
    ['../test/x.ts', undefined],
  ])('%s is in folder %s', (file, folder) => {
    expect(folderOf(SRC, at(file))).toBe(folder);
  });

  it('reads static, type-only, re-export and dynamic specifiers, not package names', () => {
    const text = [
      "import { a } from '../data/index.js';",
      "import type { B } from '../theme/index.js';",
      "export { c } from './c.js';",
      "const m = await import('../mail/index.js');",
      "import x from 'pdfkit';",
    ].join('\n');
    expect(specifiers(text)).toEqual(['../data/index.js', '../theme/index.js', './c.js', '../mail/index.js']);
  });

  it.each([
    { name: 'no cycle', files: { 'a/x.ts': "import '../b/index.js';", 'b/y.ts': "import '../c/index.js';" }, from: 'b', to: 'a', path: undefined },
    { name: 'two folders', files: { 'a/x.ts': "import '../b/index.js';", 'b/y.ts': "import type { T } from '../a/index.js';" }, from: 'b', to: 'a', path: ['b', 'a'] },
    { name: 'round a loop of three', files: { 'a/x.ts': "import '../b/index.js';", 'b/y.ts': "import '../c/index.js';", 'c/z.ts': "import '../a/index.js';" }, from: 'b', to: 'a', path: ['b', 'c', 'a'] },
    { name: 'through different files', files: { 'a/x.ts': "import '../b/index.js';", 'a/w.ts': '', 'b/v.ts': "export * from '../a/w.js';" }, from: 'b', to: 'a', path: ['b', 'a'] },
  ])('$name', ({ files, from, to, path }) => {
    const graph = folderGraph(SRC, new Map(Object.entries(files).map(([f, t]) => [at(f), t])));
    expect(folderPath(graph, from, to)).toEqual(path);
  });
});

describe('the repository lint config', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const lint = async (file: string, code: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath: at(file) });
    return (result?.messages ?? []).map((m) => `${m.ruleId ?? ''}@${m.line}`);
  };

  it.each([
    ['an internal file of another stage', "import { peekData } from '../data/peek.js';\nexport const x = peekData;\n", ['no-restricted-imports@1']],
    ['a type-only import of an internal file', "import type { Briefing } from '../data/types.js';\nexport type X = Briefing;\n", ['no-restricted-imports@1']],
    ['a re-export of an internal file', "export { peekData } from '../data/peek.js';\n", ['no-restricted-imports@1']],
    ['a stage that imports the text stage back', "import { buildTarget } from '../build/index.js';\nexport const x = buildTarget;\n", ['briefkit/no-folder-cycle@1']],
    ['another stage through its index, and its own files', "import { peekData } from '../data/index.js';\nimport { textWidth } from './measure.js';\nexport const x = [peekData, textWidth];\n", []],
  ])('text/ importing %s', async (_name, code, rules) => {
    expect(await lint('text/zz-surface-test.ts', code)).toEqual(rules);
  }, 60_000);

  it('a root file importing a stage internal', async () => {
    expect(await lint('zz-surface-test.ts', "export { loadBriefing } from './data/load.js';\n")).toEqual(['no-restricted-imports@1']);
  }, 60_000);
});
