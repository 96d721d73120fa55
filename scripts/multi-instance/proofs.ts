// The three things several server processes on one PostgreSQL must get right (decision 021),
// each checked through the two real processes and the database they share.
import { randomBytes } from "node:crypto";
import type pg from "pg";
import type { Checks } from "../durability/checks.js";
import { request, type HttpResponse } from "../durability/http-client.js";
import { signUpPeople } from "../durability/people.js";

export type Instances = { a: string; b: string };

/** One parsed log line of a server process (pino JSON), with which instance wrote it. */
export type LogLine = { instance: "a" | "b"; pid?: number; msg?: string; period?: string; result?: Record<string, number> };

const json = (response: HttpResponse) => {
  try {
    return JSON.parse(response.body) as Record<string, unknown>;
  } catch {
    return {};
  }
};

/** (a) A session made on one instance works on the other, and signing out on either ends it on both. */
export async function proveSharedSessions(checks: Checks, servers: Instances, dataDir: string): Promise<{ email: string; password: string }> {
  const tag = `multi.${randomBytes(4).toString("hex")}`;
  // Both instances share one DATA_DIR, so A's outbox is where its sign-up link lands.
  const [person] = await signUpPeople(servers.a, dataDir, 1, tag);
  if (person === undefined) throw new Error("sign-up made no person");
  const onB = await request(servers.b, "GET", "/api/me", { headers: person.headers });
  checks.that(onB.status === 200, `B accepts the session A made (answered ${onB.status} ${onB.body.slice(0, 200)})`);
  checks.equal((json(onB).user as { id?: unknown } | undefined)?.id, person.userId, "B's /api/me is the person who signed up on A");
  const signOut = await request(servers.b, "POST", "/api/auth/sign-out", { headers: person.headers, json: {} });
  checks.that(signOut.status === 200, `signing out through B succeeds (answered ${signOut.status} ${signOut.body.slice(0, 200)})`);
  for (const [name, url] of Object.entries(servers)) {
    const after = await request(url, "GET", "/api/me", { headers: person.headers });
    checks.that(after.status === 401, `after signing out on B, ${name.toUpperCase()} refuses the session (answered ${after.status})`);
  }
  // The same password as people.ts gives index 0.
  return { email: `durability.${tag}.0@example.test`, password: "river lantern orbit 0 maple" };
}

function signIn(url: string, origin: string, ip: string, email: string, password: string): Promise<HttpResponse> {
  return request(url, "POST", "/api/auth/sign-in/email", { headers: { origin, "x-forwarded-for": ip }, json: { email, password } });
}

/**
 * (b) Sign-in throttling holds across instances. Wrong passwords for one account from one address,
 * spread over both instances, count together (the sign_in_failure table); so do sign-ins from one
 * address to many accounts (Better Auth's limiter with database storage). Neither instance alone
 * sees enough attempts to refuse: only the shared count can.
 */
export async function proveSharedThrottling(checks: Checks, servers: Instances, person: { email: string; password: string }, db: pg.Client): Promise<void> {
  const origin = new URL(servers.a).origin;
  const guesser = "10.99.0.1";
  const alternate = (index: number) => (index % 2 === 0 ? servers.a : servers.b);
  const guesses: number[] = [];
  for (let index = 0; index < 5; index += 1) guesses.push((await signIn(alternate(index), origin, guesser, person.email, `wrong guess ${index}`)).status);
  checks.equal(guesses, [401, 401, 401, 401, 401], "five wrong passwords, three on A and two on B, are each refused as wrong");
  const blocked = await signIn(servers.b, origin, guesser, person.email, person.password);
  checks.that(
    blocked.status === 429 && json(blocked).code === "SIGN_IN_THROTTLED",
    `the sixth attempt, on B with the right password, is throttled (answered ${blocked.status} ${blocked.body.slice(0, 200)})`,
  );
  const fromElsewhere = await signIn(servers.b, origin, "10.99.0.3", person.email, person.password);
  checks.that(fromElsewhere.status === 200, `the person still signs in from another address (answered ${fromElsewhere.status})`);

  const sprayer = "10.99.0.2";
  const perMinute = 10;
  const sprayed: number[] = [];
  for (let index = 0; index < perMinute; index += 1) {
    sprayed.push(
      (await signIn(alternate(index), origin, sprayer, `nobody.${index}.${randomBytes(3).toString("hex")}@example.test`, "a stuffed password")).status,
    );
  }
  checks.equal(
    sprayed,
    Array.from({ length: perMinute }, () => 401),
    `${perMinute} sign-ins to different accounts from one address, five on each instance, are answered`,
  );
  const limited = await signIn(servers.b, origin, sprayer, person.email, person.password);
  checks.that(
    limited.status === 429 && json(limited).code !== "SIGN_IN_THROTTLED",
    `the next sign-in from that address, on B, is refused by the per-address limit (answered ${limited.status} ${limited.body.slice(0, 200)})`,
  );
  const { rows } = await db.query<{ count: number }>(`select "count" from "rateLimit" where "key" = $1`, [`${sprayer}|/sign-in/email`]);
  checks.equal(
    rows.map((row) => Number(row.count)),
    [perMinute],
    "one shared rate-limit row counts that address's sign-ins on both instances",
  );
}

/** Rows past their retention, put straight into the database, for the sweep to find. */
export async function seedExpiredRows(db: pg.Client): Promise<{ signInFailures: number }> {
  const dayAndAnHourAgo = Date.now() - 25 * 60 * 60 * 1000;
  const signInFailures = 3;
  for (let index = 0; index < signInFailures; index += 1) {
    await db.query("insert into sign_in_failure (id, account_key, client_key, failed_at) values ($1, 'old-account', 'old-client', $2)", [
      `old-${index}`,
      dayAndAnHourAgo,
    ]);
  }
  await db.query(`insert into "rateLimit" (id, "key", "count", "lastRequest") values ('old-limit', '192.0.2.9|/sign-in/email', 4, $1)`, [
    Date.now() - 2 * 60 * 60 * 1000,
  ]);
  return { signInFailures };
}

/**
 * (c) The scheduled job runs once per round. From both processes' logs: every round either ran
 * on exactly one instance; in rounds both tried, one ran and the other skipped; every ran round
 * has its one job_run row naming the process that ran it; and the expired rows went, once.
 */
export async function proveOneRunPerRound(
  checks: Checks,
  lines: LogLine[],
  db: pg.Client,
  seeded: { signInFailures: number },
  guesserFailures: number,
): Promise<void> {
  const failed = lines.filter((line) => line.msg?.startsWith("Scheduled job failed"));
  checks.equal(failed.length, 0, "no round failed on either instance");
  const byPeriod = new Map<string, { ran: LogLine[]; skipped: LogLine[] }>();
  for (const line of lines) {
    if (line.period === undefined) continue;
    const entry = byPeriod.get(line.period) ?? { ran: [], skipped: [] };
    byPeriod.set(line.period, entry);
    if (line.msg === "Scheduled job ran") entry.ran.push(line);
    else if (line.msg?.startsWith("Scheduled job skipped")) entry.skipped.push(line);
  }
  const twiceRun = [...byPeriod].filter(([, entry]) => entry.ran.length > 1).map(([period]) => period);
  checks.equal(twiceRun, [], "no round ran on both instances");
  const contested = [...byPeriod.values()].filter((entry) => new Set([...entry.ran, ...entry.skipped].map((line) => line.instance)).size === 2);
  checks.that(contested.length >= 3, `both instances tried at least 3 of the same rounds (${contested.length} of ${byPeriod.size})`);
  checks.that(
    contested.every((entry) => entry.ran.length === 1 && entry.skipped.length === 1),
    "in every round both tried, exactly one ran and the other skipped",
  );

  const ranPeriods = [...byPeriod].filter(([, entry]) => entry.ran.length === 1);
  const ranOn = (instance: string) => ranPeriods.filter(([, entry]) => entry.ran[0]?.instance === instance).length;
  process.stdout.write(
    `  sweep rounds: ${byPeriod.size} tried, ${ranPeriods.length} ran (A ${ranOn("a")}, B ${ranOn("b")}), ${contested.length} tried by both\n`,
  );
  const { rows } = await db.query<{ period_key: string; instance: string; result: string }>(
    "select period_key, instance, result from job_run where job = 'retention-sweep' order by period_key",
  );
  checks.equal(
    rows.map((row) => `${row.period_key} ${row.instance.split(":").at(-1)}`),
    ranPeriods.map(([period, entry]) => `${period} ${entry.ran[0]?.pid}`).sort(),
    "job_run holds one row per round that ran, naming the process that ran it",
  );
  const deleted = rows.reduce((sum, row) => sum + Number((JSON.parse(row.result) as Record<string, number>).sign_in_failure ?? 0), 0);
  checks.equal(deleted, seeded.signInFailures, "the expired failed sign-ins were deleted by one round, once");
  const left = await db.query<{ id: string }>(
    "select id from sign_in_failure where client_key = 'old-client' union all select id from \"rateLimit\" where id = 'old-limit'",
  );
  checks.equal(left.rows, [], "no row past its retention is left");
  const kept = await db.query<{ count: string }>("select count(*) as count from sign_in_failure");
  checks.equal(Number(kept.rows[0]?.count), guesserFailures, "the recent failed sign-ins (still counting for throttling) are kept");
}
