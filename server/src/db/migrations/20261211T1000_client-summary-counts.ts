import { sql, type Kysely } from "kysely";
import { dialectOf } from "./dialect-of.js";

// The dashboard's counts kept per counsellor (decision 090), and the off-track filter's value sorts
// as index walks.
//
// `client_summary_count` holds, per practice and counsellor, how many client_summary rows there are
// and how many of them are off track. Triggers on client_summary keep it, in the statement that
// changes a row: so every path that adds, removes or changes a client row keeps it true, including
// the cascades (a client deleted, an account deleted, a practice deleted), a counsellor's clients
// moved, and a practice's verdicts drawn again in one UPDATE. On SQLite the triggers run per row; on
// PostgreSQL per statement, from the statement's transition tables, so a redraw of 100,000 rows adds
// one grouped write, not 100,000 updates of one counter row. A delete only ever updates a counter
// (never inserts one), so a cascade from a deleted account or practice, which also removes the
// counter by its own cascade, never writes a row that points at what is going away.
//
// The six indexes: "off track, sorted by We (or Me, or last check-in)" read the off-track clients
// through `client_summary_off_track_name_idx` and sorted them all for a page (decision 077); with
// the value after `off_track` it is an index walk, each way (ties always read by name upwards).
const valueColumns = ["we", "me", "last_check_in_at"];

export async function up(db: Kysely<any>): Promise<void> {
  const dialect = await dialectOf(db);
  await db.schema
    .createTable("client_summary_count")
    .addColumn("practice_id", "text", (column) => column.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("counsellor_id", "text", (column) => column.notNull().references("user.id").onDelete("cascade"))
    .addColumn("clients", "integer", (column) => column.notNull())
    .addColumn("off_track", "integer", (column) => column.notNull())
    .addPrimaryKeyConstraint("client_summary_count_pk", ["practice_id", "counsellor_id"])
    .execute();
  if (dialect === "postgres") await createPostgresTriggers(db);
  else await createSqliteTriggers(db);
  // The rows there are now (none on a new database; an upgraded one counts its own once).
  await sql`insert into client_summary_count (practice_id, counsellor_id, clients, off_track)
    select practice_id, counsellor_id, count(*), sum(off_track) from client_summary group by practice_id, counsellor_id`.execute(db);

  for (const column of valueColumns) {
    await db.schema
      .createIndex(`client_summary_off_track_${column}_idx`)
      .on("client_summary")
      .columns(["practice_id", "counsellor_id", "off_track", column, "name_key", "client_id"])
      .execute();
    await db.schema
      .createIndex(`client_summary_off_track_${column}_desc_idx`)
      .on("client_summary")
      .columns(["practice_id", "counsellor_id", "off_track", `${column} desc`, "name_key", "client_id"])
      .execute();
  }
}

async function createSqliteTriggers(db: Kysely<any>): Promise<void> {
  await sql`create trigger client_summary_count_insert after insert on client_summary begin
    insert into client_summary_count (practice_id, counsellor_id, clients, off_track) values (new.practice_id, new.counsellor_id, 1, new.off_track)
      on conflict (practice_id, counsellor_id) do update set clients = clients + 1, off_track = off_track + excluded.off_track;
  end`.execute(db);
  await sql`create trigger client_summary_count_delete after delete on client_summary begin
    update client_summary_count set clients = clients - 1, off_track = off_track - old.off_track
      where practice_id = old.practice_id and counsellor_id = old.counsellor_id;
  end`.execute(db);
  await sql`create trigger client_summary_count_update after update of practice_id, counsellor_id, off_track on client_summary
    when old.practice_id <> new.practice_id or old.counsellor_id <> new.counsellor_id or old.off_track <> new.off_track begin
    update client_summary_count set clients = clients - 1, off_track = off_track - old.off_track
      where practice_id = old.practice_id and counsellor_id = old.counsellor_id;
    insert into client_summary_count (practice_id, counsellor_id, clients, off_track) values (new.practice_id, new.counsellor_id, 1, new.off_track)
      on conflict (practice_id, counsellor_id) do update set clients = clients + 1, off_track = off_track + excluded.off_track;
  end`.execute(db);
}

async function createPostgresTriggers(db: Kysely<any>): Promise<void> {
  // Counters are locked in one sorted order (practice, counsellor), so two statements that change
  // several never wait on each other in a circle.
  await sql`create function client_summary_count_add(delta jsonb) returns void language plpgsql as $$
    begin
      perform 1 from client_summary_count c
        join jsonb_to_recordset(delta) as d(practice_id text, counsellor_id text, clients bigint, off_track bigint)
          on c.practice_id = d.practice_id and c.counsellor_id = d.counsellor_id
        order by c.practice_id, c.counsellor_id for no key update of c;
      insert into client_summary_count (practice_id, counsellor_id, clients, off_track)
        select d.practice_id, d.counsellor_id, d.clients, d.off_track
        from jsonb_to_recordset(delta) as d(practice_id text, counsellor_id text, clients bigint, off_track bigint)
        where d.clients > 0 or exists (select 1 from client_summary_count c where c.practice_id = d.practice_id and c.counsellor_id = d.counsellor_id)
        order by d.practice_id, d.counsellor_id
        on conflict (practice_id, counsellor_id) do update
          set clients = client_summary_count.clients + excluded.clients, off_track = client_summary_count.off_track + excluded.off_track;
    end $$`.execute(db);
  const deltaOf = (rows: ReturnType<typeof sql>) => sql`(select coalesce(jsonb_agg(g), '[]'::jsonb) from (
      select practice_id, counsellor_id, sum(clients) as clients, sum(off_track) as off_track from (${rows}) r
      group by practice_id, counsellor_id having sum(clients) <> 0 or sum(off_track) <> 0) g)`;
  await sql`create function client_summary_count_insert() returns trigger language plpgsql as $$
    begin
      perform client_summary_count_add(${deltaOf(sql`select practice_id, counsellor_id, 1 as clients, off_track from new_rows`)});
      return null;
    end $$`.execute(db);
  await sql`create function client_summary_count_delete() returns trigger language plpgsql as $$
    begin
      perform client_summary_count_add(${deltaOf(sql`select practice_id, counsellor_id, -1 as clients, -off_track as off_track from old_rows`)});
      return null;
    end $$`.execute(db);
  await sql`create function client_summary_count_update() returns trigger language plpgsql as $$
    begin
      perform client_summary_count_add(${deltaOf(
        sql`select practice_id, counsellor_id, 1 as clients, off_track from new_rows
          union all select practice_id, counsellor_id, -1, -off_track from old_rows`,
      )});
      return null;
    end $$`.execute(db);
  await sql`create trigger client_summary_count_insert after insert on client_summary
    referencing new table as new_rows for each statement execute function client_summary_count_insert()`.execute(db);
  await sql`create trigger client_summary_count_delete after delete on client_summary
    referencing old table as old_rows for each statement execute function client_summary_count_delete()`.execute(db);
  await sql`create trigger client_summary_count_update after update on client_summary
    referencing old table as old_rows new table as new_rows for each statement execute function client_summary_count_update()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of valueColumns) {
    await db.schema.dropIndex(`client_summary_off_track_${column}_desc_idx`).execute();
    await db.schema.dropIndex(`client_summary_off_track_${column}_idx`).execute();
  }
  if ((await dialectOf(db)) === "postgres") {
    await sql`drop trigger client_summary_count_insert on client_summary`.execute(db);
    await sql`drop trigger client_summary_count_delete on client_summary`.execute(db);
    await sql`drop trigger client_summary_count_update on client_summary`.execute(db);
    await sql`drop function client_summary_count_insert()`.execute(db);
    await sql`drop function client_summary_count_delete()`.execute(db);
    await sql`drop function client_summary_count_update()`.execute(db);
    await sql`drop function client_summary_count_add(jsonb)`.execute(db);
  } else {
    await sql`drop trigger client_summary_count_insert`.execute(db);
    await sql`drop trigger client_summary_count_delete`.execute(db);
    await sql`drop trigger client_summary_count_update`.execute(db);
  }
  await db.schema.dropTable("client_summary_count").execute();
}
