import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";

/** Failures recorded for one account from one client since a moment (epoch ms). */
export async function countSignInFailures(db: Kysely<DB>, accountKey: string, clientKey: string, sinceMs: number): Promise<number> {
  const row = await db
    .selectFrom("sign_in_failure")
    .select((eb) => eb.fn.countAll<number | string>().as("failures"))
    .where("account_key", "=", accountKey)
    .where("client_key", "=", clientKey)
    .where("failed_at", ">=", sinceMs)
    .executeTakeFirst();
  return Number(row?.failures ?? 0);
}

export async function insertSignInFailure(db: Kysely<DB>, accountKey: string, clientKey: string, atMs: number): Promise<void> {
  await db.insertInto("sign_in_failure").values({ id: randomUUID(), account_key: accountKey, client_key: clientKey, failed_at: atMs }).execute();
}

export async function deleteSignInFailures(db: Kysely<DB>, accountKey: string, clientKey: string): Promise<void> {
  await db.deleteFrom("sign_in_failure").where("account_key", "=", accountKey).where("client_key", "=", clientKey).execute();
}

export async function deleteSignInFailuresBefore(db: Kysely<DB>, beforeMs: number): Promise<void> {
  await db.deleteFrom("sign_in_failure").where("failed_at", "<", beforeMs).execute();
}
