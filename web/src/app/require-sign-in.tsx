import { useEffect, type ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { useSession } from "../lib/session";
import { SessionUnavailable } from "./session-unavailable";
import { Loading } from "../components/loading";

/**
 * Shows its children to a signed-in person; otherwise sends them to sign in and back. `preload`
 * starts fetching the page's code at once, beside the question of who is signed in (decision 061).
 */
export function RequireSignIn({ children, preload }: { children: ReactNode; preload?: () => void }) {
  const me = useSession();
  const location = useLocation();
  useEffect(() => preload?.(), [preload]);
  if (me.isPending) {
    return <Loading />;
  }
  if (me.isError) return <SessionUnavailable />;
  if (!me.data) return <Navigate to={signInPathFor(location)} replace />;
  return <>{children}</>;
}

/**
 * Sign-in for a page, keeping the page's path and query in `next` and its "#…" as the sign-in
 * page's own hash: a partner's invite code rides there, so it never appears in a query string
 * that a server could log, even if the sign-in page is reloaded.
 */
export function signInPathFor(location: { pathname: string; search: string; hash: string }): string {
  return `/sign-in?next=${encodeURIComponent(location.pathname + location.search)}${location.hash}`;
}
