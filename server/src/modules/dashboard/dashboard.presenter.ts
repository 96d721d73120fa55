import {
  SCORE_KEYS,
  placePattern,
  type ClientAnswers,
  type ClientDetailResponse,
  type ShareableFlagId,
  type CoupleComparison,
  type CoupleReportGap,
  type DashboardRow,
  type NormSource,
  type ScoreNorms,
} from "@mutual/core";
import type { CheckInTrends } from "../check-in/index.js";
import { presentMemberNotes, type MemberNotes } from "./client-notes.js";
import { safetyCheckOf, shareableFlags } from "./dashboard.policy.js";
import {
  changeSinceIntake,
  findIntake,
  isOverdue,
  type ChangeSinceIntake,
  type ClientState,
  type MemberState,
  type SafetyCheckSummary,
} from "./dashboard.rules.js";

const iso = (ms: number) => new Date(ms).toISOString();
type Pattern = NonNullable<NonNullable<DashboardRow["members"][number]["profile"]>["latest"]>["pattern"];

function presentChange(change: ChangeSinceIntake | null) {
  return change ? { intakeAt: iso(change.intake.completedAt), latestAt: iso(change.latest.completedAt), scores: change.scores } : null;
}

function presentMember(state: MemberState, now: number): DashboardRow["members"][number] {
  const { facts } = state;
  const sharesProfile = facts.scopes.includes("profile");
  return {
    name: facts.name,
    scopes: [...facts.scopes].sort(),
    since: iso(facts.joinedAt),
    profile: sharesProfile
      ? {
          latest: state.latest
            ? {
                completedAt: iso(state.latest.completedAt),
                we: state.latest.scores.WE,
                me: state.latest.scores.ME,
                pattern: state.latest.pattern as Pattern,
                flags: state.latestFlags,
              }
            : null,
          change: presentChange(state.change),
        }
      : null,
    checkIns: facts.scopes.includes("check-ins")
      ? {
          lastWeek: facts.latestCheckIn?.week ?? null,
          lastAt: facts.latestCheckIn ? iso(facts.latestCheckIn.updatedAtMs) : null,
          overdue: isOverdue(facts, now),
        }
      : null,
  };
}

export function presentDashboardRow(client: ClientState, now: number): DashboardRow {
  return {
    clientId: client.clientId,
    kind: client.kind,
    name: client.name,
    members: client.members.map((member) => presentMember(member, now)),
    overdue: client.overdue,
    offTrack: client.offTrackReasons.length > 0,
    offTrackReasons: client.offTrackReasons,
    lastCheckInAt: client.lastCheckInAt === null ? null : iso(client.lastCheckInAt),
  };
}

/** Shareable flags only: the safety check has its own section (safetyCheckOf), never a place among these. */
function flagHistory(state: MemberState) {
  const history = new Map<ShareableFlagId, { firstSeenAt: number; lastSeenAt: number }>();
  for (const score of state.facts.scores) {
    for (const flag of shareableFlags(score)) {
      const entry = history.get(flag);
      history.set(flag, { firstSeenAt: entry?.firstSeenAt ?? score.completedAt, lastSeenAt: score.completedAt });
    }
  }
  const present = new Set<string>(state.latestFlags);
  return [...history].map(([id, entry]) => ({ id, firstSeenAt: iso(entry.firstSeenAt), lastSeenAt: iso(entry.lastSeenAt), present: present.has(id) }));
}

function presentSafetyCheck(check: SafetyCheckSummary | null): ClientDetailResponse["members"][number]["safetyCheck"] {
  if (!check) return null;
  return {
    concernNow: check.concernNow,
    skippedNow: check.skippedNow,
    firstConcernAt: check.firstConcernAt === null ? null : iso(check.firstConcernAt),
    lastConcernAt: check.lastConcernAt === null ? null : iso(check.lastConcernAt),
  };
}

function presentCoupleReport(report: { missing: CoupleReportGap[]; comparison: CoupleComparison | null }): NonNullable<ClientDetailResponse["coupleReport"]> {
  return {
    missing: report.missing,
    dimensions: (report.comparison?.dimensions ?? []).map((entry) => ({
      key: entry.key,
      ...(entry.a === undefined ? {} : { a: entry.a }),
      ...(entry.b === undefined ? {} : { b: entry.b }),
      ...(entry.difference === undefined ? {} : { difference: entry.difference }),
      isDifferentExperience: entry.isDifferentExperience,
    })),
    flags: (report.comparison?.flags ?? []).map((flag) => ({ id: flag.id, severity: flag.severity })),
  };
}

export function presentClientDetail(
  client: ClientState,
  checkIns: ReadonlyMap<string, CheckInTrends>,
  notes: ReadonlyMap<string, MemberNotes>,
  coupleReport: { missing: CoupleReportGap[]; comparison: CoupleComparison | null } | null,
  normSource: NormSource,
  now: number,
  norms: ScoreNorms,
  answers: ReadonlyMap<string, ClientAnswers> = new Map(),
): ClientDetailResponse {
  return {
    clientId: client.clientId,
    kind: client.kind,
    normSource,
    mapBand: placePattern(50, 50, norms).band,
    members: client.members.map((state) => {
      const { facts } = state;
      const intake = findIntake(facts.scores, facts.joinedAt);
      const trends = checkIns.get(facts.userId);
      const memberNotes = notes.get(facts.userId);
      return {
        name: facts.name,
        scopes: [...facts.scopes].sort(),
        since: iso(facts.joinedAt),
        profile: facts.scopes.includes("profile")
          ? {
              assessments: facts.scores.map((score) => ({
                completedAt: iso(score.completedAt),
                isIntake: score.assessmentId === intake?.assessmentId,
                scores: Object.fromEntries(SCORE_KEYS.map((key) => [key, score.scores[key]])) as Record<(typeof SCORE_KEYS)[number], number | null>,
                pattern: score.pattern as Pattern,
                flags: shareableFlags(score),
              })),
              change: presentChange(changeSinceIntake(facts.scores, facts.joinedAt, norms)),
              flagHistory: flagHistory(state),
              latestAnswers: answers.get(facts.userId) ?? null,
            }
          : null,
        checkIns:
          facts.scopes.includes("check-ins") && trends
            ? {
                weeks: trends.weeks,
                signals: trends.signals,
                lastAt: facts.latestCheckIn ? iso(facts.latestCheckIn.updatedAtMs) : null,
                overdue: isOverdue(facts, now),
              }
            : null,
        safetyCheck: presentSafetyCheck(safetyCheckOf(facts)),
        notes: facts.scopes.includes("notes") && memberNotes ? presentMemberNotes(memberNotes) : null,
      };
    }),
    coupleReport: coupleReport ? presentCoupleReport(coupleReport) : null,
  };
}
