import { randomUUID } from "node:crypto";
import { APIError } from "better-auth/api";
import { organization } from "better-auth/plugins/organization";
import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements } from "better-auth/plugins/organization/access";
import { twoFactor } from "better-auth/plugins/two-factor";
import { PRACTICE_NAME_MAX_LENGTH, chosenNameProblem, languageFromAcceptLanguage } from "@mutual/core";
import { practiceInvitationEmail } from "../platform/email-templates.js";
import type { Mailer } from "../platform/mailer.js";
import { backupCodeStore, generateBackupCodes } from "./backup-codes.js";

// Better Auth's plugins as Mutual uses them (decision 014): practices (organizations) with owner,
// admin and counsellor roles, and two-factor sign-in (TOTP with backup codes); and the checks of
// what the organization endpoints would otherwise accept too freely.

/** The roles a person may hold in a practice (decision 014). Owner is the creator's. */
export const practiceRoles = ["owner", "admin", "counsellor"] as const;
/** The roles an owner or admin may give by invitation or by changing a member's role. */
const assignableRoles: ReadonlySet<string> = new Set(["admin", "counsellor"]);
/** An invitation to a practice lasts seven days, like a partner invite. */
const invitationSeconds = 7 * 24 * 60 * 60;

// What each role may do through Better Auth's organization endpoints (decision 014).
const practiceAccess = createAccessControl({
  organization: defaultStatements.organization,
  member: defaultStatements.member,
  invitation: defaultStatements.invitation,
});
const practiceRoleAccess = {
  owner: practiceAccess.newRole({ organization: ["update", "delete"], member: ["create", "update", "delete"], invitation: ["create", "cancel"] }),
  admin: practiceAccess.newRole({ organization: ["update"], member: ["create", "update", "delete"], invitation: ["create", "cancel"] }),
  counsellor: practiceAccess.newRole({ organization: [], member: [], invitation: [] }),
};

/** `secret` is the auth secret: Better Auth encrypts the backup codes with it. */
export type PluginDeps = { publicUrl: string; mailer: Mailer; secret: string };

/**
 * Better Auth's plugins as Mutual uses them: practices (organizations) with owner, admin
 * and counsellor roles, and two-factor sign-in (TOTP with backup codes). Exported so the
 * schema test checks our migrations against exactly these options.
 */
/** Build them into Better Auth as a literal tuple, so their endpoint and field types carry through. */
export function createAuthPlugins({ publicUrl, mailer, secret }: PluginDeps) {
  const refuseRole = () => new APIError("BAD_REQUEST", { message: "A colleague can be an admin or a counsellor.", code: "ROLE_NOT_ALLOWED" });
  return {
    practices: organization({
      // Admins manage members and invitations; counsellors manage nothing in the practice.
      ac: practiceAccess,
      roles: practiceRoleAccess,
      creatorRole: "owner",
      teams: { enabled: false },
      invitationExpiresIn: invitationSeconds,
      cancelPendingInvitationsOnReInvite: true,
      organizationHooks: {
        beforeCreateInvitation: async ({ invitation }) => {
          if (!assignableRoles.has(invitation.role)) throw refuseRole();
        },
        beforeUpdateMemberRole: async ({ newRole }) => {
          if (!assignableRoles.has(newRole)) throw refuseRole();
        },
      },
      // The email names the practice (quoted, as its owner wrote it) and the role, nothing about anyone's clients.
      // In the language of the page the invitation was made from: the invitee may have no account
      // (and so no stored choice) yet, and a colleague usually shares the inviter's (decision 083).
      async sendInvitationEmail({ id, email, role, organization: practice }, request) {
        const invitationUrl = new URL(`/practice/join/${encodeURIComponent(id)}`, publicUrl).toString();
        await mailer.send({
          to: email,
          ...practiceInvitationEmail({
            invitationUrl,
            practiceName: practice.name,
            role: role === "admin" ? "admin" : "counsellor",
            language: languageFromAcceptLanguage(request?.headers.get("accept-language") ?? undefined),
          }),
        });
      },
    }),
    twoFactor: twoFactor({
      issuer: "Mutual",
      totpOptions: { digits: 6, period: 30 },
      // Codes without look-alike characters, matched in any case (backup-codes.ts).
      backupCodeOptions: { amount: 10, customBackupCodesGenerate: () => generateBackupCodes(10), storeBackupCodes: backupCodeStore(secret) },
    }),
  };
}

/** Checks what Better Auth's organization endpoints would otherwise accept too freely. */
export function organizationRequestCheck(path: string, body: Record<string, unknown> | undefined) {
  if (!path.startsWith("/organization/")) return undefined;
  if (path === "/organization/create") {
    // Only a name is taken from the browser (open-endpoints.ts): a creator id, logo or metadata
    // cannot be slipped in.
    // The one rule for chosen names (decision 031): the name is quoted in invitation emails.
    const problem = typeof body?.name === "string" ? chosenNameProblem(body.name, PRACTICE_NAME_MAX_LENGTH) : "empty";
    if (problem === "not-one-line") throw new APIError("BAD_REQUEST", { message: "A practice's name is one line of text.", code: "PRACTICE_NAME_INVALID" });
    if (problem !== null) {
      throw new APIError("BAD_REQUEST", {
        message: `Give the practice a name of up to ${PRACTICE_NAME_MAX_LENGTH} characters.`,
        code: "PRACTICE_NAME_INVALID",
      });
    }
    // The slug is ours: unused, but Better Auth needs one, unique.
    return { name: String(body?.name).trim(), slug: randomUUID() };
  }
  // An email here would let anyone in a practice learn who has an account there (Better Auth
  // answers "member not found" before it checks the permission): members are named by id only.
  if (path === "/organization/remove-member" && typeof body?.memberIdOrEmail === "string" && body.memberIdOrEmail.includes("@")) {
    throw new APIError("BAD_REQUEST", { message: "Name the member by their id.", code: "MEMBER_ID_REQUIRED" });
  }
  if ((path === "/organization/invite-member" || path === "/organization/update-member-role") && typeof body?.role !== "string") {
    throw new APIError("BAD_REQUEST", { message: "A colleague can be an admin or a counsellor.", code: "ROLE_NOT_ALLOWED" });
  }
  return undefined;
}
