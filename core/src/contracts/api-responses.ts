import type { z } from "zod";
import { currentAssessmentResponseSchema, saveAnswerResponseSchema, startAssessmentResponseSchema, submitAssessmentResponseSchema } from "./assessment.js";
import { checkInListResponseSchema, currentCheckInResponseSchema } from "./check-in.js";
import { consentStatusSchema } from "./consent.js";
import {
  clientInviteLookupResponseSchema,
  clientInvitesResponseSchema,
  counsellingRelationsResponseSchema,
  createClientInviteResponseSchema,
  practiceClientsResponseSchema,
} from "./counselling.js";
import {
  coupleReportResponseSchema,
  coupleStateResponseSchema,
  createInviteResponseSchema,
  dataViewsResponseSchema,
  inviteLookupResponseSchema,
  partnerCheckInsResponseSchema,
  partnerExercisesResponseSchema,
} from "./couple.js";
import { counsellorRequestsResponseSchema, openRequestsResponseSchema } from "./client-requests.js";
import { directoryResponseSchema, intakeResponseSchema, myCounsellingRequestsResponseSchema, practiceListingResponseSchema } from "./counselling-directory.js";
import { clientDetailResponseSchema, dashboardResponseSchema } from "./dashboard.js";
import { exerciseCompletionListResponseSchema, exerciseCompletionSchema, exerciseListResponseSchema } from "./exercises.js";
import { dataExportSchema, fhirExportBundleSchema } from "./export.js";
import { livenessSchema, readinessSchema } from "./health.js";
import { helpResourcesResponseSchema } from "./help.js";
import { invitePreviewResponseSchema } from "./invite-preview.js";
import { meResponseSchema } from "./me.js";
import { practiceDetailResponseSchema, practicesResponseSchema } from "./practice-membership.js";
import { practicePsychometricsResponseSchema } from "./practice-psychometrics.js";
import { preferencesSchema } from "./preferences.js";
import { profileChangeResponseSchema, profileResponseSchema } from "./profile.js";
import { pushDevicesResponseSchema, pushPublicKeyResponseSchema } from "./push.js";
import { reminderStateSchema } from "./reminders.js";

/**
 * Each JSON route's success answer: its status and the contract the server answers it with.
 * The server's routes name the same schema objects (a test compares them one by one), so the web
 * app's test fixtures can be checked against what the server really sends.
 */
export const apiResponses = {
  "GET /api/assessments/current": { status: 200, schema: currentAssessmentResponseSchema },
  "POST /api/assessments": { status: 200, schema: startAssessmentResponseSchema },
  "PUT /api/assessments/:id/answers/:itemId": { status: 200, schema: saveAnswerResponseSchema },
  "POST /api/assessments/:id/submit": { status: 200, schema: submitAssessmentResponseSchema },
  "GET /api/profile": { status: 200, schema: profileResponseSchema },
  "GET /api/profile/change": { status: 200, schema: profileChangeResponseSchema },
  "GET /api/check-ins/current": { status: 200, schema: currentCheckInResponseSchema },
  "PUT /api/check-ins/current": { status: 200, schema: currentCheckInResponseSchema },
  "GET /api/check-ins": { status: 200, schema: checkInListResponseSchema },
  "GET /api/practices/:practiceId/clients/:clientId/export.fhir.json": { status: 200, schema: fhirExportBundleSchema },
  "GET /api/consent": { status: 200, schema: consentStatusSchema },
  "POST /api/consent": { status: 200, schema: consentStatusSchema },
  "GET /api/counselling": { status: 200, schema: counsellingRelationsResponseSchema },
  "GET /api/directory": { status: 200, schema: directoryResponseSchema },
  "GET /api/practices/:practiceId/listing": { status: 200, schema: practiceListingResponseSchema },
  "PUT /api/practices/:practiceId/listing": { status: 200, schema: practiceListingResponseSchema },
  "GET /api/counselling-requests": { status: 200, schema: myCounsellingRequestsResponseSchema },
  "POST /api/counselling-requests": { status: 201, schema: myCounsellingRequestsResponseSchema },
  "POST /api/counselling-requests/:requestId/confirm": { status: 200, schema: myCounsellingRequestsResponseSchema },
  "POST /api/counselling-requests/:requestId/withdraw": { status: 200, schema: myCounsellingRequestsResponseSchema },
  "GET /api/practices/:practiceId/intake": { status: 200, schema: intakeResponseSchema },
  "POST /api/practices/:practiceId/intake/:requestId/assign": { status: 200, schema: intakeResponseSchema },
  "POST /api/practices/:practiceId/intake/:requestId/accept": { status: 200, schema: intakeResponseSchema },
  "POST /api/practices/:practiceId/intake/:requestId/decline": { status: 200, schema: intakeResponseSchema },
  "POST /api/counselling/lookup": { status: 200, schema: clientInviteLookupResponseSchema },
  "POST /api/counselling/accept": { status: 200, schema: counsellingRelationsResponseSchema },
  "PUT /api/counselling/:clientId/scopes": { status: 200, schema: counsellingRelationsResponseSchema },
  "POST /api/practices/:practiceId/client-invites": { status: 201, schema: createClientInviteResponseSchema },
  "GET /api/practices/:practiceId/client-invites": { status: 200, schema: clientInvitesResponseSchema },
  "GET /api/practices/:practiceId/clients": { status: 200, schema: practiceClientsResponseSchema },
  "GET /api/couple": { status: 200, schema: coupleStateResponseSchema },
  "POST /api/couple/invite": { status: 201, schema: createInviteResponseSchema },
  "POST /api/couple/invite/lookup": { status: 200, schema: inviteLookupResponseSchema },
  "POST /api/couple/accept": { status: 200, schema: coupleStateResponseSchema },
  "PUT /api/couple/shares": { status: 200, schema: coupleStateResponseSchema },
  "GET /api/couple/report": { status: 200, schema: coupleReportResponseSchema },
  "GET /api/couple/partner/check-ins": { status: 200, schema: partnerCheckInsResponseSchema },
  "GET /api/couple/partner/exercises": { status: 200, schema: partnerExercisesResponseSchema },
  "GET /api/practices/:practiceId/dashboard": { status: 200, schema: dashboardResponseSchema },
  "GET /api/practices/:practiceId/clients/:clientId": { status: 200, schema: clientDetailResponseSchema },
  "GET /api/data-views": { status: 200, schema: dataViewsResponseSchema },
  "GET /api/exercises": { status: 200, schema: exerciseListResponseSchema },
  "POST /api/exercises/:exerciseId/completions": { status: 201, schema: exerciseCompletionSchema },
  "GET /api/exercises/:exerciseId/completions": { status: 200, schema: exerciseCompletionListResponseSchema },
  "GET /api/export": { status: 200, schema: dataExportSchema },
  "GET /api/export/fhir": { status: 200, schema: fhirExportBundleSchema },
  "GET /livez": { status: 200, schema: livenessSchema },
  "GET /readyz": { status: 200, schema: readinessSchema },
  "GET /api/help/resources": { status: 200, schema: helpResourcesResponseSchema },
  "GET /api/me": { status: 200, schema: meResponseSchema },
  "GET /api/practices/:practiceId/psychometrics": { status: 200, schema: practicePsychometricsResponseSchema },
  "GET /api/practices": { status: 200, schema: practicesResponseSchema },
  "POST /api/invites/preview": { status: 200, schema: invitePreviewResponseSchema },
  "GET /api/practices/:practiceId": { status: 200, schema: practiceDetailResponseSchema },
  "GET /api/preferences": { status: 200, schema: preferencesSchema },
  "PUT /api/preferences": { status: 200, schema: preferencesSchema },
  "PUT /api/preferences/language": { status: 200, schema: preferencesSchema },
  "POST /api/practices/:practiceId/clients/:clientId/requests": { status: 201, schema: counsellorRequestsResponseSchema },
  "GET /api/practices/:practiceId/clients/:clientId/requests": { status: 200, schema: counsellorRequestsResponseSchema },
  "GET /api/requests": { status: 200, schema: openRequestsResponseSchema },
  "GET /api/reminders": { status: 200, schema: reminderStateSchema },
  "PUT /api/reminders": { status: 200, schema: reminderStateSchema },
  "POST /api/reminders/snooze": { status: 200, schema: reminderStateSchema },
  "POST /api/reminders/prompt-answered": { status: 200, schema: reminderStateSchema },
  "GET /api/push/public-key": { status: 200, schema: pushPublicKeyResponseSchema },
  "POST /api/push/subscriptions": { status: 200, schema: pushDevicesResponseSchema },
  "POST /api/push/unsubscribe": { status: 200, schema: pushDevicesResponseSchema },
} as const;

/** "GET /api/practices/:practiceId", and so on: every route with a JSON success answer. */
export type ApiRoute = keyof typeof apiResponses;

/** The body of a route's success answer, as its contract reads it. */
export type ApiSuccessBody<Route extends ApiRoute> = z.input<(typeof apiResponses)[Route]["schema"]>;
