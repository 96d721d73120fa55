// The counsellor's dashboard rules (decision 016): intake, reliable change since intake, overdue,
// off track, and the server-side filter, sort and pagination. Pure: every input is already limited
// to what the member shares now, and what a counsellor may see is the policy's (dashboard.policy.ts).
import {
  OVERDUE_AFTER_DAYS,
  type OffTrackReason,
  SCORE_KEYS,
  classifyScoreChange,
  type CounsellingScope,
  type CounsellorFlagId,
  type DashboardQuery,
  type ScoreKey,
  type ScoreNorms,
} from "@mutual/core";
import type { MemberFacts, ScoreFacts } from "./dashboard.facts.js";
import { visibleFlags } from "./dashboard.policy.js";

export type { MemberFacts, SafetyCheckFacts, SafetyCheckSummary, ScoreFacts } from "./dashboard.facts.js";

const dayMs = 24 * 60 * 60 * 1000;

export type ChangeSinceIntake = {
  intake: ScoreFacts;
  latest: ScoreFacts;
  scores: Array<{ key: ScoreKey; before: number; after: number; rci: number; classification: "improved" | "no-reliable-change" | "deteriorated" }>;
};

/**
 * The intake profile: the latest completed at or before the moment the member accepted the
 * invitation, or else the first completed after it; null when there is none.
 */
export function findIntake<T extends { completedAt: number }>(scores: readonly T[], joinedAt: number): T | null {
  let before: T | null = null;
  for (const score of scores) {
    if (score.completedAt <= joinedAt) before = score;
    else return before ?? score;
  }
  return before;
}

/** Reliable change from the intake profile to the latest, per score; null until there is a profile after the intake. */
export function changeSinceIntake(scores: readonly ScoreFacts[], joinedAt: number, norms: ScoreNorms): ChangeSinceIntake | null {
  const intake = findIntake(scores, joinedAt);
  const latest = scores.at(-1);
  if (!intake || !latest || latest.assessmentId === intake.assessmentId) return null;
  const classified = classifyScoreChange(intake.scores, latest.scores, norms);
  return {
    intake,
    latest,
    scores: SCORE_KEYS.flatMap((key) => {
      const entry = classified[key];
      return entry ? [{ key, before: entry.before, after: entry.after, rci: entry.rci, classification: entry.classification }] : [];
    }),
  };
}

/** Overdue: shares check-ins and has none in the last OVERDUE_AFTER_DAYS days (or none at all). */
export function isOverdue(member: Pick<MemberFacts, "scopes" | "latestCheckIn">, now: number): boolean {
  if (!member.scopes.includes("check-ins")) return false;
  return member.latestCheckIn === null || now - member.latestCheckIn.updatedAtMs > OVERDUE_AFTER_DAYS * dayMs;
}

export type MemberState = {
  facts: MemberFacts;
  latest: ScoreFacts | null;
  latestFlags: CounsellorFlagId[];
  change: ChangeSinceIntake | null;
  overdue: boolean;
  deteriorated: boolean;
  newFlag: boolean;
  /** A pulse in a sustained decline as of the latest check-in (only with the check-ins scope). */
  declining: boolean;
};

/** Everything the dashboard says of one member, from their facts alone. */
export function assessMember(facts: MemberFacts, now: number, norms: ScoreNorms): MemberState {
  const sharesProfile = facts.scopes.includes("profile");
  const latest = sharesProfile ? (facts.scores.at(-1) ?? null) : null;
  const latestFlags = latest ? visibleFlags(latest, facts) : [];
  const change = sharesProfile ? changeSinceIntake(facts.scores, facts.joinedAt, norms) : null;
  // Flags at the counsellor's last look: those of the latest profile completed by then (none if never looked).
  let seen: ScoreFacts | undefined;
  if (facts.lastViewedAt !== null) for (const score of facts.scores) if (score.completedAt <= facts.lastViewedAt) seen = score;
  const seenFlags = new Set(seen ? visibleFlags(seen, facts) : []);
  return {
    facts,
    latest,
    latestFlags,
    change,
    overdue: isOverdue(facts, now),
    deteriorated: change?.scores.some((entry) => entry.classification === "deteriorated") ?? false,
    newFlag: latestFlags.some((flag) => !seenFlags.has(flag)),
    declining: facts.scopes.includes("check-ins") && facts.latestCheckIn?.isDeclining === true,
  };
}

export type ClientState = {
  clientId: string;
  kind: "individual" | "couple";
  name: string;
  members: MemberState[];
  overdue: boolean;
  offTrackReasons: OffTrackReason[];
  lastCheckInAt: number | null;
  we: number | null;
  me: number | null;
  flags: ReadonlySet<CounsellorFlagId>;
};

function mean(values: ReadonlyArray<number | null>): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length === 0 ? null : present.reduce((sum, value) => sum + value, 0) / present.length;
}

/** Groups members into clients (members in the order given) with the row-level verdicts. */
export function assessClients(members: readonly MemberFacts[], now: number, norms: ScoreNorms): ClientState[] {
  const byClient = new Map<string, MemberState[]>();
  for (const facts of members) {
    const list = byClient.get(facts.clientId) ?? [];
    list.push(assessMember(facts, now, norms));
    byClient.set(facts.clientId, list);
  }
  return [...byClient.values()].map((states) => {
    const first = states[0]!.facts;
    const reasons: ClientState["offTrackReasons"] = [];
    if (states.some((state) => state.deteriorated)) reasons.push("deteriorated");
    if (states.some((state) => state.newFlag)) reasons.push("new-flag");
    if (states.some((state) => state.declining)) reasons.push("pulse-decline");
    const checkIns = states.flatMap((state) => (state.facts.latestCheckIn ? [state.facts.latestCheckIn.updatedAtMs] : []));
    return {
      clientId: first.clientId,
      kind: first.kind,
      name: states.map((state) => state.facts.name).join(" & "),
      members: states,
      overdue: states.some((state) => state.overdue),
      offTrackReasons: reasons,
      lastCheckInAt: checkIns.length === 0 ? null : Math.max(...checkIns),
      we: mean(states.map((state) => state.latest?.scores.WE ?? null)),
      me: mean(states.map((state) => state.latest?.scores.ME ?? null)),
      flags: new Set(states.flatMap((state) => state.latestFlags)),
    };
  });
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** What filtering and sorting need of a client (a full ClientState, or a summary of one). */
export type Sortable = Pick<ClientState, "clientId" | "name" | "overdue" | "offTrackReasons" | "lastCheckInAt" | "we" | "me" | "flags">;

/** One member as the dashboard-wide query summarises them (see the client-summary module, decision 018). */
export type MemberSummaryFacts = {
  clientId: string;
  name: string;
  scopes: readonly CounsellingScope[];
  checkInAt: number | null;
  latest: { we: number | null; me: number | null; flagIds: readonly string[]; safety: boolean } | null;
  deteriorated: boolean;
  /** A pulse in a sustained decline as of the latest check-in; stored only with the check-ins scope. */
  declining: boolean;
  seen: { flagIds: readonly string[]; safety: boolean } | null;
};

const noFlags: ReadonlySet<CounsellorFlagId> = new Set();

/**
 * The same verdicts as assessClients, from one narrow summary row per member, for every client
 * at once. No longer on the request path: the dashboard pages in SQL (decision 063), and this,
 * with selectPage, is the reference its order, filters and counts are held to
 * (dashboard-order.int.test.ts).
 */
export function summariseClients(members: readonly MemberSummaryFacts[], now: number): Sortable[] {
  const overdueBefore = now - OVERDUE_AFTER_DAYS * dayMs;
  const result: Sortable[] = [];
  let index = 0;
  while (index < members.length) {
    const clientId = members[index]!.clientId;
    let name = "";
    let overdue = false;
    let deteriorated = false;
    let newFlag = false;
    let declining = false;
    let lastCheckInAt: number | null = null;
    let weSum = 0;
    let weCount = 0;
    let meSum = 0;
    let meCount = 0;
    // Made only for a client with a flag: most have none, and 5,000 empty sets a request add up.
    let flags: Set<CounsellorFlagId> | null = null;
    for (; index < members.length && members[index]!.clientId === clientId; index += 1) {
      const member = members[index]!;
      name = name === "" ? member.name : `${name} & ${member.name}`;
      if (member.scopes.includes("check-ins")) {
        if (member.checkInAt === null || member.checkInAt < overdueBefore) overdue = true;
        if (member.checkInAt !== null && (lastCheckInAt === null || member.checkInAt > lastCheckInAt)) lastCheckInAt = member.checkInAt;
        if (member.declining) declining = true;
      }
      const latest = member.latest;
      if (!latest || !member.scopes.includes("profile")) continue;
      if (member.deteriorated) deteriorated = true;
      if (latest.we !== null) {
        weSum += latest.we;
        weCount += 1;
      }
      if (latest.me !== null) {
        meSum += latest.me;
        meCount += 1;
      }
      const seen = member.seen;
      for (const flag of latest.flagIds) {
        (flags ??= new Set()).add(flag as CounsellorFlagId);
        if (!seen || !seen.flagIds.includes(flag)) newFlag = true;
      }
      if (member.scopes.includes("safety") && latest.safety) {
        (flags ??= new Set()).add("safety");
        if (!seen || !seen.safety) newFlag = true;
      }
    }
    const reasons: ClientState["offTrackReasons"] = [];
    if (deteriorated) reasons.push("deteriorated");
    if (newFlag) reasons.push("new-flag");
    if (declining) reasons.push("pulse-decline");
    result.push({
      clientId,
      name,
      overdue,
      offTrackReasons: reasons,
      lastCheckInAt,
      we: weCount === 0 ? null : weSum / weCount,
      me: meCount === 0 ? null : meSum / meCount,
      flags: flags ?? noFlags,
    });
  }
  return result;
}

/**
 * The first `count` items in `compare` order (a total order), without sorting them all: a page
 * near the top needs about one comparison per item instead of n log n, and comparing names with
 * the collator is what costs (sorting 5,000 names took ~8 ms, most of a dashboard request).
 * Deeper pages sort everything, as before.
 */
export function firstInOrder<T>(items: readonly T[], count: number, compare: (a: T, b: T) => number): T[] {
  if (count <= 0) return [];
  if (count * 4 >= items.length) return [...items].sort(compare).slice(0, count);
  const best: T[] = [];
  for (const item of items) {
    if (best.length === count && compare(item, best[count - 1]!) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(item, best[middle]!) < 0) high = middle;
      else low = middle + 1;
    }
    best.splice(low, 0, item);
    if (best.length > count) best.pop();
  }
  return best;
}

/**
 * Filter (flag, overdue, off track), sort (absent values last either way, then by name) and cut one
 * page: the rules the SQL page read (client-page.repository.ts) must match, for the equivalence test.
 */
export function selectPage<T extends Sortable>(clients: readonly T[], query: DashboardQuery): { rows: T[]; total: number } {
  const filtered = clients.filter(
    (client) =>
      (query.flag === undefined || client.flags.has(query.flag)) &&
      (query.overdue === undefined || client.overdue === query.overdue) &&
      (query.offTrack === undefined || client.offTrackReasons.length > 0 === query.offTrack),
  );
  const direction = query.order === "desc" ? -1 : 1;
  const byName = (a: T, b: T) => collator.compare(a.name, b.name) || (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0);
  const value = (client: T): number | null =>
    query.sort === "we"
      ? client.we
      : query.sort === "me"
        ? client.me
        : query.sort === "lastCheckIn"
          ? client.lastCheckInAt
          : query.sort === "offTrack"
            ? client.offTrackReasons.length
            : null;
  const compare =
    query.sort === "name"
      ? (a: T, b: T) => direction * byName(a, b)
      : (a: T, b: T) => {
          const x = value(a);
          const y = value(b);
          if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
          return direction * (x - y) || byName(a, b);
        };
  const start = (query.page - 1) * query.pageSize;
  return { rows: firstInOrder(filtered, start + query.pageSize, compare).slice(start), total: filtered.length };
}
