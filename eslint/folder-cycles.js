/**
 * ESLint rule `briefkit/no-folder-cycle`: no import cycle between the folders (stages) of src/.
 * `import-x/no-cycle` follows files, and a cycle between folders passes it whenever the files
 * involved differ (text/a imports incremental/b, incremental/c imports text/d). This rule builds
 * the folder graph from every file's import specifiers (static, re-exports, dynamic, type-only)
 * and reports each import whose target folder leads back to the importing folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const SPEC = /(?:^|[\s;}])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const ROOT = '.';

/** The folder of `file` under `srcDir` (its first path segment), `.` for src/ itself, or undefined outside. */
export function folderOf(srcDir, file) {
  const rel = relative(srcDir, file);
  if (rel.startsWith('..') || rel === '') return undefined;
  const parts = rel.split(sep);
  return parts.length > 1 ? parts[0] : ROOT;
}

/** Relative specifiers of a source text (static imports, re-exports, dynamic imports). */
export function specifiers(text) {
  return [...text.matchAll(SPEC)].map((m) => m[1] ?? m[2]).filter((s) => s.startsWith('.'));
}

/** Folder graph: folder -> folders it imports. `files` maps absolute paths to source text. */
export function folderGraph(srcDir, files) {
  const graph = new Map();
  for (const [file, text] of files) {
    const from = folderOf(srcDir, file);
    if (from === undefined) continue;
    for (const spec of specifiers(text)) {
      const to = folderOf(srcDir, resolve(dirname(file), spec));
      if (to === undefined || to === from) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from).add(to);
    }
  }
  return graph;
}

/** A path of folders from `start` to `goal` (both included), or undefined when there is none. */
export function folderPath(graph, start, goal) {
  const prev = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length) {
    const at = queue.shift();
    if (at === goal) {
      const path = [];
      for (let f = at; f !== undefined; f = prev.get(f)) path.unshift(f);
      return path;
    }
    for (const next of [...(graph.get(at) ?? [])].sort()) {
      if (!prev.has(next)) {
        prev.set(next, at);
        queue.push(next);
      }
    }
  }
  return undefined;
}

function sources(dir, out = new Map()) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (/\.(ts|js|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.set(p, readFileSync(p, 'utf8'));
  }
  return out;
}

// One graph per lint run (a process); the file being linted is read from its current text.
const graphs = new Map();

/** @type {import('eslint').Rule.RuleModule} */
export const noFolderCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'forbid import cycles between the folders of src/' },
    schema: [{ type: 'object', properties: { src: { type: 'string' } }, additionalProperties: false }],
    messages: { cycle: 'import cycle between folders: {{path}} (move the shared piece to the lower stage)' },
  },
  create(context) {
    const srcDir = resolve(context.cwd, context.options[0]?.src ?? 'src');
    const file = context.filename;
    const from = folderOf(srcDir, file);
    if (from === undefined) return {};
    if (!graphs.has(srcDir)) graphs.set(srcDir, sources(srcDir));
    const files = new Map(graphs.get(srcDir));
    files.set(file, context.sourceCode.text);
    const graph = folderGraph(srcDir, files);
    const check = (node) => {
      const spec = node.source && node.source.type === 'Literal' ? node.source.value : undefined;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = folderOf(srcDir, resolve(dirname(file), spec));
      if (to === undefined || to === from) return;
      const back = folderPath(graph, to, from);
      if (back) context.report({ node: node.source, messageId: 'cycle', data: { path: [from, ...back].join(' -> ') } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { 'no-folder-cycle': noFolderCycle } };
