/**
 * GENERATED FILE: do not edit. Made by scripts/gen-types.mjs from data/schema/*.schema.json;
 * change a schema, then run `npm run gen:types`. The types of data files as the schemas
 * accept them (before defaults). src/data/types.ts and src/data/input.ts derive from these.
 */

// From data/schema/briefing.schema.json.

/**
 * Briefing data for briefkit: prose sections, structured trade figures and the charts drawn from them. One file makes one briefing document.
 */
export type BriefingFile = {
  /**
   * Path or URL of this JSON Schema, for editors. Ignored by briefkit.
   */
  $schema?: string;
  id: BriefingId;
  /**
   * Language of the briefing, a BCP 47 tag such as `en`, `fr` or `ko`: any language with a message catalog in templates/messages/<tag>.json. Drives number formats, hyphenation, line breaking and built-in labels.
   */
  language: string;
  /**
   * Title printed on the first page and in the PDF metadata.
   */
  title: string;
  /**
   * Optional line printed under the title.
   */
  subtitle?: string;
  date: BriefingDate;
  /**
   * Security marking printed at the top and bottom of every page, e.g. `UNCLASSIFIED`.
   */
  classification: string;
  /**
   * Author or issuing office, printed in the colophon and the PDF metadata.
   */
  author?: string;
  /**
   * Partner country or organisation the briefing is about.
   */
  partner?: string;
  /**
   * Where the briefing's text and figures come from.
   */
  source?: string;
  /**
   * Keywords for the PDF metadata.
   *
   * @maxItems 100
   *
   * Items: One keyword.
   */
  keywords?: string[];
  /**
   * Prose sections in reading order: a heading and its bullets, kept verbatim.
   *
   * @minItems 1
   * @maxItems 500
   */
  sections: BriefingSection[];
  trade?: BriefingTrade;
  /**
   * Charts drawn from `trade`; templates place them by `name`. Optional; defaults to no charts.
   *
   * @maxItems 100
   */
  charts?: BriefingChart[];
  template?: BriefingId;
  programme?: BriefingProgramme;
  person?: BriefingPerson;
  points?: BriefingPoints;
};
/**
 * Lowercase letters, digits and hyphens, starting with a letter or digit.
 */
export type BriefingId = string;
/**
 * A date written YYYY-MM-DD.
 */
export type BriefingDate = string;
/**
 * One block of a section: an object with one key, which names its kind (`paragraph`, `bullets`, `numbered`, `subsection`, `table`, `chart`, `callout`, `keyFigures`, `quote`, `pageBreak`).
 */
export type BriefingBlock =
  | {
      paragraph: BriefingRichText;
    }
  | {
      bullets: BriefingListItems;
    }
  | {
      numbered: BriefingListItems;
    }
  | {
      /**
       * A sub-section: a heading one level below its section (H3), or below its sub-section (H4), and its blocks.
       */
      subsection: {
        /**
         * Heading of the sub-section.
         */
        title: string;
        /**
         * The sub-section's blocks.
         *
         * @minItems 1
         * @maxItems 2000
         */
        blocks: BriefingBlock[];
      };
    }
  | {
      /**
       * A table of typed columns: rows, an optional total row printed in bold, notes and source under it. Long tables continue on the next page with their header repeated.
       */
      table: {
        id?: BriefingId;
        caption?: BriefingRichText;
        /**
         * The columns, left to right.
         *
         * @minItems 1
         * @maxItems 50
         */
        columns: BriefingTableColumn[];
        /**
         * The rows: each a list of one value per column, or `{ csv: file.csv }` to read them from a CSV file inside the project (relative to the data file; the first line is a header unless `header: false`).
         */
        rows:
          | BriefingTableRow[]
          | {
              /**
               * Path of a UTF-8 CSV file (RFC 4180: commas, double quotes), relative to the data file and inside the project.
               */
              csv: string;
              /**
               * Whether the file's first line is a header (skipped). Default true.
               */
              header?: boolean;
            };
        total?: BriefingTableRow;
        /**
         * Notes printed under the table.
         *
         * @maxItems 50
         */
        notes?: BriefingRichText[];
        /**
         * Source of the figures, printed under the notes.
         */
        source?: string;
      };
    }
  | {
      chart: BriefingId;
    }
  | {
      /**
       * A titled box: a key message, an "if asked" line or a note.
       */
      callout: {
        /**
         * `key-message`, `if-asked` or `note` (default); gives the default title.
         */
        kind?: 'key-message' | 'if-asked' | 'note';
        /**
         * Title of the box; default from the kind ("Key message", "If asked", "Note").
         */
        title?: string;
        text?: BriefingRichText;
        bullets?: BriefingListItems;
      };
    }
  | {
      /**
       * A panel of key figures: big values with labels.
       */
      keyFigures: {
        /**
         * Title of the panel.
         */
        title?: string;
        /**
         * The figures.
         *
         * @minItems 1
         * @maxItems 24
         *
         * Items: One figure.
         */
        items: {
          /**
           * The value as printed, e.g. `$4.7 billion`.
           */
          value: string;
          /**
           * What the value is.
           */
          label: string;
          /**
           * A change, e.g. `+28 %`; coloured by its sign.
           */
          change?: string;
        }[];
      };
    }
  | {
      /**
       * A quotation, with its attribution.
       */
      quote: {
        text: BriefingRichText;
        /**
         * Who said or wrote it, printed under the quotation.
         */
        by?: string;
      };
    }
  | {
      /**
       * Starts a new page.
       */
      pageBreak: true;
    };
/**
 * Prose with inline markup: `*emphasis*` or `_emphasis_`, `**strong**`, `[text](https://…)` or `[text](mailto:…)` links, `^[footnote text]`, `~` between two letters or digits for a no-break space, and `\` before a punctuation character to write it literally (`\*`, `\_`, `\[`). `2 * 3`, `snake_case` and a lone `*` stay as written.
 */
export type BriefingRichText = string;
/**
 * A list item: its text, or `{text, items}` with items one level down.
 */
export type BriefingListItem =
  | BriefingRichText
  | {
      text: BriefingRichText;
      /**
       * Items one level down (two levels at most).
       *
       * @minItems 1
       * @maxItems 500
       */
      items?: BriefingRichText[];
    };
/**
 * The items of a list.
 *
 * @minItems 1
 * @maxItems 5000
 */
export type BriefingListItems = BriefingListItem[];
/**
 * A cell: text, a number, or null for an empty cell.
 */
export type BriefingTableValue = string | number | null;
/**
 * One row: a value per column.
 *
 * @maxItems 50
 */
export type BriefingTableRow = BriefingTableValue[];
/**
 * A calendar year, e.g. 1994.
 */
export type BriefingYear = number;
/**
 * A short line of plain text.
 */
export type BriefingShortText = string;
/**
 * A time of day, 24-hour `HH:MM`, local to the day's time zone.
 */
export type BriefingClock = string;
/**
 * A paragraph of rich text, or `{text, marking}` for a paragraph with its own classification, printed before it as a portion mark, e.g. `(C)`, read in the briefing's marking scheme.
 */
export type BriefingPortion =
  | BriefingRichText
  | {
      text: BriefingRichText;
      /**
       * The paragraph's classification, e.g. `CONFIDENTIAL`; no higher than the briefing's.
       */
      marking?: string;
      /**
       * Written by briefkit: the portion mark read from `marking`, as a loaded briefing carries it; ignored when read (a loaded briefing written back loads again).
       */
      portion?: string;
    };
/**
 * Paragraphs, each rich text or `{text, marking}`.
 *
 * @maxItems 200
 */
export type BriefingPortions = BriefingPortion[];

/**
 * A prose section: a heading and its bullets.
 */
export interface BriefingSection {
  id: BriefingId;
  /**
   * Heading of the section.
   */
  title: string;
  /**
   * Optional paragraph printed before the bullets. Rich text: `*emphasis*`, `**strong**`, `[text](https://…)`, `^[footnote]`, `a~b` (no-break space), `\` before a character to write it literally.
   */
  intro?: string;
  /**
   * The section's bullets (rich text), printed before its blocks. Folded block scalars (`>-`) are the easiest way to write long ones. A section needs `bullets`, `blocks` or both.
   *
   * @minItems 1
   * @maxItems 5000
   *
   * Items: One bullet.
   */
  bullets?: string[];
  /**
   * The section's content in reading order, after its bullets: paragraphs, lists, sub-sections, tables, charts, call-outs, key figures, quotes and page breaks. Each block is a one-key object, e.g. `- paragraph: Text`.
   *
   * @minItems 0
   * @maxItems 2000
   */
  blocks?: BriefingBlock[];
}
/**
 * A table column: its heading and how its values are written.
 */
export interface BriefingTableColumn {
  /**
   * Column heading.
   */
  title: string;
  /**
   * `text` (left-aligned, rich text), `number`, `money`, `percent` (right-aligned on the decimal point) or `date` (YYYY-MM-DD, printed in the briefing's language).
   */
  type: 'text' | 'number' | 'money' | 'percent' | 'date';
  /**
   * Unit shown in the heading, e.g. `t`, `million`. For money: `one`, `thousand`, `million` or `billion` scales the values.
   */
  unit?: string;
  /**
   * ISO 4217 code of a money column, e.g. `CAD`.
   */
  currency?: string;
  /**
   * Digits after the decimal point (number, money, percent).
   */
  decimals?: number;
}
/**
 * Trade figures between the reporter and the partner; charts are drawn from them.
 */
export interface BriefingTrade {
  /**
   * ISO 4217 currency code of the money values, e.g. `CAD`.
   */
  currency: string;
  /**
   * Unit of the money values: `one`, `thousand`, `million` or `billion`.
   */
  unit: 'one' | 'thousand' | 'million' | 'billion';
  /**
   * The country whose trade is reported, e.g. `Canada`.
   */
  reporter: string;
  /**
   * The trading partner, e.g. `Republic of Korea`.
   */
  partner: string;
  /**
   * Figures by year; each year once. briefkit sorts them by year.
   *
   * @minItems 1
   * @maxItems 500
   */
  years: BriefingTradeYear[];
  /**
   * Year-on-year changes quoted in the text. Optional; defaults to none.
   *
   * @maxItems 500
   */
  growth?: BriefingGrowth[];
  /**
   * Rankings quoted in the text. Optional; defaults to none.
   *
   * @maxItems 500
   */
  rankings?: BriefingRanking[];
  /**
   * Main exports to the partner, most important first. Optional; defaults to none.
   *
   * @maxItems 100
   *
   * Items: One product group.
   */
  topExports?: string[];
  /**
   * Main imports from the partner, most important first. Optional; defaults to none.
   *
   * @maxItems 100
   *
   * Items: One product group.
   */
  topImports?: string[];
  /**
   * How this briefing's language writes the reporter and the partner inside the built-in phrases, written by the author or translator (grammar the catalog cannot know: French `vers la Corée`, `au Japon`, `aux États-Unis`). Each is optional; without it the catalog's `wording.*` pattern is used (English `to {partner}`).
   */
  wording?: {
    /**
     * The reporter as it qualifies exports and imports: `Canadian` ("Canadian exports"), French `canadiennes`, Korean `캐나다의`.
     */
    reporterAdjective?: string;
    /**
     * Towards the partner: `to Korea`, French `vers la Corée` / `au Japon` / `aux États-Unis`, Korean `대한국`.
     */
    toPartner?: string;
    /**
     * From the partner: `from Korea`, French `de la Corée` / `du Japon` / `des États-Unis`, Korean `대한국`.
     */
    fromPartner?: string;
  };
}
/**
 * Trade with the partner in one year. Money values are in `trade.unit` of `trade.currency`.
 */
export interface BriefingTradeYear {
  year: BriefingYear;
  /**
   * Exports from the reporter to the partner (zero or more).
   */
  exports: number;
  /**
   * Imports by the reporter from the partner (zero or more).
   */
  imports: number;
  /**
   * Two-way trade: exports plus imports (zero or more).
   */
  twoWay: number;
  /**
   * Trade balance: exports minus imports; negative for a deficit.
   */
  balance: number;
  /**
   * Set when the year's values were computed rather than reported: says how.
   */
  derived?: string;
}
/**
 * Change of one trade measure over the previous year.
 */
export interface BriefingGrowth {
  /**
   * Which measure grew: `exports`, `imports` or `twoWay`.
   */
  measure: 'exports' | 'imports' | 'twoWay';
  year: BriefingYear;
  /**
   * Change over the previous year, in per cent (negative for a fall).
   */
  percent: number;
}
/**
 * Where the partner ranks for the reporter, e.g. third export destination in Asia-Pacific.
 */
export interface BriefingRanking {
  year: BriefingYear;
  /**
   * What is ranked, e.g. `export destination`.
   */
  measure: string;
  /**
   * Among what, e.g. `Asia-Pacific` or `world`.
   */
  scope: string;
  /**
   * Rank, 1 = first.
   */
  rank: number;
}
/**
 * A chart drawn from `trade`; templates place it by `name`.
 */
export interface BriefingChart {
  name: BriefingId;
  /**
   * Kind of chart: `grouped-bar`, `stacked-bar`, `horizontal-bar`, `line`, `doughnut` (shares of one year) or `balance` (bars above and below zero).
   */
  type: 'grouped-bar' | 'stacked-bar' | 'horizontal-bar' | 'line' | 'doughnut' | 'balance';
  /**
   * Title printed above the chart.
   */
  title: string;
  /**
   * Caption printed under the chart; also its text alternative.
   */
  caption?: string;
  /**
   * Source line printed under the chart.
   */
  source?: string;
  /**
   * Notes printed under the chart.
   *
   * @maxItems 50
   *
   * Items: One note.
   */
  notes?: string[];
  /**
   * Category axis for year-based charts; only `year` today.
   */
  x?: 'year';
  year?: BriefingYear;
  /**
   * The data series to plot, in legend order.
   *
   * @minItems 1
   * @maxItems 20
   */
  series: BriefingSeries[];
  /**
   * Print the chart's data as a table under it.
   */
  showTable?: boolean;
  /**
   * Width on the page: the full text column (default), or half, set beside the next half-width chart.
   */
  size?: 'full' | 'half';
}
/**
 * One data series of a chart: which field of each trade year it plots and its legend label.
 */
export interface BriefingSeries {
  /**
   * Field of `trade.years` to plot: `exports`, `imports`, `twoWay` or `balance`.
   */
  field: 'exports' | 'imports' | 'twoWay' | 'balance';
  /**
   * Legend label of the series.
   */
  label: string;
}
/**
 * A visit programme: days in order, each a table of events.
 */
export interface BriefingProgramme {
  /**
   * Time zone printed after every time, e.g. `KST` (`09:30 KST`).
   */
  timeZone: string;
  /**
   * The days of the visit, in order.
   *
   * @minItems 1
   * @maxItems 60
   */
  days: {
    date: BriefingDate;
    title?: BriefingShortText;
    /**
     * The day's time zone when it differs from the programme's.
     */
    timeZone?: string;
    /**
     * The day's events, in order.
     *
     * @minItems 1
     * @maxItems 100
     */
    events: {
      time: BriefingClock;
      end?: BriefingClock;
      title: BriefingRichText;
      place?: BriefingShortText;
      /**
       * Who takes part.
       *
       * @maxItems 50
       */
      participants?: BriefingShortText[];
      notes?: BriefingRichText;
    }[];
  }[];
  logistics?: BriefingPortions;
}
/**
 * A biography: who the person is, their career and notes for the principal.
 */
export interface BriefingPerson {
  name: BriefingShortText;
  title: BriefingShortText;
  organisation?: BriefingShortText;
  born?: BriefingShortText;
  /**
   * Career timeline, most recent first or in order, as printed.
   *
   * @maxItems 100
   */
  career?: {
    /**
     * Start, e.g. `1993`.
     */
    from: string;
    /**
     * End, e.g. `1995`; absent: to date.
     */
    to?: string;
    role: BriefingRichText;
  }[];
  /**
   * Degrees and schools.
   *
   * @maxItems 30
   */
  education?: BriefingShortText[];
  /**
   * Languages spoken.
   *
   * @maxItems 30
   */
  languages?: BriefingShortText[];
  notes?: BriefingPortions;
}
/**
 * Talking points or an issue note.
 */
export interface BriefingPoints {
  objectives?: BriefingPortions;
  /**
   * Key messages, numbered in print.
   *
   * @minItems 1
   * @maxItems 200
   */
  messages: BriefingPortion[];
  background?: BriefingPortions;
  /**
   * Responsive lines: what to say if a question comes up.
   *
   * @maxItems 50
   */
  ifAsked?: {
    question: BriefingShortText;
    answer: BriefingRichText;
    /**
     * The line's classification, printed as a portion mark.
     */
    marking?: string;
    /**
     * Written by briefkit from `marking`; ignored when read.
     */
    portion?: string;
  }[];
}

// From data/schema/pack.schema.json.

/**
 * A briefing pack: several briefings bound in one PDF with one cover and one table of contents.
 */
export interface PackFile {
  $schema?: string;
  /**
   * Output file name stem: output/<id>.pdf.
   */
  id: string;
  /**
   * Title on the pack cover.
   */
  title: string;
  subtitle?: string;
  /**
   * ISO date, YYYY-MM-DD.
   */
  date: string;
  /**
   * Who the pack is prepared for.
   */
  audience?: string;
  /**
   * The pack's own marking; the highest marking of the pack and its briefings marks every page.
   */
  classification?: string;
  /**
   * Language of the cover and contents (default: the first briefing's).
   */
  language?: string;
  /**
   * Languages the pack holds.
   */
  languages?: string[];
  /**
   * Two-sided printing: briefings start on right-hand pages (default true).
   */
  duplex?: boolean;
  /**
   * Briefing data files, in order, relative to this manifest.
   *
   * @minItems 1
   * @maxItems 2000
   */
  briefings: string[];
  /**
   * Who receives the pack by email.
   */
  distribution?: string[];
}

// From data/schema/theme.schema.json.

export type ThemeColour = string;
/**
 * A font file (the regular face), or one file per face.
 */
export type ThemeFamily =
  | ThemePath
  | {
      regular: ThemePath;
      italic?: ThemePath;
      semibold?: ThemePath;
      bold?: ThemePath;
    };
export type ThemePath = string;
export type ThemeMargin = number;

/**
 * A briefkit theme: colours, the user's fonts, a logo, margins and marking banner colours. Every field is optional; what is not given comes from the theme named in `extends` (default: `default`). Paths are relative to this file and must stay inside its project folder.
 */
export interface ThemeFile {
  /**
   * Path or URL of this JSON Schema, for editors. Ignored by briefkit.
   */
  $schema?: string;
  /**
   * The theme's name, shown by `briefkit config`.
   */
  name?: string;
  /**
   * The built-in theme this one starts from.
   */
  extends?: 'default' | 'print';
  /**
   * Colours, as `#rrggbb`.
   */
  palette?: {
    accent?: ThemeColour;
    text?: ThemeColour;
    muted?: ThemeColour;
    rule?: ThemeColour;
    panel?: ThemeColour;
    surplus?: ThemeColour;
    deficit?: ThemeColour;
    /**
     * Chart series colours in order (2 to 12).
     *
     * @minItems 2
     * @maxItems 12
     */
    series?: ThemeColour[];
  };
  /**
   * The user's TTF, OTF or WOFF files. `body` sets the regular and italic faces (and bold ones when `headings` is not given); `headings` the bold and semibold faces; `fallback` per script (hangul, arabic, hebrew, thai, devanagari) the font that replaces the bundled one for that script.
   */
  fonts?: {
    body?: ThemeFamily;
    headings?: ThemeFamily;
    fallback?: {
      hangul?: ThemeFamily;
      arabic?: ThemeFamily;
      hebrew?: ThemeFamily;
      thai?: ThemeFamily;
      devanagari?: ThemeFamily;
    };
  };
  /**
   * An SVG or PNG file shown on the cover and in the running header.
   */
  logo?: {
    file: ThemePath;
    /**
     * Height in the running header (mm).
     */
    height?: number;
  };
  /**
   * Page margins (mm). `inside` is the binding side in duplex (default: outside plus the 12 mm gutter).
   */
  margins?: {
    top?: ThemeMargin;
    bottom?: ThemeMargin;
    inside?: ThemeMargin;
    outside?: ThemeMargin;
  };
  /**
   * Marking banner colours: `default` for every level, `levels` by level name as the scheme writes it (for example `SECRET`).
   */
  marking?: {
    default?: ThemeColour;
    levels?: {
      [k: string]: ThemeColour | undefined;
    };
  };
}

// From data/schema/config.schema.json.

/**
 * briefkit.config.yaml (or .yml, .json) at the root of a briefing project. Paths are relative to this file's folder and must stay inside it.
 */
export interface ConfigFile {
  $schema?: string;
  /**
   * Folders (or files) of briefing data and pack manifests that build and validate read when given no files (default: data/briefings, data/packs).
   *
   * @minItems 1
   * @maxItems 100
   */
  data?: string[];
  /**
   * Folder the outputs are written to (default: output).
   */
  output?: string;
  /**
   * Paper size (default: a4).
   */
  paper?: 'a4' | 'letter';
  /**
   * Mirrored margins for two-sided printing (default: false).
   */
  duplex?: boolean;
  /**
   * Binding gutter in millimetres, with duplex (default: 12).
   */
  gutter?: number;
  /**
   * A built-in theme name or a theme file (default: default).
   */
  theme?: string;
  /**
   * Folder of template overrides laid over the bundled templates file by file (default: none).
   */
  templates?: string;
  /**
   * Marking scheme: canada, nato, none, or a scheme file (.yaml, .yml, .json) (default: canada).
   */
  marking?: string;
  /**
   * Languages the project writes in, BCP 47 tags (default: every language with a catalog).
   *
   * @minItems 1
   * @maxItems 50
   */
  languages?: string[];
  /**
   * Archival PDF/A-2a output (default: false).
   */
  pdfa?: boolean;
  /**
   * Also write slide decks (PDF and PPTX) (default: false).
   */
  slides?: boolean;
}

// From data/schema/marking-scheme.schema.json.

export type MarkingSchemeId = string;
export type MarkingSchemeColor = string;

/**
 * A security marking scheme: ordered levels (lowest first), caveats, an optional release list, and how banners read.
 */
export interface MarkingSchemeFile {
  $schema?: string;
  id: MarkingSchemeId;
  /**
   * Language whose names are used when a banner's language has none (default: en). Every level and caveat needs a name in it.
   */
  defaultLanguage?: string;
  /**
   * Printed between the level and each caveat (default: ' // ').
   */
  separator?: string;
  /**
   * False: markings are read but never printed (default: true).
   */
  printed?: boolean;
  /**
   * Levels, lowest first: a combined marking takes the highest.
   *
   * @minItems 1
   * @maxItems 50
   */
  levels: {
    id: MarkingSchemeId;
    names: MarkingSchemeNames;
    /**
     * Banner colours for this level (#rrggbb).
     */
    colors?: {
      text: MarkingSchemeColor;
      background?: MarkingSchemeColor;
    };
  }[];
  /**
   * Known caveats, in the order banners print them. Combining markings keeps every caveat of every part.
   *
   * @maxItems 100
   */
  caveats?: {
    id: MarkingSchemeId;
    names: MarkingSchemeNames;
  }[];
  /**
   * Release lists (REL TO ...): combining keeps only the codes every part allows.
   */
  release?: {
    names: MarkingSchemeNames;
    /**
     * @minItems 1
     * @maxItems 300
     */
    codes: string[];
    /**
     * @maxItems 10
     */
    joiners?: string[];
    whenEmpty?: MarkingSchemeId;
  };
}
/**
 * Spellings by language tag (en, fr, ko, ...): the printed text and other spellings read as the same thing.
 */
export interface MarkingSchemeNames {
  [k: string]:
    | {
        text: string;
        /**
         * @maxItems 20
         */
        aliases?: string[];
      }
    | undefined;
}
