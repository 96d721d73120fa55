import { sql, type Kysely } from "kysely";
import { dialectOf } from "./dialect-of.js";

// The dashboard's counts kept per counsellor (decision 090), and the off-track filter's value sorts
// as index walks.
//
// `client_summary_count` holds, per practice and counsellor, how many client_summary rows there are,
// how many of them are off track, and the same for each flag (with its bit in flag_bits). Triggers on client_summary keep it, in the statement that
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

/** The flags' bits in client_summary.flag_bits (decision 063), as they are on 2026-12-11: a counter each, and one of those off track. */
const flagBits: ReadonlyArray<[string, number]> = [
  ["power_imbalance", 1],
  ["codependency_risk", 2],
  ["low_intimacy", 4],
  ["low_support", 8],
  ["difference_reflection", 16],
  ["social_withdrawal", 32],
  ["safety", 64],
];

/** Each counter and what one client row (alias `r`) adds to it. */
const counters: ReadonlyArray<[string, (r: string) => string]> = [
  ["clients", () => "1"],
  ["off_track", (r) => `${r}.off_track`],
  ...flagBits.map(([name, bit]): [string, (r: string) => string] => [`flag_${name}`, (r) => `case when (${r}.flag_bits & ${bit}) <> 0 then 1 else 0 end`]),
  ...flagBits.map(([name, bit]): [string, (r: string) => string] => [
    `off_track_flag_${name}`,
    (r) => `case when (${r}.flag_bits & ${bit}) <> 0 then ${r}.off_track else 0 end`,
  ]),
];
const names = counters.map(([name]) => name).join(", ");

export async function up(db: Kysely<any>): Promise<void> {
  const dialect = await dialectOf(db);
  let table = db.schema
    .createTable("client_summary_count")
    .addColumn("practice_id", "text", (column) => column.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("counsellor_id", "text", (column) => column.notNull().references("user.id").onDelete("cascade"));
  for (const [name] of counters) table = table.addColumn(name, "integer", (column) => column.notNull());
  await table.addPrimaryKeyConstraint("client_summary_count_pk", ["practice_id", "counsellor_id"]).execute();
  if (dialect === "postgres") await createPostgresTriggers(db);
  else await createSqliteTriggers(db);
  // The rows there are now (none on a new database; an upgraded one counts its own once).
  await sql
    .raw(
      `insert into client_summary_count (practice_id, counsellor_id, ${names})
    select s.practice_id, s.counsellor_id, ${counters.map(([, of]) => `sum(${of("s")})`).join(", ")} from client_summary s group by s.practice_id, s.counsellor_id`,
    )
    .execute(db);

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
  const add = `insert into client_summary_count (practice_id, counsellor_id, ${names}) values (new.practice_id, new.counsellor_id, ${counters.map(([, of]) => of("new")).join(", ")})
      on conflict (practice_id, counsellor_id) do update set ${counters.map(([name]) => `${name} = ${name} + excluded.${name}`).join(", ")};`;
  const remove = `update client_summary_count set ${counters.map(([name, of]) => `${name} = ${name} - (${of("old")})`).join(", ")}
      where practice_id = old.practice_id and counsellor_id = old.counsellor_id;`;
  await sql.raw(`create trigger client_summary_count_insert after insert on client_summary begin ${add} end`).execute(db);
  await sql.raw(`create trigger client_summary_count_delete after delete on client_summary begin ${remove} end`).execute(db);
  await sql
    .raw(
      `create trigger client_summary_count_update after update of practice_id, counsellor_id, off_track, flag_bits on client_summary
    when old.practice_id <> new.practice_id or old.counsellor_id <> new.counsellor_id or old.off_track <> new.off_track or old.flag_bits <> new.flag_bits
    begin ${remove} ${add} end`,
    )
    .execute(db);
}

async function createPostgresTriggers(db: Kysely<any>): Promise<void> {
  const recordset = `jsonb_to_recordset(delta) as d(practice_id text, counsellor_id text, ${counters.map(([name]) => `${name} bigint`).join(", ")})`;
  // Counters are locked in one sorted order (practice, counsellor), so two statements that change
  // several never wait on each other in a circle.
  await sql
    .raw(
      `create function client_summary_count_add(delta jsonb) returns void language plpgsql as $$
    begin
      perform 1 from client_summary_count c join ${recordset} on c.practice_id = d.practice_id and c.counsellor_id = d.counsellor_id
        order by c.practice_id, c.counsellor_id for no key update of c;
      insert into client_summary_count (practice_id, counsellor_id, ${names})
        select d.practice_id, d.counsellor_id, ${counters.map(([name]) => `d.${name}`).join(", ")}
        from ${recordset}
        where d.clients > 0 or exists (select 1 from client_summary_count c where c.practice_id = d.practice_id and c.counsellor_id = d.counsellor_id)
        order by d.practice_id, d.counsellor_id
        on conflict (practice_id, counsellor_id) do update
          set ${counters.map(([name]) => `${name} = client_summary_count.${name} + excluded.${name}`).join(", ")};
    end $$`,
    )
    .execute(db);
  const rowsOf = (table: string, sign: string) =>
    `select r.practice_id, r.counsellor_id, ${counters.map(([name, of]) => `${sign}(${of("r")}) as ${name}`).join(", ")} from ${table} r`;
  const deltaOf = (rows: string) => `(select coalesce(jsonb_agg(g), '[]'::jsonb) from (
      select practice_id, counsellor_id, ${counters.map(([name]) => `sum(${name}) as ${name}`).join(", ")} from (${rows}) x
      group by practice_id, counsellor_id having ${counters.map(([name]) => `sum(${name}) <> 0`).join(" or ")}) g)`;
  const fn = async (name: string, rows: string) =>
    sql
      .raw(
        `create function ${name}() returns trigger language plpgsql as $$
    begin
      perform client_summary_count_add(${deltaOf(rows)});
      return null;
    end $$`,
      )
      .execute(db);
  await fn("client_summary_count_insert", rowsOf("new_rows", "+"));
  await fn("client_summary_count_delete", rowsOf("old_rows", "-"));
  await fn("client_summary_count_update", `${rowsOf("new_rows", "+")} union all ${rowsOf("old_rows", "-")}`);
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
