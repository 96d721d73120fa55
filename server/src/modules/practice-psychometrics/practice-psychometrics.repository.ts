import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";

// Reads for the instrument on a practice's own clients (decision 017). Only members who share
// their profile with the practice right now (the `profile` scope) are ever selected.

function consentedMembers(db: Kysely<DB>, practiceId: string) {
  return db
    .selectFrom("practice_client_member as member")
    .innerJoin("client_consent as consent", (join) => join.onRef("consent.client_id", "=", "member.client_id").onRef("consent.user_id", "=", "member.user_id"))
    .where("member.practice_id", "=", practiceId)
    .where("consent.scope", "=", "profile");
}

/** One page of the ids of people who share their profile with the practice, after `afterUserId`, in id order. */
export async function listConsentedMemberIds(db: Kysely<DB>, practiceId: string, afterUserId: string | null, limit: number): Promise<string[]> {
  let query = consentedMembers(db, practiceId).select("member.user_id as userId").orderBy("member.user_id").limit(limit);
  if (afterUserId !== null) query = query.where("member.user_id", ">", afterUserId);
  return (await query.execute()).map((row) => row.userId);
}

/** Each person's latest completed assessment of this instrument version (id and the language it was answered in), for the people given. */
export async function listLatestCompletedAssessments(
  db: Kysely<DB>,
  userIds: readonly string[],
  instrument: { id: string; version: string },
): Promise<Array<{ id: string; language: string }>> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom("assessment")
    .select(["id", "user_id", "completed_at", "language"])
    .where("user_id", "in", userIds)
    .where("status", "=", "completed")
    .where("instrument_id", "=", instrument.id)
    .where("instrument_version", "=", instrument.version)
    .execute();
  const latest = new Map<string, { id: string; completedAt: number; language: string }>();
  for (const row of rows) {
    const completedAt = Number(row.completed_at ?? 0);
    const seen = latest.get(row.user_id);
    if (!seen || completedAt > seen.completedAt || (completedAt === seen.completedAt && row.id > seen.id))
      latest.set(row.user_id, { id: row.id, completedAt, language: row.language });
  }
  return [...latest.values()].map(({ id, language }) => ({ id, language }));
}

/** The answers of the given assessments, grouped by assessment id. */
export async function listAnswersOfAssessments(db: Kysely<DB>, assessmentIds: readonly string[]): Promise<Map<string, Record<string, number>>> {
  const byAssessment = new Map<string, Record<string, number>>();
  if (assessmentIds.length === 0) return byAssessment;
  const rows = await db.selectFrom("assessment_answer").select(["assessment_id", "item_id", "value"]).where("assessment_id", "in", assessmentIds).execute();
  for (const row of rows) {
    const answers = byAssessment.get(row.assessment_id) ?? {};
    answers[row.item_id] = Number(row.value);
    byAssessment.set(row.assessment_id, answers);
  }
  return byAssessment;
}

/**
 * A cheap fingerprint of what the statistics are computed from: consented people, their completed
 * assessments and the latest completion. A change in any means the cached figures are stale.
 */
export async function readEligibleFingerprint(db: Kysely<DB>, practiceId: string): Promise<string> {
  const row = await consentedMembers(db, practiceId)
    .leftJoin("assessment", (join) => join.onRef("assessment.user_id", "=", "member.user_id").on("assessment.status", "=", "completed"))
    .select((eb) => [
      eb.fn.count<number | string>("member.user_id").distinct().as("people"),
      eb.fn.count<number | string>("assessment.id").as("assessments"),
      eb.fn.max("assessment.completed_at").as("latest"),
    ])
    .executeTakeFirst();
  return `${Number(row?.people ?? 0)}:${Number(row?.assessments ?? 0)}:${Number(row?.latest ?? 0)}`;
}
