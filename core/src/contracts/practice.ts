import { z } from "zod";
import type { PracticeId } from "../model/flags/flag-types.js";

/** The three practices, one schema for every contract that names one (check-in signals, profile, exercises). */
export const practiceIdSchema = z.enum(["speak-up", "support-passions", "friends-family"]) satisfies z.ZodType<PracticeId>;
