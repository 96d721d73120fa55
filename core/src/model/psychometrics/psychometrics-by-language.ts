// The instrument's figures by the language people answered in (decision 087): one accumulator per
// language beside the one over everyone, and, when asked, each person's answers kept for the screen
// for items that read differently in one language (decision 067). Pure: the practice's page, the
// deployment's job and the operator's report all feed it the same way.
import type { Instrument } from "../instrument/instrument-types.js";
import type { ProfileAnswers } from "../instrument/profile-answers.js";
import { createMulberry32 } from "../ordering/seeded-random.js";
import { PROVISIONAL_NORMS, type ScoreNorms } from "../provisional-norms.js";
import { addPackedPsychometricsResponse, unpackScoredAnswers } from "./packed-answers.js";
import { screenLanguagesForDif, type DifLanguageScreen, type LanguageResponse } from "./differential-item-functioning.js";
import {
  addPsychometricsResponse,
  createPsychometricsAccumulator,
  deriveDeploymentNorms,
  summarisePsychometrics,
  type DimensionPsychometrics,
  type PsychometricsAccumulator,
} from "./profile-psychometrics.js";

/**
 * People's answers kept per language for the screen, at most: a fair sample of a large language
 * (reservoir sampling with a fixed seed, so a run is repeatable), so memory stays bounded at a
 * million people. 5,000 per group finds an item at the screen's effect size with near certainty.
 */
export const SCREEN_SAMPLE_PER_LANGUAGE = 5_000;

type LanguageEntry = { accumulator: PsychometricsAccumulator; respondents: number; kept: ProfileAnswers[] };

export type LanguageAccumulators = {
  instrument: Instrument;
  languages: Map<string, LanguageEntry>;
  /** Answers kept per language for the screen (0: the screen was not asked for). */
  keepPerLanguage: number;
  random: () => number;
};

export type LanguageFigures = {
  language: string;
  respondents: number;
  summary: DimensionPsychometrics[];
  /** This language's own norms: a dimension below the minimum among its people stays provisional. */
  norms: ScoreNorms;
};

export function createLanguageAccumulators(instrument: Instrument, options: { keepForScreen: boolean; perLanguage?: number }): LanguageAccumulators {
  return {
    instrument,
    languages: new Map(),
    keepPerLanguage: options.keepForScreen ? (options.perLanguage ?? SCREEN_SAMPLE_PER_LANGUAGE) : 0,
    random: createMulberry32(20261210),
  };
}

function entryOf(target: LanguageAccumulators, language: string): LanguageEntry {
  let entry = target.languages.get(language);
  if (!entry) {
    entry = { accumulator: createPsychometricsAccumulator(target.instrument), respondents: 0, kept: [] };
    target.languages.set(language, entry);
  }
  return entry;
}

/** Where this person's answers go in the screen's sample, if anywhere (reservoir sampling, Algorithm R). */
function sampleSlot(target: LanguageAccumulators, entry: LanguageEntry): number | null {
  if (entry.kept.length < target.keepPerLanguage) return entry.kept.length;
  if (target.keepPerLanguage === 0) return null;
  // The n-th person replaces a kept one with probability keep/n, so every person is equally likely kept.
  const slot = Math.floor(target.random() * entry.respondents);
  return slot < target.keepPerLanguage ? slot : null;
}

/** Counts one person's latest profile, answered in `language`, in that language's figures. */
export function addLanguageResponse(target: LanguageAccumulators, language: string, answers: ProfileAnswers): void {
  const entry = entryOf(target, language);
  addPsychometricsResponse(entry.accumulator, answers);
  entry.respondents += 1;
  const slot = sampleSlot(target, entry);
  if (slot !== null) entry.kept[slot] = answers;
}

/**
 * The same from packed answers (decision 022), on the packed fast path; answers are unpacked only
 * for a person the screen's sample keeps. False, and nothing counted, for a string not of this instrument.
 */
export function addPackedLanguageResponse(target: LanguageAccumulators, language: string, packed: string): boolean {
  const entry = entryOf(target, language);
  if (!addPackedPsychometricsResponse(entry.accumulator, packed)) return false;
  entry.respondents += 1;
  const slot = sampleSlot(target, entry);
  const answers = slot === null ? null : unpackScoredAnswers(target.instrument, packed);
  if (slot !== null && answers) entry.kept[slot] = answers;
  return true;
}

/** Each language's figures and own norms, the language with most people first (then by code). */
export function summariseByLanguage(source: LanguageAccumulators, normsMinimumN: number): LanguageFigures[] {
  return [...source.languages.entries()]
    .map(([language, { accumulator, respondents }]) => {
      const summary = summarisePsychometrics(accumulator);
      return { language, respondents, summary, norms: deriveDeploymentNorms(summary, normsMinimumN, PROVISIONAL_NORMS) };
    })
    .sort((a, b) => b.respondents - a.respondents || a.language.localeCompare(b.language));
}

/** The screen over the kept answers: each language against all the others, once both reach the minimum. */
export function screenItemsByLanguage(source: LanguageAccumulators, minimumPerGroup: number): DifLanguageScreen[] {
  if (source.keepPerLanguage === 0) return [];
  const responses: LanguageResponse[] = [];
  for (const [language, entry] of source.languages) for (const answers of entry.kept) responses.push({ language, answers });
  return screenLanguagesForDif(source.instrument, responses, minimumPerGroup);
}
