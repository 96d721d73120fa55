import type { ComponentType } from "react";
import { Navigate, useLocation, useParams } from "react-router";
import type { InviteKind } from "@mutual/core";
import { codeFromHash } from "../../components/invite-code/invite-code";
import { InviteLanding } from "../../features/invite-landing/components/invite-landing";
import { Alert } from "../../components/alert";
import { Loading } from "../../components/loading";
import { useSession } from "../../lib/session";
import { useShellText } from "../../lib/shell-text";
import { PartnerJoinRoute } from "./partner-join";
import { CounsellingJoinRoute } from "./counselling-join";
import { PracticeJoinRoute } from "./practice-join";

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
  // Without a code, sign in first as before (the same address as require-sign-in.tsx's, not imported: that file is in the first load).
  if (code === null) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}${location.hash}`} replace />;
  return <InviteLanding kind={kind} code={code} joinPath={`${location.pathname}${location.search}${location.hash}`} />;
}

/** An invite link's page: the join page for a signed-in person, the invite's landing for anyone else (decision 058). */
function invitePage(JoinPage: ComponentType) {
  return function InvitePage() {
    const me = useSession();
    const t = useShellText();
    if (me.isPending) return <Loading />;
    if (me.isError) return <Alert tone="error">{t("app.networkError")}</Alert>;
    return me.data ? <JoinPage /> : <InviteLandingRoute />;
  };
}

export const PartnerInviteRoute = invitePage(PartnerJoinRoute);
export const CounsellingInviteRoute = invitePage(CounsellingJoinRoute);
export const PracticeInviteRoute = invitePage(PracticeJoinRoute);
