import type { Kysely } from "kysely";

// The language each profile and each check-in was answered in (issue 18, decision 076): one of core's
// languageCodes. Everything answered before Mutual spoke more than one language was answered in English.
// Reliability and item screens are read by it; a counsellor sees the items as they were given.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("assessment").addColumn("language", "text", (column) => column.notNull().defaultTo("en")).execute();
  await db.schema.alterTable("check_in").addColumn("language", "text", (column) => column.notNull().defaultTo("en")).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("check_in").dropColumn("language").execute();
  await db.schema.alterTable("assessment").dropColumn("language").execute();
}
