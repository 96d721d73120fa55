// The allow-lists of what counselling answers carry, field by field. The counsellor's list of
// clients carries names, kinds, scopes and dates: no scores, answers or notes (phase 3 adds
// those, each read audited).
import type {
  ClientInviteLookupResponse,
  ClientInvitesResponse,
  ClientKind,
  CounsellingRelationsResponse,
  CounsellingScope,
  CreateClientInviteResponse,
  PracticeClientsResponse,
} from "@mutual/core";
import type { ClientInviteRecord } from "./counselling.policy.js";

const iso = (ms: number) => new Date(ms).toISOString();

export function presentLookup(invite: ClientInviteRecord): ClientInviteLookupResponse {
  return { practice: { name: invite.practiceName }, counsellor: { name: invite.counsellorName }, kind: invite.kind, expiresAt: iso(invite.expiresAt) };
}

export function presentRelations(
  relations: ReadonlyArray<{ clientId: string; practiceName: string; counsellorName: string; kind: ClientKind; scopes: CounsellingScope[]; since: number }>,
): CounsellingRelationsResponse {
  return {
    relations: relations.map((relation) => ({
      clientId: relation.clientId,
      practice: { name: relation.practiceName },
      counsellor: { name: relation.counsellorName },
      kind: relation.kind,
      scopes: [...relation.scopes],
      since: iso(relation.since),
    })),
  };
}

export function presentCreatedInvite(invite: { id: string; code: string; kind: ClientKind; createdAt: number; expiresAt: number }): CreateClientInviteResponse {
  return { id: invite.id, code: invite.code, kind: invite.kind, createdAt: iso(invite.createdAt), expiresAt: iso(invite.expiresAt) };
}

export function presentClientInvites(page: {
  rows: ReadonlyArray<{ id: string; kind: ClientKind; createdAt: number; expiresAt: number }>;
  nextCursor: string | null;
}): ClientInvitesResponse {
  return {
    invites: page.rows.map((invite) => ({ id: invite.id, kind: invite.kind, createdAt: iso(invite.createdAt), expiresAt: iso(invite.expiresAt) })),
    nextCursor: page.nextCursor,
  };
}

export function presentClients(page: {
  rows: ReadonlyArray<{ clientId: string; kind: ClientKind; members: ReadonlyArray<{ name: string; since: number; scopes: CounsellingScope[] }> }>;
  nextCursor: string | null;
}): PracticeClientsResponse {
  return {
    clients: page.rows.map((client) => ({
      clientId: client.clientId,
      kind: client.kind,
      members: client.members.map((member) => ({ name: member.name, scopes: [...member.scopes], since: iso(member.since) })),
    })),
    nextCursor: page.nextCursor,
  };
}
