// One stored row per client (decision 063), aggregated from the member summary rows (decision 018)
// and written only here, and the dashboard's page read from it: sorted, filtered and counted in SQL
// through the indexes of 20261208T4000, so a page reads its own rows, not every client's.
import { PostgresAdapter, sql, type Kysely, type SelectQueryBuilder, type SqlBool } from "kysely";
import { OVERDUE_AFTER_DAYS, type CounsellorFlagId, type DashboardQuery } from "@mutual/core";
import type { DB } from "../../db/schema.js";
import { FLAG_BITS } from "./client-summary.policy.js";
import { clientSortKey } from "./client-sort-key.js";
import type { DeteriorationTest, MemberSummary } from "./client-summary.facts.js";

const dayMs = 24 * 60 * 60 * 1000;
/** The safety check's bit in flag_bits, above the six shareable flags. */
const SAFETY_BIT = 64;
// Bits of client_member_summary.bits the deterioration test needs: the profile scope and a latest profile.
const PROFILE_AND_LATEST = 1 + 256;

function flagBitOf(flag: CounsellorFlagId): number {
  return flag === "safety" ? SAFETY_BIT : (FLAG_BITS[flag] ?? 0);
}

type KeptFlagColumn =
  `flag_${"power_imbalance" | "codependency_risk" | "low_intimacy" | "low_support" | "difference_reflection" | "social_withdrawal" | "safety"}`;
/** The kept count column of a flag (client_summary_count, decision 090). */
function keptFlagColumn(flag: CounsellorFlagId): KeptFlagColumn {
  return `flag_${flag.replaceAll("-", "_")}` as KeptFlagColumn;
}

/** Each kept count and what one client row (alias `s`) adds to it, as the triggers of 20261211T1000 keep them. */
const KEPT_COUNTS: ReadonlyArray<[string, string]> = [
  ["clients", "1"],
  ["off_track", "s.off_track"],
  ...(["power-imbalance", "codependency-risk", "low-intimacy", "low-support", "difference-reflection", "social-withdrawal", "safety"] as const).flatMap(
    (flag): Array<[string, string]> => [
      [keptFlagColumn(flag), `case when (s.flag_bits & ${flagBitOf(flag)}) <> 0 then 1 else 0 end`],
      [`off_track_${keptFlagColumn(flag)}`, `case when (s.flag_bits & ${flagBitOf(flag)}) <> 0 then s.off_track else 0 end`],
    ],
  ),
];

export type ClientSummaryRow = {
  client_id: string;
  practice_id: string;
  counsellor_id: string;
  name_key: string;
  we: number | null;
  me: number | null;
  last_check_in_at: number | null;
  oldest_check_in_at: number | null;
  flag_bits: number;
  new_flag: number;
  declining: number;
};

/**
 * One client's row from its members' summaries (in joining order), with the same verdicts the
 * dashboard's rules draw (dashboard.rules.ts summariseClients): names joined with " & ", means of
 * the latest We and Me, flags of the latest profiles, a flag new since the counsellor's last look,
 * a declining pulse; and, for overdue, the oldest latest check-in of those who share check-ins.
 */
export function clientRowOf(practiceId: string, counsellorId: string, members: readonly MemberSummary[]): ClientSummaryRow {
  let name = "";
  let newFlag = false;
  let declining = false;
  let last: number | null = null;
  let oldest: number | null = null;
  let flagBits = 0;
  const we: number[] = [];
  const me: number[] = [];
  for (const member of members) {
    name = name === "" ? member.name : `${name} & ${member.name}`;
    if (member.scopes.includes("check-ins")) {
      const at = member.checkInAt ?? 0;
      if (oldest === null || at < oldest) oldest = at;
      if (member.checkInAt !== null && (last === null || member.checkInAt > last)) last = member.checkInAt;
      if (member.declining) declining = true;
    }
    const latest = member.latest;
    if (!latest || !member.scopes.includes("profile")) continue;
    if (latest.we !== null) we.push(latest.we);
    if (latest.me !== null) me.push(latest.me);
    const seen = member.seen;
    for (const flag of latest.flagIds) {
      flagBits |= FLAG_BITS[flag] ?? 0;
      if (!seen || !seen.flagIds.includes(flag)) newFlag = true;
    }
    if (member.scopes.includes("safety") && latest.safety) {
      flagBits |= SAFETY_BIT;
      if (!seen || !seen.safety) newFlag = true;
    }
  }
  const mean = (values: number[]) => (values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length);
  return {
    client_id: members[0]!.clientId,
    practice_id: practiceId,
    counsellor_id: counsellorId,
    name_key: clientSortKey(name),
    we: mean(we),
    me: mean(me),
    last_check_in_at: last,
    oldest_check_in_at: oldest,
    flag_bits: flagBits,
    new_flag: newFlag ? 1 : 0,
    declining: declining ? 1 : 0,
  };
}

const updatedColumns = [
  "practice_id",
  "counsellor_id",
  "name_key",
  "we",
  "me",
  "last_check_in_at",
  "oldest_check_in_at",
  "flag_bits",
  "new_flag",
  "declining",
] as const;

/** Writes these clients' rows (insert or replace), in batches both dialects' parameter limits allow. */
export async function upsertClientRows(db: Kysely<DB>, rows: readonly ClientSummaryRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 1000) {
    await db
      .insertInto("client_summary")
      .values(rows.slice(start, start + 1000))
      .onConflict((conflict) =>
        conflict.column("client_id").doUpdateSet((eb) => Object.fromEntries(updatedColumns.map((column) => [column, eb.ref(`excluded.${column}`)]))),
      )
      .execute();
  }
}

/** Removes the rows of clients that no longer have a member summary (their last member left). */
export async function deleteClientRows(db: Kysely<DB>, clientIds: readonly string[]): Promise<void> {
  for (let start = 0; start < clientIds.length; start += 1000) {
    await db
      .deleteFrom("client_summary")
      .where("client_id", "in", clientIds.slice(start, start + 1000))
      .execute();
  }
}

/** Whether this practice's client rows were built whole (else the next dashboard read builds them). */
export async function isPracticeBuilt(db: Kysely<DB>, practiceId: string): Promise<boolean> {
  const row = await db.selectFrom("client_summary_state").select("practice_id").where("practice_id", "=", practiceId).executeTakeFirst();
  return row !== undefined;
}

export async function markPracticeBuilt(db: Kysely<DB>, practiceId: string, now: number): Promise<void> {
  await db
    .insertInto("client_summary_state")
    .values({ practice_id: practiceId, built_at: now })
    .onConflict((conflict) => conflict.column("practice_id").doNothing())
    .execute();
}

/**
 * After a practice's rows were built whole, on PostgreSQL: the planner's figures for the two
 * tables were taken when they were smaller (often empty, just after the upgrade), and until
 * autovacuum comes by it read a first page by sorting every client row of the counsellor instead
 * of walking the name index (×5 at 100,000 clients, decision 077). ANALYZE samples a bounded
 * number of rows, so this costs the same at any size; SQLite plans from the indexes alone.
 */
export async function refreshPlannerFigures(db: Kysely<DB>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`analyze client_member_summary`.execute(db);
  await sql`analyze client_summary`.execute(db);
}

/**
 * Counts the practice's kept counts again from its rows (decision 090), when it is built whole: the
 * triggers keep them from then on. Its client rows are locked by the build's refresh (PostgreSQL), so
 * no other write changes them between the count and the commit.
 */
export async function recountPractice(db: Kysely<DB>, practiceId: string): Promise<void> {
  await db.deleteFrom("client_summary_count").where("practice_id", "=", practiceId).execute();
  const names = sql.raw(KEPT_COUNTS.map(([name]) => name).join(", "));
  const sums = sql.raw(KEPT_COUNTS.map(([, of]) => `sum(${of})`).join(", "));
  await sql`insert into client_summary_count (practice_id, counsellor_id, ${names})
    select s.practice_id, s.counsellor_id, ${sums} from client_summary s where s.practice_id = ${practiceId}
    group by s.practice_id, s.counsellor_id order by s.counsellor_id`.execute(db);
}

export async function deleteAllClientRows(db: Kysely<DB>): Promise<void> {
  await db.deleteFrom("client_summary_state").execute();
  await db.deleteFrom("client_summary").execute();
}

/**
 * Reliably worse since intake for some member, with the given norms (the same arithmetic as core's
 * computeReliableChange, as listSummaries applies it): read per client row, from its one or two
 * member rows by their primary key.
 */
function deterioratedOf(tests: readonly DeteriorationTest[], postgres: boolean) {
  const worse = tests.map((test) => {
    const difference = sql.ref(`m.d_${test.column}`);
    if (test.sDiff === 0) return test.lowerIsBetter ? sql`${difference} > 0` : sql`${difference} < 0`;
    return test.lowerIsBetter
      ? sql`${difference} / ${sql.lit(test.sDiff)} > ${sql.lit(test.critical)}`
      : sql`${difference} / ${sql.lit(test.sDiff)} < ${sql.lit(-test.critical)}`;
  });
  const anyWorse = worse.length === 0 ? sql`1 = 0` : sql.join(worse, sql` or `);
  // On PostgreSQL the client row's id sorts bytewise (collation "C") and the member rows' id by the
  // database's default: compared as they are, PostgreSQL cannot use the member rows' primary key and
  // reads the whole table for each write (25–50 ms at 100,000 clients). Compared in the member rows'
  // collation (the same ids either way: equality does not depend on it), it is one index probe.
  const clientId = postgres ? sql`s.client_id collate "default"` : sql`s.client_id`;
  return sql<SqlBool>`exists (select 1 from client_member_summary m where m.client_id = ${clientId} and (m.bits & ${sql.lit(PROFILE_AND_LATEST)}) = ${sql.lit(PROFILE_AND_LATEST)} and (${anyWorse}))`;
}

/** Which client rows get their verdict drawn again: some clients (just written), or all of a practice (its norms moved). */
export type VerdictTarget = { clientIds: readonly string[] } | { practiceId: string };

/**
 * Draws the stored off-track verdict of the target's client rows (decision 077): deteriorated with
 * these tests (none yet: not deteriorated), and the reasons counted with the new flag and the
 * declining pulse the row already holds.
 */
export async function writeVerdicts(db: Kysely<DB>, target: VerdictTarget, tests: readonly DeteriorationTest[] | null): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const deteriorated = tests === null ? sql`0` : sql`case when ${deterioratedOf(tests, postgres)} then 1 else 0 end`;
  // Two statements: the second reads the verdict the first wrote (a SET reads the row as it was).
  const update = async (where: ReturnType<typeof sql>) => {
    await sql`update client_summary as s set deteriorated = ${deteriorated} where ${where}`.execute(db);
    await sql`update client_summary as s set off_track_reasons = s.new_flag + s.declining + s.deteriorated,
      off_track = case when s.new_flag + s.declining + s.deteriorated > 0 then 1 else 0 end where ${where}`.execute(db);
  };
  if ("practiceId" in target) {
    await update(sql`s.practice_id = ${target.practiceId}`);
    return;
  }
  for (let start = 0; start < target.clientIds.length; start += 1000)
    await update(sql`s.client_id in (${sql.join(target.clientIds.slice(start, start + 1000))})`);
}

/**
 * The tests each practice's verdicts were drawn with (JSON, null when not drawn yet), by practice.
 * On PostgreSQL the state rows are held (for share, in order) until the caller commits, so a moving
 * of the norms (readVerdictTestsForChange) cannot redraw the practice between this read and the
 * caller's own verdicts: they would be drawn with norms no longer current.
 */
export async function readVerdictTests(db: Kysely<DB>, practiceIds: readonly string[]): Promise<Map<string, string | null>> {
  if (practiceIds.length === 0) return new Map();
  const sorted = [...new Set(practiceIds)].sort();
  let query = db.selectFrom("client_summary_state").select(["practice_id", "verdict_tests"]).where("practice_id", "in", sorted).orderBy("practice_id");
  if (db.getExecutor().adapter instanceof PostgresAdapter) query = query.forShare();
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.practice_id, row.verdict_tests]));
}

/**
 * The practice's verdict tests; `forChange` holds the state row until the caller commits
 * (PostgreSQL), so only one redraw runs at a time and none while a refresh holds the norms in place.
 */
export async function readPracticeVerdictTests(db: Kysely<DB>, practiceId: string, forChange: boolean): Promise<string | null | undefined> {
  let query = db.selectFrom("client_summary_state").select("verdict_tests").where("practice_id", "=", practiceId);
  if (forChange && db.getExecutor().adapter instanceof PostgresAdapter) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : row.verdict_tests;
}

export async function storeVerdictTests(db: Kysely<DB>, practiceId: string, tests: string): Promise<void> {
  await db.updateTable("client_summary_state").set({ verdict_tests: tests }).where("practice_id", "=", practiceId).execute();
}

/**
 * `total` is exact unless `totalCapped`: then more than `total` clients match (decision 090).
 */
export type ClientPage = { clientIds: string[]; total: number; totalCapped: boolean };

/**
 * How many matches the overdue filter reads before it says "more than" (decision 090), or as many
 * as the page asked for reaches. No more index entries than this are read for the count: the
 * overdue index (20261212T1000) holds exactly the overdue clients (decision 096).
 */
export const COUNT_CAP = 1000;

type Matching = () => SelectQueryBuilder<DB & { s: DB["client_summary"] }, "s", object>;

/**
 * The overdue filter as ranges of the overdue index: overdue is a latest check-in older than the
 * cutoff; not overdue is either nobody sharing check-ins (null) or a recent one. Each part is read
 * as its own range, so a read stops at its limit (an OR of two ranges would read both whole).
 */
type OverduePart = "overdue" | "none-shared" | "recent";
const NOT_OVERDUE: readonly OverduePart[] = ["none-shared", "recent"];

/**
 * One page of this counsellor's clients in the dashboard's order (decision 016): filtered by flag,
 * overdue and off track; sorted by name (the byte order of clientSortKey, then client id) or by a
 * value with absent values last either way and ties by name; and how many match. Off track is the
 * stored verdict (decision 077), drawn with the norms the caller made current (readClientSummaryPage).
 * Without the overdue filter every order is an index walk that reads the page's own entries and
 * those it skips (offset paging), and the count is kept (decision 090). With it, see readOverduePage.
 */
export async function readClientPage(
  db: Kysely<DB>,
  practiceId: string,
  counsellorId: string,
  query: DashboardQuery,
  now: number,
  countCap = COUNT_CAP,
): Promise<ClientPage> {
  const cutoff = now - OVERDUE_AFTER_DAYS * dayMs;
  /**
   * The counsellor's clients that pass the filters; with `overdue`, only that part of the overdue
   * filter, read through the overdue index. Without it, the overdue filter is a test on each row the
   * order's index walk hands over: the unary plus keeps both planners from reading the overdue
   * index's range instead and sorting it whole (tens of thousands of rows when most are overdue).
   */
  const matching = (overdue: OverduePart | undefined = undefined) => {
    let select = db.selectFrom("client_summary as s").where("s.practice_id", "=", practiceId).where("s.counsellor_id", "=", counsellorId);
    if (query.flag !== undefined) select = select.where(sql<SqlBool>`(s.flag_bits & ${sql.lit(flagBitOf(query.flag))}) <> 0`);
    const parts = overdue !== undefined ? [overdue] : query.overdue === true ? (["overdue"] as const) : query.overdue === false ? NOT_OVERDUE : [];
    const oldest = overdue !== undefined ? sql<number | null>`s.oldest_check_in_at` : sql<number | null>`+s.oldest_check_in_at`;
    if (parts.length > 0)
      select = select.where((eb) =>
        eb.or(parts.map((part) => (part === "overdue" ? eb(oldest, "<", cutoff) : part === "recent" ? eb(oldest, ">=", cutoff) : eb(oldest, "is", null)))),
      );
    if (query.offTrack !== undefined) select = select.where("s.off_track", "=", query.offTrack ? 1 : 0);
    return select;
  };
  if (query.overdue !== undefined) return readOverduePage(db, counsellorId, query, matching, Math.max(countCap, query.page * query.pageSize));
  const counted = await keptCount(db, practiceId, counsellorId, query);
  return { clientIds: await readPageInOrder(db, matching, query), ...counted };
}

/**
 * Overdue (or not) moves with the clock, so it is neither kept nor in any order's index. Its matches
 * are read through the overdue index, up to `cap` and one more. When that is all of them, the page
 * is those rows in the asked order: the table is read by primary key for at most `cap` clients and
 * sorted, and the count is exact. When more match, the count says "more than" and the page walks the
 * order's index as any other filter: then at least one client in every N / cap matches, so a page
 * reads at most about pageSize × N / cap entries (250 at 100,000 clients), whatever the practice's size.
 */
async function readOverduePage(
  db: Kysely<DB>,
  counsellorId: string,
  query: DashboardQuery,
  matching: (part?: OverduePart) => ReturnType<Matching>,
  cap: number,
): Promise<ClientPage> {
  const found: Array<{ client_id: string }> = [];
  for (const part of query.overdue === true ? (["overdue"] as const) : NOT_OVERDUE) {
    if (found.length > cap) break;
    found.push(
      ...(await matching(part)
        .select("s.client_id")
        .limit(cap + 1 - found.length)
        .execute()),
    );
  }
  if (found.length > cap) return { clientIds: await readPageInOrder(db, matching, query), total: cap, totalCapped: true };
  const ids = found.map((row) => row.client_id);
  if (ids.length === 0) return { clientIds: [], total: 0, totalCapped: false };
  // Only the ids (and the counsellor, a column no index starts with) narrow this read, so the planner
  // reads those rows by primary key instead of walking the order's index through the whole practice.
  const among: Matching = () => db.selectFrom("client_summary as s").where("s.client_id", "in", ids).where("s.counsellor_id", "=", counsellorId);
  return { clientIds: await readPageInOrder(db, among, query), total: ids.length, totalCapped: false };
}

/** The page's client ids among `matching`, in the query's order. */
async function readPageInOrder(db: Kysely<DB>, matching: Matching, query: DashboardQuery): Promise<string[]> {
  const start = (query.page - 1) * query.pageSize;
  const direction = query.order === "desc" ? "desc" : "asc";
  if (query.sort === "name" || query.sort === "offTrack") {
    let select = matching().select("s.client_id");
    select =
      query.sort === "name"
        ? select.orderBy("s.name_key", direction).orderBy("s.client_id", direction)
        : select.orderBy("s.off_track_reasons", direction).orderBy("s.name_key").orderBy("s.client_id");
    const rows = await select.limit(query.pageSize).offset(start).execute();
    return rows.map((row) => row.client_id);
  }

  // A value sort reads the clients with the value through its index, then those without it by name.
  const column = query.sort === "we" ? "s.we" : query.sort === "me" ? "s.me" : "s.last_check_in_at";
  const present = await matching()
    .select("s.client_id")
    .where(column, "is not", null)
    .orderBy(column, direction)
    .orderBy("s.name_key")
    .orderBy("s.client_id")
    .limit(query.pageSize)
    .offset(start)
    .execute();
  const clientIds = present.map((row) => row.client_id);
  if (clientIds.length < query.pageSize) {
    // Where the page starts among those without the value: how many have it is known when some
    // were on this page; else count them, no further than the page's start (which the walk read anyway).
    let withValue = start + clientIds.length;
    if (clientIds.length === 0 && start > 0) {
      const inner = matching()
        .select(sql`1`.as("one"))
        .where(column, "is not", null)
        .limit(start);
      const row = await db
        .selectFrom(inner.as("t"))
        .select((eb) => eb.fn.countAll<number | string>().as("n"))
        .executeTakeFirstOrThrow();
      withValue = Number(row.n);
    }
    const rows = await matching()
      .select("s.client_id")
      .where(column, "is", null)
      .orderBy("s.name_key")
      .orderBy("s.client_id")
      .limit(query.pageSize - clientIds.length)
      .offset(Math.max(0, start - withValue))
      .execute();
    clientIds.push(...rows.map((row) => row.client_id));
  }
  return clientIds;
}

/**
 * How many clients match without the overdue filter: kept per counsellor for every client, for each
 * flag, and for those off track (or not) among them, by the triggers of 20261211T1000 (one row read).
 */
async function keptCount(db: Kysely<DB>, practiceId: string, counsellorId: string, query: DashboardQuery): Promise<{ total: number; totalCapped: boolean }> {
  const all = query.flag === undefined ? "clients" : keptFlagColumn(query.flag);
  const offTrack = query.flag === undefined ? "off_track" : (`off_track_${keptFlagColumn(query.flag)}` as const);
  const kept = await db
    .selectFrom("client_summary_count")
    .select([`${all} as all`, `${offTrack} as off`])
    .where("practice_id", "=", practiceId)
    .where("counsellor_id", "=", counsellorId)
    .executeTakeFirst();
  const clients = Number(kept?.all ?? 0);
  const off = Number(kept?.off ?? 0);
  return { total: query.offTrack === undefined ? clients : query.offTrack ? off : clients - off, totalCapped: false };
}
