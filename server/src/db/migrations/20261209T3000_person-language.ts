import type { Kysely } from "kysely";

// The language a person chose for Mutual (decision 074): one of "en", "zh-Hans", "ms", "ta" (checked by
// the API), or null while they have not chosen (each device then follows its browser).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("person_preference").addColumn("language", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("person_preference").dropColumn("language").execute();
}
