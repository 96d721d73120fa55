import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROVISIONAL_NORMS, SCORE_KEYS, classifyScoreChange, dashboardQuerySchema } from "@mutual/core";
import { safetyCheckOf, shareableFlags } from "./dashboard.policy.js";
import { assessClients, findIntake, firstInOrder, isOverdue, selectPage, summariseClients, type MemberFacts, type ScoreFacts } from "./dashboard.rules.js";

const dayMs = 24 * 60 * 60 * 1000;
const scores = (value: number): ScoreFacts["scores"] => Object.fromEntries(SCORE_KEYS.map((key) => [key, value])) as ScoreFacts["scores"];
const score = (id: string, completedAt: number, value: number, flagIds: string[] = []): ScoreFacts => ({
  assessmentId: id,
  completedAt,
  scores: scores(value),
  pattern: null,
  flagIds,
});

function member(overrides: Partial<MemberFacts> & Pick<MemberFacts, "clientId" | "name">): MemberFacts {
  return {
    kind: "individual",
    userId: overrides.clientId,
    joinedAt: 100 * dayMs,
    scopes: ["profile", "check-ins"],
    scores: [],
    safety: new Map(),
    latestCheckIn: null,
    lastViewedAt: null,
    ...overrides,
  };
}

describe("dashboard policy", () => {
  it("takes as intake the latest profile at or before joining, else the first after", () => {
    const list = [score("a", 10, 50), score("b", 20, 50), score("c", 30, 50)];
    expect(findIntake(list, 20)?.assessmentId).toBe("b");
    expect(findIntake(list, 25)?.assessmentId).toBe("b");
    expect(findIntake(list, 5)?.assessmentId).toBe("a");
    expect(findIntake([], 5)).toBeNull();
  });

  it("is overdue after ten days without a check-in, only when check-ins are shared", () => {
    const now = 1000 * dayMs;
    expect(isOverdue({ scopes: ["check-ins"], latestCheckIn: { week: "w", updatedAtMs: now - 10 * dayMs, isDeclining: false } }, now)).toBe(false);
    expect(isOverdue({ scopes: ["check-ins"], latestCheckIn: { week: "w", updatedAtMs: now - 10 * dayMs - 1, isDeclining: false } }, now)).toBe(true);
    expect(isOverdue({ scopes: ["check-ins"], latestCheckIn: null }, now)).toBe(true);
    expect(isOverdue({ scopes: ["profile"], latestCheckIn: null }, now)).toBe(false);
  });

  it("classifies change as core does, withholds everything of a member without the profile scope, and shows safety only with its scope", () => {
    const list = [score("a", 90 * dayMs, 80, ["low-support"]), score("b", 150 * dayMs, 20, ["low-support"])];
    const [client] = assessClients(
      [member({ clientId: "x", name: "X", scores: list, safety: new Map([["b", { raised: true, skipped: false }]]) })],
      200 * dayMs,
      PROVISIONAL_NORMS,
    );
    const expected = classifyScoreChange(list[0]!.scores, list[1]!.scores, PROVISIONAL_NORMS);
    expect(client!.members[0]!.change!.scores.map((entry) => entry.classification)).toEqual(SCORE_KEYS.map((key) => expected[key]!.classification));
    expect(client!.offTrackReasons).toEqual(["deteriorated", "new-flag"]);
    expect([...client!.flags]).toEqual(["low-support"]);
    const [withSafety] = assessClients(
      [member({ clientId: "x", name: "X", scopes: ["profile", "safety"], scores: list, safety: new Map([["b", { raised: true, skipped: false }]]) })],
      200 * dayMs,
      PROVISIONAL_NORMS,
    );
    expect([...withSafety!.flags]).toEqual(["low-support", "safety"]);
    const [noProfile] = assessClients([member({ clientId: "x", name: "X", scopes: ["check-ins"], scores: list })], 200 * dayMs, PROVISIONAL_NORMS);
    expect(noProfile!.members[0]!.latest).toBeNull();
    expect(noProfile!.offTrackReasons).toEqual([]);
    expect(noProfile!.we).toBeNull();
  });

  it("keeps the safety check out of the shareable flags and sums it up apart, only with both the safety and profile scopes", () => {
    const list = [score("a", 90 * dayMs, 60, ["low-support"]), score("b", 150 * dayMs, 60, ["low-support"]), score("c", 170 * dayMs, 60)];
    const safety = new Map([
      ["a", { raised: true, skipped: false }],
      ["b", { raised: true, skipped: false }],
      ["c", { raised: false, skipped: true }],
    ]);
    const shared = member({ clientId: "x", name: "X", scopes: ["profile", "safety"], scores: list, safety });
    expect(list.map((entry) => shareableFlags(entry))).toEqual([["low-support"], ["low-support"], []]);
    expect(safetyCheckOf(shared)).toEqual({ concernNow: false, skippedNow: true, firstConcernAt: 90 * dayMs, lastConcernAt: 150 * dayMs });
    expect(safetyCheckOf({ ...shared, scopes: ["profile"] })).toBeNull();
    expect(safetyCheckOf({ ...shared, scopes: ["safety"] })).toBeNull();
    expect(safetyCheckOf({ ...shared, scores: [] })).toBeNull();
  });

  it("a pulse in decline as of the latest check-in puts the client off track, only with the check-ins scope", () => {
    const now = 200 * dayMs;
    const declining = { week: "2026-W40", updatedAtMs: now - dayMs, isDeclining: true };
    const [client] = assessClients([member({ clientId: "x", name: "X", scopes: ["check-ins"], latestCheckIn: declining })], now, PROVISIONAL_NORMS);
    expect(client!.offTrackReasons).toEqual(["pulse-decline"]);
    const [steady] = assessClients(
      [member({ clientId: "x", name: "X", scopes: ["check-ins"], latestCheckIn: { ...declining, isDeclining: false } })],
      now,
      PROVISIONAL_NORMS,
    );
    expect(steady!.offTrackReasons).toEqual([]);
    const [notShared] = assessClients([member({ clientId: "x", name: "X", scopes: ["profile"], latestCheckIn: declining })], now, PROVISIONAL_NORMS);
    expect(notShared!.offTrackReasons).toEqual([]);
    const summary = { clientId: "x", name: "X", checkInAt: now - dayMs, latest: null, deteriorated: false, seen: null };
    expect(summariseClients([{ ...summary, scopes: ["check-ins"], declining: true }], now)[0]!.offTrackReasons).toEqual(["pulse-decline"]);
    expect(summariseClients([{ ...summary, scopes: ["check-ins"], declining: false }], now)[0]!.offTrackReasons).toEqual([]);
  });

  it("a flag already there when the counsellor last looked is not new", () => {
    const list = [score("a", 90 * dayMs, 50, ["low-support"])];
    const [seen] = assessClients([member({ clientId: "x", name: "X", scores: list, lastViewedAt: 95 * dayMs })], 200 * dayMs, PROVISIONAL_NORMS);
    expect(seen!.offTrackReasons).toEqual([]);
  });

  it("sorts with absent values last in either order, filters, and cuts pages", () => {
    const clients = assessClients(
      [
        member({ clientId: "a", name: "Ann", scores: [score("1", 1, 30)] }),
        member({ clientId: "b", name: "bob", scores: [score("2", 1, 70)] }),
        member({ clientId: "c", name: "Cy", scopes: ["check-ins"] }),
      ],
      200 * dayMs,
      PROVISIONAL_NORMS,
    );
    const page = (query: Record<string, string>) => selectPage(clients, dashboardQuerySchema.parse(query)).rows.map((row) => row.clientId);
    expect(page({ sort: "we", order: "asc" })).toEqual(["a", "b", "c"]);
    expect(page({ sort: "we", order: "desc" })).toEqual(["b", "a", "c"]);
    expect(page({ sort: "name", order: "desc" })).toEqual(["c", "b", "a"]);
    expect(page({ overdue: "true" })).toEqual(["a", "b", "c"]);
    expect(page({ pageSize: "2", page: "2" })).toEqual(["c"]);
    expect(selectPage(clients, dashboardQuerySchema.parse({ pageSize: "2", page: "2" })).total).toBe(3);
  });

  it("takes the first items of a page exactly as sorting them all would, whatever the page and ties", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.nat()), { maxLength: 300 }), fc.integer({ min: 0, max: 320 }), (pairs, count) => {
        // Ties on the first number are broken by the second and then the position: a total order, as the dashboard's is.
        const items = pairs.map(([key, tie], index) => ({ key, tie, index }));
        const compare = (a: (typeof items)[number], b: (typeof items)[number]) => a.key - b.key || a.tie - b.tie || a.index - b.index;
        expect(firstInOrder(items, count, compare)).toEqual([...items].sort(compare).slice(0, count));
      }),
      { numRuns: 200 },
    );
  });
});
