import type { Kysely } from "kysely";

// Reliable change uses the norms of the language a person answered in once that language has its
// own (decision 087): each round stores them beside the shared norms, as JSON keyed by language
// (core's ScoreNorms per language). Null until a round has run on this version of the server.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("deployment_norms").addColumn("norms_by_language", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("deployment_norms").dropColumn("norms_by_language").execute();
}
