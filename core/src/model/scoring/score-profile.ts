// The whole profile: dimensions, We and Me axes, co-dependency index and pattern. SAFE stays out.
import type { Instrument, ProfileItem, ScoredDimensionCode } from "../instrument/instrument-types.js";
import { ME_DIMENSIONS, SCORED_DIMENSIONS, WE_DIMENSIONS } from "../instrument/instrument-types.js";
import { listDimensionItems, listSubscaleItems } from "../instrument/instrument-lookup.js";
import type { ProfileAnswers } from "../instrument/profile-answers.js";
import { readValidAnswer } from "../instrument/read-answer.js";
import { MODEL_THRESHOLDS } from "../model-thresholds.js";
import { computeSem, PROVISIONAL_NORMS, type ScoreNorms } from "../provisional-norms.js";
import { buildInfluence, compareInfluences, describeInfluences, rankInfluences, selectStrongest } from "./explain-influence.js";
import { scoreItems } from "./score-dimension.js";
import { explainPatternIn, missingAxisMessage, missingCodependencyMessage, missingPatternMessage } from "./score-text.js";
import type { AxisScore, CodependencyScore, DimensionScore, PatternCode, PatternResult, Profile, SafetyScreen } from "./score-types.js";

export const CODEPENDENCY_FORMULA = "sqrt(RELY × (100 − mean(SELF, TIES)))";

function nameOf(instrument: Instrument, code: string): string {
  return instrument.dimensions.find((entry) => entry.code === code)?.name ?? code;
}

/** Score one dimension of the profile. */
export function scoreDimension(instrument: Instrument, dimension: ScoredDimensionCode, answers: ProfileAnswers): DimensionScore {
  return scoreItems(instrument, dimension, nameOf(instrument, dimension), listDimensionItems(instrument, dimension), answers);
}

/** Mean of component dimensions; missing if any component is missing, so an axis never rests on one side only. */
export function scoreAxis(key: "WE" | "ME", components: readonly ScoredDimensionCode[], dimensions: Record<ScoredDimensionCode, DimensionScore>): AxisScore {
  const parts = components.map((code) => dimensions[code]);
  const absent = parts.filter((part) => part.status !== "scored").map((part) => part.key);
  if (absent.length > 0) {
    return {
      key,
      components,
      status: "missing",
      reason: "missing-component",
      message: missingAxisMessage(undefined, key, absent, "en"),
    };
  }
  let sum = 0;
  const influences = [];
  for (const part of parts) {
    if (part.status !== "scored") continue;
    sum += part.score;
    influences.push(...part.explanation.influences);
  }
  const top = selectStrongest(influences);
  return {
    key,
    components,
    status: "scored",
    score: sum / parts.length,
    explanation: { text: describeInfluences(top, key === "WE" ? "We" : "Me"), influences: top },
  };
}

/**
 * Co-dependency index (0–100): the geometric mean of reliance and of low self-plus-ties,
 * sqrt(RELY · (100 − mean(SELF, TIES))). A geometric mean is high only when both parts are high,
 * which matches the construct: leaning on a partner is a risk when the person's own life has shrunk.
 */
export function computeCodependencyIndex(rely: number, self: number, ties: number): number {
  return Math.sqrt(Math.max(0, rely) * Math.max(0, 100 - (self + ties) / 2));
}

function scoreCodependency(instrument: Instrument, answers: ProfileAnswers, dimensions: Record<ScoredDimensionCode, DimensionScore>): CodependencyScore {
  const rely = dimensions.RELY;
  const self = dimensions.SELF;
  const ties = dimensions.TIES;
  if (rely.status !== "scored" || self.status !== "scored" || ties.status !== "scored") {
    return {
      key: "CODEPENDENCY",
      formula: CODEPENDENCY_FORMULA,
      status: "missing",
      reason: "missing-component",
      message: missingCodependencyMessage("en"),
    };
  }
  const relyPull = rankInfluences(instrument, listDimensionItems(instrument, "RELY"), answers).filter((entry) => entry.direction === "raised");
  const ownLifePull = rankInfluences(instrument, [...listDimensionItems(instrument, "SELF"), ...listDimensionItems(instrument, "TIES")], answers).filter(
    (entry) => entry.direction === "lowered",
  );
  // Answers that raise the index: high reliance, or low self/ties. Reported as "raised" the index.
  const influences = selectStrongest([...relyPull, ...ownLifePull.map((entry) => ({ ...entry, direction: "raised" as const }))]);
  return {
    key: "CODEPENDENCY",
    formula: CODEPENDENCY_FORMULA,
    status: "scored",
    score: computeCodependencyIndex(rely.score, self.score, ties.score),
    explanation: { text: describeInfluences(influences, "the co-dependency index"), influences },
  };
}

const PATTERN_BY_SIDE: Record<"high" | "low", Record<"high" | "low", PatternCode>> = {
  high: { high: "interdependent", low: "leaning-co-dependent" },
  low: { high: "independent", low: "disconnected" },
};

/** Place a We/Me point on the map, with a "between patterns" band of ±bandInSem·SEM around each cut. */
export function placePattern(we: number, me: number, norms: ScoreNorms = PROVISIONAL_NORMS): Extract<PatternResult, { status: "placed" }> {
  const { cutPoint, bandInSem } = MODEL_THRESHOLDS.pattern;
  const band = { we: bandInSem * computeSem(norms.WE), me: bandInSem * computeSem(norms.ME) };
  const sides = (value: number, width: number): Array<"high" | "low"> =>
    Math.abs(value - cutPoint) <= width ? ["high", "low"] : [value > cutPoint ? "high" : "low"];
  const candidates: PatternCode[] = [];
  for (const weSide of sides(we, band.we)) {
    for (const meSide of sides(me, band.me)) candidates.push(PATTERN_BY_SIDE[weSide][meSide]);
  }
  const normSource = norms.WE.source === "deployment" && norms.ME.source === "deployment" ? "deployment" : "provisional";
  const only = candidates.length === 1 ? candidates[0] : undefined;
  const explanation = explainPatternIn(candidates, "en");
  return { status: "placed", pattern: only ?? "between-patterns", candidates, we, me, band, normSource, explanation };
}

/** Score a full profile from one person's answers. SAFE answers are ignored here; see screenSafety. */
export function scoreProfile(instrument: Instrument, answers: ProfileAnswers, norms: ScoreNorms = PROVISIONAL_NORMS): Profile {
  const dimensions = Object.fromEntries(SCORED_DIMENSIONS.map((code) => [code, scoreDimension(instrument, code, answers)])) as Record<
    ScoredDimensionCode,
    DimensionScore
  >;
  const subscales = {
    giving: scoreItems(instrument, "SUPPORT_GIVING", "Support you give", listSubscaleItems(instrument, "giving"), answers),
    receiving: scoreItems(instrument, "SUPPORT_RECEIVING", "Support you receive", listSubscaleItems(instrument, "receiving"), answers),
  };
  const we = scoreAxis("WE", WE_DIMENSIONS, dimensions);
  const me = scoreAxis("ME", ME_DIMENSIONS, dimensions);
  const pattern: PatternResult =
    we.status === "scored" && me.status === "scored"
      ? placePattern(we.score, me.score, norms)
      : { status: "missing", reason: "missing-component", message: missingPatternMessage("en") };
  return {
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    dimensions,
    subscales,
    we,
    me,
    codependency: scoreCodependency(instrument, answers, dimensions),
    pattern,
  };
}

/** The keyed answer from which a SAFE item counts as a concern: lower for an item about being hurt or threatened. */
export function concernThresholdOf(entry: Pick<ProfileItem, "concernSeverity">): number {
  const { safety } = MODEL_THRESHOLDS.flags;
  return entry.concernSeverity === "high" ? safety.highSeverityKeyedAtLeast : safety.keyedAnswerAtLeast;
}

/** Read the private SAFE screen. Its result must never be shown to a partner. */
export function screenSafety(instrument: Instrument, answers: ProfileAnswers): SafetyScreen {
  const items = listDimensionItems(instrument, "SAFE");
  const answered = items.flatMap((entry) => {
    const answer = readValidAnswer(instrument, answers, entry.id);
    return answer === undefined ? [] : [{ entry, influence: buildInfluence(instrument, entry, answer) }];
  });
  // Built item by item rather than from rankInfluences, which leaves out neutral answers: a neutral
  // answer to the item about being hurt or threatened is a concern (docs/model.md, §4).
  const concerning = answered.filter(({ entry, influence }) => influence.keyed >= concernThresholdOf(entry));
  // An item without its own severity counts as medium: the flag still fires, only its wording is milder.
  const severities = concerning.map(({ entry }) => entry.concernSeverity ?? "medium");
  return {
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    answered: answered.length,
    total: items.length,
    concerns: concerning.map(({ influence }) => influence).sort(compareInfluences),
    concernSeverity: severities.length === 0 ? null : severities.includes("high") ? "high" : "medium",
    highestKeyed: answered.length === 0 ? null : Math.max(...answered.map(({ influence }) => influence.keyed)),
    allSkipped: items.length > 0 && answered.length === 0,
  };
}
