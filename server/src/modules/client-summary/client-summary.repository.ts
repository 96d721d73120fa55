// One stored summary row per client member (decision 018), computed here from the tables other
// modules own (read only: members, consent, last view, score rows, safety rows, latest check-in)
// and written only here. Filling it reads what the member shares now and nothing else.
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from "kysely";
import type { CounsellingScope } from "@mutual/core";
import type { DB } from "../../db/schema.js";
import { FLAG_BITS, flagIdsOf } from "./client-summary.policy.js";

import { SUMMARY_SCORE_COLUMNS, type DeteriorationTest, type MemberSummary } from "./client-summary.facts.js";

export { SUMMARY_SCORE_COLUMNS };
export type { DeteriorationTest, MemberSummary, SummaryScoreColumn } from "./client-summary.facts.js";

// Bits of the row's one integer: the member's scopes, then what was found. Few columns on
// purpose: at 5,000 clients, fetching each extra column costs more than the read itself.
// `worse` is set on read (it depends on the norms of the day); `joinedLater` marks a member who
// joined the client after another one, so a couple's names keep their joining order; `declining`: a
// pulse in a sustained decline as of the latest check-in, only with the check-ins scope (decision 035).
const bit = {
  profile: 1,
  checkIns: 2,
  safety: 4,
  notes: 8,
  latestSafety: 16,
  seenSafety: 32,
  worse: 64,
  seen: 128,
  latest: 256,
  joinedLater: 512,
  declining: 1024,
} as const;
// On read, the flag masks ride in the same integer, above those bits (each mask has six bits).
const latestFlagsShift = 2048;
const seenFlagsShift = latestFlagsShift * 64;

/** The bit mask of a JSON list of flag ids, in SQL both dialects run (LIKE on the quoted id). */
function flagBitsOf(flagIds: RawBuilder<unknown>): RawBuilder<unknown> {
  const terms = Object.entries(FLAG_BITS).map(([id, value]) => sql`case when ${flagIds} like ${sql.lit(`%"${id}"%`)} then ${sql.lit(value)} else 0 end`);
  return sql`(${sql.join(terms, sql` + `)})`;
}

/** Which members to (re)compute: one person everywhere, one client (or one member of it), or a whole practice. */
export type SummaryTarget = { userId: string } | { clientId: string; userId?: string } | { practiceId: string };

function memberFilter(target: SummaryTarget): RawBuilder<unknown> {
  if ("practiceId" in target) return sql`m.practice_id = ${target.practiceId}`;
  if ("clientId" in target)
    return target.userId === undefined ? sql`m.client_id = ${target.clientId}` : sql`m.client_id = ${target.clientId} and m.user_id = ${target.userId}`;
  return sql`m.user_id = ${target.userId}`;
}

/**
 * Serialises refreshes of the same members on PostgreSQL: two transactions each changing one
 * source (say a new profile and a revoked scope) would otherwise each compute the row without the
 * other's change, and the last to write would win with a stale row. The second now waits for the
 * first to commit and then computes from both. (SQLite runs one writer at a time already.)
 * - The people first, then their member rows, each in one sorted order, so refreshes that lock
 *   several never wait on each other in a circle. Locking the person covers a membership that
 *   another transaction is creating at the same moment (joining while submitting a profile):
 *   the member row is not there to lock yet, the person is.
 * - `for no key update`: it excludes other refreshes but not the foreign-key checks of inserts
 *   that point at these rows (a counsellor's last look, a data view), which `for update` would
 *   block, and could deadlock with a partner leaving.
 */
async function lockMembers(db: Kysely<DB>, target: SummaryTarget): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  const people =
    "userId" in target && target.userId !== undefined
      ? sql`select ${target.userId}`
      : sql`select m.user_id from practice_client_member m where ${memberFilter(target)}`;
  await sql`select 1 from "user" u where u.id in (${people}) order by u.id for no key update`.execute(db);
  await sql`select 1 from practice_client_member m where ${memberFilter(target)} order by m.client_id, m.user_id for no key update`.execute(db);
}

async function isClientMember(db: Kysely<DB>, userId: string): Promise<boolean> {
  const row = await db.selectFrom("practice_client_member").select("user_id").where("user_id", "=", userId).limit(1).executeTakeFirst();
  return row !== undefined;
}

const summaryColumns = [
  "client_id",
  "user_id",
  "practice_id",
  "counsellor_id",
  "joined_at",
  "name",
  "bits",
  "check_in_at",
  "we",
  "me",
  "latest_flag_bits",
  "seen_flag_bits",
  ...SUMMARY_SCORE_COLUMNS.map((column) => `d_${column}`),
];

/**
 * Recomputes the summary rows of the target's members from the sources, in the caller's
 * transaction, after the caller's own write. Members that no longer exist have no row to keep:
 * their rows went with them (cascade).
 */
export async function refreshSummaries(db: Kysely<DB>, target: SummaryTarget): Promise<void> {
  await lockMembers(db, target);
  // Most people are nobody's client: one indexed probe instead of the whole recomputation on their
  // every check-in. Asked after the lock on the person, so a membership another transaction is
  // creating right now either is visible here or will refresh after this commits (lockMembers).
  if (!("clientId" in target) && "userId" in target && !(await isClientMember(db, target.userId))) return;
  const differences = SUMMARY_SCORE_COLUMNS.map((column) => sql`case when y.itk_id <> y.lat_id then lat.${sql.ref(column)} - itk.${sql.ref(column)} end`);
  const columns = sql.join(summaryColumns.map((column) => sql.ref(column)));
  const updates = sql.join(summaryColumns.slice(2).map((column) => sql`${sql.ref(column)} = excluded.${sql.ref(column)}`));
  await sql`
    with x as materialized (
      select m.client_id, m.user_id, m.practice_id, c.counsellor_id, m.joined_at, u.name,
        coalesce((select sum(case s.scope when 'profile' then ${sql.lit(bit.profile)} when 'check-ins' then ${sql.lit(bit.checkIns)} when 'safety' then ${sql.lit(bit.safety)} when 'notes' then ${sql.lit(bit.notes)} else 0 end)
                  from client_consent s where s.client_id = m.client_id and s.user_id = m.user_id), 0) as mask,
        (select v.viewed_at from client_last_view v where v.counsellor_id = c.counsellor_id and v.client_id = m.client_id and v.user_id = m.user_id) as viewed_at,
        case when exists (select 1 from practice_client_member o where o.client_id = m.client_id and (o.joined_at < m.joined_at or (o.joined_at = m.joined_at and o.user_id < m.user_id)))
          then ${sql.lit(bit.joinedLater)} else 0 end as later
      from practice_client_member m
      join practice_client c on c.id = m.client_id
      join "user" u on u.id = m.user_id
      where ${memberFilter(target)}
    ), y as materialized (
      -- Which profiles matter: the latest, the intake (latest by joining, else the first after)
      -- and the latest by the counsellor's last look. None without the profile scope.
      select x.*,
        case when (x.mask & ${sql.lit(bit.profile)}) <> 0 then
          (select a.assessment_id from assessment_score a where a.user_id = x.user_id order by a.completed_at desc, a.assessment_id desc limit 1) end as lat_id,
        case when (x.mask & ${sql.lit(bit.profile)}) <> 0 then coalesce(
          (select a.assessment_id from assessment_score a where a.user_id = x.user_id and a.completed_at <= x.joined_at order by a.completed_at desc, a.assessment_id desc limit 1),
          (select a.assessment_id from assessment_score a where a.user_id = x.user_id and a.completed_at > x.joined_at order by a.completed_at asc, a.assessment_id asc limit 1)) end as itk_id,
        case when (x.mask & ${sql.lit(bit.profile)}) <> 0 and x.viewed_at is not null then
          (select a.assessment_id from assessment_score a where a.user_id = x.user_id and a.completed_at <= x.viewed_at order by a.completed_at desc, a.assessment_id desc limit 1) end as seen_id
      from x
    )
    insert into client_member_summary (${columns})
    select y.client_id, y.user_id, y.practice_id, y.counsellor_id, y.joined_at, y.name,
      y.mask + y.later
        + case when (y.mask & ${sql.lit(bit.safety)}) <> 0 and y.lat_id is not null and (select sf.raised from assessment_safety sf where sf.assessment_id = y.lat_id) = 1 then ${sql.lit(bit.latestSafety)} else 0 end
        + case when (y.mask & ${sql.lit(bit.safety)}) <> 0 and y.seen_id is not null and (select sf.raised from assessment_safety sf where sf.assessment_id = y.seen_id) = 1 then ${sql.lit(bit.seenSafety)} else 0 end
        + case when y.seen_id is not null then ${sql.lit(bit.seen)} else 0 end
        + case when lat.assessment_id is not null then ${sql.lit(bit.latest)} else 0 end
        + case when l.pulse_declining = 1 then ${sql.lit(bit.declining)} else 0 end,
      l.updated_at, lat.we, lat.me,
      case when lat.assessment_id is not null then ${flagBitsOf(sql`lat.flag_ids`)} end,
      case when y.seen_id is not null then ${flagBitsOf(sql`(select sa.flag_ids from assessment_score sa where sa.assessment_id = y.seen_id)`)} end,
      ${sql.join(differences)}
    from y
    left join check_in_latest l on (y.mask & ${sql.lit(bit.checkIns)}) <> 0 and l.user_id = y.user_id
    left join assessment_score lat on lat.assessment_id = y.lat_id
    left join assessment_score itk on itk.assessment_id = y.itk_id
    where true
    on conflict (client_id, user_id) do update set ${updates}
  `.execute(db);
}

/**
 * Whether some member of this practice has no summary row (a practice from before the table, or
 * a write path that forgot): two index-only counts in one statement, so the check costs little on every read.
 */
export async function practiceLacksSummaries(db: Kysely<DB>, practiceId: string): Promise<boolean> {
  const result = await sql<{ missing: number | string }>`
    select (select count(*) from practice_client_member where practice_id = ${practiceId})
         - (select count(*) from client_member_summary where practice_id = ${practiceId}) as missing
  `.execute(db);
  return Number(result.rows[0]?.missing ?? 0) !== 0;
}

type SummaryRow = { client_id: string; name: string; packed: number | string; check_in_at: number | string | null; we: number | null; me: number | null };

/** A client's members' summaries (joining order), with the client's practice and counsellor. */
export type ClientMembers = { clientId: string; practiceId: string; counsellorId: string; members: MemberSummary[] };

/**
 * The stored member rows of the target's clients (every member of each, not only the target's),
 * grouped by client, for the per-client rows (client-page.repository.ts); `clientIds` lists every
 * client the target touched, including those left with no member.
 */
export async function readClientMembers(db: Kysely<DB>, target: SummaryTarget): Promise<{ clientIds: string[]; clients: ClientMembers[] }> {
  const clientIds =
    "practiceId" in target
      ? null
      : "clientId" in target
        ? [target.clientId]
        : (await db.selectFrom("practice_client_member").select("client_id").where("user_id", "=", target.userId).execute()).map((row) => row.client_id);
  if (clientIds !== null && clientIds.length === 0) return { clientIds: [], clients: [] };
  const where = clientIds === null ? sql`practice_id = ${(target as { practiceId: string }).practiceId}` : sql`client_id in (${sql.join(clientIds)})`;
  // Two members of one couple refreshed at the same moment (one's profile, the other's check-in)
  // each lock only their own member row; the client row is written from both, so the second waits
  // here for the first to commit and then reads its row. After every person lock (lockMembers), in
  // one sorted order, so no two refreshes wait on each other in a circle.
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const clients =
      clientIds === null ? sql`select c.id from practice_client c where c.practice_id = ${(target as { practiceId: string }).practiceId}` : sql.join(clientIds);
    await sql`select 1 from practice_client where id in (${clients}) order by id for no key update`.execute(db);
  }
  const result = await sql<SummaryRow & { practice_id: string; counsellor_id: string }>`
    select client_id, practice_id, counsellor_id, name, bits + coalesce(latest_flag_bits, 0) * ${sql.lit(latestFlagsShift)} + coalesce(seen_flag_bits, 0) * ${sql.lit(seenFlagsShift)} as packed,
      check_in_at, we, me
    from client_member_summary where ${where}
  `.execute(db);
  const placeOf = new Map(result.rows.map((row) => [row.client_id, row]));
  const clients: ClientMembers[] = [];
  let current: ClientMembers | undefined;
  for (const row of inClientOrder(result.rows)) {
    if (current?.clientId !== row.client_id) {
      const place = placeOf.get(row.client_id)!;
      current = { clientId: row.client_id, practiceId: place.practice_id, counsellorId: place.counsellor_id, members: [] };
      clients.push(current);
    }
    current.members.push(toMemberSummary(row));
  }
  return { clientIds: clientIds ?? clients.map((client) => client.clientId), clients };
}

/**
 * The stored rows of this counsellor's members in this practice, grouped by client, with the
 * reliable-deterioration test applied in SQL to the stored differences with today's norms (the
 * same arithmetic as core's computeReliableChange).
 */
export async function listSummaries(db: Kysely<DB>, practiceId: string, counsellorId: string, tests: readonly DeteriorationTest[]): Promise<MemberSummary[]> {
  const worse = tests.map((test) => {
    const difference = sql.ref(`d_${test.column}`);
    if (test.sDiff === 0) return test.lowerIsBetter ? sql`${difference} > 0` : sql`${difference} < 0`;
    return test.lowerIsBetter
      ? sql`${difference} / ${sql.lit(test.sDiff)} > ${sql.lit(test.critical)}`
      : sql`${difference} / ${sql.lit(test.sDiff)} < ${sql.lit(-test.critical)}`;
  });
  const anyWorse = worse.length === 0 ? sql`1 = 0` : sql.join(worse, sql` or `);
  const result = await sql<SummaryRow>`
    select client_id, name,
      bits + case when ${anyWorse} then ${sql.lit(bit.worse)} else 0 end
        + coalesce(latest_flag_bits, 0) * ${sql.lit(latestFlagsShift)} + coalesce(seen_flag_bits, 0) * ${sql.lit(seenFlagsShift)} as packed,
      check_in_at, we, me
    from client_member_summary
    where practice_id = ${practiceId} and counsellor_id = ${counsellorId}
  `.execute(db);
  return inClientOrder(result.rows).map(toMemberSummary);
}

/**
 * Members of one client together, each client's members in joining order. Done here rather than
 * with ORDER BY: PostgreSQL sorting 5,000 text keys by the database's collation took longer than
 * the whole read, and only the grouping matters (the dashboard sorts clients itself).
 */
function inClientOrder(rows: SummaryRow[]): SummaryRow[] {
  const byClient = new Map<string, SummaryRow[]>();
  for (const row of rows) {
    const members = byClient.get(row.client_id);
    if (members) members.push(row);
    else byClient.set(row.client_id, [row]);
  }
  const ordered: SummaryRow[] = [];
  for (const members of byClient.values()) {
    if (members.length > 1) members.sort((a, b) => (Number(a.packed) & bit.joinedLater) - (Number(b.packed) & bit.joinedLater));
    ordered.push(...members);
  }
  return ordered;
}

const scopeMask = bit.profile | bit.checkIns | bit.safety | bit.notes;
const scopesByMask = new Map<number, readonly CounsellingScope[]>();
/** The scope list of a mask, made once per mask (there are 16): 5,000 rows share a handful. */
function scopesOf(bits: number): readonly CounsellingScope[] {
  const mask = bits & scopeMask;
  let scopes = scopesByMask.get(mask);
  if (!scopes) {
    const list: CounsellingScope[] = [];
    if (mask & bit.checkIns) list.push("check-ins");
    if (mask & bit.notes) list.push("notes");
    if (mask & bit.profile) list.push("profile");
    if (mask & bit.safety) list.push("safety");
    scopes = Object.freeze(list);
    scopesByMask.set(mask, scopes);
  }
  return scopes;
}

function toMemberSummary(row: SummaryRow): MemberSummary {
  const packed = Number(row.packed);
  const bits = packed % latestFlagsShift;
  return {
    clientId: row.client_id,
    name: row.name,
    scopes: scopesOf(bits),
    checkInAt: row.check_in_at === null ? null : Number(row.check_in_at),
    latest:
      bits & bit.latest
        ? {
            we: row.we === null ? null : Number(row.we),
            me: row.me === null ? null : Number(row.me),
            flagIds: flagIdsOf(Math.floor(packed / latestFlagsShift) % (seenFlagsShift / latestFlagsShift)),
            safety: (bits & bit.latestSafety) !== 0,
          }
        : null,
    deteriorated: (bits & bit.worse) !== 0,
    declining: (bits & bit.declining) !== 0,
    seen: bits & bit.seen ? { flagIds: flagIdsOf(Math.floor(packed / seenFlagsShift)), safety: (bits & bit.seenSafety) !== 0 } : null,
  };
}

/** Deletes every summary row; each practice's next dashboard read computes its rows again. */
export async function deleteAllSummaries(db: Kysely<DB>): Promise<number> {
  const result = await db.deleteFrom("client_member_summary").executeTakeFirst();
  return Number(result.numDeletedRows);
}
