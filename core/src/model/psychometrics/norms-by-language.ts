// Which norms reliable change uses for one person (decision 087): the norms of the language they
// answered in, once that language has its own, else the norms shared by everyone.
//
// A translation can change how an item reads (decision 067), and with it how reliable a score is
// and how widely it spreads. So a language with enough people of its own gets its own reliability
// and SD. Both profiles compared must be in that language: two profiles in two languages are
// compared on the shared norms, as neither language's own figures describe both.
import { SCORED_DIMENSIONS, type ScoredDimensionCode } from "../instrument/instrument-types.js";
import type { ReliabilityParams, ScoreKey, ScoreNorms } from "../provisional-norms.js";

export type LanguageNorms = Readonly<Partial<Record<string, ScoreNorms>>>;

export type NormsChoice = {
  norms: ScoreNorms;
  /** The language whose own figures were used for at least one score; null when only the shared norms were. */
  normLanguage: string | null;
  /** The scores whose figures came from that language (the others use the shared norms). */
  fromLanguage: ReadonlyArray<ScoredDimensionCode>;
};

/**
 * The norms for comparing a profile answered in `before` with one answered in `after`.
 * `byLanguage` holds each language's norms as derived from its own people alone (a dimension
 * below the minimum there is "provisional"). A language's figures are used, dimension by
 * dimension, only when both profiles are in that language and it measured that dimension itself;
 * every other score keeps the shared norms (the deployment's or the practice's, or provisional).
 */
export function chooseNormsForLanguage(shared: ScoreNorms, byLanguage: LanguageNorms, before: string, after: string): NormsChoice {
  const own = before === after ? byLanguage[after] : undefined;
  if (!own) return { norms: shared, normLanguage: null, fromLanguage: [] };
  const fromLanguage = SCORED_DIMENSIONS.filter((code) => own[code].source === "deployment");
  if (fromLanguage.length === 0) return { norms: shared, normLanguage: null, fromLanguage: [] };
  const norms: Record<ScoreKey, ReliabilityParams> = { ...shared };
  for (const code of fromLanguage) norms[code] = own[code];
  return { norms, normLanguage: after, fromLanguage };
}
