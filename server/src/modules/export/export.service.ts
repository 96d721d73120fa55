import type { Language } from "@mutual/core";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Actor } from "../../domain/actor.js";
import type { Clock } from "../../platform/clock.js";
import type { Keyring } from "../../platform/crypto.js";
import { listAssessmentsForExport } from "../assessment/index.js";
import { listCheckInsForExport } from "../check-in/index.js";
import { getConsent } from "../consent/index.js";
import { listCounsellingForExport } from "../counselling/index.js";
import { getSharingForExport } from "../couple/index.js";
import { dataViewsForExport } from "../data-views/index.js";
import { listCompletionsForExport } from "../exercises/index.js";
import { getPreferencesForExport } from "../preferences/index.js";
import { getReminderForExport } from "../reminders/index.js";
import { listDevicesForExport } from "../push/index.js";
import { listRequestsForExport } from "../client-requests/index.js";
import { listCounsellingRequestsForExport } from "../counselling-directory/index.js";
import { listSessionsForExport } from "./export.repository.js";
import { presentDataExport, presentDataExportJson, presentFhirBundle } from "./export.presenter.js";
import type { FhirCollectionBundle } from "./fhir-bundle.js";

/** `fhirBase`: the deployment's canonical FHIR base, from PUBLIC_URL (core's fhirBaseOf). */
export type ExportDeps = { db: Kysely<DB>; kek: Keyring; clock: Clock; fhirBase: string };

/**
 * Everything held about the person, notes and reflections decrypted: for them alone, as JSON text
 * in parts. Read in one repeatable-read transaction (SQLite: one transaction on its single
 * connection), so the parts agree with each other even while the person keeps using the app on
 * another device; "who viewed my data", which can run to a million rows, follows it a page at a
 * time, as it stood at the same moment (decision 069).
 */
export async function exportPersonData(deps: ExportDeps, actor: Actor, language: Language = "en"): Promise<AsyncIterable<string>> {
  const exportedAt = deps.clock.now();
  const { dataViews, ...parts } = await deps.db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (trx) => ({
      consent: await getConsent({ db: trx, clock: deps.clock }, actor.userId),
      preferences: await getPreferencesForExport(trx, actor.userId),
      reminder: await getReminderForExport(trx, actor.userId),
      pushDevices: await listDevicesForExport(trx, actor.userId),
      counsellorRequests: await listRequestsForExport(trx, actor.userId, exportedAt.getTime()),
      counsellingRequests: await listCounsellingRequestsForExport(trx, actor.userId),
      sessions: await listSessionsForExport(trx, actor.userId),
      assessments: await listAssessmentsForExport(trx, actor.userId),
      checkIns: await listCheckInsForExport(trx, deps.kek, actor.userId),
      exerciseCompletions: await listCompletionsForExport(trx, deps.kek, actor.userId, language),
      partnerSharing: await getSharingForExport(trx, actor.userId),
      counselling: await listCounsellingForExport(trx, actor.userId),
      dataViews: await dataViewsForExport(trx, deps.db, actor.userId, exportedAt.getTime()),
    }));
  return presentDataExportJson(presentDataExport({ actor, exportedAt, language, ...parts, dataViews: [] }), dataViews);
}

/** The person's profiles as a FHIR R4 Bundle, to take to a clinician or another system. */
export async function exportPersonFhir(deps: ExportDeps, actor: Actor): Promise<FhirCollectionBundle> {
  const assessments = await listAssessmentsForExport(deps.db, actor.userId);
  return presentFhirBundle(assessments, deps.clock.now(), actor.name, deps.fhirBase);
}
