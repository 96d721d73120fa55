import { z } from "zod";
import { preferencesSchema } from "./preferences.js";
import { reminderStateSchema } from "./reminders.js";
import { CLIENT_REQUEST_KINDS } from "./client-requests.js";
import { clientKindSchema, counsellingScopeSchema } from "./counselling.js";
import { myCounsellingRequestSchema } from "./counselling-directory.js";
import { shareScopeSchema, viewedScopeSchema, viewerRoleSchema } from "./couple.js";

const nullableScore = z.number().nullable();

/** One profile as exported: every answer with its question, and the scores computed from them. */
export const exportedAssessmentSchema = z.object({
  id: z.string(),
  instrument: z.object({ id: z.string(), version: z.string() }),
  status: z.enum(["in_progress", "completed"]),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
  answers: z.array(
    z.object({
      itemId: z.string(),
      question: z.string(),
      /** True for the private safety check: kept in the person's own export, never shared. */
      isSafetyCheck: z.boolean(),
      value: z.number().int(),
      answerLabel: z.string(),
      answeredAt: z.string(),
    }),
  ),
  scores: z.object({
    we: nullableScore,
    me: nullableScore,
    codependency: nullableScore,
    pattern: z.string().nullable(),
    dimensions: z.record(z.string(), nullableScore),
  }),
});

/** GET /api/export: everything Mutual holds about the person, as one JSON document. */
export const dataExportSchema = z.object({
  format: z.literal("mutual-export"),
  formatVersion: z.literal(1),
  exportedAt: z.string(),
  account: z.object({ id: z.string(), name: z.string(), email: z.string(), emailVerified: z.boolean(), createdAt: z.string() }),
  consent: z.object({ noticeVersion: z.string(), consentedAt: z.string() }).nullable(),
  /** The person's own settings (decision 037), defaults included. */
  preferences: preferencesSchema,
  /** The weekly reminder as the person set it (issue 17), or null when they never chose anything. */
  reminder: reminderStateSchema.nullable(),
  /** Each device that gets the person's push reminders (decision 060): when it was turned on there. Its endpoint is the push service's, not theirs to use. */
  pushDevices: z.array(z.object({ subscribedAt: z.string() })),
  /** What counsellors asked of the person (decision 047), and where each request stands. */
  counsellorRequests: z.array(
    z.object({
      kind: z.enum(CLIENT_REQUEST_KINDS),
      counsellorName: z.string(),
      status: z.enum(["open", "done", "declined", "expired", "cancelled"]),
      createdAt: z.string(),
      expiresAt: z.string().nullable(),
    }),
  ),
  /** The person's requests for counselling to practices, and their partner's for both of them (decision 055). */
  counsellingRequests: z.array(myCounsellingRequestSchema),
  /** Sign-in sessions: when each began and ends and the browser it named (never tokens or IP addresses). */
  sessions: z.array(z.object({ createdAt: z.string(), expiresAt: z.string(), userAgent: z.string().nullable() })),
  assessments: z.array(exportedAssessmentSchema),
  checkIns: z.array(
    z.object({
      week: z.string(),
      timeZone: z.string(),
      answers: z.record(z.string(), z.number().nullable()),
      note: z.string().nullable(),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
  exerciseCompletions: z.array(
    z.object({
      id: z.string(),
      exerciseId: z.string(),
      practice: z.string().nullable(),
      title: z.string().nullable(),
      completedAt: z.string(),
      reflection: z.string().nullable(),
    }),
  ),
  /** What the person shares with their partner right now, each scope since when; null when not linked. */
  partnerSharing: z
    .object({
      partner: z.object({ name: z.string() }),
      linkedSince: z.string(),
      scopes: z.array(z.object({ scope: shareScopeSchema, since: z.string() })),
    })
    .nullable(),
  /**
   * The person's counselling relations now (decision 015), oldest first: the practice, the
   * counsellor, the kind of client, since when, and each scope shared since when.
   */
  counselling: z.array(
    z.object({
      practice: z.object({ name: z.string() }),
      counsellor: z.object({ name: z.string() }),
      kind: clientKindSchema,
      since: z.string(),
      scopes: z.array(z.object({ scope: counsellingScopeSchema, since: z.string() })),
    }),
  ),
  /** Every view of the person's data by someone else ("who viewed my data"), newest first. */
  dataViews: z.array(
    z.object({
      viewer: z.object({ name: z.string(), role: viewerRoleSchema }),
      scope: viewedScopeSchema,
      viewedAt: z.string(),
      sittings: z.array(z.string()).min(1),
    }),
  ),
});
export type DataExport = z.infer<typeof dataExportSchema>;

/** A resource id as FHIR R4 allows it. */
const fhirIdSchema = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/);

/**
 * GET /api/export/fhir: a FHIR R4 Bundle of type collection. Each entry's fullUrl is
 * `urn:uuid:` + the resource's own id; resources keep every FHIR field (loose objects).
 */
export const fhirExportBundleSchema = z.object({
  resourceType: z.literal("Bundle"),
  type: z.literal("collection"),
  timestamp: z.string(),
  entry: z.array(
    z.object({
      fullUrl: z.string().regex(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      resource: z.looseObject({ resourceType: z.enum(["Questionnaire", "CodeSystem", "QuestionnaireResponse"]), id: fhirIdSchema }),
    }),
  ),
});
export type FhirExportBundle = z.infer<typeof fhirExportBundleSchema>;
