// Pure rules of the couple module: invites, who may see which partner data, and what a
// share choice lets into the couple report. No I/O; every function is unit-tested.
import { SCORED_DIMENSIONS, SHARE_SCOPES, type ProfileShareChoice, type ShareScope } from "@mutual/core";
import { DomainError } from "../../domain/errors.js";
import { inviteCodeNotFound, requireNotOwnInviteCode } from "../invite-codes/index.js";

export type InviteRecord = {
  id: string;
  inviterId: string;
  inviterName: string;
  createdAt: number;
  expiresAt: number;
  status: "pending" | "accepted" | "cancelled";
  acceptedBy: string | null;
};

export type Membership = { coupleId: string; since: number; partnerId: string; partnerName: string };

export const inviteNotFound = () => inviteCodeNotFound("partner");

export function requireNotOwnInvite(invite: Pick<InviteRecord, "inviterId">, userId: string): void {
  requireNotOwnInviteCode(invite.inviterId, userId, "send it to your partner");
}

/** Only ever about the person asking: whether someone else has a partner is not theirs to learn. */
export const alreadyLinked = () => new DomainError(409, "ALREADY_LINKED", "You are already linked with a partner.");

/** For writes that need a partner (shares): 409, the request conflicts with the current state. */
export function requireLinkedForWrite(membership: Membership | null): Membership {
  if (!membership) throw new DomainError(409, "NOT_LINKED", "You are not linked with a partner.");
  return membership;
}

/** For reads of partner data: 404, there is nothing to see. */
export function requireLinkedForRead(membership: Membership | null): Membership {
  if (!membership) throw new DomainError(404, "NOT_LINKED", "You are not linked with a partner.");
  return membership;
}

/** A partner's data behind one scope is readable only while its owner shares that scope. */
export function requireShared(ownerScopes: readonly ShareScope[], scope: ShareScope): void {
  if (!ownerScopes.includes(scope)) throw new DomainError(403, "NOT_SHARED", "Your partner does not share this with you.");
}

/** Scopes in their canonical order, each once (for stable responses). */
export function orderScopes(scopes: Iterable<string>): ShareScope[] {
  const set = new Set(scopes);
  return SHARE_SCOPES.filter((scope) => set.has(scope));
}

/** The profile scopes: what the couple report is built from. */
export const PROFILE_SCOPES: readonly ShareScope[] = ["overview", "dimensions"];

/** What of a profile the chosen scopes let into the couple report. Never SAFE: no scope names it. */
export function profileShareChoice(scopes: readonly ShareScope[]): ProfileShareChoice {
  const choice: ProfileShareChoice = {};
  if (scopes.includes("overview")) choice.axes = true;
  if (scopes.includes("dimensions")) {
    choice.dimensions = [...SCORED_DIMENSIONS];
    choice.subscales = true;
  }
  return choice;
}

/**
 * The partner's scopes a couple report carries: the profile scopes they share, and only when the
 * report is ready (before that it carries none of their data). One audit row is written for each.
 */
export function reportScopesCarried(partnerScopes: readonly ShareScope[], isReady: boolean): ShareScope[] {
  return isReady ? PROFILE_SCOPES.filter((scope) => partnerScopes.includes(scope)) : [];
}

/** Whether these scopes include a profile scope (one the couple report is built from). */
export function sharesProfile(scopes: readonly ShareScope[]): boolean {
  return PROFILE_SCOPES.some((scope) => scopes.includes(scope));
}

export type ReportMissing = { myShare: boolean; partnerShare: boolean; myProfile: boolean; partnerProfile: boolean };

/**
 * What the report still waits for. `partnerProfile` tells only whether a partner who shares a
 * profile scope has a profile (what they chose to show); `partnerHasProfile` is not consulted otherwise.
 */
export function reportMissing(input: {
  mine: readonly ShareScope[];
  partners: readonly ShareScope[];
  myProfile: boolean;
  partnerHasProfile: boolean;
}): ReportMissing {
  const partnerShare = !sharesProfile(input.partners);
  return { myShare: !sharesProfile(input.mine), partnerShare, myProfile: !input.myProfile, partnerProfile: !partnerShare && !input.partnerHasProfile };
}

/** True once both share at least one profile scope and both have a profile: only then may the partner's scores be read. */
export function isReportReady(missing: ReportMissing): boolean {
  return !missing.myShare && !missing.partnerShare && !missing.myProfile && !missing.partnerProfile;
}
