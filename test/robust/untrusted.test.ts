/**
 * Untrusted content: data text that looks like markup, directives, template code, HTML or
 * table syntax comes out literally and never becomes markup, links, charts or template code;
 * templates cannot reach prototypes; no PDF built here holds active content.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildBriefing } from '../../src/build/index.js';
import { briefingTree } from '../../src/build/index.js';
import type { Block, DocTree, Inline } from '../../src/doc/types.js';
import { DEFAULT_DATA, pdfText, qpdfCheck, runCli, scanPdf, removeTemps, tmp } from './helpers.js';

afterAll(removeTemps);

/** Every PDF this file builds; each is scanned for active content at the end. */
const built: string[] = [];
function keep(bytes: Uint8Array, name: string): string {
  const p = join(tmp(), name);
  writeFileSync(p, bytes);
  built.push(p);
  return p;
}

const PAYLOADS = [
  '**bold** __strong__ *em* _em_ ~~strike~~',
  '[x](javascript:alert(1)) [y](https://evil.example/) <https://auto.example/> <javascript:alert(2)>',
  '![img](https://x.example/i.png) [ref][evil] [evil]: javascript:alert(3)',
  '::chart{name=x} ::chart{name="trade-by-year"} :::table ::toc ::pagebreak :abbr[x]{title=y}',
  '{{title}} {{{title}}} {{> section}} {{#each sections}}loop{{/each}} {{constructor.constructor}}',
  '<script>alert(1)</script> <b>bold</b> <!-- comment --> &amp; &#x41; &copy; &lt;',
  '| a | b |',
  '# heading',
  '- item',
  '1. ordered',
  '> quote',
  '```js',
  '---',
  '[^1] [^note]: text',
  'back\\slash \\* \\_ \\\\ end\\',
  '$x$ %y% ^z^ =mark= +plus+ !bang! "quote" \'apos\' @at',
  'https://bare.example/path www.example.org mailto:someone@example.org',
];
/** What a payload reads as on the page: line breaks become spaces (data cannot start a block). */
const MULTILINE = 'line one\n# not a heading\n| c | d |\n:::keyfigures\n- **9** x\n:::';
const TITLE = '**T** [t](javascript:alert(1)) {{title}} <script>x</script> | # \\ ::chart{name=x} (a) [b]';

type Data = Record<string, unknown> & {
  sections: { id: string; title: string; intro?: string; bullets: string[] }[];
  trade: Record<string, unknown> & { years: Record<string, unknown>[]; topExports: string[]; topImports: string[]; rankings: Record<string, unknown>[] };
  charts: (Record<string, unknown> & { series: { field: string; label: string }[] })[];
};

/** Rich text that reads as `text` itself: every ASCII punctuation character escaped. */
const literal = (text: string): string => text.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);

function injected(): Data {
  const d = parse(readFileSync(DEFAULT_DATA, 'utf8')) as Data;
  d['title'] = TITLE;
  d['subtitle'] = PAYLOADS[0] ?? '';
  d['author'] = PAYLOADS[5] ?? '';
  d['source'] = PAYLOADS[4] ?? '';
  d['keywords'] = ['<script>', '**k**', '{{title}}'];
  const [s0, s1] = d.sections;
  if (!s0 || !s1) throw new Error('the default briefing has two sections');
  s0.title = PAYLOADS[3] ?? '';
  // Intro and bullets are rich text (src/data/rich.ts): written with a backslash before every
  // ASCII punctuation character, the payloads must still print exactly as they are here.
  s0.intro = literal(PAYLOADS[1] ?? '');
  s0.bullets = [...PAYLOADS, MULTILINE].map(literal);
  s1.title = PAYLOADS[6] ?? '';
  d.trade['partner'] = '[K](javascript:x) **K** | {{k}}';
  d.trade.topExports = PAYLOADS.slice(0, 10);
  d.trade.topImports = PAYLOADS.slice(7);
  const y0 = d.trade.years[0];
  if (y0) y0['derived'] = `${PAYLOADS[13]} ${PAYLOADS[2]}`;
  const r0 = d.trade.rankings[0];
  if (r0) r0['scope'] = '<b>Asia</b> | **Pacific**';
  d.charts.forEach((c, i) => {
    c['title'] = `${PAYLOADS[i] ?? ''}`.slice(0, 300);
    c['caption'] = PAYLOADS[(i + 4) % PAYLOADS.length] ?? '';
    c['source'] = PAYLOADS[(i + 8) % PAYLOADS.length] ?? '';
    c['notes'] = [PAYLOADS[(i + 12) % PAYLOADS.length] ?? ''];
    for (const s of c.series) s.label = `${s.label} <i>{{x}}</i> **|**`;
  });
  return d;
}

function walkBlocks(blocks: readonly Block[], visit: (b: Block) => void): void {
  for (const b of blocks) {
    visit(b);
    if (b.kind === 'list') for (const item of b.items) walkBlocks(item, visit);
  }
}
function inlinesOf(b: Block): (readonly Inline[])[] {
  switch (b.kind) {
    case 'heading':
    case 'paragraph':
      return [b.content];
    case 'table':
      return [...(b.caption ? [b.caption] : []), ...b.header.flat().map((c) => c.content), ...b.body.flat().map((c) => c.content), ...b.notes];
    case 'keyFigures':
      return b.title ? [b.title] : [];
    case 'titleBlock':
    case 'cover':
    case 'divider':
      return [b.title, ...b.lines];
    case 'toc':
      return [b.title];
    default:
      return [];
  }
}
function allInlines(tree: DocTree): Inline[] {
  const out: Inline[] = [];
  const add = (list: readonly Inline[]): void => {
    for (const i of list) {
      out.push(i);
      if (i.kind === 'link') add(i.children);
    }
  };
  walkBlocks(tree.blocks, (b) => inlinesOf(b).forEach(add));
  for (const n of tree.notes) add(n.content);
  return out;
}
const kinds = (tree: DocTree): string[] => tree.blocks.map((b) => b.kind);
/** Straight quotes and hyphen-minus for curly quotes, guillemets and U+2212: the typography data gets. */
const untypeset = (s: string): string => s.replace(/[\u201c\u201d\u00ab\u00bb]/g, '"').replace(/[\u2018\u2019]/g, "'").replace(/\u2212/g, '-');
const squash = (s: string): string => untypeset(s.normalize('NFC')).replace(/[\s\u00ad-]/g, '');

describe('data that looks like markup comes out literally', () => {
  let tree: DocTree;
  let plain: DocTree;
  let pdf = '';
  let text = '';

  beforeAll(async () => {
    const data = injected();
    tree = briefingTree({ data, name: 'untrusted.json' }).tree;
    plain = briefingTree({ file: DEFAULT_DATA }).tree;
    const r = await buildBriefing({ data, name: 'untrusted.json' });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics, null, 1));
    pdf = keep(r.pdf, 'untrusted.pdf');
    text = squash(pdfText(pdf));
  });

  it('keeps the document structure of the plain briefing: no new blocks, charts, notes or links', () => {
    // The same blocks, plus the intro paragraph the injected data adds to its first section.
    const k = kinds(plain);
    k.splice(k.indexOf('heading') + 1, 0, 'paragraph');
    expect(kinds(tree)).toEqual(k);
    const charts = (t: DocTree): string[] => { const n: string[] = []; walkBlocks(t.blocks, (b) => { if (b.kind === 'chart') n.push(b.name); }); return n; };
    expect(charts(tree)).toEqual(charts(plain));
    expect(tree.notes.length).toBe(plain.notes.length);
    expect(allInlines(tree).filter((i) => i.kind === 'link')).toEqual([]);
    const heads = (t: DocTree): number => { let n = 0; walkBlocks(t.blocks, (b) => { if (b.kind === 'heading') n++; }); return n; };
    expect(heads(tree)).toBe(heads(plain));
    const styled = (t: DocTree): string[] => allInlines(t).filter((i) => i.kind === 'text' && (i.style.bold || i.style.italic)).map((i) => (i.kind === 'text' ? i.text : ''));
    expect(styled(tree)).toEqual(styled(plain));
  });

  it('turns every bullet into exactly one plain text run equal to the data', () => {
    const section = tree.blocks.findIndex((b) => b.kind === 'heading' && b.content.some((i) => i.kind === 'text' && untypeset(i.text) === PAYLOADS[3]));
    expect(section).toBeGreaterThanOrEqual(0);
    const intro = tree.blocks[section + 1];
    expect(intro?.kind === 'paragraph' ? intro.content : undefined).toEqual([{ kind: 'text', text: PAYLOADS[1], style: {} }]);
    const list = tree.blocks[section + 2];
    if (list?.kind !== 'list') throw new Error(`expected the bullets, got ${list?.kind}`);
    const expected = [...PAYLOADS, MULTILINE.replace(/\n/g, ' ')];
    expect(list.items.length).toBe(expected.length);
    list.items.forEach((item, i) => {
      expect(item.length, expected[i]).toBe(1);
      const p = item[0];
      const content = p?.kind === 'paragraph' ? p.content.map((x) => (x.kind === 'text' ? { ...x, text: untypeset(x.text) } : x)) : p;
      expect(content).toEqual([{ kind: 'text', text: expected[i], style: {} }]);
    });
  });

  it('keeps table pipes inside their cells', () => {
    const tables: Extract<Block, { kind: 'table' }>[] = [];
    walkBlocks(tree.blocks, (b) => { if (b.kind === 'table') tables.push(b); });
    const t = tables.find((x) => x.body.length === 10);
    expect(t).toBeDefined();
    for (const row of t?.body ?? []) expect(row.length).toBe(3);
    const cell = (r: number, c: number): string => untypeset((t?.body[r]?.[c]?.content ?? []).map((i) => (i.kind === 'text' ? i.text : `<${i.kind}>`)).join(''));
    for (let r = 0; r < 10; r++) expect(cell(r, 1)).toBe(PAYLOADS[r]);
  });

  it('prints every payload verbatim in the PDF text', () => {
    for (const p of [...PAYLOADS, MULTILINE, TITLE, '[K](javascript:x) **K** | {{k}}', 'Exports to Korea <i>{{x}}</i> **|**']) expect(text, p).toContain(squash(p));
  });

  it('writes the PDF metadata verbatim, and escapes it in the XMP packet', () => {
    const info = execFileSync('pdfinfo', ['-enc', 'UTF-8', pdf], { encoding: 'utf8' });
    expect(info).toContain(`Title:           ${TITLE}\n`);
    expect(info).toContain(`Author:          ${PAYLOADS[5]}\n`);
    const xmp = execFileSync('pdfinfo', ['-meta', pdf], { encoding: 'utf8' });
    expect(xmp).not.toMatch(/<script>|<b>|<!-- comment/);
    expect(xmp).toContain('&lt;script&gt;');
  });

  it('has no link at all, and passes qpdf --check', () => {
    expect(scanPdf(pdf)).toEqual({ found: [], uris: [] });
    expect(qpdfCheck(pdf).status).toBe(0);
  });
});

describe('prototypes are out of reach', () => {
  it('refuses __proto__ and constructor keys in data (YAML and JSON), and pollutes nothing', async () => {
    const dir = tmp();
    const yaml = join(dir, 'proto.yaml');
    writeFileSync(yaml, readFileSync(DEFAULT_DATA, 'utf8').replace('\nlanguage: en\n', '\nlanguage: en\n__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\n'));
    const json = join(dir, 'proto.json');
    const d = parse(readFileSync(DEFAULT_DATA, 'utf8')) as Record<string, unknown>;
    writeFileSync(json, JSON.stringify(d).replace(/^\{/, '{"__proto__":{"polluted":true},'));
    for (const f of [yaml, json]) {
      const r = await runCli(['validate', f]);
      expect(r.code, r.err).toBe(1);
      expect(r.err).toMatch(/:\d+:\d+: error data\/unknown-field: unknown field `__proto__`/);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  const MINIMAL = 'test/fixtures/bad/briefings/same-id.yaml';
  const probes = [
    '{{constructor}}', '{{constructor.name}}', '{{__proto__}}', '{{__proto__.constructor}}', '{{title.constructor}}',
    '{{sections.constructor.name}}', '{{{constructor.constructor}}}', '{{lookup this "constructor"}}',
    '{{lookup (lookup this "constructor") "name"}}', '{{#with constructor}}{{name}}{{/with}}',
    '{{#with __proto__}}{{toString}}{{/with}}', '{{#each constructor}}{{this}}{{/each}}', '{{sections.__proto__.map}}',
    '{{lookup sections "constructor"}}', '{{hasOwnProperty}}', '{{valueOf}}', '{{toString}}',
  ];

  for (const probe of probes) {
    it(`${probe}: an error at the template, or nothing printed; never a function or an object`, async () => {
      const root = tmp();
      mkdirSync(join(root, 'fact-sheet'));
      mkdirSync(join(root, 'messages'));
      copyFileSync('templates/messages/en.json', join(root, 'messages', 'en.json'));
      writeFileSync(join(root, 'fact-sheet', 'document.hbs'), `# {{title}}\n\nBEFORE ${probe} AFTER\n`);
      const out = tmp();
      const r = await runCli(['build', MINIMAL, '--templates', root, '--out', out]);
      expect(r.thrown, r.err).toBeUndefined();
      if (r.code === 1) {
        expect(r.err).toMatch(/document\.hbs:\d+:\d+: error template\//);
        expect(r.err).not.toMatch(/function|native code|\[object/i);
        return;
      }
      expect(r.code, r.err).toBe(0);
      const pdf = join(out, 'canada-korea-1995.pdf');
      built.push(pdf);
      const t = pdfText(pdf);
      expect(t).toMatch(/BEFORE\s+AFTER/);
      expect(t).not.toMatch(/function|native code|\[object|Object|prototype/i);
    });
  }

  it('the bundled templates put data in raw (triple-stash) mustaches only through the attr helper', () => {
    const files = execFileSync('find', ['templates', '-name', '*.hbs'], { encoding: 'utf8' }).trim().split('\n');
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/\{\{\{\s*([^}]*)\}\}\}/g)) expect(m[1], `${f}: ${m[0]}`).toMatch(/^attr\s/);
    }
  });
});

describe('links from templates', () => {
  async function build(doc: string): Promise<{ code: number; err: string; pdf: string }> {
    const root = tmp();
    mkdirSync(join(root, 'fact-sheet'));
    mkdirSync(join(root, 'messages'));
    copyFileSync('templates/messages/en.json', join(root, 'messages', 'en.json'));
    writeFileSync(join(root, 'fact-sheet', 'document.hbs'), doc);
    const out = tmp();
    const data = join(tmp(), 'link.yaml');
    writeFileSync(data, readFileSync('test/fixtures/bad/briefings/same-id.yaml', 'utf8').replace(/title: .*/, 'title: "x) [evil](javascript:alert(1)) <javascript:alert(2)> (y"'));
    const r = await runCli(['build', data, '--templates', root, '--out', out]);
    const pdf = join(out, 'canada-korea-1995.pdf');
    if (r.code === 0) built.push(pdf);
    return { code: r.code, err: r.err, pdf };
  }

  it('keeps https links, and data placed in link text or in the URL cannot add a link', async () => {
    const r = await build('# Links\n\n[Trade site](https://example.org/trade) and [{{title}}](https://example.org/a) and [b](https://example.org/?q={{title}}).\n');
    expect(r.code, r.err).toBe(0);
    const { found, uris } = scanPdf(r.pdf);
    expect(found).toEqual([]);
    expect(uris.length).toBeGreaterThanOrEqual(2);
    for (const u of uris) expect(u).toMatch(/^https:\/\/example\.org\//);
    expect(squash(pdfText(r.pdf))).toContain(squash('x) [evil](javascript:alert(1)) <javascript:alert(2)> (y'));
  });
});

describe('every PDF built in this file', () => {
  it('holds no JavaScript, launch, form or embedded-file action and no non-web URI (raw bytes, after qpdf --qdf)', () => {
    expect(built.length).toBeGreaterThan(5);
    for (const p of built) expect(scanPdf(p).found, p).toEqual([]);
  });
});
