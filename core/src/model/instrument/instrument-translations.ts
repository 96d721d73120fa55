// The profile and the check-in in Chinese, Malay and Tamil (issue 18): one instrument, translated.
// Each language's file keeps, per key, the English source it was translated from, the translation,
// and an independent back-translation into English (with a note where the meaning had to shift), so
// a reviewer reads all three side by side. The tests hold every `source` equal to today's English:
// changing an English item fails them until each translation is reviewed again.
import ms from "./translations/ms.json" with { type: "json" };
import ta from "./translations/ta.json" with { type: "json" };
import zhHans from "./translations/zh-Hans.json" with { type: "json" };
import type { InstrumentTranslation, TranslationStatus } from "./instrument-types.js";

/** One translated string, as kept in the repository beside its source and back-translation. */
export type TranslationEntry = { source: string; translation: string; backTranslation: string; note?: string };
export type TranslationFile = Readonly<Record<string, TranslationEntry>>;

/** The languages the instrument is translated into (English is the source). */
export const TRANSLATED_LANGUAGES = ["zh-Hans", "ms", "ta"] as const;
export type TranslatedLanguage = (typeof TRANSLATED_LANGUAGES)[number];

export const INSTRUMENT_TRANSLATION_FILES: Readonly<Record<TranslatedLanguage, TranslationFile>> = { "zh-Hans": zhHans, ms, ta };

/**
 * Each translation's own version and review state. A translation is provisional until native-speaking
 * counsellors have reviewed it; its version changes whenever a translated string does.
 */
export const TRANSLATION_RELEASES: Readonly<Record<TranslatedLanguage, { version: string; status: TranslationStatus }>> = {
  "zh-Hans": { version: "1.0.0-provisional.1", status: "provisional" },
  ms: { version: "1.0.0-provisional.1", status: "provisional" },
  ta: { version: "1.0.0-provisional.1", status: "provisional" },
};

/** What "provisional" means, said the same way wherever it is shown. */
export const PROVISIONAL_MEANING = "provisional until reviewed by native-speaking counsellors";

const ITEM_KEY = /^item\.([a-z0-9-]+)\.(text|plain)$/;
const SCALE_KEY = /^scale\.agreement\.(\d+)$/;
const DIMENSION_KEY = /^dimension\.([A-Z]+)\.(name|summary)$/;

/** The profile's part of one language's file, as the instrument's `translations` entry. */
export function profileTranslationOf(
  file: TranslationFile,
  release: { version: string; status: TranslationStatus },
  instrumentVersion: string,
): InstrumentTranslation {
  const items: Record<string, { text?: string; plain?: string }> = {};
  const scale: Record<number, string> = {};
  const dimensions: Record<string, { name?: string; summary?: string }> = {};
  for (const [key, entry] of Object.entries(file)) {
    const item = ITEM_KEY.exec(key);
    if (item?.[1] && item[2]) items[item[1]] = { ...items[item[1]], [item[2]]: entry.translation };
    const point = SCALE_KEY.exec(key);
    if (point?.[1]) scale[Number(point[1])] = entry.translation;
    const dimension = DIMENSION_KEY.exec(key);
    if (dimension?.[1] && dimension[2]) dimensions[dimension[1]] = { ...dimensions[dimension[1]], [dimension[2]]: entry.translation };
  }
  return { instrumentVersion, version: release.version, status: release.status, items, scale, dimensions };
}

/** A check-in question's words in one language: its text and, for a scale, one label per point. */
export type CheckInQuestionTranslation = { text?: string; labels?: readonly string[] };
export type CheckInTranslation = {
  checkInVersion: string;
  version: string;
  status: TranslationStatus;
  questions: Readonly<Record<string, CheckInQuestionTranslation>>;
};

const CHECK_IN_TEXT_KEY = /^checkIn\.([A-Za-z]+)\.text$/;
const CHECK_IN_LABEL_KEY = /^checkIn\.([A-Za-z]+)\.label\.(\d+)$/;

/** The check-in's part of one language's file. */
export function checkInTranslationOf(
  file: TranslationFile,
  release: { version: string; status: TranslationStatus },
  checkInVersion: string,
): CheckInTranslation {
  const questions: Record<string, { text?: string; labels?: string[] }> = {};
  for (const [key, entry] of Object.entries(file)) {
    const text = CHECK_IN_TEXT_KEY.exec(key);
    if (text?.[1]) questions[text[1]] = { ...questions[text[1]], text: entry.translation };
    const label = CHECK_IN_LABEL_KEY.exec(key);
    if (label?.[1] && label[2]) {
      const labels = [...(questions[label[1]]?.labels ?? [])];
      labels[Number(label[2])] = entry.translation;
      questions[label[1]] = { ...questions[label[1]], labels };
    }
  }
  return { checkInVersion, version: release.version, status: release.status, questions };
}
