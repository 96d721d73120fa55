import {
  DIF_MINIMUM_PER_GROUP,
  PRACTICE_NORMS_MINIMUM_N,
  PRACTICE_STATISTICS_MINIMUM_N,
  type DifLanguageScreen,
  type DimensionPsychometrics,
  type LanguageDif,
  type LanguageFigures,
  type PracticeDimensionPsychometrics,
  type PracticePsychometricsResponse,
  type ScoreNorms,
} from "@mutual/core";
import { mayShowItemStatistics, mayShowStatistics, normSourceOf } from "./practice-psychometrics.policy.js";
import type { PracticeNorms } from "./practice-psychometrics.service.js";

const round = (value: number | null, digits = 3): number | null => (value === null || !Number.isFinite(value) ? null : Number(value.toFixed(digits)));

/** What the presenter needs: the practice's figures, or the deployment's for the operator's report. */
export type PresentableFigures = Pick<
  PracticeNorms,
  "instrument" | "normSource" | "respondents" | "computedAt" | "summary" | "norms" | "byLanguage" | "itemsByLanguage"
>;

/** Aggregates and N, field by field; a dimension of too few people shows its N only. */
function presentDimension(entry: DimensionPsychometrics, norms: ScoreNorms): PracticeDimensionPsychometrics {
  const isShown = mayShowStatistics(entry.n);
  const isUsedForChange = norms[entry.dimension].source === "deployment";
  const base = { dimension: entry.dimension, n: entry.n, excludedIncomplete: entry.excludedIncomplete, isShown, isUsedForChange };
  if (!isShown) return { ...base, alpha: null, mean: null, sd: null, sem: null, items: [] };
  return {
    ...base,
    alpha: round(entry.alpha),
    mean: round(entry.mean, 1),
    sd: round(entry.sd, 1),
    sem: round(entry.sem, 1),
    items: entry.items.map((item) => ({
      itemId: item.itemId,
      // One decimal and only from 50 people: a join or leave then vanishes in the rounding.
      mean: mayShowItemStatistics(entry.n) ? round(item.mean, 1) : null,
      sd: mayShowItemStatistics(entry.n) ? round(item.sd, 1) : null,
      correctedItemTotal: round(item.correctedItemTotal),
      alphaIfDeleted: round(item.alphaIfDeleted),
    })),
  };
}

/** Per language, the same rules as over everyone: each dimension shown only from the same floor. */
function presentLanguage(figures: LanguageFigures) {
  return {
    language: figures.language,
    respondents: figures.respondents,
    normSource: normSourceOf(figures.norms),
    dimensions: figures.summary.map((entry) => presentDimension(entry, figures.norms)),
  };
}

/** Only flagged items are named, and only for a language that was screened; never an item's raw statistics. */
function presentScreen(screen: DifLanguageScreen, byLanguage: readonly LanguageFigures[]): LanguageDif {
  const people = byLanguage.find((figures) => figures.language === screen.language)?.respondents ?? screen.nFocal;
  const total = byLanguage.reduce((sum, figures) => sum + figures.respondents, 0);
  return {
    language: screen.language,
    people,
    otherPeople: total - people,
    screened: screen.screened,
    items: screen.items
      .filter((item) => item.flagged && item.standardisedDifference !== null)
      .map((item) => ({
        itemId: item.itemId,
        dimension: item.dimension,
        effectSize: round(Math.abs(item.standardisedDifference as number), 2) as number,
        direction: (item.standardisedDifference as number) > 0 ? ("higher" as const) : ("lower" as const),
      })),
  };
}

export function presentPracticePsychometrics(value: PresentableFigures): PracticePsychometricsResponse {
  return {
    instrument: { id: value.instrument.id, version: value.instrument.version },
    minimumN: PRACTICE_NORMS_MINIMUM_N,
    statisticsMinimumN: PRACTICE_STATISTICS_MINIMUM_N,
    normSource: value.normSource,
    respondents: value.respondents,
    computedAt: new Date(value.computedAt).toISOString(),
    dimensions: value.summary.map((entry) => presentDimension(entry, value.norms)),
    languages: value.byLanguage.map(presentLanguage),
    itemsByLanguage: {
      minimumPerGroup: DIF_MINIMUM_PER_GROUP,
      languages: [...value.byLanguage]
        .map((figures) => value.itemsByLanguage.find((screen) => screen.language === figures.language))
        .filter((screen): screen is DifLanguageScreen => screen !== undefined)
        .map((screen) => presentScreen(screen, value.byLanguage)),
    },
  };
}
