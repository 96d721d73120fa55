import { z } from "zod";

import { displayNameRules, passwordRules } from "./account-rules.js";

export const passwordSchema = z
  .string()
  .min(passwordRules.minLength, { error: `Use at least ${passwordRules.minLength} characters.` })
  .max(passwordRules.maxLength, { error: `Use at most ${passwordRules.maxLength} characters.` });

export const displayNameSchema = z.string().trim().min(1, { error: "Tell us what to call you." }).max(displayNameRules.maxLength);

export const emailSchema = z.email({ error: "Enter an email address like name@example.com." }).max(254);

/** A sign-up link's token is a signed JWT of a few hundred characters; anything far longer is not one. */
export const signUpTokenMaxLength = 2048;

/**
 * POST /api/auth/confirm-email (decision 020): the token from the emailed link with the password
 * chosen at sign-up, and nothing else. The password is only checked, never set, so its rules here
 * are its bounds, not the rules for a new password.
 */
export const confirmEmailBodySchema = z
  .object({
    token: z.string().min(1).max(signUpTokenMaxLength),
    password: z.string().min(1).max(passwordRules.maxLength),
  })
  .strict();
export type ConfirmEmailBody = z.infer<typeof confirmEmailBodySchema>;
