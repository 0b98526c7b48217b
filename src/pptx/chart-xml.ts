/**
 * What pptxgenjs cannot say about a chart, written into its chart part afterwards: patterns on
 * single points (derived years hatched, deficits dotted, as in the PDF), open markers for
 * derived points of a line, and data labels hidden on points the PDF left unlabelled (thinned
 * or colliding). pptxgenjs has no per-point fill patterns or per-point labels.
 */

/** How one point of a series is painted differently from its series. */
export type PointPaint =
  /** A bar or slice filled with a preset pattern (`wdUpDiag` hatching, `pct75` dots). */
  | { readonly kind: 'pattern'; readonly idx: number; readonly preset: 'wdUpDiag' | 'pct75'; readonly fg: string; readonly bg: string }
  /** A line marker drawn open: white inside, outlined in the series colour. */
  | { readonly kind: 'open-marker'; readonly idx: number; readonly color: string; readonly size: number };

/** Changes to one `<c:ser>` of a chart part, by series order. */
export interface SeriesPatch {
  readonly points: readonly PointPaint[];
  /** Points whose data label is hidden. */
  readonly hiddenLabels: readonly number[];
  /** Bars carry `invertIfNegative` in their points. */
  readonly bar: boolean;
}

/** Changes to one chart part: one entry per series, in series order. */
export interface ChartPatch {
  readonly series: readonly SeriesPatch[];
}

const srgb = (hex: string): string => `<a:srgbClr val="${hex}"/>`;

function fillXml(p: Extract<PointPaint, { kind: 'pattern' }>): string {
  return `<a:pattFill prst="${p.preset}"><a:fgClr>${srgb(p.fg)}</a:fgClr><a:bgClr>${srgb(p.bg)}</a:bgClr></a:pattFill>`;
}

/** A `<c:dPt>` for a point, keeping what pptxgenjs wrote for it (its border) where there was one. */
function pointXml(p: PointPaint, old: string | undefined, bar: boolean): string {
  if (p.kind === 'open-marker') {
    return `<c:dPt><c:idx val="${p.idx}"/><c:marker><c:symbol val="circle"/><c:size val="${p.size}"/><c:spPr>` +
      `<a:solidFill>${srgb('FFFFFF')}</a:solidFill><a:ln w="15875"><a:solidFill>${srgb(p.color)}</a:solidFill></a:ln>` +
      '</c:spPr></c:marker><c:bubble3D val="0"/></c:dPt>';
  }
  // Replace the point's own fill (the first one in its spPr, not its border's).
  if (old && /<c:spPr>\s*<a:solidFill>[\s\S]*?<\/a:solidFill>/.test(old)) {
    return old.replace(/(<c:spPr>\s*)<a:solidFill>[\s\S]*?<\/a:solidFill>/, `$1${fillXml(p)}`);
  }
  return `<c:dPt><c:idx val="${p.idx}"/>${bar ? '<c:invertIfNegative val="0"/>' : ''}<c:bubble3D val="0"/><c:spPr>${fillXml(p)}` +
    `<a:ln w="9525"><a:solidFill>${srgb(p.fg)}</a:solidFill></a:ln></c:spPr></c:dPt>`;
}

const idxOf = (xml: string): number => Number(/<c:idx val="(\d+)"\/>/.exec(xml)?.[1] ?? -1);

/**
 * One series rewritten: its points (`c:dPt`, the old ones kept unless replaced) and its data
 * labels (`c:dLbls`, with hidden points as `c:dLbl` + `c:delete`) moved right before its
 * categories, in the order the schema asks for (dPt*, dLbls, cat), whatever order pptxgenjs
 * wrote them in.
 */
function patchSeries(ser: string, patch: SeriesPatch): string {
  if (patch.points.length === 0 && patch.hiddenLabels.length === 0) return ser;
  const olds = new Map<number, string>();
  let body = ser.replace(/<c:dPt>[\s\S]*?<\/c:dPt>/g, (m) => {
    olds.set(idxOf(m), m);
    return '';
  });
  let dLbls = '';
  body = body.replace(/<c:dLbls>[\s\S]*?<\/c:dLbls>/, (m) => {
    dLbls = m;
    return '';
  });
  const points = new Map(olds);
  for (const p of patch.points) points.set(p.idx, pointXml(p, olds.get(p.idx), patch.bar));
  const dPts = [...points.entries()].sort((a, b) => a[0] - b[0]).map(([, x]) => x).join('');
  if (dLbls && patch.hiddenLabels.length) {
    const hidden = new Set(patch.hiddenLabels);
    const kept = dLbls.replace(/<c:dLbl>[\s\S]*?<\/c:dLbl>/g, (m) => (hidden.has(idxOf(m)) ? '' : m));
    const del = [...hidden].sort((a, b) => a - b).map((i) => `<c:dLbl><c:idx val="${i}"/><c:delete val="1"/></c:dLbl>`).join('');
    dLbls = kept.replace('<c:dLbls>', `<c:dLbls>${del}`);
  }
  const at = body.indexOf('<c:cat>');
  return at < 0 ? body.replace('</c:ser>', `${dPts}${dLbls}</c:ser>`) : `${body.slice(0, at)}${dPts}${dLbls}${body.slice(at)}`;
}

/** A chart part with the patch applied to its series, in order; other parts of the XML are untouched. */
export function patchChartXml(xml: string, patch: ChartPatch): string {
  let k = 0;
  return xml.replace(/<c:ser>[\s\S]*?<\/c:ser>/g, (ser) => {
    const p = patch.series[k++];
    return p ? patchSeries(ser, p) : ser;
  });
}

/**
 * A rewrite for `normalizeOfficeZip`: chart part `ppt/charts/chartN.xml` gets the N-th patch
 * (parts are numbered from 1 in the order the charts were added).
 */
export function chartPatcher(patches: readonly ChartPatch[]): (name: string, xml: string) => string {
  return (name, xml) => {
    const n = /^ppt\/charts\/chart(\d+)\.xml$/.exec(name)?.[1];
    const patch = n ? patches[Number(n) - 1] : undefined;
    return patch ? patchChartXml(xml, patch) : xml;
  };
}
