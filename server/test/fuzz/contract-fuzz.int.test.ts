// Bad input, derived from the contracts: thousands of malformed requests across every declared
// route and Better Auth's endpoints, as anonymous, a person with data, a counsellor with two-step
// sign-in and a client. No answer may be a server error; every request that breaks its route's
// contract must be refused (4xx); a run of refused requests must leave the database exactly as it
// was (see db-snapshot.ts for the few counters left out, and why); and afterwards the app still
// answers /readyz and a fresh sign-in.
//
// FUZZ_REQUESTS sets the count per dialect (default CI-sized; `npm run test:fuzz` sends 10,000),
// FUZZ_SEED replays a run (the seed is printed); npm test uses a fixed seed, npm run test:fuzz a random one. What inject cannot express is not sent: a
// Content-Length that disagrees with the body, bytes HTTP forbids in headers (NUL, CR, LF), and
// invalid UTF-8 inside a JS string (raw bytes go as Buffer bodies instead).
import fc from "fast-check";
import type * as FastifyModule from "fastify";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildTestApp, type TestApp } from "../build-test-app.js";
import { signIn, sessionCookieFrom } from "../auth-helpers.js";
import { dialects } from "../test-databases.js";
import { declaredRoutes } from "../../src/http/route-access.js";
import { diffSnapshots, snapshotDatabase } from "./db-snapshot.js";
import { setUpActors, type FuzzActors } from "./fuzz-actors.js";
import { fuzzRequests, type FuzzRoute, type Spec } from "./fuzz-requests.js";
import { schemasOf } from "./route-schemas.js";

// Record every route's options (its zod schemas) as Fastify adds it; see route-schemas.ts.
vi.mock("fastify", async (importOriginal) => {
  const actual = await importOriginal<typeof FastifyModule>();
  const { recordRoutesOf } = await import("./route-schemas.js");
  const original = actual.default as unknown as (options?: object) => FastifyInstance;
  const wrapped = Object.assign((options?: object) => {
    const app = original(options);
    recordRoutesOf(app);
    return app;
  }, original);
  return { ...actual, default: wrapped, fastify: wrapped };
});

const requestCount = Number(process.env.FUZZ_REQUESTS ?? 2500);
// A fixed seed in npm test, so a failure can only come with the commit that caused it; `npm run
// test:fuzz` (FUZZ_RANDOM=1) draws a new one each run to keep exploring (issue 20).
const fixedSeed = 20261207;
const seed = Number(process.env.FUZZ_SEED ?? (process.env.FUZZ_RANDOM === "1" ? Math.floor(Math.random() * 2 ** 31) : fixedSeed));
/** Requests between two database snapshots. */
const batchSize = 50;

type Outcome = { spec: Spec; status: number | "threw"; body: string };

function describeOutcome({ spec, status, body }: Outcome): string {
  const payload = spec.payload === undefined ? "" : Buffer.isBuffer(spec.payload) ? ` <${spec.payload.length} bytes>` : ` ${spec.payload.slice(0, 200)}`;
  return `${status} ${spec.kind} as ${spec.actor}: ${spec.method} ${spec.url.slice(0, 200)}${payload} → ${body.slice(0, 200)}`;
}

async function send(app: FastifyInstance, spec: Spec, cookieOf: Record<string, string>): Promise<Outcome> {
  const cookie = spec.cookie ?? (spec.actor === "anonymous" ? undefined : cookieOf[spec.actor]);
  try {
    const response: LightMyRequestResponse = await app.inject({
      method: spec.method as "GET",
      url: spec.url,
      headers: { ...spec.headers, ...(cookie !== undefined ? { cookie } : {}) },
      ...(spec.payload !== undefined ? { payload: spec.payload } : {}),
      remoteAddress: spec.remoteAddress ?? "10.250.0.1",
    });
    return { spec, status: response.statusCode, body: response.body };
  } catch (error) {
    return { spec, status: "threw", body: String(error) };
  }
}

/** Refused-only batches first in each pair, so most batches can be checked for changes. */
function batches(specs: Spec[]): Spec[][] {
  const chunks = (list: Spec[]) =>
    Array.from({ length: Math.ceil(list.length / batchSize) }, (_, index) => list.slice(index * batchSize, (index + 1) * batchSize));
  const refused = chunks(specs.filter((spec) => spec.mustReject));
  const others = chunks(specs.filter((spec) => !spec.mustReject));
  return Array.from({ length: Math.max(refused.length, others.length) }, (_, index) => [refused[index], others[index]])
    .flat()
    .filter((batch) => batch !== undefined);
}

describe.each(dialects)("contract fuzz [%s]", (dialect) => {
  let test: TestApp;
  let actors: FuzzActors;
  let routes: FuzzRoute[];

  beforeAll(async () => {
    test = await buildTestApp(dialect);
    actors = await setUpActors(test.app);
    routes = declaredRoutes(test.app).map((route) => ({
      method: route.method,
      url: route.url,
      access: route.access ?? "public",
      schemas: schemasOf(test.app, route.method, route.url),
    }));
  });
  afterAll(async () => test?.close());

  it("answers malformed requests to every route without a server error, refuses each that breaks its contract, and a refused request changes nothing", async () => {
    const cookieOf = { person: actors.people.person.cookie, counsellor: actors.people.counsellor.cookie, client: actors.people.client.cookie };
    const specs = fc.sample(fuzzRequests({ routes, known: actors.known, cookieOf }), { seed, numRuns: requestCount });

    const serverErrors: string[] = [];
    const notRefused: string[] = [];
    const stateChanges: string[] = [];
    const byClass = new Map<string, number>();
    const routesHit = new Set<string>();
    let stateChecked = 0;

    // Better Auth writes each refusal to console.error; thousands of them would bury the summary.
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    for (const batch of batches(specs)) {
      const before = await snapshotDatabase(test.database);
      const outcomes: Outcome[] = [];
      for (const spec of batch) outcomes.push(await send(test.app, spec, cookieOf));
      const allRefused = outcomes.every((outcome) => typeof outcome.status === "number" && outcome.status >= 400 && outcome.status < 500);
      if (allRefused) {
        const changes = diffSnapshots(before, await snapshotDatabase(test.database));
        if (changes.length > 0) stateChanges.push(`${changes.join(", ")} after:\n  ${outcomes.map(describeOutcome).join("\n  ")}`);
        stateChecked += outcomes.length;
      }
      for (const outcome of outcomes) {
        const statusClass = outcome.status === "threw" ? "threw" : `${String(outcome.status).charAt(0)}xx`;
        byClass.set(statusClass, (byClass.get(statusClass) ?? 0) + 1);
        routesHit.add(outcome.spec.route);
        if (outcome.status === "threw" || outcome.status >= 500) serverErrors.push(describeOutcome(outcome));
        else if (outcome.spec.mustReject && (outcome.status < 400 || outcome.status >= 500)) notRefused.push(describeOutcome(outcome));
      }
    }

    quiet.mockRestore();
    const classes = [...byClass.entries()]
      .sort()
      .map(([name, count]) => `${name}: ${count}`)
      .join(", ");
    console.log(
      `contract fuzz [${dialect}] seed ${seed} (replay with FUZZ_SEED=${seed}): ${specs.length} requests (${classes}); ${stateChecked} in all-refused batches checked for database changes`,
    );

    for (const [name, list] of [
      ["server errors", serverErrors],
      ["not refused", notRefused],
    ] as const)
      if (list.length > 0) console.log(`${name}:\n${list.join("\n")}`);
    expect(serverErrors.slice(0, 20), `server errors (${serverErrors.length})`).toEqual([]);
    expect(notRefused.slice(0, 20), `contract-breaking requests answered without a 4xx (${notRefused.length})`).toEqual([]);
    expect(stateChanges.slice(0, 5), `refused requests that changed the database (${stateChanges.length})`).toEqual([]);
    // Not vacuous: every declared route was aimed at, and most requests were checked for changes.
    if (requestCount >= 1000) {
      expect(routes.map((route) => `${route.method} ${route.url}`).filter((route) => !routesHit.has(route))).toEqual([]);
      expect(stateChecked).toBeGreaterThan(requestCount / 3);
    }

    // Still standing: ready, and a person can sign in and read their own data.
    expect((await test.app.inject({ method: "GET", url: "/readyz" })).statusCode).toBe(200);
    const { email, password } = actors.people.person;
    const signedIn = await signIn(test.app, email, password);
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    const me = await test.app.inject({ method: "GET", url: "/api/me", headers: { cookie: sessionCookieFrom(signedIn) } });
    expect(me.statusCode).toBe(200);
    expect(me.json<{ user: { email: string } }>().user.email).toBe(email);
  }, 600_000);
});
