import { z } from "zod";
import {
  dataExportSchema,
  INTERDEPENDENCE_PROFILE_V1,
  SCORED_DIMENSIONS,
  exportQuestionnaireResponse,
  labelScalePoint,
  localizeItem,
  type DataExport,
  type Language,
  type Instrument,
  type Preferences,
  type Profile,
} from "@mutual/core";
import type { Actor } from "../../domain/actor.js";
import type { ConsentRecord } from "../consent/index.js";
import { instrumentsUsed, presentFhirDefinitions, type FhirCollectionBundle } from "./fhir-bundle.js";

/** What the export reads from the assessment module for each assessment. */
export type AssessmentForExport = {
  record: { id: string; instrumentId: string; instrumentVersion: string; status: "in_progress" | "completed"; startedAt: number; completedAt: number | null };
  answers: Array<{ itemId: string; value: number; answeredAt: number }>;
  instrument: Instrument;
  profile: Profile;
};

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * One assessment, its questions and answer labels (text for a person to read) in the language of the
 * page that asked (decision 083); ids, values and scores (what a program reads) as they always are.
 */
function presentAssessment(entry: AssessmentForExport, language: Language): DataExport["assessments"][number] {
  const { record, instrument, profile } = entry;
  const scored = (score: { status: string; score?: number }) => (score.status === "scored" && score.score !== undefined ? score.score : null);
  // Answers in the instrument's order, so two exports of the same data read the same.
  const order = new Map(instrument.items.map((item, index) => [item.id, index]));
  const answers = [...entry.answers].sort((a, b) => (order.get(a.itemId) ?? 0) - (order.get(b.itemId) ?? 0));
  return {
    id: record.id,
    instrument: { id: record.instrumentId, version: record.instrumentVersion },
    status: record.status,
    startedAt: iso(record.startedAt),
    completedAt: record.completedAt === null ? null : iso(record.completedAt),
    answers: answers.map((answer) => {
      const item = instrument.items.find((candidate) => candidate.id === answer.itemId);
      return {
        itemId: answer.itemId,
        question: item ? localizeItem(instrument, item, language).text : "",
        isSafetyCheck: item?.dimension === "SAFE",
        value: answer.value,
        answerLabel: labelScalePoint(instrument, answer.value, language),
        answeredAt: iso(answer.answeredAt),
      };
    }),
    scores: {
      we: scored(profile.we),
      me: scored(profile.me),
      codependency: scored(profile.codependency),
      pattern: profile.pattern.status === "placed" ? profile.pattern.pattern : null,
      dimensions: Object.fromEntries(SCORED_DIMENSIONS.map((code) => [code, scored(profile.dimensions[code])])),
    },
  };
}

export function presentDataExport(input: {
  actor: Actor;
  /** The language of the readable text (questions, answer labels); English when not given. */
  language?: Language;
  exportedAt: Date;
  consent: ConsentRecord | null;
  preferences: Preferences;
  reminder: DataExport["reminder"];
  pushDevices: DataExport["pushDevices"];
  counsellorRequests: DataExport["counsellorRequests"];
  counsellingRequests: DataExport["counsellingRequests"];
  sessions: ReadonlyArray<{ createdAt: Date; expiresAt: Date; userAgent: string | null }>;
  assessments: readonly AssessmentForExport[];
  checkIns: DataExport["checkIns"];
  exerciseCompletions: DataExport["exerciseCompletions"];
  partnerSharing: {
    since: string;
    partner: { name: string };
    scopes: Array<{ scope: NonNullable<DataExport["partnerSharing"]>["scopes"][number]["scope"]; since: string }>;
  } | null;
  counselling: ReadonlyArray<{
    practiceName: string;
    counsellorName: string;
    kind: DataExport["counselling"][number]["kind"];
    since: number;
    scopes: ReadonlyArray<{ scope: DataExport["counselling"][number]["scopes"][number]["scope"]; since: number }>;
  }>;
  dataViews: ReadonlyArray<{
    viewer: { name: string; role: DataExport["dataViews"][number]["viewer"]["role"] };
    scope: DataExport["dataViews"][number]["scope"];
    viewedAt: string;
    sittings: string[];
  }>;
}): DataExport {
  return {
    format: "mutual-export",
    formatVersion: 1,
    exportedAt: input.exportedAt.toISOString(),
    account: {
      id: input.actor.userId,
      name: input.actor.name,
      email: input.actor.email,
      emailVerified: input.actor.emailVerified,
      createdAt: input.actor.createdAt.toISOString(),
    },
    consent: input.consent === null ? null : { noticeVersion: input.consent.noticeVersion, consentedAt: iso(input.consent.consentedAt) },
    preferences: { quickExitEndsSession: input.preferences.quickExitEndsSession, language: input.preferences.language },
    reminder:
      input.reminder === null
        ? null
        : {
            settings: {
              enabled: input.reminder.settings.enabled,
              weekday: input.reminder.settings.weekday,
              time: input.reminder.settings.time,
              timeZone: input.reminder.settings.timeZone,
              channel: input.reminder.settings.channel,
              quietHours: input.reminder.settings.quietHours
                ? { start: input.reminder.settings.quietHours.start, end: input.reminder.settings.quietHours.end }
                : null,
            },
            nextAt: input.reminder.nextAt,
            isSnoozed: input.reminder.isSnoozed,
            hasAnsweredPrompt: input.reminder.hasAnsweredPrompt,
          },
    pushDevices: input.pushDevices.map((device) => ({ subscribedAt: device.subscribedAt })),
    counsellorRequests: input.counsellorRequests.map((request) => ({
      kind: request.kind,
      counsellorName: request.counsellorName,
      status: request.status,
      createdAt: request.createdAt,
      expiresAt: request.expiresAt,
    })),
    counsellingRequests: input.counsellingRequests.map((request) => ({
      id: request.id,
      practice: { id: request.practice.id, name: request.practice.name },
      kind: request.kind,
      status: request.status,
      myRole: request.myRole,
      otherName: request.otherName,
      myScopes: request.myScopes,
      message: request.message,
      declineMessage: request.declineMessage,
      createdAt: request.createdAt,
      updatedAt: request.updatedAt,
    })),
    sessions: input.sessions.map((session) => ({
      createdAt: session.createdAt.toISOString(),
      expiresAt: session.expiresAt.toISOString(),
      userAgent: session.userAgent,
    })),
    assessments: input.assessments.map((entry) => presentAssessment(entry, input.language ?? "en")),
    checkIns: input.checkIns.map((checkIn) => ({
      week: checkIn.week,
      timeZone: checkIn.timeZone,
      answers: { ...checkIn.answers },
      note: checkIn.note,
      createdAt: checkIn.createdAt,
      updatedAt: checkIn.updatedAt,
    })),
    exerciseCompletions: input.exerciseCompletions.map((completion) => ({
      id: completion.id,
      exerciseId: completion.exerciseId,
      practice: completion.practice,
      title: completion.title,
      completedAt: completion.completedAt,
      reflection: completion.reflection,
    })),
    partnerSharing:
      input.partnerSharing === null
        ? null
        : {
            partner: { name: input.partnerSharing.partner.name },
            linkedSince: input.partnerSharing.since,
            scopes: input.partnerSharing.scopes.map((entry) => ({ scope: entry.scope, since: entry.since })),
          },
    counselling: input.counselling.map((relation) => ({
      practice: { name: relation.practiceName },
      counsellor: { name: relation.counsellorName },
      kind: relation.kind,
      since: iso(relation.since),
      scopes: relation.scopes.map((entry) => ({ scope: entry.scope, since: iso(entry.since) })),
    })),
    dataViews: input.dataViews.map((view) => ({
      viewer: { name: view.viewer.name, role: view.viewer.role },
      scope: view.scope,
      viewedAt: view.viewedAt,
      sittings: view.sittings,
    })),
  };
}

type ExportedView = DataExport["dataViews"][number];
const dataViewSchema = dataExportSchema.shape.dataViews.element;
/** The end of the export's text when "who viewed my data" is empty: the last field, by the contract's order. */
const EMPTY_VIEWS_END = '"dataViews":[]}';

/**
 * The export as JSON text in parts, the same text the response serializer makes of the whole
 * (each part encoded through the contract, fields in its order): everything but "who viewed my
 * data" first, then its rows as they are read, page by page. `head` has no data views.
 */
export async function* presentDataExportJson(
  head: DataExport,
  views: AsyncIterable<ReadonlyArray<{ viewer: ExportedView["viewer"]; scope: ExportedView["scope"]; viewedAt: string; sittings: string[] }>>,
): AsyncGenerator<string> {
  const text = JSON.stringify(z.encode(dataExportSchema, { ...head, dataViews: [] }));
  if (!text.endsWith(EMPTY_VIEWS_END)) throw new Error("The export's contract no longer ends with dataViews.");
  yield text.slice(0, -"]}".length);
  let first = true;
  for await (const page of views) {
    if (page.length === 0) continue;
    const rows = page.map((view) =>
      JSON.stringify(
        z.encode(dataViewSchema, {
          viewer: { name: view.viewer.name, role: view.viewer.role },
          scope: view.scope,
          viewedAt: view.viewedAt,
          sittings: view.sittings,
        }),
      ),
    );
    yield `${first ? "" : ","}${rows.join(",")}`;
    first = false;
  }
  yield "]}";
}

/**
 * A FHIR R4 Bundle (collection): each instrument version used with its code systems, then one
 * QuestionnaireResponse per assessment, all under the deployment's canonical base. The safety check
 * is included: this is the person's own copy of their data.
 */
export function presentFhirBundle(
  assessments: readonly AssessmentForExport[],
  exportedAt: Date,
  subjectName: string,
  base: string,
  currentInstrument: Instrument = INTERDEPENDENCE_PROFILE_V1,
): FhirCollectionBundle {
  const entry = presentFhirDefinitions(
    instrumentsUsed(
      currentInstrument,
      assessments.map((assessment) => assessment.instrument),
    ),
    base,
  );
  for (const assessment of assessments) {
    const answers = Object.fromEntries(assessment.answers.map((answer) => [answer.itemId, answer.value]));
    const response = exportQuestionnaireResponse(assessment.instrument, answers, {
      base,
      includeSafetyScreen: true,
      status: assessment.record.status === "completed" ? "completed" : "in-progress",
      authored: iso(assessment.record.completedAt ?? assessment.record.startedAt),
      subject: { display: subjectName },
    });
    entry.push({ fullUrl: `urn:uuid:${assessment.record.id}`, resource: { ...response, id: assessment.record.id } });
  }
  return { resourceType: "Bundle", type: "collection", timestamp: exportedAt.toISOString(), entry };
}
