// Precompiles the bundled Handlebars templates into dist/templates/ with the same escaping
// rewrite and options as run-time compilation, so a cold build does not compile them. Each
// file records the hash of the template text it was made from.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { partialCalls, rewriteEscapes } from '../dist/template/ast.js';
import { helperNames, COMPILE_OPTIONS } from '../dist/template/render.js';
import { templateHash } from '../dist/template/precompiled.js';

const root = 'templates';
const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
let count = 0;
for (const file of walk(root).filter((f) => f.endsWith('.hbs'))) {
  const src = readFileSync(file, 'utf8');
  const ast = Handlebars.parse(src);
  const partials = partialCalls(ast);
  rewriteEscapes(ast, helperNames());
  const spec = Handlebars.precompile(ast, COMPILE_OPTIONS);
  const out = join('dist', 'templates', `${relative(root, file)}.cjs`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `module.exports = { hash: ${JSON.stringify(templateHash(src))}, partials: ${JSON.stringify(partials)}, spec: ${spec} };\n`);
  count++;
}
console.log(`precompiled ${count} templates`);
