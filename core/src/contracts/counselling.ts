// Counselling API contracts (decision 015): a counsellor invites a client (a person or a
// couple) by code; each person who accepts chooses, scope by scope, what their counsellor may
// see, and can change it or stop sharing at any time.
import { z } from "zod";
import { nextCursorSchema } from "./pagination.js";
import { pathIdSchema } from "./path-id.js";

/**
 * What a client may let their counsellor see, one scope at a time:
 * - profile: profile scores, pattern and flags (never the safety screen's answers)
 * - check-ins: the scored weekly check-in answers and their trends
 * - safety: the private safety screen's result and its answers
 * - notes: check-in notes and exercise reflections
 */
export const COUNSELLING_SCOPES = ["profile", "check-ins", "safety", "notes"] as const;
export const counsellingScopeSchema = z.enum(COUNSELLING_SCOPES);
export type CounsellingScope = z.infer<typeof counsellingScopeSchema>;

/** What the accept form starts with: profile and check-ins on, safety and notes off. */
export const DEFAULT_COUNSELLING_SCOPES: readonly CounsellingScope[] = ["profile", "check-ins"];

/** An individual (one person) or a couple (two linked partners, each accepting for themselves). */
export const CLIENT_KINDS = ["individual", "couple"] as const;
export const clientKindSchema = z.enum(CLIENT_KINDS);
export type ClientKind = z.infer<typeof clientKindSchema>;

/** A set of counselling scopes, each at most once: what an invitation's accept, a scope change and a request for counselling carry. */
export const counsellingScopesSchema = z
  .array(counsellingScopeSchema)
  .max(COUNSELLING_SCOPES.length)
  .refine((scopes) => new Set(scopes).size === scopes.length, "each scope at most once");

/** A client invite code as typed or pasted (normalised and checked on the server). */
const clientCodeInputSchema = z.string().min(1).max(40);

/** POST /api/counselling/lookup body. */
export const clientCodeBodySchema = z.object({ code: clientCodeInputSchema }).strict();
export type ClientCodeBody = z.infer<typeof clientCodeBodySchema>;

/** POST /api/counselling/lookup → who invites you, so you can check before you accept. */
export const clientInviteLookupResponseSchema = z.object({
  practice: z.object({ name: z.string() }),
  counsellor: z.object({ name: z.string() }),
  kind: clientKindSchema,
  expiresAt: z.string(),
});
export type ClientInviteLookupResponse = z.infer<typeof clientInviteLookupResponseSchema>;

/** POST /api/counselling/accept body: the code and what I share with my counsellor from now on. */
export const acceptClientInviteBodySchema = z.object({ code: clientCodeInputSchema, scopes: counsellingScopesSchema }).strict();
export type AcceptClientInviteBody = z.infer<typeof acceptClientInviteBodySchema>;

/** PUT /api/counselling/:clientId/scopes body: the whole set (empty = share nothing, but stay their client). */
export const putCounsellingScopesBodySchema = z.object({ scopes: counsellingScopesSchema }).strict();
export type PutCounsellingScopesBody = z.infer<typeof putCounsellingScopesBodySchema>;

export const clientIdParamsSchema = z.object({ clientId: pathIdSchema(100) });

/** GET /api/counselling (and the answer to accept and scope changes): my counsellors, one relation each. */
export const counsellingRelationsResponseSchema = z.object({
  relations: z.array(
    z.object({
      clientId: z.string(),
      practice: z.object({ name: z.string() }),
      counsellor: z.object({ name: z.string() }),
      kind: clientKindSchema,
      /** What I share with this counsellor right now. */
      scopes: z.array(counsellingScopeSchema),
      /** When I accepted. */
      since: z.string(),
    }),
  ),
});
export type CounsellingRelationsResponse = z.infer<typeof counsellingRelationsResponseSchema>;

/** POST /api/practices/:practiceId/client-invites body. */
export const createClientInviteBodySchema = z.object({ kind: clientKindSchema }).strict();
export type CreateClientInviteBody = z.infer<typeof createClientInviteBodySchema>;

/** → 201: the code is shown once; only its keyed hash is stored. */
export const createClientInviteResponseSchema = z.object({
  id: z.string(),
  /** XXXXX-XXXXX; the link carries it after "#" (/counselling/join#CODE) so it never reaches a server log. */
  code: z.string(),
  kind: clientKindSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type CreateClientInviteResponse = z.infer<typeof createClientInviteResponseSchema>;

/**
 * GET /api/practices/:practiceId/client-invites?limit=&cursor=: my invites still open in this
 * practice (never the code), oldest first, one page at a time (decision 040).
 */
export const clientInvitesResponseSchema = z.object({
  invites: z.array(z.object({ id: z.string(), kind: clientKindSchema, createdAt: z.string(), expiresAt: z.string() })),
  nextCursor: nextCursorSchema,
});
export type ClientInvitesResponse = z.infer<typeof clientInvitesResponseSchema>;

export const clientInviteParamsSchema = z.object({ practiceId: pathIdSchema(200), inviteId: pathIdSchema(100) });

/**
 * GET /api/practices/:practiceId/clients?limit=&cursor=: my clients in this practice, with who
 * shares what (no scores), oldest first, one page of clients at a time (decision 040).
 */
export const practiceClientsResponseSchema = z.object({
  clients: z.array(
    z.object({
      clientId: z.string(),
      kind: clientKindSchema,
      members: z.array(z.object({ name: z.string(), scopes: z.array(counsellingScopeSchema), since: z.string() })),
    }),
  ),
  nextCursor: nextCursorSchema,
});
export type PracticeClientsResponse = z.infer<typeof practiceClientsResponseSchema>;
