import type { Language } from '../data/index.js';
import type { SourceLoc } from '../diag/index.js';
import type { Marking } from '../marking/index.js';

/** A validated pack manifest. Briefing paths are resolved against the manifest's folder. */
export interface PackManifest {
  readonly id: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly date: string;
  readonly audience?: string;
  /** The manifest's own marking (`classification:`), read with the marking scheme. */
  readonly marking?: Marking;
  readonly language?: Language;
  readonly languages: readonly Language[];
  readonly duplex: boolean;
  /** Resolved paths of the briefing files, in order, with where each is named. */
  readonly briefings: readonly { readonly path: string; readonly loc: SourceLoc }[];
  readonly distribution: readonly string[];
  /** The manifest file. */
  readonly file: string;
}
