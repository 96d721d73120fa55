import { useTranslation } from "react-i18next";
import type { PatternCode } from "../lib/api/profile-api";
import { intlLocale } from "../lib/language";

/** Pattern names in words, e.g. "interdependent or independent". */
export function usePatternWords() {
  const { t, i18n } = useTranslation();
  const name = (code: PatternCode) => t(`profile.patterns.${code}`);
  const list = (codes: readonly PatternCode[]) => new Intl.ListFormat(intlLocale(i18n.language), { type: "disjunction" }).format(codes.map(name));
  return { name, list };
}
