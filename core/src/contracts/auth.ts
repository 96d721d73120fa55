import { z } from "zod";

import { displayNameRules, passwordRules } from "./account-rules.js";

export const passwordSchema = z
  .string()
  .min(passwordRules.minLength, { error: `Use at least ${passwordRules.minLength} characters.` })
  .max(passwordRules.maxLength, { error: `Use at most ${passwordRules.maxLength} characters.` });

export const displayNameSchema = z.string().trim().min(1, { error: "Tell us what to call you." }).max(displayNameRules.maxLength);

export const emailSchema = z.email({ error: "Enter an email address like name@example.com." }).max(254);
