// The instrument's reliability over the whole deployment (decision 022): Cronbach's alpha,
// corrected item–total correlations, alpha-if-deleted and SEM per dimension over the latest
// completed profile of every person, read page by page from the packed answers kept with each
// score row into core's mergeable accumulators, so memory stays the same at any number of people.
import type { Kysely } from "kysely";
import {
  addPackedLanguageResponse,
  addPackedPsychometricsResponse,
  createLanguageAccumulators,
  createPsychometricsAccumulator,
  deriveDeploymentNorms,
  DIF_MINIMUM_PER_GROUP,
  INTERDEPENDENCE_PROFILE_V1,
  instrumentKeyOf,
  PRACTICE_NORMS_MINIMUM_N,
  screenItemsByLanguage,
  summariseByLanguage,
  summarisePsychometrics,
  type DifLanguageScreen,
  type DimensionPsychometrics,
  type Instrument,
  type LanguageFigures,
  type ScoreNorms,
} from "@mutual/core";
import type { DB } from "../../db/schema.js";
import { readScoredAnswerPage, type ScoredAnswerCursor } from "./deployment-psychometrics.repository.js";

/** Score rows read per query: about 100 bytes each, so a page is a megabyte or two. */
const DEFAULT_PAGE_SIZE = 10_000;

export type DeploymentPsychometrics = {
  instrument: Pick<Instrument, "id" | "version">;
  /** People counted, each once, by their latest completed profile of this instrument version. */
  respondents: number;
  /** People whose latest profile's packed answers were missing or not of this instrument's shape: left out, not counted above. */
  unreadable: number;
  summary: DimensionPsychometrics[];
  /** Reliability and SD per score where a dimension has enough complete responses, else provisional. */
  norms: ScoreNorms;
  /** The same figures, and each language's own norms, by the language people's latest profile was answered in (decision 087). */
  byLanguage: LanguageFigures[];
  /** Items that read differently in a language (decision 067); empty unless `screenItems` was asked for. */
  itemsByLanguage: DifLanguageScreen[];
};

export type DeploymentPsychometricsOptions = {
  /** Run the screen for items that read differently by language over a bounded sample per language (the operator's report). */
  screenItems?: boolean;
  instrument?: Instrument;
  pageSize?: number;
  /** Called after each page with the people counted so far (for progress on a long run). */
  onProgress?: (respondents: number) => void;
};

export async function computeDeploymentPsychometrics(db: Kysely<DB>, options: DeploymentPsychometricsOptions = {}): Promise<DeploymentPsychometrics> {
  const instrument = options.instrument ?? INTERDEPENDENCE_PROFILE_V1;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const accumulator = createPsychometricsAccumulator(instrument);
  const languages = createLanguageAccumulators(instrument, { keepForScreen: options.screenItems ?? false });
  let respondents = 0;
  let unreadable = 0;
  // Rows arrive person by person, oldest first: a person's latest is the row before the next person's first.
  let pending: { userId: string; scoredAnswers: string | null; language: string } | null = null;
  const countPending = () => {
    if (!pending) return;
    if (pending.scoredAnswers !== null && addPackedPsychometricsResponse(accumulator, pending.scoredAnswers)) {
      respondents += 1;
      addPackedLanguageResponse(languages, pending.language, pending.scoredAnswers);
    } else unreadable += 1;
  };
  let cursor: ScoredAnswerCursor | null = null;
  for (;;) {
    const rows = await readScoredAnswerPage(db, instrumentKeyOf(instrument), cursor, pageSize);
    for (const row of rows) {
      if (pending && pending.userId !== row.userId) countPending();
      pending = { userId: row.userId, scoredAnswers: row.scoredAnswers, language: row.language };
    }
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) break;
    cursor = { userId: last.userId, completedAt: last.completedAt, assessmentId: last.assessmentId };
    options.onProgress?.(respondents);
  }
  countPending();
  const summary = summarisePsychometrics(accumulator);
  return {
    instrument: { id: instrument.id, version: instrument.version },
    respondents,
    unreadable,
    summary,
    norms: deriveDeploymentNorms(summary, PRACTICE_NORMS_MINIMUM_N),
    byLanguage: summariseByLanguage(languages, PRACTICE_NORMS_MINIMUM_N),
    itemsByLanguage: screenItemsByLanguage(languages, DIF_MINIMUM_PER_GROUP),
  };
}
