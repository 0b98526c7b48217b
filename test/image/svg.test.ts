import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeSvg, preparePng } from '../../src/image/index.js';
import { PNG } from 'pngjs';

const NS = 'xmlns="http://www.w3.org/2000/svg"';
const XL = 'xmlns:xlink="http://www.w3.org/1999/xlink"';
const svg = (body: string, attrs = 'viewBox="0 0 10 10"'): Uint8Array => Buffer.from(`<svg ${NS} ${XL} ${attrs}>${body}</svg>`);

describe('sanitizeSvg refuses what could reach outside the file or run', () => {
  it.each([
    ['a script', '<script>alert(1)</script>', /<script> is not allowed/],
    ['foreignObject', '<foreignObject><div/></foreignObject>', /<foreignObject> is not allowed/],
    ['an embedded or linked image', '<image href="file:///etc/passwd" width="1" height="1"/>', /<image> is not allowed/],
    ['a link', '<a href="javascript:alert(1)"><rect width="1" height="1"/></a>', /<a> is not allowed/],
    ['a style sheet', '<style>rect{fill:url(http://x/y)}</style>', /<style> is not allowed/],
    ['text (fonts we do not embed)', '<text>Hi</text>', /<text> is not allowed/],
    ['animation', '<rect width="1" height="1"><set attributeName="fill" to="red"/></rect>', /<set> is not allowed/],
    ['an event attribute', '<rect width="1" height="1" onload="alert(1)"/>', /is script/],
    ['use of another file', '<use xlink:href="other.svg#a"/>', /only `#id`/],
    ['use of a URL (SVG 2 href)', '<use href="https://example.org/a.svg#x"/>', /only `#id`/],
    ['a paint server in another file', '<rect width="1" height="1" fill="url(http://x/p.svg#g)"/>', /only `url\(#id\)`/],
    ['a style attribute with an external url', '<rect width="1" height="1" style="fill:url(&quot;file:///x&quot;)"/>', /only `url\(#id\)`/],
    ['javascript in a value', '<rect width="1" height="1" fill="javascript:alert(1)"/>', /script/],
  ])('%s', (_name, body, reason) => {
    const r = sanitizeSvg(svg(body));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it.each([
    ['a DOCTYPE with entities', `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg ${NS} viewBox="0 0 1 1">&x;</svg>`, /DOCTYPE/],
    ['a root that is not svg', `<html xmlns="http://www.w3.org/1999/xhtml"/>`, /root element/],
    ['a root that is an SVG element but not svg', `<g ${NS}/>`, /root element/],
    ['broken XML', `<svg ${NS}><g></svg>`, /well-formed/],
    ['no size', `<svg ${NS}><rect width="1" height="1"/></svg>`, /no size/],
    ['not UTF-8', Buffer.from([0x3c, 0x73, 0x76, 0x67, 0xff, 0xfe]), /UTF-8/],
  ] as const)('%s', (_name, text, reason) => {
    const r = sanitizeSvg(typeof text === 'string' ? Buffer.from(text) : text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('enforces its size limits', () => {
    const limits = { maxBytes: 200, maxElements: 5, maxDepth: 3, maxAttribute: 20 };
    const reason = (b: Uint8Array): string => { const r = sanitizeSvg(b, limits); return r.ok ? 'ok' : r.reason; };
    expect(reason(svg('<g/>'.repeat(60)))).toMatch(/bytes/);
    expect(reason(svg('<g/>'.repeat(6)))).toMatch(/more than 5 elements/);
    expect(reason(svg('<g><g><g><g/></g></g></g>'))).toMatch(/deeper than 3/);
    expect(reason(svg(`<path d="${'M0 0 '.repeat(10)}"/>`))).toMatch(/longer than 20/);
  });
});

describe('sanitizeSvg keeps the drawing', () => {
  it('keeps shapes, paint, gradients and local references; drops metadata, editor attributes and unknown attributes', () => {
    const r = sanitizeSvg(Buffer.from(`<?xml version="1.0"?>
<svg ${NS} ${XL} xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" width="40" height="20" inkscape:version="1.0">
  <metadata>rdf here</metadata><title>Logo</title>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#00a3e0"/></linearGradient></defs>
  <rect id="r" width="40" height="20" fill="url(#g)" data-x="1" class="c" style="stroke:#000; behaviour: x"/>
  <use xlink:href="#r"/><inkscape:extra/>
</svg>`));
    if (!r.ok) throw new Error(r.reason);
    expect(r.svg).toMatchObject({ width: 40, height: 20 });
    const m = r.svg.markup;
    for (const kept of ['<linearGradient id="g">', 'stop-color="#00a3e0"', 'fill="url(#g)"', 'style="stroke:#000"', 'xlink:href="#r"']) expect(m).toContain(kept);
    for (const gone of ['metadata', 'title', 'data-x', 'class=', 'inkscape:', 'behaviour']) expect(m).not.toContain(gone);
  });

  it('property: whatever elements and attributes are mixed in, the output holds no script, link, external reference or event', () => {
    const names = fc.constantFrom('g', 'rect', 'path', 'script', 'a', 'image', 'use', 'style', 'foreignObject', 'iframe', 'text', 'feImage');
    const attrs = fc.constantFrom('fill', 'href', 'xlink:href', 'onclick', 'style', 'clip-path', 'd', 'src', 'onload');
    const values = fc.constantFrom('#a', 'https://evil/x', 'javascript:alert(1)', 'url(#a)', 'url(http://e/x)', 'fill:red', 'fill:url(file:///x)', 'M0 0', 'data:text/html,x');
    const el = fc.tuple(names, fc.array(fc.tuple(attrs, values), { maxLength: 3 }));
    fc.assert(fc.property(fc.array(el, { maxLength: 8 }), (els) => {
      const body = els.map(([n, as]) => `<${n} ${[...new Map(as)].map(([a, v]) => `${a}="${v}"`).join(' ')}/>`).join('');
      const r = sanitizeSvg(svg(body));
      if (!r.ok) return true;
      const m = r.svg.markup.replace(/\sxmlns(:\w+)?="[^"]*"/g, '');
      expect(m).not.toMatch(/<(script|a|image|style|foreignObject|iframe|text|feImage)\b/);
      expect(m).not.toMatch(/\son\w+=|javascript:|https?:|file:|data:|\ssrc=/i);
      expect(m).not.toMatch(/href="(?!#)/);
      return true;
    }), { numRuns: 300 });
  });
});

describe('preparePng', () => {
  const png = (w: number, h: number, alpha: number): Buffer => {
    const p = new PNG({ width: w, height: h });
    for (let i = 0; i < p.data.length; i += 4) p.data.set([200, 0, 0, alpha], i);
    return PNG.sync.write(p);
  };

  it('lays transparency over white and writes an opaque RGB PNG (deterministic to embed)', () => {
    const r = preparePng(png(4, 2, 0));
    if (!r.ok) throw new Error(r.reason);
    expect(r.png).toMatchObject({ width: 4, height: 2 });
    expect(r.png.bytes[25]).toBe(2);
    const back = PNG.sync.read(r.png.bytes);
    expect([...back.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
    const solid = preparePng(png(1, 1, 255));
    if (!solid.ok) throw new Error(solid.reason);
    expect([...PNG.sync.read(solid.png.bytes).data.subarray(0, 3)]).toEqual([200, 0, 0]);
  });

  it.each([
    ['not a PNG', Buffer.from('GIF89a................................'), /not a PNG/],
    ['a header claiming a huge image', (() => { const b = png(1, 1, 255); b.writeUInt32BE(100000, 16); return b; })(), /px/],
    ['a damaged body', (() => { const b = png(2, 2, 255); b.fill(0, 40); return b; })(), /cannot be decoded/],
  ])('refuses %s', (_n, bytes, reason) => {
    const r = preparePng(bytes);
    expect(r.ok ? 'ok' : r.reason).toMatch(reason);
  });
});
