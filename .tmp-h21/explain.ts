import { sql } from "kysely";
import type { Dialect } from "../server/src/db/database.js";
import { openDashboardApp } from "../bench/dashboard.js";
import { openScaleDatabase, seedScaleData } from "../bench/scale-data.js";

for (const dialect of ["sqlite", "postgres"] as Dialect[]) {
  const { database, destroy } = await openScaleDatabase(dialect);
  const { app, counsellor } = await openDashboardApp(database);
  const scale = await seedScaleData(database, counsellor.userId, { practices: 3, largePracticeClients: 1000, otherPracticeClients: 10, assessmentsPerPerson: 1, checkInsPerPerson: 2, coupleEvery: 10, answers: false });
  await app.inject({ method: "GET", url: `/api/practices/${scale.largePracticeId}/dashboard`, headers: { cookie: counsellor.cookie } });
  if (dialect === "postgres") await sql`analyze`.execute(database.db);
  const where = sql`s.practice_id = ${scale.largePracticeId} and s.counsellor_id = ${counsellor.userId} and (s.new_flag = 1 or s.declining = 1 or exists (select 1 from client_member_summary m where m.client_id = s.client_id and m.practice_id = ${scale.largePracticeId} and m.counsellor_id = ${counsellor.userId} and (m.bits & 3) = 3 and (m.d_we / 0.5 < -1.96 or m.d_me / 0.5 < -1.96)))`;
  const explain = dialect === "sqlite" ? sql`explain query plan ` : sql`explain (analyze, costs off, timing off) `;
  for (const [label, q] of [
    ["count", sql`select count(*) from client_summary s where ${where}`],
    ["page", sql`select s.client_id from client_summary s where ${where} and s.we is not null order by s.we desc, s.name_key, s.client_id limit 25`],
  ] as const) {
    const rows = await sql<Record<string, unknown>>`${explain}${q}`.execute(database.db);
    console.log(`--- ${dialect} ${label}`);
    for (const row of rows.rows) console.log(dialect === "sqlite" ? row.detail : row["QUERY PLAN"]);
  }
  await app.close();
  await destroy();
}
process.exit(0);
