// The Better Auth endpoints a browser may reach, and the only body fields each takes (decision
// 033). Better Auth serves some sixty endpoints with the plugins we use, and most of them accept
// more than Mutual needs: sign-up stored any `image` it was sent (a 60 KB `javascript:` string
// came back from get-session), verify-password let a session guess the password unthrottled.
// An endpoint not listed here answers 404 from outside, as an unknown one does; a field not
// listed is a 400 before Better Auth reads the body. In-process calls (confirm-email's sign-in
// and verify-email) are not mounted requests and are not subject to the path list.

/** Body fields per endpoint path (Better Auth's path, after /api/auth). GET endpoints take none. */
export const openAuthEndpoints: Readonly<Record<string, readonly string[]>> = {
  "/get-session": [],
  "/list-sessions": [],
  "/sign-up/email": ["name", "email", "password", "callbackURL"],
  "/sign-in/email": ["email", "password"],
  "/sign-out": [],
  "/send-verification-email": ["email", "callbackURL"],
  "/request-password-reset": ["email"],
  "/reset-password": ["token", "newPassword"],
  "/change-password": ["currentPassword", "newPassword", "revokeOtherSessions"],
  "/update-user": ["name"],
  // `code`: the current two-step code, which an account with two-step sign-in must add (decision 033).
  "/delete-user": ["password", "code"],
  "/revoke-session": ["token"],
  "/revoke-other-sessions": [],
  "/revoke-sessions": [],
  "/two-factor/enable": ["password"],
  "/two-factor/disable": ["password"],
  "/two-factor/verify-totp": ["code", "trustDevice"],
  "/two-factor/verify-backup-code": ["code", "trustDevice"],
  // Practices (decision 014): reads go through our own /api/practices routes, which decide what each role sees.
  "/organization/create": ["name", "slug"],
  "/organization/invite-member": ["organizationId", "email", "role"],
  "/organization/get-invitation": [],
  "/organization/accept-invitation": ["invitationId"],
  "/organization/reject-invitation": ["invitationId"],
  "/organization/cancel-invitation": ["invitationId"],
  "/organization/update-member-role": ["organizationId", "memberId", "role"],
  "/organization/remove-member": ["organizationId", "memberIdOrEmail"],
  "/organization/leave": ["organizationId"],
};

/**
 * True when a mounted request's path (under /api/auth) names an open endpoint. Compared decoded,
 * in lower case and without repeated or trailing slashes, so no other spelling of a closed path
 * slips by; a path that does not decode is closed.
 */
export function isOpenAuthPath(pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  const path = decoded
    .toLowerCase()
    .replace(/\/{2,}/g, "/")
    .replace(/\/+$/, "");
  return path.startsWith("/api/auth/") && Object.hasOwn(openAuthEndpoints, path.slice("/api/auth".length));
}

/** The fields of a body that its endpoint does not take ([] when none, or for an endpoint not listed). */
export function unexpectedFields(path: string, body: unknown): string[] {
  const accepted = openAuthEndpoints[path];
  if (!accepted || typeof body !== "object" || body === null || Array.isArray(body)) return [];
  return Object.keys(body).filter((key) => !accepted.includes(key));
}
