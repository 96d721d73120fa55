import {
  SCORED_DIMENSIONS,
  type DimensionScore,
  type FlagId,
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

/** Short, kind headings for flags; the model supplies the explanation. */
export const FLAG_TITLES: Record<FlagId, string> = {
  "power-imbalance": "Saying what you think may be hard",
  "codependency-risk": "Your own life may have less room",
  "low-intimacy": "Closeness feels thin right now",
  "low-support": "Backing each other's passions",
  "difference-reflection": "Differences that weigh on you",
  safety: "Your safety comes first",
  "social-withdrawal": "Less time with friends and family",
  "sustained-decline": "A pulse that has gone down for weeks",
  "couple-power-imbalance": "One voice may carry more weight",
  "couple-low-intimacy": "Closeness feels thin for you both",
  "support-perception-gap": "Support given and support felt differ",
};

/**
 * The safety flag in the owner's view. The model's explanation quotes the private answers;
 * this wording does not, so nothing on screen repeats them to someone looking over a shoulder.
 */
export const SAFETY_EXPLANATION =
  "Some of your answers in the safety check suggest you may not always feel safe with your partner. " +
  "You deserve to feel safe. You do not have to sort this out alone: the help page lists people you can talk to in confidence. " +
  "For now, exercises that ask the two of you to raise things together are paused.";

function presentFlag(flag: ModelFlag): ProfileView["flags"][number] {
  return {
    id: flag.id,
    severity: flag.severity,
    title: FLAG_TITLES[flag.id],
    explanation: flag.id === "safety" ? SAFETY_EXPLANATION : flag.explanation,
    practice: flag.practice,
    counselling: flag.counselling,
  };
}

function presentDimension(instrument: Instrument, score: DimensionScore, code: (typeof SCORED_DIMENSIONS)[number]): ProfileView["dimensions"][number] {
  const definition = instrument.dimensions.find((entry) => entry.code === code);
  const axis = definition?.axis === "we" || definition?.axis === "me" ? definition.axis : "risk";
  return {
    code,
    axis,
    name: definition?.name ?? code,
    summary: definition?.summary ?? "",
    score: score.status === "scored" ? score.score : null,
    missingMessage: score.status === "scored" ? null : score.message,
    explanation: score.status === "scored" ? score.explanation.text : score.message,
    drivers:
      score.status === "scored"
        ? score.explanation.influences.map((influence) => ({
            itemId: influence.itemId,
            text: influence.text,
            plain: influence.plain,
            answerLabel: influence.answerLabel,
            direction: influence.direction,
          }))
        : [],
  };
}

/** The owner's own view of one completed profile, or null if it cannot be placed on the map. */
export function presentProfileView(instrument: Instrument, record: AssessmentRecord, profile: Profile, owner: OwnerFlagView): ProfileView | null {
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
      explanation: profile.pattern.explanation,
    },
    dimensions: SCORED_DIMENSIONS.map((code) => presentDimension(instrument, profile.dimensions[code], code)),
    flags: owner.flags.map(presentFlag),
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
