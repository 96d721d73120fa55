// Types for an instrument described as data, so new versions and translations need no code.

/** The dimensions that are scored into a person's profile. */
export const SCORED_DIMENSIONS = ["CLOSE", "SUPPORT", "ACCEPT", "VOICE", "SELF", "TIES", "RELY"] as const;
export type ScoredDimensionCode = (typeof SCORED_DIMENSIONS)[number];

/** SAFE is a private screen: it has items but is never scored into the profile. */
export type DimensionCode = ScoredDimensionCode | "SAFE";

export const WE_DIMENSIONS = ["CLOSE", "SUPPORT", "ACCEPT"] as const satisfies readonly ScoredDimensionCode[];
export const ME_DIMENSIONS = ["VOICE", "SELF", "TIES"] as const satisfies readonly ScoredDimensionCode[];

export type DimensionAxis = "we" | "me" | "risk" | "screen";

export type SupportSubscale = "giving" | "receiving";

/** A job an item does beyond its dimension, so rules find it by role rather than by a hard-coded id. */
export type ItemRole = "core-value-gap";

/** How serious agreement with a SAFE item is: endorsing harm or threats is high on its own. */
export type ConcernSeverity = "medium" | "high";

export type ProfileItem = {
  /** Stable across versions; never reused for a different question. */
  id: string;
  dimension: DimensionCode;
  subscale?: SupportSubscale;
  /** Question text shown to the respondent (source locale, en). */
  text: string;
  /** Short first-person phrase used when explaining a score or flag. */
  plain: string;
  /** Reverse-keyed items are scored as 8 − answer. */
  isReverse: boolean;
  /** Set when a rule reads this item's answer directly (see docs/model.md, flags). */
  role?: ItemRole;
  /** SAFE items only: the safety flag's severity when this item is a concern. */
  concernSeverity?: ConcernSeverity;
};

export type DimensionDefinition = {
  code: DimensionCode;
  axis: DimensionAxis;
  name: string;
  /** One sentence a person can understand. */
  summary: string;
};

export type ScalePoint = { value: number; label: string };

export type AgreementScale = {
  id: string;
  min: number;
  max: number;
  points: readonly ScalePoint[];
};

/** "provisional" until native-speaking counsellors have reviewed a translation; then "reviewed". */
export type TranslationStatus = "provisional" | "reviewed";

/** Text for one locale; missing keys fall back to the source locale. */
export type InstrumentTranslation = {
  /** The instrument version whose English this translates. */
  instrumentVersion?: string;
  /** The translation's own version: it changes whenever a translated string does. */
  version?: string;
  status?: TranslationStatus;
  items?: Readonly<Record<string, { text?: string; plain?: string }>>;
  scale?: Readonly<Record<number, string>>;
  dimensions?: Readonly<Record<string, { name?: string; summary?: string }>>;
};

export type Instrument = {
  id: string;
  /** Semantic version: a changed item text or keying is a new major or minor version. */
  version: string;
  title: string;
  sourceLocale: string;
  scale: AgreementScale;
  dimensions: readonly DimensionDefinition[];
  items: readonly ProfileItem[];
  /** Keyed by BCP 47 locale tag, e.g. "ms" or "ta"; each records its own version and review status. */
  translations: Readonly<Record<string, InstrumentTranslation>>;
};
