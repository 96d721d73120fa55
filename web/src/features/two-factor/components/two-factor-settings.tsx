import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { PasswordStepForm } from "../../../components/password-step-form";
import { useDisableTwoFactor } from "../../../lib/api/two-factor-api";
import { TwoFactorEnrolment } from "./two-factor-enrolment";

/** Two-step sign-in on the account: turn it on (enrolment) or off (with the password). */
export function TwoFactorSettings({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const [enrolling, setEnrolling] = useState(false);
  const [justEnabled, setJustEnabled] = useState(false);
  if (enrolling) {
    return (
      <TwoFactorEnrolment
        onDone={() => {
          setEnrolling(false);
          setJustEnabled(true);
        }}
      />
    );
  }
  if (enabled) {
    return (
      <>
        {justEnabled && <Alert tone="success">{t("twoFactor.enabled")}</Alert>}
        <p>{t("twoFactor.statusOn")}</p>
        <DisableForm />
      </>
    );
  }
  return (
    <>
      <p>{t("twoFactor.statusOff")}</p>
      <p>{t("twoFactor.whatItIs")}</p>
      <Button onClick={() => setEnrolling(true)}>{t("twoFactor.turnOn")}</Button>
    </>
  );
}

function DisableForm() {
  const { t } = useTranslation();
  const disable = useDisableTwoFactor();
  return (
    <PasswordStepForm
      title={t("twoFactor.turnOffTitle")}
      intro={t("twoFactor.turnOffWarning")}
      submitLabel={t("twoFactor.turnOff")}
      variant="danger"
      send={(password, clear) => disable.mutate(password, { onSuccess: clear })}
      pending={disable.isPending}
      error={disable.error}
    />
  );
}
