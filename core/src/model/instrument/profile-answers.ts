// The answers a respondent gives to the profile: validated where they cross into the model.
import { z } from "zod";
import type { Instrument } from "./instrument-types.js";

/** itemId → answer on the 1–7 scale; absent or null means skipped. */
export type ProfileAnswers = Readonly<Record<string, number | null | undefined>>;

/** Build a zod schema that accepts only this instrument's item ids and whole scale points. */
export function createProfileAnswersSchema(instrument: Instrument) {
  const knownIds = new Set(instrument.items.map((entry) => entry.id));
  const answer = z.number().int().min(instrument.scale.min).max(instrument.scale.max).nullable().optional();
  return z.record(z.string(), answer).superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!knownIds.has(key)) {
        ctx.addIssue({ code: "custom", message: `Unknown item id "${key}" for ${instrument.id}@${instrument.version}`, path: [key] });
      }
    }
  });
}
