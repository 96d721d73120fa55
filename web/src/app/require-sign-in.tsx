import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { useTranslation } from "react-i18next";
import { useMe } from "../features/auth/api/auth-api";
import { Alert } from "../components/alert";
import { Loading } from "../components/loading";

/** Shows its children to a signed-in person; otherwise sends them to sign in and back. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return <Loading />;
  }
  if (me.isError) return <Alert tone="error">{t("app.networkError")}</Alert>;
  if (!me.data) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  return <>{children}</>;
}

/** Only same-site paths may follow sign-in, so a crafted link cannot send people elsewhere. */
export function safeNextPath(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}
