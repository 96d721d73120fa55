// The counsellor's dashboard and client detail (decision 016): only the client's own counsellor,
// with two-step sign-in on, sees these, and only within the scopes each client member shares now.
import { z } from "zod";
import { pathIdSchema } from "./path-id.js";
import { scoredCheckInAnswersSchema, trendSignalSchema } from "./check-in.js";
import { clientKindSchema, counsellingScopeSchema } from "./counselling.js";
import { practiceIdSchema } from "./practice.js";
import { changeScoreKeySchema, normSourceSchema, patternCodeSchema } from "./profile.js";
import { translationStatusSchema } from "./assessment.js";
import { languageSchema } from "./preferences.js";

/** A profile's shareable flags: never the safety check, so they may stand on a page meant for a couple. */
export const SHAREABLE_FLAG_IDS = [
  "power-imbalance",
  "codependency-risk",
  "low-intimacy",
  "low-support",
  "difference-reflection",
  "social-withdrawal",
] as const;
export const shareableFlagIdSchema = z.enum(SHAREABLE_FLAG_IDS);
export type ShareableFlagId = z.infer<typeof shareableFlagIdSchema>;

/** Flags on a counsellor's own list of clients: the shareable ones, and "safety" only with the safety scope. */
export const COUNSELLOR_FLAG_IDS = [...SHAREABLE_FLAG_IDS, "safety"] as const;
export const counsellorFlagIdSchema = z.enum(COUNSELLOR_FLAG_IDS);
export type CounsellorFlagId = z.infer<typeof counsellorFlagIdSchema>;

export const DASHBOARD_SORTS = ["name", "we", "me", "lastCheckIn", "offTrack"] as const;
export type DashboardSort = (typeof DASHBOARD_SORTS)[number];

/** Days without a check-in after which a client member who shares check-ins is overdue. */
export const OVERDUE_AFTER_DAYS = 10;

const booleanFlag = z.enum(["true", "false"]).transform((value) => value === "true");

/** GET /api/practices/:practiceId/dashboard query. Unknown or malformed parameters are refused (400). */
export const dashboardQuerySchema = z
  .object({
    sort: z.enum(DASHBOARD_SORTS).default("name"),
    order: z.enum(["asc", "desc"]).default("asc"),
    flag: counsellorFlagIdSchema.optional(),
    overdue: booleanFlag.optional(),
    offTrack: booleanFlag.optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

export const changeClassSchema = z.enum(["improved", "no-reliable-change", "deteriorated"]);
export type ChangeClassView = z.infer<typeof changeClassSchema>;

/** Reliable change since intake, per score key (present only where both profiles have the score). */
export const changeSinceIntakeSchema = z.object({
  intakeAt: z.string(),
  latestAt: z.string(),
  scores: z.array(z.object({ key: changeScoreKeySchema, before: z.number(), after: z.number(), rci: z.number(), classification: changeClassSchema })),
});

/**
 * Why a client is off track: a score reliably worse since intake, a flag new since the counsellor last
 * looked, or a We or Me pulse in a sustained decline as of the member's latest check-in (decision 035).
 */
export const OFF_TRACK_REASONS = ["deteriorated", "new-flag", "pulse-decline"] as const;
export const offTrackReasonSchema = z.enum(OFF_TRACK_REASONS);
export type OffTrackReason = z.infer<typeof offTrackReasonSchema>;

/** One person of a client on the dashboard. `profile` is null without the profile scope; `checkIns` null without the check-ins scope. */
export const dashboardMemberSchema = z.object({
  name: z.string(),
  scopes: z.array(counsellingScopeSchema),
  since: z.string(),
  profile: z
    .object({
      /** Null when the person has not completed a profile yet. */
      latest: z
        .object({
          completedAt: z.string(),
          we: z.number().nullable(),
          me: z.number().nullable(),
          pattern: patternCodeSchema.nullable(),
          /** Shareable flags; "safety" appears only with the safety scope. */
          flags: z.array(counsellorFlagIdSchema),
        })
        .nullable(),
      /** Null until there is a profile after the intake one. */
      change: changeSinceIntakeSchema.nullable(),
    })
    .nullable(),
  checkIns: z.object({ lastWeek: z.string().nullable(), lastAt: z.string().nullable(), overdue: z.boolean() }).nullable(),
});
export type DashboardMember = z.infer<typeof dashboardMemberSchema>;

export const dashboardRowSchema = z.object({
  clientId: z.string(),
  kind: clientKindSchema,
  /** The members' names, joined. */
  name: z.string(),
  members: z.array(dashboardMemberSchema),
  overdue: z.boolean(),
  offTrack: z.boolean(),
  offTrackReasons: z.array(offTrackReasonSchema),
  lastCheckInAt: z.string().nullable(),
});
export type DashboardRow = z.infer<typeof dashboardRowSchema>;

export const dashboardResponseSchema = z.object({
  rows: z.array(dashboardRowSchema),
  /** How many clients match; with `totalCapped`, more than this many do (decision 090). */
  total: z.number().int(),
  /** True when a filtered view's count stopped at its cap: more than `total` clients match. */
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Which reliability figures the reliable-change classifications used. */
  normSource: normSourceSchema,
});
export type DashboardResponse = z.infer<typeof dashboardResponseSchema>;

export const clientDetailParamsSchema = z.object({ practiceId: pathIdSchema(200), clientId: pathIdSchema(100) });

const scoreValuesSchema = z.object({
  CLOSE: z.number().nullable(),
  SUPPORT: z.number().nullable(),
  ACCEPT: z.number().nullable(),
  VOICE: z.number().nullable(),
  SELF: z.number().nullable(),
  TIES: z.number().nullable(),
  RELY: z.number().nullable(),
  WE: z.number().nullable(),
  ME: z.number().nullable(),
  CODEPENDENCY: z.number().nullable(),
});

/**
 * A member's own words, for their counsellor while they share the notes scope: check-in notes and
 * exercise reflections, each newest first, written from `since` on (older ones, and any beyond the
 * server's cap, are in the client's CSV export).
 */
export const clientNotesSchema = z.object({
  since: z.string(),
  checkInNotes: z.array(z.object({ week: z.string(), writtenAt: z.string(), text: z.string() })),
  reflections: z.array(z.object({ exerciseId: z.string(), title: z.string(), practice: practiceIdSchema, completedAt: z.string(), text: z.string() })),
});
export type ClientNotes = z.infer<typeof clientNotesSchema>;

/**
 * What the private safety check of a member's profiles found, for their counsellor alone (with the
 * safety and profile scopes). Never among the flags: those may be talked through with both partners,
 * and this is for the member's own sessions only.
 */
export const clientSafetyCheckSchema = z.object({
  /** The latest profile's check raised a concern. */
  concernNow: z.boolean(),
  /** Every question of the latest profile's check was skipped. */
  skippedNow: z.boolean(),
  /** When a profile's check first and last raised a concern; null if none ever did. */
  firstConcernAt: z.string().nullable(),
  lastConcernAt: z.string().nullable(),
});
export type ClientSafetyCheck = z.infer<typeof clientSafetyCheckSchema>;

/** Words shown with the language they are in, so the page marks each with its own `lang`. */
const textInLanguageSchema = z.object({ lang: languageSchema, text: z.string(), status: translationStatusSchema });

/**
 * The statements of a member's latest profile as they answered them (never the safety check's), for
 * their counsellor with the profile scope: each as it was given and, when the counsellor reads
 * another language, in theirs beside it (decision 085). Answers are ids and numbers: the same
 * whatever language a statement was read in.
 */
export const clientAnswersSchema = z.object({
  completedAt: z.string(),
  /** The language the profile was answered in, or "mixed" when the member switched half-way. */
  answeredIn: z.union([languageSchema, z.literal("mixed")]),
  items: z.array(
    z.object({
      itemId: z.string(),
      value: z.number().int(),
      /** The answer's label in the counsellor's language. */
      answerLabel: z.string(),
      /** As the member read it; English (the source) for a profile answered in more than one language. */
      asGiven: textInLanguageSchema,
      /** In the counsellor's language, when it differs from the language given; else null. */
      inYourLanguage: textInLanguageSchema.nullable(),
    }),
  ),
});
export type ClientAnswers = z.infer<typeof clientAnswersSchema>;

export const clientDetailMemberSchema = z.object({
  name: z.string(),
  scopes: z.array(counsellingScopeSchema),
  since: z.string(),
  profile: z
    .object({
      assessments: z.array(
        z.object({
          completedAt: z.string(),
          isIntake: z.boolean(),
          scores: scoreValuesSchema,
          pattern: patternCodeSchema.nullable(),
          flags: z.array(shareableFlagIdSchema),
        }),
      ),
      change: changeSinceIntakeSchema.nullable(),
      /** Each shareable flag ever raised, with when it was first and last seen and whether the latest profile has it. */
      flagHistory: z.array(z.object({ id: shareableFlagIdSchema, firstSeenAt: z.string(), lastSeenAt: z.string(), present: z.boolean() })),
      /** The latest profile's statements and answers; null before a first profile. */
      latestAnswers: clientAnswersSchema.nullable(),
    })
    .nullable(),
  /** Null without both the safety and the profile scope, or before a first profile. */
  safetyCheck: clientSafetyCheckSchema.nullable(),
  checkIns: z
    .object({
      weeks: z.array(z.object({ week: z.string(), answers: scoredCheckInAnswersSchema })),
      signals: z.array(trendSignalSchema),
      lastAt: z.string().nullable(),
      overdue: z.boolean(),
    })
    .nullable(),
  /** Null without the notes scope (nothing of the notes is read then). */
  notes: clientNotesSchema.nullable(),
});
export type ClientDetailMember = z.infer<typeof clientDetailMemberSchema>;

/** What a counsellor's couple comparison still waits for: codes the web app words. */
export const coupleReportGapSchema = z.discriminatedUnion("reason", [
  z.object({ reason: z.literal("no-shared-profile"), name: z.string() }),
  z.object({ reason: z.literal("partner-not-joined") }),
  // The two unlinked as partners: a comparison of two people who are no longer a couple ends with the link.
  z.object({ reason: z.literal("no-longer-partners") }),
]);
export type CoupleReportGap = z.infer<typeof coupleReportGapSchema>;

/** The couple report a counsellor sees: built only from what each partner shares with the practice. */
export const counsellorCoupleReportSchema = z.object({
  /**
   * What the comparison still waits for: a member who has not shared (or not completed) a profile,
   * by name, or a second partner who has not accepted the invite yet; or why there is none: the two
   * unlinked as partners. Codes, worded by the web app.
   */
  missing: z.array(coupleReportGapSchema),
  dimensions: z.array(
    z.object({
      key: z.enum(["CLOSE", "SUPPORT", "ACCEPT", "VOICE", "SELF", "TIES", "RELY", "WE", "ME"]),
      a: z.number().optional(),
      b: z.number().optional(),
      difference: z.number().optional(),
      isDifferentExperience: z.boolean(),
    }),
  ),
  flags: z.array(z.object({ id: z.string(), severity: z.enum(["low", "medium", "high"]) })),
});

/** GET /api/practices/:practiceId/clients/:clientId */
export const clientDetailResponseSchema = z.object({
  clientId: z.string(),
  kind: clientKindSchema,
  normSource: normSourceSchema,
  /** Half-width of the "between patterns" band on each axis of the We × Me map, from the norms in use (the margin of error). */
  mapBand: z.object({ we: z.number(), me: z.number() }),
  members: z.array(clientDetailMemberSchema),
  /** Null for an individual client. */
  coupleReport: counsellorCoupleReportSchema.nullable(),
});
export type ClientDetailResponse = z.infer<typeof clientDetailResponseSchema>;
