// Which of Mutual's languages a language tag asks for (issue 18, decisions 074 and 076). Kept free of
// zod and of the rest of core, so the web app's first load can use it without carrying either.

/** The languages Mutual speaks: Singapore's four official languages. */
export const languageCodes = ["en", "zh-Hans", "ms", "ta"] as const;
export type Language = (typeof languageCodes)[number];

export const isLanguage = (value: unknown): value is Language => languageCodes.includes(value as Language);

/** One tag to one of ours: zh* except Traditional (Hant, TW, HK, MO) → zh-Hans, ms* → ms, ta* → ta, en* → en; else none. */
export function languageOfTag(tag: string): Language | undefined {
  const [base = "", ...rest] = tag.trim().toLowerCase().split(/[-_]/);
  if (base === "en") return "en";
  if (base === "zh") return rest.some((part) => ["hant", "tw", "hk", "mo"].includes(part)) ? undefined : "zh-Hans";
  if (base === "ms" || base === "ta") return base;
  return undefined;
}

/** The first of the person's tags, in their order, that we speak; English when none is. */
export function languageFromTags(tags: readonly string[]): Language {
  for (const tag of tags) {
    const language = languageOfTag(tag);
    if (language) return language;
  }
  return "en";
}

/** An HTTP header this long is not a person's list of languages; it is read no further. */
const MAX_ACCEPT_LANGUAGE_LENGTH = 500;

/**
 * The language an `Accept-Language` header asks for: its tags by weight (`q`), highest first, the
 * header's order among equals; `q=0` means "not this one". Anything unreadable is skipped, so a
 * malformed header gives English rather than an error.
 */
export function languageFromAcceptLanguage(header: string | undefined): Language {
  if (!header) return "en";
  const weighted = header
    .slice(0, MAX_ACCEPT_LANGUAGE_LENGTH)
    .split(",")
    .map((part, order) => {
      const [tag = "", ...parameters] = part.split(";");
      const q = parameters.map((parameter) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(parameter)?.[1]).find((value) => value !== undefined);
      return { tag: tag.trim(), weight: q === undefined ? 1 : Number(q), order };
    })
    .filter((entry) => entry.tag !== "" && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  return languageFromTags(weighted.map((entry) => entry.tag));
}

/** How Intl formats dates and numbers in a language: Singapore's conventions. */
export function intlLocale(language: Language): string {
  return `${language}-SG`;
}
