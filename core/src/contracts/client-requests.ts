// A counsellor's request that a client do this week's check-in or take the profile again
// (issue 17, decision 047): it expires (4 days unless chosen, 1 to 30, or never) and sends one
// reminder before it does (after 2 days unless chosen). The client sees open requests and can decline.
import { z } from "zod";
import { pathIdSchema } from "./path-id.js";

export const CLIENT_REQUEST_KINDS = ["check-in", "profile"] as const;
export type ClientRequestKind = (typeof CLIENT_REQUEST_KINDS)[number];

export const DEFAULT_REQUEST_EXPIRY_DAYS = 4;
export const DEFAULT_REQUEST_REMINDER_DAYS = 2;

/** POST /api/practices/:practiceId/clients/:clientId/requests */
export const createClientRequestBodySchema = z
  .object({
    kind: z.enum(CLIENT_REQUEST_KINDS),
    /** Days until it expires, 1 to 30; null for never. Omitted: 4. */
    expiresInDays: z.int().min(1).max(30).nullable().optional(),
    /** Days until the one reminder, which must come before the expiry; null for none. Omitted: 2 (or none when it expires sooner). */
    remindAfterDays: z.int().min(1).max(29).nullable().optional(),
  })
  .strict();
export type CreateClientRequestBody = z.infer<typeof createClientRequestBodySchema>;

export const clientRequestParamsSchema = z.object({ practiceId: pathIdSchema(200), clientId: pathIdSchema(100) });
export const ownRequestParamsSchema = z.object({ requestId: pathIdSchema(100) });

/** A request as the counsellor sees it: whom it asked (by name), what, and where it stands. */
export const counsellorRequestSchema = z.object({
  id: z.string(),
  kind: z.enum(CLIENT_REQUEST_KINDS),
  memberName: z.string(),
  status: z.enum(["open", "done", "declined", "expired", "cancelled"]),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
});
export const counsellorRequestsResponseSchema = z.object({ requests: z.array(counsellorRequestSchema) });
export type CounsellorRequestsResponse = z.infer<typeof counsellorRequestsResponseSchema>;

/** An open request as the client sees it on their home page. */
export const openRequestSchema = z.object({
  id: z.string(),
  kind: z.enum(CLIENT_REQUEST_KINDS),
  counsellorName: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
});
export const openRequestsResponseSchema = z.object({ requests: z.array(openRequestSchema) });
export type OpenRequest = z.infer<typeof openRequestSchema>;
export type OpenRequestsResponse = z.infer<typeof openRequestsResponseSchema>;
