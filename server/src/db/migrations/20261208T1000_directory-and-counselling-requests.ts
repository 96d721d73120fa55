import type { Kysely } from "kysely";

// The directory of practices and a person's request for counselling (issue 19, decisions 054
// and 055). A listing goes with its practice. A request goes with its practice, with the person
// who asked and with their partner (account deletion leaves nothing of it, decision 030); a
// counsellor who is deleted leaves it unassigned. Epoch milliseconds.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("practice_listing")
    .addColumn("practice_id", "text", (column) => column.primaryKey().references("organization.id").onDelete("cascade"))
    .addColumn("languages", "text", (column) => column.notNull())
    .addColumn("individual", "integer", (column) => column.notNull())
    .addColumn("couple", "integer", (column) => column.notNull())
    .addColumn("in_person_area", "text")
    .addColumn("online", "integer", (column) => column.notNull())
    .addColumn("fees", "text", (column) => column.notNull())
    .addColumn("subsidised", "integer", (column) => column.notNull())
    .addColumn("description", "text", (column) => column.notNull())
    .addColumn("contact", "text", (column) => column.notNull())
    .addColumn("listed_at", "bigint", (column) => column.notNull())
    .addColumn("updated_at", "bigint", (column) => column.notNull())
    .execute();
  await db.schema
    .createTable("counselling_request")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("practice_id", "text", (column) => column.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("requester_id", "text", (column) => column.notNull().references("user.id").onDelete("cascade"))
    .addColumn("partner_id", "text", (column) => column.references("user.id").onDelete("cascade"))
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("message", "text")
    .addColumn("requester_scopes", "text", (column) => column.notNull())
    .addColumn("partner_scopes", "text")
    .addColumn("status", "text", (column) => column.notNull())
    .addColumn("counsellor_id", "text", (column) => column.references("user.id").onDelete("set null"))
    .addColumn("decline_message", "text")
    .addColumn("created_at", "bigint", (column) => column.notNull())
    .addColumn("updated_at", "bigint", (column) => column.notNull())
    .execute();
  await db.schema.createIndex("counselling_request_requester_idx").on("counselling_request").columns(["requester_id", "created_at"]).execute();
  await db.schema.createIndex("counselling_request_partner_idx").on("counselling_request").columns(["partner_id"]).execute();
  await db.schema.createIndex("counselling_request_practice_idx").on("counselling_request").columns(["practice_id", "status"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("counselling_request").execute();
  await db.schema.dropTable("practice_listing").execute();
}
