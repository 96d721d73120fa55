import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.js";

// Reads of Better Auth's organization tables (a practice is an organization). Writes go
// through Better Auth's endpoints, which check roles and keep invitations consistent.

/** The practices a person belongs to, with their role, oldest first. */
export function listMembershipsOf(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom("member")
    .innerJoin("organization", "organization.id", "member.organizationId")
    .select(["organization.id as practiceId", "organization.name as name", "member.role as role", "member.createdAt as joinedAt"])
    .where("member.userId", "=", userId)
    .orderBy("member.createdAt")
    .orderBy("organization.id")
    .execute();
}

export function findMembership(db: Kysely<DB>, practiceId: string, userId: string) {
  return db
    .selectFrom("member")
    .select(["member.id as memberId", "member.organizationId as practiceId", "member.userId as userId", "member.role as role"])
    .where("member.organizationId", "=", practiceId)
    .where("member.userId", "=", userId)
    .executeTakeFirst();
}

export function findPractice(db: Kysely<DB>, practiceId: string) {
  return db.selectFrom("organization").select(["id", "name", "createdAt"]).where("id", "=", practiceId).executeTakeFirst();
}

export function listMembers(db: Kysely<DB>, practiceId: string) {
  return db
    .selectFrom("member")
    .innerJoin("user", "user.id", "member.userId")
    .select([
      "member.id as memberId",
      "member.userId as userId",
      "member.role as role",
      "member.createdAt as joinedAt",
      "user.name as name",
      "user.email as email",
    ])
    .where("member.organizationId", "=", practiceId)
    .orderBy("member.createdAt")
    .orderBy("member.id")
    .execute();
}

/** Invitations still pending (expiry is checked by the caller against its clock). */
export function listPendingInvitations(db: Kysely<DB>, practiceId: string) {
  return db
    .selectFrom("invitation")
    .select(["id", "email", "role", "expiresAt", "createdAt"])
    .where("organizationId", "=", practiceId)
    .where("status", "=", "pending")
    .orderBy("createdAt")
    .orderBy("id")
    .execute();
}

/** One invitation with its practice's and inviter's names, whatever its state (the caller checks it is open). */
export function findInvitationWithNames(db: Kysely<DB>, invitationId: string) {
  return db
    .selectFrom("invitation")
    .innerJoin("organization", "organization.id", "invitation.organizationId")
    .innerJoin("user", "user.id", "invitation.inviterId")
    .select(["invitation.status as status", "invitation.expiresAt as expiresAt", "organization.name as practiceName", "user.name as inviterName"])
    .where("invitation.id", "=", invitationId)
    .executeTakeFirst();
}

/** The practices a person belongs to, with every member of each (for hand-over on account deletion). */
export async function listPracticesWithMembersOf(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom("member as mine")
    .innerJoin("member", "member.organizationId", "mine.organizationId")
    .select(["member.organizationId as practiceId", "member.id as memberId", "member.userId as userId", "member.role as role", "member.createdAt as joinedAt"])
    .where("mine.userId", "=", userId)
    .execute();
}

export async function setMemberRole(db: Kysely<DB>, memberId: string, role: string): Promise<void> {
  await db.updateTable("member").set({ role }).where("id", "=", memberId).execute();
}

/** Deletes a practice; its members and invitations go with it (foreign keys cascade). */
export async function deletePractice(db: Kysely<DB>, practiceId: string): Promise<void> {
  await db.deleteFrom("member").where("organizationId", "=", practiceId).execute();
  await db.deleteFrom("invitation").where("organizationId", "=", practiceId).execute();
  await db.deleteFrom("organization").where("id", "=", practiceId).execute();
}

/**
 * Deletes every invitation addressed to this person's email, in any practice: Better Auth keys an
 * invitation by address, not account, so it would outlive the account (decision 030).
 */
export async function deleteInvitationsToPerson(db: Kysely<DB>, userId: string): Promise<void> {
  const person = await db.selectFrom("user").select("email").where("id", "=", userId).executeTakeFirst();
  if (!person) return;
  await db
    .deleteFrom("invitation")
    .where(sql<boolean>`lower(${sql.ref("email")}) = ${person.email.toLowerCase()}`)
    .execute();
}
