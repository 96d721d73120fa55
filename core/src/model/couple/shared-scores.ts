// What one partner chose to share. The type has no place for SAFE, so it cannot carry it.
import { z } from "zod";
import type { ScoredDimensionCode, SupportSubscale } from "../instrument/instrument-types.js";
import type { Profile } from "../scoring/score-types.js";

const score = z.number().min(0).max(100);

/** Runtime check at the boundary: strict objects reject unknown keys such as SAFE. */
export const sharedScoresSchema = z
  .object({
    dimensions: z.object({ CLOSE: score, SUPPORT: score, ACCEPT: score, VOICE: score, SELF: score, TIES: score, RELY: score }).partial().strict().optional(),
    subscales: z.object({ giving: score, receiving: score }).partial().strict().optional(),
    we: score.optional(),
    me: score.optional(),
  })
  .strict();

/** A partner's shared scores; an unshared scope is simply absent. */
export type SharedScores = {
  dimensions?: Partial<Record<ScoredDimensionCode, number>>;
  subscales?: Partial<Record<SupportSubscale, number>>;
  we?: number;
  me?: number;
};

/** Which parts of a profile a person shares with their partner. */
export type ProfileShareChoice = {
  dimensions?: readonly ScoredDimensionCode[];
  subscales?: boolean;
  axes?: boolean;
};

/** Copy only the chosen, scored parts of a profile into a SharedScores value. */
export function pickSharedScores(profile: Profile, choice: ProfileShareChoice): SharedScores {
  const shared: SharedScores = {};
  const dimensions: Partial<Record<ScoredDimensionCode, number>> = {};
  for (const code of choice.dimensions ?? []) {
    const entry = profile.dimensions[code];
    if (entry.status === "scored") dimensions[code] = entry.score;
  }
  if (Object.keys(dimensions).length > 0) shared.dimensions = dimensions;
  if (choice.subscales === true) {
    const subscales: Partial<Record<SupportSubscale, number>> = {};
    if (profile.subscales.giving.status === "scored") subscales.giving = profile.subscales.giving.score;
    if (profile.subscales.receiving.status === "scored") subscales.receiving = profile.subscales.receiving.score;
    if (Object.keys(subscales).length > 0) shared.subscales = subscales;
  }
  if (choice.axes === true) {
    if (profile.we.status === "scored") shared.we = profile.we.score;
    if (profile.me.status === "scored") shared.me = profile.me.score;
  }
  return shared;
}
