// Clients made straight in the tables, for tests that need a practice with many profiles (norms,
// psychometrics): a person, their client record with one counsellor, the scopes they consent to,
// and completed profiles with the given answers. Much faster than signing each one up.
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { INTERDEPENDENCE_PROFILE_V1 as PROFILE, type CounsellingScope } from "@mutual/core";
import type { Dialect } from "../src/db/database.js";
import type { DB } from "../src/db/schema.js";

const dayMs = 24 * 60 * 60 * 1000;

export type SeededClient = {
  practiceId: string;
  counsellorId: string;
  scopes: readonly CounsellingScope[];
  /** Each profile's answers, oldest first; the last is completed a day before `now`, each earlier one a day before that. */
  takes: ReadonlyArray<Record<string, number>>;
  /** The language every profile of this client was answered in (the column's default, English, when left out). */
  language?: string;
};

/** Writes the clients in one transaction; returns their user ids in the order given. */
export async function seedClients(db: Kysely<DB>, dialect: Dialect, now: number, clients: readonly SeededClient[]): Promise<string[]> {
  const dateValue = (ms: number) => (dialect === "sqlite" ? new Date(ms).toISOString() : new Date(ms));
  return db.transaction().execute(async (trx: Transaction<DB>) => {
    const userIds: string[] = [];
    for (const client of clients) {
      const userId = `seed-${randomUUID()}`;
      const clientId = randomUUID();
      await trx
        .insertInto("user")
        .values({
          id: userId,
          name: "Seeded client",
          email: `${userId}@example.test`,
          emailVerified: dialect === "sqlite" ? 1 : true,
          image: null,
          createdAt: dateValue(now),
          updatedAt: dateValue(now),
          twoFactorEnabled: dialect === "sqlite" ? 0 : false,
        } as never)
        .execute();
      await trx
        .insertInto("practice_client")
        .values({ id: clientId, practice_id: client.practiceId, counsellor_id: client.counsellorId, kind: "individual", created_at: now })
        .execute();
      await trx.insertInto("practice_client_member").values({ client_id: clientId, practice_id: client.practiceId, user_id: userId, joined_at: now }).execute();
      for (const scope of client.scopes)
        await trx.insertInto("client_consent").values({ client_id: clientId, user_id: userId, scope, granted_at: now }).execute();
      for (const [take, answers] of client.takes.entries()) {
        const assessmentId = randomUUID();
        const completedAt = now - (client.takes.length - take) * dayMs;
        await trx
          .insertInto("assessment")
          .values({
            id: assessmentId,
            user_id: userId,
            instrument_id: PROFILE.id,
            instrument_version: PROFILE.version,
            status: "completed",
            started_at: completedAt - 600_000,
            completed_at: completedAt,
            ...(client.language === undefined ? {} : { language: client.language }),
          })
          .execute();
        await trx
          .insertInto("assessment_answer")
          .values(Object.entries(answers).map(([itemId, value]) => ({ assessment_id: assessmentId, item_id: itemId, value, answered_at: completedAt - 1_000 })))
          .execute();
      }
      userIds.push(userId);
    }
    return userIds;
  });
}
