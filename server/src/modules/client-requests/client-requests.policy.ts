// Pure rules of counsellors' requests (decision 047): where a request stands, and when it expires and reminds.
import { DEFAULT_REQUEST_EXPIRY_DAYS, DEFAULT_REQUEST_REMINDER_DAYS, type ClientRequestKind, type CreateClientRequestBody } from "@mutual/core";

const dayMs = 86_400_000;

export type RequestStatus = "open" | "done" | "declined" | "expired" | "cancelled";

/** Which of the client's shares a request needs: a counsellor asks only for what they are let see. */
export function scopeNeededFor(kind: ClientRequestKind): "check-ins" | "profile" {
  return kind === "check-in" ? "check-ins" : "profile";
}

/** Where a request stands now: declined or cancelled as stored; else done once the person did it after it was made; else expired past its time. */
export function statusOf(
  request: { kind: ClientRequestKind; status: "open" | "declined" | "cancelled"; createdAtMs: number; expiresAtMs: number | null },
  doings: { checkInAtMs: number | null; profileAtMs: number | null },
  nowMs: number,
): RequestStatus {
  if (request.status !== "open") return request.status;
  const doneAt = request.kind === "check-in" ? doings.checkInAtMs : doings.profileAtMs;
  if (doneAt !== null && doneAt >= request.createdAtMs) return "done";
  if (request.expiresAtMs !== null && nowMs >= request.expiresAtMs) return "expired";
  return "open";
}

/** The expiry and the one reminder's time of a new request; the reminder only if it comes before the expiry. */
export function timesOf(
  body: Pick<CreateClientRequestBody, "expiresInDays" | "remindAfterDays">,
  nowMs: number,
): { expiresAtMs: number | null; reminderAtMs: number | null } {
  const expiresInDays = body.expiresInDays === undefined ? DEFAULT_REQUEST_EXPIRY_DAYS : body.expiresInDays;
  const remindAfterDays = body.remindAfterDays === undefined ? DEFAULT_REQUEST_REMINDER_DAYS : body.remindAfterDays;
  const expiresAtMs = expiresInDays === null ? null : nowMs + expiresInDays * dayMs;
  const reminderAtMs = remindAfterDays === null ? null : nowMs + remindAfterDays * dayMs;
  return { expiresAtMs, reminderAtMs: reminderAtMs !== null && (expiresAtMs === null || reminderAtMs < expiresAtMs) ? reminderAtMs : null };
}
