import type { Kysely } from "kysely";

// Mutual has no pictures of people, but Better Auth's sign-up stored whatever `image` it was sent
// (a long `javascript:` string, in one probe) and get-session handed it back. Sign-up now refuses
// the field (auth/open-endpoints.ts, decision 033); what earlier sign-ups stored is removed here.
// Not reversible: the values were never ours to keep.
export async function up(db: Kysely<any>): Promise<void> {
  await db.updateTable("user").set({ image: null }).where("image", "is not", null).execute();
}

export async function down(): Promise<void> {}
