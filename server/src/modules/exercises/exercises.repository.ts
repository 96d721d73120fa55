import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";

export type CompletionRecord = {
  id: string;
  exerciseId: string;
  completedAtMs: number;
  reflectionSealed: string | null;
  reflectionKeyId: string | null;
};

type Row = { id: string; exercise_id: string; completed_at: number | string; reflection_sealed: string | null; reflection_key_id: string | null };

const columns = ["id", "exercise_id", "completed_at", "reflection_sealed", "reflection_key_id"] as const;

function toRecord(row: Row): CompletionRecord {
  return {
    id: row.id,
    exerciseId: row.exercise_id,
    completedAtMs: Number(row.completed_at),
    reflectionSealed: row.reflection_sealed,
    reflectionKeyId: row.reflection_key_id,
  };
}

/** One person's completions (of one exercise, or all), oldest first. */
export async function listCompletions(db: Kysely<DB>, userId: string, exerciseId?: string): Promise<CompletionRecord[]> {
  let query = db.selectFrom("exercise_completion").select(columns).where("user_id", "=", userId);
  if (exerciseId !== undefined) query = query.where("exercise_id", "=", exerciseId);
  const rows = await query.orderBy("completed_at", "asc").orderBy("id", "asc").execute();
  return rows.map(toRecord);
}

/**
 * One person's completions that hold a reflection, completed at or after `sinceMs`, newest first,
 * at most `limit`: the bounded read behind a counsellor's view of reflections (still sealed here).
 */
export async function listReflectedCompletions(db: Kysely<DB>, userId: string, sinceMs: number, limit: number): Promise<CompletionRecord[]> {
  const rows = await db
    .selectFrom("exercise_completion")
    .select(columns)
    .where("user_id", "=", userId)
    .where("reflection_sealed", "is not", null)
    .where("completed_at", ">=", sinceMs)
    .orderBy("completed_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}

/** One completion of the person by id; another person's reads as absent. */
export async function findCompletion(db: Kysely<DB>, userId: string, id: string): Promise<CompletionRecord | undefined> {
  const row = await db.selectFrom("exercise_completion").select(columns).where("user_id", "=", userId).where("id", "=", id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export async function insertCompletion(
  db: Kysely<DB>,
  values: { id: string; userId: string; exerciseId: string; completedAtMs: number; reflectionSealed: string | null; reflectionKeyId: string | null },
): Promise<void> {
  await db
    .insertInto("exercise_completion")
    .values({
      id: values.id,
      user_id: values.userId,
      exercise_id: values.exerciseId,
      completed_at: values.completedAtMs,
      reflection_sealed: values.reflectionSealed,
      reflection_key_id: values.reflectionKeyId,
    })
    .execute();
}
