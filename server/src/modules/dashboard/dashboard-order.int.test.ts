// The dashboard's page is sorted, filtered and counted in SQL over one stored row per client
// (decision 063). It must choose exactly the clients, in exactly the order, and count exactly as
// many as the rules did in the app before (decision 018's summaries through selectPage), for every
// sort, direction and filter, on a practice of varied clients: couples and individuals, names
// with accents, case, digits and punctuation (and names that tie), every mix of scopes, profiles
// that slide or improve or raise flags, check-ins recent, old or absent, pulses in decline, and
// flags the counsellor has or has not seen.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import {
  COUNSELLOR_FLAG_IDS,
  DASHBOARD_SORTS,
  PROVISIONAL_NORMS,
  SHAREABLE_FLAG_IDS,
  dashboardQuerySchema,
  type DashboardQuery,
  type DashboardResponse,
} from "@mutual/core";
import { buildTestApp, type TestApp } from "../../../test/build-test-app.js";
import { signUp, type TestPerson } from "../../../test/auth-helpers.js";
import { createPractice, enrolTwoFactor, getAs } from "../../../test/practice-helpers.js";
import { dialects } from "../../../test/test-databases.js";
import { CompiledQuery, type KyselyPlugin } from "kysely";
import { listClientSummaries, readClientSummaryPage, refreshClientSummariesOfPerson } from "../client-summary/index.js";
import { expectKeptCounts } from "../../../test/kept-counts.js";
import { selectPage, summariseClients } from "./dashboard.rules.js";
import { deteriorationTests } from "./dashboard.service.js";

const dayMs = 24 * 60 * 60 * 1000;
const NAMES = [
  "Zoë Adams",
  "zoe adams",
  "Ødegaard",
  "Anne-Marie",
  "Anne Marie",
  "O'Brien",
  "Obrien",
  "Client 9",
  "Client 10",
  "client 010",
  "Ærø",
  "Ängel",
  "Émile",
  "Eve",
  "eve",
  "Bo",
  "Ali",
];
const SCOPE_SETS = [
  [],
  ["profile"],
  ["check-ins"],
  ["profile", "safety"],
  ["profile", "check-ins"],
  ["profile", "check-ins", "safety", "notes"],
  ["check-ins", "notes"],
];
const SCORE_COLUMNS = ["close", "support", "accept", "voice", "self", "ties", "rely", "we", "me", "codependency"] as const;

/** A small deterministic generator, so a failure can be reproduced. */
function randomOf(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe.each(dialects)("[%s] dashboard order, filters and counts in SQL", (dialect) => {
  let t: TestApp;
  const now = Date.UTC(2026, 6, 1, 12);
  const clock = { now: () => new Date(now) };
  let counsellor: TestPerson;
  let counsellorId: string;
  let practiceId: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock });
    counsellor = await signUp(t.app);
    practiceId = await createPractice(t.app, counsellor, "Varied Counselling");
    await enrolTwoFactor(t.app, counsellor);
    counsellorId = (await getAs(t.app, counsellor, "/api/me")).json<{ user: { id: string } }>().user.id;
    // Written straight into the tables (as the scale bench loads them): the API would take minutes for this variety.
    const db = t.database.db;
    const sqlite = dialect === "sqlite";
    const random = randomOf(21);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    for (let client = 0; client < 160; client += 1) {
      const clientId = `order-client-${String(client).padStart(3, "0")}`;
      const couple = client % 4 === 0;
      const joinedAt = now - (30 + Math.floor(random() * 200)) * dayMs;
      await db
        .insertInto("practice_client")
        .values({ id: clientId, practice_id: practiceId, counsellor_id: counsellorId, kind: couple ? "couple" : "individual", created_at: joinedAt })
        .execute();
      for (let member = 0; member < (couple ? 2 : 1); member += 1) {
        const userId = `${clientId}-${member}`;
        await db
          .insertInto("user")
          .values({
            id: userId,
            name: pick(NAMES),
            email: `${userId}@example.test`,
            emailVerified: sqlite ? 1 : true,
            image: null,
            createdAt: sqlite ? new Date(joinedAt).toISOString() : new Date(joinedAt),
            updatedAt: sqlite ? new Date(joinedAt).toISOString() : new Date(joinedAt),
            twoFactorEnabled: sqlite ? 0 : false,
          } as never)
          .execute();
        // The second partner joined later (or at the same moment: then the id orders them).
        const memberJoinedAt = joinedAt + (member === 1 && random() < 0.7 ? dayMs : 0);
        await db
          .insertInto("practice_client_member")
          .values({ client_id: clientId, practice_id: practiceId, user_id: userId, joined_at: memberJoinedAt })
          .execute();
        const scopes = pick(SCOPE_SETS);
        for (const scope of scopes)
          await db
            .insertInto("client_consent")
            .values({ client_id: clientId, user_id: userId, scope: scope as never, granted_at: memberJoinedAt })
            .execute();
        const profiles = Math.floor(random() * 4);
        for (let take = 0; take < profiles; take += 1) {
          const assessmentId = `${userId}-a${take}`;
          const completedAt = memberJoinedAt - 5 * dayMs + take * 20 * dayMs;
          await db
            .insertInto("assessment")
            .values({
              id: assessmentId,
              user_id: userId,
              instrument_id: "x",
              instrument_version: "1",
              status: "completed",
              started_at: completedAt - 1000,
              completed_at: completedAt,
            })
            .execute();
          const score: Record<string, unknown> = {
            assessment_id: assessmentId,
            user_id: userId,
            completed_at: completedAt,
            pattern: null,
            instrument_key: null,
            scored_answers: null,
          };
          // Steps of 5 on the 0–100 scale the norms are on, so means and ties occur and changes since
          // intake range from none to far beyond reliable; sometimes a score is missing.
          for (const column of SCORE_COLUMNS) score[column] = random() < 0.08 ? null : Math.round(random() * 20) * 5;
          // One client in three raises no flag, so some are off track only by their change since intake.
          score.flag_ids = JSON.stringify(client % 3 === 0 ? [] : SHAREABLE_FLAG_IDS.filter(() => random() < 0.2));
          await db
            .insertInto("assessment_score")
            .values(score as never)
            .execute();
          await db
            .insertInto("assessment_safety")
            .values({ assessment_id: assessmentId, user_id: userId, raised: client % 3 !== 0 && random() < 0.25 ? 1 : 0 })
            .execute();
        }
        if (random() < 0.8) {
          const at = now - Math.floor(random() * 25) * dayMs - (random() < 0.1 ? 0 : Math.floor(random() * dayMs));
          await db
            .insertInto("check_in_latest")
            .values({
              user_id: userId,
              iso_week: "2026-W20",
              updated_at: at,
              pulse_declining: client % 3 !== 0 && random() < 0.2 ? 1 : random() < 0.5 ? 0 : null,
            })
            .execute();
        }
        if (random() < 0.4)
          await db
            .insertInto("client_last_view")
            .values({ counsellor_id: counsellorId, client_id: clientId, user_id: userId, viewed_at: memberJoinedAt + Math.floor(random() * 60) * dayMs })
            .execute();
      }
    }
  });
  afterAll(async () => t?.close());

  const queries: DashboardQuery[] = [];
  const filters: Array<Partial<DashboardQuery>> = [
    {},
    ...COUNSELLOR_FLAG_IDS.map((flag) => ({ flag })),
    { overdue: true },
    { overdue: false },
    { offTrack: true },
    { offTrack: false },
    { flag: "low-support", overdue: true, offTrack: true },
    { flag: "safety", offTrack: false },
  ];
  for (const sort of DASHBOARD_SORTS)
    for (const order of ["asc", "desc"] as const)
      for (const filter of filters)
        for (const [page, pageSize] of [
          [1, 100],
          [2, 7],
          [3, 25],
        ] as const)
          queries.push(dashboardQuerySchema.parse({ sort, order, ...filter, page: String(page), pageSize: String(pageSize), ...boolStrings(filter) }));

  it("chooses, orders and counts the same clients as the rules in the app did, for every sort, direction and filter", async () => {
    const tests = deteriorationTests(PROVISIONAL_NORMS);
    // The first read builds the per-client rows; the rules read the member rows.
    await readClientSummaryPage(t.database.db, practiceId, counsellorId, queries[0]!, now, tests);
    const everyone = summariseClients(await listClientSummaries(t.database.db, practiceId, counsellorId, tests), now);
    expect(everyone.length).toBe(160);
    // Some clients are off track only by a reliable change for the worse: a broken deterioration test must show.
    expect(everyone.filter((client) => client.offTrackReasons.join() === "deteriorated").length).toBeGreaterThan(5);
    expect(everyone.filter((client) => client.offTrackReasons.length === 0).length).toBeGreaterThan(5);
    let nonEmpty = 0;
    for (const query of queries) {
      const expected = selectPage(everyone, query);
      const page = await readClientSummaryPage(t.database.db, practiceId, counsellorId, query, now, tests);
      expect({ query, ids: page.clientIds, total: page.total }).toEqual({ query, ids: expected.rows.map((row) => row.clientId), total: expected.total });
      if (page.clientIds.length > 0) nonEmpty += 1;
    }
    // The seed is varied enough that most of these pages hold someone.
    expect(nonEmpty).toBeGreaterThan(queries.length / 2);
  });

  /** Off-track pages and counts from the stored verdicts, against the rules with these tests. */
  async function expectOffTrackPagesAsTheRules(tests: ReturnType<typeof deteriorationTests>): Promise<void> {
    const everyone = summariseClients(await listClientSummaries(t.database.db, practiceId, counsellorId, tests), now);
    for (const filter of [
      { offTrack: "true" },
      { offTrack: "false" },
      { sort: "offTrack", order: "desc" },
      { sort: "offTrack" },
      { sort: "we", offTrack: "true" },
    ]) {
      const query = dashboardQuerySchema.parse({ ...filter, pageSize: "100" });
      const expected = selectPage(everyone, query);
      const page = await readClientSummaryPage(t.database.db, practiceId, counsellorId, query, now, tests);
      expect({ filter, ids: page.clientIds, total: page.total }).toEqual({ filter, ids: expected.rows.map((row) => row.clientId), total: expected.total });
    }
    // The kept counts (decision 090) follow the verdicts drawn again.
    await expectKeptCounts(t.database.db);
  }

  it("draws the stored off-track verdicts again when the norms move, and a write after that uses the new norms", async () => {
    // Norms that read change as less reliable (wider SDs): fewer clients are reliably worse.
    const wider = deteriorationTests(
      Object.fromEntries(Object.entries(PROVISIONAL_NORMS).map(([key, norm]) => [key, { ...norm, sd: norm.sd * 2.5 }])) as typeof PROVISIONAL_NORMS,
    );
    const before = summariseClients(await listClientSummaries(t.database.db, practiceId, counsellorId, deteriorationTests(PROVISIONAL_NORMS)), now);
    const after = summariseClients(await listClientSummaries(t.database.db, practiceId, counsellorId, wider), now);
    const worse = (clients: typeof before) => clients.filter((client) => client.offTrackReasons.includes("deteriorated")).length;
    expect(worse(after)).toBeLessThan(worse(before));
    await expectOffTrackPagesAsTheRules(wider);
    // A member's latest profile falls: the refresh of their row draws its verdict with the stored (wider) norms.
    const db = t.database.db;
    const steady = await db
      .selectFrom("client_member_summary as m")
      .innerJoin("client_summary as s", "s.client_id", "m.client_id")
      .select(["m.user_id", "m.client_id"])
      .where("m.practice_id", "=", practiceId)
      .where("s.off_track_reasons", "=", 0)
      .where("m.d_we", "is not", null)
      .orderBy("m.user_id")
      .executeTakeFirstOrThrow();
    const latest = await db
      .selectFrom("assessment_score")
      .select((eb) => eb.fn.max("completed_at").as("at"))
      .where("user_id", "=", steady.user_id)
      .executeTakeFirstOrThrow();
    const lowest = { close: 0, support: 0, accept: 0, voice: 0, self: 0, ties: 0, rely: 0, we: 0, me: 0 };
    await db.updateTable("assessment_score").set(lowest).where("user_id", "=", steady.user_id).where("completed_at", "=", Number(latest.at)).execute();
    await refreshClientSummariesOfPerson(db, steady.user_id);
    const fallen = summariseClients(await listClientSummaries(db, practiceId, counsellorId, wider), now).find((client) => client.clientId === steady.client_id);
    expect(fallen?.offTrackReasons).toContain("deteriorated");
    await expectOffTrackPagesAsTheRules(wider);
    await expectOffTrackPagesAsTheRules(deteriorationTests(PROVISIONAL_NORMS));
  });

  it('says "more than" when a filtered count reaches its cap, and never a number that is not true (decision 090)', async () => {
    const tests = deteriorationTests(PROVISIONAL_NORMS);
    const everyone = summariseClients(await listClientSummaries(t.database.db, practiceId, counsellorId, tests), now);
    await readClientSummaryPage(t.database.db, practiceId, counsellorId, queries[0]!, now, tests);
    let capped = 0;
    for (const query of queries) {
      const expected = selectPage(everyone, query);
      const page = await readClientSummaryPage(t.database.db, practiceId, counsellorId, query, now, tests, 10);
      const cap = Math.max(10, (query.page - 1) * query.pageSize + query.pageSize);
      const kept = query.overdue === undefined;
      const shown = kept || expected.total <= cap ? { total: expected.total, totalCapped: false } : { total: cap, totalCapped: true };
      expect({ query, ids: page.clientIds, total: page.total, totalCapped: page.totalCapped }).toEqual({
        query,
        ids: expected.rows.map((row) => row.clientId),
        ...shown,
      });
      if (page.totalCapped) capped += 1;
    }
    expect(capped).toBeGreaterThan(10);
  });

  it("reads every order of a page, off track or not, as an index walk with no sort; off track by a value through its own index (EXPLAIN)", async () => {
    const statements: CompiledQuery[] = [];
    const executor = t.database.db.getExecutor();
    const capture: KyselyPlugin = {
      transformQuery: (args) => {
        if (args.node.kind === "SelectQueryNode" && args.node.orderBy !== undefined) statements.push(executor.compileQuery(args.node, args.queryId));
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const db = t.database.db.withPlugin(capture);
    const postgres = dialect === "postgres";
    for (const sort of DASHBOARD_SORTS)
      for (const order of ["asc", "desc"] as const)
        for (const offTrack of [undefined, "true", "false"]) {
          statements.length = 0;
          const query = dashboardQuerySchema.parse({ sort, order, ...(offTrack === undefined ? {} : { offTrack }), page: "2", pageSize: "25" });
          await db.transaction().execute(async (trx) => {
            await readClientSummaryPage(trx, practiceId, counsellorId, query, now, deteriorationTests(PROVISIONAL_NORMS));
            expect(statements.length).toBeGreaterThan(0);
            // On 160 rows PostgreSQL would rather sort than walk: forbid what it would do instead, so
            // the plan shows whether an index hands the rows over in order (a sort left is then still shown).
            if (postgres) await sql`set local enable_seqscan = off; set local enable_sort = off; set local enable_bitmapscan = off`.execute(trx);
            for (const statement of statements) {
              const explained = await trx.executeQuery<Record<string, unknown>>(
                CompiledQuery.raw(`${postgres ? "explain" : "explain query plan"} ${statement.sql}`, [...statement.parameters]),
              );
              const plan = explained.rows.map((row) => String(row["QUERY PLAN"] ?? row.detail)).join("\n");
              expect({ sort, order, offTrack, plan: /TEMP B-TREE|Sort/.test(plan) ? plan : "walk" }).toEqual({ sort, order, offTrack, plan: "walk" });
              expect(plan).toMatch(/client_summary_\w*idx/);
              // Off track, by a value: the clients with the value through the index with both, so
              // none is skipped over (those without it are read by name after them, on deep pages only).
              // SQLite plans by rule; PostgreSQL by its figures, and on 160 rows may as well walk the
              // value's own index and skip a few (the bench result shows its plan at 100,000).
              if (!postgres && offTrack !== undefined && statement.sql.includes("is not null"))
                expect(plan).toMatch(/client_summary_off_track_(we|me|last_check_in_at)(_desc)?_idx/);
            }
          });
        }
  });

  it("reads the overdue clients through their own index and their page by primary key, not by walking the whole practice (EXPLAIN, decision 096)", async () => {
    const statements: CompiledQuery[] = [];
    const executor = t.database.db.getExecutor();
    const capture: KyselyPlugin = {
      transformQuery: (args) => {
        const compiled = executor.compileQuery(args.node, args.queryId);
        if (args.node.kind === "SelectQueryNode" && compiled.sql.includes(`"client_summary" as "s"`)) statements.push(compiled);
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const postgres = dialect === "postgres";
    const tests = deteriorationTests(PROVISIONAL_NORMS);
    await readClientSummaryPage(t.database.db, practiceId, counsellorId, queries[0]!, now, tests);
    for (const sort of DASHBOARD_SORTS)
      for (const overdue of ["true", "false"])
        for (const capped of [false, true]) {
          statements.length = 0;
          const query = dashboardQuerySchema.parse({ sort, overdue, page: "2", pageSize: "10" });
          await t.database.db.transaction().execute(async (trx) => {
            // A cap below the matches: the count says "more than" and the page walks the order's index.
            const page = await readClientSummaryPage(trx.withPlugin(capture), practiceId, counsellorId, query, now, tests, capped ? 1 : undefined);
            expect({ sort, overdue, capped: page.totalCapped }).toEqual({ sort, overdue, capped });
            // On 160 rows PostgreSQL would read the table or sort: forbid it, so the plan shows which index each read can use.
            if (postgres) await sql`set local enable_seqscan = off; set local enable_bitmapscan = off; set local enable_sort = off`.execute(trx);
            const reads: Array<{ kind: "matches" | "among ids" | "walk"; plan: string }> = [];
            for (const statement of statements) {
              const explained = await trx.executeQuery<Record<string, unknown>>(
                CompiledQuery.raw(`${postgres ? "explain" : "explain query plan"} ${statement.sql}`, [...statement.parameters]),
              );
              const kind = statement.sql.includes(`"client_id" in (`) ? "among ids" : statement.sql.includes("+s.oldest_check_in_at") ? "walk" : "matches";
              reads.push({ kind, plan: explained.rows.map((row) => String(row["QUERY PLAN"] ?? row.detail)).join("\n") });
            }
            // First the matches through the overdue index (at most the cap; "not overdue" as two ranges), then
            // the page among them by primary key, or, past the cap, by walking the order's index with no sort.
            expect(reads.filter((read) => read.kind === "matches").length).toBe(overdue === "true" ? 1 : capped ? 1 : 2);
            expect(reads.some((read) => read.kind === (capped ? "walk" : "among ids"))).toBe(true);
            for (const { kind, plan } of reads) {
              const expected =
                kind === "matches"
                  ? /client_summary_overdue_idx/
                  : kind === "walk"
                    ? /^(?![\s\S]*(client_summary_overdue_idx|TEMP B-TREE|Sort))[\s\S]*client_summary_\w*idx/
                    : postgres
                      ? /Index Scan using client_summary_pkey/
                      : /SEARCH s USING INDEX sqlite_autoindex_client_summary_1 \(client_id=\?\)/;
              expect({ sort, overdue, capped, kind, plan }).toEqual({ sort, overdue, capped, kind, plan: expect.stringMatching(expected) });
            }
          });
        }
  });

  it("draws one client's verdict through its member rows' primary key, not by reading every member row (EXPLAIN)", async () => {
    const statements: CompiledQuery[] = [];
    const executor = t.database.db.getExecutor();
    const capture: KyselyPlugin = {
      transformQuery: (args) => {
        const compiled = executor.compileQuery(args.node, args.queryId);
        if (compiled.sql.startsWith("update client_summary as s set deteriorated") && compiled.sql.includes("from client_member_summary m"))
          statements.push(compiled);
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const postgres = dialect === "postgres";
    // The practice's rows are built, and its verdicts drawn with these norms, at its first page read.
    await readClientSummaryPage(t.database.db, practiceId, counsellorId, queries[0]!, now, deteriorationTests(PROVISIONAL_NORMS));
    const member = await t.database.db
      .selectFrom("client_member_summary")
      .select("user_id")
      .where("practice_id", "=", practiceId)
      .where("d_we", "is not", null)
      .orderBy("user_id")
      .executeTakeFirstOrThrow();
    await t.database.db.transaction().execute(async (trx) => {
      await refreshClientSummariesOfPerson(trx.withPlugin(capture), member.user_id);
      expect(statements.length).toBeGreaterThan(0);
      // On a few hundred rows PostgreSQL would read the table anyway: forbid it, so the plan shows
      // whether the primary key can be used at all (it could not while the ids were compared in two
      // collations: every write then read every member row of the server).
      if (postgres) await sql`set local enable_seqscan = off`.execute(trx);
      for (const statement of statements) {
        const explained = await trx.executeQuery<Record<string, unknown>>(
          CompiledQuery.raw(`${postgres ? "explain" : "explain query plan"} ${statement.sql}`, [...statement.parameters]),
        );
        const plan = explained.rows.map((row) => String(row["QUERY PLAN"] ?? row.detail)).join("\n");
        expect(plan).not.toMatch(/Seq Scan on client_member_summary|SCAN m\b/);
        expect(plan).toMatch(postgres ? /Index Scan using client_member_summary_pk on client_member_summary/ : /SEARCH m USING (COVERING )?INDEX/);
      }
    });
  });

  it("keeps the off-track verdict core draws from the sources: the API's off-track list is exactly its off-track rows", async () => {
    const read = async (url: string) => {
      const ids: string[] = [];
      let total = 0;
      for (let page = 1; page <= 2; page += 1) {
        const response = await getAs(t.app, counsellor, `/api/practices/${practiceId}/dashboard?pageSize=100&page=${page}${url}`);
        expect(response.statusCode, response.body).toBe(200);
        const body = response.json<DashboardResponse>();
        ids.push(...body.rows.filter((row) => url !== "" || row.offTrack).map((row) => row.clientId));
        total = body.total;
      }
      return { ids: ids.sort(), total };
    };
    const all = await read("");
    expect(all.total).toBe(160);
    const offTrack = await read("&offTrack=true");
    expect(offTrack.ids).toEqual(all.ids);
    expect(offTrack.total).toBe(all.ids.length);
  });

  it("serves the same page through the API", async () => {
    for (const url of [
      "",
      "?sort=we&order=desc&pageSize=30",
      "?offTrack=true&sort=offTrack",
      "?overdue=true&sort=lastCheckIn&page=2&pageSize=10",
      "?flag=safety",
    ]) {
      const query = dashboardQuerySchema.parse(Object.fromEntries(new URLSearchParams(url)));
      const expected = selectPage(
        summariseClients(await listClientSummaries(t.database.db, practiceId, counsellorId, deteriorationTests(PROVISIONAL_NORMS)), now),
        query,
      );
      const response = await getAs(t.app, counsellor, `/api/practices/${practiceId}/dashboard${url}`);
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json<DashboardResponse>();
      expect({ url, ids: body.rows.map((row) => row.clientId), total: body.total }).toEqual({
        url,
        ids: expected.rows.map((row) => row.clientId),
        total: expected.total,
      });
    }
  });
});

/** The query schema reads booleans as the strings of a URL. */
function boolStrings(filter: Partial<DashboardQuery>): Record<string, string> {
  return Object.fromEntries(Object.entries(filter).flatMap(([key, value]) => (typeof value === "boolean" ? [[key, String(value)]] : [])));
}
