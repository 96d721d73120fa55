// The allow-list of what leaves the server about a couple. A partner's data passes only
// through these functions, field by field: never a SAFE answer, a safety flag, a note,
// whether a note exists, or a reflection.
import {
  MODEL_THRESHOLDS,
  flagWordsIn,
  scoreNameIn,
  type Language,
  type CoupleComparison,
  type CoupleReportResponse,
  type CoupleStateResponse,
  type CreateInviteResponse,
  type Instrument,
  type InviteLookupResponse,
  type PartnerCheckInsResponse,
  type PartnerExercisesResponse,
  type Profile,
  type ShareScope,
  type SharedScores,
} from "@mutual/core";
import type { CheckInTrends } from "../check-in/index.js";
import type { CompletedExercise } from "../exercises/index.js";

const iso = (ms: number) => new Date(ms).toISOString();

export function presentCreatedInvite(code: string, createdAt: number, expiresAt: number): CreateInviteResponse {
  return { invite: { code, createdAt: iso(createdAt), expiresAt: iso(expiresAt) } };
}

export function presentLookup(inviterName: string, expiresAt: number): InviteLookupResponse {
  return { inviter: { name: inviterName }, expiresAt: iso(expiresAt) };
}

export function presentState(input: {
  invite: { createdAt: number; expiresAt: number } | null;
  couple: { since: number; partnerName: string; myScopes: ShareScope[]; partnerScopes: ShareScope[] } | null;
  lastEndedAt: number | null;
}): CoupleStateResponse {
  return {
    invite: input.invite === null ? null : { createdAt: iso(input.invite.createdAt), expiresAt: iso(input.invite.expiresAt) },
    couple:
      input.couple === null
        ? null
        : {
            since: iso(input.couple.since),
            partner: { name: input.couple.partnerName },
            myScopes: [...input.couple.myScopes],
            partnerScopes: [...input.couple.partnerScopes],
          },
    lastEndedAt: input.lastEndedAt === null ? null : iso(input.lastEndedAt),
  };
}

type MapPoint = NonNullable<CoupleReportResponse["map"]["mine"]>;

/** A point on the We × Me map, only when the overview is shared and the profile is placed. */
export function presentMapPoint(shared: SharedScores, profile: Profile | null, sharesOverview: boolean): MapPoint | null {
  if (!sharesOverview || profile === null || shared.we === undefined || shared.me === undefined) return null;
  if (profile.pattern.status !== "placed") return null;
  return { we: shared.we, me: shared.me, pattern: profile.pattern.pattern };
}

function presentCross(cross: CoupleComparison["crossPerception"]["aBacksB"]) {
  return cross === undefined ? null : { giverSays: cross.giverSays, receiverFeels: cross.receiverFeels, gap: cross.gap, isGap: cross.isGap };
}

export function presentReport(input: {
  partnerName: string;
  isReady: boolean;
  missing: CoupleReportResponse["missing"];
  mine: ShareScope[];
  partners: ShareScope[];
  map: { mine: MapPoint | null; partners: MapPoint | null };
  comparison: CoupleComparison;
  instrument: Instrument;
  /** The reader's page language: each partner reads the report in their own. */
  language: Language;
}): CoupleReportResponse {
  const { comparison, instrument, language } = input;
  return {
    partner: { name: input.partnerName },
    isReady: input.isReady,
    missing: {
      myShare: input.missing.myShare,
      partnerShare: input.missing.partnerShare,
      myProfile: input.missing.myProfile,
      partnerProfile: input.missing.partnerProfile,
    },
    shared: { mine: [...input.mine], partners: [...input.partners] },
    map: { mine: input.map.mine === null ? null : { ...input.map.mine }, partners: input.map.partners === null ? null : { ...input.map.partners } },
    dimensions: comparison.dimensions.map((entry) => ({
      code: entry.key,
      name: scoreNameIn(instrument, entry.key, language),
      mine: entry.a ?? null,
      partners: entry.b ?? null,
      difference: entry.difference ?? null,
      isDifferentExperience: entry.isDifferentExperience,
    })),
    crossPerception: { iBackPartner: presentCross(comparison.crossPerception.aBacksB), partnerBacksMe: presentCross(comparison.crossPerception.bBacksA) },
    // Couple flags come only from shared scores; a safety flag cannot arise here, and none is let through.
    flags: comparison.flags
      .filter((flag) => flag.id !== "safety" && !flag.isPrivate)
      .map((flag) => {
        const words = flagWordsIn(instrument, flag, language);
        return {
          id: flag.id,
          severity: flag.severity,
          title: words.title,
          explanation: words.explanation,
          practice: flag.practice,
          counselling: flag.counselling,
        };
      }),
    thresholds: {
      differentExperience: MODEL_THRESHOLDS.couple.differentExperience,
      voiceGap: MODEL_THRESHOLDS.couple.voiceGap,
      bothLowClose: MODEL_THRESHOLDS.couple.bothLowClose,
      crossPerceptionGap: MODEL_THRESHOLDS.couple.crossPerceptionGap,
    },
  };
}

export function presentPartnerCheckIns(partnerName: string, trends: CheckInTrends): PartnerCheckInsResponse {
  return {
    partner: { name: partnerName },
    weeks: trends.weeks.map((week) => ({
      week: week.week,
      answers: {
        spokeUp: week.answers.spokeUp,
        feltHeard: week.answers.feltHeard,
        backedPartner: week.answers.backedPartner,
        feltBacked: week.answers.feltBacked,
        friendsFamilyHours: week.answers.friendsFamilyHours,
        wePulse: week.answers.wePulse,
        mePulse: week.answers.mePulse,
      },
    })),
    signals: trends.signals.map((signal) => ({ id: signal.id, title: signal.title, explanation: signal.explanation, practice: signal.practice })),
  };
}

export function presentPartnerExercises(partnerName: string, completed: readonly CompletedExercise[]): PartnerExercisesResponse {
  return {
    partner: { name: partnerName },
    completed: completed.map((entry) => ({
      exerciseId: entry.exerciseId,
      title: entry.title,
      practice: entry.practice,
      completedAt: iso(entry.completedAtMs),
    })),
  };
}
