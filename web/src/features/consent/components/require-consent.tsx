import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { useConsent } from "../../../lib/api/consent-api";
import { Loading } from "../../../components/loading";

/** Shows its children once the person has agreed to the notice; otherwise sends them to it first. */
export function RequireConsent({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const consent = useConsent();
  const location = useLocation();
  if (consent.isPending) {
    return <Loading />;
  }
  if (consent.isError) return <Alert tone="error">{t("app.networkError")}</Alert>;
  if (!consent.data.hasConsented) return <Navigate to={`/consent?next=${encodeURIComponent(location.pathname)}`} replace />;
  return <>{children}</>;
}
