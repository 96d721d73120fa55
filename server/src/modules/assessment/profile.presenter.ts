import {
  FLAG_IDS,
  SCORED_DIMENSIONS,
  explainPatternResultIn,
  explainScoreIn,
  flagTitleIn,
  flagWordsIn,
  localizeDimension,
  safetyOwnViewIn,
  type FlagId,
  type Language,
  type Instrument,
  type ModelFlag,
  type OwnerFlagView,
  type NormsChoice,
  type Profile,
  type ProfileChangeResponse,
  type ProfileView,
  type ReliableChange,
  type ScoreKey,
} from "@mutual/core";
import type { AssessmentRecord } from "./assessment.policy.js";
import { practicesFromFlags } from "./practice-guidance.js";

/** Short, kind headings for flags, in English (flag-text.ts holds them in every language). */
export const FLAG_TITLES: Record<FlagId, string> = Object.fromEntries(FLAG_IDS.map((id) => [id, flagTitleIn(id, "en")])) as Record<FlagId, string>;

/**
 * The safety flag in the owner's view. The model's explanation quotes the private answers;
 * this wording does not, so nothing on screen repeats them to someone looking over a shoulder.
 */
export const SAFETY_EXPLANATION = safetyOwnViewIn("en");

/** One flag in the reader's language: its title, and its explanation said again from its facts. */
export function presentFlag(instrument: Instrument | undefined, flag: ModelFlag, language: Language): ProfileView["flags"][number] {
  const words = flagWordsIn(instrument, flag, language);
  return {
    id: flag.id,
    severity: flag.severity,
    title: words.title,
    explanation: flag.id === "safety" ? safetyOwnViewIn(language) : words.explanation,
    practice: flag.practice,
    counselling: flag.counselling,
  };
}

function presentDimension(
  instrument: Instrument,
  profile: Profile,
  code: (typeof SCORED_DIMENSIONS)[number],
  language: Language,
): ProfileView["dimensions"][number] {
  const score = profile.dimensions[code];
  const definition = instrument.dimensions.find((entry) => entry.code === code);
  const axis = definition?.axis === "we" || definition?.axis === "me" ? definition.axis : "risk";
  const { name, summary } = localizeDimension(instrument, code, language === "en" ? undefined : language);
  const words = explainScoreIn(instrument, score, language, profile.dimensions);
  return {
    code,
    axis,
    name,
    summary,
    score: score.status === "scored" ? score.score : null,
    missingMessage: words.message,
    explanation: words.text,
    drivers: words.influences.map((influence) => ({
      itemId: influence.itemId,
      text: influence.text,
      plain: influence.plain,
      answerLabel: influence.answerLabel,
      direction: influence.direction,
    })),
  };
}

/** The owner's own view of one completed profile, or null if it cannot be placed on the map. */
export function presentProfileView(
  instrument: Instrument,
  record: AssessmentRecord,
  profile: Profile,
  owner: OwnerFlagView,
  language: Language = "en",
): ProfileView | null {
  if (profile.we.status !== "scored" || profile.me.status !== "scored" || profile.pattern.status !== "placed") return null;
  return {
    assessmentId: record.id,
    completedAt: new Date(record.completedAt ?? record.startedAt).toISOString(),
    we: profile.we.score,
    me: profile.me.score,
    pattern: {
      code: profile.pattern.pattern,
      candidates: profile.pattern.candidates,
      band: { we: profile.pattern.band.we, me: profile.pattern.band.me },
      explanation: explainPatternResultIn(profile.pattern, language),
    },
    dimensions: SCORED_DIMENSIONS.map((code) => presentDimension(instrument, profile, code, language)),
    flags: owner.flags.map((flag) => presentFlag(instrument, flag, language)),
    safety: { showResources: owner.safety !== null, holdsBackJointExercises: owner.holdsBackJointExercises, skippedCheck: owner.safetyCheckSkipped },
    suggestedPractices: practicesFromFlags(owner.flags),
    normSource: profile.pattern.normSource,
  };
}

export function presentHistoryEntry(record: AssessmentRecord, profile: Profile) {
  return {
    assessmentId: record.id,
    completedAt: new Date(record.completedAt ?? record.startedAt).toISOString(),
    we: profile.we.status === "scored" ? profile.we.score : null,
    me: profile.me.status === "scored" ? profile.me.score : null,
    pattern: profile.pattern.status === "placed" ? profile.pattern.pattern : null,
  };
}

const CHANGE_ORDER: readonly ScoreKey[] = ["WE", "ME", "CLOSE", "SUPPORT", "ACCEPT", "VOICE", "SELF", "TIES", "RELY", "CODEPENDENCY"];

export function presentChange(
  from: AssessmentRecord,
  to: AssessmentRecord,
  changes: Partial<Record<ScoreKey, ReliableChange>>,
  normsChoice: Pick<NormsChoice, "normLanguage" | "fromLanguage"> = { normLanguage: null, fromLanguage: [] },
): NonNullable<ProfileChangeResponse["change"]> {
  const fromLanguage = new Set<ScoreKey>(normsChoice.fromLanguage);
  const present = CHANGE_ORDER.flatMap((key) => {
    const change = changes[key];
    return change ? [{ key, change }] : [];
  });
  return {
    from: { assessmentId: from.id, completedAt: new Date(from.completedAt ?? from.startedAt).toISOString() },
    to: { assessmentId: to.id, completedAt: new Date(to.completedAt ?? to.startedAt).toISOString() },
    normSource: present.some(({ change }) => change.source === "deployment") ? "deployment" : "provisional",
    normLanguage: present.some(({ key }) => fromLanguage.has(key)) ? normsChoice.normLanguage : null,
    dimensions: present.map(({ key, change }) => ({
      key,
      normSource: change.source,
      normLanguage: fromLanguage.has(key) ? normsChoice.normLanguage : null,
      before: change.before,
      after: change.after,
      difference: change.after - change.before,
      // An infinite RCI (a perfectly reliable score) cannot travel as JSON: cap it.
      rci: Number.isFinite(change.rci) ? change.rci : Math.sign(change.rci) * 999,
      classification: change.classification,
    })),
  };
}
