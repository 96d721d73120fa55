// Which language a profile was answered in (decision 085). A person may switch the page's language
// half-way through; the statements they then answer are in the new language. Psychometrics by
// language (decision 067) must not count such a profile as either language, and a counsellor must
// not be told it was all in one, so it is marked "mixed". Scores never depend on it: answers are
// stored by item id and scored the same whatever language the statement was shown in.
import { isLanguage, type Language } from "../../localization/language-tags.js";

export const MIXED_LANGUAGES = "mixed";
export type AnswerLanguage = Language | typeof MIXED_LANGUAGES;

export const isAnswerLanguage = (value: unknown): value is AnswerLanguage => value === MIXED_LANGUAGES || isLanguage(value);

/**
 * The profile's language once one more answer is saved in `answeredIn`: before any answer it simply
 * follows the page (a switch before the first answer mixes nothing); after that, an answer in another
 * language makes it "mixed", and mixed it stays.
 */
export function answerLanguageAfter(current: AnswerLanguage, answersBefore: number, answeredIn: Language): AnswerLanguage {
  if (answersBefore === 0) return answeredIn;
  return current === answeredIn ? current : MIXED_LANGUAGES;
}
