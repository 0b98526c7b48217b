import { renderCharts } from '../charts/index.js';
import type { ChartAsset } from '../charts/types.js';
import type { Briefing } from '../data/types.js';
import { diag, hasErrors, UserError } from '../diag/errors.js';
import type { Diagnostic } from '../diag/types.js';
import type { DocMeta, DocTree, Inline } from '../doc/types.js';
import { layoutDocument } from '../layout/index.js';
import type { LayoutPart } from '../layout/index.js';
import { columnWidth, pageGeometry } from '../layout/geometry.js';
import { checkPages } from '../pipeline.js';
import { renderPdf } from '../render/pdf.js';
import { TEMPLATES_DIR } from '../template/index.js';
import { loadMessages } from '../template/messages.js';
import { defaultTheme } from '../theme/index.js';
import { briefingTree } from '../tree.js';
import type { BuildOptions } from '../tree.js';
import { formatDate } from '../util/format.js';
import { mark, printTimings, resetTimings } from '../util/timing.js';
import { highestMarking } from './classification.js';
import { loadManifest } from './manifest.js';
import type { PackManifest } from './types.js';
import { packPart } from './transform.js';

export interface PackBriefing {
  readonly briefing: Briefing;
  readonly file: string;
  /** The briefing on its own, from the same build. */
  readonly pdf: Buffer;
  readonly pages: number;
}

export type PackResult =
  | {
      readonly ok: true;
      readonly manifest: PackManifest;
      /** The bound pack. */
      readonly pdf: Buffer;
      readonly pages: number;
      readonly briefings: readonly PackBriefing[];
      readonly marking: string;
      readonly diagnostics: readonly Diagnostic[];
      readonly dependencies: readonly string[];
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const txt = (text: string): Inline[] => [{ kind: 'text', text, style: {} }];

/** Pack build options: the document options, and whether to write each briefing too. */
export interface PackOptions extends BuildOptions {
  /** Also make each briefing's own PDF (default true). */
  readonly separate?: boolean;
}

/**
 * Builds a pack: one bound PDF (cover, master contents, a divider and the pages of each
 * briefing, continuous page numbers plus each briefing's own, merged bookmarks and tags) and
 * each briefing as its own PDF, all from one load of the data.
 */
export async function buildPack(manifestFile: string, o: PackOptions = {}): Promise<PackResult> {
  try {
    const m = loadManifest(manifestFile);
    if (!m.ok) return m;
    const manifest = m.manifest;
    const diagnostics: Diagnostic[] = [...m.diagnostics];
    const theme = o.theme ?? defaultTheme;
    const duplex = o.duplex ?? manifest.duplex;
    const geometry = pageGeometry({ ...(o.paper ? { paper: o.paper } : {}), duplex, bleed: o.bleed ?? 0 });
    const width = columnWidth(geometry, theme);
    const templates = o.templatesDir ?? TEMPLATES_DIR;

    const loaded: { tree: DocTree; briefing: Briefing; charts: ReadonlyMap<string, ChartAsset>; file: string; deps: readonly string[] }[] = [];
    const ids = new Map<string, number>();
    const errors: Diagnostic[] = [];
    resetTimings();
    const loadStart = performance.now();
    manifest.briefings.forEach((entry, i) => {
      try {
        const t = briefingTree({ file: entry.path }, { ...o, cover: false, toc: false });
        diagnostics.push(...t.diagnostics);
        const prev = ids.get(t.briefing.id);
        if (prev !== undefined) {
          errors.push(diag('pack/duplicate-id', `briefings ${prev + 1} and ${i + 1} both have the id "${t.briefing.id}"`, {
            loc: entry.loc, path: `briefings[${i}]`, hint: 'give each briefing its own id: output file names come from it',
          }));
          return;
        }
        ids.set(t.briefing.id, i);
        const charts = renderCharts({ briefing: t.briefing, theme, width, locate: t.locate });
        if (hasErrors(charts.diagnostics)) errors.push(...charts.diagnostics);
        loaded.push({ tree: t.tree, briefing: t.briefing, charts: charts.assets, file: entry.path, deps: t.dependencies });
      } catch (e) {
        if (e instanceof UserError) errors.push(...e.diagnostics);
        else throw e;
      }
    });
    if (errors.length) return { ok: false, diagnostics: [...diagnostics, ...errors] };

    const lang = manifest.language ?? loaded[0]?.briefing.language ?? 'en';
    const messages = loadMessages(templates, lang);
    const marking = highestMarking([manifest.classification ?? loaded[0]?.briefing.classification ?? 'UNCLASSIFIED', ...loaded.map((l) => l.briefing.classification)]);
    const meta: DocMeta = {
      title: manifest.title, ...(manifest.subtitle ? { subtitle: manifest.subtitle } : {}), subject: manifest.subtitle ?? manifest.title,
      language: lang, classification: marking, date: manifest.date, dateText: formatDate(manifest.date, lang),
      keywords: [...new Set(loaded.flatMap((l) => l.briefing.keywords ?? []))],
    };
    const loc = { file: manifest.file, line: 1, col: 1 };
    const coverLines = [
      ...(manifest.subtitle ? [txt(manifest.subtitle)] : []),
      txt(meta.dateText),
      ...(manifest.audience ? [txt((messages['audience'] ?? 'Prepared for: {audience}').replace('{audience}', manifest.audience))] : []),
    ];
    const front: DocTree = {
      meta,
      blocks: [
        { kind: 'cover', id: `${manifest.id}-cover`, title: txt(manifest.title), lines: coverLines, loc },
        { kind: 'toc', title: [], loc },
      ],
      notes: [],
    };
    const charts = new Map<string, ChartAsset>();
    const parts: LayoutPart[] = [];
    let noteOffset = 0;
    loaded.forEach((l, i) => {
      const prefix = l.briefing.id;
      const partMessages = loadMessages(templates, l.briefing.language);
      const label = (partMessages['briefingLabel'] ?? 'Briefing {n} of {total}').replace('{n}', String(i + 1)).replace('{total}', String(loaded.length));
      const tree = packPart(l.tree, {
        prefix, noteOffset,
        divider: {
          kind: 'divider', id: prefix, label, title: txt(l.briefing.title),
          lines: [...(l.briefing.subtitle ? [txt(l.briefing.subtitle)] : []), txt(formatDate(l.briefing.date, l.briefing.language))], loc,
        },
      });
      noteOffset += l.tree.notes.length;
      for (const [name, asset] of l.charts) charts.set(`${prefix}/${name}`, { ...asset, name: `${prefix}/${name}` });
      parts.push({ tree, messages: partMessages });
    });
    mark('briefings', loadStart);
    const layoutStart = performance.now();
    const paged = layoutDocument({
      tree: front, parts, theme, charts, messages, marking,
      ...(o.paper ? { paper: o.paper } : {}), duplex, bleed: o.bleed ?? 0,
    });
    checkPages(paged.pages.length, o.maxPages, { file: manifestFile });
    mark('layout', layoutStart);
    const renderStart = performance.now();
    const pdf = await renderPdf(paged, meta, { pdfa: o.pdfa === true });
    mark('render', renderStart);
    printTimings(`pack ${manifest.id}`);

    const briefings: PackBriefing[] = [];
    for (const l of o.separate === false ? [] : loaded) {
      const single = layoutDocument({
        tree: l.tree, theme, charts: l.charts, messages: loadMessages(templates, l.briefing.language),
        ...(o.paper ? { paper: o.paper } : {}), duplex, bleed: o.bleed ?? 0,
      });
      briefings.push({ briefing: l.briefing, file: l.file, pdf: await renderPdf(single, l.tree.meta, { pdfa: o.pdfa === true }), pages: single.pages.length });
    }
    return {
      ok: true, manifest, pdf, pages: paged.pages.length, briefings, marking, diagnostics,
      dependencies: [manifest.file, ...loaded.flatMap((l) => l.deps)],
    };
  } catch (e) {
    if (e instanceof UserError) return { ok: false, diagnostics: e.diagnostics };
    throw e;
  }
}
