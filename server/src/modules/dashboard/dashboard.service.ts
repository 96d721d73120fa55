import type { Kysely } from "kysely";
import {
  SCORED_DIMENSIONS,
  LOWER_IS_BETTER,
  MODEL_THRESHOLDS,
  PRACTICE_ROLES,
  SCORE_KEYS,
  computeSem,
  compareCouple,
  type ClientAnswers,
  type ClientDetailResponse,
  type Language,
  type CoupleComparison,
  type CoupleReportGap,
  type CounsellingScope,
  type DashboardQuery,
  type DashboardResponse,
  type NormSource,
  type ScoreNorms,
  type SharedScores,
} from "@mutual/core";
import type { DB } from "../../db/schema.js";
import { DomainError } from "../../domain/errors.js";
import type { Actor } from "../../domain/actor.js";
import type { Clock } from "../../platform/clock.js";
import type { Keyring } from "../../platform/crypto.js";
import { listSafetyChecksOfPeople, listScoresOfPeople, readClientAnswers } from "../assessment/index.js";
import { readClientSummaryPage, refreshClientSummariesOfClient, type DeteriorationTest, type SummaryScoreColumn } from "../client-summary/index.js";
import { listCheckInTrendsOf, listLatestCheckInsOfPeople } from "../check-in/index.js";
import { findCurrentPartnerId } from "../couple/index.js";
import { recordDataViews, type NewDataView } from "../data-views/index.js";
import { requirePracticeRole, requireTwoFactor } from "../practice/index.js";
import { getPracticeNorms } from "../practice-psychometrics/index.js";
import { notesDataViews, readMemberNotes } from "./client-notes.js";
import { assessClients, type ClientState, type MemberFacts } from "./dashboard.rules.js";
import { presentClientDetail, presentDashboardRow } from "./dashboard.presenter.js";
import { clientPeople, findName, listLastViews, listMembers, listScopes, touchLastViews } from "./dashboard.repository.js";

/** `kek` opens the notes of clients who share them, for the client detail only. */
export type DashboardDeps = { db: Kysely<DB>; clock: Clock; kek: Keyring };

/**
 * The norms reliable change is classified with, and which they are: the practice's own once enough
 * of its clients share a profile, else provisional (decision 017; cached by that module).
 */
async function normsFor(db: Kysely<DB>, practiceId: string, now: number): Promise<{ norms: ScoreNorms; normSource: NormSource }> {
  const practice = await getPracticeNorms(db, practiceId, { now });
  return { norms: practice.norms, normSource: practice.normSource };
}

/** Per score, the reliable-deterioration test core's computeReliableChange applies, for the dashboard-wide query. */
export function deteriorationTests(norms: ScoreNorms): DeteriorationTest[] {
  return SCORE_KEYS.map((key) => {
    const sem = computeSem(norms[key]);
    return {
      column: key.toLowerCase() as SummaryScoreColumn,
      sDiff: Math.sqrt(2 * sem * sem),
      critical: MODEL_THRESHOLDS.change.rciCritical,
      lowerIsBetter: LOWER_IS_BETTER.has(key),
    };
  });
}

/** Practice member with two-step sign-in on (decision 014); the queries below then keep to the actor's own clients. */
async function requireCounsellor(db: Kysely<DB>, actor: Actor, practiceId: string): Promise<void> {
  await requirePracticeRole(db, actor, practiceId, PRACTICE_ROLES);
  requireTwoFactor(actor);
}

/** Everything known of this counsellor's client members, cut to what each shares now (read in the caller's transaction). */
async function loadFacts(trx: Kysely<DB>, practiceId: string, counsellorId: string, clientIds: readonly string[]): Promise<MemberFacts[]> {
  const [members, scopes, views] = [
    await listMembers(trx, practiceId, counsellorId, clientIds),
    await listScopes(trx, practiceId, counsellorId, clientIds),
    await listLastViews(trx, practiceId, counsellorId, clientIds),
  ];
  // Each module reads only the people who share its scope with this counsellor right now.
  const scores = await listScoresOfPeople(trx, clientPeople(trx, practiceId, counsellorId, "profile", clientIds));
  const safety = await listSafetyChecksOfPeople(trx, clientPeople(trx, practiceId, counsellorId, "safety", clientIds));
  const latest = await listLatestCheckInsOfPeople(trx, clientPeople(trx, practiceId, counsellorId, "check-ins", clientIds));
  const scoresOf = new Map<string, typeof scores>();
  for (const row of scores) {
    const list = scoresOf.get(row.userId) ?? [];
    list.push(row);
    scoresOf.set(row.userId, list);
  }
  const latestOf = new Map(latest.map((entry) => [entry.userId, { week: entry.week, updatedAtMs: entry.updatedAtMs, isDeclining: entry.isDeclining }]));
  return members.map((member) => {
    const key = `${member.clientId} ${member.userId}`;
    const memberScopes = scopes.get(key) ?? [];
    return {
      ...member,
      scopes: memberScopes,
      scores: memberScopes.includes("profile") ? (scoresOf.get(member.userId) ?? []) : [],
      safety: memberScopes.includes("safety") ? safety : new Map(),
      latestCheckIn: memberScopes.includes("check-ins") ? (latestOf.get(member.userId) ?? null) : null,
      lastViewedAt: views.get(key) ?? null,
    };
  });
}

/** The scopes whose data a view carried for one member: profile (with safety only alongside it) and check-ins; never notes. */
function carriedScopes(scopes: readonly CounsellingScope[]): CounsellingScope[] {
  return scopes.filter((scope) => scope === "check-ins" || scope === "profile" || (scope === "safety" && scopes.includes("profile")));
}

function auditRows(counsellorId: string, counsellorName: string, clients: readonly ClientState[], now: number): NewDataView[] {
  return clients.flatMap((client) =>
    client.members.flatMap((member) =>
      carriedScopes(member.facts.scopes).map((scope) => ({
        ownerId: member.facts.userId,
        viewerId: counsellorId,
        viewerName: counsellorName,
        viewerRole: "counsellor" as const,
        scope,
        viewedAt: now,
      })),
    ),
  );
}

/**
 * The counsellor's clients in this practice with their latest scores, change since intake, flags,
 * last check-in, overdue and off track; filtered, sorted, counted and cut to one page in SQL over
 * one stored row per client (decision 063), so only the page's rows are read. The page's clients
 * are then built in full from the sources, and audited (data_view, role counsellor) in the read's
 * transaction.
 */
export async function getDashboard(deps: DashboardDeps, actor: Actor, practiceId: string, query: DashboardQuery): Promise<DashboardResponse> {
  await requireCounsellor(deps.db, actor, practiceId);
  const now = deps.clock.now().getTime();
  const { norms, normSource } = await normsFor(deps.db, practiceId, now);
  return deps.db.transaction().execute(async (trx) => {
    const page = await readClientSummaryPage(trx, practiceId, actor.userId, query, now, deteriorationTests(norms));
    // Only the page's clients built in full, from the same read models, with core's classification.
    const full = new Map(assessClients(await loadFacts(trx, practiceId, actor.userId, page.clientIds), now, norms).map((client) => [client.clientId, client]));
    const rows = page.clientIds.flatMap((clientId) => full.get(clientId) ?? []);
    await recordDataViews(trx, auditRows(actor.userId, await findName(trx, actor.userId), rows, now));
    return {
      rows: rows.map((row) => presentDashboardRow(row, now)),
      total: page.total,
      totalCapped: page.totalCapped,
      page: query.page,
      pageSize: query.pageSize,
      normSource,
    };
  });
}

/**
 * One client's detail within what each member shares now: every profile with its scores and
 * flags, change since intake, flag history, check-in weeks, recent notes and reflections (client-notes.ts),
 * and for a couple the comparison built from what each partner shares. Audits one data_view row per
 * member per scope carried (notes included), and records when the counsellor looked (for "a new flag
 * since you last looked"), in the read's transaction. `language` is the counsellor's page's: their
 * words, and the statements beside each member's own.
 */
export async function getClientDetail(
  deps: DashboardDeps,
  actor: Actor,
  practiceId: string,
  clientId: string,
  language: Language = "en",
): Promise<ClientDetailResponse> {
  await requireCounsellor(deps.db, actor, practiceId);
  const now = deps.clock.now().getTime();
  const { norms, normSource } = await normsFor(deps.db, practiceId, now);
  return deps.db.transaction().execute(async (trx) => {
    const facts = await loadFacts(trx, practiceId, actor.userId, [clientId]);
    const [client] = assessClients(facts, now, norms);
    if (!client) throw new DomainError(404, "NOT_FOUND", "No such client.");
    const checkIns = new Map<string, Awaited<ReturnType<typeof listCheckInTrendsOf>>>();
    for (const member of client.members) {
      if (member.facts.scopes.includes("check-ins"))
        checkIns.set(member.facts.userId, await listCheckInTrendsOf(trx, member.facts.userId, new Date(now), language));
    }
    const notes = await readMemberNotes(
      trx,
      deps.kek,
      client.members.map((member) => member.facts),
      now,
      language,
    );
    const answers = new Map<string, ClientAnswers>();
    for (const { facts: member } of client.members) {
      const latest = member.scopes.includes("profile") ? member.scores.at(-1) : undefined;
      const read = latest === undefined ? null : await readClientAnswers(trx, member.userId, latest.assessmentId, language);
      if (read !== null) answers.set(member.userId, read);
    }
    const coupleReport = client.kind === "couple" ? buildCoupleReport(client, await areStillPartners(trx, client)) : null;
    const viewerName = await findName(trx, actor.userId);
    await recordDataViews(trx, [...auditRows(actor.userId, viewerName, [client], now), ...notesDataViews(actor.userId, viewerName, notes, now)]);
    await touchLastViews(
      trx,
      actor.userId,
      clientId,
      client.members.map((member) => member.facts.userId),
      now,
    );
    // "New flag since you last looked" reads the last look from the summary rows: keep them current.
    await refreshClientSummariesOfClient(trx, clientId);
    return presentClientDetail(client, checkIns, notes, coupleReport, normSource, now, norms, answers);
  });
}

/** Whether a couple client's two members are partners now (read in the caller's transaction, never cached). */
async function areStillPartners(trx: Kysely<DB>, client: ClientState): Promise<boolean> {
  const [a, b] = client.members;
  if (!a || !b) return true;
  return (await findCurrentPartnerId(trx, a.facts.userId)) === b.facts.userId;
}

/**
 * The couple comparison from each partner's latest profile they share with the practice; what it
 * waits for is said as codes (a member without a shared profile, by name; a partner not joined yet).
 * Once the two unlink as partners there is no comparison: each stays the counsellor's client with
 * what they share, but they are not set side by side any more (issue 15).
 */
function buildCoupleReport(client: ClientState, stillPartners: boolean): { missing: CoupleReportGap[]; comparison: CoupleComparison | null } {
  if (!stillPartners) return { missing: [{ reason: "no-longer-partners" }], comparison: null };
  const [a, b] = client.members;
  const shared = (state: ClientState["members"][number] | undefined): SharedScores | null => {
    const latest = state?.latest;
    if (!latest) return null;
    const dimensions = Object.fromEntries(SCORED_DIMENSIONS.flatMap((code) => (latest.scores[code] === null ? [] : [[code, latest.scores[code]]])));
    return { dimensions, ...(latest.scores.WE === null ? {} : { we: latest.scores.WE }), ...(latest.scores.ME === null ? {} : { me: latest.scores.ME }) };
  };
  const sharedA = shared(a);
  const sharedB = shared(b);
  const missing: CoupleReportGap[] = client.members
    .filter((_state, index) => (index === 0 ? sharedA : sharedB) === null)
    .map((state) => ({ reason: "no-shared-profile", name: state.facts.name }));
  if (!b) missing.push({ reason: "partner-not-joined" });
  if (!sharedA || !sharedB) return { missing, comparison: null };
  return { missing, comparison: compareCouple(sharedA, sharedB, { labels: { a: a!.facts.name, b: b!.facts.name } }) };
}
