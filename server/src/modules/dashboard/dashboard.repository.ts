// The dashboard reads the counselling module's client tables (read only: who counsels whom, who
// belongs to which client, what each shares now) and owns client_last_view. Scores and check-ins
// come from their own modules, given a subquery of the people allowed.
import { PostgresAdapter, sql, type Kysely } from "kysely";
import type { CounsellingScope } from "@mutual/core";
import type { DB } from "../../db/schema.js";

export type MemberRow = { clientId: string; kind: "individual" | "couple"; userId: string; name: string; joinedAt: number };

/**
 * The people of this counsellor's clients in this practice, one column (user_id), optionally only
 * those who share a given scope right now; a subquery for the scores and check-ins modules.
 */
export function clientPeople(db: Kysely<DB>, practiceId: string, counsellorId: string, scope?: CounsellingScope, clientIds?: readonly string[]) {
  // Table names without aliases: the query keeps the plain DB type the other modules accept.
  let query = db
    .selectFrom("practice_client_member")
    .innerJoin("practice_client", "practice_client.id", "practice_client_member.client_id")
    .select("practice_client_member.user_id")
    .where("practice_client.practice_id", "=", practiceId)
    .where("practice_client.counsellor_id", "=", counsellorId);
  if (clientIds !== undefined) query = query.where("practice_client.id", "in", clientIds.length > 0 ? [...clientIds] : [""]);
  if (scope !== undefined) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("client_consent")
          .select("client_consent.scope")
          .whereRef("client_consent.client_id", "=", "practice_client_member.client_id")
          .whereRef("client_consent.user_id", "=", "practice_client_member.user_id")
          .where("client_consent.scope", "=", scope),
      ),
    );
  }
  return query;
}

/** Members of this counsellor's clients in this practice (optionally one client), by client then joining order. */
export async function listMembers(db: Kysely<DB>, practiceId: string, counsellorId: string, clientIds?: readonly string[]): Promise<MemberRow[]> {
  let query = db
    .selectFrom("practice_client_member as m")
    .innerJoin("practice_client as c", "c.id", "m.client_id")
    .innerJoin("user as u", "u.id", "m.user_id")
    .select(["m.client_id", "c.kind", "m.user_id", "u.name", "m.joined_at"])
    .where("c.practice_id", "=", practiceId)
    .where("c.counsellor_id", "=", counsellorId);
  if (clientIds !== undefined) query = query.where("c.id", "in", clientIds.length > 0 ? [...clientIds] : [""]);
  const rows = await query.orderBy("m.client_id").orderBy("m.joined_at").orderBy("m.user_id").execute();
  return rows.map((row) => ({ clientId: row.client_id, kind: row.kind, userId: row.user_id, name: row.name, joinedAt: Number(row.joined_at) }));
}

/** What each member of this counsellor's clients shares now, keyed "clientId userId". */
export async function listScopes(db: Kysely<DB>, practiceId: string, counsellorId: string, clientIds?: readonly string[]): Promise<Map<string, CounsellingScope[]>> {
  let query = db
    .selectFrom("client_consent as s")
    .innerJoin("practice_client as c", "c.id", "s.client_id")
    .select(["s.client_id", "s.user_id", "s.scope"])
    .where("c.practice_id", "=", practiceId)
    .where("c.counsellor_id", "=", counsellorId);
  if (clientIds !== undefined) query = query.where("c.id", "in", clientIds.length > 0 ? [...clientIds] : [""]);
  const result = new Map<string, CounsellingScope[]>();
  for (const row of await query.execute()) {
    const key = `${row.client_id} ${row.user_id}`;
    const list = result.get(key) ?? [];
    list.push(row.scope);
    result.set(key, list);
  }
  return result;
}

/** When this counsellor last opened each member's detail, keyed "clientId userId". */
export async function listLastViews(db: Kysely<DB>, practiceId: string, counsellorId: string, clientIds?: readonly string[]): Promise<Map<string, number>> {
  let query = db
    .selectFrom("client_last_view as v")
    .innerJoin("practice_client as c", "c.id", "v.client_id")
    .select(["v.client_id", "v.user_id", "v.viewed_at"])
    .where("v.counsellor_id", "=", counsellorId)
    .where("c.practice_id", "=", practiceId)
    .where("c.counsellor_id", "=", counsellorId);
  if (clientIds !== undefined) query = query.where("c.id", "in", clientIds.length > 0 ? [...clientIds] : [""]);
  const rows = await query.execute();
  return new Map(rows.map((row) => [`${row.client_id} ${row.user_id}`, Number(row.viewed_at)]));
}

/** Records that this counsellor opened these members' detail now. */
export async function touchLastViews(db: Kysely<DB>, counsellorId: string, clientId: string, userIds: readonly string[], now: number): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .insertInto("client_last_view")
    .values(userIds.map((userId) => ({ counsellor_id: counsellorId, client_id: clientId, user_id: userId, viewed_at: now })))
    .onConflict((conflict) => conflict.columns(["counsellor_id", "client_id", "user_id"]).doUpdateSet({ viewed_at: now }))
    .execute();
}

/** The viewer's display name, for the audit rows (kept as it was at the time of the view). */
export async function findName(db: Kysely<DB>, userId: string): Promise<string> {
  const row = await db.selectFrom("user").select("name").where("id", "=", userId).executeTakeFirst();
  return row?.name ?? "";
}

/** One score's reliable-deterioration test: (latest − intake) / sDiff beyond the critical RCI, in the worse direction. */
export type DeteriorationTest = { column: string; sDiff: number; critical: number; lowerIsBetter: boolean };

export type MemberSummary = {
  clientId: string;
  name: string;
  scopes: CounsellingScope[];
  checkInAt: number | null;
  latest: { we: number | null; me: number | null; flagIds: string[]; safety: boolean } | null;
  deteriorated: boolean;
  /** Flags (and safety, where shared) of the latest profile completed by the counsellor's last look. */
  seen: { flagIds: string[]; safety: boolean } | null;
};

const flagCache = new Map<string, string[]>();
/** Flag id lists repeat a lot ("[]", a few common sets): parse each text once. */
function parseFlags(text: string | null): string[] {
  if (text === null) return [];
  let parsed = flagCache.get(text);
  if (!parsed) {
    parsed = JSON.parse(text) as string[];
    if (flagCache.size < 10_000) flagCache.set(text, parsed);
  }
  return parsed;
}

// Bits of the summary row's one integer: the member's scopes, then what the joins found.
const bit = { profile: 1, checkIns: 2, safety: 4, notes: 8, latestSafety: 16, seenSafety: 32, worse: 64, seen: 128, latest: 256 } as const;

/**
 * One narrow row per client member of this counsellor in this practice, for the whole dashboard
 * at once (decision 016): scopes, latest check-in time, the latest profile's We, Me and flags,
 * whether any score reliably deteriorated since the intake profile (tested in SQL with the same
 * arithmetic as core's computeReliableChange), and the flags at the counsellor's last look. Score,
 * safety and check-in rows are joined only where the member shares that scope now, so nothing
 * unshared is read. Read only: the read models stay owned by the assessment and check-in modules.
 * Packed into few columns on purpose: at 5,000 clients, fetching each column costs more than the joins.
 */
export async function listMemberSummaries(db: Kysely<DB>, practiceId: string, counsellorId: string, tests: readonly DeteriorationTest[]): Promise<MemberSummary[]> {
  // PostgreSQL would JIT-compile this query (its estimated cost is high, its real cost is not):
  // compiling takes longer than running it. Off for this transaction only (the caller's).
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`set local jit = off`.execute(db);
  const result = await memberSummariesQuery(practiceId, counsellorId, tests).execute(db);
  return result.rows.map(toMemberSummary);
}

type SummaryRow = { client_id: string; name: string; bits: number | string; check_in_at: number | string | null; we: number | null; me: number | null; lat_flags: string | null; seen_flags: string | null };

/** The summary query itself (exported for the bench's query plans). */
export function memberSummariesQuery(practiceId: string, counsellorId: string, tests: readonly DeteriorationTest[]) {
  const worse = tests.map((test) => {
    const difference = sql`(lat.${sql.ref(test.column)} - itk.${sql.ref(test.column)})`;
    if (test.sDiff === 0) return test.lowerIsBetter ? sql`${difference} > 0` : sql`${difference} < 0`;
    return test.lowerIsBetter ? sql`${difference} / ${sql.lit(test.sDiff)} > ${sql.lit(test.critical)}` : sql`${difference} / ${sql.lit(test.sDiff)} < ${sql.lit(-test.critical)}`;
  });
  const anyWorse = worse.length === 0 ? sql`1 = 0` : sql.join(worse, sql` or `);
  return sql<SummaryRow>`
    with x as materialized (
      -- Each lookup here is an index probe per member, so the plan stays sound even before statistics exist.
      select m.client_id, m.user_id, m.joined_at, u.name,
        coalesce((select sum(case s.scope when 'profile' then ${sql.lit(bit.profile)} when 'check-ins' then ${sql.lit(bit.checkIns)} when 'safety' then ${sql.lit(bit.safety)} when 'notes' then ${sql.lit(bit.notes)} else 0 end)
                  from client_consent s where s.client_id = m.client_id and s.user_id = m.user_id), 0) as mask,
        (select v.viewed_at from client_last_view v where v.counsellor_id = c.counsellor_id and v.client_id = m.client_id and v.user_id = m.user_id) as viewed_at
      from practice_client_member m
      join practice_client c on c.id = m.client_id
      join "user" u on u.id = m.user_id
      where c.practice_id = ${practiceId} and c.counsellor_id = ${counsellorId}
    ), y as materialized (
      -- Which profiles matter, per member: index-only probes, and none without the profile scope.
      select x.client_id, x.user_id, x.joined_at, x.name, x.mask,
        case when (x.mask & ${sql.lit(bit.profile)}) <> 0 then
          (select a.assessment_id from assessment_score a where a.user_id = x.user_id order by a.completed_at desc, a.assessment_id desc limit 1) end as lat_id,
        case when (x.mask & ${sql.lit(bit.profile)}) <> 0 then coalesce(
          (select a.assessment_id from assessment_score a where a.user_id = x.user_id and a.completed_at <= x.joined_at order by a.completed_at desc, a.assessment_id desc limit 1),
          (select a.assessment_id from assessment_score a where a.user_id = x.user_id and a.completed_at > x.joined_at order by a.completed_at asc, a.assessment_id asc limit 1)) end as itk_id,
        case when (x.mask & ${sql.lit(bit.profile)}) <> 0 and x.viewed_at is not null then
          (select a.assessment_id from assessment_score a where a.user_id = x.user_id and a.completed_at <= x.viewed_at order by a.completed_at desc, a.assessment_id desc limit 1) end as seen_id
      from x
    )
    select y.client_id, y.name,
      y.mask
        + case when (y.mask & ${sql.lit(bit.safety)}) <> 0 and y.lat_id is not null and (select sf.raised from assessment_safety sf where sf.assessment_id = y.lat_id) = 1 then ${sql.lit(bit.latestSafety)} else 0 end
        + case when (y.mask & ${sql.lit(bit.safety)}) <> 0 and y.seen_id is not null and (select sf.raised from assessment_safety sf where sf.assessment_id = y.seen_id) = 1 then ${sql.lit(bit.seenSafety)} else 0 end
        + case when ${anyWorse} then ${sql.lit(bit.worse)} else 0 end
        + case when y.seen_id is not null then ${sql.lit(bit.seen)} else 0 end
        + case when lat.assessment_id is not null then ${sql.lit(bit.latest)} else 0 end as bits,
      l.updated_at as check_in_at, lat.we, lat.me, lat.flag_ids as lat_flags,
      case when y.seen_id is not null then (select sa.flag_ids from assessment_score sa where sa.assessment_id = y.seen_id) end as seen_flags
    from y
    left join check_in_latest l on (y.mask & ${sql.lit(bit.checkIns)}) <> 0 and l.user_id = y.user_id
    left join assessment_score lat on lat.assessment_id = y.lat_id
    left join assessment_score itk on itk.assessment_id = y.itk_id
    order by y.client_id, y.joined_at, y.user_id
  `;
}

function toMemberSummary(row: SummaryRow): MemberSummary {
  {
    const bits = Number(row.bits);
    const scopes: CounsellingScope[] = [];
    if (bits & bit.checkIns) scopes.push("check-ins");
    if (bits & bit.notes) scopes.push("notes");
    if (bits & bit.profile) scopes.push("profile");
    if (bits & bit.safety) scopes.push("safety");
    return {
      clientId: row.client_id,
      name: row.name,
      scopes,
      checkInAt: row.check_in_at === null ? null : Number(row.check_in_at),
      latest: bits & bit.latest ? { we: row.we === null ? null : Number(row.we), me: row.me === null ? null : Number(row.me), flagIds: parseFlags(row.lat_flags), safety: (bits & bit.latestSafety) !== 0 } : null,
      deteriorated: (bits & bit.worse) !== 0,
      seen: bits & bit.seen ? { flagIds: parseFlags(row.seen_flags), safety: (bits & bit.seenSafety) !== 0 } : null,
    };
  }
}
