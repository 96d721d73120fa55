import type { Kysely } from "kysely";

// A person's own settings (decision 037): for now whether Quick exit also signs the device out.
// No row means the defaults (on); the row goes with the account.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("person_preference")
    .addColumn("user_id", "text", (column) => column.primaryKey().references("user.id").onDelete("cascade"))
    .addColumn("quick_exit_ends_session", "integer", (column) => column.notNull())
    .addColumn("updated_at", "bigint", (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("person_preference").execute();
}
