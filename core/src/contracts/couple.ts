// Couple API contracts: the partner link, what each partner shares, the couple report, and
// "who viewed my data". SAFE answers and private notes have no scope: no request can name them.
import { z } from "zod";
import { practiceIdSchema } from "./practice.js";
import { dimensionCodeSchema, patternCodeSchema, profileFlagSchema } from "./profile.js";
import { scoredCheckInAnswersSchema, trendSignalSchema } from "./check-in.js";
import { counsellingScopeSchema } from "./counselling.js";

/**
 * What one partner may choose to show the other, one scope at a time:
 * - overview: pattern and the We and Me scores
 * - dimensions: the seven dimension scores (with how much backing they give and feel)
 * - check-in-trends: the scored weekly check-in answers (never the note)
 * - exercises: which guided exercises were completed, and when (never the reflection)
 */
export const SHARE_SCOPES = ["overview", "dimensions", "check-in-trends", "exercises"] as const;
export const shareScopeSchema = z.enum(SHARE_SCOPES);
export type ShareScope = z.infer<typeof shareScopeSchema>;

/** An invite code as typed or pasted: normalised and checked on the server (see normalizeInviteCode). */
export const inviteCodeInputSchema = z.string().min(1).max(40);

/** POST /api/couple/invite → 201: the code is shown once; only its keyed hash is stored. */
export const createInviteResponseSchema = z.object({
  invite: z.object({
    /** Ten characters shown as XXXXX-XXXXX; the link carries it after "#" so it never reaches a server log. */
    code: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
  }),
});
export type CreateInviteResponse = z.infer<typeof createInviteResponseSchema>;

/** POST /api/couple/invite/lookup and POST /api/couple/accept body. */
export const inviteCodeBodySchema = z.object({ code: inviteCodeInputSchema }).strict();
export type InviteCodeBody = z.infer<typeof inviteCodeBodySchema>;

/** POST /api/couple/invite/lookup → who invited you, so you can check before you accept. */
export const inviteLookupResponseSchema = z.object({
  inviter: z.object({ name: z.string() }),
  expiresAt: z.string(),
});
export type InviteLookupResponse = z.infer<typeof inviteLookupResponseSchema>;

/** GET /api/couple (and the answer to accept, unlink-free changes and share changes). */
export const coupleStateResponseSchema = z.object({
  /** My invite waiting to be accepted (its code cannot be shown again), or null. */
  invite: z.object({ createdAt: z.string(), expiresAt: z.string() }).nullable(),
  couple: z
    .object({
      since: z.string(),
      partner: z.object({ name: z.string() }),
      /** What I share with my partner. */
      myScopes: z.array(shareScopeSchema),
      /** What my partner shares with me. */
      partnerScopes: z.array(shareScopeSchema),
    })
    .nullable(),
  /** When my last link ended, if I have not linked again since; never says who ended it. */
  lastEndedAt: z.string().nullable(),
});
export type CoupleStateResponse = z.infer<typeof coupleStateResponseSchema>;

/** PUT /api/couple/shares: the whole set of scopes I share from now on (empty = share nothing). */
export const putSharesBodySchema = z
  .object({
    scopes: z
      .array(shareScopeSchema)
      .max(SHARE_SCOPES.length)
      .refine((scopes) => new Set(scopes).size === scopes.length, "each scope at most once"),
  })
  .strict();
export type PutSharesBody = z.infer<typeof putSharesBodySchema>;

const mapPointSchema = z.object({ we: z.number(), me: z.number(), pattern: patternCodeSchema });

const crossPerceptionSchema = z.object({
  /** How much the giver says they back the other (SUPPORT giving, 0–100). */
  giverSays: z.number(),
  /** How backed the other feels (SUPPORT receiving, 0–100). */
  receiverFeels: z.number(),
  gap: z.number(),
  isGap: z.boolean(),
});

/**
 * GET /api/couple/report: built only from what each partner shares (my side too, so both
 * partners see the same numbers). Flags may differ per viewer: the viewer's own private
 * safety screen can turn relationship counselling into individual counselling in their view.
 */
export const coupleReportResponseSchema = z.object({
  partner: z.object({ name: z.string() }),
  /** True once both partners share at least one profile scope and both have a profile. */
  isReady: z.boolean(),
  /**
   * What stands between us and the report (all false once it is ready). Until it is ready the
   * report carries none of my partner's scores: `map.partners`, every `partners`, the
   * cross-perception and the flags stay empty. `partnerProfile` is true only when my partner
   * shares a profile scope but has not completed a profile yet.
   */
  missing: z.object({ myShare: z.boolean(), partnerShare: z.boolean(), myProfile: z.boolean(), partnerProfile: z.boolean() }),
  shared: z.object({ mine: z.array(shareScopeSchema), partners: z.array(shareScopeSchema) }),
  map: z.object({ mine: mapPointSchema.nullable(), partners: mapPointSchema.nullable() }),
  dimensions: z.array(
    z.object({
      code: z.union([dimensionCodeSchema, z.enum(["WE", "ME"])]),
      name: z.string(),
      mine: z.number().nullable(),
      partners: z.number().nullable(),
      /** partners − mine, when both shared it. */
      difference: z.number().nullable(),
      /** The difference is at least `thresholds.differentExperience` points: something to talk about. */
      isDifferentExperience: z.boolean(),
    }),
  ),
  crossPerception: z.object({ iBackPartner: crossPerceptionSchema.nullable(), partnerBacksMe: crossPerceptionSchema.nullable() }),
  flags: z.array(profileFlagSchema),
  thresholds: z.object({ differentExperience: z.number(), voiceGap: z.number(), bothLowClose: z.number(), crossPerceptionGap: z.number() }),
});
export type CoupleReportResponse = z.infer<typeof coupleReportResponseSchema>;

/** GET /api/couple/partner/check-ins: the partner's scored weekly answers, when they share them. */
export const partnerCheckInsResponseSchema = z.object({
  partner: z.object({ name: z.string() }),
  weeks: z.array(z.object({ week: z.string(), answers: scoredCheckInAnswersSchema })),
  signals: z.array(trendSignalSchema),
});
export type PartnerCheckInsResponse = z.infer<typeof partnerCheckInsResponseSchema>;

/** GET /api/couple/partner/exercises: which exercises the partner completed, when they share it. */
export const partnerExercisesResponseSchema = z.object({
  partner: z.object({ name: z.string() }),
  completed: z.array(z.object({ exerciseId: z.string(), title: z.string(), practice: practiceIdSchema, completedAt: z.string() })),
});
export type PartnerExercisesResponse = z.infer<typeof partnerExercisesResponseSchema>;

/** Who may appear in "who viewed my data": a partner, or a counsellor the person shares with (decision 015). */
export const viewerRoleSchema = z.enum(["partner", "counsellor"]);
export type ViewerRole = z.infer<typeof viewerRoleSchema>;

/**
 * A scope in "who viewed my data": a partner's share scope, a counselling scope, or
 * `counselling-request`: a practice read my request for counselling (my name and message; decision 055).
 */
export const viewedScopeSchema = z.union([shareScopeSchema, counsellingScopeSchema, z.literal("counselling-request")]);
export type ViewedScope = z.infer<typeof viewedScopeSchema>;

/** GET /api/data-views?before=…&limit=… */
export const dataViewsQuerySchema = z.object({
  /** Opaque cursor: the previous page's `nextBefore`. */
  before: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type DataViewsQuery = z.infer<typeof dataViewsQuerySchema>;

/** Every view of my data by someone else, newest first. */
export const dataViewsResponseSchema = z.object({
  views: z.array(
    z.object({
      id: z.string(),
      viewer: z.object({ name: z.string(), role: viewerRoleSchema }),
      scope: viewedScopeSchema,
      /** The latest sitting. */
      viewedAt: z.string(),
      /** Every sitting of this viewer with this scope in one short window (decision 064), newest first; viewedAt is the first. */
      sittings: z.array(z.string()).min(1),
    }),
  ),
  nextBefore: z.string().nullable(),
});
export type DataViewsResponse = z.infer<typeof dataViewsResponseSchema>;
