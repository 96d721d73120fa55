import { z } from "zod";

/**
 * Password rules (OWASP ASVS 5.0, V6.2): at least 12 characters, up to 256, any
 * characters, no composition rules; common passwords are refused by the server.
 */
export const passwordRules = { minLength: 12, maxLength: 256 } as const;

export const passwordSchema = z
  .string()
  .min(passwordRules.minLength, { error: `Use at least ${passwordRules.minLength} characters.` })
  .max(passwordRules.maxLength, { error: `Use at most ${passwordRules.maxLength} characters.` });

export const displayNameSchema = z.string().trim().min(1, { error: "Tell us what to call you." }).max(80);

export const emailSchema = z.email({ error: "Enter an email address like name@example.com." }).max(254);
