import type { Kysely } from "kysely";

// Weekly check-ins, per-person data keys, exercise completions and idempotency keys.
// Private text (notes, reflections) is stored only sealed under the person's data key;
// the data key is stored only wrapped by the key-encryption key from the environment, so
// deleting the person (cascade) destroys their key and with it every ciphertext's meaning.
// Each scored check-in answer is its own nullable column: portable and queryable.
// Timestamps are epoch milliseconds.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("data_key")
    .addColumn("user_id", "text", (column) => column.primaryKey().references("user.id").onDelete("cascade"))
    .addColumn("key_id", "text", (column) => column.notNull())
    .addColumn("wrapped_key", "text", (column) => column.notNull())
    .addColumn("created_at", "bigint", (column) => column.notNull())
    .execute();

  await db.schema
    .createTable("check_in")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("user_id", "text", (column) => column.notNull().references("user.id").onDelete("cascade"))
    .addColumn("iso_week", "text", (column) => column.notNull())
    .addColumn("time_zone", "text", (column) => column.notNull())
    .addColumn("spoke_up", "integer")
    .addColumn("felt_heard", "integer")
    .addColumn("backed_partner", "integer")
    .addColumn("felt_backed", "integer")
    .addColumn("friends_family_hours", "double precision")
    .addColumn("we_pulse", "integer")
    .addColumn("me_pulse", "integer")
    .addColumn("note_sealed", "text")
    .addColumn("note_key_id", "text")
    .addColumn("created_at", "bigint", (column) => column.notNull())
    .addColumn("updated_at", "bigint", (column) => column.notNull())
    .addUniqueConstraint("check_in_user_week_unique", ["user_id", "iso_week"])
    .execute();

  await db.schema
    .createTable("exercise_completion")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("user_id", "text", (column) => column.notNull().references("user.id").onDelete("cascade"))
    .addColumn("exercise_id", "text", (column) => column.notNull())
    .addColumn("completed_at", "bigint", (column) => column.notNull())
    .addColumn("reflection_sealed", "text")
    .addColumn("reflection_key_id", "text")
    .execute();
  await db.schema
    .createIndex("exercise_completion_user_idx")
    .on("exercise_completion")
    .columns(["user_id", "exercise_id", "completed_at"])
    .execute();

  // The response is stored sealed: a check-in's response carries its decrypted note.
  await db.schema
    .createTable("idempotency_key")
    .addColumn("key", "text", (column) => column.notNull())
    .addColumn("user_id", "text", (column) => column.notNull().references("user.id").onDelete("cascade"))
    .addColumn("route", "text", (column) => column.notNull())
    .addColumn("response", "text", (column) => column.notNull())
    .addColumn("created_at", "bigint", (column) => column.notNull())
    .addPrimaryKeyConstraint("idempotency_key_pk", ["user_id", "key"])
    .execute();
  await db.schema.createIndex("idempotency_key_time_idx").on("idempotency_key").column("created_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("idempotency_key").execute();
  await db.schema.dropTable("exercise_completion").execute();
  await db.schema.dropTable("check_in").execute();
  await db.schema.dropTable("data_key").execute();
}
