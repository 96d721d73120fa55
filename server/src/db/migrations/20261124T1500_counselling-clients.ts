import { type Kysely, sql } from "kysely";

// Clients of a counsellor (decision 015): invites a counsellor gives a person or a couple
// (stored only as a keyed hash of the code), the client record with its counsellor, the people
// who accepted, and, per person, the scopes they let their counsellor see right now. "A person
// is one practice's client once" is a unique index, so two accepts racing cannot break it.
// Timestamps are epoch milliseconds. Failed code attempts share invite_attempt_failure (T1300).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("practice_client")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("practice_id", "text", (column) => column.notNull().references("organization.id").onDelete("cascade"))
    // The counsellor who invited the client; only they see the client's data.
    .addColumn("counsellor_id", "text", (column) => column.notNull().references("user.id").onDelete("cascade"))
    .addColumn("kind", "text", (column) => column.notNull().check(sql`kind in ('individual', 'couple')`))
    .addColumn("created_at", "bigint", (column) => column.notNull())
    .execute();
  await db.schema.createIndex("practice_client_counsellor_idx").on("practice_client").columns(["practice_id", "counsellor_id"]).execute();

  await db.schema
    .createTable("practice_client_member")
    .addColumn("client_id", "text", (column) => column.notNull().references("practice_client.id").onDelete("cascade"))
    .addColumn("practice_id", "text", (column) => column.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("user_id", "text", (column) => column.notNull().references("user.id").onDelete("cascade"))
    .addColumn("joined_at", "bigint", (column) => column.notNull())
    .addPrimaryKeyConstraint("practice_client_member_pk", ["client_id", "user_id"])
    .execute();
  await db.schema.createIndex("practice_client_member_one_per_practice_idx").on("practice_client_member").columns(["practice_id", "user_id"]).unique().execute();
  await db.schema.createIndex("practice_client_member_user_idx").on("practice_client_member").column("user_id").execute();

  await db.schema
    .createTable("client_consent")
    .addColumn("client_id", "text", (column) => column.notNull())
    .addColumn("user_id", "text", (column) => column.notNull())
    .addColumn("scope", "text", (column) => column.notNull().check(sql`scope in ('profile', 'check-ins', 'safety', 'notes')`))
    .addColumn("granted_at", "bigint", (column) => column.notNull())
    .addPrimaryKeyConstraint("client_consent_pk", ["client_id", "user_id", "scope"])
    // A consent lives only as long as the person is the client: stopping ends every scope.
    .addForeignKeyConstraint("client_consent_member_fk", ["client_id", "user_id"], "practice_client_member", ["client_id", "user_id"], (constraint) =>
      constraint.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("client_invite")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("practice_id", "text", (column) => column.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("counsellor_id", "text", (column) => column.notNull().references("user.id").onDelete("cascade"))
    .addColumn("kind", "text", (column) => column.notNull().check(sql`kind in ('individual', 'couple')`))
    /** HMAC-SHA-256 of the normalised code, keyed from the auth secret: never the code. */
    .addColumn("code_hash", "text", (column) => column.notNull().unique())
    .addColumn("created_at", "bigint", (column) => column.notNull())
    .addColumn("expires_at", "bigint", (column) => column.notNull())
    .addColumn("status", "text", (column) => column.notNull().check(sql`status in ('pending', 'accepted', 'cancelled')`))
    // A couple invite's client, once the first partner accepted (the second joins it).
    .addColumn("client_id", "text", (column) => column.references("practice_client.id").onDelete("set null"))
    .addColumn("closed_at", "bigint")
    .execute();
  await db.schema.createIndex("client_invite_counsellor_idx").on("client_invite").columns(["practice_id", "counsellor_id", "status"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("client_invite").execute();
  await db.schema.dropTable("client_consent").execute();
  await db.schema.dropTable("practice_client_member").execute();
  await db.schema.dropTable("practice_client").execute();
}
