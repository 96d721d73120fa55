import { sql } from "kysely";
import { openDashboardApp } from "./dashboard.js";
import { openScaleDatabase, largePracticeScale, seedScaleData } from "./scale-data.js";
const size = Number(process.env.SIZE ?? 20000);
const dialect = (process.env.D ?? "sqlite") as "sqlite" | "postgres";
const { database, destroy } = await openScaleDatabase(dialect);
const { app, counsellor } = await openDashboardApp(database);
const scale = await seedScaleData(database, counsellor.userId, largePracticeScale(size));
const p = scale.largePracticeId;
const get = async (q: string) => { const t = performance.now(); const r = await app.inject({ method: "GET", url: `/api/practices/${p}/dashboard${q}`, headers: { cookie: counsellor.cookie } }); return [r.statusCode, Math.round(performance.now() - t), r.json().total]; };
console.log(await get(""));
const s1 = await database.db.selectFrom("client_summary_state").selectAll().execute();
console.log(await get("?offTrack=true"), await get("?offTrack=true"));
const s2 = await database.db.selectFrom("client_summary_state").selectAll().execute();
console.log(JSON.stringify(s1).slice(0, 300)); console.log(JSON.stringify(s1) === JSON.stringify(s2));
const c = counsellor.userId;
const dist = await sql`select off_track_reasons, count(*) as n from client_summary where practice_id = ${p} group by off_track_reasons`.execute(database.db);
console.log(dist.rows);
const timeQ = async (label: string, q: any) => { const t = performance.now(); for (let i = 0; i < 5; i++) await q.execute(database.db); console.log(label, ((performance.now() - t) / 5).toFixed(1)); };
await timeQ("count all", sql`select count(*) from client_summary s where s.practice_id = ${p} and s.counsellor_id = ${c}`);
await timeQ("count off", sql`select count(*) from client_summary s where s.practice_id = ${p} and s.counsellor_id = ${c} and s.off_track_reasons > 0`);
await timeQ("page off by name", sql`select client_id from client_summary s where s.practice_id = ${p} and s.counsellor_id = ${c} and s.off_track_reasons > 0 order by name_key, client_id limit 25`);
await timeQ("page sort off", sql`select client_id from client_summary s where s.practice_id = ${p} and s.counsellor_id = ${c} order by off_track_reasons desc, name_key, client_id limit 25`);
for (const q of ["", "?offTrack=true", "?sort=offTrack&order=desc", "?offTrack=true&sort=we&order=desc"]) console.log(q, await get(q), await get(q), await get(q));
if (dialect === "sqlite") {
  for (const q of [
    sql`explain query plan select count(*) from client_summary s where s.practice_id = ${p} and s.counsellor_id = ${c} and s.off_track_reasons > 0`,
    sql`explain query plan select client_id from client_summary s where s.practice_id = ${p} and s.counsellor_id = ${c} and s.off_track_reasons > 0 order by name_key, client_id limit 25`,
    sql`explain query plan select client_id from client_summary s where s.practice_id = ${p} and s.counsellor_id = ${c} order by off_track_reasons desc, name_key, client_id limit 25`,
  ]) console.log((await q.execute(database.db)).rows);
}
await app.close(); await destroy(); process.exit(0);
