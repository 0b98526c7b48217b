/**
 * SVG from the user (a theme's logo; later, issue 16's images) made safe to hand to
 * svg-to-pdfkit, which is unsafe on untrusted SVG: its default image callback reads local
 * files and it turns `<a href="javascript:…">` into a link. We parse the file ourselves and
 * keep only an allow-list of shape, paint and structure elements and attributes: no scripts,
 * no links, no images, no styles sheets, no text (it would need fonts we do not embed), no
 * external references (`href` and `url()` only to `#local` ids), within size limits.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import type { Element as XmlElement, Node as XmlNode } from '@xmldom/xmldom';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** Limits on what a sanitised SVG may hold. */
export interface SvgLimits {
  /** File size (bytes). */
  readonly maxBytes: number;
  /** Elements kept. */
  readonly maxElements: number;
  /** Nesting depth. */
  readonly maxDepth: number;
  /** Length of one attribute value (path data, points). */
  readonly maxAttribute: number;
}

/** Generous for a logo or a map, small enough that drawing stays quick. */
export const SVG_LIMITS: SvgLimits = { maxBytes: 1024 * 1024, maxElements: 5000, maxDepth: 32, maxAttribute: 256 * 1024 };

/** Shape, paint and structure elements svg-to-pdfkit draws and that reach nothing outside the file. */
const ELEMENTS: ReadonlySet<string> = new Set([
  'svg', 'g', 'defs', 'use', 'symbol', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
  'linearGradient', 'radialGradient', 'stop', 'clipPath',
]);

/** Elements that carry no drawing (editor metadata, titles): removed without complaint. */
const DROPPED: ReadonlySet<string> = new Set(['metadata', 'title', 'desc']);

/** Presentation attributes and geometry we keep; anything else is removed. */
const ATTRIBUTES: ReadonlySet<string> = new Set([
  'id', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'width', 'height', 'd', 'points',
  'viewBox', 'preserveAspectRatio', 'transform', 'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width',
  'stroke-opacity', 'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'stroke-dasharray', 'stroke-dashoffset',
  'opacity', 'clip-path', 'clip-rule', 'clipPathUnits', 'offset', 'stop-color', 'stop-opacity', 'gradientUnits',
  'gradientTransform', 'spreadMethod', 'display', 'visibility', 'color', 'version', 'style', 'href',
]);

/** CSS properties kept from a `style` attribute (the same presentation properties). */
const STYLE_PROPS: ReadonlySet<string> = new Set([...ATTRIBUTES].filter((a) => /^(fill|stroke|opacity|clip|stop|display|visibility|color)/.test(a)));

/** A sanitised SVG: the markup to draw and its intrinsic size (for the aspect ratio). */
export interface SafeSvg {
  readonly kind: 'svg';
  readonly markup: string;
  /** Intrinsic width and height (user units, from viewBox or width/height); both > 0. */
  readonly width: number;
  readonly height: number;
}

/** A sanitised SVG, or why the file cannot be used (one sentence, no location). */
export type SvgResult = { readonly ok: true; readonly svg: SafeSvg } | { readonly ok: false; readonly reason: string };

class Refused extends Error {}

/** Only `#id` references: no file, no URL, no `javascript:`. */
const LOCAL_REF = /^#[A-Za-z_][\w.-]*$/;

function checkValue(name: string, value: string, limits: SvgLimits): void {
  if (value.length > limits.maxAttribute) throw new Refused(`attribute \`${name}\` is longer than ${limits.maxAttribute} characters`);
  for (const m of value.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/gi)) {
    if (!LOCAL_REF.test(m[2] ?? '')) throw new Refused(`\`${name}\` refers to \`${m[2] ?? ''}\`: only \`url(#id)\` inside the file is allowed`);
  }
  if (/javascript:|expression\s*\(|@import/i.test(value)) throw new Refused(`\`${name}\` holds script or an import`);
  // No presentation value or geometry starts with a scheme: a URL here is never ours to follow.
  if (/^\s*[a-z][a-z0-9+.-]*:/i.test(value)) throw new Refused(`\`${name}\` is a URL (\`${value.slice(0, 40)}\`): only \`url(#id)\` inside the file is allowed`);
}

function cleanStyle(value: string, limits: SvgLimits): string {
  const kept: string[] = [];
  for (const decl of value.split(';')) {
    const at = decl.indexOf(':');
    if (at < 0) continue;
    const prop = decl.slice(0, at).trim().toLowerCase();
    const v = decl.slice(at + 1).trim();
    if (!STYLE_PROPS.has(prop)) continue;
    checkValue(`style ${prop}`, v, limits);
    kept.push(`${prop}:${v}`);
  }
  return kept.join(';');
}

function cleanAttributes(el: XmlElement, limits: SvgLimits): void {
  for (const attr of Array.from(el.attributes)) {
    const name = attr.localName ?? attr.name;
    const ns = attr.namespaceURI;
    if (/^on/i.test(name)) throw new Refused(`\`${attr.name}\` on <${el.localName}> is script`);
    if (attr.name === 'xmlns' || attr.prefix === 'xmlns') continue;
    const isHref = name === 'href' && (ns === null || ns === XLINK_NS);
    if (isHref) {
      if (!LOCAL_REF.test(attr.value.trim())) throw new Refused(`<${el.localName}> links to \`${attr.value}\`: only \`#id\` inside the file is allowed`);
      continue;
    }
    if ((ns !== null && ns !== '') || !ATTRIBUTES.has(name)) {
      el.removeAttributeNode(attr);
      continue;
    }
    if (name === 'style') {
      const style = cleanStyle(attr.value, limits);
      if (style) el.setAttribute('style', style);
      else el.removeAttribute('style');
      continue;
    }
    checkValue(name, attr.value, limits);
  }
}

function walk(el: XmlElement, depth: number, count: { n: number }, limits: SvgLimits): void {
  if (depth > limits.maxDepth) throw new Refused(`elements are nested deeper than ${limits.maxDepth}`);
  if (++count.n > limits.maxElements) throw new Refused(`more than ${limits.maxElements} elements`);
  cleanAttributes(el, limits);
  for (const child of Array.from(el.childNodes) as XmlNode[]) {
    if (child.nodeType === child.ELEMENT_NODE) {
      const c = child as XmlElement;
      const name = c.localName ?? c.nodeName;
      if (c.namespaceURI !== SVG_NS || DROPPED.has(name)) el.removeChild(c);
      else if (!ELEMENTS.has(name)) throw new Refused(`<${name}> is not allowed (${ELEMENTS.size} shape and paint elements are: ${[...ELEMENTS].join(', ')})`);
      else walk(c, depth + 1, count, limits);
    } else if (child.nodeType === child.TEXT_NODE || child.nodeType === child.COMMENT_NODE || child.nodeType === child.CDATA_SECTION_NODE) {
      el.removeChild(child);
    } else {
      el.removeChild(child);
    }
  }
}

function lengthOf(v: string | null): number | undefined {
  if (v === null) return undefined;
  const m = /^\s*([0-9]*\.?[0-9]+(?:e[+-]?\d+)?)\s*(px|pt)?\s*$/i.exec(v);
  return m ? Number(m[1]) : undefined;
}

function sizeOf(root: XmlElement): { width: number; height: number } | undefined {
  const box = root.getAttribute('viewBox')?.trim().split(/[\s,]+/).map(Number);
  if (box && box.length === 4 && box.every(Number.isFinite) && (box[2] ?? 0) > 0 && (box[3] ?? 0) > 0) return { width: box[2] as number, height: box[3] as number };
  const width = lengthOf(root.getAttribute('width'));
  const height = lengthOf(root.getAttribute('height'));
  return width && height ? { width, height } : undefined;
}

/**
 * Parses and sanitises SVG bytes. Never throws. Refuses: invalid UTF-8 or XML, a DOCTYPE
 * (entities), a root that is not `<svg>`, any element outside the allow-list (script,
 * foreignObject, image, a, style, text, animation…), event attributes, `href` or `url()` to
 * anything but `#id`, files over the limits, and a drawing without a size. Removes editor
 * metadata, unknown attributes and text nodes.
 */
export function sanitizeSvg(bytes: Uint8Array, limits: SvgLimits = SVG_LIMITS): SvgResult {
  if (bytes.length > limits.maxBytes) return { ok: false, reason: `the SVG is ${bytes.length} bytes; at most ${limits.maxBytes} are read` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'the SVG is not UTF-8 text' };
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return { ok: false, reason: 'the SVG has a DOCTYPE (entities could read other files): remove it' };
  const errors: string[] = [];
  let root: XmlElement | null;
  try {
    const doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') errors.push(msg); } }).parseFromString(text, 'image/svg+xml');
    root = doc.documentElement;
  } catch (e) {
    return { ok: false, reason: `the SVG is not well-formed XML (${e instanceof Error ? e.message.split('\n')[0] : String(e)})` };
  }
  if (errors.length > 0) return { ok: false, reason: `the SVG is not well-formed XML (${errors[0]?.split('\n')[0] ?? ''})` };
  if (!root || root.localName !== 'svg' || root.namespaceURI !== SVG_NS) return { ok: false, reason: `the root element is not <svg xmlns="${SVG_NS}">` };
  try {
    walk(root, 0, { n: 0 }, limits);
  } catch (e) {
    if (e instanceof Refused) return { ok: false, reason: e.message };
    throw e;
  }
  const size = sizeOf(root);
  if (!size) return { ok: false, reason: 'the SVG has no size: give it a viewBox (or width and height)' };
  return { ok: true, svg: { kind: 'svg', markup: new XMLSerializer().serializeToString(root), ...size } };
}
