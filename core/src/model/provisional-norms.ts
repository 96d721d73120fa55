// Reliability and SD per score, used for the SEM band on the map and for reliable change.
// PROVISIONAL: chosen to sit in the range usual for short 5–6 item Likert scales (alpha .75–.88,
// SD about 15–20 points on a 0–100 scale). A deployment replaces them with its own estimates
// (psychometrics/) once it has enough responses; the `source` field always says which is in use.
import type { ScoredDimensionCode } from "./instrument/instrument-types.js";

export type NormSource = "provisional" | "deployment";

/** Reliability (e.g. Cronbach's alpha) and standard deviation of one score. */
export type ReliabilityParams = { reliability: number; sd: number; source: NormSource };

export type ScoreKey = ScoredDimensionCode | "WE" | "ME" | "CODEPENDENCY";

export type ScoreNorms = Readonly<Record<ScoreKey, ReliabilityParams>>;

const provisional = (reliability: number, sd: number): ReliabilityParams => ({ reliability, sd, source: "provisional" });

/** Provisional norms: NOT estimated from data. Replace per deployment. */
export const PROVISIONAL_NORMS: ScoreNorms = {
  CLOSE: provisional(0.85, 20),
  SUPPORT: provisional(0.82, 18),
  ACCEPT: provisional(0.75, 16),
  VOICE: provisional(0.8, 18),
  SELF: provisional(0.78, 17),
  TIES: provisional(0.78, 20),
  RELY: provisional(0.8, 18),
  WE: provisional(0.88, 15),
  ME: provisional(0.85, 15),
  CODEPENDENCY: provisional(0.8, 18),
};

/** Standard error of measurement: SD·sqrt(1 − reliability). */
export function computeSem(params: Pick<ReliabilityParams, "reliability" | "sd">): number {
  return params.sd * Math.sqrt(1 - params.reliability);
}
