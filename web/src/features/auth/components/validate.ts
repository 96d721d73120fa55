import { chosenNameProblem, displayNameRules, emailShape, passwordRules } from "@mutual/core";
import type { TFunction } from "i18next";

export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

// Instant feedback from the same rules the server applies (core's account rules); the
// server stays the judge. Messages come from the translation catalogue.

export function checkEmail(value: string, t: TFunction): string | undefined {
  if (!value.trim()) return t("validation.required");
  return emailShape.test(value.trim()) ? undefined : t("validation.email");
}

export function checkNewPasswordInput(value: string, t: TFunction): string | undefined {
  if (!value) return t("validation.required");
  const length = [...value].length;
  if (length < passwordRules.minLength) return t("validation.passwordShort");
  if (length > passwordRules.maxLength) return t("validation.passwordLong");
  return undefined;
}

export function checkName(value: string, t: TFunction): string | undefined {
  const problem = chosenNameProblem(value, displayNameRules.maxLength);
  if (problem === "empty") return t("validation.required");
  if (problem === "not-one-line") return t("validation.oneLine");
  return problem === "too-long" ? t("validation.nameLong") : undefined;
}

export function checkRequired(value: string, t: TFunction): string | undefined {
  return value ? undefined : t("validation.required");
}
