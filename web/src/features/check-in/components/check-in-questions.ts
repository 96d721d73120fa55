// The seven scored questions of the weekly check-in, in the order the server's definition
// (core WEEKLY_CHECK_IN) lists them. Their wording lives in this feature's catalogue; the
// model module itself imports zod, so the web keeps only ids and formats here.

export type AmountQuestionId = "spokeUp" | "feltHeard" | "backedPartner" | "feltBacked";
export type PulseQuestionId = "wePulse" | "mePulse";
export type ScaleQuestionId = AmountQuestionId | PulseQuestionId;

/** 0–4 "how much this week": zero means "not at all", so a quiet week reads as zero, not missing. */
export const AMOUNT_POINTS = [
  { value: 0, labelKey: "checkIn.amount.none" },
  { value: 1, labelKey: "checkIn.amount.little" },
  { value: 2, labelKey: "checkIn.amount.some" },
  { value: 3, labelKey: "checkIn.amount.lot" },
  { value: 4, labelKey: "checkIn.amount.full" },
] as const;

/** 1–7 pulse: the same number of points as the profile. */
export const PULSE_POINTS = [
  { value: 1, labelKey: "checkIn.pulse.p1" },
  { value: 2, labelKey: "checkIn.pulse.p2" },
  { value: 3, labelKey: "checkIn.pulse.p3" },
  { value: 4, labelKey: "checkIn.pulse.p4" },
  { value: 5, labelKey: "checkIn.pulse.p5" },
  { value: 6, labelKey: "checkIn.pulse.p6" },
  { value: 7, labelKey: "checkIn.pulse.p7" },
] as const;

export const HOURS = { min: 0, max: 100, step: 0.5 } as const;
export const NOTE_MAX_LENGTH = 2000;

type Group = {
  titleKey: "checkIn.groups.speakUp" | "checkIn.groups.support" | "checkIn.groups.ties" | "checkIn.groups.pulse";
  questions: Array<{ id: AmountQuestionId | PulseQuestionId | "friendsFamilyHours" }>;
};

/** Questions grouped by the practice (or pulse) they follow. */
export const CHECK_IN_GROUPS: readonly Group[] = [
  { titleKey: "checkIn.groups.speakUp", questions: [{ id: "spokeUp" }, { id: "feltHeard" }] },
  { titleKey: "checkIn.groups.support", questions: [{ id: "backedPartner" }, { id: "feltBacked" }] },
  { titleKey: "checkIn.groups.ties", questions: [{ id: "friendsFamilyHours" }] },
  { titleKey: "checkIn.groups.pulse", questions: [{ id: "wePulse" }, { id: "mePulse" }] },
];

export function isPulseQuestion(id: ScaleQuestionId): id is PulseQuestionId {
  return id === "wePulse" || id === "mePulse";
}
