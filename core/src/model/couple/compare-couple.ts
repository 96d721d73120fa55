// Side-by-side view of two partners, built only from what each chose to share.
import { SCORED_DIMENSIONS, type ScoredDimensionCode } from "../instrument/instrument-types.js";
import { MODEL_THRESHOLDS } from "../model-thresholds.js";
import { adjustFlagsForOwnSafety, createFlag } from "../flags/create-flag.js";
import { flagRuleIn } from "../flags/flag-text.js";
import type { ModelFlag } from "../flags/flag-types.js";
import { roundForComparison } from "../score-precision.js";
import type { SafetyScreen } from "../scoring/score-types.js";
import type { SharedScores } from "./shared-scores.js";

const T = MODEL_THRESHOLDS.couple;

export type DimensionComparison = {
  key: ScoredDimensionCode | "WE" | "ME";
  a?: number;
  b?: number;
  /** b − a, present only when both partners shared this score. */
  difference?: number;
  isDifferentExperience: boolean;
};

/** How much one partner says they back the other, next to how backed the other feels. */
export type CrossPerception = {
  giverSays: number;
  receiverFeels: number;
  /** giverSays − receiverFeels: positive when the giver sees more backing than is felt. */
  gap: number;
  isGap: boolean;
};

export type CoupleComparison = {
  dimensions: DimensionComparison[];
  crossPerception: { aBacksB?: CrossPerception; bBacksA?: CrossPerception };
  flags: ModelFlag[];
  /** True when the viewer's own safety screen shaped this view: show it to that viewer only. */
  isViewerOnly: boolean;
  /** True when the viewer's own screen found a concern: joint exercises are held back for them. */
  holdsBackJointExercises: boolean;
};

export type CoupleLabels = { a: string; b: string };

export type CompareCoupleOptions = {
  labels?: CoupleLabels;
  /**
   * The viewer's OWN safety screen, never the partner's. With a concern, relationship counselling in this
   * view turns individual and joint exercises are held back; the result is then for the viewer's eyes only.
   */
  viewerSafety?: SafetyScreen;
};

function compareValues(key: DimensionComparison["key"], a: number | undefined, b: number | undefined): DimensionComparison {
  const entry: DimensionComparison = { key, isDifferentExperience: false };
  if (a !== undefined) entry.a = a;
  if (b !== undefined) entry.b = b;
  if (a !== undefined && b !== undefined) {
    entry.difference = roundForComparison(b - a);
    entry.isDifferentExperience = Math.abs(entry.difference) >= T.differentExperience;
  }
  return entry;
}

function crossOf(giving: number | undefined, receiving: number | undefined): CrossPerception | undefined {
  if (giving === undefined || receiving === undefined) return undefined;
  const gap = roundForComparison(giving - receiving);
  return { giverSays: giving, receiverFeels: receiving, gap, isGap: Math.abs(gap) >= T.crossPerceptionGap };
}

/**
 * Compare two partners' shared scores: differences, cross-perception of support, couple-level flags.
 * Explanations never give counselling advice: which kind of counselling fits is the flag's
 * `counselling` field, which the viewer's own safety screen may turn individual, and the app words it.
 */
export function compareCouple(a: SharedScores, b: SharedScores, options: CompareCoupleOptions = {}): CoupleComparison {
  const labels = options.labels ?? { a: "Partner A", b: "Partner B" };
  const dimensions: DimensionComparison[] = SCORED_DIMENSIONS.map((code) => compareValues(code, a.dimensions?.[code], b.dimensions?.[code]));
  dimensions.push(compareValues("WE", a.we, b.we), compareValues("ME", a.me, b.me));
  const crossPerception: CoupleComparison["crossPerception"] = {};
  const aBacksB = crossOf(a.subscales?.giving, b.subscales?.receiving);
  const bBacksA = crossOf(b.subscales?.giving, a.subscales?.receiving);
  if (aBacksB !== undefined) crossPerception.aBacksB = aBacksB;
  if (bBacksA !== undefined) crossPerception.bBacksA = bBacksA;

  const flags: ModelFlag[] = [];
  const voiceA = a.dimensions?.VOICE;
  const voiceB = b.dimensions?.VOICE;
  if (voiceA !== undefined && voiceB !== undefined && Math.abs(roundForComparison(voiceA - voiceB)) >= T.voiceGap) {
    // Both partners read this flag, and one of them may live under the other's control: it never
    // says who is quieter (nor gives the two scores that would tell), and it leaves the choice of
    // counselling open, since couples work can be unsafe where there is coercion (docs/model.md, §7).
    flags.push(
      createFlag({
        id: "couple-power-imbalance",
        severity: "medium",
        rule: { anyOf: [[{ metric: "|VOICE_a − VOICE_b|", op: ">=", value: T.voiceGap }]], text: flagRuleIn("couple-power-imbalance", "en") },
        wording: { key: "explanation.couple-power-imbalance", params: {} },
        practice: "speak-up",
        counselling: "own-or-together",
      }),
    );
  }
  const closeA = a.dimensions?.CLOSE;
  const closeB = b.dimensions?.CLOSE;
  if (closeA !== undefined && closeB !== undefined && roundForComparison(closeA) < T.bothLowClose && roundForComparison(closeB) < T.bothLowClose) {
    flags.push(
      createFlag({
        id: "couple-low-intimacy",
        severity: "high",
        rule: {
          anyOf: [
            [
              { metric: "CLOSE_a", op: "<", value: T.bothLowClose },
              { metric: "CLOSE_b", op: "<", value: T.bothLowClose },
            ],
          ],
          text: flagRuleIn("couple-low-intimacy", "en"),
        },
        wording: { key: "explanation.couple-low-intimacy", params: { a: Math.round(closeA), b: Math.round(closeB) } },
        practice: "support-passions",
        counselling: "relationship",
      }),
    );
  }
  for (const [giver, receiver, cross] of [
    [labels.a, labels.b, aBacksB],
    [labels.b, labels.a, bBacksA],
  ] as const) {
    if (cross === undefined || !cross.isGap) continue;
    flags.push(
      createFlag({
        id: "support-perception-gap",
        severity: "low",
        rule: {
          anyOf: [[{ metric: "|SUPPORT_GIVING_giver − SUPPORT_RECEIVING_receiver|", op: ">=", value: T.crossPerceptionGap }]],
          text: flagRuleIn("support-perception-gap", "en"),
        },
        wording: {
          key: "explanation.support-perception-gap",
          params: { giver, receiver, gives: Math.round(cross.giverSays), feels: Math.round(cross.receiverFeels) },
        },
        practice: "support-passions",
      }),
    );
  }
  const hasOwnConcern = options.viewerSafety !== undefined && options.viewerSafety.concerns.length > 0;
  return {
    dimensions,
    crossPerception,
    flags: adjustFlagsForOwnSafety(flags, hasOwnConcern),
    isViewerOnly: options.viewerSafety !== undefined,
    holdsBackJointExercises: hasOwnConcern,
  };
}
