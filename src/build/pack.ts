import type { ChartAsset } from '../charts/index.js';
import type { Briefing } from '../data/index.js';
import { diag, UserError } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import type { DocMeta, DocTree, Inline } from '../doc/index.js';
import { layoutDocument } from '../layout/index.js';
import { layoutPack } from '../layout/index.js';
import type { PackLayout } from '../layout/index.js';
import { columnWidth, pageGeometry } from '../layout/index.js';
import { packWriter } from '../render/index.js';
import type { PackWriter } from '../render/index.js';
import { renderPdf } from '../render/index.js';
import { TEMPLATES_DIR } from '../template/index.js';
import { loadMessages } from '../template/index.js';
import { defaultTheme } from '../theme/index.js';
import { formatDate } from '../util/index.js';
import { printTimings, resetTimings, timed, timedAsync } from '../util/index.js';
import { combineMarkings, defaultScheme, formatMarking, readMarking } from '../marking/index.js';
import type { Marking, MarkingScheme } from '../marking/index.js';
import { loadManifest, packPart } from '../pack/index.js';
import type { PackManifest } from '../pack/index.js';
import { checkPages } from './options.js';
import type { BuildOptions } from './options.js';
import { defaultThreads, prepareParts } from './prepare-pool.js';
import type { SourceStore } from './sources.js';

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
      /** The banner on every page: the manifest's marking and every briefing's, combined (see `combineMarkings`). */
      readonly marking: string;
      readonly diagnostics: readonly Diagnostic[];
      readonly dependencies: readonly string[];
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const txt = (text: string): Inline[] => [{ kind: 'text', text, style: {} }];

/** Pack build options: the document options, and whether to write each briefing too. */
export interface PackOptions extends BuildOptions {
  /**
   * Also make each briefing's own PDF in the pack's print settings (default false: a copy is
   * a second layout and write of every briefing, and equals `build` of that briefing with the
   * pack's paper and duplex, byte for byte).
   */
  readonly separate?: boolean;
  /** Worker threads reading briefings ahead (default: one per core, none for small packs). */
  readonly threads?: number;
}

/**
 * Builds a pack: one bound PDF (cover, master contents, a divider and the pages of each
 * briefing, continuous page numbers plus each briefing's own, merged bookmarks and tags) and
 * with `separate`, each briefing as its own PDF, all from one load of the data. Briefings are laid out and
 * written one after another, so memory does not grow with the pack (see `layoutPack`).
 */
export async function bindPack(manifestFile: string, o: PackOptions = {}, store?: SourceStore): Promise<PackResult> {
  try {
    const m = loadManifest(manifestFile, { ...(o.limits ? { limits: o.limits } : {}), ...(o.scheme ? { scheme: o.scheme } : {}) });
    if (!m.ok) return m;
    const manifest = m.manifest;
    const diagnostics: Diagnostic[] = [...m.diagnostics];
    const theme = o.theme ?? defaultTheme;
    const scheme = o.scheme ?? defaultScheme;
    const duplex = o.duplex ?? manifest.duplex;
    const geometryOptions = { ...(o.paper ? { paper: o.paper } : {}), duplex, bleed: o.bleed ?? 0 };
    const width = columnWidth(pageGeometry(geometryOptions), theme);
    // A project's catalogs over the bundled ones, key by key.
    const templates = o.templatesDir ? [o.templatesDir, TEMPLATES_DIR] : TEMPLATES_DIR;
    const render = { pdfa: o.pdfa === true };

    const ids = new Map<string, number>();
    const errors: Diagnostic[] = [];
    const briefings: PackBriefing[] = [];
    // Of each briefing read, only what the end of the pack needs (not its data).
    const done: { marking: Marking; keywords: readonly string[]; deps: readonly string[] }[] = [];
    let stream: { layout: PackLayout; writer: PackWriter; lang: string; messages: Readonly<Record<string, string>> } | undefined;
    let noteOffset = 0;
    let bodyPages = 0;
    resetTimings();
    const { threads, ...prepareOptions } = o;
    const source = prepareParts(manifest.briefings.map((b) => b.path), prepareOptions, width, threads ?? defaultThreads(manifest.briefings.length), store);
    try {
      for (const [i, entry] of manifest.briefings.entries()) {
        const p = await timedAsync('briefings', () => source.next());
        diagnostics.push(...p.diagnostics.filter((d) => d.severity !== 'error'));
        if (!p.ok) {
          errors.push(...p.diagnostics.filter((d) => d.severity === 'error'));
          continue;
        }
        const prev = ids.get(p.briefing.id);
        if (prev !== undefined) {
          errors.push(diag('pack/duplicate-id', `briefings ${prev + 1} and ${i + 1} both have the id "${p.briefing.id}"`, {
            loc: entry.loc, path: `briefings[${i}]`, hint: 'give each briefing its own id: output file names come from it',
          }));
          continue;
        }
        ids.set(p.briefing.id, i);
        done.push({ marking: readMarking(p.briefing.classification, scheme, { loc: entry.loc, path: `briefings[${i}]` }), keywords: p.briefing.keywords ?? [], deps: p.deps });
        // After an error nothing more is written; the remaining briefings are still read, to report every error at once.
        if (errors.length) continue;
        if (!stream) {
          const lang = manifest.language ?? p.briefing.language;
          const messages = loadMessages(templates, lang);
          stream = {
            layout: layoutPack({ theme, messages, ...geometryOptions }), lang, messages,
            // The pack's marking is known only at the end (finish writes it); until then, the highest known so far.
            writer: packWriter(packMeta(manifest, lang, packMarking(manifest, done, lang, scheme), []), pageGeometry(geometryOptions), render),
          };
        }
        const partMessages = loadMessages(templates, p.briefing.language);
        // A kind other than the fact sheet names itself on the divider and in the contents.
        const docKind = p.briefing.template && p.briefing.template !== 'fact-sheet' ? partMessages[`kind.${p.briefing.template}`] : undefined;
        const label = (docKind ? (partMessages['kindLabel'] ?? '{kind} · {n} of {total}').replace('{kind}', docKind) : partMessages['briefingLabel'] ?? 'Briefing {n} of {total}')
          .replace('{n}', String(i + 1)).replace('{total}', String(manifest.briefings.length));
        const prefix = p.briefing.id;
        const tree = packPart(p.tree, {
          prefix, noteOffset,
          divider: {
            kind: 'divider', id: prefix, label, title: txt(p.briefing.title), ...(docKind ? { docKind } : {}),
            lines: [...(p.briefing.subtitle ? [txt(p.briefing.subtitle)] : []), txt(formatDate(p.briefing.date, p.briefing.language))],
            loc: { file: manifest.file, line: 1, col: 1 },
          },
        });
        noteOffset += p.tree.notes.length;
        const charts = new Map<string, ChartAsset>();
        for (const [name, asset] of p.charts) charts.set(`${prefix}/${name}`, { ...asset, name: `${prefix}/${name}` });
        const s = stream;
        const section = timed('layout', () => s.layout.part({ tree, messages: partMessages, charts }));
        // A runaway pack stops at the page limit, not after writing every page.
        bodyPages += section.pages.length;
        checkPages(bodyPages, o.maxPages, { file: manifestFile });
        timed('render', () => s.writer.section(section));
        if (o.separate === true) {
          const single = timed('layout', () => layoutDocument({ tree: p.tree, theme, charts: p.charts, messages: partMessages, ...geometryOptions }));
          const pdf = await timedAsync('render', () => renderPdf(single, p.tree.meta, render));
          briefings.push({ briefing: p.briefing, file: entry.path, pdf, pages: single.pages.length });
        }
      }
    } finally {
      await source.close();
    }
    if (errors.length || !stream) return { ok: false, diagnostics: [...diagnostics, ...errors] };

    const marking = packMarking(manifest, done, stream.lang, scheme);
    const keywords = [...new Set(done.flatMap((l) => l.keywords))];
    const meta = packMeta(manifest, stream.lang, marking, keywords);
    const coverLines = [
      ...(manifest.subtitle ? [txt(manifest.subtitle)] : []),
      txt(meta.dateText),
      ...(manifest.audience ? [txt((stream.messages['audience'] ?? 'Prepared for: {audience}').replace('{audience}', manifest.audience))] : []),
    ];
    const loc = { file: manifest.file, line: 1, col: 1 };
    const front: DocTree = {
      meta,
      blocks: [
        { kind: 'cover', id: `${manifest.id}-cover`, title: txt(manifest.title), lines: coverLines, loc },
        { kind: 'toc', title: [], loc },
      ],
      notes: [],
    };
    const s = stream;
    const tail = timed('layout', () => s.layout.finish({ front, marking }));
    if (tail.endnotes) s.writer.section(tail.endnotes);
    const pages = tail.frontPages + tail.bodyPages;
    checkPages(pages, o.maxPages, { file: manifestFile });
    // The marking leads the PDF's keywords, so document properties show it too.
    const pdf = await timedAsync('render', () => s.writer.finish(tail, [marking, ...keywords]));
    printTimings(`pack ${manifest.id}`);
    return {
      ok: true, manifest, pdf, pages, briefings, marking, diagnostics,
      dependencies: [manifest.file, ...done.flatMap((l) => l.deps)],
    };
  } catch (e) {
    if (e instanceof UserError) return { ok: false, diagnostics: e.diagnostics };
    throw e;
  }
}

/**
 * The pack's banner: its manifest's marking and every briefing's combined (highest level,
 * every caveat), in the pack's language.
 */
function packMarking(manifest: PackManifest, parts: readonly { readonly marking: Marking }[], lang: string, scheme: MarkingScheme): string {
  const all = [...(manifest.marking ? [manifest.marking] : []), ...parts.map((p) => p.marking)];
  return formatMarking(combineMarkings(all, scheme), scheme, lang);
}

/** The pack's own metadata: title, language, date, marking and its briefings' keywords. */
function packMeta(manifest: PackManifest, lang: string, marking: string, keywords: readonly string[]): DocMeta {
  return {
    title: manifest.title, ...(manifest.subtitle ? { subtitle: manifest.subtitle } : {}), subject: manifest.subtitle ?? manifest.title,
    language: lang, classification: marking, date: manifest.date, dateText: formatDate(manifest.date, lang), keywords: [...keywords],
  };
}
