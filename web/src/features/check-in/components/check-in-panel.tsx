import { useState } from "react";
import { useTranslation } from "react-i18next";
import { readBrowserTimeZone, useCurrentCheckIn } from "../../../lib/api/check-in-api";
import { useConsent } from "../../../lib/api/consent-api";
import { CheckInForm, type AfterSave } from "./check-in-form";
import { ConsentFirst } from "../../../components/consent-first";
import { Alert } from "../../../components/alert";
import { Loading } from "../../../components/loading";
import { LoadError } from "../../../components/load-error";
import { NetworkError } from "../../../lib/api-client";

/** Loads this week's check-in in the browser's time zone and shows the form for it. */
export function CheckInPanel({ afterSave }: { afterSave?: AfterSave }) {
  const { t } = useTranslation();
  const [timeZone] = useState(readBrowserTimeZone);
  const current = useCurrentCheckIn(timeZone);
  const consent = useConsent();

  // No answer is stored before consent: send the person to the notice before they type anything.
  if (consent.data && !consent.data.hasConsented) return <ConsentFirst next="/check-in" />;
  if (current.isPending || consent.isPending) {
    return <Loading />;
  }
  if (current.isError && current.error instanceof NetworkError) {
    // No connection: the form still works, and keeps the answers on this device (decision 049).
    return (
      <>
        <Alert tone="info">{t("checkIn.offlineForm")}</Alert>
        <CheckInForm key="offline" timeZone={timeZone} saved={null} afterSave={afterSave} />
      </>
    );
  }
  if (current.isError) {
    return <LoadError message={t("checkIn.loadError")} retryLabel={t("checkIn.retryLoad")} query={current} />;
  }
  const { week, checkIn } = current.data;
  return (
    <>
      <p className="check-in__week">
        <strong>{t("checkIn.thisWeek", { week })}</strong>
        <br />
        {t("checkIn.editableUntil")}
      </p>
      <p>{checkIn ? t("checkIn.alreadySaved") : t("checkIn.intro")}</p>
      {/* A new week starts with a fresh form; within a week the saved answers fill it. */}
      <CheckInForm key={week} timeZone={timeZone} saved={checkIn} afterSave={afterSave} />
    </>
  );
}
