// Invite codes as people handle them, shared by the partner invite (couple) and the client
// invite (counselling). They are one kind of code on the server (server/src/modules/invite-codes),
// so making, showing, copying and typing one are written once here, in a feature folder of
// their own beside the two that use it: not in web/src/components, which holds design
// primitives with no product rules, and not in either feature, so neither reaches into the other.
// Each feature passes its own wording; only the copy button's words live here
// (components/invite-code/locales). Both users are lazily loaded pages, so nothing here is in the first load.
import { formatInviteCode, normalizeInviteCode } from "@mutual/core";
import { ApiRequestError } from "../../lib/api-client";

/** The code as people see it: two groups of five, whatever the server's spacing. */
export function displayCode(code: string): string {
  return formatInviteCode(normalizeInviteCode(code) ?? code);
}

/** The link someone opens to join; the code rides after "#", so it never reaches a server log. */
export function inviteLinkFor(joinPath: string, code: string): string {
  return `${window.location.origin}${joinPath}#${displayCode(code)}`;
}

/** The code in a link's fragment ("#ABCDE-12345", maybe percent-encoded), as it came; null when there is none. */
export function codeFromHash(hash: string): string | null {
  if (!hash.startsWith("#") || hash.length < 2) return null;
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return hash.slice(1);
  }
}

/** The refusals every invite code can meet, whoever made it. */
export type CommonRefusal = "notFound" | "invalid" | "own" | "tooMany" | "other";

const commonRefusals: Record<string, CommonRefusal> = {
  INVITE_NOT_FOUND: "notFound",
  INVALID_CODE: "invalid",
  OWN_INVITE: "own",
  TOO_MANY_ATTEMPTS: "tooMany",
};

/**
 * One plain message per refusal (unknown, expired, used and cancelled codes share one answer):
 * the server's error code as a key of the feature's catalogue, `own` naming the refusals only
 * that feature has; anything else is "other".
 */
export function refusalKey<Own extends string>(error: unknown, own: Readonly<Record<string, Own>>): CommonRefusal | Own {
  const code = error instanceof ApiRequestError ? error.code : undefined;
  if (code === undefined) return "other";
  if (Object.hasOwn(own, code)) return own[code] as Own;
  return Object.hasOwn(commonRefusals, code) ? (commonRefusals[code] as CommonRefusal) : "other";
}
