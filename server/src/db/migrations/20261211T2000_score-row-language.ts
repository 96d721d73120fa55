import { sql, type Kysely } from "kysely";

// The language a profile was answered in, kept on its score row too (decision 093), so the
// deployment's psychometrics read by language (decision 087) reads one table in index order instead
// of probing the assessment for every row. Written with the score, in the same transaction; filled
// here from the assessments for every row written before. Null only on a row written by an older
// server during an upgrade: its reader then takes the language from the assessment.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("assessment_score").addColumn("language", "text").execute();
  await sql`update assessment_score set language = (select assessment.language from assessment where assessment.id = assessment_score.assessment_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("assessment_score").dropColumn("language").execute();
}
