import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * What the published package may reach, read from the code rather than trusted: runtime code
 * imports only `dependencies` (optional ones only lazily, inside a function), every runtime
 * dependency is used, and the type declarations users compile against reach only packages
 * that are installed with briefkit and carry their own types. The tarball test checks the same
 * by installing; this one names the file and line.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};
const runtime = new Set(Object.keys(pkg.dependencies));
const optional = new Set(Object.keys(pkg.optionalDependencies ?? {}));
const builtins = new Set(builtinModules);

/** The package a bare specifier names: `@scope/name/x` → `@scope/name`, `hyphen/fr` → `hyphen`. */
function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
}

function isBare(spec: string): boolean {
  return !spec.startsWith('.') && !spec.startsWith('/') && !spec.startsWith('node:') && !builtins.has(spec);
}

interface Use {
  readonly where: string;
  readonly spec: string;
  /** Loaded by a call (`import()`, `require()`) rather than a static import declaration. */
  readonly lazy: boolean;
}

/** `import(…)`, `require(…)` or `createRequire(import.meta.url)(…)`. */
function loads(callee: ts.Expression): boolean {
  if (callee.kind === ts.SyntaxKind.ImportKeyword) return true;
  // `require.resolve('x/…')` and `createRequire(…).resolve('x/…')`: the package's files are used at run time.
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'resolve') return loads(callee.expression);
  if (ts.isIdentifier(callee)) return callee.text === 'require';
  return ts.isCallExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'createRequire';
}

/** The module specifiers a source file loads when it runs (type-only imports are erased). */
function runtimeImports(file: string, text: string): Use[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const uses: Use[] = [];
  const at = (n: ts.Node): string => `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier) && !n.importClause?.isTypeOnly) {
      uses.push({ where: at(n), spec: n.moduleSpecifier.text, lazy: false });
    } else if (ts.isExportDeclaration(n) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier) && !n.isTypeOnly) {
      uses.push({ where: at(n), spec: n.moduleSpecifier.text, lazy: false });
    } else if (ts.isCallExpression(n) && loads(n.expression)) {
      // A literal, or each branch's: `require(lang === 'fr' ? 'hyphen/fr' : 'hyphen/en-us')`.
      const specs = (m: ts.Expression): void => {
        if (ts.isStringLiteralLike(m)) uses.push({ where: at(n), spec: m.text, lazy: true });
        else if (ts.isParenthesizedExpression(m)) specs(m.expression);
        else if (ts.isConditionalExpression(m)) {
          specs(m.whenTrue);
          specs(m.whenFalse);
        }
      };
      if (n.arguments[0]) specs(n.arguments[0]);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return uses;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const uses = sourceFiles(join(ROOT, 'src')).flatMap((f) => runtimeImports(f, readFileSync(f, 'utf8')));
const bare = uses.filter((u) => isBare(u.spec));

describe('runtime imports', () => {
  it.each([
    ["import { a } from 'x';", [{ spec: 'x', lazy: false }]],
    ["import type { A } from 'x';", []],
    ["export type { A } from 'x';", []],
    ["export { a } from './y.js';", [{ spec: './y.js', lazy: false }]],
    ["const m = await import('x');", [{ spec: 'x', lazy: true }]],
    ["const m = require(lang === 'fr' ? 'h/fr' : 'h/en');", [{ spec: 'h/fr', lazy: true }, { spec: 'h/en', lazy: true }]],
    ["const m = createRequire(import.meta.url)('x');", [{ spec: 'x', lazy: true }]],
    ["new Worker(`import('tsx/esm/api')`, { eval: true });", []],
    ["// import x from 'x'", []],
  ])('%s', (text, expected) => {
    expect(runtimeImports(join(ROOT, 'src', 'x.ts'), text).map(({ spec, lazy }) => ({ spec, lazy }))).toEqual(expected);
  });

  it('finds the imports it checks', () => {
    expect(bare.map((u) => packageName(u.spec))).toEqual(expect.arrayContaining(['pdfkit', 'yaml', 'chartjs-node-canvas', 'hyphen']));
  });

  it('reach only runtime and optional dependencies', () => {
    const stray = bare.filter((u) => !runtime.has(packageName(u.spec)) && !optional.has(packageName(u.spec)));
    expect(stray.map((u) => `${u.where}: ${u.spec} is not in dependencies`)).toEqual([]);
  });

  it('load optional dependencies only on use, so a machine without them still works', () => {
    const eager = bare.filter((u) => optional.has(packageName(u.spec)) && !u.lazy);
    expect(eager.map((u) => `${u.where}: ${u.spec} is optional and imported eagerly`)).toEqual([]);
  });

  it('use every runtime dependency', () => {
    const used = new Set(bare.map((u) => packageName(u.spec)));
    // @types packages are there for the shipped declarations (see below), not for code.
    expect([...runtime].filter((d) => !used.has(d) && !d.startsWith('@types/'))).toEqual([]);
  });
});

/** Module specifiers a declaration file refers to (imports, re-exports, `import("x")` types, references). */
function declarationRefs(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const refs = sf.typeReferenceDirectives.map((r) => r.fileName);
  const visit = (n: ts.Node): void => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) refs.push(n.moduleSpecifier.text);
    if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument) && ts.isStringLiteral(n.argument.literal)) refs.push(n.argument.literal.text);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return refs;
}

describe('published type declarations', () => {
  it('reach only dependencies that ship their own types', () => {
    const entry = join(ROOT, 'dist', 'index.d.ts');
    if (!existsSync(entry)) throw new Error('dist/index.d.ts is missing: run `npm run build` first');
    const seen = new Set<string>();
    const external = new Map<string, string>();
    const walk = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of declarationRefs(file)) {
        if (spec.startsWith('.')) walk(resolve(dirname(file), spec).replace(/\.js$/, '.d.ts'));
        else if (isBare(spec)) external.set(spec, relative(ROOT, file));
      }
    };
    walk(entry);
    expect(seen.size).toBeGreaterThan(10);
    const problems: string[] = [];
    const host = ts.sys;
    const options: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };
    // A package's types come with it, or from an @types package that is itself a runtime
    // dependency (installed with briefkit); never from a dev-only @types package.
    const typesPackage = (spec: string): string => `@types/${packageName(spec).replace(/^@([^/]+)\//, '$1__')}`;
    for (const [spec, from] of external) {
      if (!runtime.has(packageName(spec)) && !runtime.has(typesPackage(spec))) {
        problems.push(`${from}: ${spec} is not a runtime dependency`);
        continue;
      }
      const r = ts.resolveModuleName(spec, join(ROOT, from), options, host).resolvedModule;
      if (!r || (r.resolvedFileName.includes('/node_modules/@types/') && !runtime.has(typesPackage(spec)))) {
        problems.push(`${from}: ${spec} has no types of its own (users would need a dev-only @types package)`);
      }
    }
    expect(problems).toEqual([]);
  });
});
