import { Navigate, useLocation, useParams } from "react-router";
import type { InviteKind } from "@mutual/core";
import { codeFromHash } from "../../components/invite-code/invite-code";
import { InviteLanding } from "../../features/invite-landing/components/invite-landing";
import { signInPathFor } from "../require-sign-in";

/** The invite a join page's address carries: its kind from the path, the code from the fragment (or the colleague invitation's id). */
function inviteOf(pathname: string, hash: string, invitationId: string | undefined): { kind: InviteKind; code: string | null } {
  if (invitationId !== undefined) return { kind: "colleague", code: invitationId };
  return { kind: pathname.startsWith("/counselling") ? "client" : "partner", code: codeFromHash(hash) };
}

/** A join page opened signed out: the invite's landing; without a code in the link, sign in first as before. */
export function InviteLandingRoute() {
  const location = useLocation();
  const { invitationId } = useParams();
  const { kind, code } = inviteOf(location.pathname, location.hash, invitationId);
  if (code === null) return <Navigate to={signInPathFor(location)} replace />;
  return <InviteLanding kind={kind} code={code} joinPath={`${location.pathname}${location.search}${location.hash}`} />;
}
