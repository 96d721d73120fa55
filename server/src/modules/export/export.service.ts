import type { Kysely } from "kysely";
import type { DataExport } from "@mutual/core";
import type { DB } from "../../db/schema.js";
import type { Actor } from "../../http/route-access.js";
import type { Clock } from "../../platform/clock.js";
import type { KeyEncryptionKey } from "../../platform/crypto.js";
import { listAssessmentsForExport } from "../assessment/index.js";
import { listCheckInsForExport } from "../check-in/index.js";
import { getConsent } from "../consent/index.js";
import { listCompletionsForExport } from "../exercises/index.js";
import { presentDataExport, presentFhirBundle, type FhirCollectionBundle } from "./export.presenter.js";

export type ExportDeps = { db: Kysely<DB>; kek: KeyEncryptionKey; clock: Clock };

/** Everything held about the person, notes and reflections decrypted: for them alone. */
export async function exportPersonData(deps: ExportDeps, actor: Actor): Promise<DataExport> {
  const [consent, assessments, checkIns, exerciseCompletions] = await Promise.all([
    getConsent({ db: deps.db, clock: deps.clock }, actor.userId),
    listAssessmentsForExport(deps.db, actor.userId),
    listCheckInsForExport(deps.db, deps.kek, actor.userId),
    listCompletionsForExport(deps.db, deps.kek, actor.userId),
  ]);
  return presentDataExport({ actor, exportedAt: deps.clock.now(), consent, assessments, checkIns, exerciseCompletions });
}

/** The person's profiles as a FHIR R4 Bundle, to take to a clinician or another system. */
export async function exportPersonFhir(deps: ExportDeps, actor: Actor): Promise<FhirCollectionBundle> {
  const assessments = await listAssessmentsForExport(deps.db, actor.userId);
  return presentFhirBundle(assessments, deps.clock.now(), actor.name);
}
