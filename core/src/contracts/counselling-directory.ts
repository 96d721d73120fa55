// The directory of practices on this server and a person's request for counselling (issue 19,
// decisions 054 and 055). A practice's owner lists it (opt-in); anyone may read the directory; a
// signed-in person asks a listed practice, choosing from the start the same scopes a client
// invitation's accept form offers (decision 015).
import { z } from "zod";
import { clientKindSchema, counsellingScopesSchema } from "./counselling.js";
import { pathIdSchema } from "./path-id.js";

/** The languages a listing may name: a fixed list (Singapore's four first), so the filter always matches. */
export const DIRECTORY_LANGUAGES = ["en", "zh", "ms", "ta", "hi", "bn", "id", "tl", "th", "vi", "ja", "ko", "ar", "fr", "de", "es"] as const;
export const directoryLanguageSchema = z.enum(DIRECTORY_LANGUAGES);
export type DirectoryLanguage = z.infer<typeof directoryLanguageSchema>;

export const LISTING_LIMITS = { description: 600, fees: 200, area: 100, contact: 300, message: 1000, declineMessage: 600 } as const;

// C0 and C1 controls but tab and line feed, DEL, line/paragraph separators, bidirectional controls.
// eslint-disable-next-line no-control-regex
const unsafeMultiLine = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
// eslint-disable-next-line no-control-regex
const unsafeOneLine = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

/** Free text someone writes: trimmed, bounded, with no control characters (line breaks only where `multiLine`). */
export function plainTextSchema(maxLength: number, options: { multiLine?: boolean; minLength?: number } = {}) {
  return z
    .string()
    .trim()
    .min(options.minLength ?? 0)
    .max(maxLength)
    .refine((text) => !(options.multiLine ? unsafeMultiLine : unsafeOneLine).test(text), "must not contain control characters");
}

/**
 * Whether a contact is an https link to a named host (no user or password part) or a plain
 * mailto address, written as one URL with no spaces or control characters.
 */
export function isDirectoryContact(value: string): boolean {
  return (
    /^https:\/\/[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+(?::\d{1,5})?(?:[/?#][\x21-\x7E]*)?$/u.test(value) ||
    /^mailto:[A-Za-z0-9.!#$%&'*+=^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/u.test(value)
  );
}

const contactSchema = z.string().trim().min(1).max(LISTING_LIMITS.contact).refine(isDirectoryContact, "must be an https:// link or a mailto: address");

/** PUT /api/practices/:practiceId/listing: the whole listing, which the owner publishes. */
export const putListingBodySchema = z
  .object({
    languages: z
      .array(directoryLanguageSchema)
      .min(1)
      .max(DIRECTORY_LANGUAGES.length)
      .refine((languages) => new Set(languages).size === languages.length, "each language at most once"),
    individual: z.boolean(),
    couple: z.boolean(),
    /** The area where the practice sees people in person; null when it does not. */
    inPersonArea: plainTextSchema(LISTING_LIMITS.area, { minLength: 1 }).nullable(),
    online: z.boolean(),
    fees: plainTextSchema(LISTING_LIMITS.fees, { minLength: 1 }),
    subsidised: z.boolean(),
    description: plainTextSchema(LISTING_LIMITS.description, { multiLine: true, minLength: 1 }),
    contact: contactSchema,
  })
  .strict()
  .refine((listing) => listing.individual || listing.couple, { message: "offer individual or couple counselling", path: ["individual"] })
  .refine((listing) => listing.online || listing.inPersonArea !== null, { message: "offer online or in-person counselling", path: ["online"] });
export type PutListingBody = z.infer<typeof putListingBodySchema>;

/** A listing as everyone sees it in the directory. */
export const directoryEntrySchema = z.object({
  practiceId: z.string(),
  name: z.string(),
  languages: z.array(directoryLanguageSchema),
  individual: z.boolean(),
  couple: z.boolean(),
  inPersonArea: z.string().nullable(),
  online: z.boolean(),
  fees: z.string(),
  subsidised: z.boolean(),
  description: z.string(),
  contact: z.string(),
});
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

/** GET /api/practices/:practiceId/listing: the practice's own listing, for its members; null while unlisted. */
export const practiceListingResponseSchema = z.object({ listing: directoryEntrySchema.nullable() });
export type PracticeListingResponse = z.infer<typeof practiceListingResponseSchema>;

const flagSchema = z.enum(["true", "false"]).transform((value) => value === "true");

/** GET /api/directory?language=&kind=&mode=&subsidised= : each filter optional. */
export const directoryQuerySchema = z
  .object({
    language: directoryLanguageSchema.optional(),
    kind: clientKindSchema.optional(),
    mode: z.enum(["in-person", "online"]).optional(),
    subsidised: flagSchema.optional(),
  })
  .strict();
export type DirectoryQuery = z.input<typeof directoryQuerySchema>;
export type DirectoryFilter = z.output<typeof directoryQuerySchema>;

/** The most listings one answer holds, in name order (a server's practices are few; decision 054). */
export const DIRECTORY_MAX_ENTRIES = 200;

export const directoryResponseSchema = z.object({ practices: z.array(directoryEntrySchema) });
export type DirectoryResponse = z.infer<typeof directoryResponseSchema>;

// ---- asking for counselling ----

/** How many requests one person may have open at once, and start in a day (decision 055). */
export const COUNSELLING_REQUEST_LIMITS = { open: 3, perDay: 5 } as const;

/** POST /api/counselling-requests */
export const createCounsellingRequestBodySchema = z
  .object({
    practiceId: pathIdSchema(200),
    kind: clientKindSchema,
    message: plainTextSchema(LISTING_LIMITS.message, { multiLine: true }).optional(),
    scopes: counsellingScopesSchema,
  })
  .strict();
export type CreateCounsellingRequestBody = z.infer<typeof createCounsellingRequestBodySchema>;

export const counsellingRequestParamsSchema = z.object({ requestId: pathIdSchema(100) });

/** POST /api/counselling-requests/:requestId/confirm: the partner's own scopes. */
export const confirmCounsellingRequestBodySchema = z.object({ scopes: counsellingScopesSchema }).strict();

/**
 * Where a request stands: waiting for the partner's confirmation (couple), sent to the practice,
 * with a counsellor (assigned), accepted (the person is now a client), declined by the practice,
 * or withdrawn (by the person, or declined by the partner).
 */
export const COUNSELLING_REQUEST_STATUSES = ["awaiting-partner", "sent", "assigned", "accepted", "declined", "withdrawn"] as const;
export const counsellingRequestStatusSchema = z.enum(COUNSELLING_REQUEST_STATUSES);
export type CounsellingRequestStatus = z.infer<typeof counsellingRequestStatusSchema>;

/** A request as one of its people sees it. */
export const myCounsellingRequestSchema = z.object({
  id: z.string(),
  practice: z.object({ id: z.string(), name: z.string() }),
  kind: clientKindSchema,
  status: counsellingRequestStatusSchema,
  /** requester: I asked; partner: my partner asked for both of us, and I confirm or decline for myself. */
  myRole: z.enum(["requester", "partner"]),
  /** The other person of a couple request, by their chosen name; null for an individual request. */
  otherName: z.string().nullable(),
  /** The scopes I chose; null while I (the partner) have not confirmed. */
  myScopes: counsellingScopesSchema.nullable(),
  /** What the person who asked wrote to the practice. */
  message: z.string().nullable(),
  /** The practice's words when it declined. */
  declineMessage: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MyCounsellingRequest = z.infer<typeof myCounsellingRequestSchema>;

/** GET /api/counselling-requests (and the answer to every change of mine): newest first. */
export const myCounsellingRequestsResponseSchema = z.object({ requests: z.array(myCounsellingRequestSchema) });
export type MyCounsellingRequestsResponse = z.infer<typeof myCounsellingRequestsResponseSchema>;

/**
 * A request as the practice sees it before anything is shared: the people's chosen names and
 * the message, nothing else of theirs (decision 055).
 */
export const intakeRequestSchema = z.object({
  id: z.string(),
  kind: clientKindSchema,
  names: z.array(z.string()),
  message: z.string().nullable(),
  status: z.enum(["sent", "assigned"]),
  /** The counsellor it is assigned to, by member id and name; null while unassigned. */
  counsellor: z.object({ memberId: z.string(), name: z.string() }).nullable(),
  /** Whether the caller is that counsellor (who accepts or declines). */
  isMine: z.boolean(),
  createdAt: z.string(),
});
export type IntakeRequest = z.infer<typeof intakeRequestSchema>;

/** GET /api/practices/:practiceId/intake: the open requests (owners and admins: all; a counsellor: theirs). */
export const intakeResponseSchema = z.object({ requests: z.array(intakeRequestSchema) });
export type IntakeResponse = z.infer<typeof intakeResponseSchema>;

export const intakeParamsSchema = z.object({ practiceId: pathIdSchema(200), requestId: pathIdSchema(100) });

/** POST …/intake/:requestId/assign: the member (of any role) who counsels them. */
export const assignIntakeBodySchema = z.object({ memberId: pathIdSchema(100) }).strict();

/** POST …/intake/:requestId/decline: a kind message the person reads (the form offers one). */
export const declineIntakeBodySchema = z.object({ message: plainTextSchema(LISTING_LIMITS.declineMessage, { multiLine: true, minLength: 1 }) }).strict();
