import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { PasswordField } from "../../../components/text-field";
import { useDisableTwoFactor } from "../../../lib/api/two-factor-api";
import { describeAccountError } from "../../../lib/server-message";
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
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | undefined>();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problem = password === "" ? t("validation.required") : undefined;
    setError(problem);
    if (!problem) disable.mutate(password, { onSuccess: () => setPassword("") });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <h2>{t("twoFactor.turnOffTitle")}</h2>
      <p>{t("twoFactor.turnOffWarning")}</p>
      {disable.isError && <Alert tone="error">{describeAccountError(disable.error, t)}</Alert>}
      <PasswordField label={t("auth.currentPassword")} autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} error={error} />
      <Button type="submit" variant="danger" busy={disable.isPending}>
        {disable.isPending ? t("auth.working") : t("twoFactor.turnOff")}
      </Button>
    </form>
  );
}
