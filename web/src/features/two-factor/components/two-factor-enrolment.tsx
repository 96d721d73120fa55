import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { PasswordStepForm } from "../../../components/password-step-form";
import { CodeField } from "../../../components/two-factor/code-field";
import { useStartEnrolment, useVerifyCode, type Enrolment } from "../../../lib/api/two-factor-api";
import { BackupCodes } from "./backup-codes";
import { groupSecret, isSixDigits, normalizeCode, secretOf } from "../../../components/two-factor/otpauth";
import { QrCode } from "./qr-code";
import { describeCodeError } from "../../../components/two-factor/code-error";

type Step = { name: "password" } | { name: "scan"; enrolment: Enrolment } | { name: "done"; backupCodes: string[] };

/**
 * Turning two-step sign-in on: the password, then the QR code (and the secret as text for
 * typing by hand), then a first code to prove the app works, then the backup codes, shown once.
 */
export function TwoFactorEnrolment({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ name: "password" });
  if (step.name === "password") return <PasswordStep onStarted={(enrolment) => setStep({ name: "scan", enrolment })} />;
  if (step.name === "scan")
    return <ScanStep enrolment={step.enrolment} onConfirmed={() => setStep({ name: "done", backupCodes: step.enrolment.backupCodes })} />;
  return (
    <div className="form">
      <Alert tone="success">{t("twoFactor.enabled")}</Alert>
      <BackupCodes codes={step.backupCodes} />
      <Button onClick={onDone}>{t("twoFactor.savedCodes")}</Button>
    </div>
  );
}

function PasswordStep({ onStarted }: { onStarted: (enrolment: Enrolment) => void }) {
  const { t } = useTranslation();
  const start = useStartEnrolment();
  return (
    <PasswordStepForm
      intro={t("twoFactor.passwordIntro")}
      submitLabel={t("twoFactor.continue")}
      send={(password) => start.mutate(password, { onSuccess: onStarted })}
      pending={start.isPending}
      error={start.error}
    />
  );
}

function ScanStep({ enrolment, onConfirmed }: { enrolment: Enrolment; onConfirmed: () => void }) {
  const { t } = useTranslation();
  const verify = useVerifyCode();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | undefined>();
  const secret = secretOf(enrolment.totpURI);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const entered = normalizeCode(code);
    const problem = entered === "" ? t("validation.required") : !isSixDigits(entered) ? t("twoFactor.codeFormat") : undefined;
    setError(problem);
    if (!problem) verify.mutate(entered, { onSuccess: onConfirmed });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <h2>{t("twoFactor.scanTitle")}</h2>
      <p>{t("twoFactor.scanIntro")}</p>
      <figure className="two-factor__qr">
        <QrCode text={enrolment.totpURI} />
        <figcaption>
          {t("twoFactor.manualEntry")} <code className="two-factor__secret">{groupSecret(secret)}</code>
        </figcaption>
      </figure>
      <p>
        <a href={enrolment.totpURI}>{t("twoFactor.openOnThisPhone")}</a>
      </p>
      {verify.isError && <Alert tone="error">{describeCodeError(verify.error, t)}</Alert>}
      <CodeField
        label={t("twoFactor.confirmCodeLabel")}
        hint={t("twoFactor.codeHint")}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={error}
      />
      <Button type="submit" busy={verify.isPending}>
        {verify.isPending ? t("auth.working") : t("twoFactor.confirm")}
      </Button>
    </form>
  );
}
