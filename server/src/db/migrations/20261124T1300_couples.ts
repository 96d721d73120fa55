import { type Kysely, sql } from "kysely";

// Partner links and what flows through them: invites (stored only as a keyed hash of the
// code), couples and their members, what each member shares, the audit of every view of a
// person's data by someone else, and failed invite-code attempts (for throttling).
// "One pending invite per person" and "one active couple per person" are partial unique
// indexes, so two requests racing cannot break them. Timestamps are epoch milliseconds.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("partner_invite")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("inviter_id", "text", (column) => column.notNull().references("user.id").onDelete("cascade"))
    .addColumn("code_hash", "text", (column) => column.notNull().unique())
    .addColumn("created_at", "bigint", (column) => column.notNull())
    .addColumn("expires_at", "bigint", (column) => column.notNull())
    .addColumn("status", "text", (column) => column.notNull().check(sql`status in ('pending', 'accepted', 'cancelled')`))
    // Who accepted: forgotten (set null) when that person deletes their account.
    .addColumn("accepted_by", "text", (column) => column.references("user.id").onDelete("set null"))
    .addColumn("closed_at", "bigint")
    .execute();
  await db.schema
    .createIndex("partner_invite_one_pending_idx")
    .on("partner_invite")
    .column("inviter_id")
    .unique()
    .where(sql.ref("status"), "=", "pending")
    .execute();

  await db.schema
    .createTable("couple")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("created_at", "bigint", (column) => column.notNull())
    .addColumn("ended_at", "bigint")
    .execute();

  await db.schema
    .createTable("couple_member")
    .addColumn("couple_id", "text", (column) => column.notNull().references("couple.id").onDelete("cascade"))
    .addColumn("user_id", "text", (column) => column.notNull().references("user.id").onDelete("cascade"))
    .addColumn("joined_at", "bigint", (column) => column.notNull())
    .addColumn("left_at", "bigint")
    .addPrimaryKeyConstraint("couple_member_pk", ["couple_id", "user_id"])
    .execute();
  // One active couple per person, enforced by the database.
  await db.schema
    .createIndex("couple_member_one_active_idx")
    .on("couple_member")
    .column("user_id")
    .unique()
    .where(sql.ref("left_at"), "is", null)
    .execute();

  await db.schema
    .createTable("partner_share")
    .addColumn("couple_id", "text", (column) => column.notNull().references("couple.id").onDelete("cascade"))
    .addColumn("owner_id", "text", (column) => column.notNull().references("user.id").onDelete("cascade"))
    .addColumn("scope", "text", (column) =>
      column.notNull().check(sql`scope in ('overview', 'dimensions', 'check-in-trends', 'exercises')`),
    )
    .addColumn("granted_at", "bigint", (column) => column.notNull())
    .addPrimaryKeyConstraint("partner_share_pk", ["couple_id", "owner_id", "scope"])
    .execute();

  // The owner's audit trail. The viewer's name is a snapshot; the viewer's id is kept only
  // while the viewer's account exists (set null when they delete it), never as a foreign key
  // that would delete the owner's record of the view.
  await db.schema
    .createTable("data_view")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("owner_id", "text", (column) => column.notNull().references("user.id").onDelete("cascade"))
    .addColumn("viewer_id", "text")
    .addColumn("viewer_name", "text", (column) => column.notNull())
    .addColumn("viewer_role", "text", (column) => column.notNull())
    .addColumn("scope", "text", (column) => column.notNull())
    .addColumn("viewed_at", "bigint", (column) => column.notNull())
    .execute();
  await db.schema.createIndex("data_view_owner_time_idx").on("data_view").columns(["owner_id", "viewed_at"]).execute();
  await db.schema.createIndex("data_view_viewer_idx").on("data_view").column("viewer_id").execute();

  await db.schema
    .createTable("invite_attempt_failure")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("user_id", "text", (column) => column.notNull().references("user.id").onDelete("cascade"))
    .addColumn("failed_at", "bigint", (column) => column.notNull())
    .execute();
  await db.schema.createIndex("invite_attempt_failure_user_idx").on("invite_attempt_failure").columns(["user_id", "failed_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("invite_attempt_failure").execute();
  await db.schema.dropTable("data_view").execute();
  await db.schema.dropTable("partner_share").execute();
  await db.schema.dropTable("couple_member").execute();
  await db.schema.dropTable("couple").execute();
  await db.schema.dropTable("partner_invite").execute();
}
