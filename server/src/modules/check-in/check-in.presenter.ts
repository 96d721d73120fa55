import {
  WEEKLY_CHECK_IN,
  flagWordsIn,
  signalTitleIn,
  type Language,
  type CheckInDefinition,
  type CheckInWeek,
  type CurrentCheckInResponse,
  type ModelFlag,
  type ScoredCheckInAnswers,
  type TrendReader,
  type TrendSignalView,
} from "@mutual/core";

/** Scored answers, field by field (never the note). */
export function presentScores(scores: ScoredCheckInAnswers): ScoredCheckInAnswers {
  return {
    spokeUp: scores.spokeUp,
    feltHeard: scores.feltHeard,
    backedPartner: scores.backedPartner,
    feltBacked: scores.feltBacked,
    friendsFamilyHours: scores.friendsFamilyHours,
    wePulse: scores.wePulse,
    mePulse: scores.mePulse,
  };
}

export function presentCurrent(
  week: string,
  timeZone: string,
  checkIn: { scores: ScoredCheckInAnswers; note: string | null; updatedAtMs: number } | null,
): CurrentCheckInResponse {
  return {
    week,
    timeZone,
    checkIn: checkIn === null ? null : { answers: presentScores(checkIn.scores), note: checkIn.note, updatedAt: new Date(checkIn.updatedAtMs).toISOString() },
  };
}

export function presentWeek(record: { week: string; scores: ScoredCheckInAnswers; noteSealed: string | null }): CheckInWeek {
  return { week: record.week, answers: presentScores(record.scores), hasNote: record.noteSealed !== null };
}

/**
 * One trend signal as its reader sees it, in their language: the flag was worded for that reader
 * (deriveTrendFlags) and keeps its wording's facts, which are said here in `language`.
 */
export function presentSignal(flag: ModelFlag, reader: TrendReader, language: Language = "en"): TrendSignalView {
  return {
    id: flag.id,
    title: signalTitleIn(flag.id, reader, language),
    explanation: flagWordsIn(undefined, flag, language).explanation,
    practice: flag.practice,
  };
}

/** The check-in definition as plain data (copied, so the web needs no model import). */
export function presentDefinition(): CheckInDefinition {
  return {
    id: WEEKLY_CHECK_IN.id,
    version: WEEKLY_CHECK_IN.version,
    questions: WEEKLY_CHECK_IN.questions.map((question) => ({
      id: question.id,
      text: question.text,
      format: question.format.kind === "scale" ? { ...question.format, labels: [...question.format.labels] } : { ...question.format },
      tracks: question.tracks,
      isScored: question.isScored,
    })),
  };
}
