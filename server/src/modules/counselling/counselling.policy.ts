// Pure rules of counselling (decision 015): client invites, who may accept a couple invite,
// and the canonical order of scopes. No I/O; every function is unit-tested.
import { COUNSELLING_SCOPES, type ClientKind, type CounsellingScope } from "@mutual/core";
import { DomainError } from "../../domain/errors.js";
import { inviteCodeNotFound, requireNotOwnInviteCode } from "../invite-codes/index.js";

export type ClientInviteRecord = {
  id: string;
  practiceId: string;
  practiceName: string;
  counsellorId: string;
  counsellorName: string;
  kind: ClientKind;
  createdAt: number;
  expiresAt: number;
  status: "pending" | "accepted" | "cancelled";
  /** The client made by the first acceptance (both kinds); a couple's second partner joins it. */
  clientId: string | null;
};

export const inviteNotFound = () => inviteCodeNotFound("counsellor");

export function requireNotOwnInvite(invite: Pick<ClientInviteRecord, "counsellorId">, userId: string): void {
  requireNotOwnInviteCode(invite.counsellorId, userId, "give it to your client");
}

/** One relation per person and practice: "stop sharing with this practice" then means exactly that. */
export const alreadyClient = () =>
  new DomainError(409, "ALREADY_CLIENT", "You already share with this practice. Change what you share from your counselling page.");

export type CoupleAcceptDecision = { ok: true; isFirst: boolean } | { ok: false; error: DomainError };

/**
 * Whether a person may accept a couple invite: they must be linked with a partner in Mutual;
 * the first acceptor starts the client, and the second must be the first acceptor's current
 * partner. `memberIds` are the people who already accepted this invite's client.
 */
export function decideCoupleAccept(input: { userId: string; partnerId: string | null; memberIds: readonly string[] }): CoupleAcceptDecision {
  if (input.partnerId === null) {
    return {
      ok: false,
      error: new DomainError(409, "NOT_LINKED", "This invite is for a couple: link with your partner in Mutual first, then each of you accepts it."),
    };
  }
  if (input.memberIds.length === 0) return { ok: true, isFirst: true };
  if (input.memberIds.length === 1 && input.memberIds[0] === input.partnerId) return { ok: true, isFirst: false };
  return { ok: false, error: new DomainError(409, "NOT_PARTNER", "This invite is for the partner of the person who accepted it first.") };
}

/** The client's own relation, for changes: someone else's (or none) is not found. */
export function requireClientMember<T>(member: T | null | undefined): T {
  if (!member) throw new DomainError(404, "NOT_FOUND", "Nothing here.");
  return member;
}

/** Scopes in their canonical order, each once (for stable responses). */
export function orderScopes(scopes: Iterable<string>): CounsellingScope[] {
  const set = new Set(scopes);
  return COUNSELLING_SCOPES.filter((scope) => set.has(scope));
}
