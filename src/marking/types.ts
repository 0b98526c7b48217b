/**
 * Security markings as values: a scheme (data, loadable from YAML later) says which levels and
 * caveats exist and how they are written; a marking is a level of that scheme plus caveats.
 */

/** One spelling of a level or caveat in one language. Matching ignores case, accents and separators. */
export interface MarkingName {
  /** The canonical form printed on banners, e.g. `PROTECTED B` or `PROTÉGÉ B`. */
  readonly text: string;
  /** Other spellings read as the same thing, e.g. `CEO` for `CANADIAN EYES ONLY`. */
  readonly aliases?: readonly string[];
}

/** Names by language tag (`en`, `fr`, …). The scheme's `defaultLanguage` must be present. */
export type MarkingNames = Readonly<Record<string, MarkingName>>;

/** Banner colours (`#rrggbb`) of a level, for themes; absent: the theme's marking colour. */
export interface MarkingColors {
  readonly text: string;
  readonly background?: string;
}

/** A level of a scheme. Levels are listed lowest first: the index is the rank. */
export interface MarkingLevel {
  /** Stable identifier, e.g. `protected-b`. */
  readonly id: string;
  readonly names: MarkingNames;
  readonly colors?: MarkingColors;
}

/** A caveat (handling or dissemination control), e.g. `CANADIAN EYES ONLY`. */
export interface MarkingCaveat {
  readonly id: string;
  readonly names: MarkingNames;
}

/**
 * A release list (`REL TO CAN, USA`): which countries or organisations may receive the
 * information. Combining markings intersects their lists (release only where every part
 * allows it); a marking without a list authorises no release.
 */
export interface MarkingRelease {
  /** The words that open a list, e.g. en `REL TO` with alias `RELEASABLE TO`. */
  readonly names: MarkingNames;
  /** The codes a list may hold, in the order they are printed (the owner first). */
  readonly codes: readonly string[];
  /** Words read as a comma between codes (`AND`, `ET`). */
  readonly joiners: readonly string[];
  /**
   * Caveat id added when combining leaves no country in common (nobody else may receive it),
   * e.g. `ceo`; absent: the list is simply dropped.
   */
  readonly whenEmpty?: string;
}

/** A marking scheme: ordered levels, known caveats, an optional release list, how banners read. */
export interface MarkingScheme {
  /** Stable identifier: `canada`, `nato`, `none`. */
  readonly id: string;
  /** Language whose names are used when a banner's language has none. */
  readonly defaultLanguage: string;
  /** Levels, lowest first (index = rank). At least one. */
  readonly levels: readonly MarkingLevel[];
  /** Known caveats, in the order banners print them. */
  readonly caveats: readonly MarkingCaveat[];
  readonly release?: MarkingRelease;
  /** Printed between the level and each caveat, e.g. ` // `. */
  readonly separator: string;
  /** False when markings are read but never printed (the `none` scheme): banners are empty. */
  readonly printed: boolean;
  /** What cannot stand together in one marking; absent: no rule (any combination reads). */
  readonly rules?: readonly MarkingRule[];
}

/**
 * A consistency rule of a scheme, as data: a marking that breaks one is refused
 * (`marking/contradictory`), never printed. `why` is the sentence the hint gives.
 */
export type MarkingRule =
  /** A caveat that forbids release to anyone outside `allowed` (`NOFORN` with `REL TO USA`). */
  | { readonly kind: 'no-release'; readonly caveat: string; readonly allowed?: readonly string[]; readonly why: string }
  /** Two caveats that cannot stand together. */
  | { readonly kind: 'excludes'; readonly caveat: string; readonly other: string; readonly why: string }
  /** A caveat id, or `release` for a release list, that needs at least the level `level` (an id). */
  | { readonly kind: 'min-level'; readonly part: string; readonly level: string; readonly why: string };

/**
 * A marking read with a scheme. Invariants: `level` is a valid rank of the scheme;
 * `caveats` holds known caveat ids without duplicates, in the scheme's order;
 * `releasableTo`, when present, is non-empty, without duplicates, in the scheme's code order.
 */
export interface Marking {
  /** Rank: index into `scheme.levels` (0 = lowest). */
  readonly level: number;
  readonly caveats: readonly string[];
  readonly releasableTo?: readonly string[];
}

/** Why a text is not a marking of the scheme. */
export type MarkingProblem =
  /** Nothing left but spaces, separators or invisible characters. */
  | { readonly kind: 'empty' }
  /** A character that no marking uses (after invisible ones were removed). */
  | { readonly kind: 'character'; readonly char: string }
  /** Words that are neither a level, a caveat nor part of a release list. */
  | { readonly kind: 'unknown'; readonly words: readonly string[] }
  /** Caveats only: no level says how sensitive it is. */
  | { readonly kind: 'no-level' }
  /** Two different levels: which one applies is not for us to guess. */
  | { readonly kind: 'two-levels'; readonly levels: readonly number[] }
  /** A release list that names no country. */
  | { readonly kind: 'release-empty' }
  /** Parts that contradict each other (a rule of the scheme, or two different release lists), as printed. */
  | { readonly kind: 'contradictory'; readonly parts: readonly string[]; readonly why: string; readonly fix: string };

/** The result of {@link parseMarking}: a marking, or why the text cannot be read. */
export type MarkingResult =
  | { readonly ok: true; readonly marking: Marking }
  | { readonly ok: false; readonly problem: MarkingProblem; readonly reason: string };
