// A counsellor's exports of a client's consented data (decision 017): FHIR R4, CSV, and a
// practice-wide CSV of their own clients' scores. Each read and its audit rows share one
// transaction, and the scopes are those the client shares at this request.
import { setImmediate } from "node:timers/promises";
import { PostgresAdapter, type Kysely } from "kysely";
import type { CounsellingScope, Language } from "@mutual/core";
import type { DB } from "../../db/schema.js";
import type { Actor } from "../../domain/actor.js";
import { DomainError } from "../../domain/errors.js";
import type { Clock } from "../../platform/clock.js";
import type { Keyring } from "../../platform/crypto.js";
import { listAssessmentsForExport, listScoresOfListedPeople } from "../assessment/index.js";
import { listCheckInsForExport } from "../check-in/index.js";
import { recordDataViews, type NewDataView } from "../data-views/index.js";
import { listCompletionsForExport } from "../exercises/index.js";
import { requirePracticeRole, requireTwoFactor } from "../practice/index.js";
import { carriedScopes, exportContentOf, type ExportContent } from "./client-exports.policy.js";
import type { FhirCollectionBundle } from "../export/index.js";
import {
  presentClientCsv,
  presentClientFhirBundle,
  presentPracticeScoresCsvHeader,
  presentPracticeScoresCsvRecords,
  type ClientExportPerson,
} from "./client-exports.presenter.js";
import { findMyClient, listClientPeople, stepMyProfileSharingPeople, type ClientPerson, type NameCursor } from "./client-exports.repository.js";

/** `fhirBase`: the deployment's canonical FHIR base, from PUBLIC_URL. */
export type ClientExportsDeps = { db: Kysely<DB>; kek: Keyring; clock: Clock; fhirBase: string };

const AUDIT_BATCH = 200;
/**
 * Accounts walked per step of the practice CSV (decision 068). On SQLite every query holds the
 * event loop, so a step's reads, audit and text are what another request may wait behind: small
 * steps. PostgreSQL answers off the thread, and each step costs round trips: larger steps.
 */
const stepOf = (db: Kysely<DB>) => (db.getExecutor().adapter instanceof PostgresAdapter ? 1000 : 100);

/** Member of the practice (else 404), two-step sign-in on (else 403). */
async function requireCounsellorGate(db: Kysely<DB>, actor: Actor, practiceId: string): Promise<void> {
  await requirePracticeRole(db, actor, practiceId, ["owner", "admin", "counsellor"]);
  requireTwoFactor(actor);
}

/** The gate, then the client if it is this counsellor's (else 404, as for a client that does not exist). */
async function requireMyClient(db: Kysely<DB>, actor: Actor, practiceId: string, clientId: string): Promise<ClientPerson[]> {
  await requireCounsellorGate(db, actor, practiceId);
  const client = await findMyClient(db, practiceId, actor.userId, clientId);
  if (!client) throw new DomainError(404, "NOT_FOUND", "Nothing here.");
  return listClientPeople(db, clientId);
}

async function audit(
  db: Kysely<DB>,
  actor: Actor,
  now: number,
  entries: ReadonlyArray<{ userId: string; scopes: readonly CounsellingScope[] }>,
): Promise<void> {
  const views: NewDataView[] = entries.flatMap((entry) =>
    entry.scopes.map((scope) => ({
      ownerId: entry.userId,
      viewerId: actor.userId,
      viewerName: actor.name,
      viewerRole: "counsellor" as const,
      scope,
      viewedAt: now,
    })),
  );
  for (let start = 0; start < views.length; start += AUDIT_BATCH) {
    // Between batches the event loop serves other requests (a practice CSV audits everyone at once);
    // the transaction stays open, so the audit still commits whole before the first part is sent.
    if (start > 0) await setImmediate();
    await recordDataViews(db, views.slice(start, start + AUDIT_BATCH));
  }
}

async function readPerson(
  db: Kysely<DB>,
  kek: Keyring,
  person: ClientPerson,
  content: ExportContent,
  kinds: { checkIns: boolean; notes: boolean },
): Promise<ClientExportPerson> {
  const wantsProfiles = content.profile || content.safety;
  const assessments = wantsProfiles ? (await listAssessmentsForExport(db, person.userId)).filter((entry) => entry.record.status === "completed") : [];
  const wantsCheckIns = (kinds.checkIns && content.checkIns) || (kinds.notes && content.notes);
  const checkIns = wantsCheckIns ? await listCheckInsForExport(db, kek, person.userId) : [];
  const completions = kinds.notes && content.notes ? await listCompletionsForExport(db, kek, person.userId) : [];
  return { userId: person.userId, name: person.name, content, assessments, checkIns, completions };
}

/** The client's profiles as a FHIR R4 collection Bundle, within what each person shares. */
export async function exportClientFhir(deps: ClientExportsDeps, actor: Actor, practiceId: string, clientId: string): Promise<FhirCollectionBundle> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const people = await requireMyClient(trx, actor, practiceId, clientId);
    const read: ClientExportPerson[] = [];
    for (const person of people) read.push(await readPerson(trx, deps.kek, person, exportContentOf(person.scopes), { checkIns: false, notes: false }));
    await audit(
      trx,
      actor,
      now.getTime(),
      read.map((person) => ({ userId: person.userId, scopes: carriedScopes(person.content, { profiles: true, checkIns: false, notes: false }) })),
    );
    return presentClientFhirBundle(read, now, deps.fhirBase);
  });
}

/** The client's shared data as one long CSV (person, record, date, key, value, text). */
export async function exportClientCsv(deps: ClientExportsDeps, actor: Actor, practiceId: string, clientId: string, language: Language = "en"): Promise<string> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const people = await requireMyClient(trx, actor, practiceId, clientId);
    const kinds = { profiles: true, checkIns: true, notes: true };
    const read: ClientExportPerson[] = [];
    for (const person of people) read.push(await readPerson(trx, deps.kek, person, exportContentOf(person.scopes), kinds));
    await audit(
      trx,
      actor,
      now.getTime(),
      read.map((person) => ({ userId: person.userId, scopes: carriedScopes(person.content, kinds) })),
    );
    return presentClientCsv(read, language);
  });
}

/**
 * One line per person × completed profile of the counsellor's own clients in the practice who
 * share their profile, whatever the counsellor's role (decision 017), as parts to send as they are
 * made (decisions 042, 068). The accounts are walked in name order a step at a time; each step is
 * one transaction: the gate, the step's people who share their profile now, their audit rows and
 * their scores, so every line sent was audited with the read that made it. The first step runs
 * before anything is sent (a refused or unaudited export sends nothing); between steps the event
 * loop and the database are let go, so a large practice holds up no other request for more than
 * one step.
 */
export async function exportPracticeScoresCsv(deps: ClientExportsDeps, actor: Actor, practiceId: string): Promise<AsyncIterable<string>> {
  const now = deps.clock.now().getTime();
  const first = await practiceScoresStep(deps.db, actor, practiceId, now, null);
  return streamPracticeScores(deps.db, actor, practiceId, now, first);
}

type PracticeScoresStep = { records: string; next: NameCursor | null };

async function practiceScoresStep(db: Kysely<DB>, actor: Actor, practiceId: string, now: number, after: NameCursor | null): Promise<PracticeScoresStep> {
  return db.transaction().execute(async (trx) => {
    await requireCounsellorGate(trx, actor, practiceId);
    const { people, next } = await stepMyProfileSharingPeople(trx, practiceId, actor.userId, after, stepOf(db));
    if (people.length === 0) return { records: "", next };
    await audit(
      trx,
      actor,
      now,
      people.map((person) => ({ userId: person.userId, scopes: ["profile"] })),
    );
    // The step's people were found sharing in this transaction: their scores need no second check.
    await setImmediate();
    const scores = await listScoresOfListedPeople(
      trx,
      people.map((person) => person.userId),
    );
    const records = presentPracticeScoresCsvRecords(people, scores);
    return { records, next };
  });
}

async function* streamPracticeScores(db: Kysely<DB>, actor: Actor, practiceId: string, now: number, first: PracticeScoresStep): AsyncGenerator<string> {
  yield presentPracticeScoresCsvHeader();
  let step = first;
  for (;;) {
    if (step.records !== "") yield step.records;
    if (step.next === null) return;
    await setImmediate();
    step = await practiceScoresStep(db, actor, practiceId, now, step.next);
  }
}
