// The weekly check-in as data: seven short questions and an optional private note.
import { z } from "zod";
import {
  checkInTranslationOf,
  INSTRUMENT_TRANSLATION_FILES,
  TRANSLATED_LANGUAGES,
  TRANSLATION_RELEASES,
  type CheckInTranslation,
} from "./instrument-translations.js";

export type CheckInFormat =
  | { kind: "scale"; min: number; max: number; labels: readonly string[] }
  | { kind: "hours"; min: number; max: number; step: number }
  | { kind: "text"; maxLength: number };

export type CheckInQuestion = {
  id: CheckInQuestionId;
  text: string;
  format: CheckInFormat;
  /** Which of the three practices (or pulse) this question tracks. */
  tracks: "speak-up" | "support-passions" | "friends-family" | "we-pulse" | "me-pulse" | "note";
  isScored: boolean;
};

export const CHECK_IN_QUESTION_IDS = ["spokeUp", "feltHeard", "backedPartner", "feltBacked", "friendsFamilyHours", "wePulse", "mePulse", "note"] as const;
export type CheckInQuestionId = (typeof CHECK_IN_QUESTION_IDS)[number];

// 0–4 "how much this week" scale: zero means "not at all", so a quiet week reads as zero, not as missing.
const WEEK_AMOUNT = ["Not at all", "A little", "Somewhat", "A lot", "Fully"] as const;
// 1–7 pulse: the same number of points as the profile so people meet one mental ruler.
const PULSE = ["Very weak", "Weak", "A bit weak", "In the middle", "A bit strong", "Strong", "Very strong"] as const;

export const CHECK_IN_ID = "mutual-weekly-check-in";
export const CHECK_IN_VERSION = "1.0.0";

/** The check-in's words in Chinese, Malay and Tamil, each a versioned, provisional translation. */
export const CHECK_IN_TRANSLATIONS: Readonly<Record<string, CheckInTranslation>> = Object.fromEntries(
  TRANSLATED_LANGUAGES.map((language) => [
    language,
    checkInTranslationOf(INSTRUMENT_TRANSLATION_FILES[language], TRANSLATION_RELEASES[language], CHECK_IN_VERSION),
  ]),
);

/** The weekly check-in definition (about two minutes). */
export const WEEKLY_CHECK_IN = {
  id: CHECK_IN_ID,
  version: CHECK_IN_VERSION,
  questions: [
    {
      id: "spokeUp",
      text: "This week, how much did you speak up about something that mattered to you?",
      format: { kind: "scale", min: 0, max: 4, labels: WEEK_AMOUNT },
      tracks: "speak-up",
      isScored: true,
    },
    {
      id: "feltHeard",
      text: "This week, how much did you feel heard by your partner?",
      format: { kind: "scale", min: 0, max: 4, labels: WEEK_AMOUNT },
      tracks: "speak-up",
      isScored: true,
    },
    {
      id: "backedPartner",
      text: "This week, how much did you back your partner's interests?",
      format: { kind: "scale", min: 0, max: 4, labels: WEEK_AMOUNT },
      tracks: "support-passions",
      isScored: true,
    },
    {
      id: "feltBacked",
      text: "This week, how much did you feel your partner backed yours?",
      format: { kind: "scale", min: 0, max: 4, labels: WEEK_AMOUNT },
      tracks: "support-passions",
      isScored: true,
    },
    // Hours, not a frequency band, because the withdrawal signal compares against half the person's own baseline.
    {
      id: "friendsFamilyHours",
      text: "About how many hours did you spend with friends or family this week?",
      format: { kind: "hours", min: 0, max: 100, step: 0.5 },
      tracks: "friends-family",
      isScored: true,
    },
    {
      id: "wePulse",
      text: "Right now, how strong does the bond between you two feel?",
      format: { kind: "scale", min: 1, max: 7, labels: PULSE },
      tracks: "we-pulse",
      isScored: true,
    },
    {
      id: "mePulse",
      text: "Right now, how strong does your own sense of self feel?",
      format: { kind: "scale", min: 1, max: 7, labels: PULSE },
      tracks: "me-pulse",
      isScored: true,
    },
    { id: "note", text: "Anything you want to remember about this week?", format: { kind: "text", maxLength: 2000 }, tracks: "note", isScored: false },
  ] satisfies readonly CheckInQuestion[],
  translations: CHECK_IN_TRANSLATIONS,
} as const;

/** A check-in question's text and scale labels in a language, English where a language lacks them. */
export function localizeCheckInQuestion(question: CheckInQuestion, language?: string): { text: string; labels: readonly string[] } {
  const translated = language === undefined ? undefined : CHECK_IN_TRANSLATIONS[language]?.questions[question.id];
  const english = question.format.kind === "scale" ? question.format.labels : [];
  return { text: translated?.text ?? question.text, labels: english.map((label, index) => translated?.labels?.[index] ?? label) };
}

const amount = z.number().int().min(0).max(4);
const pulse = z.number().int().min(1).max(7);

/** One check-in's answers; every scored answer may be skipped. The note is never scored. */
export const checkInAnswersSchema = z
  .object({
    spokeUp: amount.nullable().optional(),
    feltHeard: amount.nullable().optional(),
    backedPartner: amount.nullable().optional(),
    feltBacked: amount.nullable().optional(),
    friendsFamilyHours: z.number().min(0).max(100).multipleOf(0.5).nullable().optional(),
    wePulse: pulse.nullable().optional(),
    mePulse: pulse.nullable().optional(),
    note: z.string().max(2000).nullable().optional(),
  })
  .strict();
export type CheckInAnswers = z.infer<typeof checkInAnswersSchema>;
