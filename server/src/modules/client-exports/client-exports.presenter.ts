// Client data → files, field by field: the privacy allow-list of a counsellor's exports.
import {
  CLIENT_EXPORT_CSV_COLUMNS,
  exportQuestionnaireResponse,
  INTERDEPENDENCE_PROFILE_V1,
  localizeItem,
  PRACTICE_SCORES_CSV_COLUMNS,
  SCORE_KEYS,
  summariseAssessment,
  type Instrument,
  type Language,
} from "@mutual/core";
import type { StoredScoreRow } from "../assessment/index.js";
import type { ExportedCheckIn } from "../check-in/index.js";
import { instrumentsUsed, presentFhirDefinitions, type FhirCollectionBundle } from "../export/index.js";
import { csvHeader, csvRecords, toCsv } from "../../platform/csv.js";
import type { ExportContent, ProfileSharingPerson } from "./client-exports.policy.js";

type AssessmentForExport = {
  record: { id: string; completedAt: number | null; startedAt: number };
  answers: ReadonlyArray<{ itemId: string; value: number }>;
  instrument: Instrument;
};

export type ClientExportPerson = {
  userId: string;
  name: string;
  content: ExportContent;
  assessments: readonly AssessmentForExport[];
  checkIns: ReadonlyArray<Pick<ExportedCheckIn, "week" | "answers" | "note">>;
  completions: ReadonlyArray<{ exerciseId: string; title: string | null; completedAt: string; reflection: string | null }>;
};

const iso = (ms: number) => new Date(ms).toISOString();
const safetyItemIds = (instrument: Instrument) => new Set(instrument.items.filter((entry) => entry.dimension === "SAFE").map((entry) => entry.id));

/**
 * The Questionnaire and code systems of each instrument version used, then one QuestionnaireResponse
 * per completed profile of each person: without the safety check's items unless they share `safety`,
 * and with only those (no scores) for a person who shares `safety` but not `profile`.
 */
export function presentClientFhirBundle(people: readonly ClientExportPerson[], exportedAt: Date, base: string): FhirCollectionBundle {
  const entry = presentFhirDefinitions(
    instrumentsUsed(
      INTERDEPENDENCE_PROFILE_V1,
      people.flatMap((person) => person.assessments.map((assessment) => assessment.instrument)),
    ),
    base,
  );
  for (const person of people) {
    if (!person.content.profile && !person.content.safety) continue;
    for (const assessment of person.assessments) {
      const answers = Object.fromEntries(assessment.answers.map((answer) => [answer.itemId, answer.value]));
      const response = exportQuestionnaireResponse(assessment.instrument, answers, {
        base,
        includeSafetyScreen: person.content.safety,
        includeScores: person.content.profile,
        status: "completed",
        authored: iso(assessment.record.completedAt ?? assessment.record.startedAt),
        subject: { display: person.name },
      });
      if (!person.content.profile) {
        const safe = safetyItemIds(assessment.instrument);
        response.item = (response.item ?? []).filter((item) => safe.has(item.linkId));
      }
      if ((response.item ?? []).length === 0) continue;
      entry.push({ fullUrl: `urn:uuid:${assessment.record.id}`, resource: { ...response, id: assessment.record.id } });
    }
  }
  return { resourceType: "Bundle", type: "collection", timestamp: exportedAt.toISOString(), entry };
}

/** One line per value: scores, pattern and answers (profile), the safety check (safety), check-ins, notes and reflections. */
export function presentClientCsv(people: readonly ClientExportPerson[], language: Language = "en"): string {
  const rows: Array<Array<string | number | null>> = [];
  for (const person of people) {
    const { content } = person;
    for (const assessment of person.assessments) {
      const date = iso(assessment.record.completedAt ?? assessment.record.startedAt);
      const answers = Object.fromEntries(assessment.answers.map((answer) => [answer.itemId, answer.value]));
      const summary = summariseAssessment(assessment.instrument, answers);
      if (content.profile) {
        for (const key of SCORE_KEYS) rows.push([person.name, "score", date, key, summary.scores[key], null]);
        rows.push([person.name, "pattern", date, "pattern", null, summary.pattern]);
      }
      for (const item of assessment.instrument.items) {
        const isSafety = item.dimension === "SAFE";
        if (isSafety ? !content.safety : !content.profile) continue;
        const value = answers[item.id];
        if (value !== undefined)
          rows.push([person.name, isSafety ? "safety-answer" : "answer", date, item.id, value, localizeItem(assessment.instrument, item, language).text]);
      }
      if (content.safety) rows.push([person.name, "safety-screen", date, "concern-raised", null, summary.safetyRaised ? "yes" : "no"]);
    }
    for (const checkIn of person.checkIns) {
      if (content.checkIns) for (const [key, value] of Object.entries(checkIn.answers)) rows.push([person.name, "check-in", checkIn.week, key, value, null]);
      if (content.notes && checkIn.note !== null) rows.push([person.name, "check-in-note", checkIn.week, "note", null, checkIn.note]);
    }
    if (content.notes) {
      for (const completion of person.completions) {
        if (completion.reflection !== null) rows.push([person.name, "reflection", completion.completedAt, completion.exerciseId, null, completion.reflection]);
      }
    }
  }
  return toCsv(CLIENT_EXPORT_CSV_COLUMNS, rows);
}

/** The practice scores CSV's first part: the byte order mark and the header. */
export function presentPracticeScoresCsvHeader(): string {
  return csvHeader(PRACTICE_SCORES_CSV_COLUMNS);
}

/**
 * One record per person × completed profile, people in the order given, profiles oldest first: a
 * part of the practice scores CSV, after its header. People without a score row here add nothing.
 */
export function presentPracticeScoresCsvRecords(people: readonly ProfileSharingPerson[], scores: readonly StoredScoreRow[]): string {
  const byPerson = new Map<string, StoredScoreRow[]>();
  for (const row of scores) byPerson.set(row.userId, [...(byPerson.get(row.userId) ?? []), row]);
  const rows: Array<Array<string | number | null>> = [];
  for (const person of people) {
    for (const row of byPerson.get(person.userId) ?? []) {
      const s = row.scores;
      rows.push([
        person.clientId,
        person.kind,
        person.name,
        iso(row.completedAt),
        row.pattern,
        s.WE,
        s.ME,
        s.CODEPENDENCY,
        s.CLOSE,
        s.SUPPORT,
        s.ACCEPT,
        s.VOICE,
        s.SELF,
        s.TIES,
        s.RELY,
      ]);
    }
  }
  return csvRecords(rows);
}
