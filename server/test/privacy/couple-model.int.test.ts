// Model-based test of the couple: random sequences of invite, accept, share, revoke, unlink and
// account deletion across four people, run against the real app. A plain in-memory model says
// who is linked with whom, which invites are open and what each person shares; after EVERY step
// each living person's view through the API must equal the model's answer:
// - GET /api/couple: linked or not, the partner's name, what each shares, my open invite, lastEndedAt;
// - GET /api/couple/report: 404 when not linked; the partner's point and dimension scores only
//   when shared;
// - GET /api/couple/partner/check-ins and /exercises: 404 not linked, 403 not shared, 200 shared;
// - GET /api/data-views of every living person grows by exactly the scopes their partner's reads
//   above carried, each row naming that partner.
// The API only ever answers about a person's current partner, so for an ordered pair (viewer,
// owner) that is not a couple the check is that the viewer's state names no one else and that
// the owner's data views do not grow from the viewer's reads.
//
// Time: the app runs on a test clock that a "wait" command moves on by whole days, so invites
// expire (7 days) and failed code attempts leave the one-hour throttle window as in life. Each
// run starts the clock again at the real time; the model keeps time in days since the run began.
// Real time passing during the test (seconds) never crosses a day or an hour boundary, so
// comparing days is exact: an invite made on day c is open on day d when d - c < 7, and a failed
// attempt made on day f still counts on day d when f >= d (for the server, t > now - 1 hour).
//
// Seed: PRIVACY_MODEL_SEED (default fixed); runs: PRIVACY_MODEL_RUNS.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { SHARE_SCOPES, type CoupleReportResponse, type CoupleStateResponse, type DataViewsResponse, type ShareScope } from "@mutual/core";
import { buildTestApp, type TestApp } from "../build-test-app.js";
import { acceptInvite, cancelInvite, setShares, unlink } from "../couple-helpers.js";
import { sameOrigin } from "../auth-helpers.js";
import { dialects } from "../test-databases.js";
import { newCalmPerson, type Person } from "./privacy-scenarios.js";

const seed = Number(process.env.PRIVACY_MODEL_SEED ?? 5_2026_1124);
const numRuns = Number(process.env.PRIVACY_MODEL_RUNS ?? 25);
const peopleCount = 4;
const maxCommands = 24;
const failedAttemptsLimit = 10;
const profileScopes: readonly ShareScope[] = ["overview", "dimensions"];
const dayMs = 24 * 60 * 60 * 1000;
const inviteDays = 7;
/** Sessions live 14 days from sign-up in real time; the clock never runs further ahead than this. */
const maxDaysAhead = 12;

/** The app's clock: real time plus whole days a run has waited. */
const testClock = { offsetMs: 0, now: () => new Date(Date.now() + testClock.offsetMs) };

type Code = { inviter: number; status: "pending" | "accepted" | "cancelled" | "gone"; acceptedBy?: number; createdDay: number };

type Model = {
  alive: boolean[];
  partner: Array<number | null>;
  shares: Array<Set<ShareScope>>;
  everLinked: boolean[];
  /** Index into `codes` of each person's open invite. */
  pending: Array<number | null>;
  codes: Code[];
  /** Per person, the days (of this run's clock) of failed code attempts the server still keeps. */
  failures: number[][];
  /** Days waited since the run began. */
  day: number;
};

type Real = {
  app: FastifyInstance;
  people: Person[];
  /** The codes as shown, same indexes as the model's. */
  codes: string[];
  /** The ids of each person's data views seen so far. */
  seenViews: Array<Set<string>>;
};

/** Every code handed out, to check that none reaches a log line. */
const allCodes: string[] = [];

const stats = { runs: 0, steps: 0, requests: 0, generated: 0, setupMs: 0, daysWaited: 0 };

/** How often each kind of outcome happened, so a run shows what it exercised. */
const outcomes = new Map<string, number>();
function saw(outcome: string): void {
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
}

function isOpen(code: Code, day: number): boolean {
  return code.status === "pending" && day - code.createdDay < inviteDays;
}

function recentFailures(model: Model, person: number): number {
  return model.failures[person]!.filter((day) => day >= model.day).length;
}

function recordFailure(model: Model, person: number): void {
  model.failures[person] = [...model.failures[person]!.filter((day) => day >= model.day), model.day];
}

async function inject(app: FastifyInstance, options: InjectOptions): Promise<LightMyRequestResponse> {
  stats.requests += 1;
  return app.inject(options);
}

function sorted(scopes: Iterable<ShareScope>): ShareScope[] {
  return SHARE_SCOPES.filter((scope) => new Set(scopes).has(scope));
}

function expectStatus(response: LightMyRequestResponse, status: number, code?: string): void {
  const context = `${response.statusCode} ${response.body.slice(0, 200)}`;
  expect(response.statusCode, context).toBe(status);
  if (code) expect(response.json<{ error: { code: string } }>().error.code, context).toBe(code);
}

function unlinkInModel(model: Model, person: number): void {
  const other = model.partner[person];
  if (other === null || other === undefined) return;
  for (const who of [person, other]) {
    model.partner[who] = null;
    model.shares[who] = new Set();
  }
}

/** After every step: each living person's view through the API equals the model's. */
async function checkViews(model: Model, real: Real): Promise<void> {
  const expectedViews: Array<{ viewer: number; scopes: ShareScope[] }> = model.alive.map(() => ({ viewer: -1, scopes: [] }));
  for (let viewer = 0; viewer < peopleCount; viewer += 1) {
    const person = real.people[viewer]!;
    const headers = { cookie: person.cookie };
    if (!model.alive[viewer]) {
      expectStatus(await inject(real.app, { method: "GET", url: "/api/couple", headers }), 401);
      continue;
    }
    const partner = model.partner[viewer] ?? null;
    const where = `person ${viewer}`;

    const stateResponse = await inject(real.app, { method: "GET", url: "/api/couple", headers });
    expectStatus(stateResponse, 200);
    const state = stateResponse.json<CoupleStateResponse>();
    const pending = model.pending[viewer];
    expect(state.invite !== null, `${where}: open invite`).toBe(pending !== null && pending !== undefined && isOpen(model.codes[pending]!, model.day));
    if (partner === null) {
      expect(state.couple, `${where}: not linked`).toBeNull();
      expect(state.lastEndedAt !== null, `${where}: lastEndedAt`).toBe(model.everLinked[viewer]);
    } else {
      expect(state.couple, `${where}: linked with ${partner}`).not.toBeNull();
      expect(state.couple!.partner).toEqual({ name: real.people[partner]!.name });
      expect(state.couple!.myScopes, `${where}: my scopes`).toEqual(sorted(model.shares[viewer]!));
      expect(state.couple!.partnerScopes, `${where}: partner's scopes`).toEqual(sorted(model.shares[partner]!));
      expect(state.lastEndedAt).toBeNull();
    }

    const report = await inject(real.app, { method: "GET", url: "/api/couple/report", headers });
    const checkIns = await inject(real.app, { method: "GET", url: "/api/couple/partner/check-ins", headers });
    const exercises = await inject(real.app, { method: "GET", url: "/api/couple/partner/exercises", headers });
    if (partner === null) {
      for (const response of [report, checkIns, exercises]) expectStatus(response, 404, "NOT_LINKED");
      continue;
    }
    const theirs = model.shares[partner]!;
    const carried: ShareScope[] = [];
    expectStatus(report, 200);
    const body = report.json<CoupleReportResponse>();
    expect(body.partner).toEqual({ name: real.people[partner]!.name });
    expect(body.shared, `${where}: report shares`).toEqual({ mine: sorted(model.shares[viewer]!), partners: sorted(theirs) });
    expect(body.map.partners !== null, `${where}: partner's point on the map`).toBe(theirs.has("overview"));
    expect(body.map.mine !== null, `${where}: own point on the map`).toBe(model.shares[viewer]!.has("overview"));
    const partnerDimensions = body.dimensions.filter((dimension) => !["WE", "ME"].includes(dimension.code) && dimension.partners !== null);
    expect(partnerDimensions.length > 0, `${where}: partner's dimension scores`).toBe(theirs.has("dimensions"));
    carried.push(...profileScopes.filter((scope) => theirs.has(scope)));
    if (theirs.has("check-in-trends")) {
      expectStatus(checkIns, 200);
      carried.push("check-in-trends");
    } else expectStatus(checkIns, 403, "NOT_SHARED");
    if (theirs.has("exercises")) {
      expectStatus(exercises, 200);
      carried.push("exercises");
    } else expectStatus(exercises, 403, "NOT_SHARED");
    expectedViews[partner] = { viewer, scopes: carried };
    saw(`partner view: ${carried.length} scopes carried`);
  }

  for (let owner = 0; owner < peopleCount; owner += 1) {
    if (!model.alive[owner]) continue;
    // By id, not position: the clock starts again each run, so new views need not sort first.
    const views = await listAllViews(real, owner);
    const expected = expectedViews[owner]!;
    const seen = real.seenViews[owner]!;
    const fresh = views.filter((view) => !seen.has(view.id));
    expect(fresh.length, `person ${owner}: new data views`).toBe(expected.scopes.length);
    expect(fresh.map((view) => view.scope).sort(), `person ${owner}: scopes viewed`).toEqual([...expected.scopes].sort());
    for (const view of fresh) expect(view.viewer).toEqual({ name: real.people[expected.viewer]!.name, role: "partner" });
    for (const view of fresh) seen.add(view.id);
  }
}

async function listAllViews(real: Real, owner: number): Promise<DataViewsResponse["views"]> {
  const views: DataViewsResponse["views"] = [];
  let before: string | null = null;
  do {
    const query: string = before === null ? "" : `&before=${encodeURIComponent(before)}`;
    const response = await inject(real.app, { method: "GET", url: `/api/data-views?limit=100${query}`, headers: { cookie: real.people[owner]!.cookie } });
    expectStatus(response, 200);
    const page = response.json<DataViewsResponse>();
    views.push(...page.views);
    before = page.nextBefore;
  } while (before !== null);
  return views;
}

abstract class Step implements fc.AsyncCommand<Model, Real> {
  constructor(readonly person: number) {}
  check(model: Readonly<Model>): boolean {
    return model.alive[this.person]!;
  }
  async run(model: Model, real: Real): Promise<void> {
    stats.steps += 1;
    await this.act(model, real);
    await checkViews(model, real);
  }
  abstract act(model: Model, real: Real): Promise<void>;
  abstract toString(): string;
}

class Invite extends Step {
  async act(model: Model, real: Real) {
    const response = await inject(real.app, { method: "POST", url: "/api/couple/invite", headers: { ...sameOrigin, cookie: real.people[this.person]!.cookie }, payload: {} });
    if (model.partner[this.person] !== null) return expectStatus(response, 409, "ALREADY_LINKED");
    expectStatus(response, 201);
    const earlier = model.pending[this.person];
    if (earlier !== null && earlier !== undefined) model.codes[earlier]!.status = "cancelled";
    model.codes.push({ inviter: this.person, status: "pending", createdDay: model.day });
    const shown = response.json<{ invite: { code: string } }>().invite.code;
    real.codes.push(shown);
    allCodes.push(shown);
    model.pending[this.person] = model.codes.length - 1;
  }
  toString() {
    return `invite(${this.person})`;
  }
}

class Accept extends Step {
  constructor(person: number, readonly pick: number) {
    super(person);
  }
  override check(model: Readonly<Model>) {
    return super.check(model) && model.codes.length > 0;
  }
  async act(model: Model, real: Real) {
    const index = this.pick % model.codes.length;
    const code = model.codes[index]!;
    stats.requests += 1;
    const response = await acceptInvite(real.app, real.people[this.person]!, real.codes[index]!);
    const me = this.person;
    if (recentFailures(model, me) >= failedAttemptsLimit) {
      saw("accept: throttled");
      return expectStatus(response, 429, "TOO_MANY_ATTEMPTS");
    }
    // Accepting again the invite I accepted, while that link stands: a harmless retry.
    if (code.status === "accepted" && code.acceptedBy === me && model.partner[me] === code.inviter) {
      saw("accept: retry");
      return expectStatus(response, 200);
    }
    // Used, replaced, cancelled, expired or its inviter deleted: one answer, and a failed attempt.
    if (!isOpen(code, model.day)) {
      saw(code.status === "pending" ? "accept: expired" : `accept: ${code.status}`);
      recordFailure(model, me);
      return expectStatus(response, 404, "INVITE_NOT_FOUND");
    }
    if (code.inviter === me) {
      saw("accept: own invite");
      return expectStatus(response, 422, "OWN_INVITE");
    }
    if (model.partner[me] !== null || model.partner[code.inviter] !== null) {
      saw("accept: already linked");
      return expectStatus(response, 409, "ALREADY_LINKED");
    }
    saw("accept: linked");
    expectStatus(response, 200);
    expect(response.json<CoupleStateResponse>().couple?.partner).toEqual({ name: real.people[code.inviter]!.name });
    code.status = "accepted";
    code.acceptedBy = me;
    model.pending[code.inviter] = null;
    // My own open invite closes when I accept someone else's.
    const mine = model.pending[me];
    if (mine !== null && mine !== undefined) model.codes[mine]!.status = "cancelled";
    model.pending[me] = null;
    for (const [who, other] of [[me, code.inviter], [code.inviter, me]] as const) {
      model.partner[who] = other;
      model.shares[who] = new Set();
      model.everLinked[who] = true;
    }
  }
  toString() {
    return `accept(${this.person}, code #${this.pick})`;
  }
}

class Share extends Step {
  constructor(person: number, readonly scopes: ShareScope[]) {
    super(person);
  }
  async act(model: Model, real: Real) {
    await putShares(model, real, this.person, this.scopes);
  }
  toString() {
    return `share(${this.person}, [${this.scopes.join(", ")}])`;
  }
}

class Revoke extends Step {
  constructor(person: number, readonly scope: ShareScope) {
    super(person);
  }
  async act(model: Model, real: Real) {
    await putShares(model, real, this.person, [...model.shares[this.person]!].filter((scope) => scope !== this.scope));
  }
  toString() {
    return `revoke(${this.person}, ${this.scope})`;
  }
}

async function putShares(model: Model, real: Real, person: number, scopes: ShareScope[]): Promise<void> {
  stats.requests += 1;
  const response = await setShares(real.app, real.people[person]!, scopes);
  if (model.partner[person] === null) return expectStatus(response, 409, "NOT_LINKED");
  expectStatus(response, 200);
  model.shares[person] = new Set(scopes);
  expect(response.json<CoupleStateResponse>().couple?.myScopes).toEqual(sorted(scopes));
}

class Unlink extends Step {
  async act(model: Model, real: Real) {
    stats.requests += 1;
    expectStatus(await unlink(real.app, real.people[this.person]!), 204);
    unlinkInModel(model, this.person);
  }
  toString() {
    return `unlink(${this.person})`;
  }
}

/** Days pass: invites may expire and failed attempts leave the throttle window. */
class Wait implements fc.AsyncCommand<Model, Real> {
  constructor(readonly days: number) {}
  check(model: Readonly<Model>) {
    return model.day + this.days <= maxDaysAhead;
  }
  async run(model: Model, real: Real): Promise<void> {
    stats.steps += 1;
    stats.daysWaited += this.days;
    testClock.offsetMs += this.days * dayMs;
    model.day += this.days;
    await checkViews(model, real);
  }
  toString() {
    return `wait(${this.days} days)`;
  }
}

class DeleteAccount extends Step {
  /** Keep at least two people alive, so a run does not spend its steps on nobody. */
  override check(model: Readonly<Model>) {
    return super.check(model) && model.alive.filter(Boolean).length > 2;
  }
  async act(model: Model, real: Real) {
    const who = real.people[this.person]!;
    // From the person's own address: Better Auth limits account deletions per address.
    const response = await inject(real.app, {
      method: "POST",
      url: "/api/auth/delete-user",
      headers: { ...sameOrigin, cookie: who.cookie },
      payload: { password: who.password },
      remoteAddress: who.ip,
    });
    expectStatus(response, 200);
    unlinkInModel(model, this.person);
    model.alive[this.person] = false;
    model.pending[this.person] = null;
    for (const code of model.codes) if (code.inviter === this.person) code.status = "gone";
  }
  toString() {
    return `delete(${this.person})`;
  }
}

const person = fc.integer({ min: 0, max: peopleCount - 1 });
const command = fc.oneof(
  { arbitrary: person.map((p): Step => new Invite(p)), weight: 3 },
  { arbitrary: fc.tuple(person, fc.nat()).map(([p, pick]): Step => new Accept(p, pick)), weight: 3 },
  { arbitrary: fc.tuple(person, fc.subarray([...SHARE_SCOPES])).map(([p, scopes]): Step => new Share(p, scopes)), weight: 3 },
  { arbitrary: fc.tuple(person, fc.constantFrom(...SHARE_SCOPES)).map(([p, scope]): Step => new Revoke(p, scope)), weight: 2 },
  { arbitrary: person.map((p): Step => new Unlink(p)), weight: 1 },
  { arbitrary: person.map((p): Step => new DeleteAccount(p)), weight: 1 },
  { arbitrary: fc.constantFrom(1, 3, 7).map((days): fc.AsyncCommand<Model, Real> => new Wait(days)), weight: 2 },
);
/** Our own array of commands (not fc.commands) so every run is long enough to reach interesting states. */
const commands = fc.array(command, { minLength: 10, maxLength: maxCommands });

/** A person whose failed code attempts are this many or more is replaced: the throttle would hide the rest. */
const replaceAfterFailures = 6;
/** A person with this many data views is replaced too: every check lists them all. */
const replaceAfterViews = 200;

describe.each(dialects)("[%s] couple model: what each person sees equals the model after every step", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: testClock });
  });
  afterAll(async () => t.close());

  it("holds for random sequences of invite, accept, share, revoke, unlink and delete", { timeout: 120_000 }, async () => {
    Object.assign(stats, { runs: 0, steps: 0, requests: 0, generated: 0, setupMs: 0, daysWaited: 0 });
    outcomes.clear();
    allCodes.length = 0;
    const started = Date.now();
    // People are kept from one run to the next (a profile takes ~40 requests to make): each set-up
    // unlinks them and cancels their invites through the API, and replaces anyone deleted or
    // close to the failed-attempts throttle. What a kept person carries over (ever linked, failed
    // attempts, data views seen so far) is carried over in the model too.
    let previous: { model: Model; real: Real } | null = null;
    const setup = async () => {
      stats.runs += 1;
      const setupStarted = Date.now();
      testClock.offsetMs = 0;
      const model: Model = {
        alive: [],
        partner: [],
        shares: [],
        everLinked: [],
        pending: [],
        codes: [],
        failures: [],
        day: 0,
      };
      const real: Real = { app: t.app, people: [], codes: [], seenViews: [] };
      await Promise.all(
        Array.from({ length: peopleCount }, async (_, index) => {
          const kept =
            previous !== null &&
            previous.model.alive[index]! &&
            previous.model.failures[index]!.length < replaceAfterFailures &&
            previous.real.seenViews[index]!.size < replaceAfterViews;
          if (kept) {
            const who = previous!.real.people[index]!;
            expectStatus(await unlink(t.app, who), 204);
            expectStatus(await cancelInvite(t.app, who), 204);
            real.people[index] = who;
            real.seenViews[index] = previous!.real.seenViews[index]!;
            model.everLinked[index] = previous!.model.everLinked[index]!;
            model.failures[index] = previous!.model.failures[index]!;
          } else {
            // Everyone has a profile, so a shared overview or dimensions always has something to carry.
            real.people[index] = await newCalmPerson(t.app, `Model${index}`);
            real.seenViews[index] = new Set();
            model.everLinked[index] = false;
            model.failures[index] = [];
          }
          model.alive[index] = true;
          model.partner[index] = null;
          model.shares[index] = new Set();
          model.pending[index] = null;
        }),
      );
      previous = { model, real };
      stats.setupMs += Date.now() - setupStarted;
      return { model, real };
    };
    await fc.assert(
      fc.asyncProperty(commands, (cmds) => {
        stats.generated += cmds.length;
        return fc.asyncModelRun(setup, cmds);
      }),
      { seed, numRuns },
    );
    // Codes are kept as keyed hashes: not even the debug log may hold one, in either spelling.
    const logged = allCodes.filter((code) => t.logLines.some((line) => line.includes(code) || line.includes(code.replace("-", ""))));
    expect(logged).toEqual([]);
    expect(allCodes.length).toBeGreaterThan(0);
    expect(t.logLines.some((line) => line.includes("/api/couple/accept"))).toBe(true);
    console.log(
      `[${dialect}] couple model: ${numRuns} runs (${stats.runs} set-ups), ${stats.steps} steps (${stats.daysWaited} days waited), ${stats.requests} requests (${stats.generated} commands generated, set-ups ${(stats.setupMs / 1000).toFixed(1)} s), seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
        [...outcomes].sort().map(([outcome, count]) => `${outcome} ×${count}`).join(", "),
    );
  });
});
